//! Search: the use cases, the indexer that keeps this node's index in step
//! with the database (by tailing the search outbox), and full rebuilds.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::{Datelike, TimeZone};
use vooruit_search::{Hit, SearchIndex, SearchRequest, SearchResults, StoryDoc};
use vooruit_store::stories::StoryRow;

use crate::markdown::plain_excerpt;
use crate::{App, AppError, AppResult};

crate::service!(
    /// Searching this node's index: `app.search()`.
    Search,
    search
);

/// Rows younger than this may still be followed by rows with a lower `seq`
/// (PostgreSQL hands out sequence numbers before commit), so the cursor only
/// moves past rows that are older.
const SETTLE_MS: i64 = 10_000;
const BATCH: i64 = 1000;

impl From<vooruit_search::SearchError> for AppError {
    fn from(e: vooruit_search::SearchError) -> Self {
        AppError::Internal(e.to_string())
    }
}

/// What the index holds of a story row.
pub fn story_doc(row: &StoryRow) -> StoryDoc {
    let c = row.content();
    let mut body = String::new();
    for part in [&c.context, &c.aim, &c.approach, &c.what_differed] {
        body.push_str(&plain_excerpt(part, usize::MAX));
        body.push('\n');
    }
    for lesson in &c.lessons {
        body.push_str(lesson);
        body.push('\n');
    }
    for part in [&c.tips, &c.do_differently] {
        body.push_str(&plain_excerpt(part, usize::MAX));
        body.push('\n');
    }
    let published_at = row.published_at.unwrap_or(row.updated_at);
    let year = chrono_tz::Europe::Amsterdam
        .timestamp_millis_opt(published_at)
        .single()
        .map(|d| d.year())
        .unwrap_or(1970);
    StoryDoc {
        id: row.id.clone(),
        slug: row.slug.clone(),
        summary: if c.summary.is_empty() {
            plain_excerpt(&c.context, 220)
        } else {
            c.summary.clone()
        },
        title: c.title,
        body,
        kind: c.kind,
        themes: c.themes,
        sectors: c.sectors,
        region: c.region,
        year,
        published_at,
        author_name: row.teller().public_name().map(str::to_string),
        organisation: row.teller().public_organisation().map(str::to_string),
    }
}

fn is_published(row: &StoryRow) -> bool {
    row.status.is_public()
}

/// Values computed from published content, kept while the index generation
/// they were made at is current. Bounded: it starts over when full.
pub struct GenerationCache<V> {
    generation: u64,
    values: std::collections::HashMap<String, V>,
}

impl<V> Default for GenerationCache<V> {
    fn default() -> Self {
        GenerationCache {
            generation: 0,
            values: std::collections::HashMap::new(),
        }
    }
}

impl<V: Clone> GenerationCache<V> {
    const MAX: usize = 10_000;

    pub fn get(&mut self, generation: u64, key: &str) -> Option<V> {
        if self.generation != generation {
            self.generation = generation;
            self.values.clear();
        }
        self.values.get(key).cloned()
    }

    pub fn put(&mut self, generation: u64, key: String, value: V) {
        if self.generation == generation {
            if self.values.len() >= Self::MAX {
                self.values.clear();
            }
            self.values.insert(key, value);
        }
    }
}

pub(crate) struct SearchState {
    pub index: SearchIndex,
    dir: PathBuf,
}

impl SearchState {
    fn cursor_file(&self) -> PathBuf {
        self.dir.join("CURSOR")
    }

    fn cursor(&self) -> i64 {
        std::fs::read_to_string(self.cursor_file())
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0)
    }

    fn set_cursor(&self, seq: i64) -> AppResult<()> {
        let tmp = self.dir.join("CURSOR.tmp");
        std::fs::write(&tmp, seq.to_string()).map_err(|e| AppError::Internal(e.to_string()))?;
        std::fs::rename(&tmp, self.cursor_file()).map_err(|e| AppError::Internal(e.to_string()))?;
        Ok(())
    }
}

impl App {
    /// Opens this node's index under the data directory and, when it is new,
    /// fills it from the database (then it returns true). Only `serve` and
    /// `reindex` do this: the index allows one writer process per directory.
    pub async fn open_search(&mut self) -> AppResult<bool> {
        let dir = self.config.data_dir.join("search");
        let index = {
            let dir = dir.clone();
            tokio::task::spawn_blocking(move || SearchIndex::open(&dir))
                .await
                .map_err(|e| AppError::Internal(e.to_string()))??
        };
        let fresh = index.fresh;
        self.index = Some(Arc::new(SearchState { index, dir }));
        if fresh {
            self.rebuild_index().await?;
        }
        Ok(fresh)
    }

    fn search_state(&self) -> AppResult<&SearchState> {
        self.index
            .as_deref()
            .ok_or_else(|| AppError::Internal("search index not opened".into()))
    }

    /// Empties the index and fills it with every published story. Returns
    /// how many stories it indexed.
    pub async fn rebuild_index(&self) -> AppResult<u64> {
        let state = self.search_state()?;
        // Changes from now on are picked up by the tailer afterwards.
        let mut conn = self.read().await?;
        let start_seq = conn.outbox().max_seq().await?;
        state.index.clear()?;
        let mut after = String::new();
        let mut n = 0u64;
        loop {
            let rows = conn.stories().published_after(&after, BATCH).await?;
            let Some(last) = rows.last() else { break };
            after = last.id.clone();
            for row in &rows {
                state.index.upsert(&story_doc(row))?;
                n += 1;
            }
        }
        state.index.commit()?;
        state.set_cursor(start_seq)?;
        tracing::info!(stories = n, "search index rebuilt");
        Ok(n)
    }

    /// Brings the index up to date for these stories at once (the node that
    /// made a change does not wait for its tailer).
    pub(crate) async fn index_now(&self, ids: &[String]) -> AppResult<()> {
        let Some(state) = self.index.as_deref() else {
            return Ok(());
        };
        let rows = self.read().await?.stories().by_ids(ids).await?;
        for id in ids {
            match rows.iter().find(|r| &r.id == id) {
                Some(row) if is_published(row) => state.index.upsert(&story_doc(row))?,
                _ => state.index.delete(id),
            }
        }
        state.index.commit()?;
        Ok(())
    }

    /// Tails the search outbox until the process ends.
    pub async fn run_indexer(self) {
        let Ok(state) = self.search_state() else {
            return;
        };
        let mut cursor = state.cursor();
        let mut seen: BTreeSet<i64> = BTreeSet::new();
        loop {
            match self.index_step(&mut cursor, &mut seen).await {
                Ok(true) => continue,
                Ok(false) => tokio::time::sleep(Duration::from_millis(300)).await,
                Err(e) => {
                    tracing::error!(error = %e, "search indexer step failed");
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
            }
        }
    }

    /// One round of the tailer. Returns true when there may be more to do.
    async fn index_step(&self, cursor: &mut i64, seen: &mut BTreeSet<i64>) -> AppResult<bool> {
        let state = self.search_state()?;
        let rows = self.read().await?.outbox().after(*cursor, BATCH).await?;
        let new: Vec<&vooruit_store::outbox::OutboxRow> =
            rows.iter().filter(|r| !seen.contains(&r.seq)).collect();
        if !new.is_empty() {
            let ids: BTreeSet<String> = new.iter().map(|r| r.story_id.clone()).collect();
            self.index_now(&ids.into_iter().collect::<Vec<_>>()).await?;
            seen.extend(new.iter().map(|r| r.seq));
        }
        let settled = self.now() - SETTLE_MS;
        let before = *cursor;
        for r in &rows {
            if r.created_at >= settled {
                break;
            }
            *cursor = r.seq;
            seen.remove(&r.seq);
        }
        if *cursor != before {
            state.set_cursor(*cursor)?;
        }
        Ok(rows.len() as i64 == BATCH && !new.is_empty())
    }

    /// The index generation, when this node has an index.
    pub(crate) fn search_generation(&self) -> Option<u64> {
        self.index.as_deref().map(|s| s.index.generation())
    }

    pub fn has_search(&self) -> bool {
        self.index.is_some()
    }
}

impl Search<'_> {
    /// Runs a search on the index itself, past the cache (for benchmarks).
    pub fn uncached(&self, req: &SearchRequest) -> AppResult<SearchResults> {
        Ok(self.search_state()?.index.search(req)?)
    }

    /// Runs a search; the same request at the same index generation is
    /// answered from memory (the first list page, popular questions).
    pub fn run(&self, req: &SearchRequest) -> AppResult<SearchResults> {
        let state = self.search_state()?;
        let generation = state.index.generation();
        let key = format!("{req:?}");
        let cache = || self.search_cache.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(hit) = cache().get(generation, &key) {
            return Ok(hit);
        }
        let results = state.index.search(req)?;
        cache().put(generation, key, results.clone());
        Ok(results)
    }

    pub fn related(&self, id: &str, themes: &[String], limit: usize) -> AppResult<Vec<Hit>> {
        match self.index.as_deref() {
            Some(state) => Ok(state.index.related(id, themes, limit)?),
            None => Ok(vec![]),
        }
    }
}
