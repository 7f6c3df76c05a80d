//! The taxonomy as data: an administrator adds a theme, renames it, moves
//! it and retires it at /beheer/taxonomie (and in the API), and the share
//! form, the filters, the search facets and the story pages follow without
//! a restart. A retired theme stays on the story that has it.

use serde_json::json;

use crate::common::{
    Client, EDITOR_EMAIL, EDITOR_PASSWORD, Page, Server, as_refs, story_fields, story_id,
};

const PASSWORD: &str = "een lang genoeg wachtwoord";
const ADMIN: &str = "beheer@test.nl";

async fn admin(s: &Server) -> Client {
    s.add_user(ADMIN, "Bea Beheer", "admin", PASSWORD);
    let c = s.client();
    let r = c.login(ADMIN, PASSWORD).await;
    assert_eq!(r.status, 303, "{}", r.body);
    c
}

/// Posts a form from the taxonomy page (taking its CSRF token).
async fn post(c: &Client, action: &str, fields: &[(&str, &str)]) -> Page {
    let page = c.get("/beheer/taxonomie").await;
    assert_eq!(page.status, 200, "{}", page.body);
    c.post_form(action, &page.csrf(), fields).await
}

/// The theme slugs in the API, in order.
async fn theme_order(c: &Client) -> Vec<String> {
    let r = c.get("/api/v1/taxonomy?vocabulary=thema").await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|t| t["slug"].as_str().expect("slug").to_string())
        .collect()
}

/// Where a theme's checkbox is in the share form, if it is there.
async fn in_share_form(c: &Client, slug: &str) -> Option<usize> {
    let form = c.get("/verhaal-delen").await;
    assert_eq!(form.status, 200);
    form.body.find(&format!(
        r#"name="themes" id="theme-{slug}" value="{slug}""#
    ))
}

#[tokio::test]
async fn a_new_theme_reaches_forms_filters_facets_and_pages_without_a_restart() {
    let s = Server::start().await;
    let visitor = s.client();

    // What every client reads: the built-in values, with both labels.
    let all = visitor.get("/api/v1/taxonomy").await;
    assert_eq!(all.status, 200, "{}", all.body);
    let all = all.json();
    assert_eq!(all["total"], 33, "10 themes, 10 sectors, 13 regions");
    assert_eq!(all["items"][0]["slug"], "werven");
    assert_eq!(all["items"][0]["label_en"], "Recruiting");
    let regions = visitor.get("/api/v1/taxonomy?vocabulary=regio").await;
    assert_eq!(regions.json()["total"], 13);
    let bad = visitor.get("/api/v1/taxonomy?vocabulary=land").await;
    assert_eq!(bad.status, 400, "{}", bad.body);
    assert_eq!(in_share_form(&visitor, "inburgering").await, None);

    // The administrator adds a theme. A missing English name is refused
    // next to the field, keeping what was typed.
    let a = admin(&s).await;
    let missing = post(
        &a,
        "/beheer/taxonomie",
        &[
            ("vocabulary", "thema"),
            ("label_nl", "Inburgering"),
            ("label_en", ""),
        ],
    )
    .await;
    assert_eq!(missing.status, 422);
    assert!(
        missing.body.contains("veld-label_en-error"),
        "{}",
        missing.body
    );
    assert_eq!(
        missing.input_value("label_nl").as_deref(),
        Some("Inburgering")
    );
    let added = post(
        &a,
        "/beheer/taxonomie",
        &[
            ("vocabulary", "thema"),
            ("label_nl", "Inburgering"),
            ("label_en", "Civic integration"),
            (
                "intro_nl",
                "Nieuwkomers op weg helpen: taal, werk en meedoen.",
            ),
        ],
    )
    .await;
    assert_eq!(added.status, 303, "{}", added.body);
    assert_eq!(
        added.location.as_deref(),
        Some("/beheer/taxonomie?melding=toegevoegd#thema-inburgering")
    );
    let twice = post(
        &a,
        "/beheer/taxonomie",
        &[
            ("vocabulary", "thema"),
            ("label_nl", "Inburgering"),
            ("label_en", "Integration"),
        ],
    )
    .await;
    assert_eq!(twice.status, 422);
    assert!(
        twice.body.contains("Dit adres bestaat al"),
        "{}",
        twice.body
    );

    // At once, without a restart: the share form, the filters of stories
    // and agenda, the themes page offer it, at the end of the list.
    let at = in_share_form(&visitor, "inburgering")
        .await
        .expect("in the share form");
    assert!(at > in_share_form(&visitor, "werkdruk").await.expect("werkdruk"));
    for path in ["/verhalen", "/agenda"] {
        let page = visitor.get(path).await;
        assert!(
            page.body
                .contains(r#"<option value="inburgering">Inburgering</option>"#),
            "{path}"
        );
    }
    let themes = visitor.get("/themas").await;
    assert!(themes.body.contains("Nieuwkomers op weg helpen"));

    // A story with the new theme: published, it is on the theme's page, in
    // the filter and in the search facets, named in the reader's language.
    let title = "Taalcafé in de bibliotheek liep leeg";
    let submitted = visitor
        .post_json(
            "/api/v1/submissions",
            &json!({"kind": "falend-vooruit", "title": title,
                    "context": "Een taalcafé voor nieuwkomers, elke woensdag in de bibliotheek.",
                    "lessons": ["Vraag nieuwkomers zelf wanneer ze kunnen"],
                    "themes": ["inburgering"], "contact_email": "taal@test.nl",
                    "no_client_info": true, "consent": true}),
        )
        .await;
    assert_eq!(submitted.status, 201, "{}", submitted.body);
    let editor = s.client();
    editor.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    let id = story_id(&editor, title).await;
    let published = editor
        .post_json(&format!("/api/v1/editor/stories/{id}/publish"), &json!({}))
        .await;
    assert_eq!(published.status, 200, "{}", published.body);
    let url = published.json()["url"].as_str().expect("url").to_string();
    let path = url.trim_start_matches(&s.url(""));
    let story = visitor.get(path).await;
    assert!(
        story
            .body
            .contains(r#"<a href="/themas/inburgering">Inburgering</a>"#)
    );
    let theme_page = visitor.get("/themas/inburgering").await;
    assert_eq!(theme_page.status, 200);
    assert!(theme_page.body.contains(title));
    let filtered = visitor.get("/api/v1/stories?theme=inburgering").await;
    assert_eq!(filtered.json()["total"], 1, "{}", filtered.body);
    let search = visitor.get("/zoeken?q=taalcafé").await;
    assert!(search.body.contains(title), "{}", search.body);
    assert!(
        search
            .body
            .contains(r#">Inburgering <span class="vo-facet__count">(1)</span>"#),
        "facet: {}",
        search.body
    );
    let english = s.client();
    english.get("/taal/en?terug=/").await;
    assert!(
        english
            .get(path)
            .await
            .body
            .contains(">Civic integration</a>")
    );

    // Renamed: every page shows the new name; the address stays.
    let renamed = post(
        &a,
        "/beheer/taxonomie/thema/inburgering",
        &[
            ("label_nl", "Inburgering en taal"),
            ("label_en", "Integration and language"),
            ("intro_nl", ""),
            ("intro_en", ""),
        ],
    )
    .await;
    assert_eq!(renamed.status, 303, "{}", renamed.body);
    assert!(
        visitor
            .get(path)
            .await
            .body
            .contains(">Inburgering en taal</a>")
    );

    // Moved up one place: before werkdruk, in the API and the form.
    let order = theme_order(&visitor).await;
    assert_eq!(order[order.len() - 2..], ["werkdruk", "inburgering"]);
    let up = post(&a, "/beheer/taxonomie/thema/inburgering/omhoog", &[]).await;
    assert_eq!(up.status, 303, "{}", up.body);
    let order = theme_order(&visitor).await;
    assert_eq!(order[order.len() - 2..], ["inburgering", "werkdruk"]);
    assert!(
        in_share_form(&visitor, "inburgering").await < in_share_form(&visitor, "werkdruk").await
    );

    // Retired: no longer offered or accepted for new content, but the story
    // keeps it, its page and filter still work, and its editor can save it.
    let retired = post(&a, "/beheer/taxonomie/thema/inburgering/intrekken", &[]).await;
    assert_eq!(retired.status, 303, "{}", retired.body);
    assert_eq!(in_share_form(&visitor, "inburgering").await, None);
    let refused = visitor
        .post_json(
            "/api/v1/submissions",
            &json!({"kind": "falend-vooruit", "title": "Nog een taalcafé",
                    "context": "Weer een taalcafé.", "lessons": ["Een les"],
                    "themes": ["inburgering"], "contact_email": "taal@test.nl",
                    "no_client_info": true, "consent": true}),
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("themes"), "{}", refused.body);
    assert!(
        visitor
            .get(path)
            .await
            .body
            .contains(">Inburgering en taal</a>")
    );
    assert_eq!(visitor.get("/themas/inburgering").await.status, 200);
    let list = visitor.get("/verhalen?theme=inburgering").await;
    assert!(list.body.contains(title));
    assert!(
        list.body
            .contains(r#"<option value="inburgering" selected>"#)
    );
    let edit = editor.get(&format!("/redactie/verhalen/{id}")).await;
    assert!(
        edit.body.contains(r#"value="inburgering" checked"#),
        "the retired theme is still ticked: {}",
        edit.body
    );
    let mut fields = story_fields(title);
    fields.retain(|(k, _)| *k != "themes");
    fields.push(("themes", "inburgering".into()));
    let saved = editor
        .post_form(
            &format!("/redactie/verhalen/{id}"),
            &edit.csrf(),
            &as_refs(&fields),
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);

    // Offered again.
    let back = post(&a, "/beheer/taxonomie/thema/inburgering/terugzetten", &[]).await;
    assert_eq!(back.status, 303);
    assert!(in_share_form(&visitor, "inburgering").await.is_some());
}

#[tokio::test]
async fn administrators_manage_the_taxonomy_in_the_api_and_other_nodes_follow() {
    let s = Server::start().await;
    s.add_user(ADMIN, "Bea Beheer", "admin", PASSWORD);
    let a = s.client();
    let login = a
        .post_json(
            "/api/v1/session",
            &json!({"email": ADMIN, "password": PASSWORD}),
        )
        .await;
    assert_eq!(login.status, 200, "{}", login.body);

    let created = a
        .post_json(
            "/api/v1/admin/taxonomy",
            &json!({"vocabulary": "sector", "label_nl": "Schuldhulpverlening",
                    "label_en": "Debt counselling"}),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.json()["slug"], "schuldhulpverlening");
    let location = created.headers["location"].to_str().expect("location");
    assert_eq!(location, "/api/v1/taxonomy/sector/schuldhulpverlening");
    let term = a.get(location).await.json();
    assert_eq!(term["label_en"], "Debt counselling");
    assert_eq!(term["position"], 11);
    assert!(term["retired_at"].is_null());

    let bad_slug = a
        .post_json(
            "/api/v1/admin/taxonomy",
            &json!({"vocabulary": "regio", "slug": "Geen Slug", "label_nl": "X-regio",
                    "label_en": "X region"}),
        )
        .await;
    assert_eq!(bad_slug.status, 422, "{}", bad_slug.body);
    assert_eq!(bad_slug.json()["errors"][0]["field"], "slug");

    // A second node on the same database, which has read the taxonomy
    // already: its copy follows within seconds.
    let other = s.second_node();
    let there = other.client();
    let before = there
        .get("/api/v1/taxonomy/sector/schuldhulpverlening")
        .await;
    assert!(before.json()["retired_at"].is_null(), "{}", before.body);
    let moved = a
        .put_json(
            "/api/v1/admin/taxonomy/sector/schuldhulpverlening",
            &json!({"position": 1, "retired": true}),
        )
        .await;
    assert_eq!(moved.status, 204, "{}", moved.body);
    let here = a.get("/api/v1/taxonomy?vocabulary=sector").await.json();
    assert_eq!(here["items"][0]["slug"], "schuldhulpverlening");
    assert!(here["items"][0]["retired_at"].is_i64());
    let mut seen = false;
    for _ in 0..40 {
        let t = there
            .get("/api/v1/taxonomy/sector/schuldhulpverlening")
            .await;
        if t.status == 200 && t.json()["retired_at"].is_i64() {
            seen = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    assert!(seen, "the other node never saw the change");

    // Members may read but not change.
    let member = s.client();
    s.add_user("lid@test.nl", "Lid", "member", PASSWORD);
    member
        .post_json(
            "/api/v1/session",
            &json!({"email": "lid@test.nl", "password": PASSWORD}),
        )
        .await;
    let refused = member
        .put_json(
            "/api/v1/admin/taxonomy/sector/ggz",
            &json!({"retired": true}),
        )
        .await;
    assert_eq!(refused.status, 403);
    let unknown = a
        .put_json("/api/v1/admin/taxonomy/land/nederland", &json!({}))
        .await;
    assert_eq!(unknown.status, 404);
}
