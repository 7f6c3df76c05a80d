//! The taxonomy (themes, sectors, regions) as data: administrators add
//! values, change their labels, reorder and retire them, and every form,
//! filter and facet follows without a restart.
//!
//! Every page needs it, so it is kept in memory: a change made on this node
//! replaces it at once; other nodes (several `serve` processes on one
//! database) read it again when their copy is older than `FRESH_FOR`.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use vooruit_domain::taxonomy::{Taxonomy, Term, TermInput, Vocabulary};

use crate::accounts::User;
use crate::{AppError, AppResult};

crate::service!(
    /// Themes, sectors and regions: `app.taxonomy()`.
    TaxonomyService,
    taxonomy
);

/// How long another node's change may take to show here.
const FRESH_FOR: Duration = Duration::from_secs(5);

/// The taxonomy this node last read, and when. The generation goes up with
/// every change made here, so a read that started before a change cannot
/// put the old taxonomy back after it.
#[derive(Default)]
pub(crate) struct TaxonomyCache(RwLock<Cached>);

#[derive(Default)]
struct Cached {
    generation: u64,
    taxonomy: Option<(Instant, Arc<Taxonomy>)>,
}

impl TaxonomyCache {
    /// The copy, when fresh; otherwise the generation to read under.
    fn fresh(&self) -> Result<Arc<Taxonomy>, u64> {
        let c = self.0.read().unwrap_or_else(|e| e.into_inner());
        match &c.taxonomy {
            Some((at, t)) if at.elapsed() < FRESH_FOR => Ok(t.clone()),
            _ => Err(c.generation),
        }
    }

    fn put(&self, generation: u64, taxonomy: Arc<Taxonomy>) {
        let mut c = self.0.write().unwrap_or_else(|e| e.into_inner());
        if c.generation == generation {
            c.taxonomy = Some((Instant::now(), taxonomy));
        }
    }

    fn clear(&self) {
        let mut c = self.0.write().unwrap_or_else(|e| e.into_inner());
        c.generation += 1;
        c.taxonomy = None;
    }
}

/// What changes about a value; what is None stays.
#[derive(Debug, Clone, Default)]
pub struct TermChange {
    pub labels: Option<TermInput>,
    pub retired: Option<bool>,
    pub to: Option<Move>,
}

/// Where a value moves in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    /// To this place (from 1; beyond the end is the end).
    To(usize),
}

impl TaxonomyService<'_> {
    /// The taxonomy as it is now (from memory when fresh).
    pub async fn current(&self) -> AppResult<Arc<Taxonomy>> {
        let generation = match self.taxonomy_cache.fresh() {
            Ok(t) => return Ok(t),
            Err(generation) => generation,
        };
        let terms = self.read().await?.taxonomy().all().await?;
        let taxonomy = Arc::new(Taxonomy::new(terms));
        self.taxonomy_cache.put(generation, taxonomy.clone());
        Ok(taxonomy)
    }

    /// One value, retired or not.
    pub async fn term(&self, v: Vocabulary, slug: &str) -> AppResult<Term> {
        self.current()
            .await?
            .get(v, slug)
            .cloned()
            .ok_or(AppError::NotFound)
    }

    /// Adds a value at the end of its list (administrators); returns its
    /// slug, made from the Dutch label when none was given.
    pub async fn add(
        &self,
        admin: &User,
        v: Vocabulary,
        mut input: TermInput,
    ) -> AppResult<String> {
        admin.require_admin()?;
        input.normalise();
        input.validate_new()?;
        let mut tx = self.begin("taxonomy.add").await?;
        if !tx.taxonomy().insert(v, &input).await? {
            return Err(AppError::field("slug", "error-term-slug-taken"));
        }
        self.commit_taxonomy(tx).await?;
        Ok(input.slug)
    }

    /// Changes a value (administrators), all in one go: its labels and
    /// intros (the slug stays: content and links keep it), whether it is
    /// retired (no longer offered; old content keeps it), its place.
    pub async fn change(
        &self,
        admin: &User,
        v: Vocabulary,
        slug: &str,
        change: TermChange,
    ) -> AppResult<()> {
        admin.require_admin()?;
        let labels = match change.labels {
            Some(mut input) => {
                input.normalise();
                let mut e = vooruit_domain::FieldErrors::new();
                input.validate_labels(&mut e);
                e.into_result()?;
                Some(input)
            }
            None => None,
        };
        let mut tx = self.begin("taxonomy.change").await?;
        let mut order: Vec<String> = tx
            .taxonomy()
            .all()
            .await?
            .into_iter()
            .filter(|t| t.vocabulary == v)
            .map(|t| t.slug)
            .collect();
        let from = order
            .iter()
            .position(|s| s == slug)
            .ok_or(AppError::NotFound)?;
        if let Some(input) = &labels {
            tx.taxonomy().update_labels(v, slug, input).await?;
        }
        if let Some(retired) = change.retired {
            tx.taxonomy().set_retired(v, slug, retired).await?;
        }
        if let Some(to) = change.to {
            let last = order.len() - 1;
            let target = match to {
                Move::Up => from.saturating_sub(1),
                Move::Down => (from + 1).min(last),
                Move::To(place) => place.saturating_sub(1).min(last),
            };
            let moved = order.remove(from);
            order.insert(target, moved);
            tx.taxonomy().set_order(v, &order).await?;
        }
        self.commit_taxonomy(tx).await
    }

    /// Commits a change and drops this node's copy, so the next request
    /// reads the new taxonomy.
    async fn commit_taxonomy(&self, tx: vooruit_store::Conn) -> AppResult<()> {
        self.commit(tx).await?;
        self.taxonomy_cache.clear();
        Ok(())
    }
}
