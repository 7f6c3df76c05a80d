//! The fixed pages: about and the accessibility statement. Their text lives
//! in the translation files; the page lists which blocks to show. (The
//! privacy statement is the processing register, `privacy_register.rs`.)

use askama::Template;
use askama_web::WebTemplate;

use crate::context::Ctx;
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/over", about)
        .get("/toegankelijkheid", accessibility)
}

#[derive(Template, WebTemplate)]
#[template(path = "site/page.html")]
struct PageTemplate {
    l: Ctx,
    title_key: &'static str,
    blocks: Vec<(&'static str, &'static str)>,
}

async fn about(l: Ctx) -> PageTemplate {
    PageTemplate {
        l,
        title_key: "about-title",
        blocks: vec![
            ("lead", "about-lead"),
            ("p", "about-p1"),
            ("h2", "about-h-what"),
            ("p", "about-p2"),
            ("p", "about-p3"),
            ("h2", "about-h-safe"),
            ("p", "about-p4"),
            ("h2", "about-h-open"),
            ("p", "about-p5"),
        ],
    }
}

async fn accessibility(l: Ctx) -> PageTemplate {
    PageTemplate {
        l,
        title_key: "a11y-title",
        blocks: vec![
            ("lead", "a11y-lead"),
            ("h2", "a11y-h-status"),
            ("p", "a11y-p1"),
            ("h2", "a11y-h-how"),
            ("p", "a11y-p2"),
            ("p", "a11y-p3"),
            ("p", "a11y-p3b"),
            ("h2", "a11y-h-known"),
            ("p", "a11y-p4"),
            ("p", "a11y-p4b"),
            ("h2", "a11y-h-contact"),
            ("p", "a11y-p5"),
        ],
    }
}
