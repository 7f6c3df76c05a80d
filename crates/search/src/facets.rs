//! Facet counts from sets worked out once per segment.
//!
//! tantivy's `FacetCollector` reads the facet column of every matching story
//! and maps ordinals to values: for a search that matches a tenth of 100,000
//! stories that was a quarter of its time. Here each segment of the index
//! keeps, per facet field, which stories carry each value (a bit set for
//! common values, a list of story numbers for rare ones). A search only marks
//! the stories it matched; a count is then the overlap of two bit sets,
//! 64 stories per instruction, whatever the number of hits.
//!
//! Memory: per segment and value at most `max_doc / 8` bytes (a bit set) or
//! `4 × stories with the value` (a list), so at most ~1 MiB for 100,000
//! stories and the taxonomy's few dozen values. Segments are immutable
//! (deletions only hide stories, and hidden stories are never marked), so a
//! segment's sets stay valid until a merge replaces it; `SegmentSets::prune`
//! drops those of segments that are gone.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::index::SegmentId;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

/// The stories of one segment that carry one value.
enum Members {
    Bits(Vec<u64>),
    Docs(Vec<DocId>),
}

/// One facet field of one segment: each value and its stories.
type FieldSets = Vec<(Arc<str>, Members)>;

/// The sets of one segment, one entry per counted field.
pub struct SegmentFacets {
    fields: Vec<FieldSets>,
}

impl SegmentFacets {
    fn build(segment: &SegmentReader, fields: &[Field]) -> tantivy::Result<SegmentFacets> {
        let max_doc = segment.max_doc();
        let words = (max_doc as usize).div_ceil(64);
        let mut out = Vec::with_capacity(fields.len());
        for &field in fields {
            let inverted = segment.inverted_index(field)?;
            let mut stream = inverted.terms().stream()?;
            let mut sets = Vec::new();
            while stream.advance() {
                // The root facet (empty) is every story; ours have one level,
                // the encoded value after the last NUL.
                let Ok(encoded) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                let Some(value) = encoded.rsplit('\u{0}').next().filter(|v| !v.is_empty()) else {
                    continue;
                };
                let info = stream.value();
                let mut postings =
                    inverted.read_postings_from_terminfo(info, IndexRecordOption::Basic)?;
                // A list costs 32 bits a story, a bit set 1 bit per story of
                // the segment: a list is smaller below 1 in 32.
                let members = if (info.doc_freq as usize) * 32 < max_doc as usize {
                    let mut docs = Vec::with_capacity(info.doc_freq as usize);
                    let mut d = postings.doc();
                    while d != TERMINATED {
                        docs.push(d);
                        d = postings.advance();
                    }
                    Members::Docs(docs)
                } else {
                    let mut bits = vec![0u64; words];
                    let mut d = postings.doc();
                    while d != TERMINATED {
                        bits[d as usize / 64] |= 1 << (d % 64);
                        d = postings.advance();
                    }
                    Members::Bits(bits)
                };
                sets.push((Arc::from(value), members));
            }
            out.push(sets);
        }
        Ok(SegmentFacets { fields: out })
    }

    /// Per field, each value and how many of the marked stories carry it.
    fn count(&self, marked: &[u64]) -> Vec<Vec<(Arc<str>, u64)>> {
        // Only the words of the bit set that mark a story: a search that
        // matches a few hundred stories compares a few hundred words, not
        // all of them.
        let used: Vec<(usize, u64)> = marked
            .iter()
            .enumerate()
            .filter(|(_, w)| **w != 0)
            .map(|(i, w)| (i, *w))
            .collect();
        self.fields
            .iter()
            .map(|sets| {
                sets.iter()
                    .map(|(value, members)| {
                        let n = match members {
                            Members::Bits(bits) => used
                                .iter()
                                .map(|&(i, w)| u64::from((bits[i] & w).count_ones()))
                                .sum(),
                            Members::Docs(docs) => docs
                                .iter()
                                .filter(|&&d| marked[d as usize / 64] & (1 << (d % 64)) != 0)
                                .count() as u64,
                        };
                        (value.clone(), n)
                    })
                    .filter(|(_, n)| *n > 0)
                    .collect()
            })
            .collect()
    }
}

/// The sets of every segment of the index, built when a segment is first
/// searched (or warmed after a commit).
pub struct SegmentSets {
    fields: Vec<Field>,
    by_segment: Mutex<HashMap<SegmentId, Arc<SegmentFacets>>>,
}

impl SegmentSets {
    pub fn new(fields: Vec<Field>) -> SegmentSets {
        SegmentSets {
            fields,
            by_segment: Mutex::new(HashMap::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<SegmentId, Arc<SegmentFacets>>> {
        self.by_segment.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn of(&self, segment: &SegmentReader) -> tantivy::Result<Arc<SegmentFacets>> {
        let id = segment.segment_id();
        if let Some(sets) = self.lock().get(&id) {
            return Ok(sets.clone());
        }
        // Built outside the lock: two searches may both build a new segment's
        // sets once; the second simply replaces the first.
        let sets = Arc::new(SegmentFacets::build(segment, &self.fields)?);
        self.lock().insert(id, sets.clone());
        Ok(sets)
    }

    /// Keeps only the sets of these segments (those of the current searcher).
    pub fn prune(&self, alive: &[SegmentId]) {
        self.lock().retain(|id, _| alive.contains(id));
    }
}

/// Counts, per facet field (in the order `SegmentSets` was made with), each
/// value among the matching stories. Values no story matched count 0.
pub struct FacetCounter<'a> {
    pub sets: &'a SegmentSets,
}

pub struct SegmentCounter {
    sets: Arc<SegmentFacets>,
    marked: Vec<u64>,
}

impl Collector for FacetCounter<'_> {
    type Fruit = Vec<HashMap<Arc<str>, u64>>;
    type Child = SegmentCounter;

    fn for_segment(
        &self,
        _segment_local_id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentCounter> {
        Ok(SegmentCounter {
            sets: self.sets.of(segment)?,
            marked: vec![0u64; (segment.max_doc() as usize).div_ceil(64)],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        segments: Vec<Vec<Vec<(Arc<str>, u64)>>>,
    ) -> tantivy::Result<Self::Fruit> {
        let mut out: Vec<HashMap<Arc<str>, u64>> = vec![HashMap::new(); self.sets.fields.len()];
        for fields in segments {
            for (i, values) in fields.into_iter().enumerate() {
                for (value, n) in values {
                    *out[i].entry(value).or_default() += n;
                }
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for SegmentCounter {
    type Fruit = Vec<Vec<(Arc<str>, u64)>>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.marked[doc as usize / 64] |= 1 << (doc % 64);
    }

    fn harvest(self) -> Self::Fruit {
        self.sets.count(&self.marked)
    }
}
