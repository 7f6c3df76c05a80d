//! Sending an edition: the job works through the delivery rows one at a time,
//! paced to the configured rate. Each step is committed before the next mail
//! goes out, so after a crash or restart the job resumes where it stopped:
//! nobody is skipped, and nobody gets a second, different mail. (A mail the
//! SMTP server took in the very moment of a crash goes out once more with
//! the same Message-ID, which mail programs treat as one mail.)

use std::time::Duration;

use vooruit_domain::edition::{DeliveryStatus, EditionStatus};
use vooruit_domain::newsletter::SubscriberStatus;

use super::{EditionView, Editions};

/// Rows fetched per query.
const BATCH: i64 = 200;

impl Editions<'_> {
    /// The send job: mails the recipients fixed when the send started.
    pub(crate) async fn send_job(self, edition_id: &str) -> Result<(), String> {
        let row = self
            .read_conn()
            .await?
            .editions()
            .by_id(edition_id)
            .await
            .map_err(|e| e.to_string())?
            .ok_or_else(|| format!("edition {edition_id} does not exist"))?;
        if row.status == EditionStatus::Verzonden {
            return Ok(());
        }
        let edition = EditionView::from_row(row).map_err(|e| e.to_string())?;
        let host = self.mail_host();
        // 0 means as fast as the SMTP server takes them.
        let rate = self.config.newsletter_per_second;
        let mut pace = (rate > 0).then(|| {
            let mut i = tokio::time::interval(Duration::from_secs_f64(1.0 / f64::from(rate)));
            i.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            i
        });
        let mut smtp = self.mailer.bulk();
        let mut sent_here = 0_u64;
        loop {
            let batch = self
                .read_conn()
                .await?
                .editions()
                .next_deliveries(edition_id, BATCH)
                .await
                .map_err(|e| e.to_string())?;
            if batch.is_empty() {
                break;
            }
            // The outcome of the previous mail, recorded in the same commit
            // that marks the next one as handed over.
            let mut previous: Option<(String, DeliveryStatus, Option<String>)> = None;
            for d in batch {
                if d.subscriber_status != SubscriberStatus::Confirmed {
                    self.delivery_step(edition_id, previous.take(), None)
                        .await?;
                    previous = Some((d.subscriber_id, DeliveryStatus::Overgeslagen, None));
                    continue;
                }
                self.delivery_step(edition_id, previous.take(), Some(&d.subscriber_id))
                    .await?;
                if let Some(p) = pace.as_mut() {
                    p.tick().await;
                }
                let token = crate::tokens::link_token(
                    &self.config.secret,
                    crate::tokens::NEWSLETTER_UNSUBSCRIBE,
                    &d.subscriber_id,
                );
                let unsubscribe = self.config.url(&format!("/nieuwsbrief/afmelden/{token}"));
                let rendered = self
                    .render_edition(&edition, d.lang, &unsubscribe)
                    .map_err(|e| e.to_string())?;
                let mut mail = rendered.into_mail(&d.email);
                mail.message_id = Some(format!("<{edition_id}.{}@{host}>", d.subscriber_id));
                mail.headers.push((
                    "List-Id".into(),
                    format!("Nieuwsbrief Vooruit <nieuwsbrief.{host}>"),
                ));
                match smtp.send(&mail).await {
                    Ok(()) => previous = Some((d.subscriber_id, DeliveryStatus::Verstuurd, None)),
                    Err(e) if e.permanent => {
                        tracing::warn!(edition = edition_id, error = %e, "newsletter refused for one address");
                        previous =
                            Some((d.subscriber_id, DeliveryStatus::Mislukt, Some(e.message)));
                    }
                    // The server is away: stop here; the job is tried again
                    // later and starts with this subscriber.
                    Err(e) => return Err(e.message),
                }
                sent_here += 1;
                if sent_here.is_multiple_of(1000) {
                    tracing::info!(edition = edition_id, sent = sent_here, "newsletter sending");
                }
            }
            self.delivery_step(edition_id, previous.take(), None)
                .await?;
        }
        smtp.close().await;
        let mut tx = self
            .begin("editions.finish_sending")
            .await
            .map_err(|e| e.to_string())?;
        tx.editions()
            .finish_sending(edition_id)
            .await
            .map_err(|e| e.to_string())?;
        self.commit(tx).await.map_err(|e| e.to_string())?;
        tracing::info!(edition = edition_id, sent = sent_here, "newsletter sent");
        Ok(())
    }

    async fn delivery_step(
        &self,
        edition_id: &str,
        previous: Option<(String, DeliveryStatus, Option<String>)>,
        next: Option<&str>,
    ) -> Result<(), String> {
        if previous.is_none() && next.is_none() {
            return Ok(());
        }
        let step = async {
            let mut tx = self.begin("editions.delivery_step").await?;
            tx.editions()
                .delivery_step(
                    edition_id,
                    previous
                        .as_ref()
                        .map(|(id, status, error)| (id.as_str(), *status, error.as_deref())),
                    next,
                )
                .await?;
            self.commit(tx).await
        };
        step.await.map_err(|e| e.to_string())
    }

    async fn read_conn(&self) -> Result<vooruit_store::Conn, String> {
        self.read().await.map_err(|e| e.to_string())
    }

    /// The domain of the site, for Message-IDs and List-Id.
    fn mail_host(&self) -> String {
        url::Url::parse(&self.config.base_url)
            .ok()
            .and_then(|u| u.host_str().map(String::from))
            .unwrap_or_else(|| "vooruit.local".into())
    }
}
