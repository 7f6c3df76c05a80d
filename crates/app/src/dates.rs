//! Dates as people read them, always in Europe/Amsterdam: on pages, in
//! mails and in the newsletter.

use chrono::{Datelike, TimeZone};
use vooruit_domain::lang::Lang;

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn amsterdam(ms: i64) -> chrono::DateTime<chrono_tz::Tz> {
    chrono_tz::Europe::Amsterdam
        .timestamp_millis_opt(ms)
        .single()
        .unwrap_or_else(|| {
            chrono_tz::Europe::Amsterdam
                .timestamp_millis_opt(0)
                .unwrap()
        })
}

/// "12 maart 2026" / "12 March 2026", in Europe/Amsterdam.
/// The year (Amsterdam time) of a moment.
pub fn year_of(ms: i64) -> i32 {
    amsterdam(ms).year()
}

pub fn format_date(lang: Lang, ms: i64) -> String {
    let d = amsterdam(ms);
    format!("{} {} {}", d.day(), month_name(lang, d.month0()), d.year())
}

/// "november 2026" / "November 2026".
pub fn format_month(lang: Lang, ms: i64) -> String {
    let d = amsterdam(ms);
    format!("{} {}", month_name(lang, d.month0()), d.year())
}

fn month_name(lang: Lang, month0: u32) -> &'static str {
    if lang == Lang::En {
        MONTHS_EN[month0 as usize]
    } else {
        MONTHS_NL[month0 as usize]
    }
}

/// "12 maart 2026, 14:05", in Europe/Amsterdam.
pub fn format_datetime(lang: Lang, ms: i64) -> String {
    let d = amsterdam(ms);
    format!("{}, {}", format_date(lang, ms), d.format("%H:%M"))
}

/// ISO 8601 for `<time datetime>`.
pub fn iso_date(ms: i64) -> String {
    amsterdam(ms).format("%Y-%m-%d").to_string()
}

/// RFC 3339 in UTC, for the API.
pub fn rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A day (`YYYY-MM-DD`) as a moment: six in the morning, Amsterdam time,
/// when an episode dated that day comes out in feeds.
pub fn day_ms(day: &str) -> Option<i64> {
    let date = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    chrono_tz::Europe::Amsterdam
        .from_local_datetime(&date.and_hms_opt(6, 0, 0)?)
        .single()
        .map(|d| d.timestamp_millis())
}
