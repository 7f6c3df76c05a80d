//! The podcast: an editor keeps the series and uploads episodes through
//! the forms (multipart, no JavaScript); an episode is published only with
//! a transcript; listeners get its page, the audio in byte ranges and the
//! feed, read here by feedparser as podcast apps read it. The audio is
//! made in the test by FFmpeg's own encoders (PyAV), MP3 and M4A.

use std::process::Command;

use reqwest::multipart::{Form, Part};

use crate::common::{Client, EDITOR_EMAIL, EDITOR_PASSWORD, Page, Server, python};

/// A real recording of `seconds` seconds: `ext` is `mp3` or `m4a`.
pub(crate) fn audio(ext: &str, seconds: u32) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join(format!("opname.{ext}"));
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(python())
        .arg(root.join("scripts/make_audio.py"))
        .arg(&path)
        .arg(seconds.to_string())
        .output()
        .expect("run make_audio.py");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read(&path).expect("audio")
}

/// The feed as feedparser reads it (scripts/parse_feed.py).
fn parse_feed(xml: &str) -> serde_json::Value {
    use std::io::Write;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut child = Command::new(python())
        .arg(root.join("scripts/parse_feed.py"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run feedparser");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(xml.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("feedparser");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

/// Posts the new-episode form as a browser does: the CSRF token first,
/// then the audio, then the fields.
pub(crate) async fn upload(
    c: &Client,
    csrf: &str,
    file: Vec<u8>,
    name: &str,
    fields: &[(&str, &str)],
) -> Page {
    let mut form = Form::new().text("csrf", csrf.to_string()).part(
        "audio",
        Part::bytes(file)
            .file_name(name.to_string())
            .mime_str("application/octet-stream")
            .expect("mime"),
    );
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    let resp = c
        .http
        .post(c.abs("/redactie/podcast/nieuw"))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    Client::page(resp).await
}

/// The id in `/redactie/podcast/{id}?melding=toegevoegd` (or any
/// editors' page the redirect names).
pub(crate) fn id_of(r: &Page) -> String {
    let loc = r.location.as_deref().expect("a redirect");
    let path = loc.split('?').next().expect("path");
    path.rsplit('/').next().expect("id").to_string()
}

const VTT: &str = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nWelkom bij de aflevering over de proeftuin.\n\n00:00:02.000 --> 00:00:04.500\nWat ging er mis met het rooster?\n";

async fn get_range(c: &Client, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut req = c.http.get(c.abs(path));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.send().await.expect("GET")
}

#[tokio::test]
async fn an_episode_needs_a_transcript_then_plays_in_ranges_and_apps_read_the_feed() {
    let s = Server::start().await;
    let c = s.client();
    assert_eq!(c.login(EDITOR_EMAIL, EDITOR_PASSWORD).await.status, 303);
    let csrf = c.get("/redactie/podcast/nieuw").await.csrf();
    let mp3 = audio("mp3", 5);
    let fields = [
        ("title", "De proeftuin die stopte"),
        ("notes", "Over een **proeftuin** met zelfroosteren."),
        ("guests", "Noor Jansen, Pim de Wit"),
        ("date", "2026-11-20"),
        ("season", "2"),
        ("number", "7"),
        ("kind", "full"),
        ("chapters", "0:00 Welkom\n0:02 Het rooster"),
        ("transcript", ""),
    ];
    let r = upload(&c, &csrf, mp3.clone(), "opname.mp3", &fields).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let id = id_of(&r);
    let path = "/podcast/de-proeftuin-die-stopte";

    // A draft without a transcript cannot be published; the page says why.
    let edit = c.get(&format!("/redactie/podcast/{id}")).await;
    assert!(edit.body.contains("MP3, 1 minuut"), "{}", edit.body);
    let r = c
        .post_form(&format!("/redactie/podcast/{id}/publiceren"), &csrf, &[])
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body.contains("Voeg de uitgeschreven tekst toe"),
        "{}",
        r.body
    );
    assert_eq!(s.client().get(path).await.status, 404);

    // With a transcript (WebVTT) it goes online.
    let mut with_text: Vec<(&str, &str)> = fields.to_vec();
    with_text.retain(|(k, _)| *k != "transcript");
    with_text.push(("transcript", VTT));
    let r = c
        .post_form(&format!("/redactie/podcast/{id}"), &csrf, &with_text)
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let r = c
        .post_form(&format!("/redactie/podcast/{id}/publiceren"), &csrf, &[])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);

    // The page: the player, the chapters and the whole transcript.
    let listener = s.client();
    let page = listener.get(path).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(&format!(
            "<audio class=\"vo-audio\" controls preload=\"metadata\" src=\"{path}/audio.mp3\""
        )),
        "{}",
        page.body
    );
    assert!(page.body.contains("Het rooster"));
    assert!(
        page.body
            .contains("<p>Wat ging er mis met het rooster?</p>")
    );
    assert!(!page.body.contains("--&gt;"), "cue times are not text");

    // The API: duration read from the audio (5 s), chapters, transcript.
    let api = listener
        .get("/api/v1/episodes/de-proeftuin-die-stopte")
        .await
        .json();
    assert_eq!(api["duration"], 5, "{api}");
    assert_eq!(api["chapters"][1]["start"], 2);
    assert_eq!(api["transcript_type"], "text/vtt");
    assert_eq!(
        api["guests"],
        serde_json::json!(["Noor Jansen", "Pim de Wit"])
    );
    let vtt = listener.get(&format!("{path}/transcript.vtt")).await;
    assert_eq!(vtt.body.trim(), VTT.trim());
    assert!(
        vtt.headers["content-type"]
            .to_str()
            .expect("present")
            .starts_with("text/vtt")
    );
    let chapters = listener
        .get(&format!("{path}/hoofdstukken.json"))
        .await
        .json();
    assert_eq!(chapters["chapters"][1]["startTime"], 2);

    // The audio: whole, in ranges (closed, open-ended, suffix), 416 past
    // the end, HEAD, and 304 for the version the player has.
    let audio_path = format!("{path}/audio.mp3");
    let whole = get_range(&listener, &audio_path, &[]).await;
    assert_eq!(whole.status(), 200);
    assert_eq!(whole.headers()["accept-ranges"], "bytes");
    assert_eq!(whole.headers()["content-type"], "audio/mpeg");
    let etag = whole.headers()["etag"].to_str().expect("ascii").to_string();
    assert_eq!(
        whole.bytes().await.expect("request").as_ref(),
        mp3.as_slice()
    );
    let n = mp3.len();
    for (range, from, to) in [
        ("bytes=0-99".to_string(), 0, 100),
        (format!("bytes={}-", n - 300), n - 300, n),
        ("bytes=-50".to_string(), n - 50, n),
    ] {
        let r = get_range(&listener, &audio_path, &[("range", &range)]).await;
        assert_eq!(r.status(), 206, "{range}");
        assert_eq!(
            r.headers()["content-range"].to_str().expect("ascii"),
            format!("bytes {from}-{}/{n}", to - 1)
        );
        assert_eq!(
            r.bytes().await.expect("request").as_ref(),
            &mp3[from..to],
            "{range}"
        );
    }
    let past = get_range(&listener, &audio_path, &[("range", &format!("bytes={n}-"))]).await;
    assert_eq!(past.status(), 416);
    assert_eq!(
        past.headers()["content-range"].to_str().expect("ascii"),
        format!("bytes */{n}")
    );
    let head = listener
        .http
        .head(listener.abs(&audio_path))
        .send()
        .await
        .expect("present");
    assert_eq!(head.status(), 200);
    assert_eq!(
        head.headers()["content-length"].to_str().expect("ascii"),
        n.to_string()
    );
    assert!(head.bytes().await.expect("request").is_empty());
    let same = get_range(&listener, &audio_path, &[("if-none-match", &etag)]).await;
    assert_eq!(same.status(), 304);
    assert_eq!(listener.get(&format!("{path}/audio.m4a")).await.status, 404);

    // An M4A episode too, with a plain-text transcript.
    let m4a = audio("m4a", 4);
    let r = upload(
        &c,
        &csrf,
        m4a,
        "tweede.m4a",
        &[
            ("title", "Tweede gesprek"),
            ("notes", "Een kort gesprek."),
            ("date", "2026-11-21"),
            ("kind", "bonus"),
            ("transcript", "Dit is wat er gezegd werd."),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let second = id_of(&r);
    let r = c
        .post_form(
            &format!("/redactie/podcast/{second}/publiceren"),
            &csrf,
            &[],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let api = listener.get("/api/v1/episodes/tweede-gesprek").await.json();
    assert_eq!(api["audio_type"], "audio/mp4");
    assert_eq!(api["duration"], 4, "{api}");

    // The feed as feedparser reads it: both episodes with their GUIDs,
    // durations, enclosures and transcripts, and the demo's three.
    let xml = listener.get("/podcast/feed.xml").await.body;
    assert!(xml.contains("<podcast:guid>"), "the podcast's own GUID");
    let feed = parse_feed(&xml);
    assert_eq!(feed["title"], "Leren van wat misging");
    assert_eq!(feed["language"], "nl");
    let entries = feed["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 5, "{feed}");
    let first = entries
        .iter()
        .find(|e| e["title"] == "De proeftuin die stopte")
        .expect("in the feed");
    let listed = listener.get("/api/v1/episodes").await.json();
    let guid = listed["items"]
        .as_array()
        .expect("present")
        .iter()
        .find(|i| i["slug"] == "de-proeftuin-die-stopte")
        .expect("listed")["guid"]
        .clone();
    assert_eq!(first["id"], guid);
    assert_eq!(first["duration"], "5");
    assert_eq!(first["episode"], "7");
    assert_eq!(first["season"], "2");
    assert_eq!(first["enclosures"][0]["type"], "audio/mpeg");
    assert_eq!(first["enclosures"][0]["length"], n.to_string());
    assert!(
        first["enclosures"][0]["href"]
            .as_str()
            .expect("present")
            .ends_with(&audio_path)
    );
    assert_eq!(first["transcript"]["type"], "text/vtt");
    assert!(
        first["transcript"]["url"]
            .as_str()
            .expect("present")
            .ends_with("/transcript.vtt")
    );
    let bonus = entries
        .iter()
        .find(|e| e["title"] == "Tweede gesprek")
        .expect("m4a");
    assert_eq!(bonus["episode_type"], "bonus");
    assert_eq!(bonus["transcript"]["type"], "text/plain");

    // A new newsletter edition suggests the new episodes.
    let list = c.get("/redactie/nieuwsbrief").await;
    let created = c
        .post_form("/redactie/nieuwsbrief", &list.csrf(), &[])
        .await;
    assert_eq!(created.status, 303);
    let edition = c.get(&created.location.expect("edition")).await;
    assert!(
        edition.body.contains(&format!("value=\"{path}\"")),
        "{}",
        edition.body
    );
    assert!(edition.body.contains("value=\"aflevering\""));

    // Withdrawn: no page, no audio, not in the feed; the transcript of a
    // published episode cannot be emptied.
    let r = c
        .post_form(
            &format!("/redactie/podcast/{second}"),
            &csrf,
            &[
                ("title", "Tweede gesprek"),
                ("notes", "Een kort gesprek."),
                ("date", "2026-11-21"),
                ("kind", "bonus"),
                ("transcript", " "),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("Voeg de uitgeschreven tekst toe"));
    let r = c
        .post_form(&format!("/redactie/podcast/{id}/intrekken"), &csrf, &[])
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(listener.get(path).await.status, 404);
    assert_eq!(listener.get(&audio_path).await.status, 404);
    assert!(!listener.get("/podcast/feed.xml").await.body.contains(path));
}

#[tokio::test]
async fn what_is_not_audio_or_too_large_is_refused_and_what_was_typed_kept() {
    let s = Server::start_with_env(&["--demo"], &[("VOORUIT_AUDIO_LIMIT_MB", "1")]).await;
    let c = s.client();
    assert_eq!(c.login(EDITOR_EMAIL, EDITOR_PASSWORD).await.status, 303);
    let csrf = c.get("/redactie/podcast/nieuw").await.csrf();
    let pool = s.sql().await;
    let rows = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM episodes")
            .fetch_one(&pool)
            .await
            .expect("count")
    };
    let before = rows().await;
    let fields = [
        ("title", "Een titel die blijft staan"),
        ("notes", "Aantekeningen die blijven staan."),
        ("date", "2026-11-20"),
        ("kind", "full"),
    ];
    // A PDF named .mp3, then a file that starts as an MP3 but is not one.
    for (bytes, name) in [
        (b"%PDF-1.7 en verder niets".to_vec(), "stiekem.mp3"),
        (
            b"ID3\x04\x00\x00\x00\x00\x00\x00 geen geluid".repeat(50),
            "kapot.mp3",
        ),
    ] {
        let r = upload(&c, &csrf, bytes, name, &fields).await;
        assert_eq!(r.status, 422, "{name}");
        assert!(
            r.body.contains("geen MP3 of M4A die we kunnen afspelen"),
            "{name}: {}",
            r.body
        );
        assert!(r.body.contains("value=\"Een titel die blijft staan\""));
        assert!(r.body.contains("Aantekeningen die blijven staan."));
    }
    // Over the limit (1 MB here).
    let r = upload(&c, &csrf, vec![0xFF; 1_200_000], "groot.mp3", &fields).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Het bestand is te groot"), "{}", r.body);
    // A chapter past the end of real audio, and a date ahead.
    let mut bad = fields.to_vec();
    bad.retain(|(k, _)| *k != "date");
    bad.push(("date", "2099-01-01"));
    bad.push(("chapters", "0:00 Begin\n9:00 Te laat"));
    let r = upload(&c, &csrf, audio("mp3", 3), "kort.mp3", &bad).await;
    assert_eq!(r.status, 422);
    assert!(
        r.body.contains("na het einde van de aflevering"),
        "{}",
        r.body
    );
    assert!(r.body.contains("Kies vandaag of een dag die al geweest is"));
    assert!(r.body.contains("9:00 Te laat"), "what was typed is kept");
    assert_eq!(rows().await, before, "nothing was stored");
}

#[tokio::test]
async fn the_series_needs_a_square_picture_apps_take() {
    let s = Server::start().await;
    let c = s.client();
    assert_eq!(c.login(EDITOR_EMAIL, EDITOR_PASSWORD).await.status, 303);
    let page = c.get("/redactie/podcast").await;
    let csrf = page.csrf();
    // A picture of 800 by 600: refused, the rest of the form kept.
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbImage::new(800, 600)
        .write_to(&mut png, image::ImageFormat::Png)
        .expect("png");
    let form = |picture: Vec<u8>| {
        Form::new()
            .text("csrf", csrf.clone())
            .text("title", "Nieuwe naam")
            .text("description", "Over leren.")
            .text("author", "Netwerk")
            .text("owner_name", "Redactie")
            .text("owner_email", "redactie@netwerk.example")
            .text("category", "Education")
            .text("language", "nl")
            .text("kind", "serial")
            .text("cover_alt", "Een logo")
            .part("cover", Part::bytes(picture).file_name("logo.png"))
    };
    let post = |f: Form| async {
        Client::page(
            c.http
                .post(c.abs("/redactie/podcast"))
                .multipart(f)
                .send()
                .await
                .expect("post"),
        )
        .await
    };
    let r = post(form(png.into_inner())).await;
    assert_eq!(r.status, 422);
    assert!(
        r.body.contains("Kies een vierkante JPEG of PNG"),
        "{}",
        r.body
    );
    assert!(r.body.contains("value=\"Nieuwe naam\""));
    // A square one of 1400: taken; the feed names the series anew.
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_pixel(1400, 1400, image::Rgb([200, 30, 30]))
        .write_to(&mut png, image::ImageFormat::Png)
        .expect("png");
    let r = post(form(png.into_inner())).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let xml = s.client().get("/podcast/feed.xml").await.body;
    assert!(xml.contains("<title>Nieuwe naam</title>"));
    assert!(xml.contains("<itunes:type>serial</itunes:type>"));
    let picture = s.client().get("/podcast/omslag.png").await;
    assert_eq!(picture.status, 200);
    assert_eq!(picture.headers["content-type"], "image/png");
    // The old picture (the demo's) is gone from storage.
    let files = std::fs::read_dir(s.data_dir().join("files/podcast"))
        .expect("podcast files")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".png"))
        .count();
    assert_eq!(files, 1);
}
