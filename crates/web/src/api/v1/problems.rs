//! The error answers of the API, as reusable OpenAPI responses: each an RFC
//! 9457 problem document (`application/problem+json`) with a translated
//! `detail`. Handlers list the ones they can give (`response = NotFound`);
//! `complete` adds what every operation can answer: 400 for a malformed
//! request, and 413 where a body is sent.

use utoipa::ToResponse;
use utoipa::openapi::{OpenApi, RefOr, Response};

/// An RFC 9457 problem document.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct Problem {
    #[schema(example = "urn:vooruit:problem:validation")]
    r#type: String,
    title: String,
    status: u16,
    /// What went wrong and what to do, in the caller's language.
    detail: String,
    /// Per field: `{"field": "...", "detail": "..."}` (validation errors only).
    errors: Option<Vec<FieldProblem>>,
}

/// One field that was not filled in right.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct FieldProblem {
    field: String,
    detail: String,
}

macro_rules! problem_response {
    ($name:ident, $description:literal) => {
        #[derive(ToResponse)]
        #[response(description = $description, content_type = "application/problem+json")]
        #[allow(dead_code)]
        pub struct $name(Problem);
    };
}

problem_response!(
    BadRequest,
    "The request is malformed: JSON that does not parse or does not fit the schema, a query or path parameter that is not valid, or a change without `Content-Type: application/json`."
);
problem_response!(Unauthorized, "Log in first (POST /api/v1/session).");
problem_response!(Forbidden, "Your role does not allow this.");
problem_response!(NotFound, "It does not exist, or is not yours to see.");
problem_response!(
    Conflict,
    "Not possible in the current state (already published, event full or cancelled, link used or expired, ...)."
);
problem_response!(PayloadTooLarge, "The body is larger than 1 MiB.");
problem_response!(
    Invalid,
    "Some fields are not filled in right; `errors` names each field with what to do."
);
problem_response!(TooManyRequests, "Too many attempts; try again later.");

/// `get_api_v1_events_slug` for `GET /api/v1/events/{slug}`.
pub fn operation_id(method: &str, path: &str) -> String {
    let words: Vec<&str> = path
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    format!("{method}_{}", words.join("_"))
}

/// A required line of text: `min` to `max` characters, not only spaces.
pub fn text(min: usize, max: usize) -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .min_length(Some(min))
        .max_length(Some(max))
        .pattern(Some(r"\S"))
        .build()
}

/// Adds to every operation the answers any request can get: 400 for a
/// malformed request, 413 for a body that is too large.
pub fn complete(doc: &mut OpenApi) {
    let components = doc.components.get_or_insert_with(Default::default);
    for (name, response) in [
        BadRequest::response(),
        Unauthorized::response(),
        Forbidden::response(),
        NotFound::response(),
        Conflict::response(),
        PayloadTooLarge::response(),
        Invalid::response(),
        TooManyRequests::response(),
    ] {
        components.responses.insert(name.to_string(), response);
    }
    let reference = |name: &str| -> RefOr<Response> {
        RefOr::Ref(utoipa::openapi::Ref::from_response_name(name))
    };
    for (path, item) in doc.paths.paths.iter_mut() {
        for (method, op) in [
            ("get", &mut item.get),
            ("post", &mut item.post),
            ("put", &mut item.put),
            ("delete", &mut item.delete),
            ("patch", &mut item.patch),
        ] {
            let Some(op) = op else { continue };
            // Handlers in different modules share names (`list`, `show`):
            // the id is made from method and path, so each is unique.
            op.operation_id = Some(operation_id(method, path));
            let responses = &mut op.responses.responses;
            responses
                .entry("400".into())
                .or_insert_with(|| reference("BadRequest"));
            if op.request_body.is_some() {
                responses
                    .entry("413".into())
                    .or_insert_with(|| reference("PayloadTooLarge"));
            }
        }
    }
    links(doc);
}

/// The document as JSON. utoipa 5.5 writes a link's `operationId` as
/// `operation_id`, which no OpenAPI tool reads; this puts it right.
pub fn to_json(doc: &OpenApi) -> String {
    let mut value = serde_json::to_value(doc).unwrap_or_default();
    if let Some(paths) = value.get_mut("paths").and_then(|p| p.as_object_mut()) {
        for op in paths
            .values_mut()
            .filter_map(|i| i.as_object_mut())
            .flat_map(|i| i.values_mut())
        {
            let Some(responses) = op.get_mut("responses").and_then(|r| r.as_object_mut()) else {
                continue;
            };
            for link in responses
                .values_mut()
                .filter_map(|r| r.get_mut("links").and_then(|l| l.as_object_mut()))
                .flat_map(|l| l.values_mut())
                .filter_map(|l| l.as_object_mut())
            {
                if let Some(id) = link.remove("operation_id") {
                    link.insert("operationId".into(), id);
                }
                if link.get("operation_ref").and_then(|r| r.as_str()) == Some("") {
                    link.remove("operation_ref");
                }
            }
        }
    }
    value.to_string()
}

/// What a created thing can be read back with (OpenAPI links), so the
/// stateful tests follow a create to the read and back.
fn links(doc: &mut OpenApi) {
    use utoipa::openapi::link::LinkBuilder;
    let links: [(&str, &str, &str, &[&str]); 5] = [
        (
            "/api/v1/editor/events",
            "get",
            "/api/v1/events/{slug}",
            &["slug"],
        ),
        (
            "/api/v1/editor/newsletter/editions",
            "get",
            "/api/v1/editor/newsletter/editions/{id}",
            &["id"],
        ),
        (
            "/api/v1/admin/organisations",
            "get",
            "/api/v1/organisations/{slug}",
            &["slug"],
        ),
        (
            "/api/v1/submissions",
            "get",
            "/api/v1/editor/stories/{id}",
            &["id"],
        ),
        (
            "/api/v1/admin/taxonomy",
            "get",
            "/api/v1/taxonomy/{vocabulary}/{slug}",
            &["vocabulary", "slug"],
        ),
    ];
    for (from, method, to, fields) in links {
        let Some(op) = doc.paths.paths.get_mut(from).and_then(|i| i.post.as_mut()) else {
            continue;
        };
        if let Some(RefOr::T(created)) = op.responses.responses.get_mut("201") {
            let mut link = LinkBuilder::new().operation_id(operation_id(method, to));
            for field in fields {
                link = link.parameter(*field, format!("$response.body#/{field}"));
            }
            created
                .links
                .insert(format!("read_{}", fields.join("_")), RefOr::T(link.build()));
        }
    }
}
