//! Synonyms that editors manage: groups of words and phrases that mean the
//! same (ggz, geestelijke gezondheidszorg). Searches use them at once on
//! the node where the change was made, and within a second on every other
//! node (their indexers watch `synonyms_version`); results cached before
//! a change are not served after it (the index generation goes up). No
//! reindex: they are applied to the search words, not to the stories.

use std::sync::atomic::Ordering;

use vooruit_domain::FieldErrors;
use vooruit_domain::synonym::{self, SynonymGroup};
use vooruit_search::Synonyms;

use crate::accounts::User;
use crate::{App, AppError, AppResult};

crate::service!(
    /// Synonym groups for search: `app.synonyms()`.
    SynonymService,
    synonyms
);

impl SynonymService<'_> {
    /// Every group (editors).
    pub async fn list(&self, editor: &User) -> AppResult<Vec<SynonymGroup>> {
        editor.require_editor()?;
        Ok(self.read().await?.synonyms().all().await?)
    }

    /// One group (editors).
    pub async fn group(&self, editor: &User, id: &str) -> AppResult<SynonymGroup> {
        self.list(editor)
            .await?
            .into_iter()
            .find(|g| g.id == id)
            .ok_or(AppError::NotFound)
    }

    /// Adds a group (editors); returns its id.
    pub async fn add(&self, editor: &User, members: &[String]) -> AppResult<String> {
        editor.require_editor()?;
        let members = tidy(members)?;
        let mut tx = self.begin("synonyms.add").await?;
        check_not_taken(&tx.synonyms().all().await?, None, &members)?;
        let id = vooruit_store::new_id();
        tx.synonyms().insert(&id, &members).await?;
        self.commit(tx).await?;
        self.refresh_synonyms().await?;
        Ok(id)
    }

    /// Replaces a group's members (editors).
    pub async fn change(&self, editor: &User, id: &str, members: &[String]) -> AppResult<()> {
        editor.require_editor()?;
        let members = tidy(members)?;
        let mut tx = self.begin("synonyms.change").await?;
        let groups = tx.synonyms().all().await?;
        if !groups.iter().any(|g| g.id == id) {
            return Err(AppError::NotFound);
        }
        check_not_taken(&groups, Some(id), &members)?;
        tx.synonyms().update(id, &members).await?;
        self.commit(tx).await?;
        self.refresh_synonyms().await
    }

    /// Removes a group (editors).
    pub async fn remove(&self, editor: &User, id: &str) -> AppResult<()> {
        editor.require_editor()?;
        let mut tx = self.begin("synonyms.remove").await?;
        if !tx.synonyms().delete(id).await? {
            return Err(AppError::NotFound);
        }
        self.commit(tx).await?;
        self.refresh_synonyms().await
    }
}

/// The members tidied (spaces, doubles) and checked.
fn tidy(members: &[String]) -> AppResult<Vec<String>> {
    let members = synonym::split_members(&members.join("\n"));
    synonym::validate_members(&members)?;
    Ok(members)
}

/// A word or phrase may be in one group only: in two, a search for it
/// would have to pick one.
fn check_not_taken(
    groups: &[SynonymGroup],
    this: Option<&str>,
    members: &[String],
) -> AppResult<()> {
    let taken = groups
        .iter()
        .filter(|g| Some(g.id.as_str()) != this)
        .flat_map(|g| &g.members)
        .any(|m| members.iter().any(|n| synonym::same(m, n)));
    if taken {
        let mut e = FieldErrors::new();
        e.add("members", "error-synonym-taken");
        return Err(e.into());
    }
    Ok(())
}

impl App {
    /// Puts the synonym groups in this node's index when they changed since
    /// it last read them (on any node). Cheap when nothing changed: one
    /// small query, so the indexer does it on every round.
    pub(crate) async fn refresh_synonyms(&self) -> AppResult<()> {
        let Some(state) = self.index() else {
            return Ok(());
        };
        let mut conn = self.read().await?;
        let version = conn.synonyms().version().await?;
        if state.synonyms_version.load(Ordering::SeqCst) == version {
            return Ok(());
        }
        let groups = conn.synonyms().all().await?;
        drop(conn);
        let synonyms = Synonyms::new(groups.into_iter().map(|g| g.members));
        state.index.set_synonyms(synonyms);
        state.synonyms_version.store(version, Ordering::SeqCst);
        Ok(())
    }
}
