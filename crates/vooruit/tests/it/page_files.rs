//! Story pages and story API answers kept as files, rendered when a story
//! changes (crate vooruit_web::page_files): served without a database round
//! trip to visitors who are not signed in, never older than the database
//! allows, and never when cut short.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::common::{Client, EDITOR_EMAIL, EDITOR_PASSWORD, Page, Server, story_fields};
use crate::search::publish_story;

/// Database round trips of a request (VOORUIT_DEBUG_QUERIES=1 in tests):
/// 0 means the stored copy answered.
fn queries(p: &Page) -> u32 {
    p.headers["x-vooruit-queries"]
        .to_str()
        .expect("header")
        .parse()
        .expect("number")
}

/// The stored copies of a story, in every edition.
fn copies(s: &Server, slug: &str) -> Vec<PathBuf> {
    let Ok(editions) = std::fs::read_dir(s.data_dir().join("pages")) else {
        return vec![];
    };
    editions
        .flat_map(|e| {
            let dir = e.expect("entry").path();
            [
                "nl.html",
                "en.html",
                "json",
                "nl.html.gz",
                "en.html.gz",
                "json.gz",
            ]
            .map(|ext| dir.join(format!("{slug}.{ext}")))
        })
        .filter(|p| p.exists())
        .collect()
}

/// Asks until the stored copy answers (a new node renders in the background).
async fn from_copy(c: &Client, path: &str) -> Page {
    let start = Instant::now();
    loop {
        let p = c.get(path).await;
        if p.status == 200 && queries(&p) == 0 {
            return p;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{path} never came from its copy: {} {}",
            p.status,
            p.headers.get("x-vooruit-queries").is_some()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn story_pages_come_from_copies_made_at_each_change() {
    let s = Server::start().await;
    let c = s.client();
    let title = "Een buurtkamer die pas liep toen bewoners de sleutel kregen";
    let (id, slug) = publish_story(
        &s,
        title,
        "De buurtkamer stond maanden leeg. Toen bewoners zelf de sleutel kregen, kwam er elke dag iemand.",
        &["samenwerking"],
    )
    .await;
    let path = format!("/verhalen/{slug}");

    // Published: the copy answers at once, in both languages and the API.
    let page = c.get(&path).await;
    assert_eq!(page.status, 200);
    assert_eq!(queries(&page), 0, "the copy answers, not the database");
    assert!(page.body.contains(title));
    assert!(page.body.contains(r#"<html lang="nl">"#));
    assert!(
        page.headers["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/html")
    );
    let en = reqwest::Client::new()
        .get(s.url(&path))
        .header("accept-language", "en")
        .send()
        .await
        .expect("english page");
    assert_eq!(en.headers()["x-vooruit-queries"], "0");
    assert!(
        en.text()
            .await
            .expect("body")
            .contains(r#"<html lang="en">"#)
    );
    let api = c.get(&format!("/api/v1/stories/{slug}")).await;
    assert_eq!(queries(&api), 0);
    assert_eq!(api.json()["title"], title);
    assert_eq!(copies(&s, &slug).len(), 6);

    // A browser that takes gzip gets the gzipped copy: the same page.
    let raw = reqwest::Client::new();
    let gz = raw
        .get(s.url(&path))
        .header("accept-encoding", "gzip, deflate, br")
        .send()
        .await
        .expect("gzipped page");
    assert_eq!(gz.headers()["x-vooruit-queries"], "0");
    assert_eq!(gz.headers()["content-encoding"], "gzip");
    let bytes = gz.bytes().await.expect("body");
    let mut unzipped = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut unzipped)
        .expect("gzip");
    assert_eq!(unzipped, page.body);
    let refused = raw
        .get(s.url(&path))
        .header("accept-encoding", "gzip;q=0")
        .send()
        .await
        .expect("page");
    assert!(refused.headers().get("content-encoding").is_none());

    // The page rendered per request (a query string skips the copy) says
    // the same, apart from the language switch that keeps the query.
    let dynamic = c.get(&format!("{path}?via=test")).await;
    assert!(queries(&dynamic) > 0);
    assert_eq!(
        dynamic.body.replace("%3Fvia%3Dtest", ""),
        page.body,
        "the copy is the page as rendered per request"
    );

    // An editor changes the text: the next request shows it, still from a copy.
    let editor = s.client();
    editor.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    let form = editor.get(&format!("/redactie/verhalen/{id}")).await;
    let mut fields = story_fields(title);
    fields.retain(|(k, _)| *k != "context");
    fields.push((
        "context",
        "Na de zomer gaven we de sleutel aan drie bewoners. Vanaf dat moment was de kamer elke dag open.".into(),
    ));
    let saved = editor
        .post_form(
            &format!("/redactie/verhalen/{id}"),
            &form.csrf(),
            &crate::common::as_refs(&fields),
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let page = c.get(&path).await;
    assert_eq!(queries(&page), 0);
    assert!(page.body.contains("Na de zomer gaven we de sleutel"));
    assert!(!page.body.contains("De buurtkamer stond maanden leeg"));

    // A copy cut short (a crash while writing) is not served: the page is
    // rendered per request and is whole, gzipped or not.
    for file in copies(&s, &slug) {
        let bytes = std::fs::read(&file).expect("copy");
        std::fs::write(&file, &bytes[..bytes.len() / 2]).expect("cut");
    }
    let gz = raw
        .get(s.url(&path))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("page");
    assert_ne!(
        gz.headers()["x-vooruit-queries"],
        "0",
        "a cut gzipped copy is not served"
    );
    let page = c.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(queries(&page) > 0, "a cut copy is not served");
    assert!(page.body.trim_end().ends_with("</html>"));
    let api = c.get(&format!("/api/v1/stories/{slug}")).await;
    assert!(queries(&api) > 0);
    assert_eq!(api.json()["title"], title);

    // A signed-in visitor always gets the page rendered for them.
    let mine = editor.get(&path).await;
    assert!(queries(&mine) > 0);
    assert!(mine.body.contains("/uitloggen"));

    // Archived: gone at once, copies removed.
    let form = editor.get(&format!("/redactie/verhalen/{id}")).await;
    let r = editor
        .post_form(
            &format!("/redactie/verhalen/{id}/archiveren"),
            &form.csrf(),
            &[],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(c.get(&path).await.status, 404);
    assert_eq!(c.get(&format!("/api/v1/stories/{slug}")).await.status, 404);
    assert!(copies(&s, &slug).is_empty(), "{:?}", copies(&s, &slug));
}

#[tokio::test]
async fn another_node_drops_a_withdrawn_story_within_a_second() {
    let s = Server::start().await;
    let other = s.second_node();
    let (id, slug) = publish_story(
        &s,
        "Een spreekuur in de bibliotheek dat niemand vond",
        "We hielden spreekuur tussen de boekenkasten. Niemand wist dat we er zaten.",
        &["samenwerking"],
    )
    .await;
    let path = format!("/verhalen/{slug}");
    let there = other.client();
    // The other node's tailer sees the new story and stores its copy.
    from_copy(&there, &path).await;

    let editor = s.client();
    editor.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    let form = editor.get(&format!("/redactie/verhalen/{id}")).await;
    let r = editor
        .post_form(
            &format!("/redactie/verhalen/{id}/archiveren"),
            &form.csrf(),
            &[],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let archived = Instant::now();
    loop {
        let p = there.get(&path).await;
        if p.status == 404 {
            break;
        }
        assert!(
            archived.elapsed() < Duration::from_secs(1),
            "the other node still served the withdrawn story after {:?}",
            archived.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    println!("withdrawn on the other node after {:?}", archived.elapsed());
    assert!(copies(&other, &slug).is_empty());
}

#[tokio::test]
async fn a_label_change_is_on_every_story_page_at_once() {
    let s = Server::start().await;
    let c = s.client();
    let (_, slug) = publish_story(
        &s,
        "Samen inkopen met vier gemeenten",
        "Vier gemeenten kochten samen jeugdhulp in. Het contract werd eenvoudiger.",
        &["samenwerking"],
    )
    .await;
    let path = format!("/verhalen/{slug}");
    let before = from_copy(&c, &path).await;
    assert!(before.body.contains(">Samenwerking</a>"), "{}", before.body);

    let admin = s.client();
    s.add_user(
        "beheer@test.nl",
        "Bea Beheer",
        "admin",
        "een lang genoeg wachtwoord",
    );
    admin
        .login("beheer@test.nl", "een lang genoeg wachtwoord")
        .await;
    let r = admin
        .put_json(
            "/api/v1/admin/taxonomy/thema/samenwerking",
            &serde_json::json!({"labels": {"label_nl": "Samen optrekken", "label_en": "Working together"}}),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    // At once: the old copy belongs to the old taxonomy and is not read.
    let after = c.get(&path).await;
    assert!(
        after.body.contains(">Samen optrekken</a>"),
        "{}",
        after.body
    );
    assert!(!after.body.contains(">Samenwerking</a>"));
    // Then the new edition is rendered in the background.
    let copy = from_copy(&c, &path).await;
    assert!(copy.body.contains(">Samen optrekken</a>"));
}

#[tokio::test]
async fn pages_answer_while_their_directory_is_removed_and_made_again() {
    // One worker thread: the one that held the removed directory open is
    // the one that must open the new one.
    let s = Server::start_with_env(&[], &[("TOKIO_WORKER_THREADS", "1")]).await;
    let c = s.client();
    let title = "Een spreekuur in de bibliotheek dat pas drukker werd na de verhuizing";
    let (_, slug) = publish_story(
        &s,
        title,
        "Het spreekuur zat eerst achterin het gemeentehuis. In de bibliotheek liepen mensen vanzelf binnen.",
        &["samenwerking"],
    )
    .await;
    let path = format!("/verhalen/{slug}");
    let page = from_copy(&c, &path).await;
    assert!(page.body.contains(title));

    // Every copy gone (an operator's clean-up, `reindex`): each worker
    // thread holds its directory open, and must not keep reading from the
    // removed one. The page is rendered per request meanwhile ...
    std::fs::remove_dir_all(s.data_dir().join("pages")).expect("remove the copies");
    for _ in 0..8 {
        let page = c.get(&path).await;
        assert_eq!(page.status, 200);
        assert!(queries(&page) > 0, "no copy to serve");
        assert!(page.body.contains(title));
    }
    // ... until the background filler made the directory again: then the
    // copies in the new directory answer.
    let page = from_copy(&c, &path).await;
    assert!(page.body.contains(title));
    // The Dutch page may answer before the filler wrote the other five.
    let start = Instant::now();
    while copies(&s, &slug).len() < 6 && start.elapsed() < Duration::from_secs(10) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(copies(&s, &slug).len(), 6);
}
