//! Every type of published content is tested the same way: created without
//! JavaScript (plain form posts, as a browser without scripts sends them),
//! published, then found in search (with its type, in the type facet and
//! under the type's filter), in the sitemap, in its feed and in the API;
//! after withdrawal, gone from search, the sitemap and the feed. A new type
//! adds its arm to each `match` below: the compiler asks for it.

use vooruit_domain::content_type::ContentType;

use crate::common::{Client, EDITOR_EMAIL, EDITOR_PASSWORD, Server, share_story, story_id};
use crate::{podcast, publications};

/// A word no demo content has, one per type, so a search finds exactly
/// the item made here.
fn word(t: ContentType) -> &'static str {
    match t {
        ContentType::Story => "qorvaxelin",
        ContentType::Publication => "qorvaxumba",
        ContentType::Event => "qorvaxodri",
        ContentType::Episode => "qorvaxepiso",
        ContentType::Video => "qorvaxvidu",
        ContentType::Guide => "qorvaxwijz",
        ContentType::Issue => "qorvaxmaga",
    }
}

/// What was made: the slug, and the handle the editors act on (an id, or
/// for events the slug).
struct Made {
    slug: String,
    handle: String,
}

/// Makes an item of type `t` carrying `word` and publishes it, through
/// the HTML forms only.
async fn make_and_publish(s: &Server, editor: &Client, t: ContentType) -> Made {
    let w = word(t);
    match t {
        ContentType::Story => {
            let title = format!("Een inloop die {w} heette");
            share_story(&s.client(), &title, "", "", "teller@test.nl", false, false).await;
            let id = story_id(editor, &title).await;
            let page = editor.get(&format!("/redactie/verhalen/{id}")).await;
            let r = editor
                .post_form(
                    &format!("/redactie/verhalen/{id}/publiceren"),
                    &page.csrf(),
                    &[],
                )
                .await;
            assert_eq!(r.status, 303, "{}", r.body);
            let list = editor.get("/api/v1/stories").await.json();
            let slug = list["items"]
                .as_array()
                .expect("items")
                .iter()
                .find(|i| i["title"] == title.as_str())
                .expect("published")["slug"]
                .as_str()
                .expect("slug")
                .to_string();
            Made { slug, handle: id }
        }
        ContentType::Publication => {
            // The word is only in the PDF's text: search reads the file.
            let csrf = editor.get("/redactie/publicaties/nieuw").await.csrf();
            let file = publications::pdf_saying(2, 0, &format!("Het {w} werkboek"));
            let r =
                publications::upload(editor, &csrf, file, "werkboek.pdf", "Werkboek teams").await;
            assert_eq!(r.status, 303, "{}", r.body);
            let slug = "werkboek-teams".to_string();
            let id = publications::publish(s, editor, &csrf, &slug).await;
            Made { slug, handle: id }
        }
        ContentType::Event => {
            let form = editor.get("/redactie/agenda").await;
            let description = format!("We oefenen met de {w} methode.");
            let r = editor
                .post_form(
                    "/redactie/agenda",
                    &form.csrf(),
                    &[
                        ("kind", "training"),
                        ("title", "Training samen leren"),
                        ("description", &description),
                        ("starts", "2030-03-01T10:00"),
                        ("ends", "2030-03-01T12:00"),
                        ("online_url", "https://meet.example/leren"),
                        ("capacity", "20"),
                    ],
                )
                .await;
            assert_eq!(r.status, 303, "{}", r.body);
            let slug = "training-samen-leren".to_string();
            Made {
                handle: slug.clone(),
                slug,
            }
        }
        ContentType::Episode => {
            // The word is only in the transcript: search reads it.
            let csrf = editor.get("/redactie/podcast/nieuw").await.csrf();
            let transcript = format!("We praten over de {w} aanpak.");
            let r = podcast::upload(
                editor,
                &csrf,
                vooruit_app::audio::silent_mp3(20),
                "gesprek.mp3",
                &[
                    ("title", "Gesprek over samen leren"),
                    ("notes", "Twee collega's vertellen."),
                    ("date", "2026-11-01"),
                    ("kind", "full"),
                    ("transcript", &transcript),
                ],
            )
            .await;
            assert_eq!(r.status, 303, "{}", r.body);
            let id = podcast::id_of(&r);
            let r = editor
                .post_form(&format!("/redactie/podcast/{id}/publiceren"), &csrf, &[])
                .await;
            assert_eq!(r.status, 303, "{}", r.body);
            Made {
                slug: "gesprek-over-samen-leren".to_string(),
                handle: id,
            }
        }
        ContentType::Video => {
            // On a platform (no file); the word is only in the transcript.
            let csrf = editor.get("/redactie/video/nieuw").await.csrf();
            let transcript = format!("In beeld: de {w} werkvorm.");
            let r = crate::videos::upload(
                editor,
                &csrf,
                None,
                &[
                    ("title", "Uitleg over de werkvorm"),
                    ("description", "Een korte uitleg."),
                    ("transcript", &transcript),
                    ("embed_url", "https://youtu.be/abcdefghijk"),
                ],
            )
            .await;
            assert_eq!(r.status, 303, "{}", r.body);
            let id = podcast::id_of(&r);
            let r = editor
                .post_form(&format!("/redactie/video/{id}/publiceren"), &csrf, &[])
                .await;
            assert_eq!(r.status, 303, "{}", r.body);
            Made {
                slug: "uitleg-over-de-werkvorm".to_string(),
                handle: id,
            }
        }
        ContentType::Guide => {
            // The word is only in a step.
            let csrf = editor.get("/redactie/werkwijzers/nieuw").await.csrf();
            let step = format!("Begin met de {w} oefening.");
            let r = crate::guides::post(
                editor,
                "/redactie/werkwijzers/nieuw",
                &csrf,
                &[
                    ("title", "Samen plannen maken"),
                    ("goal", "Een plan voor het kwartaal."),
                    ("audience", "Teams"),
                    ("duration", "Een uur"),
                    ("step-0-text", &step),
                ],
                &[],
            )
            .await;
            assert_eq!(r.status, 303, "{}", r.body);
            let id = podcast::id_of(&r);
            let r = editor
                .post_form(
                    &format!("/redactie/werkwijzers/{id}/publiceren"),
                    &csrf,
                    &[],
                )
                .await;
            assert_eq!(r.status, 303, "{}", r.body);
            Made {
                slug: "samen-plannen-maken".to_string(),
                handle: id,
            }
        }
        ContentType::Issue => {
            // The word is only in the foreword; the one article is a
            // published demo story, chosen from the form's list.
            let form = editor.get("/redactie/magazine/nieuw").await;
            let csrf = form.csrf();
            let story = form
                .body
                .split("<option value=\"")
                .find(|o| o.contains(">De nieuwe roosterapp die niemand snapte ("))
                .and_then(|o| o.split('"').next())
                .expect("the story is offered")
                .to_string();
            let foreword = format!("Dit nummer gaat over de {w} aanpak.");
            let r = crate::magazine::post(
                editor,
                "/redactie/magazine/nieuw",
                &csrf,
                &[
                    ("name", "Leerkrant"),
                    ("number", "1"),
                    ("date", "2026-09-01"),
                    ("foreword", &foreword),
                    ("section-0-title", "Uit de praktijk"),
                    ("article-0-story", &story),
                    ("article-0-section", "1"),
                ],
                None,
            )
            .await;
            assert_eq!(r.status, 303, "{}", r.body);
            let id = podcast::id_of(&r);
            let r = editor
                .post_form(&format!("/redactie/magazine/{id}/publiceren"), &csrf, &[])
                .await;
            assert_eq!(r.status, 303, "{}", r.body);
            Made {
                slug: "leerkrant-1".to_string(),
                handle: id,
            }
        }
    }
}

/// Takes the item offline the way its editors do.
async fn withdraw(editor: &Client, t: ContentType, made: &Made) {
    let (page, action) = match t {
        ContentType::Story => (
            format!("/redactie/verhalen/{}", made.handle),
            format!("/redactie/verhalen/{}/archiveren", made.handle),
        ),
        ContentType::Publication => (
            format!("/redactie/publicaties/{}", made.handle),
            format!("/redactie/publicaties/{}/intrekken", made.handle),
        ),
        ContentType::Event => (
            format!("/redactie/agenda/{}", made.handle),
            format!("/redactie/agenda/{}/annuleren", made.handle),
        ),
        ContentType::Episode => (
            format!("/redactie/podcast/{}", made.handle),
            format!("/redactie/podcast/{}/intrekken", made.handle),
        ),
        ContentType::Video => (
            format!("/redactie/video/{}", made.handle),
            format!("/redactie/video/{}/intrekken", made.handle),
        ),
        ContentType::Guide => (
            format!("/redactie/werkwijzers/{}", made.handle),
            format!("/redactie/werkwijzers/{}/intrekken", made.handle),
        ),
        ContentType::Issue => (
            format!("/redactie/magazine/{}", made.handle),
            format!("/redactie/magazine/{}/intrekken", made.handle),
        ),
    };
    let csrf = editor.get(&page).await.csrf();
    let r = editor.post_form(&action, &csrf, &[]).await;
    assert_eq!(r.status, 303, "{}", r.body);
}

/// Where machines follow new items of a type.
fn feed(t: ContentType) -> &'static str {
    match t {
        ContentType::Story => "/verhalen/feed.xml",
        ContentType::Publication => "/publicaties/feed.xml",
        ContentType::Event => "/agenda.ics",
        ContentType::Episode => "/podcast/feed.xml",
        ContentType::Video => "/video/feed.xml",
        ContentType::Guide => "/werkwijzers/feed.xml",
        ContentType::Issue => "/magazine/feed.xml",
    }
}

/// The API's list of a type.
fn api_list(t: ContentType) -> &'static str {
    match t {
        ContentType::Story => "/api/v1/stories",
        ContentType::Publication => "/api/v1/publications",
        ContentType::Event => "/api/v1/events",
        ContentType::Episode => "/api/v1/episodes",
        ContentType::Video => "/api/v1/videos",
        ContentType::Guide => "/api/v1/guides",
        ContentType::Issue => "/api/v1/magazine",
    }
}

/// Every URL in the sitemap, through its index.
async fn sitemap(c: &Client) -> String {
    let index = c.get("/sitemap.xml").await;
    assert_eq!(index.status, 200);
    let mut all = String::new();
    for part in index.body.split("<loc>").skip(1) {
        let loc = part.split("</loc>").next().expect("loc");
        let path = &loc[loc.find("/sitemap/").expect("a sitemap file")..];
        all.push_str(&c.get(path).await.body);
    }
    all
}

async fn search(c: &Client, q: &str) -> serde_json::Value {
    let r = c.get(&format!("/api/v1/search?{q}")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

#[tokio::test]
async fn every_type_is_found_everywhere_once_published_and_nowhere_once_withdrawn() {
    let s = Server::start().await;
    let editor = s.client();
    let r = editor.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    assert_eq!(r.status, 303);
    let visitor = s.client();
    for &t in ContentType::ALL {
        let w = word(t);
        assert_eq!(search(&visitor, &format!("q={w}")).await["total"], 0);
        let made = make_and_publish(&s, &editor, t).await;
        let path = t.path(&made.slug);

        // Search: one hit, of this type, linking to its page.
        let found = search(&visitor, &format!("q={w}")).await;
        assert_eq!(found["total"], 1, "{t}: {found}");
        let hit = &found["items"][0];
        assert_eq!(hit["type"], t.as_str(), "{hit}");
        assert_eq!(hit["path"], path.as_str(), "{hit}");
        assert_eq!(
            found["facets"]["type"],
            serde_json::json!([{"value": t.as_str(), "count": 1}])
        );
        let only = search(&visitor, &format!("q={w}&type={t}")).await;
        assert_eq!(only["total"], 1, "{t}");
        for &other in ContentType::ALL.iter().filter(|o| **o != t) {
            let none = search(&visitor, &format!("q={w}&type={other}")).await;
            assert_eq!(none["total"], 0, "{t} is not a {other}");
        }
        let page = visitor.get(&format!("/zoeken?q={w}")).await;
        assert!(page.body.contains(&format!("href=\"{path}\"")), "{t}");
        assert!(
            page.body.contains(&format!("/zoeken?q={w}&#38;type={t}")),
            "{t}: the type facet links to its filter"
        );
        // The type is named on the hit.
        let label = match t {
            ContentType::Story => "Verhaal",
            ContentType::Publication => "Publicatie",
            ContentType::Event => "Bijeenkomst",
            ContentType::Episode => "Podcastaflevering",
            ContentType::Video => "Video",
            ContentType::Guide => "Werkwijzer",
            ContentType::Issue => "Magazine",
        };
        assert!(
            page.body
                .contains(&format!("<span class=\"vo-hit__type\">{label}</span>")),
            "{t}"
        );

        // Its page, the sitemap, its feed and the API.
        assert_eq!(visitor.get(&path).await.status, 200, "{path}");
        assert!(
            sitemap(&visitor).await.contains(&format!("{path}</loc>")),
            "{t}"
        );
        assert!(
            visitor.get(feed(t)).await.body.contains(&path),
            "{t} in {}",
            feed(t)
        );
        let api = visitor.get(&t.api_path(&made.slug)).await;
        assert_eq!(api.status, 200, "{t}: {}", api.body);
        assert_eq!(api.json()["slug"], made.slug.as_str());
        let list = visitor.get(api_list(t)).await.json();
        assert!(
            list["items"]
                .as_array()
                .expect("items")
                .iter()
                .any(|i| i["slug"] == made.slug.as_str()),
            "{t} in {}",
            api_list(t)
        );

        withdraw(&editor, t, &made).await;
        assert_eq!(search(&visitor, &format!("q={w}")).await["total"], 0, "{t}");
        assert!(
            !sitemap(&visitor).await.contains(&format!("{path}</loc>")),
            "{t}"
        );
        let api = visitor.get(&t.api_path(&made.slug)).await;
        match t {
            // A cancelled event keeps its page, feed entry and API item,
            // marked cancelled: people who registered or subscribed their
            // calendar must see that it is off.
            ContentType::Event => {
                assert_eq!(api.json()["cancelled"], true);
                assert!(visitor.get(feed(t)).await.body.contains("STATUS:CANCELLED"));
            }
            ContentType::Story
            | ContentType::Publication
            | ContentType::Episode
            | ContentType::Video
            | ContentType::Guide
            | ContentType::Issue => {
                assert_eq!(api.status, 404, "{t}");
                assert_eq!(visitor.get(&path).await.status, 404, "{t}");
                assert!(!visitor.get(feed(t)).await.body.contains(&path), "{t}");
            }
        }
    }
}
