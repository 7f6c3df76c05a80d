//! Open data: the published stories as CSV and JSON under the licence the
//! network chose (`--open-data-licence`), and a DCAT-AP catalogue
//! (JSON-LD) that describes them, for harvesters such as
//! data.overheid.nl. The records come from `app::stories::open_data`,
//! which holds only what the public story pages show.

use askama::Template;
use askama_web::WebTemplate;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use futures_util::stream;
use vooruit_app::stories::{OPEN_STORY_FIELDS, OpenStory};

use super::PageResult;
use crate::AppState;
use crate::context::Ctx;
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/open-data", page)
        .get("/open-data/verhalen.csv", stories_csv)
        .get("/open-data/verhalen.json", stories_json)
        .get("/open-data/catalogus.jsonld", catalogue)
}

/// Stories per database round trip while a download streams.
const BATCH: i64 = 500;

/// The licences a network can choose for its open data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Licence {
    #[default]
    CcBy4,
    CcBySa4,
    Cc0,
}

impl Licence {
    /// From the setting's value (`cc-by-4.0`, `cc-by-sa-4.0`, `cc0-1.0`).
    pub fn parse(s: &str) -> Option<Licence> {
        match s.trim().to_ascii_lowercase().as_str() {
            "cc-by-4.0" => Some(Licence::CcBy4),
            "cc-by-sa-4.0" => Some(Licence::CcBySa4),
            "cc0-1.0" => Some(Licence::Cc0),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Licence::CcBy4 => "CC BY 4.0",
            Licence::CcBySa4 => "CC BY-SA 4.0",
            Licence::Cc0 => "CC0 1.0",
        }
    }

    pub fn url(self) -> &'static str {
        match self {
            Licence::CcBy4 => "https://creativecommons.org/licenses/by/4.0/",
            Licence::CcBySa4 => "https://creativecommons.org/licenses/by-sa/4.0/",
            Licence::Cc0 => "https://creativecommons.org/publicdomain/zero/1.0/",
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "open_data.html")]
struct OpenDataPage {
    l: Ctx,
    total: i64,
    licence: Licence,
    fields: &'static [&'static str],
}

async fn page(l: Ctx, State(s): State<AppState>) -> PageResult {
    let total = s.app.stories().count_published().await?;
    Ok(OpenDataPage {
        l,
        total,
        licence: s.web.open_data_licence,
        fields: &OPEN_STORY_FIELDS,
    }
    .into_response())
}

/// Streams every published story, a batch at a time, each batch written by
/// `write` (which also gets whether it is the first).
fn streamed(
    s: AppState,
    content_type: &'static str,
    disposition: &'static str,
    head: Vec<u8>,
    tail: Vec<u8>,
    write: fn(&[OpenStory], bool) -> Result<Vec<u8>, String>,
) -> Response {
    // (after this id, first batch, finished)
    let batches = stream::unfold(
        (String::new(), true, false),
        move |(after, first, finished)| {
            let s = s.clone();
            async move {
                if finished {
                    return None;
                }
                let (items, last) = match s.app.stories().open_data_after(&after, BATCH).await {
                    Ok(batch) => batch,
                    Err(e) => {
                        tracing::error!(error = %e, "open data download broke off");
                        return Some((
                            Err(std::io::Error::other(e.to_string())),
                            (after, first, true),
                        ));
                    }
                };
                let done = last.is_none() || (items.len() as i64) < BATCH;
                let bytes = match write(&items, first) {
                    Ok(b) => b,
                    Err(e) => return Some((Err(std::io::Error::other(e)), (after, first, true))),
                };
                Some((Ok(Bytes::from(bytes)), (last.unwrap_or(after), false, done)))
            }
        },
    );
    let all = stream::iter([Ok::<_, std::io::Error>(Bytes::from(head))])
        .chain(batches)
        .chain(stream::iter([Ok(Bytes::from(tail))]));
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=300"),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        Body::from_stream(all),
    )
        .into_response()
}

async fn stories_csv(State(s): State<AppState>) -> Response {
    let mut header_row = csv::Writer::from_writer(vec![]);
    let head = header_row
        .write_record(OPEN_STORY_FIELDS)
        .and_then(|_| header_row.flush().map_err(csv::Error::from))
        .map_err(|e| e.to_string())
        .and_then(|_| header_row.into_inner().map_err(|e| e.to_string()))
        .unwrap_or_default();
    streamed(
        s,
        "text/csv; charset=utf-8",
        "attachment; filename=\"verhalen.csv\"",
        head,
        vec![],
        csv_rows,
    )
}

/// One CSV row per story; lists joined with " | ". A cell that a
/// spreadsheet would run as a formula (starting with =, +, - or @) gets a
/// leading apostrophe, as OWASP advises for CSV files people open in Excel.
fn csv_rows(items: &[OpenStory], _first: bool) -> Result<Vec<u8>, String> {
    let mut w = csv::Writer::from_writer(vec![]);
    for i in items {
        let list = |v: &[String]| v.join(" | ");
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let row = [
            i.url.clone(),
            i.slug.clone(),
            i.title.clone(),
            i.kind.to_string(),
            i.summary.clone(),
            list(&i.themes),
            list(&i.sectors),
            i.region.clone(),
            i.published.clone(),
            opt(&i.author_name),
            opt(&i.organisation),
            i.context.clone(),
            i.aim.clone(),
            i.approach.clone(),
            i.what_differed.clone(),
            list(&i.lessons),
            i.tips.clone(),
            i.do_differently.clone(),
        ];
        w.write_record(row.iter().map(|c| no_formula(c).into_owned()))
            .map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

fn no_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

async fn stories_json(State(s): State<AppState>) -> Response {
    streamed(
        s,
        "application/json",
        "inline",
        b"[".to_vec(),
        b"]\n".to_vec(),
        json_items,
    )
}

/// The items of one batch, each on its own line, with the commas between
/// batches right.
fn json_items(items: &[OpenStory], first: bool) -> Result<Vec<u8>, String> {
    let mut out = vec![];
    for (n, i) in items.iter().enumerate() {
        if !(first && n == 0) {
            out.push(b',');
        }
        out.push(b'\n');
        serde_json::to_writer(&mut out, i).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// The DCAT-AP catalogue: the network's catalogue with one dataset (the
/// stories) in two distributions.
async fn catalogue(l: Ctx, State(s): State<AppState>) -> PageResult {
    let stories = s.app.stories();
    let total = stories.count_published().await?;
    let modified = stories
        .last_published_at()
        .await?
        .map(vooruit_app::dates::iso_date);
    let url = |p: &str| s.app.config.url(p);
    let licence = s.web.open_data_licence;
    let distribution = |file: &str, media: &str, format: &str, title: &str| {
        serde_json::json!({
            "@id": url(&format!("/open-data/{file}#distributie")),
            "@type": "dcat:Distribution",
            "dct:title": title,
            "dcat:accessURL": {"@id": url("/open-data")},
            "dcat:downloadURL": {"@id": url(&format!("/open-data/{file}"))},
            "dcat:mediaType": {"@id": format!("http://www.iana.org/assignments/media-types/{media}")},
            "dct:format": {"@id": format!("http://publications.europa.eu/resource/authority/file-type/{format}")},
            "dct:license": {"@id": licence.url()},
        })
    };
    let doc = serde_json::json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
            "dct:issued": {"@type": "xsd:date"},
            "dct:modified": {"@type": "xsd:date"},
        },
        "@id": url("/open-data/catalogus.jsonld"),
        "@type": "dcat:Catalog",
        "dct:title": l.t("open-data-catalogue-title"),
        "dct:description": l.t("open-data-lead"),
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": "Vooruit", "foaf:homepage": {"@id": url("/")}},
        "dct:license": {"@id": licence.url()},
        "foaf:homepage": {"@id": url("/open-data")},
        "dcat:dataset": [{
            "@id": url("/open-data#verhalen"),
            "@type": "dcat:Dataset",
            "dct:identifier": url("/open-data#verhalen"),
            "dct:title": l.t("open-data-stories-title"),
            "dct:description": l.t1("open-data-stories-description", "total", total),
            "dct:language": [
                {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
            ],
            "dcat:keyword": ["leren", "zorg", "welzijn", "gemeenten", "falend vooruit", "praktijkverhalen"],
            "dcat:landingPage": {"@id": url("/verhalen")},
            "dct:license": {"@id": licence.url()},
            "dct:accessRights": {"@id": "http://publications.europa.eu/resource/authority/access-right/PUBLIC"},
            "dct:modified": modified,
            "dcat:distribution": [
                distribution("verhalen.csv", "text/csv", "CSV", "CSV"),
                distribution("verhalen.json", "application/json", "JSON", "JSON"),
            ],
        }],
    });
    Ok((
        [
            (header::CONTENT_TYPE, "application/ld+json"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        doc.to_string(),
    )
        .into_response())
}
