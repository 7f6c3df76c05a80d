//! Turning what a visitor types into a tantivy query: words must all match
//! (in the title or the text, stemmed, as a word or as a part of a compound,
//! with a typo allowed in longer words), and "quoted phrases" must match as
//! a phrase.

use std::collections::HashSet;

use tantivy::query::{
    BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use crate::analyzer;

/// Words shorter than this are only found as written.
const TYPO_MIN_CHARS: usize = 5;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    pub words: Vec<String>,
    pub phrases: Vec<String>,
}

impl ParsedQuery {
    /// Splits on spaces, keeping "quoted phrases" together. An unclosed
    /// quote counts as closed at the end.
    pub fn parse(q: &str) -> ParsedQuery {
        let mut parsed = ParsedQuery::default();
        let mut in_quote = false;
        for (i, part) in q.split('"').enumerate() {
            in_quote = i % 2 == 1;
            if in_quote {
                if !part.trim().is_empty() {
                    parsed.phrases.push(part.trim().to_string());
                }
            } else {
                parsed
                    .words
                    .extend(part.split_whitespace().map(str::to_string));
            }
        }
        let _ = in_quote;
        parsed.words.truncate(20);
        parsed.phrases.truncate(5);
        parsed
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }

    /// The words that say what is looked for: without small words such as
    /// `de`, `van` and `met` (they are in nearly every story, and a story
    /// that does not use them may still be the one), unless there is
    /// nothing else.
    pub fn content_words(&self) -> Vec<&str> {
        let content: Vec<&str> = self
            .words
            .iter()
            .map(String::as_str)
            .filter(|w| !is_stop_word(w))
            .collect();
        if content.is_empty() {
            self.words.iter().map(String::as_str).collect()
        } else {
            content
        }
    }

    /// The words and the words of the phrases, for spelling suggestions.
    pub fn plain_words(&self) -> Vec<String> {
        self.words
            .iter()
            .cloned()
            .chain(
                self.phrases
                    .iter()
                    .flat_map(|p| p.split_whitespace().map(str::to_string)),
            )
            .collect()
    }

    /// None when nothing was typed (then everything matches).
    ///
    /// Each word must be in `words_and_parts` (title and body, stemmed,
    /// with the parts of compounds); the title
    /// only adds to the score, so the index walks one list of stories per
    /// word (a union of title and body was a fifth of a search's time).
    /// `typos` holds the words (folded, as the `words` field has them) that
    /// are not in the index: those are also matched with a letter or two
    /// different, in `words`, because a stemmer can map a misspelt word far
    /// away from the stem of the right one.
    pub fn to_query(
        &self,
        searcher: &Searcher,
        fields: QueryFields,
        typos: Option<&HashSet<String>>,
    ) -> tantivy::Result<Option<Box<dyn Query>>> {
        let clauses = self.to_clauses(searcher, fields, typos, Matching::All)?;
        Ok((!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>))
    }

    /// The clauses of `to_query`, for a query that adds its own (filters):
    /// side by side with them in one query, every list is intersected at
    /// once instead of a query within a query. Empty when nothing was typed.
    ///
    /// A word is also found as a part of a compound (`werving` in
    /// `wervingscampagne`); such a story ranks below one with the word
    /// itself (see `analyzer::words_and_parts`). Small words such as `de`
    /// and `van` are left out, unless nothing else was typed.
    pub fn to_clauses(
        &self,
        searcher: &Searcher,
        fields: QueryFields,
        typos: Option<&HashSet<String>>,
        matching: Matching,
    ) -> tantivy::Result<Vec<(Occur, Box<dyn Query>)>> {
        let QueryFields {
            title,
            text,
            words,
            words_and_parts,
        } = fields;
        let mut analyzer = searcher.index().tokenizer_for_field(text)?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        // Per word: where it must be, and the title's clause.
        let mut per_word: Vec<(Box<dyn Query>, Box<dyn Query>)> = Vec::new();
        let mut plain = analyzer::words();
        let term_query = |field: Field, token: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, token),
                IndexRecordOption::WithFreqs,
            ))
        };
        for word in self.content_words() {
            let stems = analyzer::tokens(&mut analyzer, word);
            let folded = analyzer::tokens(&mut plain, word);
            for (i, token) in stems.iter().enumerate() {
                let in_title: Box<dyn Query> =
                    Box::new(BoostQuery::new(term_query(title, token), 3.0));
                let typo = folded
                    .get(i)
                    .filter(|w| typos.is_some_and(|t| t.contains(*w)));
                // The word itself or as a part of a compound (one list per
                // word, which tantivy intersects directly); in the title it
                // adds to the score, and tantivy looks into the titles'
                // lists only for what the others found.
                let found = term_query(words_and_parts, token);
                let must: Box<dyn Query> = match typo {
                    None => found,
                    // One typo in words of 5+ letters, two in 9+.
                    Some(w) => {
                        let distance = if w.chars().count() >= 9 { 2 } else { 1 };
                        let fuzzy =
                            FuzzyTermQuery::new(Term::from_field_text(words, w), distance, true);
                        Box::new(BooleanQuery::new(vec![
                            (Occur::Should, found),
                            (Occur::Should, term_query(title, token)),
                            (
                                Occur::Should,
                                Box::new(BoostQuery::new(Box::new(fuzzy), 0.3)) as Box<dyn Query>,
                            ),
                        ]))
                    }
                };
                per_word.push((must, in_title));
            }
        }
        match matching {
            Matching::All => {
                for (must, in_title) in per_word {
                    clauses.push((Occur::Must, must));
                    clauses.push((Occur::Should, in_title));
                }
            }
            Matching::Most => {
                let least = per_word.len().div_ceil(2);
                let words: Vec<(Occur, Box<dyn Query>)> = per_word
                    .into_iter()
                    .map(|(must, in_title)| {
                        let word =
                            BooleanQuery::new(vec![(Occur::Must, must), (Occur::Should, in_title)]);
                        (Occur::Should, Box::new(word) as Box<dyn Query>)
                    })
                    .collect();
                if !words.is_empty() {
                    clauses.push((
                        Occur::Must,
                        Box::new(BooleanQuery::with_minimum_required_clauses(words, least)),
                    ));
                }
            }
        }
        for phrase in &self.phrases {
            let tokens = analyzer::tokens(&mut analyzer, phrase);
            let clause: Box<dyn Query> = match tokens.len() {
                0 => continue,
                1 => term_query(text, &tokens[0]),
                _ => Box::new(PhraseQuery::new(
                    tokens
                        .iter()
                        .map(|t| Term::from_field_text(text, t))
                        .collect(),
                )),
            };
            clauses.push((Occur::Must, clause));
        }
        Ok(clauses)
    }

    /// The words as the `words` field folds them (lower case, no accents)
    /// that are long enough to be looked up with a typo.
    pub fn typo_candidates(&self) -> Vec<String> {
        let mut plain = analyzer::words();
        self.words
            .iter()
            .flat_map(|w| analyzer::tokens(&mut plain, w))
            .filter(|w| w.chars().count() >= TYPO_MIN_CHARS)
            .collect()
    }
}

/// How many of the words a story must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matching {
    /// Every word: what a search asks first.
    All,
    /// At least half of them: when no story has them all.
    Most,
}

/// Small Dutch words that say little about what is looked for: articles,
/// prepositions, pronouns, conjunctions and the most common verbs. Kept
/// short on purpose: `niet`, `geen`, `zelf` and `samen` carry meaning.
const STOP_WORDS: [&str; 66] = [
    "aan", "al", "als", "bij", "dan", "dat", "de", "deze", "die", "dit", "door", "een", "en", "er",
    "ge", "had", "heb", "hebben", "heeft", "het", "hij", "hoe", "hun", "ik", "in", "is", "je",
    "jij", "kan", "me", "men", "met", "mij", "mijn", "na", "naar", "nog", "of", "om", "ons", "ook",
    "op", "over", "te", "tot", "u", "uit", "uw", "van", "voor", "was", "wat", "we", "werd", "wie",
    "wij", "wil", "word", "wordt", "zal", "ze", "zich", "zij", "zijn", "zo", "zou",
];

fn is_stop_word(word: &str) -> bool {
    STOP_WORDS
        .binary_search(&word.to_lowercase().as_str())
        .is_ok()
}

/// The fields a query is made for.
#[derive(Clone, Copy)]
pub struct QueryFields {
    pub title: Field,
    pub text: Field,
    pub words: Field,
    /// Every word and the parts of compounds (stemmed).
    pub words_and_parts: Field,
}

/// Levenshtein distance, or None when it is over `max` (stops early).
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > max {
            return None;
        }
        prev = cur;
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_make_phrases() {
        let p = ParsedQuery::parse(r#"werving "open dag" zorg "half"#);
        assert_eq!(p.words, vec!["werving", "zorg"]);
        assert_eq!(p.phrases, vec!["open dag", "half"]);
        assert!(ParsedQuery::parse("   ").is_empty());
    }

    #[test]
    fn small_words_are_left_out_unless_there_is_nothing_else() {
        assert!(STOP_WORDS.is_sorted(), "sorted for binary_search");
        let p = ParsedQuery::parse("werkdruk verlagen in de GGZ");
        assert_eq!(p.content_words(), ["werkdruk", "verlagen", "GGZ"]);
        let p = ParsedQuery::parse("Wie is er");
        assert_eq!(p.content_words(), ["Wie", "is", "er"]);
    }

    #[test]
    fn edit_distance_with_cut_off() {
        assert_eq!(edit_distance("werving", "werving", 2), Some(0));
        assert_eq!(edit_distance("wervnig", "werving", 2), Some(2));
        assert_eq!(edit_distance("zorg", "werving", 2), None);
    }
}
