//! Single sign-on: an organisation logs its staff in with its own OpenID
//! Connect provider (authorization code flow with PKCE). Checked on the way
//! back: the state (once, within ten minutes, and from the same browser),
//! the ID token's signature (the provider's published keys), issuer,
//! audience, expiry and nonce, and a verified e-mail address within the
//! organisation's own domains, so one organisation's provider can never
//! log in someone of another. An account is found by its link to the
//! provider, else by its verified address, else made; it becomes a member
//! of the organisation with the organisation's default role.

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use vooruit_domain::FieldErrors;
use vooruit_domain::account::Role;
use vooruit_domain::organisation::OrgRole;
use vooruit_store::Conn;
use vooruit_store::accounts::NewUser;
use vooruit_store::organisations::OrganisationRow;
use vooruit_store::sso::SsoRow;

use crate::accounts::{Session, User, normalise_email, open_session};
use crate::tokens::{hash_token, new_token};
use crate::{AppError, AppResult};

crate::service!(
    /// Single sign-on: `app.sso()`.
    Sso,
    sso
);

/// How long a login may take at the provider.
const LOGIN_MS: i64 = 10 * 60 * 1000;
/// What `Secret::seal` is told the client secret is for.
const SEAL: &str = "sso-client-secret";
/// Clock difference allowed between us and the provider.
const LEEWAY_SECS: u64 = 60;
/// Kept as the password hash of an account made by single sign-on: not a
/// hash, so no password matches it (a new password can be set by mail).
pub const NO_PASSWORD: &str = "sso";

/// An organisation's provider, for the administrators' form (the client
/// secret is never shown again).
#[derive(Debug, Clone, Default)]
pub struct SsoSettings {
    pub issuer: String,
    pub client_id: String,
    pub has_secret: bool,
    pub default_role: String,
    pub enabled: bool,
}

/// What an administrator fills in. An empty secret keeps the stored one.
#[derive(Debug, Clone, Default)]
pub struct SsoInput {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    pub default_role: String,
    pub enabled: bool,
}

/// A login sent to the provider: where the browser goes, and the state
/// the browser keeps in a cookie until it comes back.
pub struct Started {
    pub url: String,
    pub state: String,
}

/// What the provider publishes at `/.well-known/openid-configuration`.
#[derive(Debug, Deserialize)]
struct Discovery {
    issuer: String,
    authorization_endpoint: String,
    token_endpoint: String,
    jwks_uri: String,
}

#[derive(Debug, Deserialize)]
struct TokenAnswer {
    id_token: String,
}

#[derive(Debug, Deserialize)]
struct IdClaims {
    sub: String,
    #[serde(default)]
    nonce: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    email_verified: Option<serde_json::Value>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    azp: Option<String>,
    aud: serde_json::Value,
}

impl Sso<'_> {
    /// The provider of an organisation, for its administrators' form.
    pub async fn settings(&self, admin: &User, slug: &str) -> AppResult<SsoSettings> {
        admin.require_admin()?;
        let mut conn = self.read().await?;
        let org = organisation(&mut conn, slug).await?;
        Ok(match conn.sso().of(&org.id).await? {
            Some(row) => SsoSettings {
                issuer: row.issuer,
                client_id: row.client_id,
                has_secret: !row.client_secret_sealed.is_empty(),
                default_role: row.default_role.as_str().into(),
                enabled: row.enabled == 1,
            },
            None => SsoSettings {
                default_role: OrgRole::Lid.as_str().into(),
                ..SsoSettings::default()
            },
        })
    }

    /// Sets an organisation's provider, after checking that it answers
    /// with a configuration for the issuer given.
    pub async fn configure(&self, admin: &User, slug: &str, input: &SsoInput) -> AppResult<()> {
        admin.require_admin()?;
        let org = organisation(&mut self.read().await?, slug).await?;
        let stored = self.read().await?.sso().of(&org.id).await?;
        let issuer = input.issuer.trim().trim_end_matches('/').to_string();
        let mut e = FieldErrors::new();
        if !issuer_allowed(&issuer) {
            e.add("issuer", "error-sso-issuer");
        }
        e.text("client_id", input.client_id.trim(), true, 200);
        if input.client_secret.is_empty() && stored.is_none() {
            e.add("client_secret", "error-required");
        }
        let role = OrgRole::parse(&input.default_role);
        if role.is_none() {
            e.add("default_role", "error-unknown-choice");
        }
        e.into_result()?;
        if discover(&issuer).await.is_err() {
            return Err(AppError::field("issuer", "error-sso-discovery"));
        }
        let sealed = if input.client_secret.is_empty() {
            stored.map(|s| s.client_secret_sealed).unwrap_or_default()
        } else {
            self.config.secret.seal(SEAL, &input.client_secret)
        };
        let mut tx = self.begin("sso.configure").await?;
        tx.sso()
            .save(
                &org.id,
                &issuer,
                input.client_id.trim(),
                &sealed,
                role.unwrap_or(OrgRole::Lid),
                input.enabled,
            )
            .await?;
        self.commit(tx).await
    }

    /// Starts a login for the organisation that holds the address's
    /// domain, when it has single sign-on.
    pub async fn start_for_email(&self, email: &str, back: &str) -> AppResult<Started> {
        let email = normalise_email(email);
        let domain = email.rsplit_once('@').map(|(_, d)| d).unwrap_or_default();
        let org = self
            .read()
            .await?
            .organisations()
            .by_domain(domain)
            .await?
            .ok_or_else(|| AppError::field("sso_email", "error-sso-none"))?;
        self.start(org, Some(&email), back)
            .await
            .map_err(|e| match e {
                AppError::NotFound => AppError::field("sso_email", "error-sso-none"),
                other => other,
            })
    }

    /// Starts a login with this organisation's provider (a link an
    /// organisation can put on its intranet); `email`, when given, is
    /// passed on so the provider can fill it in.
    pub async fn start_for_organisation(
        &self,
        slug: &str,
        email: Option<&str>,
        back: &str,
    ) -> AppResult<Started> {
        let org = organisation(&mut self.read().await?, slug).await?;
        let email = email.map(normalise_email).filter(|e| !e.is_empty());
        self.start(org, email.as_deref(), back).await
    }

    async fn start(
        &self,
        org: OrganisationRow,
        login_hint: Option<&str>,
        back: &str,
    ) -> AppResult<Started> {
        let sso = enabled(&mut self.read().await?, &org.id).await?;
        let provider = discover(&sso.issuer).await.map_err(|e| {
            tracing::warn!(issuer = %sso.issuer, error = %e, "single sign-on: provider unreachable");
            AppError::BadRequest("error-sso-unreachable")
        })?;
        let (state, nonce, verifier) = (new_token(), new_token(), new_token());
        let mut tx = self.begin("sso.start").await?;
        tx.sso()
            .start_login(&hash_token(&state), &org.id, &nonce, &verifier, back)
            .await?;
        self.commit(tx).await?;
        let mut url = url::Url::parse(&provider.authorization_endpoint)
            .map_err(|_| AppError::BadRequest("error-sso-unreachable"))?;
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &sso.client_id)
            .append_pair("redirect_uri", &self.redirect_uri())
            .append_pair("scope", "openid email profile")
            .append_pair("state", &state)
            .append_pair("nonce", &nonce)
            .append_pair("code_challenge", &challenge(&verifier))
            .append_pair("code_challenge_method", "S256");
        if let Some(hint) = login_hint {
            url.query_pairs_mut().append_pair("login_hint", hint);
        }
        Ok(Started {
            url: url.into(),
            state,
        })
    }

    /// Where the provider sends the browser back to.
    pub fn redirect_uri(&self) -> String {
        self.config.url("/inloggen/sso/terug")
    }

    /// The browser is back from the provider with a code. `cookie_state`
    /// is the state this browser was given when it left. Returns the new
    /// session and where to go.
    pub async fn finish(
        &self,
        code: &str,
        state: &str,
        cookie_state: Option<&str>,
    ) -> AppResult<(Session, String)> {
        // The state is taken (and so used up) before anything else.
        let mut tx = self.begin("sso.take_state").await?;
        let login = tx.sso().take_login(&hash_token(state)).await?;
        self.commit(tx).await?;
        let login = login.ok_or(AppError::BadRequest("error-sso-state"))?;
        if cookie_state != Some(state) {
            return Err(AppError::BadRequest("error-sso-state"));
        }
        if self.db.clock().now_ms() - login.created_at > LOGIN_MS {
            return Err(AppError::BadRequest("error-sso-expired"));
        }
        let sso = enabled(&mut self.read().await?, &login.organisation_id).await?;
        let secret = self
            .config
            .secret
            .open(SEAL, &sso.client_secret_sealed)
            .ok_or_else(|| AppError::Internal("single sign-on: client secret unreadable".into()))?;
        let claims = self
            .id_token(&sso, &secret, code, &login.verifier)
            .await
            .map_err(|e| {
                tracing::warn!(issuer = %sso.issuer, error = %e, "single sign-on: login refused");
                AppError::BadRequest("error-sso-token")
            })?;
        if claims.nonce.as_deref() != Some(login.nonce.as_str()) {
            tracing::warn!(issuer = %sso.issuer, "single sign-on: nonce differs");
            return Err(AppError::BadRequest("error-sso-token"));
        }
        let session = self.sign_in(&sso, &claims).await?;
        Ok((session, login.back))
    }

    /// The code exchanged for an ID token, checked.
    async fn id_token(
        &self,
        sso: &SsoRow,
        secret: &str,
        code: &str,
        verifier: &str,
    ) -> Result<IdClaims, String> {
        let provider = discover(&sso.issuer).await?;
        let form = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("grant_type", "authorization_code")
            .append_pair("code", code)
            .append_pair("redirect_uri", &self.redirect_uri())
            .append_pair("code_verifier", verifier)
            .finish();
        let answer = client()?
            .post(&provider.token_endpoint)
            .basic_auth(
                url::form_urlencoded::byte_serialize(sso.client_id.as_bytes()).collect::<String>(),
                Some(url::form_urlencoded::byte_serialize(secret.as_bytes()).collect::<String>()),
            )
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(form)
            .send()
            .await
            .map_err(|e| format!("token endpoint: {e}"))?;
        let status = answer.status();
        let body = answer.bytes().await.map_err(|e| e.to_string())?;
        if !status.is_success() {
            return Err(format!(
                "token endpoint answered {status}: {}",
                String::from_utf8_lossy(&body[..body.len().min(300)])
            ));
        }
        let token: TokenAnswer =
            serde_json::from_slice(&body).map_err(|e| format!("token answer: {e}"))?;
        let keys: JwkSet = get_json(&provider.jwks_uri).await?;
        verify(&token.id_token, &keys, &sso.issuer, &sso.client_id)
    }

    /// The account for these claims, made or linked, with a session.
    async fn sign_in(&self, sso: &SsoRow, claims: &IdClaims) -> AppResult<Session> {
        let verified = matches!(&claims.email_verified, Some(serde_json::Value::Bool(true)))
            || matches!(&claims.email_verified, Some(serde_json::Value::String(s)) if s == "true");
        let email = normalise_email(claims.email.as_deref().unwrap_or_default());
        if !verified || email.is_empty() {
            return Err(AppError::BadRequest("error-sso-unverified"));
        }
        let mut tx = self.begin("sso.sign_in").await?;
        let domain = email.rsplit_once('@').map(|(_, d)| d).unwrap_or_default();
        let owner = tx.organisations().domain_owner(domain).await?;
        if owner.as_deref() != Some(sso.organisation_id.as_str()) {
            tracing::warn!(issuer = %sso.issuer, "single sign-on: address outside the organisation's domains");
            return Err(AppError::BadRequest("error-sso-domain"));
        }
        let user_id = match tx.sso().identity(&sso.issuer, &claims.sub).await? {
            Some(id) => id,
            None => match tx.accounts().user_by_email(&email).await? {
                Some(existing) => {
                    // Linked by the verified address the provider vouches for.
                    tx.accounts().mark_email_verified(&existing.id).await?;
                    existing.id
                }
                None => {
                    let name = claims
                        .name
                        .as_deref()
                        .map(str::trim)
                        .filter(|n| !n.is_empty())
                        .unwrap_or(&email);
                    tx.accounts()
                        .create_user(NewUser {
                            email: &email,
                            name: &name.chars().take(120).collect::<String>(),
                            password_hash: NO_PASSWORD,
                            role: Role::Member,
                            verified: true,
                        })
                        .await?
                }
            },
        };
        tx.sso()
            .link(&sso.issuer, &claims.sub, &user_id, &sso.organisation_id)
            .await?;
        if tx
            .organisations()
            .role_of(&sso.organisation_id, &user_id)
            .await?
            .is_none()
        {
            tx.organisations()
                .set_member(&sso.organisation_id, &user_id, sso.default_role)
                .await?;
        }
        let row = tx
            .accounts()
            .user_by_id(&user_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let session = open_session(&mut tx, User::from(row)).await?;
        self.commit(tx).await?;
        Ok(session)
    }
}

async fn organisation(conn: &mut Conn, slug: &str) -> AppResult<OrganisationRow> {
    conn.organisations()
        .by_slug(slug)
        .await?
        .ok_or(AppError::NotFound)
}

async fn enabled(conn: &mut Conn, organisation_id: &str) -> AppResult<SsoRow> {
    conn.sso()
        .of(organisation_id)
        .await?
        .filter(|s| s.enabled == 1)
        .ok_or(AppError::NotFound)
}

/// https, or http on this machine (a provider in a test or on the
/// server itself).
fn issuer_allowed(issuer: &str) -> bool {
    let Ok(url) = url::Url::parse(issuer) else {
        return false;
    };
    let loopback = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
    url.scheme() == "https" || (url.scheme() == "http" && loopback)
}

/// The PKCE challenge of a verifier (S256).
fn challenge(verifier: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

fn client() -> Result<reqwest_s3::Client, String> {
    crate::storage::init_tls();
    reqwest_s3::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .map_err(|e| e.to_string())
}

async fn get_json<T: serde::de::DeserializeOwned>(url: &str) -> Result<T, String> {
    let answer = client()?
        .get(url)
        .header("accept", "application/json")
        .send()
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    if !answer.status().is_success() {
        return Err(format!("{url} answered {}", answer.status()));
    }
    let body = answer.bytes().await.map_err(|e| e.to_string())?;
    serde_json::from_slice(&body).map_err(|e| format!("{url}: {e}"))
}

/// The provider's configuration; its issuer must be the one configured.
async fn discover(issuer: &str) -> Result<Discovery, String> {
    let found: Discovery = get_json(&format!("{issuer}/.well-known/openid-configuration")).await?;
    if found.issuer.trim_end_matches('/') != issuer {
        return Err(format!("the provider says its issuer is {}", found.issuer));
    }
    Ok(found)
}

/// An ID token's signature (by a key the provider publishes, with an
/// asymmetric algorithm: never `none` or a shared secret), issuer,
/// audience and expiry.
fn verify(token: &str, keys: &JwkSet, issuer: &str, client_id: &str) -> Result<IdClaims, String> {
    let header = jsonwebtoken::decode_header(token).map_err(|e| format!("header: {e}"))?;
    let allowed = [
        Algorithm::RS256,
        Algorithm::RS384,
        Algorithm::RS512,
        Algorithm::PS256,
        Algorithm::ES256,
        Algorithm::ES384,
    ];
    if !allowed.contains(&header.alg) {
        return Err(format!("algorithm {:?} refused", header.alg));
    }
    let jwk = match &header.kid {
        Some(kid) => keys.find(kid),
        None if keys.keys.len() == 1 => keys.keys.first(),
        None => None,
    }
    .ok_or("no published key for this token")?;
    let key = DecodingKey::from_jwk(jwk).map_err(|e| format!("key: {e}"))?;
    let mut validation = Validation::new(header.alg);
    validation.set_issuer(&[issuer]);
    validation.set_audience(&[client_id]);
    validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
    validation.leeway = LEEWAY_SECS;
    let data = jsonwebtoken::decode::<IdClaims>(token, &key, &validation)
        .map_err(|e| format!("ID token: {e}"))?;
    let claims = data.claims;
    // With more than one audience the token must name us as its party.
    if claims.aud.as_array().is_some_and(|a| a.len() > 1)
        && claims.azp.as_deref() != Some(client_id)
    {
        return Err("ID token for several audiences without us as azp".into());
    }
    Ok(claims)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_or_this_machine_may_be_an_issuer() {
        assert!(issuer_allowed("https://login.gemeente.nl"));
        assert!(issuer_allowed("http://127.0.0.1:4000"));
        assert!(!issuer_allowed("http://login.gemeente.nl"));
        assert!(!issuer_allowed("ftp://x"));
        assert!(!issuer_allowed("niet een adres"));
    }

    #[test]
    fn the_pkce_challenge_is_s256() {
        // RFC 7636, appendix B.
        assert_eq!(
            challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }
}
