//! The authorization table: every route of the router (pages and API), and
//! what each kind of visitor gets. The list of routes is read from the
//! binary itself (`vooruit routes`), so a new route without a row here fails
//! the test, and so does a row for a route that no longer exists.
//!
//! Columns: a visitor without an account, a member of another organisation,
//! a member (lid) of the organisation, its beheerder, an editor, an
//! administrator. A later feature adds its roles as columns.
//!
//! What a cell expects:
//! - `O` (ok): the request got past every check: 2xx, a redirect that is
//!   not to the login page, or the handler's own refusal of this input or
//!   state (400, 409, 422). Never 401, 403, 404, 405 or 5xx.
//! - `L` (login): pages redirect to `/inloggen?terug=...`, the API says 401.
//! - `F` (forbidden): 403.
//! - `N` (not found): 404, for what a visitor must not learn exists (someone
//!   else's story) and for unknown tokens.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;

use crate::common::{Client, EDITOR_EMAIL, EDITOR_PASSWORD, Page, Server, share_story, story_id};

const PASSWORD: &str = "een lang genoeg wachtwoord";
const ROLES: [&str; 6] = [
    "anon",
    "other_org",
    "member",
    "org_admin",
    "editor",
    "admin",
];

/// One row: the route as the router names it, the URL to call (with
/// fixtures in braces), the expectation per role (in `ROLES` order), and
/// the body: form fields for pages, JSON for the API. `{role}` in a body
/// or URL becomes the role's name, so per-person limits are not hit.
struct Row {
    route: &'static str,
    url: &'static str,
    expect: &'static str,
    body: Body,
    /// The call ends the session: each role uses a fresh login.
    fresh: bool,
}

#[derive(Clone)]
enum Body {
    None,
    Form(&'static [(&'static str, &'static str)]),
    Json(&'static str),
}

const fn row(route: &'static str, url: &'static str, expect: &'static str) -> Row {
    Row {
        route,
        url,
        expect,
        body: Body::None,
        fresh: false,
    }
}

const fn form(
    route: &'static str,
    url: &'static str,
    expect: &'static str,
    fields: &'static [(&'static str, &'static str)],
) -> Row {
    Row {
        route,
        url,
        expect,
        body: Body::Form(fields),
        fresh: false,
    }
}

const fn api(
    route: &'static str,
    url: &'static str,
    expect: &'static str,
    body: &'static str,
) -> Row {
    Row {
        route,
        url,
        expect,
        body: Body::Json(body),
        fresh: false,
    }
}

// Shorthands for the common patterns, in ROLES order.
const OPEN: &str = "OOOOOO";
const SIGNED_IN: &str = "LOOOOO";
const EDITORS: &str = "LFFFOO";
const ADMINS: &str = "LFFFFO";
const ORG_MEMBERS: &str = "LFOOFO";
const ORG_ADMINS: &str = "LFFOFO";
const UNKNOWN_TOKEN: &str = "NNNNNN";

const EVENT_JSON: &str = r#"{"kind": "bijeenkomst", "title": "Leren van elkaar {role}", "starts_at": "2031-03-10T14:00:00+01:00", "ends_at": "2031-03-10T16:00:00+01:00", "location": "Utrecht", "capacity": 10}"#;

fn table() -> Vec<Row> {
    vec![
        // Public reading.
        row("GET /", "/", OPEN),
        row("GET /verhalen", "/verhalen", OPEN),
        row("GET /verhalen/{slug}", "/verhalen/{story_slug}", OPEN),
        row("GET /verhalen/feed.xml", "/verhalen/feed.xml", OPEN),
        row("GET /themas", "/themas", OPEN),
        row("GET /themas/{theme}", "/themas/werven", OPEN),
        row(
            "GET /themas/{theme}/feed.xml",
            "/themas/werven/feed.xml",
            OPEN,
        ),
        row("GET /zoeken", "/zoeken?q=werving", OPEN),
        row("GET /over", "/over", OPEN),
        row("GET /privacy", "/privacy", OPEN),
        row("GET /toegankelijkheid", "/toegankelijkheid", OPEN),
        row("GET /taal/{lang}", "/taal/nl?terug=/", OPEN),
        row("GET /sitemap.xml", "/sitemap.xml", OPEN),
        row("GET /sitemap/pagina.xml", "/sitemap/pagina.xml", OPEN),
        row("GET /sitemap/{file}", "/sitemap/verhalen-1.xml", OPEN),
        row("GET /robots.txt", "/robots.txt", OPEN),
        row("GET /mijn/gegevens", "/mijn/gegevens", SIGNED_IN),
        row("GET /mijn/gegevens.json", "/mijn/gegevens.json", SIGNED_IN),
        row(
            "GET /mijn/account/verwijderen",
            "/mijn/account/verwijderen",
            SIGNED_IN,
        ),
        // A wrong password: the handler's own refusal (422), so nobody's
        // account is gone for the rows after this one.
        form(
            "POST /mijn/account/verwijderen",
            "/mijn/account/verwijderen",
            SIGNED_IN,
            &[("stories", "anoniem"), ("password", "niet mijn wachtwoord")],
        ),
        row("GET /account/verwijderd", "/account/verwijderd", OPEN),
        row(
            "GET /.well-known/security.txt",
            "/.well-known/security.txt",
            "NNNNNN",
        ),
        row("GET /open-data", "/open-data", OPEN),
        row(
            "GET /open-data/verhalen.csv",
            "/open-data/verhalen.csv",
            OPEN,
        ),
        row(
            "GET /open-data/verhalen.json",
            "/open-data/verhalen.json",
            OPEN,
        ),
        row(
            "GET /open-data/catalogus.jsonld",
            "/open-data/catalogus.jsonld",
            OPEN,
        ),
        row("GET /healthz", "/healthz", OPEN),
        row("GET /metrics", "/metrics", "NNNNNN"),
        row("GET /favicon.svg", "/favicon.svg", OPEN),
        row(
            "GET /static/{version}/vooruit.css",
            "/static/1/vooruit.css",
            OPEN,
        ),
        row("GET /static/{version}/live.js", "/static/1/live.js", OPEN),
        row(
            "GET /static/{version}/thema.css",
            "/static/1/thema.css",
            OPEN,
        ),
        row("GET /api/openapi.json", "/api/openapi.json", OPEN),
        row("GET /api/v1/stories", "/api/v1/stories", OPEN),
        row(
            "GET /api/v1/stories/{slug}",
            "/api/v1/stories/{story_slug}",
            OPEN,
        ),
        row("GET /api/v1/search", "/api/v1/search?q=werving", OPEN),
        // The test clock exists only in test mode; this server runs in production mode.
        api(
            "POST /api/test/clock",
            "/api/test/clock",
            UNKNOWN_TOKEN,
            r#"{"seconds": 60}"#,
        ),
        api(
            "POST /api/test/housekeeping",
            "/api/test/housekeeping",
            UNKNOWN_TOKEN,
            "{}",
        ),
        // Sharing a story and following it with the private link.
        row("GET /verhaal-delen", "/verhaal-delen", OPEN),
        form(
            "POST /verhaal-delen",
            "/verhaal-delen",
            OPEN,
            &[("title", "")],
        ),
        row(
            "GET /verhaal-status/{token}",
            "/verhaal-status/{token}",
            UNKNOWN_TOKEN,
        ),
        form(
            "POST /verhaal-status/{token}",
            "/verhaal-status/{token}",
            UNKNOWN_TOKEN,
            &[("body", "Dank")],
        ),
        api(
            "POST /api/v1/submissions",
            "/api/v1/submissions",
            OPEN,
            r#"{"kind": "case", "title": ""}"#,
        ),
        // Accounts.
        row("GET /inloggen", "/inloggen", OPEN),
        // Single sign-on: an address whose domain has no provider (422), an
        // organisation without one (404 for everyone), and a way back
        // without a state (400).
        form(
            "POST /inloggen/sso",
            "/inloggen/sso",
            OPEN,
            &[("sso_email", "iemand@geen-sso.example")],
        ),
        row(
            "GET /inloggen/organisatie/{slug}",
            "/inloggen/organisatie/{org}",
            "NNNNNN",
        ),
        row("GET /inloggen/sso/terug", "/inloggen/sso/terug", OPEN),
        form(
            "POST /inloggen",
            "/inloggen",
            OPEN,
            &[
                ("email", "niemand-{role}@test.nl"),
                ("password", "fout wachtwoord"),
            ],
        ),
        Row {
            fresh: true,
            ..form("POST /uitloggen", "/uitloggen", OPEN, &[])
        },
        row("GET /registreren", "/registreren", OPEN),
        form(
            "POST /registreren",
            "/registreren",
            OPEN,
            &[("name", ""), ("email", "nieuw-{role}@test.nl")],
        ),
        row(
            "GET /account/bevestigen/{token}",
            "/account/bevestigen/{token}",
            OPEN,
        ),
        row("GET /wachtwoord-vergeten", "/wachtwoord-vergeten", OPEN),
        form(
            "POST /wachtwoord-vergeten",
            "/wachtwoord-vergeten",
            OPEN,
            &[("email", "vergeten-{role}@test.nl")],
        ),
        row(
            "GET /wachtwoord-herstellen/{token}",
            "/wachtwoord-herstellen/{token}",
            OPEN,
        ),
        form(
            "POST /wachtwoord-herstellen/{token}",
            "/wachtwoord-herstellen/{token}",
            OPEN,
            &[("password", "kort")],
        ),
        api(
            "POST /api/v1/session",
            "/api/v1/session",
            OPEN,
            r#"{"email": "niemand-{role}@test.nl", "password": "fout wachtwoord"}"#,
        ),
        row("GET /api/v1/session", "/api/v1/session", SIGNED_IN),
        Row {
            fresh: true,
            ..row("DELETE /api/v1/session", "/api/v1/session", OPEN)
        },
        // A member's own stories: someone else's is not found, not forbidden.
        row("GET /mijn/verhalen", "/mijn/verhalen", SIGNED_IN),
        row(
            "GET /mijn/verhalen/{id}",
            "/mijn/verhalen/{own_story}",
            "LNONNN",
        ),
        form(
            "POST /mijn/verhalen/{id}",
            "/mijn/verhalen/{own_story}",
            "LNONNN",
            &[("title", "")],
        ),
        // The redactie.
        row("GET /redactie", "/redactie", EDITORS),
        row(
            "GET /redactie/verhalen/{id}",
            "/redactie/verhalen/{own_story}",
            EDITORS,
        ),
        form(
            "POST /redactie/verhalen/{id}",
            "/redactie/verhalen/{own_story}",
            EDITORS,
            &[("title", "")],
        ),
        form(
            "POST /redactie/verhalen/{id}/vraag",
            "/redactie/verhalen/{own_story}/vraag",
            EDITORS,
            &[("question", "")],
        ),
        form(
            "POST /redactie/verhalen/{id}/afwijzen",
            "/redactie/verhalen/{own_story}/afwijzen",
            EDITORS,
            &[("reason", "")],
        ),
        form(
            "POST /redactie/verhalen/{id}/publiceren",
            "/redactie/verhalen/{own_story}/publiceren",
            EDITORS,
            &[],
        ),
        form(
            "POST /redactie/verhalen/{id}/archiveren",
            "/redactie/verhalen/{own_story}/archiveren",
            EDITORS,
            &[],
        ),
        row(
            "GET /api/v1/editor/submissions",
            "/api/v1/editor/submissions",
            EDITORS,
        ),
        row(
            "GET /api/v1/editor/stories/{id}",
            "/api/v1/editor/stories/{own_story}",
            EDITORS,
        ),
        api(
            "POST /api/v1/editor/stories/{id}/questions",
            "/api/v1/editor/stories/{own_story}/questions",
            EDITORS,
            r#"{"question": ""}"#,
        ),
        api(
            "POST /api/v1/editor/stories/{id}/reject",
            "/api/v1/editor/stories/{own_story}/reject",
            EDITORS,
            r#"{"reason": ""}"#,
        ),
        api(
            "POST /api/v1/editor/stories/{id}/publish",
            "/api/v1/editor/stories/{own_story}/publish",
            EDITORS,
            "{}",
        ),
        // The agenda.
        row("GET /agenda", "/agenda", OPEN),
        row("GET /agenda.ics", "/agenda.ics", OPEN),
        row("GET /agenda/{slug}", "/agenda/{event_slug}", OPEN),
        row(
            "GET /agenda/{slug}/afspraak.ics",
            "/agenda/{event_slug}/afspraak.ics",
            OPEN,
        ),
        form(
            "POST /agenda/{slug}/aanmelden",
            "/agenda/{event_slug}/aanmelden",
            OPEN,
            &[("name", "")],
        ),
        row(
            "GET /agenda/afmelden/{token}",
            "/agenda/afmelden/{token}",
            UNKNOWN_TOKEN,
        ),
        form(
            "POST /agenda/afmelden/{token}",
            "/agenda/afmelden/{token}",
            UNKNOWN_TOKEN,
            &[],
        ),
        row("GET /api/v1/events", "/api/v1/events", OPEN),
        row(
            "GET /api/v1/events/{slug}",
            "/api/v1/events/{event_slug}",
            OPEN,
        ),
        api(
            "POST /api/v1/events/{slug}/registrations",
            "/api/v1/events/{event_slug}/registrations",
            OPEN,
            r#"{"name": "", "email": "x"}"#,
        ),
        row(
            "DELETE /api/v1/registrations/{token}",
            "/api/v1/registrations/{token}",
            UNKNOWN_TOKEN,
        ),
        row("GET /redactie/agenda", "/redactie/agenda", EDITORS),
        form(
            "POST /redactie/agenda",
            "/redactie/agenda",
            EDITORS,
            &[("title", "")],
        ),
        row(
            "GET /redactie/agenda/{slug}",
            "/redactie/agenda/{event_slug}",
            EDITORS,
        ),
        row(
            "GET /redactie/agenda/{slug}/bewerken",
            "/redactie/agenda/{event_slug}/bewerken",
            EDITORS,
        ),
        form(
            "POST /redactie/agenda/{slug}/bewerken",
            "/redactie/agenda/{event_slug}/bewerken",
            EDITORS,
            &[("title", "")],
        ),
        row(
            "GET /redactie/agenda/{slug}/aanmeldingen.csv",
            "/redactie/agenda/{event_slug}/aanmeldingen.csv",
            EDITORS,
        ),
        form(
            "POST /redactie/agenda/{slug}/aanwezig/{id}",
            "/redactie/agenda/{event_slug}/aanwezig/{registration_id}",
            EDITORS,
            &[("present", "ja")],
        ),
        form(
            "POST /redactie/agenda/{slug}/bericht",
            "/redactie/agenda/{event_slug}/bericht",
            EDITORS,
            &[("subject", "")],
        ),
        api(
            "POST /api/v1/editor/events",
            "/api/v1/editor/events",
            EDITORS,
            EVENT_JSON,
        ),
        api(
            "PUT /api/v1/editor/events/{slug}",
            "/api/v1/editor/events/{event_slug}",
            EDITORS,
            EVENT_JSON,
        ),
        row(
            "GET /api/v1/editor/events/{slug}/registrations",
            "/api/v1/editor/events/{event_slug}/registrations",
            EDITORS,
        ),
        api(
            "POST /api/v1/editor/events/{slug}/registrations/{id}/check-in",
            "/api/v1/editor/events/{event_slug}/registrations/{registration_id}/check-in",
            EDITORS,
            r#"{"present": true}"#,
        ),
        api(
            "POST /api/v1/editor/events/{slug}/messages",
            "/api/v1/editor/events/{event_slug}/messages",
            EDITORS,
            r#"{"subject": "", "body": ""}"#,
        ),
        // Cancelling the event comes after every other agenda row.
        form(
            "POST /redactie/agenda/{slug}/annuleren",
            "/redactie/agenda/{other_event_slug}/annuleren",
            EDITORS,
            &[],
        ),
        api(
            "POST /api/v1/editor/events/{slug}/cancel",
            "/api/v1/editor/events/{other_event_slug}/cancel",
            EDITORS,
            "{}",
        ),
        // The newsletter.
        row("GET /nieuwsbrief", "/nieuwsbrief", OPEN),
        form("POST /nieuwsbrief", "/nieuwsbrief", OPEN, &[("email", "")]),
        row(
            "GET /nieuwsbrief/bevestigen/{token}",
            "/nieuwsbrief/bevestigen/{token}",
            OPEN,
        ),
        form(
            "POST /nieuwsbrief/bevestigen/{token}",
            "/nieuwsbrief/bevestigen/{token}",
            OPEN,
            &[],
        ),
        row(
            "GET /nieuwsbrief/afmelden/{token}",
            "/nieuwsbrief/afmelden/{token}",
            UNKNOWN_TOKEN,
        ),
        form(
            "POST /nieuwsbrief/afmelden/{token}",
            "/nieuwsbrief/afmelden/{token}",
            UNKNOWN_TOKEN,
            &[],
        ),
        api(
            "POST /api/v1/newsletter/subscriptions",
            "/api/v1/newsletter/subscriptions",
            OPEN,
            r#"{"email": "lezer-{role}@test.nl"}"#,
        ),
        api(
            "POST /api/v1/newsletter/confirmations/{token}",
            "/api/v1/newsletter/confirmations/{token}",
            OPEN,
            "{}",
        ),
        row(
            "DELETE /api/v1/newsletter/subscriptions/{token}",
            "/api/v1/newsletter/subscriptions/{token}",
            UNKNOWN_TOKEN,
        ),
        row("GET /nieuwsbrief/archief", "/nieuwsbrief/archief", OPEN),
        row(
            "GET /nieuwsbrief/archief/{slug}",
            "/nieuwsbrief/archief/welkom-bij-vooruit",
            OPEN,
        ),
        row(
            "GET /api/v1/newsletter/editions",
            "/api/v1/newsletter/editions",
            OPEN,
        ),
        row(
            "GET /redactie/nieuwsbrief",
            "/redactie/nieuwsbrief",
            EDITORS,
        ),
        form(
            "POST /redactie/nieuwsbrief",
            "/redactie/nieuwsbrief",
            EDITORS,
            &[],
        ),
        row(
            "GET /redactie/nieuwsbrief/abonnees",
            "/redactie/nieuwsbrief/abonnees",
            EDITORS,
        ),
        row(
            "GET /redactie/nieuwsbrief/{id}",
            "/redactie/nieuwsbrief/{edition_id}",
            EDITORS,
        ),
        form(
            "POST /redactie/nieuwsbrief/{id}",
            "/redactie/nieuwsbrief/{edition_id}",
            EDITORS,
            &[("subject", "")],
        ),
        row(
            "GET /redactie/nieuwsbrief/{id}/voorbeeld",
            "/redactie/nieuwsbrief/{edition_id}/voorbeeld",
            EDITORS,
        ),
        row(
            "GET /redactie/nieuwsbrief/{id}/voorbeeld.txt",
            "/redactie/nieuwsbrief/{edition_id}/voorbeeld.txt",
            EDITORS,
        ),
        form(
            "POST /redactie/nieuwsbrief/{id}/test",
            "/redactie/nieuwsbrief/{edition_id}/test",
            EDITORS,
            &[],
        ),
        // Without "I checked the preview" ticked, sending is refused (422).
        form(
            "POST /redactie/nieuwsbrief/{id}/versturen",
            "/redactie/nieuwsbrief/{edition_id}/versturen",
            EDITORS,
            &[],
        ),
        row(
            "GET /api/v1/editor/newsletter/subscribers",
            "/api/v1/editor/newsletter/subscribers",
            EDITORS,
        ),
        api(
            "POST /api/v1/editor/newsletter/editions",
            "/api/v1/editor/newsletter/editions",
            EDITORS,
            r#"{"subject": "Nieuws van {role}"}"#,
        ),
        row(
            "GET /api/v1/editor/newsletter/editions/{id}",
            "/api/v1/editor/newsletter/editions/{edition_id}",
            EDITORS,
        ),
        api(
            "PUT /api/v1/editor/newsletter/editions/{id}",
            "/api/v1/editor/newsletter/editions/{edition_id}",
            EDITORS,
            r#"{"subject": ""}"#,
        ),
        api(
            "POST /api/v1/editor/newsletter/editions/{id}/test",
            "/api/v1/editor/newsletter/editions/{edition_id}/test",
            EDITORS,
            "{}",
        ),
        api(
            "POST /api/v1/editor/newsletter/editions/{id}/send",
            "/api/v1/editor/newsletter/editions/{api_edition_id}/send",
            EDITORS,
            "{}",
        ),
        // Administration.
        row("GET /beheer/gebruikers", "/beheer/gebruikers", ADMINS),
        form(
            "POST /beheer/gebruikers/{id}/rol",
            "/beheer/gebruikers/{bystander}/rol",
            ADMINS,
            &[("role", "lid")],
        ),
        row(
            "GET /beheer/gebruikers/{id}/verwijderen",
            "/beheer/gebruikers/{bystander}/verwijderen",
            ADMINS,
        ),
        // The address typed does not match: 422, the bystander stays.
        form(
            "POST /beheer/gebruikers/{id}/verwijderen",
            "/beheer/gebruikers/{bystander}/verwijderen",
            ADMINS,
            &[("stories", "anoniem"), ("confirm", "niet@dit-adres.nl")],
        ),
        row("GET /beheer/organisaties", "/beheer/organisaties", ADMINS),
        form(
            "POST /beheer/organisaties",
            "/beheer/organisaties",
            ADMINS,
            &[("name", "")],
        ),
        row(
            "GET /beheer/organisaties/{slug}",
            "/beheer/organisaties/{org}",
            ADMINS,
        ),
        form(
            "POST /beheer/organisaties/{slug}",
            "/beheer/organisaties/{org}",
            ADMINS,
            &[("name", "")],
        ),
        row(
            "GET /beheer/organisaties/{slug}/sso",
            "/beheer/organisaties/{org}/sso",
            ADMINS,
        ),
        // No issuer: the administrator's own refusal (422).
        form(
            "POST /beheer/organisaties/{slug}/sso",
            "/beheer/organisaties/{org}/sso",
            ADMINS,
            &[("issuer", ""), ("client_id", ""), ("default_role", "lid")],
        ),
        row(
            "GET /api/v1/admin/organisations",
            "/api/v1/admin/organisations",
            ADMINS,
        ),
        api(
            "POST /api/v1/admin/organisations",
            "/api/v1/admin/organisations",
            ADMINS,
            r#"{"name": "", "kind": "gemeente"}"#,
        ),
        // The taxonomy: everyone reads it, administrators change it.
        // Changes here are refused input or leave the order as it was.
        row("GET /beheer/taxonomie", "/beheer/taxonomie", ADMINS),
        form(
            "POST /beheer/taxonomie",
            "/beheer/taxonomie",
            ADMINS,
            &[("vocabulary", "thema"), ("label_nl", "")],
        ),
        row(
            "GET /beheer/taxonomie/{vocabulary}/{slug}",
            "/beheer/taxonomie/thema/werven",
            ADMINS,
        ),
        form(
            "POST /beheer/taxonomie/{vocabulary}/{slug}",
            "/beheer/taxonomie/thema/werven",
            ADMINS,
            &[("label_nl", "")],
        ),
        form(
            "POST /beheer/taxonomie/{vocabulary}/{slug}/{action}",
            "/beheer/taxonomie/thema/werven/omhoog",
            ADMINS,
            &[],
        ),
        row("GET /api/v1/taxonomy", "/api/v1/taxonomy", OPEN),
        row(
            "GET /api/v1/taxonomy/{vocabulary}/{slug}",
            "/api/v1/taxonomy/thema/werven",
            OPEN,
        ),
        api(
            "POST /api/v1/admin/taxonomy",
            "/api/v1/admin/taxonomy",
            ADMINS,
            r#"{"vocabulary": "thema", "label_nl": "", "label_en": ""}"#,
        ),
        api(
            "PUT /api/v1/admin/taxonomy/{vocabulary}/{slug}",
            "/api/v1/admin/taxonomy/thema/werven",
            ADMINS,
            r#"{"labels": {"label_nl": "", "label_en": ""}}"#,
        ),
        // Publications: readers see published ones (none here); editors
        // manage them. The upload is refused input (not a file form).
        row("GET /publicaties", "/publicaties", OPEN),
        row("GET /publicaties/feed.xml", "/publicaties/feed.xml", OPEN),
        row(
            "GET /publicaties/{slug}",
            "/publicaties/geen-publicatie",
            UNKNOWN_TOKEN,
        ),
        row(
            "GET /publicaties/{slug}/omslag.jpg",
            "/publicaties/geen-publicatie/omslag.jpg",
            UNKNOWN_TOKEN,
        ),
        row(
            "GET /publicaties/{slug}/bestand",
            "/publicaties/geen-publicatie/bestand",
            UNKNOWN_TOKEN,
        ),
        row("GET /api/v1/publications", "/api/v1/publications", OPEN),
        row(
            "GET /api/v1/publications/{slug}",
            "/api/v1/publications/geen-publicatie",
            UNKNOWN_TOKEN,
        ),
        row(
            "GET /redactie/publicaties",
            "/redactie/publicaties",
            EDITORS,
        ),
        row(
            "GET /redactie/publicaties/nieuw",
            "/redactie/publicaties/nieuw",
            EDITORS,
        ),
        form(
            "POST /redactie/publicaties/nieuw",
            "/redactie/publicaties/nieuw",
            EDITORS,
            &[("title", "")],
        ),
        row(
            "GET /redactie/publicaties/{id}",
            "/redactie/publicaties/geen-publicatie",
            "LFFFNN",
        ),
        form(
            "POST /redactie/publicaties/{id}",
            "/redactie/publicaties/geen-publicatie",
            "LFFFNN",
            &[("title", "Rapport")],
        ),
        form(
            "POST /redactie/publicaties/{id}/publiceren",
            "/redactie/publicaties/geen-publicatie/publiceren",
            "LFFFNN",
            &[],
        ),
        form(
            "POST /redactie/publicaties/{id}/intrekken",
            "/redactie/publicaties/geen-publicatie/intrekken",
            "LFFFNN",
            &[],
        ),
        form(
            "POST /redactie/publicaties/{id}/verwijderen",
            "/redactie/publicaties/geen-publicatie/verwijderen",
            "LFFFNN",
            &[],
        ),
        // The podcast: listeners get published episodes (none by these
        // names) and the series' picture (the demo's is a PNG, so the JPEG
        // address is not found); editors manage both. The uploads are
        // refused input (not file forms).
        row("GET /podcast", "/podcast", OPEN),
        row("GET /podcast/feed.xml", "/podcast/feed.xml", OPEN),
        row(
            "GET /podcast/omslag.jpg",
            "/podcast/omslag.jpg",
            UNKNOWN_TOKEN,
        ),
        row("GET /podcast/omslag.png", "/podcast/omslag.png", OPEN),
        row(
            "GET /podcast/omslag-klein.jpg",
            "/podcast/omslag-klein.jpg",
            OPEN,
        ),
        row(
            "GET /podcast/{slug}",
            "/podcast/geen-aflevering",
            UNKNOWN_TOKEN,
        ),
        row(
            "GET /podcast/{slug}/audio.mp3",
            "/podcast/geen-aflevering/audio.mp3",
            UNKNOWN_TOKEN,
        ),
        row(
            "GET /podcast/{slug}/audio.m4a",
            "/podcast/geen-aflevering/audio.m4a",
            UNKNOWN_TOKEN,
        ),
        row(
            "GET /podcast/{slug}/transcript.vtt",
            "/podcast/geen-aflevering/transcript.vtt",
            UNKNOWN_TOKEN,
        ),
        row(
            "GET /podcast/{slug}/transcript.txt",
            "/podcast/geen-aflevering/transcript.txt",
            UNKNOWN_TOKEN,
        ),
        row(
            "GET /podcast/{slug}/hoofdstukken.json",
            "/podcast/geen-aflevering/hoofdstukken.json",
            UNKNOWN_TOKEN,
        ),
        row("GET /api/v1/episodes", "/api/v1/episodes", OPEN),
        row(
            "GET /api/v1/episodes/{slug}",
            "/api/v1/episodes/geen-aflevering",
            UNKNOWN_TOKEN,
        ),
        row("GET /redactie/podcast", "/redactie/podcast", EDITORS),
        form(
            "POST /redactie/podcast",
            "/redactie/podcast",
            EDITORS,
            &[("title", "")],
        ),
        row(
            "GET /redactie/podcast/nieuw",
            "/redactie/podcast/nieuw",
            EDITORS,
        ),
        form(
            "POST /redactie/podcast/nieuw",
            "/redactie/podcast/nieuw",
            EDITORS,
            &[("title", "")],
        ),
        row(
            "GET /redactie/podcast/{id}",
            "/redactie/podcast/geen-aflevering",
            "LFFFNN",
        ),
        form(
            "POST /redactie/podcast/{id}",
            "/redactie/podcast/geen-aflevering",
            "LFFFNN",
            &[("title", "Aflevering")],
        ),
        form(
            "POST /redactie/podcast/{id}/publiceren",
            "/redactie/podcast/geen-aflevering/publiceren",
            "LFFFNN",
            &[],
        ),
        form(
            "POST /redactie/podcast/{id}/intrekken",
            "/redactie/podcast/geen-aflevering/intrekken",
            "LFFFNN",
            &[],
        ),
        form(
            "POST /redactie/podcast/{id}/verwijderen",
            "/redactie/podcast/geen-aflevering/verwijderen",
            "LFFFNN",
            &[],
        ),
        // Videos: viewers get published ones (none by these names);
        // editors manage them. The upload is refused input.
        row("GET /video", "/video", OPEN),
        row("GET /video/feed.xml", "/video/feed.xml", OPEN),
        row("GET /video/{slug}", "/video/geen-video", UNKNOWN_TOKEN),
        row(
            "GET /video/{slug}/bestand.mp4",
            "/video/geen-video/bestand.mp4",
            UNKNOWN_TOKEN,
        ),
        row(
            "GET /video/{slug}/bestand.webm",
            "/video/geen-video/bestand.webm",
            UNKNOWN_TOKEN,
        ),
        row(
            "GET /video/{slug}/poster.jpg",
            "/video/geen-video/poster.jpg",
            UNKNOWN_TOKEN,
        ),
        row(
            "GET /video/{slug}/ondertitels.nl.vtt",
            "/video/geen-video/ondertitels.nl.vtt",
            UNKNOWN_TOKEN,
        ),
        row(
            "GET /video/{slug}/ondertitels.en.vtt",
            "/video/geen-video/ondertitels.en.vtt",
            UNKNOWN_TOKEN,
        ),
        row("GET /api/v1/videos", "/api/v1/videos", OPEN),
        row(
            "GET /api/v1/videos/{slug}",
            "/api/v1/videos/geen-video",
            UNKNOWN_TOKEN,
        ),
        row("GET /redactie/video", "/redactie/video", EDITORS),
        row(
            "GET /redactie/video/nieuw",
            "/redactie/video/nieuw",
            EDITORS,
        ),
        form(
            "POST /redactie/video/nieuw",
            "/redactie/video/nieuw",
            EDITORS,
            &[("title", "")],
        ),
        row(
            "GET /redactie/video/{id}",
            "/redactie/video/geen-video",
            "LFFFNN",
        ),
        form(
            "POST /redactie/video/{id}",
            "/redactie/video/geen-video",
            "LFFFNN",
            &[("title", "Video")],
        ),
        form(
            "POST /redactie/video/{id}/publiceren",
            "/redactie/video/geen-video/publiceren",
            "LFFFNN",
            &[],
        ),
        form(
            "POST /redactie/video/{id}/intrekken",
            "/redactie/video/geen-video/intrekken",
            "LFFFNN",
            &[],
        ),
        form(
            "POST /redactie/video/{id}/verwijderen",
            "/redactie/video/geen-video/verwijderen",
            "LFFFNN",
            &[],
        ),
        // Werkwijzers: readers get published ones (none by these names);
        // editors manage them. The forms take files: a urlencoded post is
        // refused input.
        row("GET /werkwijzers", "/werkwijzers", OPEN),
        row("GET /werkwijzers/feed.xml", "/werkwijzers/feed.xml", OPEN),
        row(
            "GET /werkwijzers/{slug}",
            "/werkwijzers/geen-werkwijzer",
            UNKNOWN_TOKEN,
        ),
        row(
            "GET /werkwijzers/{slug}/{image}",
            "/werkwijzers/geen-werkwijzer/stap-1.jpg",
            UNKNOWN_TOKEN,
        ),
        row("GET /api/v1/guides", "/api/v1/guides", OPEN),
        row(
            "GET /api/v1/guides/{slug}",
            "/api/v1/guides/geen-werkwijzer",
            UNKNOWN_TOKEN,
        ),
        row(
            "GET /redactie/werkwijzers",
            "/redactie/werkwijzers",
            EDITORS,
        ),
        row(
            "GET /redactie/werkwijzers/nieuw",
            "/redactie/werkwijzers/nieuw",
            EDITORS,
        ),
        form(
            "POST /redactie/werkwijzers/nieuw",
            "/redactie/werkwijzers/nieuw",
            EDITORS,
            &[("title", "")],
        ),
        row(
            "GET /redactie/werkwijzers/{id}",
            "/redactie/werkwijzers/geen-werkwijzer",
            "LFFFNN",
        ),
        form(
            "POST /redactie/werkwijzers/{id}",
            "/redactie/werkwijzers/geen-werkwijzer",
            "LFFFNN",
            &[("title", "Werkwijzer")],
        ),
        form(
            "POST /redactie/werkwijzers/{id}/publiceren",
            "/redactie/werkwijzers/geen-werkwijzer/publiceren",
            "LFFFNN",
            &[],
        ),
        form(
            "POST /redactie/werkwijzers/{id}/intrekken",
            "/redactie/werkwijzers/geen-werkwijzer/intrekken",
            "LFFFNN",
            &[],
        ),
        form(
            "POST /redactie/werkwijzers/{id}/verwijderen",
            "/redactie/werkwijzers/geen-werkwijzer/verwijderen",
            "LFFFNN",
            &[],
        ),
        // The magazine: readers get published issues (none by these
        // names); editors manage them. The issue form takes a file: a
        // urlencoded post is refused input.
        row("GET /magazine", "/magazine", OPEN),
        row("GET /magazine/feed.xml", "/magazine/feed.xml", OPEN),
        row(
            "GET /magazine/{slug}",
            "/magazine/geen-nummer",
            UNKNOWN_TOKEN,
        ),
        row(
            "GET /magazine/{slug}/pdf",
            "/magazine/geen-nummer/pdf",
            UNKNOWN_TOKEN,
        ),
        row("GET /api/v1/magazine", "/api/v1/magazine", OPEN),
        row(
            "GET /api/v1/magazine/{slug}",
            "/api/v1/magazine/geen-nummer",
            UNKNOWN_TOKEN,
        ),
        row("GET /redactie/magazine", "/redactie/magazine", EDITORS),
        row(
            "GET /redactie/magazine/nieuw",
            "/redactie/magazine/nieuw",
            EDITORS,
        ),
        form(
            "POST /redactie/magazine/nieuw",
            "/redactie/magazine/nieuw",
            EDITORS,
            &[("name", "")],
        ),
        row(
            "GET /redactie/magazine/{id}",
            "/redactie/magazine/geen-nummer",
            "LFFFNN",
        ),
        form(
            "POST /redactie/magazine/{id}",
            "/redactie/magazine/geen-nummer",
            "LFFFNN",
            &[("name", "Magazine")],
        ),
        form(
            "POST /redactie/magazine/{id}/artikel",
            "/redactie/magazine/geen-nummer/artikel",
            "LFFFNN",
            &[("new-title", "Artikel"), ("new-kind", "column")],
        ),
        form(
            "POST /redactie/magazine/{id}/publiceren",
            "/redactie/magazine/geen-nummer/publiceren",
            "LFFFNN",
            &[],
        ),
        form(
            "POST /redactie/magazine/{id}/intrekken",
            "/redactie/magazine/geen-nummer/intrekken",
            "LFFFNN",
            &[],
        ),
        form(
            "POST /redactie/magazine/{id}/verwijderen",
            "/redactie/magazine/geen-nummer/verwijderen",
            "LFFFNN",
            &[],
        ),
        // Synonyms for search: editors manage them. Changes here are
        // refused input; removing names a group that does not exist.
        row("GET /redactie/synoniemen", "/redactie/synoniemen", EDITORS),
        form(
            "POST /redactie/synoniemen",
            "/redactie/synoniemen",
            EDITORS,
            &[("members", "")],
        ),
        row(
            "GET /redactie/synoniemen/{id}",
            "/redactie/synoniemen/starter-wmo",
            EDITORS,
        ),
        form(
            "POST /redactie/synoniemen/{id}",
            "/redactie/synoniemen/starter-wmo",
            EDITORS,
            &[("members", "wmo")],
        ),
        form(
            "POST /redactie/synoniemen/{id}/verwijderen",
            "/redactie/synoniemen/geen-groep/verwijderen",
            "LFFFNN",
            &[],
        ),
        row(
            "GET /api/v1/editor/synonyms",
            "/api/v1/editor/synonyms",
            EDITORS,
        ),
        api(
            "POST /api/v1/editor/synonyms",
            "/api/v1/editor/synonyms",
            EDITORS,
            r#"{"members": ["wmo"]}"#,
        ),
        row(
            "GET /api/v1/editor/synonyms/{id}",
            "/api/v1/editor/synonyms/starter-wmo",
            EDITORS,
        ),
        api(
            "PUT /api/v1/editor/synonyms/{id}",
            "/api/v1/editor/synonyms/starter-wmo",
            EDITORS,
            r#"{"members": []}"#,
        ),
        row(
            "DELETE /api/v1/editor/synonyms/{id}",
            "/api/v1/editor/synonyms/geen-groep",
            "LFFFNN",
        ),
        // Organisations: members see theirs, beheerders manage it.
        row("GET /mijn/organisaties", "/mijn/organisaties", SIGNED_IN),
        // Joining goes by the e-mail domain (alfa.nl), whatever the site role.
        form(
            "POST /mijn/organisaties/{slug}/aansluiten",
            "/mijn/organisaties/{org}/aansluiten",
            "LFOOFF",
            &[],
        ),
        row(
            "GET /organisaties/{slug}",
            "/organisaties/{org}",
            ORG_MEMBERS,
        ),
        form(
            "POST /organisaties/{slug}/uitnodigen",
            "/organisaties/{org}/uitnodigen",
            ORG_ADMINS,
            &[("email", "")],
        ),
        form(
            "POST /organisaties/{slug}/leden/{user_id}/rol",
            "/organisaties/{org}/leden/{bystander_member}/rol",
            ORG_ADMINS,
            &[("role", "lid")],
        ),
        form(
            "POST /organisaties/{slug}/leden/{user_id}/verwijderen",
            "/organisaties/{org}/leden/{victim}/verwijderen",
            ORG_ADMINS,
            &[],
        ),
        row("GET /uitnodiging/{token}", "/uitnodiging/{token}", "LNNNNN"),
        form(
            "POST /uitnodiging/{token}",
            "/uitnodiging/{token}",
            "LNNNNN",
            &[],
        ),
        // Learning groups: the member (Mila) is in the group, the org_admin
        // (Bram) leads it; everyone else is outside and gets "not found".
        row("GET /groepen", "/groepen", SIGNED_IN),
        form("POST /groepen", "/groepen", SIGNED_IN, &[("name", "")]),
        row("GET /groepen/{slug}", "/groepen/leergroep-alfa", "LNOONN"),
        form(
            "POST /groepen/{slug}",
            "/groepen/leergroep-alfa",
            "LNFONN",
            &[("name", "")],
        ),
        form(
            "POST /groepen/{slug}/uitnodigen",
            "/groepen/leergroep-alfa/uitnodigen",
            "LNFONN",
            &[("emails", "")],
        ),
        form(
            "POST /groepen/{slug}/bijeenkomsten",
            "/groepen/leergroep-alfa/bijeenkomsten",
            "LNFONN",
            &[("title", "")],
        ),
        form(
            "POST /groepen/{slug}/bijeenkomsten/{id}/verwijderen",
            "/groepen/leergroep-alfa/bijeenkomsten/geen-bijeenkomst/verwijderen",
            "LNFNNN",
            &[],
        ),
        row(
            "GET /groepen/{slug}/agenda.ics",
            "/groepen/leergroep-alfa/agenda.ics",
            "LNOONN",
        ),
        form(
            "POST /groepen/{slug}/agendalink",
            "/groepen/leergroep-alfa/agendalink",
            "LNOONN",
            &[],
        ),
        row(
            "GET /groep-agenda/{token}",
            "/groep-agenda/{token}.ics",
            UNKNOWN_TOKEN,
        ),
        form(
            "POST /groepen/{slug}/leden/{user_id}/rol",
            "/groepen/leergroep-alfa/leden/{group_bystander}/rol",
            "LNFONN",
            &[("role", "lid")],
        ),
        form(
            "POST /groepen/{slug}/leden/{user_id}/verwijderen",
            "/groepen/leergroep-alfa/leden/{group_bystander}/verwijderen",
            "LNFONN",
            &[],
        ),
        // Terugblikken of the group: a closed-off one with an action of
        // Bram's ({retro_action}), and one being written ({retro}) with
        // Bram's card ({retro_card}) and one to take back.
        form(
            "POST /groepen/{slug}/terugblikken",
            "/groepen/leergroep-alfa/terugblikken",
            "LNFONN",
            &[("retro_title", "")],
        ),
        row(
            "GET /groepen/{slug}/terugblikken/{id}",
            "/groepen/leergroep-alfa/terugblikken/{retro}",
            "LNOONN",
        ),
        form(
            "POST /groepen/{slug}/terugblikken/{id}/kaarten",
            "/groepen/leergroep-alfa/terugblikken/{retro}/kaarten",
            "LNOONN",
            &[("question", "goed"), ("text", "")],
        ),
        // Before the reveal someone else's card does not exist for Mila.
        form(
            "POST /groepen/{slug}/terugblikken/{id}/kaarten/{card}/verwijderen",
            "/groepen/leergroep-alfa/terugblikken/{retro}/kaarten/{retro_card_gone}/verwijderen",
            "LNNONN",
            &[],
        ),
        form(
            "POST /groepen/{slug}/terugblikken/{id}/kaarten/{card}/stapel",
            "/groepen/leergroep-alfa/terugblikken/{retro}/kaarten/{retro_card}/stapel",
            "LNFONN",
            &[("onto", "")],
        ),
        form(
            "POST /groepen/{slug}/terugblikken/{id}/kaarten/{card}/stem",
            "/groepen/leergroep-alfa/terugblikken/{retro}/kaarten/{retro_card}/stem",
            "LNOONN",
            &[],
        ),
        form(
            "POST /groepen/{slug}/terugblikken/{id}/kaarten/{card}/stem-terug",
            "/groepen/leergroep-alfa/terugblikken/{retro}/kaarten/{retro_card}/stem-terug",
            "LNOONN",
            &[],
        ),
        form(
            "POST /groepen/{slug}/terugblikken/{id}/acties",
            "/groepen/leergroep-alfa/terugblikken/{retro}/acties",
            "LNFONN",
            &[("action_text", "")],
        ),
        form(
            "POST /groepen/{slug}/terugblikken/{id}/acties/{action}/verwijderen",
            "/groepen/leergroep-alfa/terugblikken/{retro}/acties/geen-actie/verwijderen",
            "LNFNNN",
            &[],
        ),
        // Only its owner (Bram) or a facilitator ticks off an action.
        form(
            "POST /groepen/{slug}/acties/{action}/klaar",
            "/groepen/leergroep-alfa/acties/{retro_action}/klaar",
            "LNFONN",
            &[],
        ),
        row(
            "GET /groepen/{slug}/terugblikken/{id}/terugblik.md",
            "/groepen/leergroep-alfa/terugblikken/{retro}/terugblik.md",
            "LNOONN",
        ),
        row(
            "GET /groepen/{slug}/terugblikken/{id}/live",
            "/groepen/leergroep-alfa/terugblikken/{retro}/live?sinds=-1",
            "LNOONN",
        ),
        row(
            "GET /groepen/{slug}/terugblikken/{id}/afdrukken",
            "/groepen/leergroep-alfa/terugblikken/{retro}/afdrukken",
            "LNOONN",
        ),
        form(
            "POST /groepen/{slug}/terugblikken/{id}/onthullen",
            "/groepen/leergroep-alfa/terugblikken/{retro}/onthullen",
            "LNFONN",
            &[],
        ),
        form(
            "POST /groepen/{slug}/terugblikken/{id}/afronden",
            "/groepen/leergroep-alfa/terugblikken/{retro}/afronden",
            "LNFONN",
            &[],
        ),
        // Dilemma sessions: {dilemma} without names, in which nobody has
        // chosen yet; {dilemma_named} and {dilemma_named_api} with names,
        // where Mila and Bram both chose (to take back).
        row(
            "GET /groepen/{slug}/dilemmas",
            "/groepen/leergroep-alfa/dilemmas",
            "LNOONN",
        ),
        form(
            "POST /groepen/{slug}/dilemmas",
            "/groepen/leergroep-alfa/dilemmas",
            "LNFONN",
            &[("title", "")],
        ),
        row(
            "GET /groepen/{slug}/dilemmas/{id}",
            "/groepen/leergroep-alfa/dilemmas/{dilemma}",
            "LNOONN",
        ),
        form(
            "POST /groepen/{slug}/dilemmas/{id}/positie",
            "/groepen/leergroep-alfa/dilemmas/{dilemma}/positie",
            "LNOONN",
            &[("perspective", ""), ("reason", "")],
        ),
        form(
            "POST /groepen/{slug}/dilemmas/{id}/positie/terugnemen",
            "/groepen/leergroep-alfa/dilemmas/{dilemma_named}/positie/terugnemen",
            "LNOONN",
            &[],
        ),
        row(
            "GET /groepen/{slug}/dilemmas/{id}/live",
            "/groepen/leergroep-alfa/dilemmas/{dilemma}/live?sinds=-1",
            "LNOONN",
        ),
        form(
            "POST /groepen/{slug}/dilemmas/{id}/onthullen",
            "/groepen/leergroep-alfa/dilemmas/{dilemma}/onthullen",
            "LNFONN",
            &[],
        ),
        form(
            "POST /groepen/{slug}/dilemmas/{id}/uitkomst",
            "/groepen/leergroep-alfa/dilemmas/{dilemma}/uitkomst",
            "LNFONN",
            &[("outcome", "")],
        ),
        form(
            "POST /groepen/{slug}/dilemmas/{id}/vervolg",
            "/groepen/leergroep-alfa/dilemmas/{dilemma}/vervolg",
            "LNFONN",
            &[("follow_up", "")],
        ),
        row(
            "GET /groepen/{slug}/dilemmas/{id}/aanbieden",
            "/groepen/leergroep-alfa/dilemmas/{dilemma}/aanbieden",
            "LNFONN",
        ),
        form(
            "POST /groepen/{slug}/dilemmas/{id}/verwijderen",
            "/groepen/leergroep-alfa/dilemmas/geen-dilemma/verwijderen",
            "LNFNNN",
            &[],
        ),
        // Experiments: {experiment} is Mila's idea (she and Bram may
        // start it; the forms here are refused, so it stays an idea);
        // {experiment_gone} is Bram's, which he removes.
        row(
            "GET /groepen/{slug}/experimenten",
            "/groepen/leergroep-alfa/experimenten",
            "LNOONN",
        ),
        form(
            "POST /groepen/{slug}/experimenten",
            "/groepen/leergroep-alfa/experimenten",
            "LNOONN",
            &[("title", "")],
        ),
        row(
            "GET /groepen/{slug}/experimenten/{id}",
            "/groepen/leergroep-alfa/experimenten/{experiment}",
            "LNOONN",
        ),
        form(
            "POST /groepen/{slug}/experimenten/{id}/steun",
            "/groepen/leergroep-alfa/experimenten/{experiment}/steun",
            "LNOONN",
            &[],
        ),
        form(
            "POST /groepen/{slug}/experimenten/{id}/steun-terug",
            "/groepen/leergroep-alfa/experimenten/{experiment}/steun-terug",
            "LNOONN",
            &[],
        ),
        form(
            "POST /groepen/{slug}/experimenten/{id}/starten",
            "/groepen/leergroep-alfa/experimenten/{experiment}/starten",
            "LNOONN",
            &[("hypothesis", "")],
        ),
        form(
            "POST /groepen/{slug}/experimenten/{id}/notities",
            "/groepen/leergroep-alfa/experimenten/{experiment}/notities",
            "LNOONN",
            &[("note", "")],
        ),
        form(
            "POST /groepen/{slug}/experimenten/{id}/evaluatie",
            "/groepen/leergroep-alfa/experimenten/{experiment}/evaluatie",
            "LNFONN",
            &[("verdict", "ja"), ("evaluation", "")],
        ),
        row(
            "GET /groepen/{slug}/experimenten/{id}/delen",
            "/groepen/leergroep-alfa/experimenten/{experiment}/delen",
            "LNFONN",
        ),
        form(
            "POST /groepen/{slug}/experimenten/{id}/verwijderen",
            "/groepen/leergroep-alfa/experimenten/{experiment_gone}/verwijderen",
            "LNFONN",
            &[],
        ),
        row(
            "GET /groep-uitnodiging/{token}",
            "/groep-uitnodiging/{token}",
            UNKNOWN_TOKEN,
        ),
        form(
            "POST /groep-uitnodiging/{token}",
            "/groep-uitnodiging/{token}",
            UNKNOWN_TOKEN,
            &[
                ("name", "Iemand"),
                ("password", "een lang genoeg wachtwoord"),
            ],
        ),
        // Behaviour measurement: {programme} is Bram's (beheerder and
        // owner), with a group, a behaviour, round 0 closed and round 1
        // open. The forms are refused (422) or meet the open round (409),
        // so nothing changes.
        row(
            "GET /organisaties/{slug}/metingen",
            "/organisaties/gemeente-alfa/metingen",
            ORG_MEMBERS,
        ),
        form(
            "POST /organisaties/{slug}/metingen",
            "/organisaties/gemeente-alfa/metingen",
            ORG_ADMINS,
            &[("name", "")],
        ),
        row(
            "GET /organisaties/{slug}/metingen/{id}",
            "/organisaties/gemeente-alfa/metingen/{programme}",
            ORG_MEMBERS,
        ),
        form(
            "POST /organisaties/{slug}/metingen/{id}/instellingen",
            "/organisaties/gemeente-alfa/metingen/{programme}/instellingen",
            ORG_ADMINS,
            &[("name", "")],
        ),
        form(
            "POST /organisaties/{slug}/metingen/{id}/waarden",
            "/organisaties/gemeente-alfa/metingen/{programme}/waarden",
            ORG_ADMINS,
            &[("value_name", "")],
        ),
        form(
            "POST /organisaties/{slug}/metingen/{id}/kpis",
            "/organisaties/gemeente-alfa/metingen/{programme}/kpis",
            ORG_ADMINS,
            &[("kpi_name", "")],
        ),
        form(
            "POST /organisaties/{slug}/metingen/{id}/gedrag",
            "/organisaties/gemeente-alfa/metingen/{programme}/gedrag",
            ORG_ADMINS,
            &[("statement", "")],
        ),
        form(
            "POST /organisaties/{slug}/metingen/{id}/groepen",
            "/organisaties/gemeente-alfa/metingen/{programme}/groepen",
            ORG_ADMINS,
            &[("group_name", "")],
        ),
        form(
            "POST /organisaties/{slug}/metingen/{id}/onderdelen/{part}/verwijderen",
            "/organisaties/gemeente-alfa/metingen/{programme}/onderdelen/geen-onderdeel/verwijderen",
            ORG_ADMINS,
            &[("soort", "groep")],
        ),
        form(
            "POST /organisaties/{slug}/metingen/{id}/rondes",
            "/organisaties/gemeente-alfa/metingen/{programme}/rondes",
            ORG_ADMINS,
            &[("opens_on", "")],
        ),
        row(
            "GET /organisaties/{slug}/metingen/{id}/rondes/{number}",
            "/organisaties/gemeente-alfa/metingen/{programme}/rondes/1",
            ORG_MEMBERS,
        ),
        form(
            "POST /organisaties/{slug}/metingen/{id}/rondes/{number}/deelnemers",
            "/organisaties/gemeente-alfa/metingen/{programme}/rondes/1/deelnemers",
            ORG_ADMINS,
            &[("emails", "")],
        ),
        form(
            "POST /organisaties/{slug}/metingen/{id}/rondes/{number}/publieke-link",
            "/organisaties/gemeente-alfa/metingen/{programme}/rondes/1/publieke-link",
            ORG_ADMINS,
            &[("group", "geen-groep"), ("aan", "ja")],
        ),
        form(
            "POST /organisaties/{slug}/metingen/{id}/rondes/{number}/openen",
            "/organisaties/gemeente-alfa/metingen/{programme}/rondes/1/openen",
            ORG_ADMINS,
            &[],
        ),
        form(
            "POST /organisaties/{slug}/metingen/{id}/rondes/{number}/sluiten",
            "/organisaties/gemeente-alfa/metingen/{programme}/rondes/99/sluiten",
            "LFFNFN",
            &[],
        ),
        form(
            "POST /organisaties/{slug}/metingen/{id}/rondes/{number}/herinneren",
            "/organisaties/gemeente-alfa/metingen/{programme}/rondes/1/herinneren",
            ORG_ADMINS,
            &[],
        ),
        form(
            "POST /organisaties/{slug}/metingen/{id}/rondes/{number}/kpis",
            "/organisaties/gemeente-alfa/metingen/{programme}/rondes/1/kpis",
            ORG_ADMINS,
            &[],
        ),
        // Results of the closed round 0: its members read them; the story
        // draft is for those who run the programme.
        row(
            "GET /organisaties/{slug}/metingen/{id}/rondes/{number}/resultaten",
            "/organisaties/gemeente-alfa/metingen/{programme}/rondes/0/resultaten",
            ORG_MEMBERS,
        ),
        row(
            "GET /organisaties/{slug}/metingen/{id}/rondes/{number}/resultaten.csv",
            "/organisaties/gemeente-alfa/metingen/{programme}/rondes/0/resultaten.csv",
            ORG_MEMBERS,
        ),
        row(
            "GET /organisaties/{slug}/metingen/{id}/rondes/{number}/verhaal",
            "/organisaties/gemeente-alfa/metingen/{programme}/rondes/0/verhaal",
            ORG_ADMINS,
        ),
        // Respondents need only their link: unknown links open nothing.
        row("GET /meting/bedankt", "/meting/bedankt", OPEN),
        row("GET /meting/{token}", "/meting/{token}", UNKNOWN_TOKEN),
        form(
            "POST /meting/{token}",
            "/meting/{token}",
            UNKNOWN_TOKEN,
            &[],
        ),
        row(
            "GET /meting/groep/{token}",
            "/meting/groep/{token}",
            UNKNOWN_TOKEN,
        ),
        form(
            "POST /meting/groep/{token}",
            "/meting/groep/{token}",
            UNKNOWN_TOKEN,
            &[],
        ),
        row("GET /beheer/groepen", "/beheer/groepen", ADMINS),
        form(
            "POST /beheer/groepen/{id}/verwijderen",
            "/beheer/groepen/geen-groep/verwijderen",
            "LFFFFN",
            &[],
        ),
        row(
            "GET /api/v1/organisations",
            "/api/v1/organisations",
            SIGNED_IN,
        ),
        row(
            "GET /api/v1/organisations/{slug}",
            "/api/v1/organisations/{org}",
            ORG_MEMBERS,
        ),
        api(
            "POST /api/v1/organisations/{slug}/invitations",
            "/api/v1/organisations/{org}/invitations",
            ORG_ADMINS,
            r#"{"email": ""}"#,
        ),
        row(
            "DELETE /api/v1/organisations/{slug}/members/{user_id}",
            "/api/v1/organisations/{org}/members/{victim2}",
            ORG_ADMINS,
        ),
        // Learning groups in the API: Mila is a member, Bram leads.
        row("GET /api/v1/groups", "/api/v1/groups", SIGNED_IN),
        api(
            "POST /api/v1/groups",
            "/api/v1/groups",
            SIGNED_IN,
            r#"{"name": ""}"#,
        ),
        row(
            "GET /api/v1/groups/{slug}",
            "/api/v1/groups/leergroep-alfa",
            "LNOONN",
        ),
        api(
            "POST /api/v1/groups/{slug}/invitations",
            "/api/v1/groups/leergroep-alfa/invitations",
            "LNFONN",
            r#"{"emails": []}"#,
        ),
        // Bram makes himself begeleider again, and cannot leave as the
        // last one (409).
        api(
            "PUT /api/v1/groups/{slug}/members/{user_id}",
            "/api/v1/groups/leergroep-alfa/members/{bram}",
            "LNFONN",
            r#"{"role": "begeleider"}"#,
        ),
        row(
            "DELETE /api/v1/groups/{slug}/members/{user_id}",
            "/api/v1/groups/leergroep-alfa/members/{bram}",
            "LNFONN",
        ),
        api(
            "POST /api/v1/groups/{slug}/meetings",
            "/api/v1/groups/leergroep-alfa/meetings",
            "LNFONN",
            r#"{"title": "", "starts_at": "x", "ends_at": "x"}"#,
        ),
        row(
            "DELETE /api/v1/groups/{slug}/meetings/{id}",
            "/api/v1/groups/leergroep-alfa/meetings/geen-bijeenkomst",
            "LNFNNN",
        ),
        row("GET /api/v1/admin/groups", "/api/v1/admin/groups", ADMINS),
        row(
            "DELETE /api/v1/admin/groups/{id}",
            "/api/v1/admin/groups/geen-groep",
            "LFFFFN",
        ),
        // The terugblik {retro} is closed by now (the page rows above
        // revealed and closed it): what changes it gets 409, which counts
        // as getting past the checks; no card can be taken away any more.
        row(
            "GET /api/v1/groups/{slug}/retrospectives",
            "/api/v1/groups/leergroep-alfa/retrospectives",
            "LNOONN",
        ),
        api(
            "POST /api/v1/groups/{slug}/retrospectives",
            "/api/v1/groups/leergroep-alfa/retrospectives",
            "LNFONN",
            r#"{"title": "", "subject": "bijeenkomst", "votes_per_member": 3}"#,
        ),
        row(
            "GET /api/v1/groups/{slug}/retrospectives/{id}",
            "/api/v1/groups/leergroep-alfa/retrospectives/{retro}",
            "LNOONN",
        ),
        api(
            "POST /api/v1/groups/{slug}/retrospectives/{id}/cards",
            "/api/v1/groups/leergroep-alfa/retrospectives/{retro}/cards",
            "LNOONN",
            r#"{"question": "goed", "text": ""}"#,
        ),
        row(
            "DELETE /api/v1/groups/{slug}/retrospectives/{id}/cards/{card}",
            "/api/v1/groups/leergroep-alfa/retrospectives/{retro}/cards/{retro_card}",
            "LNFFNN",
        ),
        row(
            "POST /api/v1/groups/{slug}/retrospectives/{id}/cards/{card}/votes",
            "/api/v1/groups/leergroep-alfa/retrospectives/{retro}/cards/{retro_card}/votes",
            "LNOONN",
        ),
        row(
            "DELETE /api/v1/groups/{slug}/retrospectives/{id}/cards/{card}/votes",
            "/api/v1/groups/leergroep-alfa/retrospectives/{retro}/cards/{retro_card}/votes",
            "LNOONN",
        ),
        api(
            "PUT /api/v1/groups/{slug}/retrospectives/{id}/cards/{card}/stack",
            "/api/v1/groups/leergroep-alfa/retrospectives/{retro}/cards/{retro_card}/stack",
            "LNFONN",
            r#"{"onto": null}"#,
        ),
        row(
            "POST /api/v1/groups/{slug}/retrospectives/{id}/reveal",
            "/api/v1/groups/leergroep-alfa/retrospectives/{retro}/reveal",
            "LNFONN",
        ),
        row(
            "POST /api/v1/groups/{slug}/retrospectives/{id}/close",
            "/api/v1/groups/leergroep-alfa/retrospectives/{retro}/close",
            "LNFONN",
        ),
        api(
            "POST /api/v1/groups/{slug}/retrospectives/{id}/actions",
            "/api/v1/groups/leergroep-alfa/retrospectives/{retro}/actions",
            "LNFONN",
            r#"{"text": "", "owner": "x", "due_on": "2030-01-01"}"#,
        ),
        row(
            "DELETE /api/v1/groups/{slug}/retrospectives/{id}/actions/{action}",
            "/api/v1/groups/leergroep-alfa/retrospectives/{retro}/actions/geen-actie",
            "LNFNNN",
        ),
        row(
            "GET /api/v1/groups/{slug}/dilemmas",
            "/api/v1/groups/leergroep-alfa/dilemmas",
            "LNOONN",
        ),
        api(
            "POST /api/v1/groups/{slug}/dilemmas",
            "/api/v1/groups/leergroep-alfa/dilemmas",
            "LNFONN",
            r#"{"title": "", "situation": "x", "perspectives": ["a", "b"], "names": "met-namen"}"#,
        ),
        row(
            "GET /api/v1/groups/{slug}/dilemmas/{id}",
            "/api/v1/groups/leergroep-alfa/dilemmas/{dilemma}",
            "LNOONN",
        ),
        api(
            "PUT /api/v1/groups/{slug}/dilemmas/{id}/position",
            "/api/v1/groups/leergroep-alfa/dilemmas/{dilemma}/position",
            "LNOONN",
            r#"{"perspective": "x", "reason": ""}"#,
        ),
        row(
            "DELETE /api/v1/groups/{slug}/dilemmas/{id}/position",
            "/api/v1/groups/leergroep-alfa/dilemmas/{dilemma_named_api}/position",
            "LNOONN",
        ),
        row(
            "POST /api/v1/groups/{slug}/dilemmas/{id}/reveal",
            "/api/v1/groups/leergroep-alfa/dilemmas/{dilemma}/reveal",
            "LNFONN",
        ),
        api(
            "PUT /api/v1/groups/{slug}/dilemmas/{id}/outcome",
            "/api/v1/groups/leergroep-alfa/dilemmas/{dilemma}/outcome",
            "LNFONN",
            r#"{"outcome": "", "follow_up_on": "2099-01-01"}"#,
        ),
        api(
            "PUT /api/v1/groups/{slug}/dilemmas/{id}/follow-up",
            "/api/v1/groups/leergroep-alfa/dilemmas/{dilemma}/follow-up",
            "LNFONN",
            r#"{"text": ""}"#,
        ),
        row(
            "GET /api/v1/groups/{slug}/dilemmas/{id}/case-draft",
            "/api/v1/groups/leergroep-alfa/dilemmas/{dilemma}/case-draft",
            "LNFONN",
        ),
        row(
            "DELETE /api/v1/groups/{slug}/dilemmas/{id}",
            "/api/v1/groups/leergroep-alfa/dilemmas/geen-dilemma",
            "LNFNNN",
        ),
        row(
            "GET /api/v1/groups/{slug}/experiments",
            "/api/v1/groups/leergroep-alfa/experiments",
            "LNOONN",
        ),
        api(
            "POST /api/v1/groups/{slug}/experiments",
            "/api/v1/groups/leergroep-alfa/experiments",
            "LNOONN",
            r#"{"title": "", "description": "x"}"#,
        ),
        row(
            "GET /api/v1/groups/{slug}/experiments/{id}",
            "/api/v1/groups/leergroep-alfa/experiments/{experiment}",
            "LNOONN",
        ),
        row(
            "POST /api/v1/groups/{slug}/experiments/{id}/support",
            "/api/v1/groups/leergroep-alfa/experiments/{experiment}/support",
            "LNOONN",
        ),
        row(
            "DELETE /api/v1/groups/{slug}/experiments/{id}/support",
            "/api/v1/groups/leergroep-alfa/experiments/{experiment}/support",
            "LNOONN",
        ),
        api(
            "POST /api/v1/groups/{slug}/experiments/{id}/start",
            "/api/v1/groups/leergroep-alfa/experiments/{experiment}/start",
            "LNOONN",
            r#"{"hypothesis": "", "measure": "", "starts_on": "2030-01-01", "ends_on": "2030-02-01", "owner": "x"}"#,
        ),
        api(
            "POST /api/v1/groups/{slug}/experiments/{id}/notes",
            "/api/v1/groups/leergroep-alfa/experiments/{experiment}/notes",
            "LNOONN",
            r#"{"text": ""}"#,
        ),
        api(
            "POST /api/v1/groups/{slug}/experiments/{id}/evaluation",
            "/api/v1/groups/leergroep-alfa/experiments/{experiment}/evaluation",
            "LNFONN",
            r#"{"adopted": true, "evaluation": ""}"#,
        ),
        row(
            "GET /api/v1/groups/{slug}/experiments/{id}/story-draft",
            "/api/v1/groups/leergroep-alfa/experiments/{experiment}/story-draft",
            "LNFONN",
        ),
        row(
            "DELETE /api/v1/groups/{slug}/experiments/{id}",
            "/api/v1/groups/leergroep-alfa/experiments/{experiment_gone_api}",
            "LNFONN",
        ),
        api(
            "PUT /api/v1/groups/{slug}/actions/{action}",
            "/api/v1/groups/leergroep-alfa/actions/{retro_action}",
            "LNFONN",
            r#"{"done": true}"#,
        ),
    ]
}

/// Logs in through the API and picks up a CSRF cookie and token.
async fn client(s: &Server, email: Option<&str>, password: &str) -> (Client, String) {
    let c = s.client();
    if let Some(email) = email {
        let r = c
            .post_json(
                "/api/v1/session",
                &json!({"email": email, "password": password}),
            )
            .await;
        assert_eq!(r.status, 200, "login {email}: {}", r.body);
    }
    let csrf = c.get("/nieuwsbrief").await.csrf();
    (c, csrf)
}

fn account(role: &str) -> Option<(&'static str, &'static str)> {
    match role {
        "anon" => None,
        "other_org" => Some(("zeno@beta.nl", PASSWORD)),
        "member" => Some(("mila@alfa.nl", PASSWORD)),
        "org_admin" => Some(("bram@alfa.nl", PASSWORD)),
        "editor" => Some((EDITOR_EMAIL, EDITOR_PASSWORD)),
        _ => Some(("ada@vooruit.test", PASSWORD)),
    }
}

/// Whether a response meets a cell's expectation.
fn meets(expect: char, api: bool, p: &Page) -> bool {
    let to_login = p.status == 303
        && p.location
            .as_deref()
            .is_some_and(|l| l.starts_with("/inloggen?terug="));
    match expect {
        'L' if api => p.status == 401,
        'L' => to_login,
        'F' => p.status == 403,
        'N' => p.status == 404,
        _ => !to_login && (matches!(p.status, 200..=399) || matches!(p.status, 400 | 409 | 422)),
    }
}

async fn call(c: &Client, csrf: &str, method: &str, url: &str, body: &Body, role: &str) -> Page {
    let abs = c.abs(url);
    let req = match method {
        "GET" => c.http.get(abs),
        "POST" => c.http.post(abs),
        "PUT" => c.http.put(abs),
        _ => c.http.delete(abs),
    };
    let req = match body {
        Body::None if method == "POST" && !url.starts_with("/api/") => req.form(&[("csrf", csrf)]),
        Body::None => req,
        Body::Form(fields) => {
            let mut all = vec![("csrf".to_string(), csrf.to_string())];
            all.extend(
                fields
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.replace("{role}", role))),
            );
            req.form(&all)
        }
        Body::Json(text) => {
            let value: serde_json::Value =
                serde_json::from_str(&text.replace("{role}", role)).expect("row JSON");
            req.json(&value)
        }
    };
    Client::page(req.send().await.expect("request")).await
}

#[tokio::test]
async fn every_route_answers_each_role_as_the_table_says() {
    let s = Server::start().await;
    for (email, name, role) in [
        ("ada@vooruit.test", "Ada Admin", "admin"),
        ("mila@alfa.nl", "Mila Lid", "member"),
        ("bram@alfa.nl", "Bram Beheer", "member"),
        ("zeno@beta.nl", "Zeno Elders", "member"),
        ("xavi@alfa.nl", "Xavi Collega", "member"),
        ("toon@elders.nl", "Toon Toeschouwer", "member"),
    ] {
        s.add_user(email, name, role, PASSWORD);
    }
    for n in 1..=6 {
        s.add_user(
            &format!("v{n}@alfa.nl"),
            &format!("Vertrekker {n}"),
            "member",
            PASSWORD,
        );
    }

    // Fixtures: two organisations, their members, a story by the member,
    // events, a registration, editions.
    let (admin, _) = client(&s, Some("ada@vooruit.test"), PASSWORD).await;
    for (name, domain) in [("Gemeente Alfa", "alfa.nl"), ("Zorggroep Beta", "beta.nl")] {
        let r = admin
            .post_json(
                "/api/v1/admin/organisations",
                &json!({"name": name, "kind": "gemeente", "domains": [domain]}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
    }
    let mut joined = vec![];
    for email in [
        "mila@alfa.nl",
        "bram@alfa.nl",
        "zeno@beta.nl",
        "xavi@alfa.nl",
    ]
    .into_iter()
    .map(String::from)
    .chain((1..=6).map(|n| format!("v{n}@alfa.nl")))
    {
        let (c, csrf) = client(&s, Some(&email), PASSWORD).await;
        let org = if email.ends_with("beta.nl") {
            "zorggroep-beta"
        } else {
            "gemeente-alfa"
        };
        let r = c
            .post_form(&format!("/mijn/organisaties/{org}/aansluiten"), &csrf, &[])
            .await;
        assert_eq!(r.status, 303, "{email} joins: {}", r.body);
        joined.push((email, c));
    }
    let members = admin
        .get("/api/v1/organisations/gemeente-alfa")
        .await
        .json();
    let id_of = |name: &str| -> String {
        members["members"]
            .as_array()
            .expect("members")
            .iter()
            .find(|m| m["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {members}"))["user_id"]
            .as_str()
            .expect("id")
            .to_string()
    };
    let (admin, admin_csrf) = client(&s, Some("ada@vooruit.test"), PASSWORD).await;
    let r = admin
        .post_form(
            &format!(
                "/organisaties/gemeente-alfa/leden/{}/rol",
                id_of("Bram Beheer")
            ),
            &admin_csrf,
            &[("role", "beheerder")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let victims: Vec<String> = (1..=6).map(|n| id_of(&format!("Vertrekker {n}"))).collect();
    let bystander_member = id_of("Xavi Collega");

    let (_, mila) = &joined[0];
    share_story(
        mila,
        "Een buurtapp die niemand opende",
        "Mila",
        "Gemeente Alfa",
        "mila@alfa.nl",
        false,
        false,
    )
    .await;
    let editor = crate::common::editor_api(&s).await;
    let own_story = story_id(&editor, "Een buurtapp die niemand opende").await;
    let story_slug = s.client().get("/api/v1/stories").await.json()["items"][0]["slug"]
        .as_str()
        .expect("slug")
        .to_string();
    let mut events = vec![];
    for title in ["Intervisie voor wijkteams", "Een dag die niet doorgaat"] {
        let r = editor
            .post_json(
                "/api/v1/editor/events",
                &serde_json::from_str::<serde_json::Value>(&EVENT_JSON.replace("{role}", title))
                    .expect("json"),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        events.push((
            r.json()["slug"].as_str().expect("slug").to_string(),
            r.json()["id"].as_str().expect("id").to_string(),
        ));
    }
    let r = s
        .client()
        .post_json(
            &format!("/api/v1/events/{}/registrations", events[0].0),
            &json!({"name": "Deelnemer", "email": "deelnemer@test.nl"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let regs = editor
        .get(&format!(
            "/api/v1/editor/events/{}/registrations",
            events[0].0
        ))
        .await
        .json();
    let registration_id = regs["items"][0]["id"]
        .as_str()
        .expect("registration")
        .to_string();
    let mut editions = vec![];
    for subject in [
        "Nieuwsbrief voor de tabel",
        "Nieuwsbrief die de API verstuurt",
    ] {
        let r = editor
            .post_json(
                "/api/v1/editor/newsletter/editions",
                &json!({"subject": subject}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        editions.push(r.json()["id"].as_str().expect("id").to_string());
    }
    let bystander = {
        let list = admin.get("/beheer/gebruikers").await;
        let marker = "/beheer/gebruikers/";
        let html = &list.body;
        let at = html.find("Toon Toeschouwer").expect("bystander listed");
        let start = html[at..].find(marker).expect("role form") + at + marker.len();
        html[start..start + 32].to_string()
    };
    // A learning group led by the org_admin (Bram), with the member (Mila)
    // and Xavi in it.
    let (_, bram) = &joined[1];
    let page = bram.get("/groepen").await;
    let r = bram
        .post_form("/groepen", &page.csrf(), &[("name", "Leergroep Alfa")])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let r = bram
        .post_form(
            "/groepen/leergroep-alfa/uitnodigen",
            &page.csrf(),
            &[("emails", "mila@alfa.nl\nxavi@alfa.nl")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    for (i, email) in [(0, "mila@alfa.nl"), (3, "xavi@alfa.nl")] {
        let base = s.url("");
        let link = s.mail(email, "Leergroep Alfa").await.link(&base);
        let path = link.trim_start_matches(&base).to_string();
        let (_, c) = &joined[i];
        let csrf = c.get(&path).await.csrf();
        let r = c.post_form(&path, &csrf, &[]).await;
        assert_eq!(r.status, 303, "{email} joins the group: {}", r.body);
    }
    // Terugblikken: an earlier one, revealed, with an action of Bram's;
    // the current one with two cards of Bram's.
    let group_page = "/groepen/leergroep-alfa";
    let open_retro = |title: &'static str| async move {
        let csrf = bram.get(group_page).await.csrf();
        let r = bram
            .post_form(
                "/groepen/leergroep-alfa/terugblikken",
                &csrf,
                &[("retro_title", title), ("votes_per_member", "3")],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let location = r.location.expect("location");
        location
            .split('?')
            .next()
            .expect("path")
            .rsplit('/')
            .next()
            .expect("id")
            .to_string()
    };
    let earlier = open_retro("Eerdere terugblik").await;
    let earlier_path = format!("{group_page}/terugblikken/{earlier}");
    let csrf = bram.get(&earlier_path).await.csrf();
    for (action, fields) in [
        (
            "kaarten",
            vec![("question", "goed"), ("text", "Eerdere kaart")],
        ),
        ("onthullen", vec![]),
    ] {
        let r = bram
            .post_form(&format!("{earlier_path}/{action}"), &csrf, &fields)
            .await;
        assert_eq!(r.status, 303, "{action}: {}", r.body);
    }
    let sql = s.sql().await;
    let bram_id: String = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind("bram@alfa.nl")
        .fetch_one(&sql)
        .await
        .expect("bram");
    let r = bram
        .post_form(
            &format!("{earlier_path}/acties"),
            &csrf,
            &[
                ("action_text", "Verslag rondsturen"),
                ("owner", &bram_id),
                ("due_on", "2099-01-01"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let retro_action: String =
        sqlx::query_scalar("SELECT id FROM retrospective_actions WHERE body = $1")
            .bind("Verslag rondsturen")
            .fetch_one(&sql)
            .await
            .expect("action");
    let retro = open_retro("Huidige terugblik").await;
    let retro_path = format!("{group_page}/terugblikken/{retro}");
    let csrf = bram.get(&retro_path).await.csrf();
    let mut retro_cards = vec![];
    for text in ["Kaart om te stapelen", "Kaart om terug te nemen"] {
        let r = bram
            .post_form(
                &format!("{retro_path}/kaarten"),
                &csrf,
                &[("question", "goed"), ("text", text)],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        retro_cards.push(
            sqlx::query_scalar::<_, String>("SELECT id FROM retrospective_cards WHERE body = $1")
                .bind(text)
                .fetch_one(&sql)
                .await
                .expect("card"),
        );
    }
    // Dilemmas: one without names, two with names where Mila and Bram chose.
    let open_dilemma = |title: &'static str, names: &'static str| async move {
        let library = "/groepen/leergroep-alfa/dilemmas";
        let csrf = bram.get(library).await.csrf();
        let r = bram
            .post_form(
                library,
                &csrf,
                &[
                    ("title", title),
                    ("situation", "Een situatie uit de praktijk."),
                    ("perspectives", "Menselijkheid\nRegels"),
                    ("names", names),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let location = r.location.expect("location");
        location
            .split('?')
            .next()
            .expect("path")
            .rsplit('/')
            .next()
            .expect("id")
            .to_string()
    };
    let dilemma = open_dilemma("Dilemma zonder namen", "zonder-namen").await;
    let mut named = vec![];
    for title in ["Dilemma met namen", "Dilemma met namen in de API"] {
        let id = open_dilemma(title, "met-namen").await;
        let side: String = sqlx::query_scalar(
            "SELECT id FROM dilemma_perspectives WHERE dilemma_id = $1 ORDER BY position LIMIT 1",
        )
        .bind(&id)
        .fetch_one(&sql)
        .await
        .expect("perspective");
        let path = format!("{group_page}/dilemmas/{id}");
        for i in [0, 1] {
            let (_, c) = &joined[i];
            let csrf = c.get(&path).await.csrf();
            let r = c
                .post_form(
                    &format!("{path}/positie"),
                    &csrf,
                    &[("perspective", &side), ("reason", "Omdat het kan.")],
                )
                .await;
            assert_eq!(r.status, 303, "{}", r.body);
        }
        named.push(id);
    }
    // Experiments: Mila's idea, and two of Bram's to remove.
    let mut ideas = vec![];
    for (i, title) in [
        (0, "Idee van Mila"),
        (1, "Idee van Bram"),
        (1, "Nog een idee van Bram"),
    ] {
        let board = "/groepen/leergroep-alfa/experimenten";
        let (_, c) = &joined[i];
        let csrf = c.get(board).await.csrf();
        let r = c
            .post_form(
                board,
                &csrf,
                &[("title", title), ("description", "Een verbetering.")],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let location = r.location.expect("location");
        ideas.push(
            location
                .split('?')
                .next()
                .expect("path")
                .rsplit('/')
                .next()
                .expect("id")
                .to_string(),
        );
    }
    // Behaviour measurement: Bram's programme with round 0 open.
    let programme = {
        let (_, bram) = &joined[1];
        let list = "/organisaties/gemeente-alfa/metingen";
        let csrf = bram.get(list).await.csrf();
        let r = bram
            .post_form(
                list,
                &csrf,
                &[("name", "Samen werken"), ("description", "")],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let id = r
            .location
            .expect("location")
            .split('?')
            .next()
            .expect("path")
            .rsplit('/')
            .next()
            .expect("id")
            .to_string();
        let url = format!("{list}/{id}");
        for (path, field, value) in [
            ("groepen", "group_name", "Team Alfa"),
            ("gedrag", "statement", "Ik vraag door"),
        ] {
            let r = bram
                .post_form(&format!("{url}/{path}"), &csrf, &[(field, value)])
                .await;
            assert_eq!(r.status, 303, "{}", r.body);
        }
        let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
        let later = (chrono::Utc::now() + chrono::Duration::days(9))
            .format("%Y-%m-%d")
            .to_string();
        let r = bram
            .post_form(
                &format!("{url}/rondes"),
                &csrf,
                &[("opens_on", &today), ("closes_on", &later)],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        // Round 0 opened and closed (its results exist), round 1 open.
        for (n, steps) in [(0, &["openen", "sluiten"][..]), (1, &["openen"][..])] {
            if n == 1 {
                let r = bram
                    .post_form(
                        &format!("{url}/rondes"),
                        &csrf,
                        &[("opens_on", &today), ("closes_on", &later)],
                    )
                    .await;
                assert_eq!(r.status, 303, "{}", r.body);
            }
            for step in steps {
                let r = bram
                    .post_form(&format!("{url}/rondes/{n}/{step}"), &csrf, &[])
                    .await;
                assert_eq!(r.status, 303, "{step}: {}", r.body);
            }
        }
        id
    };
    let token = "ab".repeat(32);
    let fixtures: BTreeMap<&str, String> = BTreeMap::from([
        ("story_slug", story_slug),
        ("own_story", own_story),
        ("event_slug", events[0].0.clone()),
        ("event_id", events[0].1.clone()),
        ("other_event_slug", events[1].0.clone()),
        ("registration_id", registration_id),
        ("edition_id", editions[0].clone()),
        ("api_edition_id", editions[1].clone()),
        ("org", "gemeente-alfa".to_string()),
        ("bystander", bystander),
        ("group_bystander", bystander_member.clone()),
        ("bystander_member", bystander_member),
        ("token", token),
        ("retro", retro),
        ("bram", bram_id.clone()),
        ("retro_action", retro_action),
        ("retro_card", retro_cards[0].clone()),
        ("retro_card_gone", retro_cards[1].clone()),
        ("dilemma", dilemma),
        ("dilemma_named", named[0].clone()),
        ("dilemma_named_api", named[1].clone()),
        ("experiment", ideas[0].clone()),
        ("experiment_gone", ideas[1].clone()),
        ("experiment_gone_api", ideas[2].clone()),
        ("programme", programme),
    ]);

    // The table must cover the router exactly.
    let routes: BTreeSet<String> = s.cli(&["routes"]).lines().map(str::to_string).collect();
    let rows = table();
    let covered: BTreeSet<String> = rows.iter().map(|r| r.route.to_string()).collect();
    let missing: Vec<&String> = routes.difference(&covered).collect();
    let stale: Vec<&String> = covered.difference(&routes).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "routes without a row: {missing:#?}\nrows for routes that do not exist: {stale:#?}"
    );
    assert_eq!(covered.len(), rows.len(), "a route has two rows");

    let mut clients = vec![];
    for role in ROLES {
        let (email, password) = account(role).unzip();
        clients.push(client(&s, email, password.unwrap_or("")).await);
    }
    let mut failures = vec![];
    let mut cells = 0;
    for row in &rows {
        let (method, _) = row.route.split_once(' ').expect("METHOD path");
        assert_eq!(row.expect.len(), ROLES.len(), "{}", row.route);
        for (i, role) in ROLES.iter().enumerate() {
            let mut url = row.url.replace("{role}", role);
            for (k, v) in &fixtures {
                url = url.replace(&format!("{{{k}}}"), v);
            }
            // Each removal takes someone not removed before.
            url = url
                .replace("{victim}", &victims[i])
                .replace("{victim2}", &victims[(i + 1) % victims.len()]);
            let fresh;
            let (c, csrf) = if row.fresh {
                let (email, password) = account(role).unzip();
                fresh = client(&s, email, password.unwrap_or("")).await;
                (&fresh.0, &fresh.1)
            } else {
                (&clients[i].0, &clients[i].1)
            };
            let page = call(c, csrf, method, &url, &row.body, role).await;
            let expect = row.expect.as_bytes()[i] as char;
            cells += 1;
            if !meets(expect, url.starts_with("/api/"), &page) {
                failures.push(format!(
                    "{} as {role}: expected {expect}, got {} {}",
                    row.route,
                    page.status,
                    page.location.as_deref().unwrap_or("")
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cells} cells differ from the table:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(cells, routes.len() * ROLES.len());
}
