//! The fixed vocabularies a story is tagged with. Slugs are stable and appear
//! in URLs and the API; their labels live in the translation files under the
//! keys `theme-<slug>`, `sector-<slug>` and `region-<slug>`.

pub const THEMES: &[&str] = &[
    "werven",
    "binden",
    "boeien",
    "vakmanschap",
    "lerend-werken",
    "innovatie",
    "leiderschap",
    "samenwerking",
    "technologie",
    "werkdruk",
];

pub const SECTORS: &[&str] = &[
    "ouderenzorg",
    "gehandicaptenzorg",
    "jeugdzorg",
    "ggz",
    "ziekenhuiszorg",
    "wijkverpleging",
    "sociaal-werk",
    "kinderopvang",
    "gemeente",
    "werk-en-inkomen",
];

pub const REGIONS: &[&str] = &[
    "groningen",
    "friesland",
    "drenthe",
    "overijssel",
    "flevoland",
    "gelderland",
    "utrecht",
    "noord-holland",
    "zuid-holland",
    "zeeland",
    "noord-brabant",
    "limburg",
    "landelijk",
];

pub fn is_theme(s: &str) -> bool {
    THEMES.contains(&s)
}

pub fn is_sector(s: &str) -> bool {
    SECTORS.contains(&s)
}

pub fn is_region(s: &str) -> bool {
    REGIONS.contains(&s)
}

/// A comma-separated list as the database keeps themes: the slugs in order,
/// no empty ones.
pub fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}
