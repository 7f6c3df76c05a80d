//! The Dutch analyzer: words, lower case, accents folded, Snowball stem.
//! `wervingscampagnes` and `wervingscampagne` share a stem, and so do
//! `mislukte` and `mislukt`; `geëvalueerd` matches `geevalueerd`.

use std::cell::RefCell;
use std::collections::HashMap;

use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, BoxTokenStream, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
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

/// The Dutch analyzer for highlighting: the same tokens as `dutch()`, with
/// each word's stem remembered per thread. Stemming every word of every hit
/// again was most of the time of making snippets; the words of a language
/// repeat, so a few thousand remembered stems answer most of them.
pub fn for_snippets() -> TextAnalyzer {
    TextAnalyzer::from(SnippetTokenizer {
        words: words(),
        stem: dutch(),
    })
}

/// How many stems a thread remembers (about 100 bytes each, so ~1 MiB per
/// index thread); when full it starts again.
const REMEMBERED_STEMS: usize = 10_000;

thread_local! {
    static STEMS: RefCell<HashMap<String, String, rustc_hash::FxBuildHasher>> =
        RefCell::new(HashMap::default());
}

#[derive(Clone)]
struct SnippetTokenizer {
    words: TextAnalyzer,
    stem: TextAnalyzer,
}

struct SnippetStream<'a> {
    inner: BoxTokenStream<'a>,
    stem: &'a mut TextAnalyzer,
    token: Token,
}

impl Tokenizer for SnippetTokenizer {
    type TokenStream<'a> = SnippetStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SnippetStream<'a> {
        SnippetStream {
            inner: self.words.token_stream(text),
            stem: &mut self.stem,
            token: Token::default(),
        }
    }
}

impl TokenStream for SnippetStream<'_> {
    fn advance(&mut self) -> bool {
        if !self.inner.advance() {
            return false;
        }
        self.token.clone_from(self.inner.token());
        let token = &mut self.token;
        let known = STEMS.with(|m| match m.borrow().get(&token.text) {
            Some(stem) => {
                token.text.clear();
                token.text.push_str(stem);
                true
            }
            None => false,
        });
        if !known {
            // The word is already lower case and folded: stemming it again
            // through `dutch()` changes only the ending.
            let stem = self
                .stem
                .token_stream(&token.text)
                .next()
                .map(|t| t.text.clone())
                .unwrap_or_else(|| token.text.clone());
            STEMS.with(|m| {
                let mut m = m.borrow_mut();
                if m.len() >= REMEMBERED_STEMS {
                    m.clear();
                }
                m.insert(std::mem::replace(&mut token.text, stem.clone()), stem);
            });
        }
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
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

    #[test]
    fn snippet_analyzer_gives_the_tokens_of_the_dutch_analyzer() {
        let text = "Twee Wervingscampagnes, nieuwe mogelijkheden; gelopen roosters en Geëvalueerd";
        let mut full = dutch();
        let mut snippets = for_snippets();
        // Twice: the second time the stems come from memory.
        for _ in 0..2 {
            assert_eq!(tokens(&mut snippets, text), tokens(&mut full, text));
        }
        let mut a = snippets.clone();
        let mut stream = a.token_stream("Nieuwe roosters");
        stream.advance();
        stream.advance();
        assert_eq!(
            stream.token().offset_from,
            7,
            "offsets are those of the text"
        );
    }
}
