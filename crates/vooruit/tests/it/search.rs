//! Search and discovery: Dutch full-text search, facets, related stories,
//! feeds, sitemap, and the index following every change on every node.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::common::{Server, editor_api};

/// Shares and publishes a story through the API; returns (id, slug).
pub(crate) async fn publish_story(
    s: &Server,
    title: &str,
    context: &str,
    themes: &[&str],
) -> (String, String) {
    let c = s.client();
    let r = c
        .post_json(
            "/api/v1/submissions",
            &json!({"kind": "falend-vooruit", "title": title, "context": context, "lessons": ["Een les"], "themes": themes, "sectors": ["ouderenzorg"], "region": "zeeland", "contact_email": "zoek@test.nl", "no_client_info": true, "consent": true}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    crate::common::publish_queued(s, title).await
}

fn slugs(v: &serde_json::Value) -> Vec<String> {
    field_of_items(v, "slug")
}

fn titles(v: &serde_json::Value) -> Vec<String> {
    field_of_items(v, "title")
}

fn field_of_items(v: &serde_json::Value, field: &str) -> Vec<String> {
    v["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|h| h[field].as_str().expect(field).to_string())
        .collect()
}

#[tokio::test]
async fn dutch_search_with_stemming_typos_phrases_and_facets() {
    let s = Server::start().await;
    let c = s.client();
    let (_, slug) = publish_story(
        &s,
        "Onze wervingscampagne voor de thuiszorg mislukte",
        "We maakten filmpjes voor een wervingscampagne. Er kwamen geen sollicitaties, wel veel likes. Een open dag werkte beter.",
        &["werven", "innovatie"],
    )
    .await;

    // Plural finds singular; inflections and case and accents are ignored.
    for q in [
        "wervingscampagnes",
        "WERVINGSCAMPAGNE",
        "mislukt",
        "thuiszórg",
    ] {
        let r = c.get(&format!("/api/v1/search?q={q}")).await.json();
        assert!(slugs(&r).contains(&slug), "{q} finds the story: {r}");
    }
    // A typo in a longer word.
    assert!(slugs(&c.get("/api/v1/search?q=solicitaties").await.json()).contains(&slug));
    // Phrase search.
    assert!(slugs(&c.get("/api/v1/search?q=%22open%20dag%22").await.json()).contains(&slug));
    assert!(!slugs(&c.get("/api/v1/search?q=%22dag%20open%22").await.json()).contains(&slug));
    // Snippet with the matched word marked.
    let r = c.get("/api/v1/search?q=sollicitaties").await.json();
    let hit = r["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|h| h["slug"] == slug.as_str())
        .expect("hit");
    assert!(
        hit["snippet_html"]
            .as_str()
            .expect("snippet")
            .contains("<mark>"),
        "{hit}"
    );

    // Facets with counts, combinable filters.
    let all = c.get("/api/v1/search?type=verhaal").await.json();
    let total = all["total"].as_u64().expect("total");
    assert!(total >= 15);
    let kinds: u64 = all["facets"]["kind"]
        .as_array()
        .expect("kinds")
        .iter()
        .map(|k| k["count"].as_u64().expect("n"))
        .sum();
    assert_eq!(kinds, total, "every story has one kind");
    // Everything published is searched: the type facet counts every item
    // once, stories among them.
    let everything = c.get("/api/v1/search").await.json();
    let types = everything["facets"]["type"].as_array().expect("types");
    let by_type: u64 = types.iter().map(|k| k["count"].as_u64().expect("n")).sum();
    assert_eq!(by_type, everything["total"].as_u64().expect("total"));
    assert!(
        types
            .iter()
            .any(|t| t["value"] == "verhaal" && t["count"].as_u64() == Some(total)),
        "{types:?}"
    );
    assert!(everything["total"].as_u64().expect("total") > total);
    let f = c
        .get("/api/v1/search?q=wervingscampagne&theme=werven&region=zeeland")
        .await
        .json();
    assert!(slugs(&f).contains(&slug));
    let none = c
        .get("/api/v1/search?q=wervingscampagne&region=limburg&theme=technologie")
        .await
        .json();
    assert_eq!(none["total"], 0);
    assert!(
        none["without_filters"]
            .as_u64()
            .expect("count without filters")
            >= 1
    );

    // A misspelt word that finds nothing gets a suggestion.
    let miss = c
        .get("/api/v1/search?q=wervingscampange%20thuisorg")
        .await
        .json();
    if miss["total"] == 0 {
        assert!(miss["suggestion"].as_str().is_some(), "{miss}");
    }

    // The page: search box on every page, results with facets.
    assert!(c.get("/verhalen").await.body.contains("action=\"/zoeken\""));
    let page = c.get("/zoeken?q=wervingscampagnes").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&format!("/verhalen/{slug}")));
    assert!(page.body.contains("<mark>"));
    assert!(page.body.contains("Soort verhaal"), "facet group shown");
    let empty = c.get("/zoeken?q=xyzzyplugh").await;
    assert!(empty.body.contains("Geen resultaten"));
    assert!(empty.body.contains("aanhalingstekens"), "a helpful tip");
}

#[tokio::test]
async fn related_stories_and_unpublishing_removes_everywhere_at_once() {
    let s = Server::start().await;
    let c = s.client();
    let (_, a) = publish_story(
        &s,
        "Roosters maken met het hele team",
        "Het team maakte zelf het rooster. De werkdruk daalde.",
        &["werkdruk"],
    )
    .await;
    let (b_id, b) = publish_story(
        &s,
        "Zelfroosteren in de nachtdienst",
        "Ook de nachtdienst ging zelf roosteren. De werkdruk daalde daar minder.",
        &["werkdruk"],
    )
    .await;
    let story = c.get(&format!("/api/v1/stories/{a}")).await.json();
    let related: Vec<&str> = story["related"]
        .as_array()
        .expect("related")
        .iter()
        .map(|r| r["slug"].as_str().expect("slug"))
        .collect();
    assert!(related.contains(&b.as_str()), "{related:?}");
    assert!(!related.contains(&a.as_str()), "never itself");
    assert!(
        c.get(&format!("/verhalen/{a}"))
            .await
            .body
            .contains("Lees ook")
    );

    // Archive b: gone from search, related, feed and sitemap straight away.
    let e = editor_api(&s).await;
    let form = e.get(&format!("/redactie/verhalen/{b_id}")).await;
    let r = e
        .post_form(
            &format!("/redactie/verhalen/{b_id}/archiveren"),
            &form.csrf(),
            &[],
        )
        .await;
    assert_eq!(r.status, 303);
    assert!(!slugs(&c.get("/api/v1/search?q=nachtdienst").await.json()).contains(&b));
    let story = c.get(&format!("/api/v1/stories/{a}")).await.json();
    assert!(!story["related"].to_string().contains(&b));
    assert!(!c.get("/verhalen/feed.xml").await.body.contains(&b));
    assert!(!c.get("/sitemap/verhalen-1.xml").await.body.contains(&b));
}

#[tokio::test]
async fn feeds_sitemap_and_robots() {
    let s = Server::start().await;
    let c = s.client();
    let feed = c.get("/verhalen/feed.xml").await;
    assert_eq!(feed.status, 200);
    assert!(
        feed.headers["content-type"]
            .to_str()
            .expect("type")
            .starts_with("application/rss+xml")
    );
    let channel = rss::Channel::read_from(feed.body.as_bytes()).expect("valid RSS");
    assert!(!channel.items().is_empty());
    let first = &channel.items()[0];
    assert!(first.link().expect("link").starts_with(&s.base));
    assert!(first.pub_date().is_some());

    let theme = c.get("/themas/werven/feed.xml").await;
    let channel = rss::Channel::read_from(theme.body.as_bytes()).expect("valid RSS");
    let werven = c.get("/api/v1/stories?theme=werven").await.json();
    assert_eq!(
        channel.items().len() as u64,
        werven["total"].as_u64().expect("total").min(20)
    );
    assert_eq!(c.get("/themas/bestaat-niet/feed.xml").await.status, 404);

    let index = c.get("/sitemap.xml").await;
    assert!(index.body.contains("/sitemap/verhalen-1.xml"));
    let stories = c.get("/sitemap/verhalen-1.xml").await;
    let slug = c.get("/api/v1/stories").await.json()["items"][0]["slug"]
        .as_str()
        .expect("slug")
        .to_string();
    assert!(stories.body.contains(&format!("/verhalen/{slug}</loc>")));
    assert_eq!(c.get("/sitemap/verhalen-99.xml").await.status, 404);
    let robots = c.get("/robots.txt").await.body;
    assert!(robots.contains("Disallow: /redactie"));
    assert!(robots.contains(&format!("Sitemap: {}/sitemap.xml", s.base)));
}

#[tokio::test]
async fn a_story_published_on_one_node_is_found_on_another_within_two_seconds() {
    let s = Server::start().await;
    let other = s.second_node();
    let (_, slug) = publish_story(
        &s,
        "Gevonden op het andere knooppunt",
        "Een verhaal over kwartiermakers in de wijk.",
        &["samenwerking"],
    )
    .await;
    let c = other.client();
    let start = Instant::now();
    loop {
        if slugs(&c.get("/api/v1/search?q=kwartiermakers").await.json()).contains(&slug) {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "not found on the other node within 2 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn reindex_rebuilds_the_index_from_the_database() {
    let mut s = Server::start().await;
    publish_story(
        &s,
        "Een verhaal om opnieuw te vinden",
        "Over herindexeren en de zoekfunctie.",
        &["technologie"],
    )
    .await;
    s.kill_hard();
    std::fs::remove_dir_all(s.data_dir().join("search")).expect("remove index");
    let out = std::process::Command::new(crate::common::bin())
        .env("VOORUIT_DATA_DIR", s.data_dir())
        .env("VOORUIT_DATABASE_URL", &s.db.url)
        .arg("reindex")
        .output()
        .expect("reindex");
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("indexed 15 published stories"),
        "{out:?}"
    );
    s.launch();
    let r = s.client().get("/api/v1/search?q=herindexeren").await.json();
    assert_eq!(r["total"], 1);
}

#[tokio::test]
async fn pages_run_a_bounded_number_of_queries() {
    let s = Server::start().await;
    let c = s.client();
    let queries = |p: &crate::common::Page| -> u32 {
        p.headers["x-vooruit-queries"]
            .to_str()
            .expect("header")
            .parse()
            .expect("number")
    };
    let slug = c.get("/api/v1/stories").await.json()["items"][0]["slug"]
        .as_str()
        .expect("slug")
        .to_string();
    let before: Vec<u32> = {
        let mut v = vec![];
        for path in ["/", "/verhalen", "/zoeken?q=zorg", "/verhalen/feed.xml"] {
            v.push(queries(&c.get(path).await));
        }
        v.push(queries(
            &c.get(&format!("/verhalen/{slug}?per=verzoek")).await,
        ));
        v
    };
    // (The story page with a query string: rendered per request, not from
    // its stored copy, which runs none.)
    // Ten more stories: the same pages must not run more queries.
    for i in 0..10 {
        publish_story(
            &s,
            &format!("Extra verhaal nummer {i}"),
            "Over zorg en welzijn in de wijk.",
            &["werven"],
        )
        .await;
    }
    let mut after = vec![];
    for path in ["/", "/verhalen", "/zoeken?q=zorg", "/verhalen/feed.xml"] {
        after.push(queries(&c.get(path).await));
    }
    after.push(queries(
        &c.get(&format!("/verhalen/{slug}?per=verzoek")).await,
    ));
    assert_eq!(
        before, after,
        "queries per page grew with the number of stories"
    );
    assert!(after.iter().all(|n| *n <= 3), "{after:?}");
}

#[tokio::test]
async fn the_story_library_joins_the_demo_once_and_is_found_at_once() {
    let s = Server::start().await;
    let c = s.client();
    let total = |v: serde_json::Value| v["total"].as_i64().expect("total");
    // Added while the server runs, as the README says may be done; the
    // lists come from the index, which follows the database within seconds.
    let (demo, added) = s.add_library().await;
    // A second run adds nothing.
    assert!(s.cli(&["demo", "--library"]).contains("added 0 stories"));
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(total(c.get("/api/v1/stories").await.json()), demo + added);

    let found = c
        .get("/api/v1/search?q=transferverpleegkundige")
        .await
        .json();
    let first = found["items"][0]["title"].as_str().expect("a hit");
    assert!(
        first.starts_with("Transferverpleegkundige vanaf dag één"),
        "{first}"
    );
    let slug = found["items"][0]["slug"].as_str().expect("slug");
    let page = c.get(&format!("/verhalen/{slug}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("heupfractuur"), "the story's own text");
}

#[tokio::test]
async fn compound_words_are_found_by_their_parts() {
    let s = Server::start().await;
    let c = s.client();
    // In the demo, werving is only inside a compound (in a title).
    for (q, title) in [
        (
            "werving",
            "Een wervingscampagne op social media die niemand opleverde",
        ),
        ("rooster", "De nieuwe roosterapp die niemand snapte"),
        (
            "rooster",
            "Zelfroosteren in een jeugdzorggroep liep vast op de lastige diensten",
        ),
        (
            "zorg",
            "‘Ik hoef niet alles te weten’ – een teamleider in de ouderenzorg over loslaten",
        ),
    ] {
        let found = titles(
            &c.get(&format!("/api/v1/search?q={q}&type=verhaal"))
                .await
                .json(),
        );
        assert!(
            found.iter().any(|t| t == title),
            "{q} finds {title}: {found:?}"
        );
    }

    // The word itself ranks above the word inside a compound; the part is
    // what the snippet marks.
    let (_, whole) = publish_story(
        &s,
        "Een open middag in Goes",
        "Voor de werving van nieuwe collega's hielden we een open middag op zaterdag. Er kwamen drie mensen.",
        &["werven"],
    )
    .await;
    let (_, part) = publish_story(
        &s,
        "Een open middag in Tiel",
        "Voor de wervingsdag van nieuwe collega's hielden we een open middag op zaterdag. Er kwamen drie mensen.",
        &["werven"],
    )
    .await;
    let r = c.get("/api/v1/search?q=werving").await.json();
    let order = slugs(&r);
    let at = |slug: &str| order.iter().position(|s| s == slug);
    let (Some(w), Some(p)) = (at(&whole), at(&part)) else {
        panic!("both found: {order:?}");
    };
    assert!(w < p, "the whole word first: {order:?}");
    let snippet = r["items"][p]["snippet_html"].as_str().expect("snippet");
    assert!(snippet.contains("<mark>werving</mark>sdag"), "{snippet}");

    // The same on the search page.
    let page = c.get("/zoeken?q=werving").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&format!("/verhalen/{part}")));
    assert!(page.body.contains("<mark>werving</mark>sdag"));
}

#[tokio::test]
async fn small_words_do_not_count_and_most_words_do_when_all_find_nothing() {
    let s = Server::start().await;
    let c = s.client();
    let (_, slug) = publish_story(
        &s,
        "Een fietsenmaker als leermeester",
        "Jongeren leerden fietsen repareren bij een fietsenmaker in de wijk. Na een half jaar hadden drie van hen een baan.",
        &["werven"],
    )
    .await;
    // `voor` is not in the story, but it is a small word: left out.
    let r = c
        .get("/api/v1/search?q=fietsenmaker%20voor%20jongeren")
        .await
        .json();
    assert!(slugs(&r).contains(&slug), "{r}");
    assert_eq!(r["most_words"], false);

    // No story has a trampoline: the stories with most of the words, said so.
    let r = c
        .get("/api/v1/search?q=fietsenmaker%20jongeren%20trampoline")
        .await
        .json();
    assert_eq!(slugs(&r).first(), Some(&slug), "{r}");
    assert_eq!(r["most_words"], true);
    let page = c.get("/zoeken?q=fietsenmaker+jongeren+trampoline").await;
    assert!(page.body.contains(&format!("/verhalen/{slug}")));
    assert!(page.body.contains("Niets heeft al je zoekwoorden"));
    c.get("/taal/en?terug=%2F").await;
    let en = c.get("/zoeken?q=fietsenmaker+jongeren+trampoline").await;
    assert!(en.body.contains("Nothing has all the words"), "{}", en.body);
    // Half is not enough of two words that do not occur: nothing found.
    let r = c
        .get("/api/v1/search?q=trampoline%20fietsenmaker%20zeppelin")
        .await
        .json();
    assert_eq!(r["total"], 0, "{r}");
    assert_eq!(r["most_words"], false);
}

#[tokio::test]
async fn synonyms_that_editors_manage_apply_at_once_on_every_node() {
    let s = Server::start().await;
    let c = s.client();
    let robot = "Een schoonmaakrobot in het woonzorgcentrum: wat leverde het op?";

    // A group that comes with the product: the demo's ggz story never
    // says geestelijke gezondheidszorg.
    let r = c
        .get("/api/v1/search?q=geestelijke%20gezondheidszorg")
        .await
        .json();
    assert!(
        titles(&r).contains(&"Intervisie in ons ggz-team: goed begonnen, stil geëindigd".into()),
        "{r}"
    );

    // Before: slaapdienst is in no story. The answer is cached here and on
    // a second node.
    assert_eq!(
        c.get("/api/v1/search?q=slaapdienst").await.json()["total"],
        0
    );
    let before = c.get("/zoeken?q=slaapdienst").await;
    assert!(!before.body.contains(robot));
    let other = s.second_node();
    let there = other.client();
    assert_eq!(
        there.get("/api/v1/search?q=slaapdienst").await.json()["total"],
        0
    );

    // An editor adds a group on the page.
    let editor = s.client();
    editor
        .login(crate::common::EDITOR_EMAIL, crate::common::EDITOR_PASSWORD)
        .await;
    assert!(
        editor
            .get("/redactie")
            .await
            .body
            .contains(r#"<a href="/redactie/synoniemen">Synoniemen</a>"#)
    );
    let list = editor.get("/redactie/synoniemen").await;
    assert_eq!(list.status, 200);
    assert!(list.body.contains("geestelijke gezondheidszorg"));
    let added = editor
        .post_form(
            "/redactie/synoniemen",
            &list.csrf(),
            &[("members", "Slaapdienst,  nachtdienst")],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    let shown = editor
        .get(added.location.as_deref().expect("redirect"))
        .await;
    assert!(shown.body.contains("De groep is toegevoegd"));
    assert!(
        shown
            .body
            .contains("<li>Slaapdienst</li><li>nachtdienst</li>")
    );

    // At once on this node, past the cached answer: the page and the API,
    // with the synonym marked in the snippet.
    let page = c.get("/zoeken?q=slaapdienst").await;
    assert!(page.body.contains(robot), "{}", page.body);
    assert!(page.body.contains("<mark>nachtdienst</mark>"));
    assert!(
        page.body
            .contains("Ook gezocht op woorden met dezelfde betekenis: nachtdienst.")
    );
    let r = c.get("/api/v1/search?q=slaapdienst").await.json();
    assert_eq!(titles(&r), [robot], "{r}");
    assert_eq!(r["also_searched"], json!(["nachtdienst"]));
    // And within seconds on the other node.
    let started = Instant::now();
    loop {
        let r = there.get("/api/v1/search?q=slaapdienst").await.json();
        if titles(&r) == [robot] {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the other node never used the group: {r}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // A word can be in one group only; what was typed stays in the form.
    let refused = editor
        .post_form(
            "/redactie/synoniemen",
            &list.csrf(),
            &[("members", "NACHTDIENST, nachtwerk")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("staat al in een andere groep"));
    assert_eq!(
        refused.input_value("members").as_deref(),
        Some("NACHTDIENST, nachtwerk")
    );
    let too_few = editor
        .post_form(
            "/redactie/synoniemen",
            &list.csrf(),
            &[("members", "nachtwerk")],
        )
        .await;
    assert_eq!(too_few.status, 422);
    assert!(too_few.body.contains("minstens 2 verschillende woorden"));

    // The API: list, change, remove.
    let api = editor_api(&s).await;
    let groups = api.get("/api/v1/editor/synonyms").await.json();
    let id = groups["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|g| g["members"][0] == "Slaapdienst")
        .and_then(|g| g["id"].as_str())
        .expect("the new group")
        .to_string();
    let changed = api
        .put_json(
            &format!("/api/v1/editor/synonyms/{id}"),
            &json!({"members": ["slaapdienst", "flexpool"]}),
        )
        .await;
    assert_eq!(changed.status, 204, "{}", changed.body);
    let r = c.get("/api/v1/search?q=slaapdienst").await.json();
    assert_eq!(
        titles(&r),
        ["Een gedeelde flexpool voor de kinderopvang: niemand voelde zich thuis"],
        "nachtdienst is out of the group, flexpool in: {r}"
    );
    let bad = api
        .put_json(
            &format!("/api/v1/editor/synonyms/{id}"),
            &json!({"members": ["slaapdienst"]}),
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.json()["errors"][0]["field"], "members");

    let gone = api
        .http
        .delete(s.url(&format!("/api/v1/editor/synonyms/{id}")))
        .send()
        .await
        .expect("delete");
    assert_eq!(gone.status(), 204);
    assert_eq!(
        api.get(&format!("/api/v1/editor/synonyms/{id}"))
            .await
            .status,
        404
    );
    assert_eq!(
        c.get("/api/v1/search?q=slaapdienst").await.json()["total"],
        0
    );

    // Removing on the page.
    let starter = editor.get("/redactie/synoniemen/starter-ggz").await;
    assert_eq!(starter.status, 200);
    let removed = editor
        .post_form(
            "/redactie/synoniemen/starter-ggz/verwijderen",
            &starter.csrf(),
            &[],
        )
        .await;
    assert_eq!(removed.status, 303);
    let r = c
        .get("/api/v1/search?q=geestelijke%20gezondheidszorg")
        .await
        .json();
    assert!(
        !titles(&r).contains(&"Intervisie in ons ggz-team: goed begonnen, stil geëindigd".into()),
        "{r}"
    );
}
