//! Outgoing mail. Use cases never send directly: they queue a job in their
//! own transaction (`mail::queue`), and the worker delivers it over SMTP, or, when no SMTP
//! server is configured, writes it as an `.eml` file to `data/outbox/` so the
//! whole flow works on one machine.

use std::path::PathBuf;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};

use vooruit_store::Conn;

use crate::{App, AppError, AppResult, Config};

/// One mail as it sits in the jobs queue.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    /// An HTML version beside the text (newsletters).
    #[serde(default)]
    pub html: Option<String>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// Extra headers, such as `List-Unsubscribe`.
    #[serde(default)]
    pub headers: Vec<(String, String)>,
    /// A fixed Message-ID, so a mail sent again after a crash is the same
    /// mail to the receiving side.
    #[serde(default)]
    pub message_id: Option<String>,
}

impl Mail {
    /// A plain-text mail.
    pub fn text(to: &str, subject: String, text: String) -> Mail {
        Mail {
            to: to.to_string(),
            subject,
            text,
            ..Default::default()
        }
    }
}

/// Why a mail did not go out. Permanent: the server refused this mail (a
/// bad address); trying again will not help.
#[derive(Debug)]
pub struct SendError {
    pub permanent: bool,
    pub message: String,
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl SendError {
    pub(crate) fn build(message: String) -> SendError {
        SendError {
            permanent: true,
            message,
        }
    }
}

/// A file sent along, such as an `.ics` for the calendar.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Attachment {
    pub filename: String,
    pub content_type: String,
    pub body: String,
}

pub(crate) enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
        /// For the newsletter's own connection (see `bulk`).
        url: String,
    },
    Outbox {
        dir: PathBuf,
        from: Mailbox,
    },
}

impl Mailer {
    pub(crate) fn new(config: &Config) -> AppResult<Mailer> {
        let from: Mailbox = config
            .mail_from
            .parse()
            .map_err(|e| AppError::Internal(format!("mail from address: {e}")))?;
        Ok(match &config.smtp_url {
            Some(url) => Mailer::Smtp {
                transport: AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| AppError::Internal(format!("smtp url: {e}")))?
                    .build(),
                from,
                url: url.clone(),
            },
            None => Mailer::Outbox {
                dir: config.data_dir.join("outbox"),
                from,
            },
        })
    }

    pub(crate) fn from(&self) -> Mailbox {
        match self {
            Mailer::Smtp { from, .. } | Mailer::Outbox { from, .. } => from.clone(),
        }
    }

    pub(crate) async fn send(&self, mail: &Mail) -> Result<(), SendError> {
        let message = build_message(self.from(), mail)?;
        match self {
            Mailer::Smtp { transport, .. } => {
                transport.send(message).await.map_err(|e| SendError {
                    permanent: e.is_permanent(),
                    message: format!("smtp: {e}"),
                })?;
            }
            Mailer::Outbox { dir, .. } => {
                write_eml(dir, &message.formatted())
                    .await
                    .map_err(|message| SendError {
                        permanent: false,
                        message,
                    })?
            }
        }
        Ok(())
    }
}

/// Text only; text and HTML as alternatives; and attachments around either.
pub(crate) fn build_message(from: Mailbox, mail: &Mail) -> Result<Message, SendError> {
    let to: Mailbox = mail
        .to
        .parse()
        .map_err(|e| SendError::build(format!("to address: {e}")))?;
    let mut builder = Message::builder()
        .from(from)
        .to(to)
        .subject(&mail.subject)
        .message_id(mail.message_id.clone());
    for (name, value) in &mail.headers {
        let name = HeaderName::new_from_ascii(name.clone())
            .map_err(|e| SendError::build(format!("header name: {e}")))?;
        builder = builder.raw_header(HeaderValue::new(name, value.clone()));
    }
    let text = SinglePart::plain(mail.text.clone());
    let built = match (&mail.html, mail.attachments.is_empty()) {
        (None, true) => builder
            .header(ContentType::TEXT_PLAIN)
            .body(mail.text.clone()),
        (Some(html), true) => builder.multipart(MultiPart::alternative_plain_html(
            mail.text.clone(),
            html.clone(),
        )),
        (html, false) => {
            let mut parts = match html {
                Some(html) => MultiPart::mixed().multipart(MultiPart::alternative_plain_html(
                    mail.text.clone(),
                    html.clone(),
                )),
                None => MultiPart::mixed().singlepart(text),
            };
            for a in &mail.attachments {
                let content_type = ContentType::parse(&a.content_type)
                    .map_err(|e| SendError::build(format!("attachment type: {e}")))?;
                parts = parts.singlepart(
                    lettre::message::Attachment::new(a.filename.clone())
                        .body(a.body.clone(), content_type),
                );
            }
            builder.multipart(parts)
        }
    };
    built.map_err(|e| SendError::build(format!("build mail: {e}")))
}

/// Writes the mail to a temporary name, syncs it, then renames it, so a
/// reader of the outbox never sees half a mail.
pub(crate) async fn write_eml(dir: &std::path::Path, bytes: &[u8]) -> Result<(), String> {
    tokio::fs::create_dir_all(dir)
        .await
        .map_err(|e| format!("outbox dir: {e}"))?;
    // The file name sorts the outbox by when the mail was written on this
    // machine: wall time on purpose, not the (movable) clock of the use cases.
    let name = format!(
        "{}-{}.eml",
        chrono::Utc::now().format("%Y%m%dT%H%M%S%.3f"),
        vooruit_store::new_id()
    );
    let tmp = dir.join(format!(".{name}.tmp"));
    let mut file = tokio::fs::File::create(&tmp)
        .await
        .map_err(|e| format!("outbox file: {e}"))?;
    tokio::io::AsyncWriteExt::write_all(&mut file, bytes)
        .await
        .map_err(|e| format!("outbox write: {e}"))?;
    file.sync_all()
        .await
        .map_err(|e| format!("outbox sync: {e}"))?;
    tokio::fs::rename(&tmp, dir.join(name))
        .await
        .map_err(|e| format!("outbox rename: {e}"))?;
    Ok(())
}

/// The kind of job that delivers one mail.
pub const KIND: &str = "mail";

/// The kind of job that delivers a mail whose address and link are
/// forgotten as soon as it is sent (a respondent's one-time link).
pub const PRIVATE_KIND: &str = "mail-private";

pub(crate) const JOBS: &[crate::jobs::JobKind] = &[
    crate::jobs::JobKind {
        name: KIND,
        run: |app, payload| Box::pin(app.deliver(payload)),
        forget_payload: false,
    },
    crate::jobs::JobKind {
        name: PRIVATE_KIND,
        run: |app, payload| Box::pin(app.deliver(payload)),
        forget_payload: true,
    },
];

/// Queues a mail in the use case's transaction: it is sent (off the request
/// path, surviving a restart) only if the use case commits.
pub(crate) async fn queue(tx: &mut Conn, mail: Mail) -> AppResult<()> {
    let payload = serde_json::to_string(&mail).map_err(|e| AppError::Internal(e.to_string()))?;
    tx.jobs().enqueue(KIND, &payload).await?;
    Ok(())
}

/// Like `queue`, but the queue keeps nothing of the mail once it is sent.
pub(crate) async fn queue_private(tx: &mut Conn, mail: Mail) -> AppResult<()> {
    let payload = serde_json::to_string(&mail).map_err(|e| AppError::Internal(e.to_string()))?;
    tx.jobs().enqueue(PRIVATE_KIND, &payload).await?;
    Ok(())
}

impl App {
    async fn deliver(&self, payload: &str) -> Result<(), String> {
        let mail: Mail = serde_json::from_str(payload).map_err(|e| format!("mail payload: {e}"))?;
        self.mailer.send(&mail).await.map_err(|e| e.message)
    }
}

mod bulk;
/// The texts of the mails, in the language the person used on the site.
pub(crate) mod texts;
