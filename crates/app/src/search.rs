//! Search: the use cases, the indexer that keeps this node's index in step
//! with the database (by tailing the search outbox), and full rebuilds.
//! Every kind of published content is indexed (`ContentType`); each kind's
//! module says what the index holds of it (`search_doc`).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::{Datelike, TimeZone};
use vooruit_search::{ContentType, Doc, SearchIndex, SearchRequest, SearchResults};
use vooruit_store::stories::StoryRow;

use crate::index_threads::IndexThreads;
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

fn not_opened() -> AppError {
    AppError::Internal("search index not opened".into())
}

/// Runs work on the index on one of its threads (one per core): tantivy's
/// calls are synchronous, and an async worker thread must never wait on
/// them.
pub(crate) async fn blocking<T: Send + 'static>(
    state: &Arc<SearchState>,
    work: impl FnOnce(&SearchState) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let held = Arc::clone(state);
    state.threads.run(move || work(&held)).await
}

impl From<vooruit_search::SearchError> for AppError {
    fn from(e: vooruit_search::SearchError) -> Self {
        AppError::Internal(e.to_string())
    }
}

/// What the index holds of a story row.
pub fn story_doc(row: &StoryRow) -> Doc {
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
    Doc {
        doc_type: ContentType::Story,
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
    /// A bound on memory: about 10 KiB a page of results, so some 5 MiB.
    /// What it is for is the questions asked again and again (the first
    /// list page, popular words); 500 of them is plenty for that.
    const MAX: usize = 500;

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
    /// One thread per core: work on the index waits in their queue instead
    /// of starting yet another thread (64 concurrent searches on tokio's
    /// blocking pool grew it to 500 threads and 6 GB).
    threads: IndexThreads,
    /// The `synonyms_version` whose groups the index uses (0: none yet).
    pub synonyms_version: std::sync::atomic::AtomicI64,
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
    pub async fn open_search(&self) -> AppResult<bool> {
        let dir = self.config.data_dir.join("search");
        let index = {
            let dir = dir.clone();
            tokio::task::spawn_blocking(move || SearchIndex::open(&dir))
                .await
                .map_err(|e| AppError::Internal(e.to_string()))??
        };
        let fresh = index.fresh;
        if self
            .index
            .set(Arc::new(SearchState {
                index,
                dir,
                threads: IndexThreads::start(
                    std::thread::available_parallelism().map_or(2, |n| n.get()),
                )?,
                synonyms_version: Default::default(),
            }))
            .is_err()
        {
            return Err(AppError::Internal(
                "the search index was opened twice".into(),
            ));
        }
        self.refresh_synonyms().await?;
        if fresh {
            self.rebuild_index().await?;
        }
        Ok(fresh)
    }

    fn search_state(&self) -> AppResult<&SearchState> {
        self.index.get().map(|s| s.as_ref()).ok_or_else(not_opened)
    }

    /// Empties the index and fills it with everything published. Returns
    /// how many items it indexed.
    pub async fn rebuild_index(&self) -> AppResult<u64> {
        let state = self.index().ok_or_else(not_opened)?;
        // Changes from now on are picked up by the tailer afterwards.
        let mut conn = self.read().await?;
        let start_seq = conn.outbox().max_seq().await?;
        blocking(&state, |s| Ok(s.index.clear()?)).await?;
        let mut after = String::new();
        let mut n = 0u64;
        loop {
            let rows = conn.stories().published_after(&after, BATCH).await?;
            let Some(last) = rows.last() else { break };
            after = last.id.clone();
            n += rows.len() as u64;
            blocking(&state, move |s| {
                for row in &rows {
                    s.index.upsert(&story_doc(row))?;
                }
                Ok(())
            })
            .await?;
        }
        let others = self.rebuild_others(&state, &mut conn).await?;
        blocking(&state, move |s| {
            s.index.commit()?;
            s.set_cursor(start_seq)?;
            Ok(s.index.merge_all()?)
        })
        .await?;
        tracing::info!(stories = n, others, "search index rebuilt");
        Ok(n + others)
    }

    /// The rebuild of every type but stories: published publications and
    /// episodes, videos and guides, planned events (a network has hundreds of these, not 100,000).
    async fn rebuild_others(
        &self,
        state: &Arc<SearchState>,
        conn: &mut vooruit_store::Conn,
    ) -> AppResult<u64> {
        let mut docs = Vec::new();
        let mut offset = 0;
        loop {
            let batch = conn.publications().published(BATCH, offset).await?;
            if batch.is_empty() {
                break;
            }
            offset += BATCH;
            for p in &batch {
                let text = conn.publications().text(&p.id).await?;
                docs.push(crate::publications::search_doc(p, &text));
            }
        }
        let mut after = String::new();
        loop {
            let rows = conn.events().planned_after(&after, BATCH).await?;
            let Some(last) = rows.last() else { break };
            after = last.id.clone();
            docs.extend(rows.iter().map(crate::events::search_doc));
        }
        let mut offset = 0;
        loop {
            let batch = conn.podcast().published(BATCH, offset).await?;
            if batch.is_empty() {
                break;
            }
            offset += BATCH;
            docs.extend(batch.iter().map(crate::podcast::search_doc));
        }
        let mut offset = 0;
        loop {
            let batch = conn.videos().published(BATCH, offset).await?;
            if batch.is_empty() {
                break;
            }
            offset += BATCH;
            docs.extend(batch.iter().map(crate::videos::search_doc));
        }
        let mut offset = 0;
        loop {
            let batch = conn.guides().published(BATCH, offset).await?;
            if batch.is_empty() {
                break;
            }
            offset += BATCH;
            docs.extend(batch.iter().map(crate::guides::search_doc));
        }
        let mut offset = 0;
        loop {
            let batch = conn.magazine().published(BATCH, offset).await?;
            if batch.is_empty() {
                break;
            }
            offset += BATCH;
            docs.extend(batch.iter().map(crate::magazine::search_doc));
        }
        let n = docs.len() as u64;
        blocking(state, move |s| {
            for doc in &docs {
                s.index.upsert(doc)?;
            }
            Ok(())
        })
        .await?;
        Ok(n)
    }

    /// Brings the index up to date for these changes at once (the node
    /// that made a change does not wait for its tailer); for stories, then
    /// stores what their pages and the pages around them show.
    pub(crate) async fn index_now(&self, changed: &[(ContentType, String)]) -> AppResult<()> {
        let Some(state) = self.index() else {
            return Ok(());
        };
        let of = |t: ContentType| -> Vec<String> {
            changed
                .iter()
                .filter(|(ct, _)| *ct == t)
                .map(|(_, id)| id.clone())
                .collect()
        };
        self.index_others(&state, &of).await?;
        let ids = of(ContentType::Story);
        if ids.is_empty() {
            return Ok(());
        }
        let rows = self.read().await?.stories().by_ids(&ids).await?;
        // Deleted ones (an account erased): their pages go too.
        let gone: Vec<String> = ids
            .iter()
            .filter(|id| !rows.iter().any(|r| &r.id == *id))
            .cloned()
            .collect();
        let rows = blocking(&state, move |s| {
            for id in &ids {
                match rows.iter().find(|r| &r.id == id) {
                    Some(row) if is_published(row) => s.index.upsert(&story_doc(row))?,
                    _ => s.index.delete(id),
                }
            }
            s.index.commit()?;
            Ok(rows)
        })
        .await?;
        self.derive_pages(&rows, &gone).await
    }

    /// Indexes changed publications, events, episodes, videos, guides and
    /// magazine issues: published ones
    /// go in, drafts, withdrawn, removed and cancelled ones go out.
    async fn index_others(
        &self,
        state: &Arc<SearchState>,
        of: &impl Fn(ContentType) -> Vec<String>,
    ) -> AppResult<()> {
        let publications = &of(ContentType::Publication);
        let events = &of(ContentType::Event);
        let episodes = &of(ContentType::Episode);
        let videos = &of(ContentType::Video);
        let guides = &of(ContentType::Guide);
        let issues = &of(ContentType::Issue);
        if [publications, events, episodes, videos, guides, issues]
            .iter()
            .all(|ids| ids.is_empty())
        {
            return Ok(());
        }
        let mut conn = self.read().await?;
        let mut docs = Vec::new();
        let mut gone: Vec<String> = Vec::new();
        let found = conn.publications().by_ids(publications).await?;
        for id in publications {
            match found.iter().find(|p| &p.id == id) {
                Some(p) if p.status.is_published() => {
                    let text = conn.publications().text(id).await?;
                    docs.push(crate::publications::search_doc(p, &text));
                }
                _ => gone.push(id.clone()),
            }
        }
        let found = conn.events().by_ids(events).await?;
        for id in events {
            match found.iter().find(|e| &e.id == id) {
                Some(e) if e.status.is_planned() => docs.push(crate::events::search_doc(e)),
                _ => gone.push(id.clone()),
            }
        }
        let found = conn.podcast().by_ids(episodes).await?;
        for id in episodes {
            match found.iter().find(|e| &e.id == id) {
                Some(e) if e.status.is_published() => docs.push(crate::podcast::search_doc(e)),
                _ => gone.push(id.clone()),
            }
        }
        let found = conn.videos().by_ids(videos).await?;
        for id in videos {
            match found.iter().find(|v| &v.id == id) {
                Some(v) if v.status.is_published() => docs.push(crate::videos::search_doc(v)),
                _ => gone.push(id.clone()),
            }
        }
        let found = conn.guides().by_ids(guides).await?;
        for id in guides {
            match found.iter().find(|g| &g.id == id) {
                Some(g) if g.status.is_published() => docs.push(crate::guides::search_doc(g)),
                _ => gone.push(id.clone()),
            }
        }
        let found = conn.magazine().by_ids(issues).await?;
        for id in issues {
            match found.iter().find(|i| &i.id == id) {
                Some(i) if i.status.is_published() => docs.push(crate::magazine::search_doc(i)),
                _ => gone.push(id.clone()),
            }
        }
        drop(conn);
        blocking(state, move |s| {
            for doc in &docs {
                s.index.upsert(doc)?;
            }
            for id in &gone {
                s.index.delete(id);
            }
            Ok(s.index.commit()?)
        })
        .await
    }

    /// Brings the index (and so the stored pages) up to date with every
    /// change this node has not seen, before it serves: changes made while
    /// it was down are not shown from an old copy.
    pub async fn catch_up(&self) -> AppResult<()> {
        let mut cursor = self.search_state()?.cursor();
        let mut seen: BTreeSet<i64> = BTreeSet::new();
        while self.index_step(&mut cursor, &mut seen).await? {}
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

    /// One round of the tailer (and a look at the synonyms). Returns true
    /// when there may be more to do.
    async fn index_step(&self, cursor: &mut i64, seen: &mut BTreeSet<i64>) -> AppResult<bool> {
        let state = self.search_state()?;
        self.refresh_synonyms().await?;
        let rows = self.read().await?.outbox().after(*cursor, BATCH).await?;
        let new: Vec<&vooruit_store::outbox::OutboxRow> =
            rows.iter().filter(|r| !seen.contains(&r.seq)).collect();
        if !new.is_empty() {
            let changed: BTreeSet<(ContentType, String)> =
                new.iter().map(|r| (r.doc_type, r.doc_id.clone())).collect();
            self.index_now(&changed.into_iter().collect::<Vec<_>>())
                .await?;
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

    pub fn has_search(&self) -> bool {
        self.index.get().is_some()
    }
}

impl Search<'_> {
    /// Runs a search on the index itself, past the cache (for benchmarks).
    pub fn uncached(&self, req: &SearchRequest) -> AppResult<SearchResults> {
        Ok(self.search_state()?.index.search(req)?)
    }

    /// Runs a search on a blocking thread; the same request at the same
    /// index generation is answered from memory (the first list page,
    /// popular questions).
    pub async fn run(&self, req: &SearchRequest) -> AppResult<SearchResults> {
        let state = self.index().ok_or_else(not_opened)?;
        let generation = state.index.generation();
        let key = format!("{req:?}");
        let cache = || self.search_cache.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(hit) = cache().get(generation, &key) {
            return Ok(hit);
        }
        let req = req.clone();
        let results = blocking(&state, move |s| Ok(s.index.search(&req)?)).await?;
        cache().put(generation, key, results.clone());
        Ok(results)
    }
}
