//! Videos: a file the network uploads (MP4 or WebM, with Dutch captions
//! and a poster picture) or a video on an outside platform, shown only
//! when the visitor asks for it (until then no request goes to the
//! platform). Either way the page has a transcript, required to publish.
//! A video lives as a publication does: draft, published, withdrawn.

use serde::{Deserialize, Serialize};

use crate::publication::PublicationStatus;
use crate::validation::{FieldErrors, ValidationResult};

crate::string_enum!(
    /// The video files taken: what every current browser plays.
    pub enum VideoFormat {
        Mp4 = "mp4",
        Webm = "webm",
    }
);

impl VideoFormat {
    pub fn mime(self) -> &'static str {
        match self {
            VideoFormat::Mp4 => "video/mp4",
            VideoFormat::Webm => "video/webm",
        }
    }
}

crate::string_enum!(
    /// The outside platforms a video can be shown from.
    pub enum Platform {
        Youtube = "youtube",
        Vimeo = "vimeo",
    }
);

impl Platform {
    /// The platform's name, as visitors know it.
    pub fn name(self) -> &'static str {
        match self {
            Platform::Youtube => "YouTube",
            Platform::Vimeo => "Vimeo",
        }
    }

    /// Where its player comes from: the one origin the page's
    /// Content-Security-Policy allows a frame from (YouTube's address that
    /// sets no cookie before the video plays).
    pub fn frame_origin(self) -> &'static str {
        match self {
            Platform::Youtube => "https://www.youtube-nocookie.com",
            Platform::Vimeo => "https://player.vimeo.com",
        }
    }

    /// The player of this video, for the frame.
    pub fn player_url(self, id: &str) -> String {
        match self {
            Platform::Youtube => format!("{}/embed/{id}", self.frame_origin()),
            Platform::Vimeo => format!("{}/video/{id}?dnt=1", self.frame_origin()),
        }
    }

    /// The video's page on the platform.
    pub fn watch_url(self, id: &str) -> String {
        match self {
            Platform::Youtube => format!("https://www.youtube.com/watch?v={id}"),
            Platform::Vimeo => format!("https://vimeo.com/{id}"),
        }
    }
}

/// The platform and video id of a link as people copy it from their
/// browser: `https://www.youtube.com/watch?v=ID`, `https://youtu.be/ID`,
/// `https://vimeo.com/123456`.
pub fn parse_embed(url: &str) -> Option<(Platform, String)> {
    let rest = url.trim().strip_prefix("https://")?;
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let (platform, id) = if let Some(q) = rest.strip_prefix("youtube.com/watch?") {
        let id = q.split('&').find_map(|kv| kv.strip_prefix("v="))?;
        (Platform::Youtube, id)
    } else if let Some(id) = rest.strip_prefix("youtu.be/") {
        (Platform::Youtube, id.split(['?', '#']).next()?)
    } else if let Some(id) = rest.strip_prefix("vimeo.com/") {
        (Platform::Vimeo, id.split(['?', '#', '/']).next()?)
    } else {
        return None;
    };
    let fits = match platform {
        Platform::Youtube => {
            id.len() == 11
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        }
        Platform::Vimeo => {
            !id.is_empty() && id.len() <= 12 && id.bytes().all(|b| b.is_ascii_digit())
        }
    };
    fits.then(|| (platform, id.to_string()))
}

/// Where a video is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum VideoSource {
    /// Uploaded: the file, its captions and its poster picture.
    File {
        key: String,
        size: i64,
        format: VideoFormat,
        duration_ms: i64,
        poster_key: String,
        poster_width: i32,
        poster_height: i32,
    },
    /// On an outside platform.
    Embed { platform: Platform, id: String },
}

/// A video as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Video {
    pub id: String,
    pub slug: String,
    pub title: String,
    /// Markdown.
    pub description: String,
    /// Everything that is said and shown, as text; required to publish.
    pub transcript: String,
    /// WebVTT; required for an uploaded video.
    pub captions_nl: String,
    /// WebVTT; optional.
    pub captions_en: String,
    pub source: VideoSource,
    pub status: PublicationStatus,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
}

impl Video {
    pub fn is_file(&self) -> bool {
        matches!(self.source, VideoSource::File { .. })
    }

    /// The platform, for a video shown from one.
    pub fn platform(&self) -> Option<(Platform, &str)> {
        match &self.source {
            VideoSource::Embed { platform, id } => Some((*platform, id)),
            VideoSource::File { .. } => None,
        }
    }
}

/// What an editor enters about a video (the file and poster come apart).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VideoInput {
    pub title: String,
    pub description: String,
    #[serde(default)]
    pub transcript: String,
    /// For a video on a platform: its link.
    #[serde(default)]
    pub embed_url: String,
    #[serde(default)]
    pub captions_nl: String,
    #[serde(default)]
    pub captions_en: String,
}

const CAPTIONS_MAX: usize = 150_000;

impl VideoInput {
    /// Checks the fields; `is_file`: an uploaded video (captions in Dutch
    /// required), else one on a platform (its link required).
    pub fn validate(&self, is_file: bool) -> ValidationResult {
        let mut e = FieldErrors::new();
        e.text("title", &self.title, true, 200);
        e.text("description", &self.description, true, 10_000);
        e.text("transcript", &self.transcript, false, CAPTIONS_MAX);
        if is_file {
            if self.captions_nl.trim().is_empty() {
                e.add("captions_nl", "error-captions-required");
            } else if !is_webvtt(&self.captions_nl) {
                e.add("captions_nl", "error-captions-vtt");
            }
            if !self.captions_en.trim().is_empty() && !is_webvtt(&self.captions_en) {
                e.add("captions_en", "error-captions-vtt");
            }
            e.text("captions_nl", &self.captions_nl, false, CAPTIONS_MAX);
            e.text("captions_en", &self.captions_en, false, CAPTIONS_MAX);
        } else if parse_embed(&self.embed_url).is_none() {
            e.add("embed_url", "error-embed-url");
        }
        e.into_result()
    }
}

/// WebVTT starts with `WEBVTT` (after an optional byte order mark).
pub fn is_webvtt(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}');
    t.starts_with("WEBVTT") && t.contains("-->")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_as_people_copy_them_name_the_platform_and_video() {
        assert_eq!(
            parse_embed("https://www.youtube.com/watch?v=abcdefghijk&t=10"),
            Some((Platform::Youtube, "abcdefghijk".into()))
        );
        assert_eq!(
            parse_embed("https://youtu.be/abcdefghijk?si=x"),
            Some((Platform::Youtube, "abcdefghijk".into()))
        );
        assert_eq!(
            parse_embed("https://vimeo.com/123456789"),
            Some((Platform::Vimeo, "123456789".into()))
        );
        for bad in [
            "http://youtu.be/abcdefghijk",
            "https://youtu.be/kort",
            "https://youtu.be/abcdefghij\"",
            "https://example.com/watch?v=abcdefghijk",
            "https://vimeo.com/kanaal",
            "",
        ] {
            assert_eq!(parse_embed(bad), None, "{bad}");
        }
        assert_eq!(
            Platform::Youtube.player_url("abcdefghijk"),
            "https://www.youtube-nocookie.com/embed/abcdefghijk"
        );
    }

    #[test]
    fn an_uploaded_video_needs_dutch_captions_in_webvtt() {
        let input = VideoInput {
            title: "Uitleg".into(),
            description: "Over de aanpak.".into(),
            ..Default::default()
        };
        let e = input.validate(true).expect_err("no captions");
        assert_eq!(e.get("captions_nl"), Some("error-captions-required"));
        let e = input.validate(false).expect_err("no link");
        assert_eq!(e.get("embed_url"), Some("error-embed-url"));
        let with = VideoInput {
            captions_nl: "WEBVTT\n\n00:00.000 --> 00:02.000\nHallo".into(),
            captions_en: "Hello".into(),
            ..input
        };
        let e = with.validate(true).expect_err("english not vtt");
        assert_eq!(e.get("captions_en"), Some("error-captions-vtt"));
        assert_eq!(e.get("captions_nl"), None);
    }
}
