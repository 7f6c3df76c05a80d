//! Translations with Fluent: Dutch first, English second. The `.ftl` files
//! are embedded in the binary. A missing key shows the key itself (and is
//! caught by a test), never an empty string.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::langid;

pub use vooruit_domain::lang::Lang;

pub const NL_FTL: &str = include_str!("../i18n/nl.ftl");
pub const EN_FTL: &str = include_str!("../i18n/en.ftl");

fn bundle(
    lang: unic_langid::LanguageIdentifier,
    source: &'static str,
) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(res, errors)| {
        tracing::error!(?errors, "translation file has errors");
        res
    });
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Isolation marks would end up inside attributes and e-mail text.
    bundle.set_use_isolating(false);
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::error!(?errors, "translation keys defined twice");
    }
    bundle
}

static NL: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(langid!("nl"), NL_FTL));
static EN: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(langid!("en"), EN_FTL));

fn bundle_for(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// Looks up `key`, formatting it with `args`.
pub fn translate(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    let bundle = bundle_for(lang);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        // A key of ours without a text is a bug worth a warning; anything
        // else came from outside (a value in a URL) and is logged only when
        // debugging, clipped and escaped, so a request cannot flood the log.
        let ours = key.len() <= 80
            && key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if ours {
            tracing::warn!(key, lang = lang.code(), "missing translation");
        } else {
            let clipped: String = key.chars().take(80).collect();
            tracing::debug!(key = ?clipped, lang = lang.code(), "no translation for a value from outside");
        }
        return key.to_string();
    };
    let mut errors = vec![];
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

pub fn has_key(lang: Lang, key: &str) -> bool {
    bundle_for(lang).has_message(key)
}

/// "12 maart 2026" / "12 March 2026", in Europe/Amsterdam.
pub fn format_date(lang: Lang, ms: i64) -> String {
    vooruit_app::dates::format_date(lang, ms)
}

/// "12 maart 2026, 14:05", in Europe/Amsterdam.
pub fn format_datetime(lang: Lang, ms: i64) -> String {
    vooruit_app::dates::format_datetime(lang, ms)
}

/// ISO 8601 for `<time datetime>`.
pub fn iso_date(ms: i64) -> String {
    vooruit_app::dates::iso_date(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dutch_key_has_an_english_translation_and_back() {
        for (from, to, src) in [(Lang::Nl, Lang::En, NL_FTL), (Lang::En, Lang::Nl, EN_FTL)] {
            let res = FluentResource::try_new(src.to_string()).expect("valid ftl");
            for entry in res.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    assert!(
                        has_key(to, m.id.name),
                        "{} lacks {} (present in {})",
                        to.code(),
                        m.id.name,
                        from.code()
                    );
                }
            }
        }
    }

    #[test]
    fn no_key_is_defined_twice() {
        for (lang, src) in [(Lang::Nl, NL_FTL), (Lang::En, EN_FTL)] {
            let res = FluentResource::try_new(src.to_string()).expect("valid ftl");
            let mut seen = std::collections::BTreeSet::new();
            for entry in res.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    assert!(
                        seen.insert(m.id.name),
                        "{} defines {} twice: the second hides the first",
                        lang.code(),
                        m.id.name
                    );
                }
            }
        }
    }

    #[test]
    fn accept_language_picks_first_supported() {
        assert_eq!(
            Lang::from_accept_language("de-DE,en;q=0.8,nl;q=0.5"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_accept_language("nl-NL"), Some(Lang::Nl));
        assert_eq!(Lang::from_accept_language("fr"), None);
    }

    #[test]
    fn dates_are_shown_in_amsterdam_time() {
        // 2026-03-01 23:30 UTC is already 2 March in Amsterdam.
        use chrono::TimeZone;
        let ms = chrono::Utc
            .with_ymd_and_hms(2026, 3, 1, 23, 30, 0)
            .unwrap()
            .timestamp_millis();
        assert_eq!(format_date(Lang::Nl, ms), "2 maart 2026");
        assert_eq!(format_datetime(Lang::En, ms), "2 March 2026, 00:30");
    }
}
