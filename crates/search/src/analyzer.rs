//! The Dutch analyzer: words, lower case, accents folded, Snowball stem.
//! `wervingscampagnes` and `wervingscampagne` share a stem, and so do
//! `mislukte` and `mislukt`; `geëvalueerd` matches `geevalueerd`.

use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};

/// Stemmed, for matching.
pub const DUTCH: &str = "nl_stem";
/// Not stemmed, for spelling suggestions that are real words.
pub const WORDS: &str = "nl_words";

pub fn dutch() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::Dutch))
        .build()
}

pub fn words() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

pub fn register(index: &Index) {
    index.tokenizers().register(DUTCH, dutch());
    index.tokenizers().register(WORDS, words());
}

/// The tokens `analyzer` makes of `text`.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

/// A word as the `words` field stores it (lower case, no accents).
pub fn fold(word: &str) -> String {
    tokens(&mut words(), word).join("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_plurals_and_inflections_share_a_stem() {
        let mut a = dutch();
        let stem = |a: &mut TextAnalyzer, w: &str| tokens(a, w).join(" ");
        assert_eq!(
            stem(&mut a, "wervingscampagnes"),
            stem(&mut a, "wervingscampagne")
        );
        assert_eq!(stem(&mut a, "mislukte"), stem(&mut a, "mislukt"));
        assert_eq!(stem(&mut a, "roosters"), stem(&mut a, "rooster"));
        assert_eq!(stem(&mut a, "campagnes"), stem(&mut a, "campagne"));
        assert_eq!(stem(&mut a, "Geëvalueerd"), stem(&mut a, "geevalueerd"));
        assert_eq!(fold("Ëén"), "een");
    }
}
