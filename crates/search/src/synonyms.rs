//! Synonyms that editors manage: groups of words and phrases that mean the
//! same to a reader (`ggz`, `geestelijke gezondheidszorg`). A search word or
//! run of words that is in a group also finds the stories that have any
//! other member of the group. They are applied when searching, not when
//! indexing, so a change needs no reindex.

use std::collections::HashMap;

use crate::analyzer;

/// The groups, looked up by the stems of their members.
#[derive(Debug, Default)]
pub struct Synonyms {
    /// Every member of every group, as the editor wrote it.
    groups: Vec<Vec<String>>,
    /// The stems of a member, joined by spaces: (group, member).
    by_stems: HashMap<String, (usize, usize)>,
    /// The most words a member has.
    longest: usize,
}

/// A run of search words that is a member of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<'s> {
    /// How many search words it took.
    pub words: usize,
    /// The other members of its group.
    pub others: Vec<&'s str>,
}

impl Synonyms {
    /// Groups of members; a member in two groups counts in the first.
    pub fn new(groups: impl IntoIterator<Item = Vec<String>>) -> Synonyms {
        let mut s = Synonyms::default();
        let mut stem = analyzer::dutch();
        for members in groups {
            let g = s.groups.len();
            for (m, member) in members.iter().enumerate() {
                let stems = analyzer::tokens(&mut stem, member);
                if stems.is_empty() {
                    continue;
                }
                s.longest = s.longest.max(stems.len());
                s.by_stems.entry(stems.join(" ")).or_insert((g, m));
            }
            s.groups.push(members);
        }
        s
    }

    pub fn is_empty(&self) -> bool {
        self.by_stems.is_empty()
    }

    /// The longest member that the search words start with, given the
    /// stems of each word (so `jeugdzorgen` is `jeugdzorg`).
    pub fn at_start(&self, stems: &[Vec<String>]) -> Option<Found<'_>> {
        for n in (1..=self.longest.min(stems.len())).rev() {
            let key = stems[..n]
                .iter()
                .flatten()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(&(g, m)) = self.by_stems.get(&key) {
                let others = self.groups[g]
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != m)
                    .map(|(_, o)| o.as_str())
                    .collect();
                return Some(Found { words: n, others });
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(words: &str) -> Vec<Vec<String>> {
        let mut a = analyzer::dutch();
        words
            .split_whitespace()
            .map(|w| analyzer::tokens(&mut a, w))
            .collect()
    }

    #[test]
    fn the_longest_member_at_the_start_is_found_by_its_stems() {
        let s = Synonyms::new([
            vec!["ggz".into(), "geestelijke gezondheidszorg".into()],
            vec!["wet".into(), "regel".into()],
            vec!["Jeugdhulp".into(), "jeugdzorg".into()],
        ]);
        let found = s.at_start(&stems("Geestelijke gezondheidszorgen in Utrecht"));
        assert_eq!(
            found,
            Some(Found {
                words: 2,
                others: vec!["ggz"]
            })
        );
        let found = s.at_start(&stems("jeugdhulp")).expect("found");
        assert_eq!(found.others, vec!["jeugdzorg"]);
        assert_eq!(s.at_start(&stems("geestelijke zorg")), None);
        assert_eq!(s.at_start(&stems("")), None);
    }
}
