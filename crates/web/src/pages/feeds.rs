//! Feeds and files for machines: RSS of new stories (all, per theme) and
//! of new publications, videos, werkwijzers and magazine issues, the
//! sitemap (every published type), robots.txt.
//! (The agenda's feed is its calendar, `/agenda.ics`; the podcast's is in
//! `podcast/feed.rs`.)

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use vooruit_app::AppError;
use vooruit_app::stories::StoryFilter;
use vooruit_domain::content_type::ContentType;
use vooruit_domain::taxonomy::Vocabulary;

use super::PageResult;
use crate::AppState;
use crate::context::Ctx;
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/verhalen/feed.xml", all_stories)
        .get("/themas/{theme}/feed.xml", theme_stories)
        .get("/publicaties/feed.xml", publications)
        .get("/video/feed.xml", videos)
        .get("/werkwijzers/feed.xml", guides)
        .get("/magazine/feed.xml", magazine)
        .get("/sitemap.xml", sitemap_index)
        .get("/sitemap/pagina.xml", sitemap_pages)
        .get("/sitemap/{file}", sitemap_stories)
        .get("/robots.txt", robots)
        .get("/.well-known/security.txt", security_txt)
}

const SITEMAP_PAGE: i64 = 10_000;

fn xml(body: String, content_type: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        body,
    )
        .into_response()
}

/// What a feed item says of any type of content. `summary` is plain text.
struct FeedItem<'a> {
    url: String,
    title: &'a str,
    summary: &'a str,
    published_at: i64,
    themes: &'a [String],
}

impl FeedItem<'_> {
    fn rss(&self, l: &Ctx) -> rss::Item {
        let date = chrono::DateTime::from_timestamp_millis(self.published_at)
            .unwrap_or_default()
            .to_rfc2822();
        rss::ItemBuilder::default()
            .title(Some(self.title.to_string()))
            .link(Some(self.url.clone()))
            // Readers show a description as HTML: a summary is plain text,
            // so its markup characters are escaped and nothing in it can
            // become a tag in someone's feed reader.
            .description(Some(escape(self.summary)))
            .pub_date(Some(date))
            .guid(Some(
                rss::GuidBuilder::default()
                    .value(self.url.clone())
                    .permalink(true)
                    .build(),
            ))
            .categories(
                self.themes
                    .iter()
                    .map(|t| rss::CategoryBuilder::default().name(l.theme(t)).build())
                    .collect::<Vec<_>>(),
            )
            .build()
    }
}

async fn feed(
    l: &Ctx,
    s: &AppState,
    filter: StoryFilter,
    title: String,
    link: String,
) -> PageResult {
    let page = s.app.stories().published_list(&filter, 1).await?;
    let base = &s.app.config.base_url;
    let items: Vec<rss::Item> = page
        .items
        .iter()
        .map(|st| {
            FeedItem {
                url: format!("{base}{}", ContentType::Story.path(&st.slug)),
                title: &st.title,
                summary: &st.summary,
                published_at: st.published_at,
                themes: &st.themes,
            }
            .rss(l)
        })
        .collect();
    Ok(channel(l, s, title, link, items))
}

/// An RSS channel of these items, in the reader's language.
fn channel(l: &Ctx, s: &AppState, title: String, link: String, items: Vec<rss::Item>) -> Response {
    let base = &s.app.config.base_url;
    let channel = rss::ChannelBuilder::default()
        .title(title)
        .link(format!("{base}{link}"))
        .description(l.t("site-description"))
        .language(Some(l.lang_code().to_string()))
        .items(items)
        .build();
    xml(channel.to_string(), "application/rss+xml; charset=utf-8")
}

/// The newest publications.
async fn publications(l: Ctx, State(s): State<AppState>) -> PageResult {
    let newest = s.app.publications().newest(FEED_ITEMS).await?;
    let base = &s.app.config.base_url;
    let items = newest
        .iter()
        .map(|p| {
            FeedItem {
                url: format!("{base}{}", ContentType::Publication.path(&p.slug)),
                title: &p.title,
                summary: &p.summary,
                published_at: p.published_at.unwrap_or(p.updated_at),
                themes: &p.themes,
            }
            .rss(&l)
        })
        .collect();
    let title = format!("Vooruit: {}", l.t("pub-title-list"));
    Ok(channel(&l, &s, title, "/publicaties".into(), items))
}

/// The newest videos.
async fn videos(l: Ctx, State(s): State<AppState>) -> PageResult {
    let newest = s.app.videos().newest(FEED_ITEMS).await?;
    let base = &s.app.config.base_url;
    let summaries: Vec<String> = newest
        .iter()
        .map(|v| vooruit_app::markdown::plain_excerpt(&v.description, 300))
        .collect();
    let items = newest
        .iter()
        .zip(&summaries)
        .map(|(v, summary)| {
            FeedItem {
                url: format!("{base}{}", ContentType::Video.path(&v.slug)),
                title: &v.title,
                summary,
                published_at: v.published_at.unwrap_or(v.updated_at),
                themes: &[],
            }
            .rss(&l)
        })
        .collect();
    let title = format!("Vooruit: {}", l.t("video-title-list"));
    Ok(channel(&l, &s, title, "/video".into(), items))
}

/// The newest werkwijzers.
async fn guides(l: Ctx, State(s): State<AppState>) -> PageResult {
    let newest = s.app.guides().newest(FEED_ITEMS).await?;
    let base = &s.app.config.base_url;
    let items = newest
        .iter()
        .map(|g| {
            FeedItem {
                url: format!("{base}{}", ContentType::Guide.path(&g.slug)),
                title: &g.title,
                summary: &g.goal,
                published_at: g.published_at.unwrap_or(g.updated_at),
                themes: &[],
            }
            .rss(&l)
        })
        .collect();
    let title = format!("Vooruit: {}", l.t("guide-title-list"));
    Ok(channel(&l, &s, title, "/werkwijzers".into(), items))
}

/// The newest magazine issues.
async fn magazine(l: Ctx, State(s): State<AppState>) -> PageResult {
    let newest = s.app.magazine().newest(FEED_ITEMS).await?;
    let base = &s.app.config.base_url;
    let titles: Vec<String> = newest
        .iter()
        .map(|i| format!("{} {} {}", i.name, l.t("magazine-number"), i.number))
        .collect();
    let items = newest
        .iter()
        .zip(&titles)
        .map(|(i, title)| {
            FeedItem {
                url: format!("{base}{}", ContentType::Issue.path(&i.slug)),
                title,
                summary: &i.theme,
                published_at: i.published_at.unwrap_or(i.updated_at),
                themes: &[],
            }
            .rss(&l)
        })
        .collect();
    let title = format!("Vooruit: {}", l.t("magazine-title-list"));
    Ok(channel(&l, &s, title, "/magazine".into(), items))
}

/// As many items as a page of the story list.
const FEED_ITEMS: i64 = 20;

async fn all_stories(l: Ctx, State(s): State<AppState>) -> PageResult {
    let title = format!("Vooruit: {}", l.t("stories-title"));
    feed(&l, &s, StoryFilter::default(), title, "/verhalen".into()).await
}

async fn theme_stories(l: Ctx, State(s): State<AppState>, Path(theme): Path<String>) -> PageResult {
    if !l.taxonomy.knows(Vocabulary::Theme, &theme) {
        return Err(AppError::NotFound.into());
    }
    let title = format!(
        "Vooruit: {}",
        l.t1("theme-heading", "theme", l.theme(&theme))
    );
    let filter = StoryFilter {
        theme: theme.clone(),
        ..Default::default()
    };
    feed(&l, &s, filter, title, format!("/themas/{theme}")).await
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

async fn sitemap_index(State(s): State<AppState>) -> PageResult {
    let base = &s.app.config.base_url;
    let (_, pages) = s.app.stories().sitemap_slugs(1, SITEMAP_PAGE).await?;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    out.push_str(&format!(
        "<sitemap><loc>{}/sitemap/pagina.xml</loc></sitemap>\n",
        escape(base)
    ));
    for n in 1..=pages {
        out.push_str(&format!(
            "<sitemap><loc>{}/sitemap/verhalen-{n}.xml</loc></sitemap>\n",
            escape(base)
        ));
    }
    out.push_str("</sitemapindex>\n");
    Ok(xml(out, "application/xml; charset=utf-8"))
}

fn urlset(urls: impl Iterator<Item = (String, Option<String>)>) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (loc, lastmod) in urls {
        out.push_str(&format!("<url><loc>{}</loc>", escape(&loc)));
        if let Some(m) = lastmod {
            out.push_str(&format!("<lastmod>{m}</lastmod>"));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

async fn sitemap_pages(l: Ctx, State(s): State<AppState>) -> PageResult {
    let base = s.app.config.base_url.clone();
    let publications = s.app.publications().sitemap().await?;
    let events = s.app.events().sitemap().await?;
    let episodes = s.app.podcast().sitemap().await?;
    let videos = s.app.videos().sitemap().await?;
    let guides = s.app.guides().sitemap().await?;
    let issues = s.app.magazine().sitemap().await?;
    let fixed = [
        "/",
        "/verhalen",
        "/themas",
        "/zoeken",
        "/verhaal-delen",
        "/agenda",
        "/publicaties",
        "/podcast",
        "/video",
        "/werkwijzers",
        "/magazine",
        "/nieuwsbrief",
        "/over",
        "/toegankelijkheid",
        "/privacy",
    ]
    .into_iter()
    .map(str::to_string)
    .chain(l.themes().into_iter().map(|t| format!("/themas/{t}")));
    let of = |t: ContentType, items: Vec<(String, i64)>| {
        let base = base.clone();
        items
            .into_iter()
            .map(move |(slug, updated)| (format!("{base}{}", t.path(&slug)), day(updated)))
    };
    let urls = fixed
        .map(|p| (format!("{base}{p}"), None))
        .chain(of(ContentType::Publication, publications))
        .chain(of(ContentType::Event, events))
        .chain(of(ContentType::Episode, episodes))
        .chain(of(ContentType::Video, videos))
        .chain(of(ContentType::Guide, guides))
        .chain(of(ContentType::Issue, issues));
    Ok(xml(urlset(urls), "application/xml; charset=utf-8"))
}

/// A sitemap's `lastmod`: the day, UTC.
fn day(ms: i64) -> Option<String> {
    chrono::DateTime::from_timestamp_millis(ms).map(|d| d.format("%Y-%m-%d").to_string())
}

async fn sitemap_stories(State(s): State<AppState>, Path(file): Path<String>) -> PageResult {
    let n: i64 = file
        .strip_prefix("verhalen-")
        .and_then(|f| f.strip_suffix(".xml"))
        .and_then(|n| n.parse().ok())
        .filter(|n| *n >= 1)
        .ok_or(AppError::NotFound)?;
    let (slugs, pages) = s.app.stories().sitemap_slugs(n, SITEMAP_PAGE).await?;
    if n > pages {
        return Err(AppError::NotFound.into());
    }
    let base = &s.app.config.base_url;
    let urls = slugs.into_iter().map(|(slug, updated)| {
        (
            format!("{base}{}", ContentType::Story.path(&slug)),
            day(updated),
        )
    });
    Ok(xml(urlset(urls), "application/xml; charset=utf-8"))
}

async fn robots(State(s): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!(
            "User-agent: *\nDisallow: /redactie\nDisallow: /mijn\nDisallow: /beheer\nDisallow: /verhaal-status\nDisallow: /api/\n\nSitemap: {}/sitemap.xml\n",
            s.app.config.base_url
        ),
    )
        .into_response()
}

/// How far ahead security.txt says it expires: RFC 9116 asks for less
/// than a year, and the file is made fresh on every request.
const SECURITY_TXT_DAYS: i64 = 180;

/// RFC 9116: where to report a vulnerability, from the setting
/// `--security-contact` (none set: no file, 404).
async fn security_txt(State(s): State<AppState>) -> Response {
    let contacts = &s.web.security_contacts;
    if contacts.is_empty() {
        return axum::http::StatusCode::NOT_FOUND.into_response();
    }
    let expires = s.app.db.clock().now_ms() + SECURITY_TXT_DAYS * 24 * 3600 * 1000;
    let mut body = String::new();
    for c in contacts {
        body.push_str(&format!("Contact: {c}\n"));
    }
    body.push_str(&format!(
        "Expires: {}\nPreferred-Languages: nl, en\nCanonical: {}/.well-known/security.txt\n",
        vooruit_app::dates::rfc3339(expires),
        s.app.config.base_url
    ));
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}
