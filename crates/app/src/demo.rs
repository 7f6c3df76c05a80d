//! Demo content for `vooruit serve --demo`: stories written for Vooruit (see
//! `demo/stories.json`) and an editor account to try the redactie with.

use serde::Deserialize;
use vooruit_domain::account::Role;
use vooruit_domain::slug::slugify;
use vooruit_domain::story::{StoryContent, StoryStatus, Teller};
use vooruit_store::now_ms;
use vooruit_store::stories::NewStory;

use crate::{App, AppError, AppResult};

pub const DEMO_EDITOR_EMAIL: &str = "redactie@vooruit.test";
pub const DEMO_EDITOR_PASSWORD: &str = "vooruit-demo-redactie";

#[derive(Deserialize)]
struct DemoStory {
    #[serde(flatten)]
    content: StoryContent,
    teller_name: String,
    teller_org: String,
    show_name: bool,
    show_org: bool,
    days_ago: i64,
}

const STORIES: &str = include_str!("../demo/stories.json");

impl App {
    /// Fills an empty database with the demo stories and the demo editor.
    /// Does nothing when there are stories already, so it is safe on every start.
    pub async fn load_demo(&self) -> AppResult<bool> {
        if self.db.count_stories().await? > 0 {
            return Ok(false);
        }
        let stories: Vec<DemoStory> = serde_json::from_str(STORIES)
            .map_err(|e| AppError::Internal(format!("demo stories: {e}")))?;
        let now = now_ms();
        for s in stories {
            let mut content = s.content;
            content.normalise();
            let teller = Teller {
                name: s.teller_name,
                organisation: s.teller_org,
                show_name: s.show_name,
                show_organisation: s.show_org,
                contact_email: String::new(),
            };
            self.db
                .insert_story(NewStory {
                    slug: &slugify(&content.title),
                    status: StoryStatus::Gepubliceerd,
                    content: &content,
                    teller: &teller,
                    no_client_info: true,
                    lang: "nl",
                    author_id: None,
                    status_token: None,
                    published_at: Some(now - s.days_ago * 24 * 3600 * 1000),
                })
                .await?;
        }
        self.add_user(
            DEMO_EDITOR_EMAIL,
            "Demo-redacteur",
            Role::Editor,
            DEMO_EDITOR_PASSWORD,
        )
        .await?;
        Ok(true)
    }
}
