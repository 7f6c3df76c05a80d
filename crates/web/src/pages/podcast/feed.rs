//! `/podcast/feed.xml`: what podcast apps subscribe to. RSS 2.0 with
//! Apple's `itunes:` tags (which every app reads) and the Podcasting 2.0
//! `podcast:` tags for the podcast's GUID, each episode's transcript and
//! chapters. Every published episode is in it, newest first.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use rss::extension::itunes::{
    ITunesCategory, ITunesChannelExtension, ITunesItemExtension, ITunesOwner,
};
use rss::extension::{Extension, ExtensionMap};
use vooruit_app::podcast::{EpisodeUrls, FEED_MAX};
use vooruit_domain::podcast::Episode;

use crate::AppState;
use crate::pages::PageResult;
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new().get("/podcast/feed.xml", feed)
}

const PODCAST_NS: &str = "https://podcastindex.org/namespace/1.0";

/// The namespace Podcasting 2.0 makes a podcast's GUID in (UUID v5 of the
/// feed's address without its scheme).
const GUID_NS: uuid::Uuid = uuid::uuid!("ead4c236-bf58-58c6-a2c6-a6b28d128cb6");

async fn feed(State(s): State<AppState>) -> PageResult {
    let podcast = s.app.podcast();
    let series = podcast.series().await?;
    let episodes = podcast.newest(FEED_MAX).await?;
    let base = &s.app.config.base_url;
    let feed_url = format!("{base}/podcast/feed.xml");
    let explicit = if series.explicit { "true" } else { "false" };
    let items: Vec<rss::Item> = episodes
        .iter()
        .map(|e| item(e, base, explicit, &series.language))
        .collect();
    let mut itunes = ITunesChannelExtension::default();
    itunes.set_author(series.author.clone());
    itunes.set_explicit(explicit.to_string());
    itunes.set_type(series.kind.as_str().to_string());
    itunes.set_summary(series.description.clone());
    let mut owner = ITunesOwner::default();
    owner.set_name(series.owner_name.clone());
    owner.set_email(series.owner_email.clone());
    itunes.set_owner(owner);
    let mut category = ITunesCategory::default();
    category.set_text(series.category.clone());
    itunes.set_categories(vec![category]);
    if let Some(c) = &series.cover {
        itunes.set_image(format!("{base}/podcast/omslag.{}", c.ext));
    }
    let without_scheme = feed_url.split_once("://").map_or(&*feed_url, |(_, r)| r);
    let guid = uuid::Uuid::new_v5(&GUID_NS, without_scheme.as_bytes()).to_string();
    let mut ns = BTreeMap::new();
    ns.insert("podcast".to_string(), PODCAST_NS.to_string());
    let channel = rss::ChannelBuilder::default()
        .namespaces(ns)
        .title(series.title.clone())
        .link(format!("{base}/podcast"))
        .description(series.description.clone())
        .language(Some(series.language.clone()))
        .image(series.cover.as_ref().map(|c| {
            rss::ImageBuilder::default()
                .url(format!("{base}/podcast/omslag.{}", c.ext))
                .title(series.title.clone())
                .link(format!("{base}/podcast"))
                .build()
        }))
        .itunes_ext(Some(itunes))
        .extensions(podcast_ext(vec![tag("guid", &guid, &[])]))
        .items(items)
        .build();
    Ok((
        [
            (header::CONTENT_TYPE, "application/rss+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        channel.to_string(),
    )
        .into_response())
}

fn item(e: &Episode, base: &str, explicit: &str, language: &str) -> rss::Item {
    let urls = EpisodeUrls::of(e, base);
    let date = vooruit_app::dates::day_ms(&e.date)
        .or(e.published_at)
        .and_then(chrono::DateTime::from_timestamp_millis)
        .unwrap_or_default()
        .to_rfc2822();
    let mut itunes = ITunesItemExtension::default();
    itunes.set_duration(e.duration_secs().to_string());
    itunes.set_explicit(explicit.to_string());
    itunes.set_episode_type(e.kind.as_str().to_string());
    itunes.set_episode(e.number.map(|n| n.to_string()));
    itunes.set_season(e.season.map(|n| n.to_string()));
    let mut podcast = vec![tag(
        "transcript",
        "",
        &[
            ("url", &urls.transcript),
            ("type", e.transcript_format().mime()),
            ("language", language),
        ],
    )];
    if !e.chapter_list().is_empty() {
        podcast.push(tag(
            "chapters",
            "",
            &[
                ("url", &urls.chapters),
                ("type", "application/json+chapters"),
            ],
        ));
    }
    rss::ItemBuilder::default()
        .title(Some(e.title.clone()))
        .link(Some(urls.page.clone()))
        .description(Some(vooruit_app::markdown::render(&e.notes)))
        .pub_date(Some(date))
        .guid(Some(
            rss::GuidBuilder::default()
                .value(e.guid.clone())
                .permalink(false)
                .build(),
        ))
        .enclosure(Some(
            rss::EnclosureBuilder::default()
                .url(urls.audio)
                .length(e.audio_size.to_string())
                .mime_type(e.audio_format.mime().to_string())
                .build(),
        ))
        .itunes_ext(Some(itunes))
        .extensions(podcast_ext(podcast))
        .build()
}

/// A `podcast:` element with a text and attributes.
fn tag(name: &str, value: &str, attrs: &[(&str, &str)]) -> Extension {
    Extension {
        name: format!("podcast:{name}"),
        value: (!value.is_empty()).then(|| value.to_string()),
        attrs: attrs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        children: BTreeMap::new(),
    }
}

fn podcast_ext(tags: Vec<Extension>) -> ExtensionMap {
    let mut local: BTreeMap<String, Vec<Extension>> = BTreeMap::new();
    for t in tags {
        let name = t.name.trim_start_matches("podcast:").to_string();
        local.entry(name).or_default().push(t);
    }
    let mut map = ExtensionMap::new();
    map.insert("podcast".to_string(), local);
    map
}
