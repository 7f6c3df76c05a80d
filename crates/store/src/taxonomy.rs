//! The taxonomy: themes, sectors and regions with their labels.

use sqlx::FromRow;
use vooruit_domain::taxonomy::{Term, TermInput, Vocabulary};

use crate::{Conn, Result};

#[derive(Debug, Clone, FromRow)]
struct TermRow {
    #[sqlx(try_from = "String")]
    vocabulary: Vocabulary,
    slug: String,
    label_nl: String,
    label_en: String,
    intro_nl: String,
    intro_en: String,
    position: i64,
    retired_at: Option<i64>,
}

impl From<TermRow> for Term {
    fn from(r: TermRow) -> Term {
        Term {
            vocabulary: r.vocabulary,
            slug: r.slug,
            label_nl: r.label_nl,
            label_en: r.label_en,
            intro_nl: r.intro_nl,
            intro_en: r.intro_en,
            position: r.position,
            retired_at: r.retired_at,
        }
    }
}

/// The taxonomy: `conn.taxonomy()`.
pub struct TaxonomyQueries<'c>(&'c mut Conn);

impl Conn {
    pub fn taxonomy(&mut self) -> TaxonomyQueries<'_> {
        TaxonomyQueries(self)
    }
}

impl TaxonomyQueries<'_> {
    /// Every value of every list (a few hundred at most).
    pub async fn all(&mut self) -> Result<Vec<Term>> {
        let rows = sqlx::query_as::<_, TermRow>(
            "SELECT vocabulary, slug, label_nl, label_en, intro_nl, intro_en, position, \
             retired_at FROM taxonomy_terms ORDER BY vocabulary, position, slug",
        )
        .fetch_all(&mut *self.0)
        .await?;
        Ok(rows.into_iter().map(Term::from).collect())
    }

    /// Adds a value at the end of its list; false when the slug is taken.
    pub async fn insert(&mut self, v: Vocabulary, input: &TermInput) -> Result<bool> {
        let now = self.0.now();
        let done = sqlx::query(
            "INSERT INTO taxonomy_terms (vocabulary, slug, label_nl, label_en, intro_nl, \
             intro_en, position, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, \
             (SELECT COALESCE(MAX(position), 0) + 1 FROM taxonomy_terms WHERE vocabulary = $1), \
             $7, $7) ON CONFLICT (vocabulary, slug) DO NOTHING",
        )
        .bind(v.as_str())
        .bind(&input.slug)
        .bind(&input.label_nl)
        .bind(&input.label_en)
        .bind(&input.intro_nl)
        .bind(&input.intro_en)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Changes labels and intros; false when there is no such value.
    pub async fn update_labels(
        &mut self,
        v: Vocabulary,
        slug: &str,
        input: &TermInput,
    ) -> Result<bool> {
        let now = self.0.now();
        let done = sqlx::query(
            "UPDATE taxonomy_terms SET label_nl = $1, label_en = $2, intro_nl = $3, \
             intro_en = $4, updated_at = $5 WHERE vocabulary = $6 AND slug = $7",
        )
        .bind(&input.label_nl)
        .bind(&input.label_en)
        .bind(&input.intro_nl)
        .bind(&input.intro_en)
        .bind(now)
        .bind(v.as_str())
        .bind(slug)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Retires a value (`retired`) or offers it again; false when there is
    /// no such value.
    pub async fn set_retired(&mut self, v: Vocabulary, slug: &str, retired: bool) -> Result<bool> {
        let now = self.0.now();
        let done = sqlx::query(
            "UPDATE taxonomy_terms SET retired_at = $1, updated_at = $2 \
             WHERE vocabulary = $3 AND slug = $4",
        )
        .bind(retired.then_some(now))
        .bind(now)
        .bind(v.as_str())
        .bind(slug)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Puts a list in this order: position 1, 2, ... for the slugs given.
    pub async fn set_order(&mut self, v: Vocabulary, slugs: &[String]) -> Result<()> {
        let now = self.0.now();
        for (i, slug) in slugs.iter().enumerate() {
            sqlx::query(
                "UPDATE taxonomy_terms SET position = $1, updated_at = $2 \
                 WHERE vocabulary = $3 AND slug = $4 AND position <> $1",
            )
            .bind(i as i64 + 1)
            .bind(now)
            .bind(v.as_str())
            .bind(slug)
            .execute(&mut *self.0)
            .await?;
        }
        Ok(())
    }
}
