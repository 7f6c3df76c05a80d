//! The AVG (GDPR) rights of a member. Access: everything stored about
//! them, table by table (`store::personal_data`), as JSON and as a page.
//! Erasure: a member deletes their account, or an administrator does it on
//! their request; one transaction removes or anonymises every row that
//! names them.

pub use vooruit_store::personal_data::TableData;

use vooruit_domain::account::Role;
use vooruit_domain::lang::Lang;
use vooruit_domain::story::StoryStatus;
use vooruit_store::Conn;
use vooruit_store::accounts::UserRow;

use crate::accounts::{User, normalise_email, verify_password};
use crate::events::registrations::cancel_and_move_up;
use crate::mail::{self, Mail, texts};
use crate::{App, AppError, AppResult};

/// What happens to the published stories of a deleted account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeepStories {
    /// They stay on the site, without name, organisation or account.
    Anonymous,
    /// They are taken off the site and deleted.
    Withdrawn,
}

impl KeepStories {
    /// The form's value: `anoniem` or `intrekken`.
    pub fn parse(value: &str) -> AppResult<KeepStories> {
        match value {
            "anoniem" => Ok(KeepStories::Anonymous),
            "intrekken" => Ok(KeepStories::Withdrawn),
            _ => Err(AppError::field("stories", "error-choose-stories")),
        }
    }
}

impl App {
    /// What is stored about the signed-in member: their account and every
    /// row that names them by id or by e-mail address.
    pub async fn personal_data(&self, user: &User) -> AppResult<Vec<TableData>> {
        let mut conn = self.read().await?;
        Ok(conn.personal_data(&user.id, &user.email).await?)
    }

    /// A member deletes their own account. Their password confirms that
    /// it is them and not someone at an unlocked computer (their address,
    /// for an account that only logs in through its organisation).
    pub async fn delete_own_account(
        &self,
        user: &User,
        password: &str,
        stories: &str,
        lang: Lang,
    ) -> AppResult<()> {
        let keep = KeepStories::parse(stories)?;
        let row = self.account_row(&user.id).await?;
        // An account made by single sign-on has no password: typing its
        // address confirms instead.
        let confirmed = if row.password_hash == crate::sso::NO_PASSWORD {
            normalise_email(password) == row.email
        } else {
            verify_password(row.password_hash.clone(), password).await
        };
        if !confirmed {
            return Err(AppError::field("password", "error-password-wrong"));
        }
        self.delete_account(row, keep, lang).await
    }

    /// An administrator deletes someone's account on their request (by
    /// mail, by phone). Typing the account's address confirms which one.
    pub async fn delete_account_for(
        &self,
        admin: &User,
        user_id: &str,
        confirm_email: &str,
        stories: &str,
        lang: Lang,
    ) -> AppResult<()> {
        admin.require_admin()?;
        if admin.id == user_id {
            return Err(AppError::Conflict("error-delete-own-via-admin"));
        }
        let row = self.account_row(user_id).await?;
        let keep = KeepStories::parse(stories)?;
        if normalise_email(confirm_email) != row.email {
            return Err(AppError::field("confirm", "error-confirm-email"));
        }
        self.delete_account(row, keep, lang).await
    }

    /// Whether this account logs in with a password (not only through its
    /// organisation): what the delete form asks to confirm.
    pub async fn has_password(&self, user: &User) -> AppResult<bool> {
        Ok(self.account_row(&user.id).await?.password_hash != crate::sso::NO_PASSWORD)
    }

    /// The account as an administrator sees it before deleting it.
    pub async fn account_to_delete(&self, admin: &User, user_id: &str) -> AppResult<User> {
        admin.require_admin()?;
        let row = self.account_row(user_id).await?;
        Ok(User::from(row))
    }

    async fn account_row(&self, user_id: &str) -> AppResult<UserRow> {
        self.read()
            .await?
            .accounts()
            .user_by_id(user_id)
            .await?
            .ok_or(AppError::NotFound)
    }

    async fn delete_account(&self, row: UserRow, keep: KeepStories, lang: Lang) -> AppResult<()> {
        let mut tx = self.begin("privacy.delete_account").await?;
        // Someone must be left who can run the site.
        if row.role == Role::Admin && tx.accounts().count_with_role(Role::Admin).await? <= 1 {
            return Err(AppError::Conflict("error-last-admin"));
        }
        forget_stories(&mut tx, &row, keep).await?;
        for (registration, event_id) in tx.events().upcoming_of(&row.email).await? {
            let title = match tx.events().by_id(&event_id).await? {
                Some(event) => event.title,
                None => continue,
            };
            cancel_and_move_up(self, &mut tx, &registration, &title).await?;
        }
        tx.events().forget_registrant(&row.email).await?;
        tx.erase_person(&row.id, &row.email).await?;
        let (subject, text) = texts::account_deleted(lang, keep == KeepStories::Anonymous);
        mail::queue(&mut tx, Mail::text(&row.email, subject, text)).await?;
        self.commit(tx).await
    }
}

/// Published and archived stories stay without a name or are deleted, as
/// the member chose; anything not published (a draft, one in review or
/// rejected) is deleted: without its teller nobody can finish it.
async fn forget_stories(tx: &mut Conn, row: &UserRow, keep: KeepStories) -> AppResult<()> {
    for story in tx.stories().of_person(&row.id, &row.email).await? {
        let was_public = matches!(
            story.status,
            StoryStatus::Gepubliceerd | StoryStatus::Gearchiveerd
        );
        if was_public && keep == KeepStories::Anonymous {
            tx.stories().anonymise(&story.id).await?;
        } else {
            tx.stories().delete(&story.id).await?;
        }
    }
    Ok(())
}
