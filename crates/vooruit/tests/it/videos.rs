//! Videos: an editor uploads a video (MP4 or WebM, made here by FFmpeg's
//! encoders through PyAV) with its poster and Dutch captions, or names
//! one on YouTube; it is published only with a transcript. Viewers get
//! the player with captions, the file in byte ranges, and for a platform's
//! video a placeholder that fetches nothing from the platform until asked,
//! with a Content-Security-Policy that allows that platform's frames only
//! on the page that loads it.

use std::process::Command;

use reqwest::multipart::{Form, Part};

use crate::common::{Client, EDITOR_EMAIL, EDITOR_PASSWORD, Page, Server, python};
use crate::podcast::id_of;

/// A real video of `seconds` seconds: `ext` is `mp4` or `webm`.
fn video(ext: &str, seconds: u32) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join(format!("film.{ext}"));
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(python())
        .arg(root.join("scripts/make_video.py"))
        .arg(&path)
        .arg(seconds.to_string())
        .output()
        .expect("run make_video.py");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read(&path).expect("video")
}

fn poster() -> Vec<u8> {
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_pixel(640, 360, image::Rgb([20, 60, 110]))
        .write_to(&mut png, image::ImageFormat::Png)
        .expect("png");
    png.into_inner()
}

/// Posts the new-video form as a browser does: the CSRF token first, then
/// the fields, then (for an upload) the file and the poster.
pub(crate) async fn upload(
    c: &Client,
    csrf: &str,
    file: Option<(Vec<u8>, &str, Vec<u8>)>,
    fields: &[(&str, &str)],
) -> Page {
    let mut form = Form::new().text("csrf", csrf.to_string());
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    if let Some((bytes, name, picture)) = file {
        form = form
            .part("file", Part::bytes(bytes).file_name(name.to_string()))
            .part("poster", Part::bytes(picture).file_name("poster.png"));
    }
    let resp = c
        .http
        .post(c.abs("/redactie/video/nieuw"))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    Client::page(resp).await
}

const CAPTIONS: &str = "WEBVTT\n\n00:00.000 --> 00:01.500\nWelkom bij de uitleg.\n";

fn csp(p: &Page) -> String {
    p.headers["content-security-policy"]
        .to_str()
        .expect("ascii")
        .to_string()
}

#[tokio::test]
async fn an_uploaded_video_plays_with_captions_and_a_platform_video_loads_only_when_asked() {
    let s = Server::start().await;
    let c = s.client();
    assert_eq!(c.login(EDITOR_EMAIL, EDITOR_PASSWORD).await.status, 303);
    let csrf = c.get("/redactie/video/nieuw").await.csrf();
    let viewer = s.client();

    // Without captions an upload is refused, and what was typed stays.
    let mp4 = video("mp4", 2);
    let fields = [
        ("title", "Uitleg over het rooster"),
        ("description", "Hoe het team **zelf** roostert."),
        ("transcript", ""),
    ];
    let r = upload(
        &c,
        &csrf,
        Some((mp4.clone(), "film.mp4", poster())),
        &fields,
    )
    .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body.contains("Voeg Nederlandse ondertitels toe"),
        "{}",
        r.body
    );
    assert!(r.body.contains("value=\"Uitleg over het rooster\""));
    // Not a video (an M4A has sound but no picture).
    let mut with_captions = fields.to_vec();
    with_captions.push(("captions_nl", CAPTIONS));
    let m4a = crate::podcast::audio("m4a", 2);
    let r = upload(&c, &csrf, Some((m4a, "film.mp4", poster())), &with_captions).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("geen MP4 of WebM met beeld"), "{}", r.body);

    // With captions and a poster: a draft, published once it has a transcript.
    let r = upload(
        &c,
        &csrf,
        Some((mp4.clone(), "film.mp4", poster())),
        &with_captions,
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let id = id_of(&r);
    let r = c
        .post_form(&format!("/redactie/video/{id}/publiceren"), &csrf, &[])
        .await;
    assert_eq!(r.status, 422);
    assert!(
        r.body.contains("Voeg de uitgeschreven tekst toe"),
        "{}",
        r.body
    );
    let mut complete: Vec<(&str, &str)> = with_captions.clone();
    complete.retain(|(k, _)| *k != "transcript");
    complete.push(("transcript", "In beeld: een rooster op een whiteboard."));
    let r = c
        .post_form(&format!("/redactie/video/{id}"), &csrf, &complete)
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let r = c
        .post_form(&format!("/redactie/video/{id}/publiceren"), &csrf, &[])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);

    let path = "/video/uitleg-over-het-rooster";
    let page = viewer.get(path).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("<video class=\"vo-video\" controls"),
        "{}",
        page.body
    );
    assert!(page.body.contains(&format!(
        "<track kind=\"captions\" srclang=\"nl\" label=\"Nederlands\" src=\"{path}/ondertitels.nl.vtt\" default>"
    )));
    assert!(
        page.body
            .contains("In beeld: een rooster op een whiteboard.")
    );
    assert!(!csp(&page).contains("frame-src"), "no frames on this page");
    let vtt = viewer.get(&format!("{path}/ondertitels.nl.vtt")).await;
    assert_eq!(vtt.body, CAPTIONS.trim());
    assert_eq!(
        viewer
            .get(&format!("{path}/ondertitels.en.vtt"))
            .await
            .status,
        404
    );
    let picture = viewer.get(&format!("{path}/poster.jpg")).await;
    assert_eq!(picture.headers["content-type"], "image/jpeg");
    let part = viewer
        .http
        .get(viewer.abs(&format!("{path}/bestand.mp4")))
        .header("range", "bytes=10-19")
        .send()
        .await
        .expect("range");
    assert_eq!(part.status(), 206);
    assert_eq!(part.headers()["content-type"], "video/mp4");
    assert_eq!(part.bytes().await.expect("bytes").as_ref(), &mp4[10..20]);
    let api = viewer
        .get("/api/v1/videos/uitleg-over-het-rooster")
        .await
        .json();
    assert_eq!(api["source"], "file");
    assert_eq!(api["file_type"], "video/mp4");
    assert_eq!(api["duration"], 2, "{api}");
    assert_eq!(api["captions"][0]["language"], "nl");

    // A WebM with English captions too.
    let mut webm_fields: Vec<(&str, &str)> = complete.clone();
    webm_fields.retain(|(k, _)| *k != "title");
    webm_fields.push(("title", "Tweede uitleg"));
    webm_fields.push((
        "captions_en",
        "WEBVTT\n\n00:00.000 --> 00:01.000\nWelcome.\n",
    ));
    let r = upload(
        &c,
        &csrf,
        Some((video("webm", 2), "film.webm", poster())),
        &webm_fields,
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let webm = id_of(&r);
    c.post_form(&format!("/redactie/video/{webm}/publiceren"), &csrf, &[])
        .await;
    let page = viewer.get("/video/tweede-uitleg").await;
    assert!(page.body.contains("type=\"video/webm\""), "{}", page.body);
    assert!(page.body.contains("srclang=\"en\""));

    // On YouTube: a placeholder that names the platform and links to it;
    // no frame, nothing from YouTube, until the visitor asks.
    let r = upload(
        &c,
        &csrf,
        None,
        &[
            ("title", "Gesprek op YouTube"),
            ("description", "Een gesprek."),
            ("transcript", "Wat er gezegd werd."),
            ("embed_url", "https://www.youtube.com/watch?v=abcdefghijk"),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let yt = id_of(&r);
    c.post_form(&format!("/redactie/video/{yt}/publiceren"), &csrf, &[])
        .await;
    let page = viewer.get("/video/gesprek-op-youtube").await;
    assert!(!page.body.contains("<iframe"));
    assert!(
        !page.body.contains("youtube-nocookie"),
        "no address of the player yet"
    );
    assert!(page.body.contains("Deze video staat op YouTube"));
    assert!(
        page.body
            .contains("href=\"https://www.youtube.com/watch?v=abcdefghijk\"")
    );
    assert!(
        page.body
            .contains("href=\"/video/gesprek-op-youtube?laden=1\"")
    );
    assert!(!csp(&page).contains("frame-src"));
    let loaded = viewer.get("/video/gesprek-op-youtube?laden=1").await;
    assert!(
        loaded
            .body
            .contains("<iframe src=\"https://www.youtube-nocookie.com/embed/abcdefghijk\""),
        "{}",
        loaded.body
    );
    assert!(
        csp(&loaded).ends_with("; frame-src https://www.youtube-nocookie.com"),
        "{}",
        csp(&loaded)
    );
    assert!(!csp(&viewer.get("/video").await).contains("frame-src"));

    // A link that is not YouTube or Vimeo is refused.
    let r = upload(
        &c,
        &csrf,
        None,
        &[
            ("title", "Elders"),
            ("description", "Ergens anders."),
            ("embed_url", "https://example.com/watch?v=abcdefghijk"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("YouTube of Vimeo"), "{}", r.body);

    // Withdrawn: page and file gone.
    c.post_form(&format!("/redactie/video/{id}/intrekken"), &csrf, &[])
        .await;
    assert_eq!(viewer.get(path).await.status, 404);
    assert_eq!(viewer.get(&format!("{path}/bestand.mp4")).await.status, 404);
}
