//! Werkwijzers (guides): editors write a guide with its steps (each with
//! an optional picture), name stories of teams that used it, publish it
//! and can withdraw it. Only a published guide has a page.
//!
//! A step's new picture is checked, its web version stored under a key
//! recorded as pending first; the steps that refer to it and the end of
//! its pending state are one transaction. A picture no step refers to any
//! more becomes pending in that same transaction and is removed after it.

use vooruit_domain::guide::{Guide, GuideInput, StepImage};
use vooruit_domain::publication::PublicationStatus;
use vooruit_domain::slug::slugify;
use vooruit_store::guides::StoredStep;

use crate::accounts::User;
use crate::images::CheckedImage;
use crate::storage::TempUpload;
use crate::{AppError, AppResult, Page};

crate::service!(
    /// Werkwijzers: `app.guides()`.
    Guides,
    guides
);

/// A step picture's web version fits in this box.
pub const STEP_BOX: (u32, u32) = (1200, 900);

const SITEMAP_MAX: i64 = 40_000;

/// A published guide as readers and the API see it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct GuideView {
    pub slug: String,
    pub title: String,
    pub goal: String,
    pub audience: String,
    pub duration: String,
    pub materials: Vec<String>,
    pub steps: Vec<StepView>,
    /// Stories of teams that used it (published ones only).
    pub related: Vec<RelatedView>,
    /// When it was first published (RFC 3339).
    pub published_at: String,
}

/// One step as readers see it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct StepView {
    /// Markdown.
    pub text: String,
    pub image: Option<ImageView>,
}

/// A step's picture.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ImageView {
    pub url: String,
    pub width: i32,
    pub height: i32,
    pub alt: String,
}

/// A related story: its title and page.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct RelatedView {
    pub slug: String,
    pub title: String,
    pub url: String,
}

/// A new picture for row `i` of the steps.
pub type NewImage<'a> = (usize, &'a TempUpload, CheckedImage);

/// What the index holds of a guide: its title, goal, audience and steps.
pub(crate) fn search_doc(g: &Guide) -> vooruit_search::Doc {
    let steps: Vec<&str> = g.steps.iter().map(|s| s.text.as_str()).collect();
    vooruit_search::Doc {
        doc_type: vooruit_search::ContentType::Guide,
        id: g.id.clone(),
        slug: g.slug.clone(),
        title: g.title.clone(),
        summary: g.goal.clone(),
        body: format!("{}\n{}\n{}", g.goal, g.audience, steps.join("\n")),
        kind: String::new(),
        themes: Vec::new(),
        sectors: Vec::new(),
        region: String::new(),
        year: crate::dates::year_of(g.published_at.unwrap_or(g.created_at)),
        published_at: g.published_at.unwrap_or(g.updated_at),
        author_name: None,
        organisation: None,
    }
}

impl Guides<'_> {
    /// Checks a step picture (see `images::check`); errors are for `image`.
    pub async fn check_image(&self, upload: &TempUpload) -> AppResult<CheckedImage> {
        crate::images::check(
            upload.path(),
            self.config.image_limit_bytes,
            STEP_BOX,
            "image",
        )
        .await
    }

    /// A new draft (editors); returns its id.
    pub async fn create(
        &self,
        editor: &User,
        input: GuideInput,
        images: Vec<NewImage<'_>>,
    ) -> AppResult<String> {
        editor.require_editor()?;
        let id = vooruit_store::new_id();
        self.store(&id, None, input, images).await?;
        Ok(id)
    }

    /// Changes a guide and its steps (editors).
    pub async fn update(
        &self,
        editor: &User,
        id: &str,
        input: GuideInput,
        images: Vec<NewImage<'_>>,
    ) -> AppResult<()> {
        editor.require_editor()?;
        let before = self
            .read()
            .await?
            .guides()
            .by_id(id)
            .await?
            .ok_or(AppError::NotFound)?;
        self.store(id, Some(before), input, images).await
    }

    /// Stores a new or changed guide (the use case of `create` and
    /// `update`, and the demo's).
    pub(crate) async fn store(
        &self,
        id: &str,
        before: Option<Guide>,
        input: GuideInput,
        images: Vec<NewImage<'_>>,
    ) -> AppResult<()> {
        let old = |i: usize| {
            before
                .as_ref()
                .and_then(|g| g.steps.get(i))
                .and_then(|s| s.image.clone())
                .filter(|_| !input.steps.get(i).is_some_and(|s| s.no_image))
        };
        let has_image = |i: usize| images.iter().any(|(n, _, _)| *n == i) || old(i).is_some();
        input.validate(has_image)?;
        // New pictures: pending, then stored.
        let mut new_keys: Vec<(usize, StepImage)> = Vec::new();
        if !images.is_empty() {
            let mut tx = self.begin("guides.images").await?;
            for (i, _, checked) in &images {
                let key = format!("guides/{id}-{}.jpg", vooruit_store::new_id());
                tx.pending_files().add(&key).await?;
                new_keys.push((
                    *i,
                    StepImage {
                        key,
                        width: i32::try_from(checked.web.width).unwrap_or(i32::MAX),
                        height: i32::try_from(checked.web.height).unwrap_or(i32::MAX),
                        alt: String::new(),
                    },
                ));
            }
            self.commit(tx).await?;
            for ((_, _, checked), (_, image)) in images.iter().zip(&new_keys) {
                self.storage
                    .put_bytes(&image.key, checked.web.jpeg.clone())
                    .await?;
            }
        }
        let steps: Vec<StoredStep<'_>> = input
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.text.trim().is_empty())
            .map(|(i, s)| StoredStep {
                text: &s.text,
                image: new_keys
                    .iter()
                    .find(|(n, _)| *n == i)
                    .map(|(_, img)| img.clone())
                    .or_else(|| old(i))
                    .map(|img| StepImage {
                        alt: s.alt.trim().to_string(),
                        ..img
                    }),
            })
            .collect();
        let kept: Vec<&str> = steps
            .iter()
            .filter_map(|s| s.image.as_ref().map(|i| i.key.as_str()))
            .collect();
        let gone: Vec<String> = before
            .iter()
            .flat_map(|g| g.steps.iter())
            .filter_map(|s| s.image.as_ref().map(|i| i.key.clone()))
            .filter(|k| !kept.contains(&k.as_str()))
            .collect();
        let result = async {
            let mut tx = self.begin("guides.store").await?;
            match &before {
                Some(_) => tx.guides().update(id, &input, &steps).await?,
                None => {
                    let base = slugify(&input.title);
                    let slug = tx.guides().free_slug(&base).await?;
                    tx.guides().insert(id, &slug, &input, &steps).await?;
                }
            }
            for key in &gone {
                tx.pending_files().add(key).await?;
            }
            self.commit(tx).await
        }
        .await;
        if result.is_err() {
            for (_, image) in &new_keys {
                let _ = self.storage.delete(&image.key).await;
            }
            return result;
        }
        self.remove_files(&gone).await
    }

    /// Removes files that no row refers to any more (they are pending).
    async fn remove_files(&self, keys: &[String]) -> AppResult<()> {
        if keys.is_empty() {
            return Ok(());
        }
        for key in keys {
            self.storage.delete(key).await?;
        }
        let mut tx = self.begin("guides.remove_files").await?;
        for key in keys {
            tx.pending_files().forget(key).await?;
        }
        self.commit(tx).await
    }

    /// Every guide (editors).
    pub async fn all(&self, editor: &User) -> AppResult<Vec<Guide>> {
        editor.require_editor()?;
        Ok(self.read().await?.guides().all().await?)
    }

    /// One guide by id (editors).
    pub async fn for_editor(&self, editor: &User, id: &str) -> AppResult<Guide> {
        editor.require_editor()?;
        self.read()
            .await?
            .guides()
            .by_id(id)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// Publishes a draft or withdrawn guide (editors).
    pub async fn publish(&self, editor: &User, id: &str) -> AppResult<()> {
        self.move_to(editor, id, "guides.publish", PublicationStatus::publish)
            .await
    }

    /// Withdraws a published guide: its page is gone (editors).
    pub async fn withdraw(&self, editor: &User, id: &str) -> AppResult<()> {
        self.move_to(editor, id, "guides.withdraw", PublicationStatus::withdraw)
            .await
    }

    async fn move_to(
        &self,
        editor: &User,
        id: &str,
        use_case: &'static str,
        step: fn(PublicationStatus) -> Result<PublicationStatus, vooruit_domain::IllegalTransition>,
    ) -> AppResult<()> {
        editor.require_editor()?;
        let mut tx = self.begin(use_case).await?;
        let g = tx.guides().by_id(id).await?.ok_or(AppError::NotFound)?;
        let next = step(g.status)?;
        tx.guides().set_status(id, next).await?;
        self.commit(tx).await
    }

    /// Removes a guide and its pictures for good (editors).
    pub async fn remove(&self, editor: &User, id: &str) -> AppResult<()> {
        editor.require_editor()?;
        let mut tx = self.begin("guides.remove").await?;
        let keys = tx.guides().delete(id).await?.ok_or(AppError::NotFound)?;
        self.commit(tx).await?;
        self.remove_files(&keys).await
    }

    /// A published guide, for everyone.
    pub async fn published(&self, slug: &str) -> AppResult<Guide> {
        self.read()
            .await?
            .guides()
            .by_slug(slug)
            .await?
            .filter(|g| g.status.is_published())
            .ok_or(AppError::NotFound)
    }

    /// The picture of step `n` (from 1) of a published guide.
    pub async fn image(&self, slug: &str, n: usize) -> AppResult<bytes::Bytes> {
        let g = self.published(slug).await?;
        let step = n.checked_sub(1).and_then(|i| g.steps.get(i));
        let image = step
            .and_then(|s| s.image.as_ref())
            .ok_or(AppError::NotFound)?;
        self.storage.get_bytes(&image.key).await
    }

    /// The related stories of a guide that are published: (slug, title).
    /// In the guide's order, in one query.
    pub async fn related(&self, g: &Guide) -> AppResult<Vec<(String, String)>> {
        let found = self
            .read()
            .await?
            .stories()
            .published_titles(&g.related)
            .await?;
        Ok(g.related
            .iter()
            .filter_map(|slug| found.iter().find(|(s, _)| s == slug).cloned())
            .collect())
    }

    /// A published guide for the API.
    pub async fn view(&self, slug: &str) -> AppResult<GuideView> {
        let g = self.published(slug).await?;
        let related = self.related(&g).await?;
        Ok(self.view_of(g, related))
    }

    fn view_of(&self, g: Guide, related: Vec<(String, String)>) -> GuideView {
        let base = &self.config.base_url;
        GuideView {
            materials: g.material_list().into_iter().map(str::to_string).collect(),
            steps: g
                .steps
                .iter()
                .enumerate()
                .map(|(i, s)| StepView {
                    text: s.text.clone(),
                    image: s.image.as_ref().map(|img| ImageView {
                        url: format!("{base}/werkwijzers/{}/stap-{}.jpg", g.slug, i + 1),
                        width: img.width,
                        height: img.height,
                        alt: img.alt.clone(),
                    }),
                })
                .collect(),
            related: related
                .into_iter()
                .map(|(slug, title)| RelatedView {
                    url: format!("{base}/verhalen/{slug}"),
                    slug,
                    title,
                })
                .collect(),
            published_at: crate::dates::rfc3339(g.published_at.unwrap_or(g.created_at)),
            slug: g.slug,
            title: g.title,
            goal: g.goal,
            audience: g.audience,
            duration: g.duration,
        }
    }

    /// The published guides, a page at a time.
    pub async fn list(&self, page: i64, per_page: i64) -> AppResult<Page<Guide>> {
        let mut conn = self.read().await?;
        let total = conn.guides().count_published().await?;
        let items = conn
            .guides()
            .published(per_page, (page.max(1) - 1) * per_page)
            .await?;
        Ok(Page::new(items, total, page, per_page))
    }

    /// The published guides for the API, a page at a time (without their
    /// related stories: those are on each guide).
    pub async fn list_views(&self, page: i64, per_page: i64) -> AppResult<Page<GuideView>> {
        let page = self.list(page, per_page).await?;
        Ok(Page::new(
            page.items
                .into_iter()
                .map(|g| self.view_of(g, Vec::new()))
                .collect(),
            page.total,
            page.page,
            page.per_page,
        ))
    }

    /// The last `n` published, newest first (the feed, newsletters).
    pub async fn newest(&self, n: i64) -> AppResult<Vec<Guide>> {
        Ok(self.read().await?.guides().published(n, 0).await?)
    }

    /// Every published guide's slug and last change, for the sitemap.
    pub async fn sitemap(&self) -> AppResult<Vec<(String, i64)>> {
        let all = self.newest(SITEMAP_MAX).await?;
        Ok(all.into_iter().map(|g| (g.slug, g.updated_at)).collect())
    }
}
