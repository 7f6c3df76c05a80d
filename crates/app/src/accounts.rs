//! Accounts: register with e-mail verification, log in and out, reset a
//! password, and create users from the command line.

use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use serde::Serialize;
use vooruit_domain::FieldErrors;
use vooruit_domain::account::{Role, TokenPurpose, check_password};
use vooruit_domain::lang::Lang;
use vooruit_domain::validation::is_plausible_email;
use vooruit_store::accounts::{NewUser, UserRow};

use crate::mail::{self, Mail, texts};
use crate::page::{PAGE_SIZE, Page, offset};
use crate::tokens::{hash_token, new_token};
use crate::{AppError, AppResult};

pub const SESSION_DAYS: i64 = 14;
const HOUR_MS: i64 = 3600 * 1000;

/// Failed logins allowed per account and per IP address in 15 minutes.
pub const LOGIN_LIMIT_ACCOUNT: i64 = 5;
pub const LOGIN_LIMIT_IP: i64 = 30;
/// Password reset requests allowed per account and per IP address in an hour.
pub const RESET_LIMIT_ACCOUNT: i64 = 3;
pub const RESET_LIMIT_IP: i64 = 10;

/// A signed-in person.
#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
}

impl User {
    pub fn can_edit_stories(&self) -> bool {
        self.role.can_edit_stories()
    }

    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }

    /// Editors and administrators only.
    pub fn require_editor(&self) -> AppResult<()> {
        if self.can_edit_stories() {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Administrators only.
    pub fn require_admin(&self) -> AppResult<()> {
        if self.is_admin() {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}

impl From<UserRow> for User {
    fn from(r: UserRow) -> User {
        User {
            id: r.id,
            email: r.email,
            name: r.name,
            role: r.role,
        }
    }
}

/// An account as administrators see it in the list.
#[derive(Debug, Clone, Serialize)]
pub struct Account {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub verified: bool,
    pub created_at: i64,
}

/// A new session: the cookie value and the user it belongs to.
pub struct Session {
    pub token: String,
    pub user: User,
    pub max_age_secs: i64,
}

/// Argon2id runs on the blocking pool: it takes tens of milliseconds on
/// purpose and must not stall the async threads.
pub async fn hash_password(password: &str) -> AppResult<String> {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::Internal(format!("hash: {e}")))
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
}

pub(crate) async fn verify_password(hash: String, password: &str) -> bool {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|h| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &h)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// A hash to verify against when the account does not exist, so a failed
/// login takes as long for an unknown address as for a wrong password.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Vx3mhZ2dr9ZFfQ4m7wS6eBUXfUVwZl4ntn+f0lqZt3Y";

pub(crate) fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Opens a session for `user` in the caller's transaction.
pub(crate) async fn open_session(tx: &mut vooruit_store::Conn, user: User) -> AppResult<Session> {
    let token = new_token();
    let max_age_secs = SESSION_DAYS * 24 * 3600;
    let expires = tx.now() + max_age_secs * 1000;
    tx.accounts()
        .create_session(&hash_token(&token), &user.id, expires)
        .await?;
    Ok(Session {
        token,
        user,
        max_age_secs,
    })
}

/// Checks a new account's name and password (errors for `name` and
/// `password`).
pub(crate) fn check_new_account(name: &str, password: &str) -> AppResult<()> {
    let mut e = FieldErrors::new();
    e.text("name", name.trim(), true, 120);
    check_password(&mut e, "password", password);
    e.into_result()?;
    Ok(())
}

crate::service!(
    /// Accounts: sign-up, login, password reset, roles: `app.accounts()`.
    Accounts,
    accounts
);

impl Accounts<'_> {
    /// Registers a member. The answer is the same whether or not the address
    /// already has an account (that person gets a mail instead), so the form
    /// cannot be used to find out who is a member.
    pub async fn register(
        &self,
        name: &str,
        email: &str,
        password: &str,
        lang: Lang,
        ip: &str,
    ) -> AppResult<()> {
        let email = normalise_email(email);
        let name = name.trim();
        let mut e = FieldErrors::new();
        e.text("name", name, true, 120);
        if !is_plausible_email(&email) {
            e.add("email", "error-email");
        }
        check_password(&mut e, "password", password);
        e.into_result()?;

        // Per IP address and per e-mail address: every attempt counts, for
        // an address with an account as for one without, so being limited
        // says nothing about which addresses have an account.
        let limits = [
            (
                format!("register:ip:{ip}"),
                self.config.registrations_per_hour,
            ),
            (
                format!("register:address:{email}"),
                self.config.registrations_per_address,
            ),
        ];
        {
            let mut tx = self.begin("accounts.register_limit").await?;
            for (bucket, limit) in &limits {
                if *limit > 0 && tx.throttle().count(bucket, HOUR_MS).await? >= *limit {
                    return Err(AppError::field("email", "error-register-limit"));
                }
            }
            for (bucket, _) in &limits {
                tx.throttle().hit(bucket).await?;
            }
            self.commit(tx).await?;
        }
        // Hashing takes a while on purpose: not inside the transaction, and
        // on both paths, so an address with an account answers as slowly as
        // one without.
        let hash = hash_password(password).await?;
        let mut tx = self.begin("accounts.register").await?;
        // At most one "you already have an account" mail an hour to one
        // address: registering it ten times must not flood its inbox.
        let mail_bucket = format!("register:known:{email}");
        if tx.accounts().user_by_email(&email).await?.is_some() {
            let may_mail = tx.throttle().count(&mail_bucket, HOUR_MS).await? == 0;
            if may_mail {
                let (subject, text) =
                    texts::already_registered(lang, &self.config.url("/wachtwoord-vergeten"));
                mail::queue(&mut tx, Mail::text(&email, subject, text)).await?;
                tx.throttle().hit(&mail_bucket).await?;
            }
            return self.commit(tx).await;
        }
        let created = tx
            .accounts()
            .create_user(NewUser {
                email: &email,
                name,
                password_hash: &hash,
                role: Role::Member,
                verified: false,
            })
            .await;
        let user_id = match created {
            Ok(id) => id,
            // Registered at the same moment by another request: same answer.
            Err(e) if e.is_unique_violation() => return Ok(()),
            Err(e) => return Err(e.into()),
        };
        let token = new_token();
        let expires = tx.now() + 48 * HOUR_MS;
        tx.accounts()
            .create_account_token(&hash_token(&token), TokenPurpose::Verify, &user_id, expires)
            .await?;
        let link = self.config.url(&format!("/account/bevestigen/{token}"));
        let (subject, text) = texts::verify_email(lang, name, &link);
        mail::queue(&mut tx, Mail::text(&email, subject, text)).await?;
        self.commit(tx).await
    }

    /// Confirms an address from the link in the verification mail.
    pub async fn verify_email(&self, token: &str) -> AppResult<()> {
        let mut tx = self.begin("accounts.verify_email").await?;
        let Some(user_id) = tx
            .accounts()
            .use_account_token(&hash_token(token), TokenPurpose::Verify)
            .await?
        else {
            return Err(AppError::Conflict("error-link-expired"));
        };
        tx.accounts().mark_email_verified(&user_id).await?;
        self.commit(tx).await
    }

    async fn throttled(&self, bucket: &str, window_ms: i64, limit: i64) -> AppResult<()> {
        if self
            .read()
            .await?
            .throttle()
            .count(bucket, window_ms)
            .await?
            >= limit
        {
            return Err(AppError::TooManyRequests);
        }
        Ok(())
    }

    /// Checks e-mail and password and opens a session. Failed attempts are
    /// counted per account and per IP address; past the limit the answer is
    /// 429 until the window has passed, even with the right password.
    pub async fn login(&self, email: &str, password: &str, ip: &str) -> AppResult<Session> {
        let email = normalise_email(email);
        let account_bucket = format!("login:account:{email}");
        let ip_bucket = format!("login:ip:{ip}");
        let window = HOUR_MS / 4;
        self.throttled(&account_bucket, window, LOGIN_LIMIT_ACCOUNT)
            .await?;
        self.throttled(&ip_bucket, window, LOGIN_LIMIT_IP).await?;

        let row = self.read().await?.accounts().user_by_email(&email).await?;
        let hash = row
            .as_ref()
            .map(|r| r.password_hash.clone())
            .unwrap_or_else(|| DUMMY_HASH.to_string());
        let ok = verify_password(hash, password).await && row.is_some();
        let mut tx = self.begin("accounts.login").await?;
        let Some(row) = row.filter(|_| ok) else {
            tx.throttle().hit(&account_bucket).await?;
            tx.throttle().hit(&ip_bucket).await?;
            self.commit(tx).await?;
            return Err(AppError::field("password", "error-login-failed"));
        };
        if row.email_verified_at.is_none() {
            return Err(AppError::field("email", "error-email-not-verified"));
        }
        tx.throttle().clear(&account_bucket).await?;
        let session = open_session(&mut tx, User::from(row)).await?;
        self.commit(tx).await?;
        Ok(session)
    }

    /// A new verified member account, in the caller's transaction, and a
    /// session for it: for someone who proved their address another way
    /// (the link of an invitation mailed to it). Errors are for `name`,
    /// `password`, or `email` when the address has an account already.
    pub(crate) async fn register_verified(
        &self,
        tx: &mut vooruit_store::Conn,
        name: &str,
        email: &str,
        password_hash: &str,
    ) -> AppResult<Session> {
        let email = normalise_email(email);
        if tx.accounts().user_by_email(&email).await?.is_some() {
            return Err(AppError::field("email", "error-account-exists"));
        }
        let id = tx
            .accounts()
            .create_user(NewUser {
                email: &email,
                name: name.trim(),
                password_hash,
                role: Role::Member,
                verified: true,
            })
            .await?;
        let row = tx
            .accounts()
            .user_by_id(&id)
            .await?
            .ok_or(AppError::NotFound)?;
        open_session(tx, User::from(row)).await
    }

    pub async fn logout(&self, session_token: &str) -> AppResult<()> {
        Ok(self
            .read()
            .await?
            .accounts()
            .delete_session(&hash_token(session_token))
            .await?)
    }

    /// The user behind a session cookie, if the session is still valid.
    pub async fn session_user(&self, session_token: &str) -> AppResult<Option<User>> {
        let row = self
            .read()
            .await?
            .accounts()
            .session_user(&hash_token(session_token))
            .await?;
        Ok(row.map(User::from))
    }

    /// Sends a reset link when the address has an account. The answer never
    /// tells whether it has; requests are limited per address and per IP.
    pub async fn request_password_reset(&self, email: &str, ip: &str, lang: Lang) -> AppResult<()> {
        let email = normalise_email(email);
        if !is_plausible_email(&email) {
            return Err(AppError::field("email", "error-email"));
        }
        let account_bucket = format!("reset:account:{email}");
        let ip_bucket = format!("reset:ip:{ip}");
        self.throttled(&account_bucket, HOUR_MS, RESET_LIMIT_ACCOUNT)
            .await?;
        self.throttled(&ip_bucket, HOUR_MS, RESET_LIMIT_IP).await?;
        let mut tx = self.begin("accounts.request_password_reset").await?;
        tx.throttle().hit(&account_bucket).await?;
        tx.throttle().hit(&ip_bucket).await?;
        if let Some(user) = tx.accounts().user_by_email(&email).await? {
            let token = new_token();
            let expires = tx.now() + HOUR_MS;
            tx.accounts()
                .create_account_token(&hash_token(&token), TokenPurpose::Reset, &user.id, expires)
                .await?;
            let link = self.config.url(&format!("/wachtwoord-herstellen/{token}"));
            let (subject, text) = texts::password_reset(lang, &link);
            mail::queue(&mut tx, Mail::text(&email, subject, text)).await?;
        }
        self.commit(tx).await
    }

    pub async fn reset_token_valid(&self, token: &str) -> AppResult<bool> {
        Ok(self
            .read()
            .await?
            .accounts()
            .account_token_valid(&hash_token(token), TokenPurpose::Reset)
            .await?)
    }

    /// Sets a new password from a reset link and ends every open session of
    /// the account. Following the link also proves the address, so an
    /// unverified account becomes verified.
    pub async fn reset_password(&self, token: &str, password: &str) -> AppResult<()> {
        let mut e = FieldErrors::new();
        check_password(&mut e, "password", password);
        e.into_result()?;
        let hash = hash_password(password).await?;
        let mut tx = self.begin("accounts.reset_password").await?;
        let Some(user_id) = tx
            .accounts()
            .use_account_token(&hash_token(token), TokenPurpose::Reset)
            .await?
        else {
            return Err(AppError::Conflict("error-link-expired"));
        };
        tx.accounts().set_password_hash(&user_id, &hash).await?;
        tx.accounts().mark_email_verified(&user_id).await?;
        tx.accounts().delete_user_sessions(&user_id).await?;
        self.commit(tx).await
    }

    /// All accounts, for administrators.
    pub async fn list(&self, admin: &User, page: i64) -> AppResult<Page<Account>> {
        admin.require_admin()?;
        let per_page = PAGE_SIZE * 2;
        let (page, offset) = offset(page, per_page);
        let (rows, total) = self
            .read()
            .await?
            .accounts()
            .users(per_page, offset)
            .await?;
        let items = rows
            .into_iter()
            .map(|r| Account {
                role: r.role,
                verified: r.email_verified_at.is_some(),
                id: r.id,
                email: r.email,
                name: r.name,
                created_at: r.created_at,
            })
            .collect();
        Ok(Page::new(items, total, page, per_page))
    }

    /// Gives an account another role. Administrators cannot change their own
    /// role, so there is always someone left who can.
    pub async fn set_role(&self, admin: &User, user_id: &str, role: &str) -> AppResult<()> {
        admin.require_admin()?;
        let role =
            Role::parse(role).ok_or_else(|| AppError::field("role", "error-unknown-choice"))?;
        if admin.id == user_id {
            return Err(AppError::Conflict("error-own-role"));
        }
        let mut tx = self.begin("accounts.set_role").await?;
        if tx.accounts().user_by_id(user_id).await?.is_none() {
            return Err(AppError::NotFound);
        }
        tx.accounts().set_user_role(user_id, role).await?;
        // New rights take effect at once; old sessions must not keep old ones.
        tx.accounts().delete_user_sessions(user_id).await?;
        self.commit(tx).await
    }

    /// Creates a verified user with a role (the CLI's `user add`). When the
    /// address exists, its role and password are updated instead, so the
    /// command can also promote or repair an account. True when it was new.
    pub async fn add_user(
        &self,
        email: &str,
        name: &str,
        role: Role,
        password: &str,
    ) -> AppResult<bool> {
        let email = normalise_email(email);
        let mut e = FieldErrors::new();
        e.text("name", name, true, 120);
        if !is_plausible_email(&email) {
            e.add("email", "error-email");
        }
        check_password(&mut e, "password", password);
        e.into_result()?;
        let hash = hash_password(password).await?;
        let mut tx = self.begin("accounts.add_user").await?;
        let created = match tx.accounts().user_by_email(&email).await? {
            Some(existing) => {
                tx.accounts().set_password_hash(&existing.id, &hash).await?;
                tx.accounts().set_user_role(&existing.id, role).await?;
                tx.accounts().mark_email_verified(&existing.id).await?;
                false
            }
            None => {
                tx.accounts()
                    .create_user(NewUser {
                        email: &email,
                        name: name.trim(),
                        password_hash: &hash,
                        role,
                        verified: true,
                    })
                    .await?;
                true
            }
        };
        self.commit(tx).await?;
        Ok(created)
    }
}
