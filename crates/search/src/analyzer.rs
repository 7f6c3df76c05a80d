//! The Dutch analyzer: words, lower case, accents folded, Snowball stem.
//! `wervingscampagnes` and `wervingscampagne` share a stem, and so do
//! `mislukte` and `mislukt`; `geëvalueerd` matches `geevalueerd`.

use std::cell::RefCell;
use std::collections::HashMap;

use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer, Token, TokenStream, Tokenizer,
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
    text: &'a str,
    /// Where the next word is looked for.
    at: usize,
    words: &'a mut TextAnalyzer,
    stem: &'a mut TextAnalyzer,
    token: Token,
}

impl Tokenizer for SnippetTokenizer {
    type TokenStream<'a> = SnippetStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SnippetStream<'a> {
        SnippetStream {
            text,
            at: 0,
            words: &mut self.words,
            stem: &mut self.stem,
            token: Token::default(),
        }
    }
}

/// Longest word the analyzers keep, in bytes (`RemoveLongFilter` in `dutch()`).
const LONGEST_WORD: usize = 39;

impl SnippetStream<'_> {
    /// The next word as `words()` gives it: a run of letters and digits
    /// (`SimpleTokenizer`), not too long, in lower case without accents.
    /// Most words are plain ASCII: those are lower-cased here in one pass;
    /// any other goes through `words()` itself (the filters of a boxed
    /// token stream per word were a third of the time of a snippet).
    fn next_word(&mut self) -> bool {
        loop {
            let rest = &self.text[self.at..];
            let Some(start) = rest.find(char::is_alphanumeric) else {
                self.at = self.text.len();
                return false;
            };
            let start = self.at + start;
            let end = self.text[start..]
                .find(|c: char| !c.is_alphanumeric())
                .map_or(self.text.len(), |len| start + len);
            self.at = end;
            let word = &self.text[start..end];
            if word.len() > LONGEST_WORD {
                continue;
            }
            let token = &mut self.token;
            token.offset_from = start;
            token.offset_to = end;
            token.position = token.position.wrapping_add(1);
            token.text.clear();
            if word.is_ascii() {
                token
                    .text
                    .extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                let mut folded = self.words.token_stream(word);
                if let Some(t) = folded.next() {
                    token.text.push_str(&t.text);
                }
            }
            return true;
        }
    }
}

impl TokenStream for SnippetStream<'_> {
    fn advance(&mut self) -> bool {
        if !self.next_word() {
            return false;
        }
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
        // Plain words, accents, digits, an apostrophe, hyphens, a word too
        // long to keep (40 letters) and one just short enough (39).
        let text = format!(
            "Twee Wervingscampagnes, nieuwe mogelijkheden; gelopen roosters en Geëvalueerd \
             collega's in 2024: ruimte-voor-overleg, ÉÉN café. {} {} Einde",
            "a".repeat(40),
            "b".repeat(39)
        );
        let with_offsets = |a: &mut TextAnalyzer| {
            let mut out = Vec::new();
            let mut stream = a.token_stream(&text);
            while let Some(t) = stream.next() {
                out.push((t.text.clone(), t.offset_from, t.offset_to));
            }
            out
        };
        let mut full = dutch();
        let mut snippets = for_snippets();
        let expected = with_offsets(&mut full);
        assert!(expected.iter().any(|(w, _, _)| w == "een"), "{expected:?}");
        assert!(!expected.iter().any(|(w, _, _)| w.starts_with('a')));
        // Twice: the second time the stems come from memory.
        for _ in 0..2 {
            assert_eq!(with_offsets(&mut snippets), expected);
        }
    }
}
