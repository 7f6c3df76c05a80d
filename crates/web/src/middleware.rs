//! Request-wide concerns: the request context (language, user, CSRF),
//! CSRF and content-type checks on every state change, error pages, and the
//! security headers every response carries.

use std::net::SocketAddr;

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use vooruit_app::AppError;

use crate::context::Ctx;
use crate::error::{ErrorPage, problem};
use crate::i18n::Lang;
use crate::routes::Match;
use crate::{AppState, BODY_LIMIT};

pub const SESSION_COOKIE: &str = "vooruit_session";
pub const CSRF_COOKIE: &str = "vooruit_csrf";
pub const LANG_COOKIE: &str = "vooruit_lang";

/// The value of one cookie from the Cookie header(s).
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// A Set-Cookie value with the flags every Vooruit cookie needs.
pub fn set_cookie(name: &str, value: &str, max_age_secs: Option<i64>, https: bool) -> HeaderValue {
    let mut s = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age_secs {
        s.push_str(&format!("; Max-Age={age}"));
    }
    if https {
        s.push_str("; Secure");
    }
    HeaderValue::from_str(&s).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The client's address. Behind a proxy we run, the address that proxy
/// added to X-Forwarded-For: the last one. Everything before it came from
/// the client, which can write anything there, so a per-address limit
/// keyed on it could be dodged by sending a different one each time.
fn client_ip(req: &Request, trust_proxy: bool) -> String {
    let forwarded = req
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .next_back()
        .filter(|ip| ip.parse::<std::net::IpAddr>().is_ok());
    if trust_proxy && let Some(ip) = forwarded {
        return ip.to_string();
    }
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

fn is_api(path: &str) -> bool {
    path.starts_with("/api/")
}

fn valid_token(t: &str) -> bool {
    t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The language of a request: the visitor's choice (cookie), else the
/// browser's, else Dutch.
pub fn lang_of(headers: &HeaderMap) -> Lang {
    cookie(headers, LANG_COOKIE)
        .and_then(|c| Lang::from_tag(&c))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or(Lang::Nl)
}

/// Builds the `Ctx`, checks state-changing requests, and turns error markers
/// into full pages (HTML) or problem documents (API).
pub async fn context(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "/".into());
    let api = is_api(req.uri().path());
    let headers = req.headers();
    let lang = lang_of(headers);
    // The cookie holds a random visitor id; the token in forms is derived
    // from it, or, once signed in, from the session (see `form_token`).
    let existing_visitor = cookie(headers, CSRF_COOKIE).filter(|t| valid_token(t));
    let new_visitor = existing_visitor.is_none();
    let visitor = existing_visitor.unwrap_or_else(|| hex::encode(rand::random::<[u8; 32]>()));
    let session = cookie(headers, SESSION_COOKIE).filter(|t| valid_token(t));
    let ip = client_ip(&req, state.web.trust_proxy);
    // Before anything looks at the request: is there such a route, and
    // with this method? An unknown path goes straight to the 404 page, a
    // known path with another method gets 405 and the methods it takes.
    let routed = state.methods.check(req.method().as_str(), req.uri().path());
    let allow = match &routed {
        Match::NotAllowed(allow) => Some(allow.clone()),
        _ => None,
    };
    // Every page may show themes and their labels. Read before the query
    // count starts: it comes from memory nearly always, and the count is
    // about what a page itself asks of the database.
    let taxonomy = match state.app.taxonomy().current().await {
        Ok(t) => t,
        Err(e) => {
            tracing::error!(error = %e, "reading the taxonomy failed");
            Default::default()
        }
    };
    let mut ctx = Ctx {
        lang,
        user: None,
        csrf: String::new(),
        path,
        ip,
        taxonomy,
    };
    let (mut res, queries) = vooruit_app::count_queries(async {
        let checked = async {
            if let Some(token) = &session {
                ctx.user = state.app.accounts().session_user(token).await?;
            }
            let signed_in = session.as_deref().filter(|_| ctx.user.is_some());
            ctx.csrf = form_token(&state.app.config.secret, signed_in, &visitor);
            if allow.is_some() {
                return Err(AppError::MethodNotAllowed);
            }
            if matches!(routed, Match::NoPath) {
                return Ok(req);
            }
            check_unsafe_request(req, &ctx.csrf, api).await
        }
        .await;
        match checked {
            Ok(mut req) => {
                req.extensions_mut().insert(ctx.clone());
                next.run(req).await
            }
            Err(e) => crate::HtmlError(e).into_response(),
        }
    })
    .await;
    if state.web.debug_queries {
        res.headers_mut()
            .insert("x-vooruit-queries", HeaderValue::from(queries));
    }

    if let Some(page) = res.extensions().get::<ErrorPage>().copied() {
        let status = res.status();
        res = if api {
            problem(&app_error_for(status, page.key), lang)
        } else if status == StatusCode::UNAUTHORIZED {
            let back = percent_encoding::utf8_percent_encode(
                &ctx.path,
                percent_encoding::NON_ALPHANUMERIC,
            );
            Redirect::to(&format!("/inloggen?terug={back}")).into_response()
        } else {
            crate::pages::error_page(ctx.clone(), status, page.key)
        };
    }
    if let Some(allow) = allow
        && let Ok(value) = HeaderValue::from_str(&allow)
    {
        res.headers_mut().insert(header::ALLOW, value);
    }
    // Signing in or out sets the session cookie: a new visitor id goes
    // with it, so no form token from before outlives the change.
    let session_changed = res.headers().get_all(header::SET_COOKIE).iter().any(|v| {
        v.as_bytes()
            .starts_with(format!("{SESSION_COOKIE}=").as_bytes())
    });
    if new_visitor || session_changed {
        let https = state.app.config.is_https();
        let id = if session_changed {
            hex::encode(rand::random::<[u8; 32]>())
        } else {
            visitor
        };
        res.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(CSRF_COOKIE, &id, None, https),
        );
    }
    res
}

/// The token every form carries: bound to the session when signed in, so a
/// token seen before login (or planted with a cookie) is useless after it;
/// otherwise to the visitor id in the cookie. Derived with the server
/// secret, so the cookie alone does not give the token.
fn form_token(
    secret: &vooruit_app::secret::Secret,
    session: Option<&str>,
    visitor: &str,
) -> String {
    match session {
        Some(s) => secret.mac("form-session", s),
        None => secret.mac("form-visitor", visitor),
    }
}

/// Rebuilds the AppError for an error marker (only its status and key matter).
fn app_error_for(status: StatusCode, key: &'static str) -> AppError {
    match status {
        StatusCode::NOT_FOUND => AppError::NotFound,
        StatusCode::UNAUTHORIZED => AppError::Unauthorized,
        StatusCode::FORBIDDEN => AppError::Forbidden,
        StatusCode::TOO_MANY_REQUESTS => AppError::TooManyRequests,
        StatusCode::CONFLICT => AppError::Conflict(key),
        StatusCode::BAD_REQUEST => AppError::BadRequest(key),
        StatusCode::METHOD_NOT_ALLOWED => AppError::MethodNotAllowed,
        _ => AppError::Internal(key.to_string()),
    }
}

/// Every request that changes something must prove it comes from our own
/// pages (a form with the CSRF token of its cookie) or be a JSON call (which
/// a foreign page cannot send without a CORS preflight that we never allow).
async fn check_unsafe_request(req: Request, csrf: &str, api: bool) -> Result<Request, AppError> {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || req
            .uri()
            .path()
            .starts_with(crate::pages::newsletter::ONE_CLICK_PREFIX)
    {
        return Ok(req);
    }
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if api {
        // A call without a body and without a content type is allowed (a
        // publish, a cancel): a form always sends a content type, so this
        // cannot be a cross-site form post with our cookies.
        let bodyless = content_type.is_empty()
            && req
                .headers()
                .get(header::CONTENT_LENGTH)
                .is_none_or(|l| l == "0")
            && !req.headers().contains_key(header::TRANSFER_ENCODING);
        if content_type.starts_with("application/json") || bodyless {
            return Ok(req);
        }
        return Err(AppError::BadRequest("error-json-required"));
    }
    if content_type.starts_with("multipart/form-data") && is_upload(&req) {
        // Checked by `upload::read` before the file is read.
        return Ok(req);
    }
    if !content_type.starts_with("application/x-www-form-urlencoded") {
        return Err(AppError::BadRequest("error-bad-form"));
    }
    let (parts, body) = req.into_parts();
    let bytes: Bytes = axum::body::to_bytes(body, BODY_LIMIT)
        .await
        .map_err(|_| AppError::BadRequest("error-bad-form"))?;
    let sent = url::form_urlencoded::parse(&bytes)
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    if sent.is_empty() || sent != csrf {
        return Err(AppError::BadRequest("error-csrf"));
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// The first layer of every request after its id: the stored copy of a
/// story page when there is one (it needs no route, no timeout and no
/// compression), else the router; then the security headers and the
/// metrics. One layer for the three: each layer costs every request a few
/// allocations and a reference count shared by the cores.
pub async fn front(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let start = std::time::Instant::now();
    let wanted = crate::page_files::wanted(&req);
    let stored = match wanted {
        Some(wanted) => crate::page_files::stored(&state, wanted).await,
        None => None,
    };
    let mut res = match stored {
        Some(res) => res,
        None => next.run(req).await,
    };
    security_headers(res.headers_mut(), state.app.config.is_https());
    state.metrics.observe(res.status(), start.elapsed());
    res
}

/// The site's Content-Security-Policy: nothing from elsewhere, no frames.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self'; \
    object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The site's policy with frames from this one origin (a video player the
/// visitor asked to load), for that page only.
pub fn csp_with_frame(origin: &str) -> String {
    format!("{CSP}; frame-src {origin}")
}

/// The headers every response carries. The CSP allows no inline script or
/// style, so injected markup could not run even if it slipped past the
/// sanitiser.
fn security_headers(h: &mut HeaderMap, https: bool) {
    // A handler may set a stricter policy of its own (the newsletter
    // preview, which is a mail with inline styles and nothing else).
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    if https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
}

/// A panic in a handler becomes a plain 500; details go to the log only.
pub fn panic_response(_err: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    let mut res = (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Er ging iets mis. Probeer het later opnieuw. / Something went wrong. Please try again later.",
    )
        .into_response();
    // Outside `front`: the headers it would have set (HSTS aside, which the
    // browser has from every other answer).
    security_headers(res.headers_mut(), false);
    res
}

/// Request ids (`x-request-id`, in the logs): a random number per thread
/// and a count. Unique per node like a UUID, without asking the kernel for
/// randomness on every request.
#[derive(Clone, Copy, Default)]
pub struct RequestIds;

thread_local! {
    static NEXT_ID: std::cell::Cell<(u64, u64)> = std::cell::Cell::new((rand::random(), 0));
}

impl tower_http::request_id::MakeRequestId for RequestIds {
    fn make_request_id<B>(
        &mut self,
        _: &axum::http::Request<B>,
    ) -> Option<tower_http::request_id::RequestId> {
        let (prefix, n) = NEXT_ID.with(|c| {
            let (p, n) = c.get();
            c.set((p, n.wrapping_add(1)));
            (p, n)
        });
        HeaderValue::from_str(&format!("{prefix:016x}-{n:x}"))
            .ok()
            .map(tower_http::request_id::RequestId::new)
    }
}

/// A POST to one of the upload forms.
fn is_upload(req: &Request) -> bool {
    req.method() == Method::POST && crate::upload::is_upload_path(req.uri().path())
}

/// The site's body limit and timeout, for every request but an upload
/// (which may take long and be large; its form has a limit per kind of
/// file). Too large: 413 at once when the length is announced, else when
/// the body passes the limit while it is read.
pub async fn limits(req: Request, next: Next) -> Response {
    if is_upload(&req) {
        return next.run(req).await;
    }
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|n| n > BODY_LIMIT) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let req = req.map(|body| Body::new(http_body_util::Limited::new(body, BODY_LIMIT)));
    match tokio::time::timeout(REQUEST_TIMEOUT, next.run(req)).await {
        Ok(res) => res,
        Err(_) => StatusCode::REQUEST_TIMEOUT.into_response(),
    }
}

/// How long a request (but an upload) may take before it gets 408.
const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);
