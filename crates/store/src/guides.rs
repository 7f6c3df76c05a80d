//! Werkwijzers (guides) and their steps. The steps are written whole on
//! every change (a guide has at most twenty); a step picture's key stops
//! being pending in the transaction that stores the step referring to it.

use sqlx::FromRow;
use vooruit_domain::content_type::ContentType;
use vooruit_domain::guide::{Guide, GuideInput, Step, StepImage};
use vooruit_domain::publication::PublicationStatus;

use crate::db::lit;
use crate::publishable::Publishable;
use crate::{Conn, Result};

const TABLE: Publishable = Publishable {
    table: "guides",
    doc: ContentType::Guide,
};
#[derive(Debug, Clone, FromRow)]
struct GuideRow {
    id: String,
    slug: String,
    title: String,
    goal: String,
    audience: String,
    duration: String,
    materials: String,
    related: String,
    #[sqlx(try_from = "String")]
    status: PublicationStatus,
    created_at: i64,
    updated_at: i64,
    published_at: Option<i64>,
}

#[derive(Debug, Clone, FromRow)]
struct StepRow {
    guide_id: String,
    text: String,
    image_key: String,
    image_width: i32,
    image_height: i32,
    image_alt: String,
}

impl GuideRow {
    fn with_steps(self, steps: &[StepRow]) -> Guide {
        Guide {
            steps: steps
                .iter()
                .filter(|s| s.guide_id == self.id)
                .map(|s| Step {
                    text: s.text.clone(),
                    image: (!s.image_key.is_empty()).then(|| StepImage {
                        key: s.image_key.clone(),
                        width: s.image_width,
                        height: s.image_height,
                        alt: s.image_alt.clone(),
                    }),
                })
                .collect(),
            related: self
                .related
                .lines()
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
            id: self.id,
            slug: self.slug,
            title: self.title,
            goal: self.goal,
            audience: self.audience,
            duration: self.duration,
            materials: self.materials,
            status: self.status,
            created_at: self.created_at,
            updated_at: self.updated_at,
            published_at: self.published_at,
        }
    }
}

const COLUMNS: &str = "id, slug, title, goal, audience, duration, materials, related, status, \
    created_at, updated_at, published_at";

/// A step as it is stored: its text and, when it has one, its picture.
pub struct StoredStep<'a> {
    pub text: &'a str,
    pub image: Option<StepImage>,
}

/// Guides: `conn.guides()`.
pub struct GuideQueries<'c>(&'c mut Conn);

impl Conn {
    pub fn guides(&mut self) -> GuideQueries<'_> {
        GuideQueries(self)
    }
}

impl GuideQueries<'_> {
    /// Guides with their steps, for `sql` (which selects `COLUMNS`).
    async fn load(&mut self, sql: &str, binds: &[&str], ints: &[i64]) -> Result<Vec<Guide>> {
        let mut q = sqlx::query_as::<_, GuideRow>(sql);
        for b in binds {
            q = q.bind(*b);
        }
        for i in ints {
            q = q.bind(*i);
        }
        let rows = q.fetch_all(&mut *self.0).await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let steps_sql = format!(
            "SELECT guide_id, text, image_key, image_width, image_height, image_alt \
             FROM guide_steps WHERE guide_id IN ({}) ORDER BY guide_id, position",
            crate::db::in_list(rows.len())
        );
        let mut q = sqlx::query_as::<_, StepRow>(&steps_sql);
        for r in &rows {
            q = q.bind(&r.id);
        }
        let steps = q.fetch_all(&mut *self.0).await?;
        Ok(rows.into_iter().map(|r| r.with_steps(&steps)).collect())
    }

    /// Every guide, newest first (editors).
    pub async fn all(&mut self) -> Result<Vec<Guide>> {
        let sql = format!("SELECT {COLUMNS} FROM guides ORDER BY created_at DESC, id");
        self.load(&sql, &[], &[]).await
    }

    /// The published ones, last published first.
    pub async fn published(&mut self, limit: i64, offset: i64) -> Result<Vec<Guide>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM guides WHERE status = {} \
             ORDER BY published_at DESC, id LIMIT $1 OFFSET $2",
            lit(PublicationStatus::Published)
        );
        self.load(&sql, &[], &[limit, offset]).await
    }

    pub async fn count_published(&mut self) -> Result<i64> {
        TABLE.count_published(self.0).await
    }

    pub async fn by_id(&mut self, id: &str) -> Result<Option<Guide>> {
        let sql = format!("SELECT {COLUMNS} FROM guides WHERE id = $1");
        Ok(self.load(&sql, &[id], &[]).await?.pop())
    }

    pub async fn by_slug(&mut self, slug: &str) -> Result<Option<Guide>> {
        let sql = format!("SELECT {COLUMNS} FROM guides WHERE slug = $1");
        Ok(self.load(&sql, &[slug], &[]).await?.pop())
    }

    /// These guides (any status), for the index.
    pub async fn by_ids(&mut self, ids: &[String]) -> Result<Vec<Guide>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let sql = format!(
            "SELECT {COLUMNS} FROM guides WHERE id IN ({})",
            crate::db::in_list(ids.len())
        );
        let binds: Vec<&str> = ids.iter().map(String::as_str).collect();
        self.load(&sql, &binds, &[]).await
    }

    /// `base`, or `base-2`, `base-3` ... the first no row has.
    pub async fn free_slug(&mut self, base: &str) -> Result<String> {
        TABLE.free_slug(self.0, base).await
    }

    /// A new draft with its steps.
    pub async fn insert(
        &mut self,
        id: &str,
        slug: &str,
        input: &GuideInput,
        steps: &[StoredStep<'_>],
    ) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO guides (id, slug, title, goal, audience, duration, materials, related, \
             status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
        )
        .bind(id)
        .bind(slug)
        .bind(input.title.trim())
        .bind(input.goal.trim())
        .bind(input.audience.trim())
        .bind(input.duration.trim())
        .bind(input.materials.trim())
        .bind(input.related_slugs().join("\n"))
        .bind(PublicationStatus::Draft.as_str())
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        self.write_steps(id, steps).await
    }

    /// Changes a guide and its steps.
    pub async fn update(
        &mut self,
        id: &str,
        input: &GuideInput,
        steps: &[StoredStep<'_>],
    ) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "UPDATE guides SET title = $1, goal = $2, audience = $3, duration = $4, \
             materials = $5, related = $6, updated_at = $7 WHERE id = $8",
        )
        .bind(input.title.trim())
        .bind(input.goal.trim())
        .bind(input.audience.trim())
        .bind(input.duration.trim())
        .bind(input.materials.trim())
        .bind(input.related_slugs().join("\n"))
        .bind(now)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        sqlx::query("DELETE FROM guide_steps WHERE guide_id = $1")
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        self.write_steps(id, steps).await?;
        crate::outbox::record(self.0, ContentType::Guide, id).await
    }

    async fn write_steps(&mut self, id: &str, steps: &[StoredStep<'_>]) -> Result<()> {
        for (n, step) in steps.iter().enumerate() {
            let image = step.image.as_ref();
            sqlx::query(
                "INSERT INTO guide_steps (guide_id, position, text, image_key, image_width, \
                 image_height, image_alt) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(id)
            .bind(i32::try_from(n).unwrap_or(i32::MAX))
            .bind(step.text.trim())
            .bind(image.map_or("", |i| i.key.as_str()))
            .bind(image.map_or(0, |i| i.width))
            .bind(image.map_or(0, |i| i.height))
            .bind(image.map_or("", |i| i.alt.trim()))
            .execute(&mut *self.0)
            .await?;
            if let Some(i) = image {
                self.0.pending_files().forget(&i.key).await?;
            }
        }
        Ok(())
    }

    /// Moves to `status` (see `Publishable::set_status`).
    pub async fn set_status(&mut self, id: &str, status: PublicationStatus) -> Result<()> {
        TABLE.set_status(self.0, id, status).await
    }

    /// Removes the guide and its steps; their pictures become pending (the
    /// caller removes them after the commit, or the sweeper does).
    pub async fn delete(&mut self, id: &str) -> Result<Option<Vec<String>>> {
        let Some(g) = self.by_id(id).await? else {
            return Ok(None);
        };
        sqlx::query("DELETE FROM guide_steps WHERE guide_id = $1")
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        sqlx::query("DELETE FROM guides WHERE id = $1")
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        let keys: Vec<String> = g
            .steps
            .into_iter()
            .filter_map(|s| s.image.map(|i| i.key))
            .collect();
        for key in &keys {
            self.0.pending_files().add(key).await?;
        }
        crate::outbox::record(self.0, ContentType::Guide, id).await?;
        Ok(Some(keys))
    }
}
