//! Story pages and story API answers for visitors who are not signed in,
//! rendered when a story changes and kept as files under
//! `<data dir>/pages/<edition>/` (`<slug>.nl.html`, `<slug>.en.html`,
//! `<slug>.json`, each also gzipped, `.gz`, for browsers that accept it).
//! A request for such a page reads one file: no database round trip, no
//! rendering and no compressing, whatever the number of stories and however
//! long ago the page was last asked for (docs/PERFORMANCE.md).
//!
//! A file never shows what the database does not allow:
//! - the node that makes a change rewrites or removes the files of the
//!   stories whose pages it changed before it answers, so on that node
//!   (the only node on SQLite) a withdrawn story is gone at once;
//! - every other node does the same when its outbox tailer sees the change
//!   (it polls every 0.3 s; `tests/it/page_files.rs` measures the delay);
//! - `<edition>` is a fingerprint of the build and the taxonomy (the pages
//!   hold no absolute address): after an upgrade or a change to a label no older file is
//!   read. `keep` renders the new edition in the background; until a
//!   story's file is there, its page is rendered per request as before;
//! - a file that is missing, or cut short by a crash, is not served.

use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, header};
use axum::response::{IntoResponse, Response};
use rustix::fs::{Mode, OFlags};
use vooruit_app::App;
use vooruit_app::stories::{ChangedPage, PublishedStory};
use vooruit_domain::lang::Lang;
use vooruit_domain::taxonomy::Taxonomy;

use crate::AppState;
use crate::context::Ctx;
use crate::middleware::{SESSION_COOKIE, cookie, lang_of};

/// Marks an edition in which every published story was rendered.
const COMPLETE: &str = ".complete";
/// Stories rendered per batch when filling an edition.
const BATCH: i64 = 200;

thread_local! {
    /// Per worker thread: the edition it last read from (its key and the
    /// data directory's, see `in_edition`) and a handle on its directory.
    static EDITION_DIR: RefCell<Option<(u64, OwnedFd)>> = const { RefCell::new(None) };
}

/// The rendered copies of this node.
pub struct PageFiles {
    root: PathBuf,
    /// `root`, hashed (see `in_edition`).
    root_key: u64,
    /// The build, hashed (see `edition`).
    build: u64,
    /// One refresh or fill at a time: a refresh reads the database and then
    /// writes, so a later change is always written after an earlier one.
    writing: tokio::sync::Mutex<()>,
    tmp_counter: AtomicU64,
}

impl PageFiles {
    pub fn new(app: &App) -> PageFiles {
        let mut h = std::hash::DefaultHasher::new();
        crate::assets::ASSET_VERSION.hash(&mut h);
        // Templates and texts are compiled in: every build writes its own
        // edition. Size and time of the executable tell builds apart.
        match std::env::current_exe().and_then(std::fs::metadata) {
            Ok(m) => {
                m.len().hash(&mut h);
                m.modified().ok().hash(&mut h);
            }
            Err(_) => rand::random::<u64>().hash(&mut h),
        }
        let root = app.config.data_dir.join("pages");
        let mut root_key = std::hash::DefaultHasher::new();
        root.hash(&mut root_key);
        PageFiles {
            root_key: root_key.finish(),
            root,
            build: h.finish(),
            writing: tokio::sync::Mutex::new(()),
            tmp_counter: AtomicU64::new(0),
        }
    }

    /// Removes every copy: after the index was built anew, changes made
    /// before it may not have reached them.
    pub async fn clear(&self) -> Result<(), vooruit_app::AppError> {
        let _one = self.writing.lock().await;
        let root = self.root.clone();
        blocking(move || match std::fs::remove_dir_all(&root) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        })
        .await
    }

    /// The directory of the pages rendered by this build with this taxonomy.
    fn edition(&self, taxonomy: &Taxonomy) -> PathBuf {
        self.root
            .join(format!("{:016x}", self.edition_key(taxonomy)))
    }

    fn edition_key(&self, taxonomy: &Taxonomy) -> u64 {
        let mut h = std::hash::DefaultHasher::new();
        self.build.hash(&mut h);
        taxonomy.fingerprint().hash(&mut h);
        h.finish()
    }

    /// The stored story page in this language, when there is a whole one.
    fn html(&self, taxonomy: &Taxonomy, slug: &str, lang: Lang, gzip: bool) -> Option<Response> {
        let ext = format!("{}.html", lang.code());
        if gzip {
            return self.gzipped(taxonomy, slug, &ext, "text/html; charset=utf-8");
        }
        let body = self.read(taxonomy, slug, &ext)?;
        body.trim_ascii_end()
            .ends_with(b"</html>")
            .then(|| respond(body, "text/html; charset=utf-8", None))
    }

    /// The stored API answer for a story, when there is a whole one.
    fn json(&self, taxonomy: &Taxonomy, slug: &str, gzip: bool) -> Option<Response> {
        if gzip {
            return self.gzipped(taxonomy, slug, "json", "application/json");
        }
        let body = self.read(taxonomy, slug, "json")?;
        body.ends_with(b"}")
            .then(|| respond(body, "application/json", None))
    }

    /// The gzipped copy, when it is whole: its trailer must give the length
    /// of the plain copy (a copy cut short ends in other bytes).
    fn gzipped(
        &self,
        taxonomy: &Taxonomy,
        slug: &str,
        ext: &str,
        kind: &'static str,
    ) -> Option<Response> {
        let body = self.read(taxonomy, slug, &format!("{ext}.gz"))?;
        let plain = self.in_edition(taxonomy, |dir| {
            rustix::fs::statat(dir, format!("{slug}.{ext}"), rustix::fs::AtFlags::empty())
        })?;
        let size = body.len().checked_sub(4).and_then(|at| body.get(at..))?;
        let size = u32::from_le_bytes(size.try_into().ok()?);
        (body.len() >= 18 && i64::from(size) == plain.st_size % (1 << 32))
            .then(|| respond(body, kind, Some("gzip")))
    }

    fn read(&self, taxonomy: &Taxonomy, slug: &str, ext: &str) -> Option<Vec<u8>> {
        if !is_slug(slug) {
            return None;
        }
        let name = format!("{slug}.{ext}");
        let file = self.in_edition(taxonomy, |dir| {
            rustix::fs::openat(dir, &name, OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty())
        })?;
        // A read from the page cache takes microseconds: cheaper on the
        // request's own thread than a hop to the blocking pool. As many
        // bytes as the file has when opened (a file replaced meanwhile is
        // read as it was; one cut short fails the checks of the callers).
        let mut file = std::fs::File::from(file);
        let mut body = vec![0; usize::try_from(file.metadata().ok()?.len()).ok()?];
        file.read_exact(&mut body).ok()?;
        Some(body)
    }

    /// Runs `f` on this thread's handle on the current edition's
    /// directory: a file opened relative to it costs one name to look up
    /// instead of every directory from `/` (a tenth of a stored page's
    /// CPU). A directory removed and made again (`clear`, an edition that
    /// comes back) is opened again when a name is not found in it.
    fn in_edition<T>(
        &self,
        taxonomy: &Taxonomy,
        f: impl Fn(&OwnedFd) -> rustix::io::Result<T>,
    ) -> Option<T> {
        // Two data directories in one process (tests) each have their own.
        let key = self.edition_key(taxonomy) ^ self.root_key;
        EDITION_DIR.with(|cell| {
            let mut held = cell.borrow_mut();
            for fresh in [false, true] {
                let dir = match &*held {
                    Some((k, dir)) if *k == key && !fresh => dir,
                    _ => {
                        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
                        let dir = rustix::fs::open(self.edition(taxonomy), flags, Mode::empty());
                        &held.insert((key, dir.ok()?)).1
                    }
                };
                match f(dir) {
                    Err(rustix::io::Errno::NOENT) if !fresh => continue,
                    found => return found.ok(),
                }
            }
            None
        })
    }

    /// Renders or removes the copies of these stories, as the database has
    /// them now.
    pub async fn refresh(&self, app: &App, ids: Vec<String>) {
        let _one = self.writing.lock().await;
        let result = async {
            let taxonomy = app.taxonomy().current().await?;
            let pages = app.stories().pages_of(&ids).await?;
            let dir = self.edition(&taxonomy);
            let root = self.root.clone();
            let files = render_all(&taxonomy, pages);
            let tmp = self.tmp_counter.fetch_add(1, Ordering::Relaxed);
            blocking(move || {
                std::fs::create_dir_all(&dir)?;
                let mut failed = None;
                for (slug, rendered) in files {
                    let written = match rendered {
                        Some(r) => r.write(&dir, &slug, tmp),
                        None => remove_everywhere(&root, &slug),
                    };
                    if let Err(e) = written {
                        // A full disk, say: the old copies must not stay in
                        // place of the new ones. Removing needs no space;
                        // the page is rendered per request until `keep`
                        // fills the edition again (no longer complete).
                        remove_everywhere(&root, &slug)?;
                        let _ = std::fs::remove_file(dir.join(COMPLETE));
                        failed = Some(e);
                    }
                }
                failed.map_or(Ok(()), Err)
            })
            .await
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "rendering changed story pages failed; they are rendered per request");
        }
    }

    /// Renders every published story that has no copy in the current
    /// edition yet, then marks it complete and removes older editions.
    /// Returns how many pages it rendered.
    pub async fn fill(&self, app: &App) -> Result<u64, vooruit_app::AppError> {
        let taxonomy = app.taxonomy().current().await?;
        let dir = self.edition(&taxonomy);
        if dir.join(COMPLETE).exists() {
            return Ok(0);
        }
        let mut after = String::new();
        let mut rendered = 0u64;
        loop {
            let _one = self.writing.lock().await;
            let (pages, last) = app.stories().pages_after(&after, BATCH).await?;
            let Some(last) = last else { break };
            after = last;
            let dir_now = dir.clone();
            let missing: Vec<PublishedStory> = pages
                .into_iter()
                .filter(|p| !dir_now.join(format!("{}.json", p.summary.slug)).exists())
                .collect();
            rendered += missing.len() as u64;
            let files = render_all(
                &taxonomy,
                missing
                    .into_iter()
                    .map(|p| ChangedPage {
                        slug: p.summary.slug.clone(),
                        page: Some(p),
                    })
                    .collect(),
            );
            let tmp = self.tmp_counter.fetch_add(1, Ordering::Relaxed);
            blocking(move || {
                std::fs::create_dir_all(&dir_now)?;
                for (slug, r) in files.into_iter() {
                    if let Some(r) = r {
                        r.write(&dir_now, &slug, tmp)?;
                    }
                }
                Ok(())
            })
            .await?;
        }
        let root = self.root.clone();
        blocking(move || {
            std::fs::create_dir_all(&dir)?;
            std::fs::write(dir.join(COMPLETE), b"")?;
            for entry in std::fs::read_dir(&root)? {
                let path = entry?.path();
                if path != dir && path.is_dir() {
                    std::fs::remove_dir_all(&path)?;
                }
            }
            Ok(())
        })
        .await?;
        if rendered > 0 {
            tracing::info!(pages = rendered, "story pages rendered");
        }
        Ok(rendered)
    }

    /// Keeps the current edition complete until the process ends: after an
    /// upgrade or a change to the taxonomy (here or on another node) the
    /// new edition is rendered.
    pub async fn keep(self: Arc<Self>, app: App) {
        loop {
            if let Err(e) = self.fill(&app).await {
                tracing::warn!(error = %e, "rendering story pages failed; retrying");
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    }

    /// The hook `App` calls after pages changed.
    pub fn hook(self: &Arc<Self>) -> vooruit_app::stories::PagesHook {
        let files = Arc::clone(self);
        Arc::new(move |app, ids| {
            let files = Arc::clone(&files);
            Box::pin(async move { files.refresh(&app, ids).await })
        })
    }
}

/// The stored copy of a story page or story API answer for a visitor
/// who is not signed in, before the request context is built: nothing
/// else about such a request depends on who asks.
pub async fn stored(state: &AppState, wanted: Wanted) -> Option<Response> {
    let taxonomy = state.app.taxonomy().current().await.ok()?;
    let found = match wanted {
        Wanted::Page(slug, lang, gzip) => state.pages.html(&taxonomy, &slug, lang, gzip),
        Wanted::Api(slug, gzip) => state.pages.json(&taxonomy, &slug, gzip),
    };
    let mut res = found?;
    if state.web.debug_queries {
        res.headers_mut()
            .insert("x-vooruit-queries", HeaderValue::from(0));
    }
    Some(res)
}

pub enum Wanted {
    /// A story page, in this language, gzipped or not.
    Page(String, Lang, bool),
    /// A story API answer, gzipped or not.
    Api(String, bool),
}

/// What stored copy could answer this request, if any.
pub fn wanted(req: &Request) -> Option<Wanted> {
    if !matches!(*req.method(), Method::GET | Method::HEAD)
        || req.uri().query().is_some()
        || cookie(req.headers(), SESSION_COOKIE).is_some()
    {
        return None;
    }
    let path = req.uri().path();
    let gzip = accepts_gzip(req.headers());
    if let Some(slug) = path.strip_prefix("/verhalen/") {
        is_slug(slug).then(|| Wanted::Page(slug.to_string(), lang_of(req.headers()), gzip))
    } else if let Some(slug) = path.strip_prefix("/api/v1/stories/") {
        is_slug(slug).then(|| Wanted::Api(slug.to_string(), gzip))
    } else {
        None
    }
}

/// A stored copy as a response (the compression layer leaves one that is
/// encoded already as it is).
fn respond(body: Vec<u8>, kind: &'static str, encoding: Option<&'static str>) -> Response {
    let mut res = ([(header::CONTENT_TYPE, kind)], Bytes::from(body)).into_response();
    if let Some(encoding) = encoding {
        let h = res.headers_mut();
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    res
}

/// Whether the client takes gzip (`Accept-Encoding`, without `q=0`).
fn accepts_gzip(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|part| {
            let mut it = part.split(';');
            let name = it.next().unwrap_or("").trim();
            let refused = it.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    == Some(0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

/// A story's three copies.
struct Rendered {
    nl: String,
    en: String,
    json: Vec<u8>,
}

impl Rendered {
    fn write(&self, dir: &Path, slug: &str, tmp: u64) -> std::io::Result<()> {
        // The JSON last: a copy counts as there (`fill`) when it is.
        for (ext, body) in [
            ("nl.html", self.nl.as_bytes()),
            ("en.html", self.en.as_bytes()),
            ("json", &self.json[..]),
        ] {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(body)?;
            put(dir, &format!("{slug}.{ext}.gz"), &gz.finish()?, tmp)?;
            put(dir, &format!("{slug}.{ext}"), body, tmp)?;
        }
        Ok(())
    }
}

/// Writes a file whole, then renames it into place: a reader sees the old
/// file or the new one, never half of one. No fsync: a file lost in a
/// crash is rendered again, and a cut one is not served.
fn put(dir: &Path, name: &str, body: &[u8], tmp: u64) -> std::io::Result<()> {
    let part = dir.join(format!(".{name}.{}.{tmp}", std::process::id()));
    std::fs::write(&part, body)?;
    std::fs::rename(&part, dir.join(name))
}

/// Renders what is published; None for what must go.
fn render_all(
    taxonomy: &Arc<Taxonomy>,
    pages: Vec<ChangedPage>,
) -> Vec<(String, Option<Rendered>)> {
    pages
        .into_iter()
        .filter(|p| is_slug(&p.slug))
        .map(|p| {
            let rendered = p.page.and_then(|story| {
                let page = |lang| {
                    let l = Ctx::anonymous(lang, format!("/verhalen/{}", p.slug), taxonomy.clone());
                    crate::pages::stories::render_show(l, &story)
                };
                Some(Rendered {
                    nl: page(Lang::Nl)?,
                    en: page(Lang::En)?,
                    json: serde_json::to_vec(&story).ok()?,
                })
            });
            (p.slug, rendered)
        })
        .collect()
}

/// Removes a story's copies from every edition (an edition may come back:
/// a label changed and changed back).
fn remove_everywhere(root: &Path, slug: &str) -> std::io::Result<()> {
    let Ok(dirs) = std::fs::read_dir(root) else {
        return Ok(());
    };
    for dir in dirs {
        let dir = dir?.path();
        for ext in [
            "nl.html",
            "en.html",
            "json",
            "nl.html.gz",
            "en.html.gz",
            "json.gz",
        ] {
            match std::fs::remove_file(dir.join(format!("{slug}.{ext}"))) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
    }
    Ok(())
}

async fn blocking(
    f: impl FnOnce() -> std::io::Result<()> + Send + 'static,
) -> Result<(), vooruit_app::AppError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| vooruit_app::AppError::Internal(e.to_string()))?
        .map_err(|e| vooruit_app::AppError::Internal(format!("story page files: {e}")))
}

/// Only what a slug is made of: never a path.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 200
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
