//! Outgoing mail. Use cases never send directly: they queue a job
//! (`App::queue_mail`), and the worker delivers it over SMTP, or, when no SMTP
//! server is configured, writes it as an `.eml` file to `data/outbox/` so the
//! whole flow works on one machine.

use std::path::PathBuf;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};

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
    fn build(message: String) -> SendError {
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
            },
            None => Mailer::Outbox {
                dir: config.data_dir.join("outbox"),
                from,
            },
        })
    }

    pub(crate) async fn send(&self, mail: &Mail) -> Result<(), SendError> {
        let from = match self {
            Mailer::Smtp { from, .. } | Mailer::Outbox { from, .. } => from.clone(),
        };
        let message = build_message(from, mail)?;
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
fn build_message(from: Mailbox, mail: &Mail) -> Result<Message, SendError> {
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
async fn write_eml(dir: &std::path::Path, bytes: &[u8]) -> Result<(), String> {
    tokio::fs::create_dir_all(dir)
        .await
        .map_err(|e| format!("outbox dir: {e}"))?;
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

impl App {
    /// Queues a mail; it is sent off the request path and survives a restart.
    pub async fn queue_mail(&self, mail: Mail) -> AppResult<()> {
        let payload =
            serde_json::to_string(&mail).map_err(|e| AppError::Internal(e.to_string()))?;
        self.db
            .enqueue_job(crate::jobs::KIND_MAIL, &payload)
            .await?;
        self.wakeup(crate::jobs::KIND_MAIL).notify_one();
        Ok(())
    }

    pub(crate) async fn deliver(&self, mail: &Mail) -> Result<(), String> {
        self.mailer.send(mail).await.map_err(|e| e.message)
    }
}

/// The texts of the mails, in the language the person used on the site.
pub(crate) mod texts {
    fn pick(lang: &str, nl: String, en: String) -> String {
        if lang == "en" { en } else { nl }
    }

    const SIGN_NL: &str = "\n\nMet vriendelijke groet,\nDe redactie van Vooruit";
    const SIGN_EN: &str = "\n\nKind regards,\nThe Vooruit editors";

    pub fn story_received(lang: &str, title: &str, link: &str) -> (String, String) {
        (
            pick(
                lang,
                "We hebben je verhaal ontvangen".into(),
                "We received your story".into(),
            ),
            pick(
                lang,
                format!(
                    "Hallo,\n\nBedankt voor het delen van je verhaal \"{title}\".\n\nEen redacteur leest het en neemt contact met je op als er vragen zijn. Je verhaal wordt pas gepubliceerd als de redactie het heeft bekeken.\n\nVia deze persoonlijke link volg je je verhaal en beantwoord je vragen van de redactie:\n{link}\n\nDeel deze link niet met anderen.{SIGN_NL}"
                ),
                format!(
                    "Hello,\n\nThank you for sharing your story \"{title}\".\n\nAn editor will read it and contact you if there are questions. Your story is only published after the editors have looked at it.\n\nWith this personal link you can follow your story and answer the editors' questions:\n{link}\n\nDo not share this link with others.{SIGN_EN}"
                ),
            ),
        )
    }

    pub fn question(lang: &str, title: &str, question: &str, link: &str) -> (String, String) {
        (
            pick(
                lang,
                "De redactie heeft een vraag over je verhaal".into(),
                "The editors have a question about your story".into(),
            ),
            pick(
                lang,
                format!(
                    "Hallo,\n\nDe redactie heeft een vraag over je verhaal \"{title}\":\n\n{question}\n\nJe kunt antwoorden via je persoonlijke link:\n{link}{SIGN_NL}"
                ),
                format!(
                    "Hello,\n\nThe editors have a question about your story \"{title}\":\n\n{question}\n\nYou can answer with your personal link:\n{link}{SIGN_EN}"
                ),
            ),
        )
    }

    pub fn published(lang: &str, title: &str, link: &str) -> (String, String) {
        (
            pick(
                lang,
                "Je verhaal staat online".into(),
                "Your story is online".into(),
            ),
            pick(
                lang,
                format!(
                    "Hallo,\n\nJe verhaal \"{title}\" is gepubliceerd. Bedankt dat je het deelt: zo kunnen anderen ervan leren.\n\nBekijk het hier:\n{link}{SIGN_NL}"
                ),
                format!(
                    "Hello,\n\nYour story \"{title}\" has been published. Thank you for sharing it: now others can learn from it.\n\nSee it here:\n{link}{SIGN_EN}"
                ),
            ),
        )
    }

    pub fn rejected(lang: &str, title: &str, reason: &str, link: &str) -> (String, String) {
        (
            pick(lang, "Over je verhaal".into(), "About your story".into()),
            pick(
                lang,
                format!(
                    "Hallo,\n\nBedankt voor je verhaal \"{title}\". De redactie heeft besloten het niet te publiceren. De reden:\n\n{reason}\n\nMeer zien of reageren kan via je persoonlijke link:\n{link}{SIGN_NL}"
                ),
                format!(
                    "Hello,\n\nThank you for your story \"{title}\". The editors decided not to publish it. The reason:\n\n{reason}\n\nYou can see more or respond with your personal link:\n{link}{SIGN_EN}"
                ),
            ),
        )
    }

    pub fn verify_email(lang: &str, name: &str, link: &str) -> (String, String) {
        (
            pick(
                lang,
                "Bevestig je e-mailadres".into(),
                "Confirm your e-mail address".into(),
            ),
            pick(
                lang,
                format!(
                    "Hallo {name},\n\nBevestig je e-mailadres om je account bij Vooruit te gebruiken. Klik op deze link (48 uur geldig):\n{link}\n\nHeb je geen account aangemaakt? Dan kun je deze mail negeren.{SIGN_NL}"
                ),
                format!(
                    "Hello {name},\n\nPlease confirm your e-mail address to use your Vooruit account. Click this link (valid for 48 hours):\n{link}\n\nDid you not create an account? Then you can ignore this mail.{SIGN_EN}"
                ),
            ),
        )
    }

    pub fn already_registered(lang: &str, link: &str) -> (String, String) {
        (
            pick(
                lang,
                "Je hebt al een account".into(),
                "You already have an account".into(),
            ),
            pick(
                lang,
                format!(
                    "Hallo,\n\nIemand probeerde een account aan te maken met dit e-mailadres, maar je hebt al een account. Wachtwoord vergeten? Kies een nieuw wachtwoord via:\n{link}\n\nWas jij dit niet? Dan hoef je niets te doen.{SIGN_NL}"
                ),
                format!(
                    "Hello,\n\nSomeone tried to create an account with this e-mail address, but you already have one. Forgot your password? Choose a new one here:\n{link}\n\nWas this not you? Then you do not need to do anything.{SIGN_EN}"
                ),
            ),
        )
    }

    pub fn registered(
        lang: &str,
        title: &str,
        status: vooruit_domain::event::RegistrationStatus,
        cancel: &str,
    ) -> (String, String) {
        let waiting = status == vooruit_domain::event::RegistrationStatus::Wachtlijst;
        (
            pick(
                lang,
                if waiting {
                    format!("Je staat op de wachtlijst: {title}")
                } else {
                    format!("Je bent aangemeld: {title}")
                },
                if waiting {
                    format!("You are on the waiting list: {title}")
                } else {
                    format!("You are registered: {title}")
                },
            ),
            pick(
                lang,
                if waiting {
                    format!(
                        "Hallo,\n\n\"{title}\" is vol. Je staat op de wachtlijst. Komt er een plek vrij, dan krijg je die automatisch en sturen we je een e-mail.\n\nAfmelden kan via:\n{cancel}{SIGN_NL}"
                    )
                } else {
                    format!(
                        "Hallo,\n\nJe bent aangemeld voor \"{title}\". In de bijlage vind je de afspraak voor je agenda.\n\nKun je toch niet? Meld je dan af, zodat iemand anders je plek krijgt:\n{cancel}{SIGN_NL}"
                    )
                },
                if waiting {
                    format!(
                        "Hello,\n\n\"{title}\" is full. You are on the waiting list. If a place comes free, you get it automatically and we send you an e-mail.\n\nTo cancel:\n{cancel}{SIGN_EN}"
                    )
                } else {
                    format!(
                        "Hello,\n\nYou are registered for \"{title}\". The attachment has the appointment for your calendar.\n\nCan you not come after all? Please cancel, so someone else gets your place:\n{cancel}{SIGN_EN}"
                    )
                },
            ),
        )
    }

    pub fn event_cancelled(lang: &str, title: &str) -> (String, String) {
        (
            pick(
                lang,
                format!("Gaat niet door: {title}"),
                format!("Cancelled: {title}"),
            ),
            pick(
                lang,
                format!(
                    "Hallo,\n\nHelaas gaat \"{title}\" niet door. Je aanmelding vervalt; je hoeft niets te doen. Staat de afspraak in je agenda, dan kun je die verwijderen.{SIGN_NL}"
                ),
                format!(
                    "Hello,\n\nUnfortunately \"{title}\" is cancelled. Your registration ends; you do not need to do anything. If the appointment is in your calendar, you can remove it.{SIGN_EN}"
                ),
            ),
        )
    }

    pub fn moved_up(lang: &str, title: &str, cancel: &str) -> (String, String) {
        (
            pick(
                lang,
                format!("Er is een plek voor je: {title}"),
                format!("There is a place for you: {title}"),
            ),
            pick(
                lang,
                format!(
                    "Hallo,\n\nEr kwam een plek vrij bij \"{title}\". Die plek is nu van jou: je bent aangemeld.\n\nKun je toch niet? Meld je dan af:\n{cancel}{SIGN_NL}"
                ),
                format!(
                    "Hello,\n\nA place came free for \"{title}\". That place is now yours: you are registered.\n\nCan you not come after all? Please cancel:\n{cancel}{SIGN_EN}"
                ),
            ),
        )
    }

    pub fn newsletter_confirm(lang: &str, link: &str) -> (String, String) {
        (
            pick(
                lang,
                "Bevestig je aanmelding voor de nieuwsbrief".into(),
                "Confirm your newsletter subscription".into(),
            ),
            pick(
                lang,
                format!(
                    "Hallo,\n\nWil je de nieuwsbrief van Vooruit ontvangen? Bevestig dat via deze link (48 uur geldig):\n{link}\n\nHeb je je niet aangemeld? Dan hoef je niets te doen. Je krijgt dan geen nieuwsbrief.{SIGN_NL}"
                ),
                format!(
                    "Hello,\n\nDo you want to receive the Vooruit newsletter? Confirm with this link (valid for 48 hours):\n{link}\n\nDid you not sign up? Then you do not need to do anything. You will not get the newsletter.{SIGN_EN}"
                ),
            ),
        )
    }

    pub fn password_reset(lang: &str, link: &str) -> (String, String) {
        (
            pick(
                lang,
                "Nieuw wachtwoord kiezen".into(),
                "Choose a new password".into(),
            ),
            pick(
                lang,
                format!(
                    "Hallo,\n\nJe hebt gevraagd om een nieuw wachtwoord. Kies het via deze link (1 uur geldig):\n{link}\n\nHeb je dit niet gevraagd? Dan kun je deze mail negeren; je wachtwoord blijft hetzelfde.{SIGN_NL}"
                ),
                format!(
                    "Hello,\n\nYou asked for a new password. Choose it with this link (valid for 1 hour):\n{link}\n\nDid you not ask for this? Then you can ignore this mail; your password stays the same.{SIGN_EN}"
                ),
            ),
        )
    }
}
