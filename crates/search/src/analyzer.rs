//! The Dutch analyzer: words, lower case, accents folded, Snowball stem.
//! `wervingscampagnes` and `wervingscampagne` share a stem, and so do
//! `mislukte` and `mislukt`; `geëvalueerd` matches `geevalueerd`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::FxHashSet;

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
/// Every word twice and the parts of compounds once, stemmed.
pub const WORDS_AND_PARTS: &str = "nl_words_and_parts";

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
    index
        .tokenizers()
        .register(WORDS_AND_PARTS, words_and_parts());
}

/// What the words of a search are looked up in: every word, stemmed, and
/// after it the parts of a compound (`wervingscampagnes` gives
/// `wervingscampagne`, `werf` and `campagne`). Each word counts twice and
/// each part once, so a story that says `werving` ranks above one that
/// says `wervingsdag` as often, in one list per word: a second clause per
/// word to score the word itself made every search a third slower.
pub fn words_and_parts() -> TextAnalyzer {
    TextAnalyzer::builder(WordsAndPartsTokenizer { words: words() })
        .filter(Stemmer::new(Language::Dutch))
        .build()
}

/// The Dutch analyzer for highlighting `terms` (stems): the tokens of
/// `dutch()`, except that a compound whose parts are among the terms gives
/// those parts (with their own offsets, so the part is what gets marked).
/// Tokens never overlap and come in order, as the snippet maker expects.
/// Each word's stem is remembered per thread: stemming every word of every
/// hit again was most of the time of making snippets, and the words of a
/// language repeat, so a few thousand remembered stems answer most of them.
pub fn for_snippets(terms: Arc<FxHashSet<String>>) -> TextAnalyzer {
    TextAnalyzer::from(SnippetTokenizer {
        words: words(),
        stem: dutch(),
        terms,
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
struct WordsAndPartsTokenizer {
    words: TextAnalyzer,
}

struct WordsAndPartsStream<'a> {
    words: FoldedWords<'a>,
    word: Word,
    /// How many more times the current word itself is to be given.
    word_left: u8,
    token: Token,
}

impl Tokenizer for WordsAndPartsTokenizer {
    type TokenStream<'a> = WordsAndPartsStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordsAndPartsStream<'a> {
        WordsAndPartsStream {
            words: FoldedWords {
                text,
                at: 0,
                words: &mut self.words,
            },
            word: Word::default(),
            word_left: 0,
            token: Token::default(),
        }
    }
}

impl TokenStream for WordsAndPartsStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            if self.word_left > 0 {
                self.word_left -= 1;
                self.token.clone_from(&self.word.token);
                return true;
            }
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
            self.word_left = 2;
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
    terms: Arc<FxHashSet<String>>,
}

struct SnippetStream<'a> {
    words: FoldedWords<'a>,
    stem: &'a mut TextAnalyzer,
    terms: &'a FxHashSet<String>,
    word: Word,
    /// The rest of a compound's tokens, last first.
    pending: Vec<Token>,
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
            terms: &self.terms,
            word: Word::default(),
            pending: Vec::new(),
            token: Token::default(),
        }
    }
}

impl SnippetStream<'_> {
    /// The parts of the current word that are among the terms, in order and
    /// not overlapping (a part of a part gives way to the part it is in).
    fn matching_parts(&mut self) -> Vec<(usize, usize, String)> {
        let mut found: Vec<(usize, usize, String)> = Vec::new();
        while let Some((part, from, to)) = self.word.next_part() {
            let mut stem = String::new();
            stem_into(self.stem, part, &mut stem);
            if self.terms.contains(&stem) {
                found.push((from, to, stem));
            }
        }
        found.sort_by_key(|&(from, to, _)| (from, std::cmp::Reverse(to)));
        let mut end = 0;
        found.retain(|&(from, to, _)| {
            let keep = from >= end;
            if keep {
                end = to;
            }
            keep
        });
        found
    }

    /// Queues the matching parts of the word, with tokens that match
    /// nothing for the letters around them: the snippet maker ends a
    /// piece of text where its last token ends, so the word is covered.
    fn queue_parts(&mut self, found: Vec<(usize, usize, String)>) {
        let word = &self.word.token;
        let mut tokens = Vec::new();
        let mut at = word.offset_from;
        let piece = |from: usize, to: usize, text: String| Token {
            offset_from: from,
            offset_to: to,
            position: word.position,
            text,
            position_length: 1,
        };
        for (from, to, stem) in found {
            if from > at {
                tokens.push(piece(at, from, String::new()));
            }
            tokens.push(piece(from, to, stem));
            at = to;
        }
        if at < word.offset_to {
            tokens.push(piece(at, word.offset_to, String::new()));
        }
        tokens.reverse();
        self.pending = tokens;
    }
}

impl TokenStream for SnippetStream<'_> {
    fn advance(&mut self) -> bool {
        if let Some(token) = self.pending.pop() {
            self.token = token;
            return true;
        }
        if !self.word.read(&mut self.words) {
            return false;
        }
        let word = &self.word.token;
        stem_into(self.stem, &word.text, &mut self.token.text);
        self.token.offset_from = word.offset_from;
        self.token.offset_to = word.offset_to;
        self.token.position = word.position;
        if self.word.parts.is_empty() || self.terms.contains(&self.token.text) {
            return true;
        }
        let found = self.matching_parts();
        if !found.is_empty() {
            self.queue_parts(found);
            if let Some(token) = self.pending.pop() {
                self.token = token;
            }
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
        let expected = with_offsets(&mut full);
        assert!(expected.iter().any(|(w, _, _)| w == "een"), "{expected:?}");
        assert!(!expected.iter().any(|(w, _, _)| w.starts_with('a')));
        // Every word twice, then the parts of a compound, stemmed (werving
        // as the stemmer has it), with their own offsets in the text.
        let both = with_offsets(&mut words_and_parts());
        let twice: Vec<_> = expected
            .iter()
            .flat_map(|t| [t.clone(), t.clone()])
            .collect();
        let parts = [
            ("werf".to_string(), 5, 12),
            ("campagne".to_string(), 13, 22),
        ];
        let at = both.iter().position(|t| *t == parts[0]).expect("parts");
        assert_eq!(both[at..at + 2], parts);
        assert_eq!([&both[..at], &both[at + 2..]].concat(), twice);
        // Twice: the second time the stems come from memory.
        for _ in 0..2 {
            // Looking for nothing in particular: the words as they are.
            let mut plain = for_snippets(Arc::default());
            assert_eq!(with_offsets(&mut plain), expected);
            // Looking for werving: the compound gives that part and a
            // token for the rest of the word that matches nothing.
            let terms = Arc::new(FxHashSet::from_iter(["werf".to_string()]));
            let mut got = with_offsets(&mut for_snippets(terms));
            let at = got
                .iter()
                .position(|t| *t == parts[0])
                .expect("the matching part");
            assert_eq!(got[at + 1], (String::new(), 12, 22));
            got.splice(at..at + 2, [expected[at].clone()]);
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn snippets_of_compounds_hold_wherever_a_piece_of_text_ends() {
        use std::collections::BTreeMap;
        use tantivy::snippet::SnippetGenerator;
        let field = tantivy::schema::Schema::builder().add_text_field("t", tantivy::schema::TEXT);
        // The word and its parts both searched for: every place of the
        // compound around the end of a 220-character piece of text.
        let terms: BTreeMap<String, f32> = ["werf", "campagne", "wervingscampagn"]
            .into_iter()
            .map(|t| (t.to_string(), 1.0))
            .collect();
        let stems = Arc::new(terms.keys().cloned().collect());
        for lead in 180..260 {
            let text = format!("{} wervingscampagnes en een werving", "x ".repeat(lead / 2));
            let generator =
                SnippetGenerator::new(terms.clone(), for_snippets(Arc::clone(&stems)), field, 220);
            let html = generator.snippet(&text).to_html();
            assert!(html.contains("<b>"), "{lead}: {html}");
        }
    }
}
