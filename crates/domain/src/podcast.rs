//! The podcast: one series (what podcast apps show about it) and its
//! episodes. An episode is a draft until an editor publishes it, and it
//! can only be published with a transcript: who cannot hear it reads it.
//! A published episode can be withdrawn (its page, audio and place in the
//! feed are gone) and published again.

use serde::{Deserialize, Serialize};

use crate::publication::PublicationStatus;
use crate::validation::{FieldErrors, ValidationResult, is_plausible_email};

crate::string_enum!(
    /// What an episode is to the series (Apple's `itunes:episodeType`).
    pub enum EpisodeKind {
        Full = "full",
        Trailer = "trailer",
        Bonus = "bonus",
    }
);

crate::string_enum!(
    /// How apps order the series (Apple's `itunes:type`): newest first,
    /// or from the first episode on, like a story told in parts.
    pub enum SeriesKind {
        Episodic = "episodic",
        Serial = "serial",
    }
);

crate::string_enum!(
    /// The audio formats taken: MP3 and AAC in an MP4 container (M4A),
    /// which every podcast app and browser plays.
    pub enum AudioFormat {
        Mp3 = "mp3",
        M4a = "m4a",
    }
);

impl AudioFormat {
    pub fn mime(self) -> &'static str {
        match self {
            AudioFormat::Mp3 => "audio/mpeg",
            AudioFormat::M4a => "audio/mp4",
        }
    }
}

/// The Apple Podcasts categories a network's podcast fits in; the feed
/// names them in English, as Apple requires.
pub const CATEGORIES: [&str; 6] = [
    "Education",
    "Government",
    "Society & Culture",
    "Health & Fitness",
    "Business",
    "News",
];

/// The series, as stored (there is one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Series {
    pub title: String,
    pub description: String,
    pub author: String,
    pub owner_name: String,
    pub owner_email: String,
    pub category: String,
    /// `nl` or `en`.
    pub language: String,
    pub explicit: bool,
    pub kind: SeriesKind,
    /// The square picture apps show; None until an editor uploads one.
    pub cover: Option<SeriesCover>,
    pub updated_at: i64,
}

/// The series' picture: the original (which apps fetch) and a small JPEG
/// for the site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeriesCover {
    pub original_key: String,
    /// `jpg` or `png`: what Apple takes.
    pub ext: String,
    pub size: i32,
    pub web_key: String,
    pub web_size: i32,
    pub alt: String,
}

/// What an editor enters about the series (the picture comes separately).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesInput {
    pub title: String,
    pub description: String,
    pub author: String,
    pub owner_name: String,
    pub owner_email: String,
    pub category: String,
    pub language: String,
    #[serde(default)]
    pub explicit: bool,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub cover_alt: String,
}

/// Apple takes square pictures from 1400 to 3000 pixels a side.
pub const COVER_MIN: u32 = 1400;
pub const COVER_MAX: u32 = 3000;

impl SeriesInput {
    pub fn validate(&self) -> ValidationResult {
        let mut e = FieldErrors::new();
        e.text("title", &self.title, true, 200);
        e.text("description", &self.description, true, 4000);
        e.text("author", &self.author, true, 200);
        e.text("owner_name", &self.owner_name, true, 200);
        if !is_plausible_email(&self.owner_email) {
            e.add("owner_email", "error-email");
        }
        if !CATEGORIES.contains(&self.category.as_str()) {
            e.add("category", "error-unknown-choice");
        }
        if !["nl", "en"].contains(&self.language.as_str()) {
            e.add("language", "error-unknown-choice");
        }
        if SeriesKind::parse(&self.kind).is_none() {
            e.add("kind", "error-unknown-choice");
        }
        e.text("cover_alt", &self.cover_alt, false, 300);
        e.into_result()
    }
}

/// One chapter: where it starts and what it is called.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Chapter {
    /// Seconds from the start.
    pub start: u32,
    pub title: String,
}

impl Chapter {
    /// `m:ss` or `h:mm:ss`, as players show it.
    pub fn clock(&self) -> String {
        clock(self.start)
    }
}

/// Seconds as `m:ss` or `h:mm:ss`.
pub fn clock(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Chapters as an editor types them, one per line: `12:30 Wat er misging`
/// (or `1:02:03 Titel`). Empty lines are skipped. Each must start after
/// the one before; an error names the first line that is wrong.
pub fn parse_chapters(text: &str) -> Result<Vec<Chapter>, usize> {
    let mut chapters: Vec<Chapter> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (time, title) = line.split_once(char::is_whitespace).ok_or(n + 1)?;
        let start = parse_clock(time).ok_or(n + 1)?;
        let title = title.trim();
        if title.is_empty() || chapters.last().is_some_and(|c| c.start >= start) {
            return Err(n + 1);
        }
        chapters.push(Chapter {
            start,
            title: title.to_string(),
        });
    }
    Ok(chapters)
}

fn parse_clock(time: &str) -> Option<u32> {
    let parts: Vec<&str> = time.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut seconds = 0u32;
    for (i, p) in parts.iter().enumerate() {
        let v: u32 = p.parse().ok()?;
        // Minutes and seconds after the first part are two digits under 60.
        if i > 0 && (p.len() != 2 || v >= 60) {
            return None;
        }
        seconds = seconds.checked_mul(60)?.checked_add(v)?;
    }
    Some(seconds)
}

crate::string_enum!(
    /// How a transcript is written: WebVTT (with times, which players can
    /// show along) or plain text.
    pub enum TranscriptFormat {
        Vtt = "vtt",
        Text = "txt",
    }
);

impl TranscriptFormat {
    /// A transcript that starts as WebVTT files do is one.
    pub fn of(transcript: &str) -> TranscriptFormat {
        if transcript
            .trim_start_matches('\u{feff}')
            .starts_with("WEBVTT")
        {
            TranscriptFormat::Vtt
        } else {
            TranscriptFormat::Text
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            TranscriptFormat::Vtt => "text/vtt",
            TranscriptFormat::Text => "text/plain",
        }
    }
}

/// The words of a transcript: the text of a WebVTT file without its
/// header, cue numbers, times and settings, one line per cue; plain text
/// as it is.
pub fn transcript_text(transcript: &str) -> String {
    if TranscriptFormat::of(transcript) == TranscriptFormat::Text {
        return transcript.trim().to_string();
    }
    let mut out = String::new();
    // Blocks are separated by blank lines; the first is the header, NOTE
    // and STYLE blocks are not spoken text.
    for block in transcript.replace("\r\n", "\n").split("\n\n").skip(1) {
        let lines: Vec<&str> = block.lines().map(str::trim).collect();
        let Some(at) = lines.iter().position(|l| l.contains("-->")) else {
            continue;
        };
        let text = lines[at + 1..].join(" ");
        let text = text.trim();
        if !text.is_empty() {
            out.push_str(text);
            out.push('\n');
        }
    }
    out.trim_end().to_string()
}

/// An episode as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Episode {
    pub id: String,
    pub slug: String,
    /// Stays the same whatever changes: apps know the episode by it.
    pub guid: String,
    pub title: String,
    /// Show notes, Markdown.
    pub notes: String,
    pub guests: Vec<String>,
    pub season: Option<i32>,
    pub number: Option<i32>,
    pub kind: EpisodeKind,
    /// The day it came out (`YYYY-MM-DD`), as the editor set it.
    pub date: String,
    /// As typed (see `parse_chapters`).
    pub chapters: String,
    /// WebVTT or plain text; required to publish.
    pub transcript: String,
    /// An episode lives as a publication does: draft, published, withdrawn.
    pub status: PublicationStatus,
    pub audio_key: String,
    pub audio_size: i64,
    pub audio_format: AudioFormat,
    /// Read from the audio.
    pub duration_ms: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
}

impl Episode {
    pub fn chapter_list(&self) -> Vec<Chapter> {
        parse_chapters(&self.chapters).unwrap_or_default()
    }

    pub fn duration_secs(&self) -> u32 {
        u32::try_from((self.duration_ms + 500) / 1000).unwrap_or(u32::MAX)
    }

    pub fn transcript_format(&self) -> TranscriptFormat {
        TranscriptFormat::of(&self.transcript)
    }
}

/// What an editor enters about an episode (the audio comes separately).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EpisodeInput {
    pub title: String,
    pub notes: String,
    /// Comma-separated, as typed.
    #[serde(default)]
    pub guests: String,
    #[serde(default)]
    pub season: String,
    #[serde(default)]
    pub number: String,
    #[serde(default)]
    pub kind: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    #[serde(default)]
    pub chapters: String,
    #[serde(default)]
    pub transcript: String,
}

/// About three hours of speech; a transcript is stored and indexed whole
/// (and fits, encoded, in a form within the site's 1 MiB body limit).
pub const TRANSCRIPT_MAX: usize = 150_000;

impl EpisodeInput {
    /// Checks the fields. `today` (`YYYY-MM-DD`) is the latest date an
    /// episode can have; `duration_secs`, when known, bounds the chapters.
    pub fn validate(&self, today: &str, duration_secs: Option<u32>) -> ValidationResult {
        let mut e = FieldErrors::new();
        e.text("title", &self.title, true, 200);
        e.text("notes", &self.notes, true, 20_000);
        e.text("guests", &self.guests, false, 500);
        for (field, value) in [("season", &self.season), ("number", &self.number)] {
            let v = value.trim();
            if !v.is_empty() && !v.parse::<i32>().is_ok_and(|n| (1..=9999).contains(&n)) {
                e.add(field, "error-whole-number");
            }
        }
        if EpisodeKind::parse(&self.kind).is_none() {
            e.add("kind", "error-unknown-choice");
        }
        let date = self.date.trim();
        if !is_day(date) {
            e.add("date", "error-day");
        } else if date > today {
            e.add("date", "error-date-future");
        }
        match parse_chapters(&self.chapters) {
            Ok(c) if duration_secs.is_some_and(|d| c.iter().any(|c| c.start >= d)) => {
                e.add("chapters", "error-chapters-past-end")
            }
            Ok(_) => {}
            Err(_) => e.add("chapters", "error-chapters"),
        }
        e.text("transcript", &self.transcript, false, TRANSCRIPT_MAX);
        e.into_result()
    }

    pub fn guest_list(&self) -> Vec<String> {
        split_guests(&self.guests)
    }

    pub fn season(&self) -> Option<i32> {
        self.season.trim().parse().ok()
    }

    pub fn number(&self) -> Option<i32> {
        self.number.trim().parse().ok()
    }
}

/// A day as `YYYY-MM-DD` that is on the calendar.
pub fn is_day(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts[..] else { return false };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    s.len() == 10 && (1000..=9999).contains(&y) && (1..=days).contains(&d)
}

/// Guests as stored: names separated by commas.
pub fn split_guests(guests: &str) -> Vec<String> {
    guests
        .split(',')
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapters_are_read_line_by_line_and_must_go_forward() {
        let c = parse_chapters("0:00 Begin\n\n12:30 Wat misging\n1:02:03 Wat we leerden\n")
            .expect("fine");
        assert_eq!(
            c.iter().map(|c| c.start).collect::<Vec<_>>(),
            [0, 750, 3723]
        );
        assert_eq!(c[1].title, "Wat misging");
        assert_eq!(c[2].clock(), "1:02:03");
        assert_eq!(c[1].clock(), "12:30");
        assert_eq!(parse_chapters("5:00 Later\n1:00 Eerder"), Err(2));
        assert_eq!(parse_chapters("0:00 Begin\n1:75 Fout"), Err(2));
        assert_eq!(parse_chapters("12 Geen tijd"), Err(1));
        assert_eq!(parse_chapters("1:00"), Err(1));
    }

    #[test]
    fn the_words_of_a_webvtt_transcript_are_its_cues() {
        let vtt = "WEBVTT\n\nNOTE gemaakt door de redactie\n\n1\n00:00:00.000 --> 00:00:04.000\nWelkom bij\nde podcast.\n\n00:00:04.000 --> 00:00:08.000 align:start\nWat ging er mis?\n";
        assert_eq!(TranscriptFormat::of(vtt), TranscriptFormat::Vtt);
        assert_eq!(
            transcript_text(vtt),
            "Welkom bij de podcast.\nWat ging er mis?"
        );
        assert_eq!(TranscriptFormat::of("Welkom."), TranscriptFormat::Text);
        assert_eq!(transcript_text(" Welkom. "), "Welkom.");
    }

    #[test]
    fn an_episode_needs_a_date_not_ahead_and_chapters_within_the_audio() {
        let input = EpisodeInput {
            title: "Aflevering".into(),
            notes: "Over werkdruk.".into(),
            kind: "full".into(),
            date: "2026-11-20".into(),
            chapters: "0:00 Begin\n10:00 Midden".into(),
            ..Default::default()
        };
        assert!(input.validate("2026-11-27", Some(900)).is_ok());
        let e = input
            .validate("2026-11-27", Some(300))
            .expect_err("past end");
        assert_eq!(e.get("chapters"), Some("error-chapters-past-end"));
        let ahead = EpisodeInput {
            date: "2026-12-01".into(),
            season: "nul".into(),
            ..input.clone()
        };
        let e = ahead.validate("2026-11-27", None).expect_err("ahead");
        assert_eq!(e.get("date"), Some("error-date-future"));
        assert_eq!(e.get("season"), Some("error-whole-number"));
        assert!(is_day("2024-02-29") && !is_day("2026-02-29") && !is_day("2026-13-01"));
        assert!(!is_day("2026-1-01") && !is_day("gisteren"));
    }
}
