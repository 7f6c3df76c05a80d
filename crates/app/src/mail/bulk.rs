//! The newsletter's own SMTP connection. lettre writes a message and its
//! closing dot in two writes; with Nagle's algorithm on, the second waits for
//! the server's delayed ACK, about 40 ms per mail, which caps a send at some
//! 25 mails a second. This sender opens its connection with TCP_NODELAY and
//! keeps it for the whole send. `smtps://` (TLS from the first byte) and the
//! outbox folder go through the normal mailer.

use std::time::{Duration, Instant};

use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;

use super::{Mail, Mailer, SendError, build_message};

/// A connection idle this long is opened again rather than trusted.
const MAX_IDLE: Duration = Duration::from_secs(10);

#[derive(Clone, Copy, PartialEq)]
enum StartTls {
    No,
    IfOffered,
    Required,
}

struct Direct {
    host: String,
    port: u16,
    starttls: StartTls,
    credentials: Option<Credentials>,
}

impl Direct {
    /// Reads an `smtp://` URL the way lettre does; None for anything else.
    fn from_url(url: &str) -> Option<Direct> {
        let u = url::Url::parse(url).ok()?;
        if u.scheme() != "smtp" {
            return None;
        }
        let tls = u
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.to_string());
        let starttls = match tls.as_deref() {
            None => StartTls::No,
            Some("opportunistic") => StartTls::IfOffered,
            Some("required") => StartTls::Required,
            Some(_) => return None,
        };
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8_lossy()
                .into_owned()
        };
        Some(Direct {
            host: u.host_str()?.to_string(),
            port: u
                .port()
                .unwrap_or(if starttls == StartTls::No { 25 } else { 587 }),
            starttls,
            credentials: u
                .password()
                .map(|p| Credentials::new(decode(u.username()), decode(p))),
        })
    }

    async fn connect(&self) -> Result<AsyncSmtpConnection, SendError> {
        let transient = |message: String| SendError {
            permanent: false,
            message,
        };
        let tcp = tokio::time::timeout(
            Duration::from_secs(30),
            tokio::net::TcpStream::connect((self.host.as_str(), self.port)),
        )
        .await
        .map_err(|_| transient("smtp: connect timed out".into()))?
        .map_err(|e| transient(format!("smtp: connect: {e}")))?;
        tcp.set_nodelay(true)
            .map_err(|e| transient(format!("smtp: nodelay: {e}")))?;
        let hello = ClientId::default();
        let mut conn = AsyncSmtpConnection::connect_with_transport(Box::new(tcp), &hello)
            .await
            .map_err(|e| transient(format!("smtp: greeting: {e}")))?;
        let offered = conn.can_starttls();
        if self.starttls == StartTls::Required || (self.starttls == StartTls::IfOffered && offered)
        {
            let params = TlsParameters::new(self.host.clone())
                .map_err(|e| transient(format!("smtp: tls: {e}")))?;
            conn.starttls(params, &hello)
                .await
                .map_err(|e| transient(format!("smtp: starttls: {e}")))?;
        }
        if let Some(credentials) = &self.credentials {
            conn.auth(&[Mechanism::Plain, Mechanism::Login], credentials)
                .await
                .map_err(|e| transient(format!("smtp: login: {e}")))?;
        }
        Ok(conn)
    }
}

/// Sends many mails one after another over one connection.
pub(crate) struct BulkSender<'a> {
    mailer: &'a Mailer,
    direct: Option<Direct>,
    conn: Option<(AsyncSmtpConnection, Instant)>,
}

impl Mailer {
    pub(crate) fn bulk(&self) -> BulkSender<'_> {
        let direct = match self {
            Mailer::Smtp { url, .. } => Direct::from_url(url),
            Mailer::Outbox { .. } => None,
        };
        BulkSender {
            mailer: self,
            direct,
            conn: None,
        }
    }
}

impl BulkSender<'_> {
    pub(crate) async fn send(&mut self, mail: &Mail) -> Result<(), SendError> {
        let Some(direct) = &self.direct else {
            return self.mailer.send(mail).await;
        };
        let message = build_message(self.mailer.from(), mail)?;
        let conn = match self.conn.take() {
            Some((conn, last)) if last.elapsed() < MAX_IDLE => conn,
            old => {
                if let Some((mut conn, _)) = old {
                    conn.abort().await;
                }
                direct.connect().await?
            }
        };
        let mut conn = conn;
        match conn.send(message.envelope(), &message.formatted()).await {
            Ok(_) => {
                self.conn = Some((conn, Instant::now()));
                Ok(())
            }
            // The connection may be mid-transaction now: start afresh.
            Err(e) => {
                conn.abort().await;
                Err(SendError {
                    permanent: e.is_permanent(),
                    message: format!("smtp: {e}"),
                })
            }
        }
    }

    /// Says goodbye to the server at the end of a send.
    pub(crate) async fn close(mut self) {
        if let Some((mut conn, _)) = self.conn.take() {
            let _ = conn.quit().await;
        }
    }
}
