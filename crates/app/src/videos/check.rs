//! Video files. An upload is a video only when it is one: MP4 (an `ftyp`
//! box first) or WebM (an EBML header) by its first bytes, then its
//! container opened and read (the `mp4` and `matroska` crates) and a video
//! track found in it. The pictures are not decoded: browsers do that, in
//! their own sandbox; what we serve is what was checked to be a video.

use std::io::Read;
use std::path::Path;

use vooruit_domain::video::VideoFormat;

use crate::{AppError, AppResult};

/// Videos opened on this node at once: the index of a long MP4 is read
/// into memory.
static OPENING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

/// A video that was checked.
#[derive(Debug, Clone)]
pub struct CheckedVideo {
    pub size: u64,
    pub format: VideoFormat,
    /// 0 when the file does not say.
    pub duration_ms: i64,
}

/// Checks the video at `path` (at most `limit` bytes). Errors are for the
/// form field `file`.
pub async fn check(path: &Path, limit: u64) -> AppResult<CheckedVideo> {
    let _turn = OPENING
        .acquire()
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let path = path.to_path_buf();
    tokio::task::spawn_blocking(move || check_now(&path, limit))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
}

fn check_now(path: &Path, limit: u64) -> AppResult<CheckedVideo> {
    let refuse = |key: &'static str| AppError::field("file", key);
    let internal = |e: std::io::Error| AppError::Internal(e.to_string());
    let size = std::fs::metadata(path).map_err(internal)?.len();
    if size == 0 {
        return Err(refuse("error-video-required"));
    }
    if size > limit {
        return Err(refuse("error-video-too-large"));
    }
    let mut head = [0u8; 12];
    let mut file = std::fs::File::open(path).map_err(internal)?;
    let n = file.read(&mut head).map_err(internal)?;
    let format = sniff(&head[..n]).ok_or(refuse("error-video-not-video"))?;
    let file = std::fs::File::open(path).map_err(internal)?;
    let duration = match format {
        VideoFormat::Mp4 => mp4_duration(file, size),
        VideoFormat::Webm => webm_duration(file),
    };
    let duration = duration.ok_or(refuse("error-video-not-video"))?;
    Ok(CheckedVideo {
        size,
        format,
        duration_ms: i64::try_from(duration.as_millis()).unwrap_or(i64::MAX),
    })
}

fn sniff(head: &[u8]) -> Option<VideoFormat> {
    match head {
        [_, _, _, _, b'f', b't', b'y', b'p', ..] => Some(VideoFormat::Mp4),
        [0x1A, 0x45, 0xDF, 0xA3, ..] => Some(VideoFormat::Webm),
        _ => None,
    }
}

/// The duration of an MP4 with a video track.
fn mp4_duration(file: std::fs::File, size: u64) -> Option<std::time::Duration> {
    let reader = mp4::Mp4Reader::read_header(std::io::BufReader::new(file), size).ok()?;
    let has_video = reader
        .tracks()
        .values()
        .any(|t| matches!(t.track_type(), Ok(mp4::TrackType::Video)));
    has_video.then(|| reader.duration())
}

/// The duration of a WebM with a video track.
fn webm_duration(file: std::fs::File) -> Option<std::time::Duration> {
    let m = matroska::Matroska::open(std::io::BufReader::new(file)).ok()?;
    m.video_tracks().next()?;
    Some(m.info.duration.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn videos_are_known_by_their_first_bytes() {
        assert_eq!(sniff(b"\0\0\0\x20ftypisom"), Some(VideoFormat::Mp4));
        assert_eq!(
            sniff(&[0x1A, 0x45, 0xDF, 0xA3, 0x9F]),
            Some(VideoFormat::Webm)
        );
        assert_eq!(sniff(b"ID3\x04"), None);
    }

    #[test]
    fn an_mp4_without_a_video_track_is_not_a_video() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("x.mp4");
        std::fs::write(&path, b"\0\0\0\x10ftypisom\0\0\0\0").expect("write");
        let err = check_now(&path, 1_000_000).expect_err("no moov");
        assert!(format!("{err:?}").contains("error-video-not-video"));
    }
}
