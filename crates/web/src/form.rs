//! Reading HTML forms. Forms are read as plain key/value pairs, so repeated
//! fields (checkboxes, several lessons) work and no input can make a handler
//! fail before it can answer with a message next to the field.

use axum::extract::{FromRequest, Request};
use vooruit_domain::story::{StoryContent, Submission, Teller};

#[derive(Debug, Default, Clone)]
pub struct FormData(pub Vec<(String, String)>);

impl<S: Send + Sync> FromRequest<S> for FormData {
    type Rejection = crate::HtmlError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| crate::HtmlError(vooruit_app::AppError::BadRequest("error-bad-form")))?;
        Ok(FormData::parse(&bytes))
    }
}

impl FormData {
    pub fn parse(bytes: &[u8]) -> FormData {
        FormData(
            url::form_urlencoded::parse(bytes)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// The first value of `key`, or "".
    pub fn get(&self, key: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    pub fn all(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// A checkbox is ticked when it is sent with any value.
    pub fn checked(&self, key: &str) -> bool {
        self.0.iter().any(|(k, v)| k == key && !v.is_empty())
    }

    /// The text of a story, as the share, member and editor forms send it.
    pub fn story_content(&self) -> StoryContent {
        StoryContent {
            kind: self.get("kind"),
            title: self.get("title"),
            summary: self.get("summary"),
            context: self.get("context"),
            aim: self.get("aim"),
            approach: self.get("approach"),
            what_differed: self.get("what_differed"),
            lessons: self.all("lessons"),
            tips: self.get("tips"),
            do_differently: self.get("do_differently"),
            themes: self.all("themes"),
            sectors: self.all("sectors"),
            region: self.get("region"),
        }
    }

    pub fn submission(&self) -> Submission {
        Submission {
            content: self.story_content(),
            teller: Teller {
                name: self.get("name"),
                organisation: self.get("organisation"),
                show_name: self.checked("show_name"),
                show_organisation: self.checked("show_organisation"),
                contact_email: self.get("contact_email"),
            },
            no_client_info: self.checked("no_client_info"),
            consent: self.checked("consent"),
        }
    }
}
