//! Issue 21, part 3: the published stories as open data (CSV and JSON)
//! under the network's licence, with a DCAT-AP catalogue that a harvester
//! reads; nothing hidden ever in it.

use std::io::Write as _;
use std::process::{Command, Stdio};

use serde_json::json;

use crate::common::{Server, python};

const FIELDS: [&str; 18] = [
    "url",
    "slug",
    "title",
    "kind",
    "summary",
    "themes",
    "sectors",
    "region",
    "published",
    "author_name",
    "organisation",
    "context",
    "aim",
    "approach",
    "what_differed",
    "lessons",
    "tips",
    "do_differently",
];

/// The catalogue as rdflib reads it (scripts/dcat_read.py).
fn read_catalogue(jsonld: &str) -> serde_json::Value {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut child = Command::new(python())
        .arg(root.join("scripts/dcat_read.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rdflib");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(jsonld.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("rdflib finished");
    assert!(
        out.status.success(),
        "rdflib could not read the catalogue: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

#[tokio::test]
async fn published_stories_as_open_data_with_a_catalogue_and_nothing_hidden() {
    let s = Server::start().await;
    let c = s.client();
    // A story waiting for the editors, with a contact address: never in it.
    let waiting = c
        .post_json(
            "/api/v1/submissions",
            &json!({"kind": "case", "title": "Wachtend op de redactie", "context": "Nog niet klaar.",
                    "lessons": ["Een les"], "themes": ["innovatie"], "contact_email": "wachtend@test.nl",
                    "no_client_info": true, "consent": true}),
        )
        .await;
    assert_eq!(waiting.status, 201, "{}", waiting.body);

    let total = c.get("/api/v1/stories").await.json()["total"]
        .as_i64()
        .expect("total");
    assert!(total > 5);

    // What must never be in it: every contact address, and names and
    // organisations that tellers chose not to show.
    let pool = s.sql().await;
    let emails: Vec<String> =
        sqlx::query_scalar("SELECT contact_email FROM stories WHERE contact_email <> ''")
            .fetch_all(&pool)
            .await
            .expect("emails");
    let hidden: Vec<String> = sqlx::query_scalar(
        "SELECT teller_name FROM stories WHERE show_name = 0 AND teller_name <> '' \
         UNION SELECT teller_org FROM stories WHERE show_org = 0 AND teller_org <> ''",
    )
    .fetch_all(&pool)
    .await
    .expect("hidden");
    assert!(
        !emails.is_empty() && !hidden.is_empty(),
        "the demo has both"
    );

    let page = c.get("/open-data").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("CC BY 4.0"), "the default licence");
    assert!(page.body.contains("/open-data/verhalen.csv"));

    let csv_page = c.get("/open-data/verhalen.csv").await;
    assert_eq!(csv_page.status, 200);
    assert!(
        csv_page.headers["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/csv")
    );
    let mut reader = csv::Reader::from_reader(csv_page.body.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .expect("headers")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(headers, FIELDS);
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("every row parses");
    assert_eq!(rows.len() as i64, total, "one row per published story");
    for row in &rows {
        assert!(row[0].starts_with(&s.base), "{}", &row[0]);
        assert!(!row[2].is_empty(), "a title");
    }

    let json_page = c.get("/open-data/verhalen.json").await;
    assert_eq!(json_page.status, 200);
    let items = json_page.json();
    let items = items.as_array().expect("an array");
    assert_eq!(items.len() as i64, total);
    let mut keys: Vec<&str> = items[0]
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    let mut expected = FIELDS.to_vec();
    expected.sort_unstable();
    assert_eq!(keys, expected, "exactly the documented fields");
    // The same stories in both, and a story page for each.
    let first_url = items[0]["url"].as_str().expect("url");
    assert!(rows.iter().any(|r| &r[0] == first_url));
    let path = first_url.trim_start_matches(&s.base);
    assert_eq!(c.get(path).await.status, 200);

    for body in [&csv_page.body, &json_page.body] {
        assert!(
            !body.contains("Wachtend op de redactie"),
            "an unpublished story"
        );
        for e in &emails {
            assert!(!body.contains(e.as_str()), "a contact address: {e}");
        }
        for h in &hidden {
            assert!(
                !body.contains(h.as_str()),
                "a hidden name or organisation: {h}"
            );
        }
    }

    // The catalogue, read as a harvester reads it; every download answers.
    let jsonld = c.get("/open-data/catalogus.jsonld").await;
    assert_eq!(jsonld.status, 200);
    assert_eq!(jsonld.headers["content-type"], "application/ld+json");
    let catalogue = read_catalogue(&jsonld.body);
    assert_eq!(catalogue["catalogues"].as_array().expect("list").len(), 1);
    let datasets = catalogue["datasets"].as_array().expect("datasets");
    assert_eq!(datasets.len(), 1);
    let d = &datasets[0];
    assert_eq!(d["license"], "https://creativecommons.org/licenses/by/4.0/");
    assert_eq!(
        d["media_types"],
        json!([
            "http://www.iana.org/assignments/media-types/application/json",
            "http://www.iana.org/assignments/media-types/text/csv"
        ])
    );
    let downloads = d["downloads"].as_array().expect("downloads");
    assert_eq!(downloads.len(), 2);
    for url in downloads {
        let url = url.as_str().expect("url");
        let r = reqwest::get(url).await.expect("download");
        assert_eq!(r.status(), 200, "{url}");
    }
}

#[tokio::test]
async fn the_network_chooses_the_licence() {
    let s = Server::start_with(&["--open-data-licence", "cc0-1.0"]).await;
    let c = s.client();
    assert!(c.get("/open-data").await.body.contains("CC0 1.0"));
    let catalogue = read_catalogue(&c.get("/open-data/catalogus.jsonld").await.body);
    assert_eq!(
        catalogue["datasets"][0]["license"],
        "https://creativecommons.org/publicdomain/zero/1.0/"
    );
    // An unknown licence stops the start with a clear message.
    let refused = s
        .try_cli(&[
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--open-data-licence",
            "alles-mag",
        ])
        .expect_err("refused");
    assert!(
        refused.contains("cc-by-4.0, cc-by-sa-4.0 or cc0-1.0"),
        "{refused}"
    );
}
