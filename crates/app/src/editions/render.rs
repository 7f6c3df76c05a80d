//! An edition as a mail: an HTML part with inline styles (mail programs
//! ignore style sheets) and a plain-text part with the same content.

use askama::Template;
use vooruit_domain::edition::EditionItem;
use vooruit_domain::lang::Lang;

use super::EditionView;
use super::Editions;
use crate::mail::Mail;
use crate::{AppError, AppResult};

/// One rendered edition for one reader.
pub struct RenderedEdition {
    pub subject: String,
    pub html: String,
    pub text: String,
    pub unsubscribe_url: String,
}

impl RenderedEdition {
    /// The mail with its unsubscribe headers (RFC 2369 and RFC 8058:
    /// mail programs show an "unsubscribe" button that posts to the link).
    pub fn into_mail(self, to: &str) -> Mail {
        Mail {
            to: to.to_string(),
            subject: self.subject,
            text: self.text,
            html: Some(self.html),
            headers: vec![
                (
                    "List-Unsubscribe".into(),
                    format!("<{}>", self.unsubscribe_url),
                ),
                (
                    "List-Unsubscribe-Post".into(),
                    "List-Unsubscribe=One-Click".into(),
                ),
            ],
            ..Default::default()
        }
    }
}

/// An item with its link made absolute for the mail.
pub struct MailItem<'a> {
    pub item: &'a EditionItem,
    pub href: String,
}

#[derive(Template)]
#[template(path = "mail/edition.html")]
struct EditionHtml<'a> {
    lang: Lang,
    subject: &'a str,
    intro_html: &'a str,
    items: &'a [MailItem<'a>],
    web_url: &'a str,
    unsubscribe_url: &'a str,
    site_url: &'a str,
}

impl EditionHtml<'_> {
    fn t(&self, nl: &'static str, en: &'static str) -> &'static str {
        if self.lang == Lang::En { en } else { nl }
    }
}

impl Editions<'_> {
    /// Renders an edition for a reader in `lang` with their own unsubscribe
    /// link.
    pub fn render_edition(
        &self,
        edition: &EditionView,
        lang: Lang,
        unsubscribe_url: &str,
    ) -> AppResult<RenderedEdition> {
        let items: Vec<MailItem> = edition
            .items
            .iter()
            .map(|item| MailItem {
                href: self.absolute(&item.url),
                item,
            })
            .collect();
        let web_url = match &edition.slug {
            Some(slug) => self.config.url(&format!("/nieuwsbrief/archief/{slug}")),
            None => self.config.url("/nieuwsbrief/archief"),
        };
        let html = EditionHtml {
            lang,
            subject: &edition.subject,
            intro_html: &edition.intro_html,
            items: &items,
            web_url: &web_url,
            unsubscribe_url,
            site_url: &self.config.base_url,
        }
        .render()
        .map_err(|e| AppError::Internal(format!("newsletter template: {e}")))?;
        let text = plain_text(edition, &items, lang, &web_url, unsubscribe_url);
        Ok(RenderedEdition {
            subject: edition.subject.clone(),
            html,
            text,
            unsubscribe_url: unsubscribe_url.to_string(),
        })
    }

    fn absolute(&self, url: &str) -> String {
        if url.starts_with('/') {
            self.config.url(url)
        } else {
            url.to_string()
        }
    }
}

fn plain_text(
    edition: &EditionView,
    items: &[MailItem],
    lang: Lang,
    web_url: &str,
    unsubscribe_url: &str,
) -> String {
    let en = lang == Lang::En;
    let mut out = format!("{}\n\n", edition.subject);
    if !edition.intro.trim().is_empty() {
        out.push_str(edition.intro.trim());
        out.push_str("\n\n");
    }
    for m in items {
        out.push_str(&format!("* {}\n", m.item.title));
        if !m.item.text.trim().is_empty() {
            out.push_str(&format!("  {}\n", m.item.text.trim()));
        }
        out.push_str(&format!("  {}\n\n", m.href));
    }
    out.push_str("--\n");
    out.push_str(if en {
        "Read this newsletter online: "
    } else {
        "Lees deze nieuwsbrief online: "
    });
    out.push_str(web_url);
    out.push('\n');
    out.push_str(if en {
        "No longer want this newsletter? Unsubscribe: "
    } else {
        "Wil je deze nieuwsbrief niet meer? Meld je af: "
    });
    out.push_str(unsubscribe_url);
    out.push('\n');
    out
}
