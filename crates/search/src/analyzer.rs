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

use crate::compounds;

/// Stemmed, for matching.
pub const DUTCH: &str = "nl_stem";
/// Not stemmed, for spelling suggestions that are real words.
pub const WORDS: &str = "nl_words";
/// The parts of compounds, stemmed.
pub const PARTS: &str = "nl_parts";

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
    index.tokenizers().register(PARTS, parts());
}

/// Compound parts, stemmed, for the `parts` field: `wervingscampagnes`
/// gives `werving` and `campagn`; a word that is no compound gives nothing.
pub fn parts() -> TextAnalyzer {
    TextAnalyzer::builder(PartsTokenizer { words: words() })
        .filter(Stemmer::new(Language::Dutch))
        .build()
}

/// The Dutch analyzer for highlighting: the tokens of `dutch()`, each
/// compound's parts just before it (with the offsets of the part, so the
/// part is what gets marked), and each word's stem remembered per thread.
/// Stemming every word of every hit again was most of the time of making
/// snippets; the words of a language repeat, so a few thousand remembered
/// stems answer most of them.
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

/// The stem of `word` (lower case, folded) into `out`, from memory when
/// this thread has seen the word before.
fn stem_into(stem: &mut TextAnalyzer, word: &str, out: &mut String) {
    out.clear();
    let known = STEMS.with(|m| match m.borrow().get(word) {
        Some(s) => {
            out.push_str(s);
            true
        }
        None => false,
    });
    if known {
        return;
    }
    // The word is already lower case and folded: stemming it again
    // through `dutch()` changes only the ending.
    match stem.token_stream(word).next() {
        Some(t) => out.push_str(&t.text),
        None => out.push_str(word),
    }
    STEMS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= REMEMBERED_STEMS {
            m.clear();
        }
        m.insert(word.to_string(), out.clone());
    });
}

/// Longest word the analyzers keep, in bytes (`RemoveLongFilter` in `dutch()`).
const LONGEST_WORD: usize = 39;

/// The words of a text as `words()` gives them: runs of letters and digits
/// (`SimpleTokenizer`), not too long, in lower case without accents.
struct FoldedWords<'a> {
    text: &'a str,
    /// Where the next word is looked for.
    at: usize,
    words: &'a mut TextAnalyzer,
}

impl FoldedWords<'_> {
    /// The next word into `token` (text, offsets, position); false at the
    /// end. Returns whether the word was plain ASCII, so that offsets in the
    /// folded word are offsets in the text too.
    /// Most words are plain ASCII: those are lower-cased here in one pass;
    /// any other goes through `words()` itself (the filters of a boxed
    /// token stream per word were a third of the time of a snippet).
    fn next_into(&mut self, token: &mut Token) -> Option<bool> {
        loop {
            let rest = &self.text[self.at..];
            let Some(start) = rest.find(char::is_alphanumeric) else {
                self.at = self.text.len();
                return None;
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
            token.offset_from = start;
            token.offset_to = end;
            token.position = token.position.wrapping_add(1);
            token.text.clear();
            let ascii = word.is_ascii();
            if ascii {
                token
                    .text
                    .extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                let mut folded = self.words.token_stream(word);
                if let Some(t) = folded.next() {
                    token.text.push_str(&t.text);
                }
            }
            return Some(ascii);
        }
    }
}

/// A word and the parts of it still to be given out.
#[derive(Default)]
struct Word {
    token: Token,
    ascii: bool,
    parts: Vec<(usize, usize)>,
    next_part: usize,
}

impl Word {
    /// Reads the next word and splits it; false at the end.
    fn read(&mut self, words: &mut FoldedWords) -> bool {
        let Some(ascii) = words.next_into(&mut self.token) else {
            return false;
        };
        self.ascii = ascii;
        self.parts = compounds::parts(&self.token.text);
        self.next_part = 0;
        true
    }

    /// The next part as (folded text, offset from, offset to) in the text.
    /// Where folding changed the word's length the whole word is marked.
    fn next_part(&mut self) -> Option<(&str, usize, usize)> {
        let &(a, b) = self.parts.get(self.next_part)?;
        self.next_part += 1;
        let from = self.token.offset_from;
        let (offset_from, offset_to) = if self.ascii {
            (from + a, from + b)
        } else {
            (from, self.token.offset_to)
        };
        Some((&self.token.text[a..b], offset_from, offset_to))
    }
}

#[derive(Clone)]
struct PartsTokenizer {
    words: TextAnalyzer,
}

struct PartsStream<'a> {
    words: FoldedWords<'a>,
    word: Word,
    token: Token,
}

impl Tokenizer for PartsTokenizer {
    type TokenStream<'a> = PartsStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PartsStream<'a> {
        PartsStream {
            words: FoldedWords {
                text,
                at: 0,
                words: &mut self.words,
            },
            word: Word::default(),
            token: Token::default(),
        }
    }
}

impl TokenStream for PartsStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            if let Some((part, from, to)) = self.word.next_part() {
                let token = &mut self.token;
                token.text.clear();
                token.text.push_str(part);
                token.offset_from = from;
                token.offset_to = to;
                token.position = self.word.token.position;
                return true;
            }
            if !self.word.read(&mut self.words) {
                return false;
            }
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[derive(Clone)]
struct SnippetTokenizer {
    words: TextAnalyzer,
    stem: TextAnalyzer,
}

struct SnippetStream<'a> {
    words: FoldedWords<'a>,
    stem: &'a mut TextAnalyzer,
    word: Word,
    /// The current word itself is still to be given (after its parts).
    word_pending: bool,
    token: Token,
}

impl Tokenizer for SnippetTokenizer {
    type TokenStream<'a> = SnippetStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SnippetStream<'a> {
        SnippetStream {
            words: FoldedWords {
                text,
                at: 0,
                words: &mut self.words,
            },
            stem: &mut self.stem,
            word: Word::default(),
            word_pending: false,
            token: Token::default(),
        }
    }
}

impl TokenStream for SnippetStream<'_> {
    /// A compound's parts come before the word: a snippet ends where its
    /// last token ends, so the whole word must come last.
    fn advance(&mut self) -> bool {
        loop {
            let position = self.word.token.position;
            if let Some((part, from, to)) = self.word.next_part() {
                stem_into(self.stem, part, &mut self.token.text);
                self.token.offset_from = from;
                self.token.offset_to = to;
                self.token.position = position;
                return true;
            }
            if self.word_pending {
                self.word_pending = false;
                let word = &self.word.token;
                stem_into(self.stem, &word.text, &mut self.token.text);
                self.token.offset_from = word.offset_from;
                self.token.offset_to = word.offset_to;
                self.token.position = position;
                return true;
            }
            if !self.word.read(&mut self.words) {
                return false;
            }
            self.word_pending = true;
        }
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
        // The parts of compounds, stemmed (werving as the stemmer has it),
        // with their own offsets in the text.
        let parts = with_offsets(&mut parts());
        assert_eq!(
            parts,
            [
                ("werf".to_string(), 5, 12),
                ("campagne".to_string(), 13, 22)
            ]
        );
        // Twice: the second time the stems come from memory.
        for _ in 0..2 {
            let mut got = with_offsets(&mut snippets);
            // Each compound's parts come just before it.
            let at = got
                .iter()
                .position(|t| *t == parts[0])
                .expect("the first part");
            assert_eq!(got[at + 1], parts[1]);
            assert_eq!(got[at + 2].1, 5);
            got.drain(at..at + 2);
            assert_eq!(got, expected);
        }
    }
}
