//! How long personal data is kept (issue 21, the AVG): what housekeeping
//! removes, and when. The privacy page and the README state the same
//! periods.

use crate::{App, AppResult};

const DAY_MS: i64 = 24 * 3600 * 1000;

/// A teller's contact address, after the story was published, archived or
/// rejected: time enough for a correction or a question afterwards.
pub const CONTACT_DAYS: i64 = 180;
/// Who registered for an event, after it ended: time enough for a
/// certificate of attendance or a follow-up mail.
pub const REGISTRATION_DAYS: i64 = 90;
/// A newsletter sign-up that was never confirmed (the link is valid 48
/// hours too).
pub const UNCONFIRMED_HOURS: i64 = 48;
/// A newsletter subscriber who unsubscribed: time enough to answer "did
/// my unsubscribe work?".
pub const UNSUBSCRIBED_DAYS: i64 = 30;
/// An invitation to an organisation or a learning group (it holds the
/// address it was sent to), after it was accepted or expired: time enough
/// to answer "did you invite me?".
pub const INVITATION_DAYS: i64 = 30;

/// How many records one pass changed.
#[derive(Debug, Default)]
pub struct Forgotten {
    pub contacts: u64,
    pub registrants: u64,
    pub sign_ups: u64,
    pub unsubscribed: u64,
    pub invitations: u64,
}

impl App {
    /// Removes what is kept longer than the periods above. Run by the
    /// housekeeping (at start and every ten minutes).
    pub async fn apply_retention(&self) -> AppResult<Forgotten> {
        let mut conn = self.read().await?;
        let now = conn.now();
        let invitations_before = now - INVITATION_DAYS * DAY_MS;
        Ok(Forgotten {
            contacts: conn
                .stories()
                .forget_contacts(now - CONTACT_DAYS * DAY_MS)
                .await?,
            registrants: conn
                .events()
                .forget_registrants(now - REGISTRATION_DAYS * DAY_MS)
                .await?,
            sign_ups: conn
                .newsletter()
                .drop_unconfirmed(now - UNCONFIRMED_HOURS * 3600 * 1000)
                .await?,
            unsubscribed: conn
                .newsletter()
                .forget_unsubscribed(now - UNSUBSCRIBED_DAYS * DAY_MS)
                .await?,
            invitations: conn
                .organisations()
                .forget_invitations(invitations_before)
                .await?
                + conn.groups().forget_invitations(invitations_before).await?,
        })
    }
}
