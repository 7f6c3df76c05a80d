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
use crate::synonyms::Synonyms;

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

    /// What is looked for, in order: each word, or a run of words that is
    /// a member of a synonym group (then any member of the group will do).
    /// Small words such as `de`, `van` and `met` are left out (they are in
    /// nearly every story, and a story that does not use them may still be
    /// the one), unless there is nothing else.
    pub fn units<'a>(&'a self, synonyms: &'a Synonyms) -> Vec<Unit<'a>> {
        let mut units = Vec::with_capacity(self.words.len());
        if synonyms.is_empty() {
            units.extend(self.words.iter().map(|w| Unit::Word(w)));
        } else {
            let mut stem = analyzer::dutch();
            let stems: Vec<Vec<String>> = self
                .words
                .iter()
                .map(|w| analyzer::tokens(&mut stem, w))
                .collect();
            let mut i = 0;
            while i < self.words.len() {
                match synonyms.at_start(&stems[i..]) {
                    Some(found) => {
                        let typed = self.words[i..i + found.words]
                            .iter()
                            .map(String::as_str)
                            .collect();
                        units.push(Unit::Synonyms {
                            typed,
                            others: found.others,
                        });
                        i += found.words;
                    }
                    None => {
                        units.push(Unit::Word(&self.words[i]));
                        i += 1;
                    }
                }
            }
        }
        if units.iter().any(|u| !u.is_small_word()) {
            units.retain(|u| !u.is_small_word());
        }
        units
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
        synonyms: &Synonyms,
        typos: Option<&HashSet<String>>,
    ) -> tantivy::Result<Option<Box<dyn Query>>> {
        let units = self.units(synonyms);
        let clauses = self.to_clauses(searcher, fields, &units, typos, Matching::All)?;
        Ok((!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>))
    }

    /// The clauses of `to_query`, for a query that adds its own (filters):
    /// side by side with them in one query, every list is intersected at
    /// once instead of a query within a query. Empty when nothing was typed.
    ///
    /// A word is also found as a part of a compound (`werving` in
    /// `wervingscampagne`); such a story ranks below one with the word
    /// itself (see `analyzer::words_and_parts`). Small words such as `de`
    /// and `van` are left out, unless nothing else was typed. A word (or
    /// run of words) in a synonym group is found as typed or as any other
    /// member of the group (a member of several words as a phrase).
    /// `units` are this query's (`units`), worked out once per search.
    pub fn to_clauses(
        &self,
        searcher: &Searcher,
        fields: QueryFields,
        units: &[Unit],
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
        for unit in units {
            let word = match unit {
                Unit::Word(word) => *word,
                Unit::Synonyms { typed, others } => {
                    per_word.push(synonym_clauses(&mut analyzer, fields, typed, others));
                    continue;
                }
            };
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
                if let Some(most) = most_of(per_word) {
                    clauses.push((Occur::Must, most));
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

/// One thing looked for (see `ParsedQuery::units`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit<'a> {
    Word(&'a str),
    /// Words that are a member of a synonym group, and the other members.
    Synonyms {
        typed: Vec<&'a str>,
        others: Vec<&'a str>,
    },
}

/// The other members of the synonym groups of these units, in order.
pub fn other_members(units: &[Unit]) -> Vec<String> {
    units
        .iter()
        .flat_map(|u| match u {
            Unit::Synonyms { others, .. } => others.as_slice(),
            Unit::Word(_) => &[],
        })
        .map(|m| m.to_string())
        .collect()
}

impl Unit<'_> {
    fn is_small_word(&self) -> bool {
        matches!(self, Unit::Word(w) if is_stop_word(w))
    }
}

fn term_query(field: Field, token: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, token),
        IndexRecordOption::WithFreqs,
    ))
}

/// How much another member of a synonym group counts, against the words
/// as typed.
const OTHER_MEMBER: f32 = 0.5;

/// Where a synonym unit must be, and its clause for the title: the words as
/// typed (each of them, as for other words), or any other member of the
/// group (one word as a word or a part of a compound, several words as a
/// phrase).
fn synonym_clauses(
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    fields: QueryFields,
    typed: &[&str],
    others: &[&str],
) -> (Box<dyn Query>, Box<dyn Query>) {
    let mut ways: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut in_title: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let content: Vec<&str> = typed.iter().copied().filter(|w| !is_stop_word(w)).collect();
    let typed_words = if content.is_empty() { typed } else { &content };
    let typed_stems: Vec<String> = typed_words
        .iter()
        .flat_map(|w| analyzer::tokens(analyzer, w))
        .collect();
    let all_typed: Vec<(Occur, Box<dyn Query>)> = typed_stems
        .iter()
        .map(|s| (Occur::Must, term_query(fields.words_and_parts, s)))
        .collect();
    ways.push((Occur::Should, Box::new(BooleanQuery::new(all_typed))));
    in_title.extend(
        typed_stems
            .iter()
            .map(|s| (Occur::Should, term_query(fields.title, s))),
    );
    for other in others {
        let stems = analyzer::tokens(analyzer, other);
        match stems.as_slice() {
            [] => {}
            [one] => {
                ways.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(
                        term_query(fields.words_and_parts, one),
                        OTHER_MEMBER,
                    )),
                ));
                in_title.push((Occur::Should, term_query(fields.title, one)));
            }
            _ => ways.push((
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(PhraseQuery::new(
                        stems
                            .iter()
                            .map(|t| Term::from_field_text(fields.text, t))
                            .collect(),
                    )),
                    OTHER_MEMBER,
                )),
            )),
        }
    }
    (
        Box::new(BooleanQuery::new(ways)),
        Box::new(BoostQuery::new(Box::new(BooleanQuery::new(in_title)), 3.0)),
    )
}

/// Up to this many words, "at least half of them" is asked as every way of
/// choosing that many (4 words: 6 pairs); beyond, as a count over the words.
const MOST_AS_CHOICES: usize = 4;

/// A story with at least half of the words (each a required clause and its
/// title's clause). For a few words, as a union of every choice of half of
/// them, each an intersection: tantivy walks those by skipping through the
/// lists, where a count over the words keeps every posting of every word in
/// a heap (a quarter of the time of a search under load). The score is the
/// same: when this is asked, no story has all the words, so each story
/// matches one choice.
fn most_of(per_word: Vec<(Box<dyn Query>, Box<dyn Query>)>) -> Option<Box<dyn Query>> {
    let n = per_word.len();
    let least = n.div_ceil(2);
    if n == 0 {
        return None;
    }
    if n <= MOST_AS_CHOICES {
        let choices: Vec<(Occur, Box<dyn Query>)> = choose(n, least)
            .into_iter()
            .map(|chosen| {
                let clauses = chosen
                    .into_iter()
                    .flat_map(|i| {
                        let (must, in_title) = &per_word[i];
                        [
                            (Occur::Must, must.box_clone()),
                            (Occur::Should, in_title.box_clone()),
                        ]
                    })
                    .collect();
                (
                    Occur::Should,
                    Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>,
                )
            })
            .collect();
        return Some(Box::new(BooleanQuery::new(choices)));
    }
    let words: Vec<(Occur, Box<dyn Query>)> = per_word
        .into_iter()
        .map(|(must, in_title)| {
            let word = BooleanQuery::new(vec![(Occur::Must, must), (Occur::Should, in_title)]);
            (Occur::Should, Box::new(word) as Box<dyn Query>)
        })
        .collect();
    Some(Box::new(BooleanQuery::with_minimum_required_clauses(
        words, least,
    )))
}

/// Every way of choosing `k` of `0..n`, in order.
fn choose(n: usize, k: usize) -> Vec<Vec<usize>> {
    if k == 0 {
        return vec![Vec::new()];
    }
    if k > n {
        return Vec::new();
    }
    // The choices with the last one, then those without it.
    let mut with_last: Vec<Vec<usize>> = choose(n - 1, k - 1);
    for c in &mut with_last {
        c.push(n - 1);
    }
    let mut all = choose(n - 1, k);
    all.extend(with_last);
    all
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
        let none = Synonyms::default();
        let p = ParsedQuery::parse("werkdruk verlagen in de GGZ");
        let words = |p: &ParsedQuery| -> Vec<String> {
            p.units(&none).iter().map(|u| format!("{u:?}")).collect()
        };
        assert_eq!(
            words(&p),
            [
                r#"Word("werkdruk")"#,
                r#"Word("verlagen")"#,
                r#"Word("GGZ")"#
            ]
        );
        let p = ParsedQuery::parse("Wie is er");
        assert_eq!(p.units(&none).len(), 3);
    }

    #[test]
    fn a_run_of_words_in_a_synonym_group_is_one_unit() {
        let synonyms = Synonyms::new([vec![
            "ggz".to_string(),
            "geestelijke gezondheidszorg".to_string(),
        ]]);
        let p = ParsedQuery::parse("werkdruk in de geestelijke gezondheidszorg");
        assert_eq!(
            p.units(&synonyms),
            [
                Unit::Word("werkdruk"),
                Unit::Synonyms {
                    typed: vec!["geestelijke", "gezondheidszorg"],
                    others: vec!["ggz"]
                }
            ]
        );
    }

    #[test]
    fn every_choice_of_half_the_words() {
        assert_eq!(choose(3, 2), [vec![0, 1], vec![0, 2], vec![1, 2]]);
        assert_eq!(choose(4, 2).len(), 6);
        assert_eq!(choose(1, 1), [vec![0]]);
    }

    #[test]
    fn edit_distance_with_cut_off() {
        assert_eq!(edit_distance("werving", "werving", 2), Some(0));
        assert_eq!(edit_distance("wervnig", "werving", 2), Some(2));
        assert_eq!(edit_distance("zorg", "werving", 2), None);
    }
}
