use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use serde::Deserialize;
use vooruit_app::AppError;
use vooruit_app::Page;
use vooruit_app::stories::StoryFilter;
use vooruit_app::stories::{PublishedStory, StorySummary};
use vooruit_domain::story::StoryKind;
use vooruit_domain::taxonomy::{Taxonomy, Vocabulary};

use crate::AppState;
use crate::context::Ctx;
use crate::pages::{PageResult, Pager};
use crate::routes::Routes;

pub(crate) mod editor;
pub(crate) mod member;
pub(crate) mod share;

pub fn routes() -> Routes {
    Routes::new()
        .merge(share::routes())
        .merge(member::routes())
        .merge(editor::routes())
        .get("/verhalen", list)
        .get("/verhalen/{slug}", show)
        .get("/themas", themes)
        .get("/themas/{theme}", theme)
}

/// The filters of the story list as they arrive in the query string.
/// Unknown values are ignored rather than refused: a stale link still works.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub sector: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub page: Option<String>,
}

impl ListQuery {
    /// The filters asked for; unknown values are left out. Retired
    /// values still filter: old content has them.
    pub fn filter(&self, taxonomy: &Taxonomy) -> StoryFilter {
        let keep = |v: &str, ok: bool| if ok { v.to_string() } else { String::new() };
        let known = |v, s: &str| taxonomy.knows(v, s);
        StoryFilter {
            kind: keep(&self.kind, StoryKind::parse(&self.kind).is_some()),
            theme: keep(&self.theme, known(Vocabulary::Theme, &self.theme)),
            sector: keep(&self.sector, known(Vocabulary::Sector, &self.sector)),
            region: keep(&self.region, known(Vocabulary::Region, &self.region)),
        }
    }

    pub fn page(&self) -> i64 {
        self.page
            .as_deref()
            .and_then(|p| p.parse().ok())
            .unwrap_or(1)
    }
}

/// The list URL with its filters, for the pager.
fn list_base(path: &str, f: &StoryFilter) -> String {
    let pairs: Vec<String> = [
        ("kind", &f.kind),
        ("theme", &f.theme),
        ("sector", &f.sector),
        ("region", &f.region),
    ]
    .iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k}={v}"))
    .collect();
    if pairs.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", pairs.join("&"))
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "stories/list.html")]
struct ListTemplate {
    l: Ctx,
    heading: String,
    intro: String,
    action: String,
    show_theme_filter: bool,
    filter: StoryFilter,
    stories: Page<StorySummary>,
    pager: Pager,
}

async fn list(l: Ctx, State(s): State<AppState>, Query(q): Query<ListQuery>) -> PageResult {
    let filter = q.filter(&l.taxonomy);
    let stories = s.app.stories().published_list(&filter, q.page()).await?;
    let heading = if filter.kind.is_empty() {
        l.t("stories-title")
    } else {
        l.kind(&filter.kind)
    };
    Ok(ListTemplate {
        pager: Pager::new(&stories, list_base("/verhalen", &filter)),
        intro: l.t("stories-intro"),
        l,
        heading,
        action: "/verhalen".into(),
        show_theme_filter: true,
        filter,
        stories,
    }
    .into_response())
}

async fn theme(
    l: Ctx,
    State(s): State<AppState>,
    Path(theme): Path<String>,
    Query(q): Query<ListQuery>,
) -> PageResult {
    if !l.taxonomy.knows(Vocabulary::Theme, &theme) {
        return Err(AppError::NotFound.into());
    }
    let mut filter = q.filter(&l.taxonomy);
    filter.theme = theme.clone();
    let stories = s.app.stories().published_list(&filter, q.page()).await?;
    let action = format!("/themas/{theme}");
    let mut base_filter = filter.clone();
    base_filter.theme.clear();
    Ok(ListTemplate {
        pager: Pager::new(&stories, list_base(&action, &base_filter)),
        heading: l.t1("theme-heading", "theme", l.theme(&theme)),
        intro: l.theme_intro(&theme),
        l,
        action,
        show_theme_filter: false,
        filter,
        stories,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "stories/themes.html")]
struct ThemesTemplate {
    l: Ctx,
}

async fn themes(l: Ctx) -> ThemesTemplate {
    ThemesTemplate { l }
}

#[derive(Template, WebTemplate)]
#[template(path = "stories/show.html")]
struct ShowTemplate {
    l: Ctx,
    story: PublishedStory,
    has_tips: bool,
}

async fn show(l: Ctx, State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let story = s.app.stories().published(&slug).await?;
    let has_tips = has_tips(&story);
    Ok(ShowTemplate { l, story, has_tips }.into_response())
}

fn has_tips(story: &PublishedStory) -> bool {
    story.sections.iter().any(|s| s.key == "tips")
}

/// A story page as a visitor in `l` sees it (for the stored copies).
pub(crate) fn render_show(l: Ctx, story: &PublishedStory) -> Option<String> {
    ShowTemplate {
        l,
        story: story.clone(),
        has_tips: has_tips(story),
    }
    .render()
    .inspect_err(|e| tracing::error!(error = %e, "rendering a story page failed"))
    .ok()
}
