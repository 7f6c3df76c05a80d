//! The two languages of the site. Stored with what people write (a story, a
//! registration, a subscription) so that mails about it speak their language.

crate::string_enum!(
    pub enum Lang {
        Nl = "nl",
        En = "en",
    }
);

impl Lang {
    pub fn code(self) -> &'static str {
        self.as_str()
    }

    /// A language tag as browsers and cookies give it: "en", "en-GB", "NL".
    pub fn from_tag(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().get(..2) {
            Some("nl") => Some(Lang::Nl),
            Some("en") => Some(Lang::En),
            _ => None,
        }
    }

    /// English when asked for, Dutch otherwise: Dutch is the default.
    pub fn or_dutch(s: &str) -> Lang {
        Lang::from_tag(s).unwrap_or(Lang::Nl)
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }

    /// The first supported language in an Accept-Language header, by order.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        header
            .split(',')
            .find_map(|part| Lang::from_tag(part.split(';').next().unwrap_or("")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_headers() {
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::or_dutch("fr"), Lang::Nl);
        assert_eq!(
            Lang::from_accept_language("de-DE,en;q=0.8,nl;q=0.5"),
            Some(Lang::En)
        );
    }
}
