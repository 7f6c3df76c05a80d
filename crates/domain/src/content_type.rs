//! The kinds of content a network publishes. Search, the sitemap and the
//! API know every kind through this one list: a new kind (an episode, a
//! werkwijzer) is added here and found everywhere it is indexed.

crate::string_enum!(
    /// A kind of published content, as search filters and shows it.
    pub enum ContentType {
        Story = "verhaal",
        Publication = "publicatie",
        Event = "bijeenkomst",
        Episode = "aflevering",
        Video = "video",
        Guide = "werkwijzer",
        Issue = "magazinenummer",
    }
);

impl ContentType {
    /// Where a visitor reads the item with this slug.
    pub fn path(self, slug: &str) -> String {
        match self {
            ContentType::Story => format!("/verhalen/{slug}"),
            ContentType::Publication => format!("/publicaties/{slug}"),
            ContentType::Event => format!("/agenda/{slug}"),
            ContentType::Episode => format!("/podcast/{slug}"),
            ContentType::Video => format!("/video/{slug}"),
            ContentType::Guide => format!("/werkwijzers/{slug}"),
            ContentType::Issue => format!("/magazine/{slug}"),
        }
    }

    /// Where the API shows the item with this slug.
    pub fn api_path(self, slug: &str) -> String {
        match self {
            ContentType::Story => format!("/api/v1/stories/{slug}"),
            ContentType::Publication => format!("/api/v1/publications/{slug}"),
            ContentType::Event => format!("/api/v1/events/{slug}"),
            ContentType::Episode => format!("/api/v1/episodes/{slug}"),
            ContentType::Video => format!("/api/v1/videos/{slug}"),
            ContentType::Guide => format!("/api/v1/guides/{slug}"),
            ContentType::Issue => format!("/api/v1/magazine/{slug}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_has_its_own_paths() {
        let paths: std::collections::HashSet<String> =
            ContentType::ALL.iter().map(|t| t.path("x")).collect();
        assert_eq!(paths.len(), ContentType::ALL.len());
        assert_eq!(
            ContentType::parse("publicatie"),
            Some(ContentType::Publication)
        );
        assert_eq!(ContentType::Event.api_path("a"), "/api/v1/events/a");
    }
}
