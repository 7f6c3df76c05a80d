//! The taxonomy content is tagged with: themes, sectors and regions. It is
//! data, managed by administrators (`/beheer/taxonomie`): a network adds
//! "inburgering" without a release. A value's slug never changes (it is
//! stored on content and is in URLs); its labels, its place in the list and
//! whether it is still offered do. A retired value stays on the content
//! that has it, keeps its label and its pages, but new content cannot
//! choose it.

use serde::{Deserialize, Serialize};

use crate::FieldErrors;
use crate::lang::Lang;
use crate::slug::slug_of;

crate::string_enum!(
    /// The three lists of the taxonomy.
    pub enum Vocabulary {
        Theme = "thema",
        Sector = "sector",
        Region = "regio",
    }
);

/// One value of a list, with its labels.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Term {
    pub vocabulary: Vocabulary,
    /// Stable: stored on content and used in URLs and the API.
    pub slug: String,
    pub label_nl: String,
    pub label_en: String,
    /// A sentence about a theme, on the themes page (may be empty).
    pub intro_nl: String,
    pub intro_en: String,
    /// Place in its list, from 1.
    pub position: i64,
    /// When it was retired (unix ms): no longer offered for new content.
    pub retired_at: Option<i64>,
}

impl Term {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.label_en.is_empty() => &self.label_en,
            _ => &self.label_nl,
        }
    }

    pub fn intro(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.intro_en.is_empty() => &self.intro_en,
            _ => &self.intro_nl,
        }
    }

    pub fn is_offered(&self) -> bool {
        self.retired_at.is_none()
    }
}

/// The whole taxonomy as it is now, each list in its order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Taxonomy {
    terms: Vec<Term>,
    /// Changes when anything in the taxonomy changes (see `fingerprint`).
    fingerprint: u64,
}

impl Taxonomy {
    pub fn new(mut terms: Vec<Term>) -> Taxonomy {
        terms.sort_by(|a, b| {
            (a.vocabulary, a.position, &a.slug).cmp(&(b.vocabulary, b.position, &b.slug))
        });
        let fingerprint = {
            use std::hash::{Hash, Hasher};
            // SipHash with fixed keys: the same terms give the same number
            // in every process of a release.
            let mut h = std::hash::DefaultHasher::new();
            terms.hash(&mut h);
            h.finish()
        };
        Taxonomy { terms, fingerprint }
    }

    /// A number that differs when any label, intro, order or retirement
    /// differs: pages rendered with one taxonomy are not served after a
    /// change to it.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Every value of every list, retired ones too.
    pub fn all(&self) -> &[Term] {
        &self.terms
    }

    /// Every value of one list, retired ones too, in order.
    pub fn terms(&self, v: Vocabulary) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(move |t| t.vocabulary == v)
    }

    /// What new content may choose from one list, in order.
    pub fn offered(&self, v: Vocabulary) -> impl Iterator<Item = &Term> {
        self.terms(v).filter(|t| t.is_offered())
    }

    pub fn get(&self, v: Vocabulary, slug: &str) -> Option<&Term> {
        self.terms(v).find(|t| t.slug == slug)
    }

    /// Whether the value exists, retired or not (old links keep working).
    pub fn knows(&self, v: Vocabulary, slug: &str) -> bool {
        self.get(v, slug).is_some()
    }

    /// The label of a value in a language; an unknown value shows its slug.
    pub fn label<'a>(&'a self, v: Vocabulary, slug: &'a str, lang: Lang) -> &'a str {
        self.get(v, slug).map(|t| t.label(lang)).unwrap_or(slug)
    }

    /// What may be chosen for content that has the values `kept` already:
    /// every offered value, and the retired values it already has.
    pub fn choices<'a, 'k>(
        &'a self,
        kept: impl IntoIterator<Item = (Vocabulary, &'k str)>,
    ) -> Choices<'a> {
        Choices {
            taxonomy: self,
            kept: kept.into_iter().map(|(v, s)| (v, s.to_string())).collect(),
        }
    }

    /// What new content may choose.
    pub fn for_new(&self) -> Choices<'_> {
        self.choices([])
    }
}

/// The values content may be given: offered ones, and the retired ones it
/// already had (so saving old content never loses or refuses them).
#[derive(Debug, Clone)]
pub struct Choices<'a> {
    pub taxonomy: &'a Taxonomy,
    kept: Vec<(Vocabulary, String)>,
}

impl Choices<'_> {
    pub fn allows(&self, v: Vocabulary, slug: &str) -> bool {
        self.taxonomy.get(v, slug).is_some_and(|t| {
            t.is_offered() || self.kept.iter().any(|(kv, k)| *kv == v && k == slug)
        })
    }

    /// Marks `field` with `error-unknown-choice` unless every value is allowed.
    pub fn check(&self, e: &mut FieldErrors, field: &str, v: Vocabulary, values: &[String]) {
        if !values.iter().all(|s| self.allows(v, s)) {
            e.add(field, "error-unknown-choice");
        }
    }

    /// Like `check`, for one optional value (empty: none chosen).
    pub fn check_one(&self, e: &mut FieldErrors, field: &str, v: Vocabulary, value: &str) {
        if !value.is_empty() && !self.allows(v, value) {
            e.add(field, "error-unknown-choice");
        }
    }
}

/// What an administrator fills in for a value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct TermInput {
    /// Only when adding; empty makes one from the Dutch label.
    #[serde(default)]
    pub slug: String,
    pub label_nl: String,
    pub label_en: String,
    #[serde(default)]
    pub intro_nl: String,
    #[serde(default)]
    pub intro_en: String,
}

pub const MAX_LABEL: usize = 60;
pub const MAX_INTRO: usize = 300;
pub const MAX_SLUG: usize = 40;

/// `schuldhulpverlening`, `werk-en-inkomen`: lower-case letters and digits
/// in words joined by single dashes.
pub fn is_slug(s: &str) -> bool {
    (2..=MAX_SLUG).contains(&s.len())
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl TermInput {
    /// Trims everything; an empty slug is made from the Dutch label.
    pub fn normalise(&mut self) {
        for s in [
            &mut self.slug,
            &mut self.label_nl,
            &mut self.label_en,
            &mut self.intro_nl,
            &mut self.intro_en,
        ] {
            *s = s.trim().to_string();
        }
        if self.slug.is_empty()
            && let Some(mut slug) = slug_of(&self.label_nl)
        {
            slug.truncate(MAX_SLUG);
            self.slug = slug.trim_end_matches('-').to_string();
        }
    }

    /// Labels and intros (checked when adding and when changing).
    pub fn validate_labels(&self, e: &mut FieldErrors) {
        e.text("label_nl", &self.label_nl, true, MAX_LABEL);
        e.text("label_en", &self.label_en, true, MAX_LABEL);
        e.text("intro_nl", &self.intro_nl, false, MAX_INTRO);
        e.text("intro_en", &self.intro_en, false, MAX_INTRO);
    }

    /// A new value: also its slug.
    pub fn validate_new(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        if !is_slug(&self.slug) {
            e.add("slug", "error-term-slug");
        }
        self.validate_labels(&mut e);
        e.into_result()
    }
}

/// A comma-separated list as the database keeps themes: the slugs in order,
/// no empty ones.
pub fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

/// A small taxonomy for the domain's own tests.
#[cfg(test)]
pub(crate) fn sample() -> Taxonomy {
    let term = |v: Vocabulary, slug: &str, position: i64| Term {
        vocabulary: v,
        slug: slug.into(),
        label_nl: slug.into(),
        label_en: slug.into(),
        intro_nl: String::new(),
        intro_en: String::new(),
        position,
        retired_at: None,
    };
    Taxonomy::new(vec![
        term(Vocabulary::Theme, "werven", 1),
        term(Vocabulary::Theme, "werkdruk", 2),
        term(Vocabulary::Sector, "ouderenzorg", 1),
        term(Vocabulary::Region, "utrecht", 1),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(v: Vocabulary, slug: &str, position: i64, retired: bool) -> Term {
        Term {
            vocabulary: v,
            slug: slug.into(),
            label_nl: format!("{slug} nl"),
            label_en: format!("{slug} en"),
            intro_nl: String::new(),
            intro_en: String::new(),
            position,
            retired_at: retired.then_some(1),
        }
    }

    fn sample() -> Taxonomy {
        Taxonomy::new(vec![
            term(Vocabulary::Theme, "werkdruk", 2, false),
            term(Vocabulary::Theme, "werven", 1, false),
            term(Vocabulary::Theme, "oud", 3, true),
            term(Vocabulary::Region, "utrecht", 1, false),
        ])
    }

    #[test]
    fn lists_keep_their_order_and_leave_retired_values_out_of_the_offer() {
        let t = sample();
        let all: Vec<_> = t
            .terms(Vocabulary::Theme)
            .map(|t| t.slug.as_str())
            .collect();
        assert_eq!(all, ["werven", "werkdruk", "oud"]);
        let offered: Vec<_> = t
            .offered(Vocabulary::Theme)
            .map(|t| t.slug.as_str())
            .collect();
        assert_eq!(offered, ["werven", "werkdruk"]);
        assert!(t.knows(Vocabulary::Theme, "oud"));
        assert!(!t.knows(Vocabulary::Sector, "werven"));
        assert_eq!(t.label(Vocabulary::Theme, "werven", Lang::En), "werven en");
        assert_eq!(t.label(Vocabulary::Theme, "onbekend", Lang::Nl), "onbekend");
    }

    #[test]
    fn a_retired_value_is_allowed_only_where_it_already_was() {
        let t = sample();
        let mut e = FieldErrors::new();
        t.for_new()
            .check(&mut e, "themes", Vocabulary::Theme, &["oud".into()]);
        assert_eq!(e.get("themes"), Some("error-unknown-choice"));
        let mut e = FieldErrors::new();
        t.choices([(Vocabulary::Theme, "oud")]).check(
            &mut e,
            "themes",
            Vocabulary::Theme,
            &["oud".into(), "werven".into()],
        );
        assert!(e.is_empty());
        // Kept as a theme is not kept as anything else.
        let mut e = FieldErrors::new();
        t.choices([(Vocabulary::Region, "oud")]).check(
            &mut e,
            "themes",
            Vocabulary::Theme,
            &["oud".into()],
        );
        assert!(!e.is_empty());
        let mut e = FieldErrors::new();
        t.for_new()
            .check_one(&mut e, "region", Vocabulary::Region, "");
        t.for_new()
            .check_one(&mut e, "region", Vocabulary::Region, "utrecht");
        assert!(e.is_empty());
    }

    #[test]
    fn a_new_value_gets_a_slug_from_its_dutch_label() {
        let mut input = TermInput {
            label_nl: "  Schuldhulpverlening ".into(),
            label_en: "Debt counselling".into(),
            ..TermInput::default()
        };
        input.normalise();
        assert_eq!(input.slug, "schuldhulpverlening");
        assert!(input.validate_new().is_ok());
        input.slug = "Geen slug".into();
        assert_eq!(
            input.validate_new().expect_err("bad slug").get("slug"),
            Some("error-term-slug")
        );
        input.slug = "ok".into();
        input.label_en.clear();
        assert_eq!(
            input.validate_new().expect_err("no label").get("label_en"),
            Some("error-required")
        );
        assert!(is_slug("werk-en-inkomen"));
        assert!(!is_slug("werk--inkomen"));
        assert!(!is_slug("-werk"));
        assert!(!is_slug("x"));
    }
}
