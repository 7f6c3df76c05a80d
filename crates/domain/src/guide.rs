//! Werkwijzers: step-by-step guides a team can follow, with what it is
//! for, for whom, how long it takes and what is needed, and stories of
//! teams that did it. A guide lives as a publication does: draft,
//! published, withdrawn.

use serde::{Deserialize, Serialize};

use crate::publication::PublicationStatus;
use crate::validation::{FieldErrors, ValidationResult};

/// A guide has at most this many steps (the form shows a row for each).
pub const MAX_STEPS: usize = 20;
/// At most this many related stories.
pub const MAX_RELATED: usize = 6;

/// A guide as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Guide {
    pub id: String,
    pub slug: String,
    pub title: String,
    /// What the guide helps to reach.
    pub goal: String,
    /// For whom.
    pub audience: String,
    /// The time needed, as people say it ("twee uur", "een dagdeel").
    pub duration: String,
    /// What is needed, one thing per line.
    pub materials: String,
    pub steps: Vec<Step>,
    /// Slugs of stories of teams that used it.
    pub related: Vec<String>,
    pub status: PublicationStatus,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
}

impl Guide {
    pub fn material_list(&self) -> Vec<&str> {
        self.materials
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }
}

/// One step: Markdown text and an optional picture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub text: String,
    pub image: Option<StepImage>,
}

/// A step's picture (its web version) and what it shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepImage {
    pub key: String,
    pub width: i32,
    pub height: i32,
    pub alt: String,
}

/// What an editor enters about a guide (step pictures come apart).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuideInput {
    pub title: String,
    pub goal: String,
    pub audience: String,
    pub duration: String,
    #[serde(default)]
    pub materials: String,
    /// In order; an empty text is no step.
    #[serde(default)]
    pub steps: Vec<StepInput>,
    /// Links to or slugs of stories, one per line.
    #[serde(default)]
    pub related: String,
}

/// One row of the steps in the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepInput {
    pub text: String,
    /// What the picture shows; required with a picture.
    #[serde(default)]
    pub alt: String,
    /// Remove the picture the step has.
    #[serde(default)]
    pub no_image: bool,
}

impl GuideInput {
    /// Checks the fields; `has_image(i)` says whether row `i` has (or gets)
    /// a picture.
    pub fn validate(&self, has_image: impl Fn(usize) -> bool) -> ValidationResult {
        let mut e = FieldErrors::new();
        e.text("title", &self.title, true, 200);
        e.text("goal", &self.goal, true, 2000);
        e.text("audience", &self.audience, true, 500);
        e.text("duration", &self.duration, true, 100);
        e.text("materials", &self.materials, false, 2000);
        if self.steps.len() > MAX_STEPS {
            e.add("steps", "error-too-many-steps");
        }
        for (i, step) in self.steps.iter().enumerate() {
            let field = format!("step-{i}-text");
            e.text(&field, &step.text, false, 5000);
            let pictured = has_image(i);
            if pictured && step.text.trim().is_empty() {
                e.add(field, "error-step-text");
            }
            if pictured && step.alt.trim().is_empty() {
                e.add(format!("step-{i}-alt"), "error-alt-required");
            }
            e.text(&format!("step-{i}-alt"), &step.alt, false, 300);
        }
        if !self.steps.iter().any(|s| !s.text.trim().is_empty()) {
            e.add("step-0-text", "error-one-step");
        }
        let related = self.related_slugs();
        if related.len() > MAX_RELATED {
            e.add("related", "error-too-many-related");
        }
        if related.iter().any(|s| s.is_empty()) {
            e.add("related", "error-related-link");
        }
        e.into_result()
    }

    /// The stories named in `related`: a slug, or a link ending in
    /// `/verhalen/<slug>`; an empty string for a line that is neither.
    pub fn related_slugs(&self) -> Vec<String> {
        self.related
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| {
                let slug = match l.find("/verhalen/") {
                    Some(at) => &l[at + "/verhalen/".len()..],
                    None if !l.contains('/') => l,
                    None => "",
                };
                let slug = slug.trim_end_matches('/');
                let ok = !slug.is_empty()
                    && slug
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                if ok { slug.to_string() } else { String::new() }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> GuideInput {
        GuideInput {
            title: "Een terugblik in vier vragen".into(),
            goal: "Samen leren van een project.".into(),
            audience: "Teams".into(),
            duration: "Een uur".into(),
            steps: vec![
                StepInput {
                    text: "Wat ging goed?".into(),
                    ..Default::default()
                },
                StepInput::default(),
            ],
            related: "https://vooruit.example/verhalen/de-proef-met-vaste-koppels\nwijkteam-leert"
                .into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_guide_needs_a_step_and_pictures_need_words() {
        assert!(input().validate(|_| false).is_ok());
        let e = input()
            .validate(|i| i == 1)
            .expect_err("picture without text");
        assert_eq!(e.get("step-1-text"), Some("error-step-text"));
        assert_eq!(e.get("step-1-alt"), Some("error-alt-required"));
        let none = GuideInput {
            steps: vec![],
            ..input()
        };
        assert_eq!(
            none.validate(|_| false)
                .expect_err("no steps")
                .get("step-0-text"),
            Some("error-one-step")
        );
    }

    #[test]
    fn related_stories_are_links_or_slugs() {
        assert_eq!(
            input().related_slugs(),
            ["de-proef-met-vaste-koppels", "wijkteam-leert"]
        );
        let bad = GuideInput {
            related: "https://elders.example/artikel".into(),
            ..input()
        };
        assert_eq!(
            bad.validate(|_| false)
                .expect_err("bad link")
                .get("related"),
            Some("error-related-link")
        );
    }
}
