//! Dutch compounds split into their parts: `wervingscampagne` is `werving`,
//! a linking s and `campagne`; `ouderenzorgbeleid` gives `ouderen`, `zorg`
//! and `beleid`. The index keeps the parts as extra terms (the `parts`
//! field), so a search for `werving` or `zorg` finds them.
//!
//! Like Lucene's dictionary compound-word filter, a word is cut only into
//! words of a dictionary; unlike it, the parts must cover the whole word
//! (with a linking s, e, en or er between them and an inflected ending at
//! the end), and the cut with the fewest parts wins. Lucene's filter takes
//! every dictionary word inside a word, so `werving` would also give
//! `erving`; covering the whole word keeps such accidents out.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use rustc_hash::{FxBuildHasher, FxHashSet};

/// Words that are a part of another word in the OpenTaal list
/// (`scripts/compound-parts.py` makes it), and our own additions.
const OPENTAAL: &str = include_str!("../dictionary/parts.txt");
const OUR_OWN: &str = include_str!("../dictionary/our-own.txt");
/// Words of the list that cut words wrongly (duidelijk is no duide + lijk).
const NOT_PARTS: &str = include_str!("../dictionary/not-parts.txt");

fn lines(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static DICTIONARY: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let not_parts: FxHashSet<&str> = lines(NOT_PARTS).collect();
    lines(OPENTAAL)
        .chain(lines(OUR_OWN))
        .filter(|w| !not_parts.contains(w))
        .collect()
});

/// Parts have 3 to 15 letters (the dictionary holds only a few of 3).
const SHORTEST_PART: usize = 3;
const LONGEST_PART: usize = 15;
/// Shorter words are not split: two parts take at least seven letters.
const SHORTEST_COMPOUND: usize = 7;
/// What may come between two parts: werving-s-campagne, kind-er-opvang.
const LINKS: [&str; 5] = ["", "s", "e", "en", "er"];
/// How the last part may end when the compound is inflected:
/// wervingscampagne-s, zelfrooster-en.
const ENDINGS: [&str; 16] = [
    "", "s", "e", "n", "en", "es", "er", "ers", "ren", "eren", "t", "te", "ten", "d", "de", "den",
];

/// How many split words a thread remembers before it starts again.
const REMEMBERED: usize = 20_000;

/// Remembered cuts: a word and the byte ranges of its parts.
type Splits = HashMap<String, Vec<(u8, u8)>, FxBuildHasher>;

thread_local! {
    static SPLITS: RefCell<Splits> = RefCell::new(HashMap::default());
}

/// The parts of `word` (lower case, accents folded) as byte ranges in it,
/// the parts of parts included; empty when it is not a compound. Each word
/// is split once per thread: the words of a language repeat.
pub fn parts(word: &str) -> Vec<(usize, usize)> {
    if word.len() < SHORTEST_COMPOUND || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
    }
    let known = SPLITS.with(|m| m.borrow().get(word).cloned());
    let ranges = known.unwrap_or_else(|| {
        let mut ranges = Vec::new();
        split_into(word, 0, &mut ranges);
        ranges.sort_unstable();
        ranges.dedup();
        SPLITS.with(|m| {
            let mut m = m.borrow_mut();
            if m.len() >= REMEMBERED {
                m.clear();
            }
            m.insert(word.to_string(), ranges.clone());
        });
        ranges
    });
    ranges
        .into_iter()
        .map(|(a, b)| (usize::from(a), usize::from(b)))
        .collect()
}

/// Adds the parts of `word` (at `offset` in the whole word), and their
/// parts, to `out`.
fn split_into(word: &str, offset: usize, out: &mut Vec<(u8, u8)>) {
    if word.len() < SHORTEST_COMPOUND {
        return;
    }
    for (from, to) in best_cut(word) {
        // Words are at most 40 bytes (the analyzers drop longer ones).
        out.push(((offset + from) as u8, (offset + to) as u8));
        split_into(&word[from..to], offset + from, out);
    }
}

/// The cost of a cut: fewer parts first, then fewer letters between and
/// after them.
type Cost = (u8, u8);

/// The parts of the cheapest cut of `word` into two or more dictionary
/// words, or none.
fn best_cut(word: &str) -> Vec<(usize, usize)> {
    let n = word.len();
    let bytes = word.as_bytes();
    // part_end[e]: the cheapest cut of word[..e] that ends with a part,
    // and where that part starts.
    let mut part_end: Vec<Option<(Cost, usize)>> = vec![None; n + 1];
    // start[s]: the cheapest way to be at s ready for a new part, and the
    // end of the part before it (s itself when s is 0).
    let mut start: Vec<Option<(Cost, usize)>> = vec![None; n + 1];
    start[0] = Some(((0, 0), 0));
    for s in 0..n {
        for link in LINKS {
            let Some(e) = s.checked_sub(link.len()) else {
                continue;
            };
            let Some(((parts, extra), _)) = part_end[e] else {
                continue;
            };
            if &bytes[e..s] != link.as_bytes() {
                continue;
            }
            let cost = (parts, extra + link.len() as u8);
            if start[s].is_none_or(|(c, _)| cost < c) {
                start[s] = Some((cost, e));
            }
        }
        let Some(((parts, extra), _)) = start[s] else {
            continue;
        };
        for len in SHORTEST_PART..=LONGEST_PART.min(n - s) {
            let e = s + len;
            // One part that is the whole word (with an ending) is no cut.
            if s == 0 && ENDINGS.contains(&&word[e..]) {
                continue;
            }
            if !DICTIONARY.contains(&word[s..e]) {
                continue;
            }
            let cost = (parts + 1, extra);
            if part_end[e].is_none_or(|(c, _)| cost < c) {
                part_end[e] = Some((cost, s));
            }
        }
    }
    let finish = ENDINGS
        .iter()
        .filter(|ending| word.ends_with(**ending))
        .filter_map(|ending| {
            let e = n - ending.len();
            part_end[e].map(|((parts, extra), _)| ((parts, extra + ending.len() as u8), e))
        })
        .min();
    let Some((_, mut e)) = finish else {
        return Vec::new();
    };
    let mut cut = Vec::new();
    while let Some((_, s)) = part_end[e] {
        cut.push((s, e));
        if s == 0 {
            break;
        }
        let Some((_, before)) = start[s] else { break };
        e = before;
    }
    cut.reverse();
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(word: &str) -> Vec<&str> {
        parts(word).into_iter().map(|(a, b)| &word[a..b]).collect()
    }

    #[test]
    fn compounds_split_into_their_parts() {
        assert_eq!(split("wervingscampagne"), ["werving", "campagne"]);
        // The plural is in the dictionary too (the stem is the same).
        assert_eq!(split("wervingscampagnes"), ["werving", "campagnes"]);
        assert_eq!(split("jeugdzorg"), ["jeugd", "zorg"]);
        assert_eq!(split("ouderenzorg"), ["ouderen", "zorg"]);
        assert_eq!(split("roosterapp"), ["rooster", "app"]);
        assert_eq!(split("zelfroosteren"), ["zelf", "rooster"]);
        assert_eq!(split("nachtdienst"), ["nacht", "dienst"]);
        assert_eq!(split("ziekteverzuim"), ["ziekte", "verzuim"]);
        // Parts of parts: of three parts two are a compound too.
        let three = split("ouderenzorgbeleid");
        for part in ["ouderen", "zorg", "beleid"] {
            assert!(three.contains(&part), "{three:?}");
        }
    }

    #[test]
    fn plain_words_stay_whole() {
        for word in [
            "werving",
            "campagne",
            "verlagen",
            "organisatie",
            "begeleiding",
            "gemeente",
            "zorg",
            "geëvalueerd",
        ] {
            assert!(split(word).is_empty(), "{word}: {:?}", split(word));
        }
    }
}
