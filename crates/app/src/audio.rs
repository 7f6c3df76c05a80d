//! Podcast audio. An upload is audio only when it is: MP3 or M4A by its
//! first bytes, then opened and decoded from start to end (never by its
//! name or the browser's word). Its duration is counted from the audio
//! itself, so the feed and the page say how long it really is.

use std::io::Read;
use std::path::Path;

use symphonia::core::codecs::{CODEC_TYPE_NULL, DecoderOptions};
use symphonia::core::errors::Error as AudioError;
use symphonia::core::formats::FormatOptions;
use symphonia::core::io::MediaSourceStream;
use symphonia::core::meta::MetadataOptions;
use symphonia::core::probe::Hint;
use vooruit_domain::podcast::AudioFormat;

use crate::{AppError, AppResult};

/// Audio decoded on this node at once: decoding an hour takes a core for
/// a second or two; more at once would slow every page.
static DECODING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

/// A few damaged frames are normal in real recordings; more than this
/// share of them is a broken file.
const DAMAGED_MAX: f64 = 0.05;

/// Audio that was checked.
#[derive(Debug, Clone)]
pub struct CheckedAudio {
    pub size: u64,
    pub format: AudioFormat,
    pub duration_ms: i64,
}

/// Checks the audio at `path` (at most `limit` bytes). Errors are for the
/// form field `audio`.
pub async fn check(path: &Path, limit: u64) -> AppResult<CheckedAudio> {
    let _turn = DECODING
        .acquire()
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let path = path.to_path_buf();
    tokio::task::spawn_blocking(move || check_now(&path, limit))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
}

fn check_now(path: &Path, limit: u64) -> AppResult<CheckedAudio> {
    let refuse = |key: &'static str| AppError::field("audio", key);
    let internal = |e: std::io::Error| AppError::Internal(e.to_string());
    let size = std::fs::metadata(path).map_err(internal)?.len();
    if size == 0 {
        return Err(refuse("error-audio-required"));
    }
    if size > limit {
        return Err(refuse("error-audio-too-large"));
    }
    let mut head = [0u8; 12];
    let mut file = std::fs::File::open(path).map_err(internal)?;
    let n = file.read(&mut head).map_err(internal)?;
    let format = sniff(&head[..n]).ok_or(refuse("error-audio-not-audio"))?;
    let file = std::fs::File::open(path).map_err(internal)?;
    let duration_ms = decode(file, format).ok_or(refuse("error-audio-not-audio"))?;
    if duration_ms < 1000 {
        return Err(refuse("error-audio-not-audio"));
    }
    Ok(CheckedAudio {
        size,
        format,
        duration_ms,
    })
}

/// MP3 starts with an ID3 tag or a frame's sync bits; M4A is an MP4
/// file (`ftyp` box first).
fn sniff(head: &[u8]) -> Option<AudioFormat> {
    match head {
        [b'I', b'D', b'3', ..] => Some(AudioFormat::Mp3),
        [0xFF, b, ..] if b & 0xE0 == 0xE0 => Some(AudioFormat::Mp3),
        [_, _, _, _, b'f', b't', b'y', b'p', ..] => Some(AudioFormat::M4a),
        _ => None,
    }
}

/// Decodes the first audio track whole; its length in milliseconds, or
/// None when it is not audio we can play.
fn decode(file: std::fs::File, format: AudioFormat) -> Option<i64> {
    let stream = MediaSourceStream::new(Box::new(file), Default::default());
    let mut hint = Hint::new();
    hint.with_extension(format.as_str());
    let probed = symphonia::default::get_probe()
        .format(
            &hint,
            stream,
            &FormatOptions::default(),
            &MetadataOptions::default(),
        )
        .ok()?;
    let mut reader = probed.format;
    let track = reader
        .tracks()
        .iter()
        .find(|t| t.codec_params.codec != CODEC_TYPE_NULL)?;
    let (track_id, params) = (track.id, track.codec_params.clone());
    let time_base = params.time_base?;
    let mut decoder = symphonia::default::get_codecs()
        .make(&params, &DecoderOptions::default())
        .ok()?;
    let (mut ticks, mut good, mut damaged) = (0u64, 0u64, 0u64);
    loop {
        let packet = match reader.next_packet() {
            Ok(p) => p,
            Err(AudioError::IoError(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
            Err(_) => return None,
        };
        if packet.track_id() != track_id {
            continue;
        }
        ticks += packet.dur;
        match decoder.decode(&packet) {
            Ok(_) => good += 1,
            Err(AudioError::DecodeError(_)) => damaged += 1,
            Err(_) => return None,
        }
    }
    if good == 0 || damaged as f64 > (good + damaged) as f64 * DAMAGED_MAX {
        return None;
    }
    let t = time_base.calc_time(ticks);
    Some(t.seconds as i64 * 1000 + (t.frac * 1000.0).round() as i64)
}

/// Seconds of silence as MP3 (MPEG-2 layer III, 16 kHz mono, 8 kbit/s):
/// frames whose every value is zero decode to silence. The demo's
/// episodes are this (we make no recordings); tests make real ones.
pub fn silent_mp3(seconds: u32) -> Vec<u8> {
    // Header: sync, MPEG-2, layer III, no CRC; 8 kbit/s, 16 kHz; mono.
    const HEADER: [u8; 4] = [0xFF, 0xF3, 0x18, 0xC4];
    // 576 samples a frame at 16 kHz: 36 ms; 8000 bit/s * 0.036 s / 8 = 36 bytes.
    const FRAME: usize = 36;
    let frames = (seconds as usize * 16_000).div_ceil(576);
    let mut out = Vec::with_capacity(frames * FRAME);
    for _ in 0..frames {
        out.extend_from_slice(&HEADER);
        out.extend(std::iter::repeat_n(0u8, FRAME - HEADER.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audio_is_known_by_its_first_bytes() {
        assert_eq!(sniff(b"ID3\x04\x00"), Some(AudioFormat::Mp3));
        assert_eq!(sniff(&[0xFF, 0xFB, 0x90]), Some(AudioFormat::Mp3));
        assert_eq!(sniff(b"\0\0\0\x20ftypM4A "), Some(AudioFormat::M4a));
        assert_eq!(sniff(b"%PDF-1.7"), None);
        assert_eq!(sniff(b"RIFF\0\0\0\0WAVE"), None);
    }

    #[test]
    fn silence_decodes_and_lasts_as_long_as_asked() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("stil.mp3");
        std::fs::write(&path, silent_mp3(90)).expect("write");
        let checked = check_now(&path, 10_000_000).expect("plays");
        assert_eq!(checked.format, AudioFormat::Mp3);
        assert!(
            (89_500..=90_500).contains(&checked.duration_ms),
            "{}",
            checked.duration_ms
        );
        let err = check_now(&path, 1000).expect_err("too large");
        assert!(format!("{err:?}").contains("error-audio-too-large"));
        std::fs::write(&path, b"ID3 but nothing after").expect("write");
        let err = check_now(&path, 10_000_000).expect_err("not audio");
        assert!(format!("{err:?}").contains("error-audio-not-audio"));
    }
}
