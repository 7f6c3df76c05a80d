//! Publications: an editor uploads a PDF through the form (multipart, no
//! JavaScript), publishes it; readers see its page and download the file
//! (whole or in ranges); withdrawn, it is gone. Refused and broken uploads
//! leave nothing behind: no row, no stored file, no temporary file.

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};
use reqwest::multipart::{Form, Part};
use tokio::io::AsyncWriteExt;

use crate::common::{Client, Page, S3Server, Server, random_hex};

const PASSWORD: &str = "een lang genoeg wachtwoord";

/// A real PDF of `pages` pages, each with a line of text, and `padding`
/// bytes of extra (uncompressed) content to make it large.
fn pdf(pages: usize, padding: usize) -> Vec<u8> {
    pdf_saying(pages, padding, "Wat we leerden")
}

/// A real PDF whose pages say `text`, numbered.
pub(crate) fn pdf_saying(pages: usize, padding: usize, text: &str) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut kids = Vec::new();
    for n in 0..pages {
        let content = Content {
            operations: vec![
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), 14.into()]),
                Operation::new("Td", vec![72.into(), 700.into()]),
                Operation::new(
                    "Tj",
                    vec![Object::string_literal(format!("{text}, deel {n}"))],
                ),
                Operation::new("ET", vec![]),
            ],
        };
        let mut bytes = content.encode().expect("content");
        if n == 0 {
            bytes.extend(std::iter::repeat_n(b' ', padding));
        }
        let content_id = doc.add_object(Stream::new(dictionary! {}, bytes));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        });
        kids.push(page.into());
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => pages as i64,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("pdf");
    out
}

fn fields(title: &str) -> Vec<(&'static str, String)> {
    vec![
        ("title", title.to_string()),
        ("publisher", "Lerend Netwerk Zorg".into()),
        ("year", "2025".into()),
        (
            "summary",
            "Wat teams leerden van twee jaar werken met vaste koppels.\n\nVoor leidinggevenden."
                .into(),
        ),
        ("themes", "werkdruk".into()),
    ]
}

/// Posts the new-publication form as a browser does: the CSRF token
/// first, then the file, then the fields.
pub(crate) async fn upload(c: &Client, csrf: &str, file: Vec<u8>, name: &str, title: &str) -> Page {
    let mut form = Form::new().text("csrf", csrf.to_string()).part(
        "file",
        Part::bytes(file)
            .file_name(name.to_string())
            .mime_str("application/pdf")
            .expect("mime"),
    );
    for (k, v) in fields(title) {
        form = form.text(k, v);
    }
    let resp = c
        .http
        .post(c.abs("/redactie/publicaties/nieuw"))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    Client::page(resp).await
}

pub(crate) async fn editor(s: &Server) -> (Client, String) {
    s.add_user("eva@vooruit.test", "Eva Redacteur", "editor", PASSWORD);
    let c = s.client();
    let r = c.login("eva@vooruit.test", PASSWORD).await;
    assert_eq!(r.status, 303, "login: {}", r.body);
    let csrf = c.get("/redactie/publicaties/nieuw").await.csrf();
    (c, csrf)
}

/// Files under a directory of the data dir (stored files, uploads).
fn files_in(s: &Server, dir: &str) -> usize {
    fn walk(p: &std::path::Path) -> usize {
        std::fs::read_dir(p).map_or(0, |entries| {
            entries
                .flatten()
                .map(|e| {
                    let path = e.path();
                    if path.is_dir() { walk(&path) } else { 1 }
                })
                .sum()
        })
    }
    walk(&s.data_dir().join(dir))
}

async fn rows(s: &Server) -> i64 {
    let pool = s.sql().await;
    sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM publications")
        .fetch_one(&pool)
        .await
        .expect("count")
}

/// Publishes the publication with this slug through the editors' button;
/// returns its id.
pub(crate) async fn publish(s: &Server, c: &Client, csrf: &str, slug: &str) -> String {
    let pool = s.sql().await;
    let id: String = sqlx::query_scalar("SELECT id FROM publications WHERE slug = $1")
        .bind(slug)
        .fetch_one(&pool)
        .await
        .expect("row");
    let r = c
        .post_form(&format!("/redactie/publicaties/{id}/publiceren"), csrf, &[])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    id
}

async fn download(c: &Client, path: &str, range: Option<&str>) -> reqwest::Response {
    let mut req = c.http.get(c.abs(path));
    if let Some(r) = range {
        req = req.header("range", r);
    }
    req.send().await.expect("download")
}

#[tokio::test]
async fn an_uploaded_pdf_is_published_downloaded_in_ranges_and_withdrawn() {
    // With the demo's publications (made from text, published).
    let s = Server::start().await;
    let demo = s.client().get("/api/v1/publications").await.json();
    assert_eq!(demo["total"], 3, "{demo}");
    assert!(
        demo["items"][0]["page_count"]
            .as_i64()
            .is_some_and(|n| n >= 1)
    );
    let stored = files_in(&s, "files/publications");
    assert_eq!(stored, 3);
    let (c, csrf) = editor(&s).await;
    let file = pdf(3, 0);
    let r = upload(
        &c,
        &csrf,
        file.clone(),
        "../../etc/rapport.pdf",
        "Vaste koppels",
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(
        r.location.as_deref(),
        Some("/redactie/publicaties?melding=toegevoegd")
    );
    assert_eq!(files_in(&s, "files/publications"), stored + 1);
    assert_eq!(files_in(&s, "uploads"), 0, "the temporary file is gone");

    // A draft: the editors' list has it, readers do not.
    let list = c.get("/redactie/publicaties").await;
    assert!(list.body.contains("Vaste koppels"), "{}", list.body);
    assert!(list.body.contains("Concept"));
    let anon = s.client();
    assert!(
        !anon
            .get("/publicaties")
            .await
            .body
            .contains("Vaste koppels")
    );
    assert_eq!(anon.get("/publicaties/vaste-koppels").await.status, 404);
    assert_eq!(
        download(&anon, "/publicaties/vaste-koppels/bestand", None)
            .await
            .status(),
        404
    );
    assert_eq!(anon.get("/api/v1/publications").await.json()["total"], 3);

    // Published: the page says what it is, and the file is the upload.
    let id = publish(&s, &c, &csrf, "vaste-koppels").await;
    let page = anon.get("/publicaties/vaste-koppels").await;
    assert_eq!(page.status, 200);
    // A new newsletter edition suggests it (the newest publication).
    let editions = c.get("/redactie/nieuwsbrief").await;
    let created = c
        .post_form("/redactie/nieuwsbrief", &editions.csrf(), &[])
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let edition = c.get(&created.location.expect("edition")).await;
    let suggested = (0..20)
        .find(|i| {
            edition.input_value(&format!("item-{i}-url")).as_deref()
                == Some("/publicaties/vaste-koppels")
        })
        .expect("the new publication is suggested");
    assert_eq!(
        edition
            .input_value(&format!("item-{suggested}-kind"))
            .as_deref(),
        Some("publicatie")
    );
    assert!(page.body.contains("Lerend Netwerk Zorg"));
    let length = page.texts(".vo-meta dd");
    assert!(length.iter().any(|t| t == "3 pagina's"), "{length:?}");
    assert!(page.body.contains("Voor leidinggevenden."));
    assert!(
        anon.get("/publicaties")
            .await
            .body
            .contains("Vaste koppels")
    );

    let whole = download(&anon, "/publicaties/vaste-koppels/bestand", None).await;
    assert_eq!(whole.status(), 200);
    let h = whole.headers().clone();
    assert_eq!(h["content-type"], "application/pdf");
    assert_eq!(
        h["content-disposition"], "attachment; filename=\"vaste-koppels.pdf\"",
        "the name comes from the title, never from the upload"
    );
    assert_eq!(h["accept-ranges"], "bytes");
    assert_eq!(whole.bytes().await.expect("body").to_vec(), file);

    let part = download(
        &anon,
        "/publicaties/vaste-koppels/bestand",
        Some("bytes=0-9"),
    )
    .await;
    assert_eq!(part.status(), 206);
    assert_eq!(
        part.headers()["content-range"],
        format!("bytes 0-9/{}", file.len()).as_str()
    );
    assert_eq!(part.bytes().await.expect("body").as_ref(), &file[..10]);
    let tail = download(
        &anon,
        "/publicaties/vaste-koppels/bestand",
        Some("bytes=-7"),
    )
    .await;
    assert_eq!(tail.status(), 206);
    assert_eq!(
        tail.bytes().await.expect("body").as_ref(),
        &file[file.len() - 7..]
    );
    let past = format!("bytes={}-", file.len());
    let none = download(&anon, "/publicaties/vaste-koppels/bestand", Some(&past)).await;
    assert_eq!(none.status(), 416);
    // Compressed on the fly it is not, even when the client asks.
    let gz = anon
        .http
        .get(anon.abs("/publicaties/vaste-koppels/bestand"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("download");
    assert!(gz.headers().get("content-encoding").is_none());

    // Withdrawn: the page and the file are gone for readers.
    let r = c
        .post_form(&format!("/redactie/publicaties/{id}/intrekken"), &csrf, &[])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(anon.get("/publicaties/vaste-koppels").await.status, 404);
    assert_eq!(
        download(&anon, "/publicaties/vaste-koppels/bestand", None)
            .await
            .status(),
        404
    );
    assert!(
        !anon
            .get("/publicaties")
            .await
            .body
            .contains("Vaste koppels")
    );

    // Removed: row and file.
    let r = c
        .post_form(
            &format!("/redactie/publicaties/{id}/verwijderen"),
            &csrf,
            &[],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(rows(&s).await, 3);
    assert_eq!(files_in(&s, "files/publications"), stored);
}

#[tokio::test]
async fn refused_uploads_keep_what_was_typed_and_leave_nothing_behind() {
    let s = Server::start_with(&["--pdf-limit-mb", "1"]).await;
    let (c, csrf) = editor(&s).await;

    // Not a PDF, whatever its name and type say.
    let r = upload(&c, &csrf, b"<html>geen pdf</html>".to_vec(), "x.pdf", "Nep").await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body.contains("geen PDF die we kunnen openen"),
        "{}",
        r.body
    );
    assert_eq!(r.input_value("title").as_deref(), Some("Nep"));
    assert_eq!(
        r.input_value("publisher").as_deref(),
        Some("Lerend Netwerk Zorg")
    );

    // Starts like a PDF, but does not open.
    let mut broken = pdf(2, 0);
    broken.truncate(40);
    let r = upload(&c, &csrf, broken, "kapot.pdf", "Kapot").await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("geen PDF die we kunnen openen"));

    // Over the limit of this server (1 MB).
    let big = pdf(1, 1_200_000);
    let r = upload(&c, &csrf, big, "groot.pdf", "Groot").await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("Het bestand is te groot"), "{}", r.body);
    assert_eq!(r.input_value("title").as_deref(), Some("Groot"));

    // A good file with a bad field: the field's message, and the file
    // must be chosen again.
    let mut form_fields = fields("Goed bestand");
    form_fields[2].1 = "ooit".into();
    let mut form = Form::new()
        .text("csrf", csrf.clone())
        .part("file", Part::bytes(pdf(1, 0)).file_name("goed.pdf"));
    for (k, v) in form_fields {
        form = form.text(k, v);
    }
    let r = Client::page(
        c.http
            .post(c.abs("/redactie/publicaties/nieuw"))
            .multipart(form)
            .send()
            .await
            .expect("upload"),
    )
    .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("Vul een jaar in"));
    assert!(r.body.contains("kies het bestand daarna opnieuw"));
    assert_eq!(r.input_value("year").as_deref(), Some("ooit"));

    // Without the CSRF token first: refused before the file is read.
    let form = Form::new()
        .part("file", Part::bytes(pdf(1, 0)).file_name("a.pdf"))
        .text("csrf", csrf.clone())
        .text("title", "Vals");
    let r = Client::page(
        c.http
            .post(c.abs("/redactie/publicaties/nieuw"))
            .multipart(form)
            .send()
            .await
            .expect("upload"),
    )
    .await;
    assert_eq!(r.status, 400, "{}", r.body);

    // A connection broken halfway through the file.
    let head = format!(
        "POST /redactie/publicaties/nieuw HTTP/1.1\r\nHost: localhost\r\n\
         Cookie: {}\r\nContent-Type: multipart/form-data; boundary=XYZ\r\n\
         Content-Length: 500000\r\n\r\n\
         --XYZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\
         Content-Type: application/pdf\r\n\r\n%PDF-1.5\n",
        cookies(&c)
    );
    let addr = s.url("").trim_start_matches("http://").to_string();
    let mut tcp = tokio::net::TcpStream::connect(addr).await.expect("connect");
    tcp.write_all(head.as_bytes()).await.expect("write");
    tcp.write_all(&vec![b'x'; 100_000]).await.expect("write");
    tcp.flush().await.expect("flush");
    let mut waited = 0;
    while files_in(&s, "uploads") == 0 && waited < 50 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        waited += 1;
    }
    assert_eq!(files_in(&s, "uploads"), 1, "the upload is on its way in");
    drop(tcp);
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;

    assert_eq!(rows(&s).await, 0, "no row for any refused upload");
    assert_eq!(files_in(&s, "files"), 0, "nothing in storage");
    assert_eq!(files_in(&s, "uploads"), 0, "no temporary file left");
}

/// The Cookie header the client's session sends (session and CSRF).
fn cookies(c: &Client) -> String {
    use reqwest::cookie::CookieStore;
    let url: reqwest::Url = c.abs("/").parse().expect("url");
    c.jar
        .cookies(&url)
        .and_then(|v| v.to_str().ok().map(str::to_string))
        .unwrap_or_default()
}

#[tokio::test]
async fn a_crash_between_storing_the_file_and_its_row_leaves_files_that_are_swept() {
    let mut s = Server::start_with_env(
        &[],
        &[
            ("VOORUIT_MODE", "test"),
            ("VOORUIT_TEST_FAULT", "publications.store:1"),
        ],
    )
    .await;
    let (c, csrf) = editor(&s).await;
    let pending = tokio::spawn(async move {
        let _ = upload(&c, &csrf, pdf(2, 0), "a.pdf", "Half opgeslagen").await;
    });
    s.wait_for_output("test fault point: publications.store")
        .await;
    s.kill_hard();
    let _ = pending.await;

    // The power cut: the file is stored, its row never committed.
    assert_eq!(rows(&s).await, 0);
    assert_eq!(files_in(&s, "files"), 1);
    assert_eq!(files_in(&s, "uploads"), 1, "the temporary copy too");
    let pool = s.sql().await;
    let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pending_files")
        .fetch_one(&pool)
        .await
        .expect("pending");
    assert_eq!(pending, 1);

    // Files younger than the default hour are left alone (an upload may
    // still be on its way); the sweep takes what is old enough.
    assert_eq!(s.cli(&["sweep-files"]).trim(), "removed 0 file(s)");
    assert_eq!(files_in(&s, "files"), 1);
    assert_eq!(
        s.cli(&["sweep-files", "--older-than-minutes", "0"]).trim(),
        "removed 2 file(s)"
    );
    assert_eq!(files_in(&s, "files"), 0);
    assert_eq!(files_in(&s, "uploads"), 0);
    let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pending_files")
        .fetch_one(&pool)
        .await
        .expect("pending");
    assert_eq!(pending, 0);
}

#[tokio::test]
async fn with_an_s3_store_files_live_there_and_nowhere_else() {
    let s3 = S3Server::start().await;
    let bucket = format!("vooruit-{}", random_hex(6));
    s3.create_bucket(&bucket).await;
    let url = format!("s3://{bucket}/site");
    let env = s3.env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let s = Server::start_with_env(&["--storage-url", &url], &env).await;
    let (c, csrf) = editor(&s).await;

    let file = pdf(2, 300_000);
    let r = upload(&c, &csrf, file.clone(), "rapport.pdf", "Op de plank").await;
    assert_eq!(r.status, 303, "{}", r.body);
    let keys = s3.keys(&bucket).await;
    assert_eq!(keys.len(), 1, "{keys:?}");
    assert!(
        keys[0].starts_with("site/publications/") && keys[0].ends_with(".pdf"),
        "{keys:?}"
    );
    assert_eq!(files_in(&s, "files"), 0, "nothing on the node's disk");
    assert_eq!(files_in(&s, "uploads"), 0);

    // Refused: nothing new in the bucket.
    let r = upload(&c, &csrf, b"%PDF-kapot".to_vec(), "x.pdf", "Kapot").await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(s3.keys(&bucket).await.len(), 1);

    let id = publish(&s, &c, &csrf, "op-de-plank").await;
    let anon = s.client();
    let whole = download(&anon, "/publicaties/op-de-plank/bestand", None).await;
    assert_eq!(whole.status(), 200);
    assert_eq!(whole.bytes().await.expect("body").to_vec(), file);
    let part = download(
        &anon,
        "/publicaties/op-de-plank/bestand",
        Some("bytes=100000-100099"),
    )
    .await;
    assert_eq!(part.status(), 206);
    assert_eq!(
        part.bytes().await.expect("body").as_ref(),
        &file[100_000..100_100]
    );

    let r = c
        .post_form(
            &format!("/redactie/publicaties/{id}/verwijderen"),
            &csrf,
            &[],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(s3.keys(&bucket).await, Vec::<String>::new());

    // A copy that a crash broke off leaves an unfinished multipart upload
    // (parts stored, no object); the sweeper aborts ours once they are old
    // enough, and leaves what is not under our prefix.
    let ours = s3
        .start_upload(&bucket, "site/publications/afgebroken.pdf")
        .await;
    let theirs = s3.start_upload(&bucket, "ander/archief.pdf").await;
    assert_eq!(s3.uploads(&bucket).await.len(), 2);
    // moto says every upload started on 2010-11-10: thirty years is
    // older than that, so nothing is old enough yet.
    let thirty_years = (30 * 365 * 24 * 60).to_string();
    s.cli(&[
        "--storage-url",
        &url,
        "sweep-files",
        "--older-than-minutes",
        &thirty_years,
    ]);
    assert_eq!(s3.uploads(&bucket).await.len(), 2, "not old enough yet");
    let out = s.cli(&[
        "--storage-url",
        &url,
        "sweep-files",
        "--older-than-minutes",
        "0",
    ]);
    assert_eq!(out.trim(), "removed 1 file(s)");
    let left = s3.uploads(&bucket).await;
    assert!(!left.contains(&ours), "{left:?}");
    assert!(left.contains(&theirs), "{left:?}");
}

/// A picture of `w` x `h` pixels, encoded as `format`.
fn picture(w: u32, h: u32, format: image::ImageFormat) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, format).expect("encode");
    out.into_inner()
}

/// The new-publication form with a cover picture (and its description).
async fn upload_with_cover(c: &Client, csrf: &str, cover: Vec<u8>, alt: &str, title: &str) -> Page {
    let mut form = Form::new()
        .text("csrf", csrf.to_string())
        .part(
            "file",
            Part::bytes(pdf(1, 0))
                .file_name("rapport.pdf")
                .mime_str("application/pdf")
                .expect("mime"),
        )
        .part(
            "cover",
            Part::bytes(cover)
                .file_name("omslag.png")
                .mime_str("image/png")
                .expect("mime"),
        )
        .text("cover_alt", alt.to_string());
    for (k, v) in fields(title) {
        form = form.text(k, v);
    }
    let resp = c
        .http
        .post(c.abs("/redactie/publicaties/nieuw"))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    Client::page(resp).await
}

#[tokio::test]
async fn a_cover_picture_needs_a_description_and_is_shown_resized_with_its_size() {
    let s = Server::start_with(&[]).await;
    let (c, csrf) = editor(&s).await;
    let big = picture(1600, 2200, image::ImageFormat::Png);

    // Without its description: refused, what was typed kept, nothing stored.
    let r = upload_with_cover(&c, &csrf, big.clone(), "", "Met omslag").await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("Beschrijf wat er op de afbeelding staat."));
    assert_eq!(r.input_value("title").as_deref(), Some("Met omslag"));
    // Not a picture (a PDF named .png): refused by its content.
    let r = upload_with_cover(&c, &csrf, pdf(1, 0), "Een omslag", "Met omslag").await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body
            .contains("Dit bestand is geen afbeelding die we kunnen openen.")
    );
    // A truncated PNG: the right first bytes, but it does not decode.
    let r = upload_with_cover(
        &c,
        &csrf,
        big[..big.len() / 3].to_vec(),
        "Een omslag",
        "Met omslag",
    )
    .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(rows(&s).await, 0);
    assert_eq!(files_in(&s, "files"), 0);
    assert_eq!(files_in(&s, "uploads"), 0);

    let r = upload_with_cover(
        &c,
        &csrf,
        big,
        "Twee verpleegkundigen lachen bij de koffieautomaat",
        "Met omslag",
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(
        files_in(&s, "files"),
        3,
        "the PDF, the cover and its original"
    );
    publish(&s, &c, &csrf, "met-omslag").await;
    let anon = s.client();
    let page = anon.get("/publicaties/met-omslag").await;
    let img = page
        .html()
        .select(&scraper::Selector::parse("img.vo-publication__cover").expect("selector"))
        .next()
        .map(|e| e.value().clone())
        .expect("the cover is shown");
    assert_eq!(
        img.attr("alt"),
        Some("Twee verpleegkundigen lachen bij de koffieautomaat")
    );
    // The web version fits 480 x 680 and keeps the picture's proportions;
    // the page says its size (shown at half, for sharp screens).
    let cover = anon
        .http
        .get(anon.abs("/publicaties/met-omslag/omslag.jpg"))
        .send()
        .await
        .expect("cover");
    assert_eq!(cover.status(), 200);
    assert_eq!(cover.headers()["content-type"], "image/jpeg");
    let bytes = cover.bytes().await.expect("bytes");
    let web = image::load_from_memory(&bytes).expect("a picture");
    assert_eq!((web.width(), web.height()), (480, 660));
    assert_eq!(img.attr("width"), Some("240"));
    assert_eq!(img.attr("height"), Some("330"));
    let api = anon.get("/api/v1/publications/met-omslag").await.json();
    assert_eq!(api["cover"]["width"], 480);
    assert_eq!(
        api["cover"]["alt"],
        "Twee verpleegkundigen lachen bij de koffieautomaat"
    );

    // The description can be changed, not emptied.
    let id: String = sqlx::query_scalar("SELECT id FROM publications WHERE slug = 'met-omslag'")
        .fetch_one(&s.sql().await)
        .await
        .expect("id");
    let mut form = fields("Met omslag");
    form.push(("cover_alt", String::new()));
    let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = c
        .post_form(&format!("/redactie/publicaties/{id}"), &csrf, &refs)
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("Beschrijf wat er op de afbeelding staat."));

    // Withdrawn: the cover goes with the page; removed: every file goes.
    let r = c
        .post_form(&format!("/redactie/publicaties/{id}/intrekken"), &csrf, &[])
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        anon.get("/publicaties/met-omslag/omslag.jpg").await.status,
        404
    );
    let r = c
        .post_form(
            &format!("/redactie/publicaties/{id}/verwijderen"),
            &csrf,
            &[],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(files_in(&s, "files"), 0);
}

#[tokio::test]
async fn without_a_picture_the_first_page_is_the_cover_when_pdftoppm_is_there() {
    // A stand-in for poppler's pdftoppm that answers as it does: with
    // -singlefile -png it writes <last argument>.png.
    let dir = tempfile::tempdir().expect("dir");
    let page = dir.path().join("page.png");
    std::fs::write(&page, picture(1240, 1754, image::ImageFormat::Png)).expect("png");
    let drawer = dir.path().join("pdftoppm");
    std::fs::write(
        &drawer,
        format!(
            "#!/bin/sh\ncase \"$*\" in *-singlefile*-png*) ;; *) exit 2 ;; esac\nfor last; do :; done\ncp '{}' \"$last.png\"\n",
            page.display()
        ),
    )
    .expect("script");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&drawer, std::fs::Permissions::from_mode(0o755)).expect("chmod");

    let drawer = drawer.display().to_string();
    let s = Server::start_with(&["--pdftoppm", &drawer]).await;
    let (c, csrf) = editor(&s).await;
    let r = upload(&c, &csrf, pdf(2, 0), "rapport.pdf", "Getekend").await;
    assert_eq!(r.status, 303, "{}", r.body);
    publish(&s, &c, &csrf, "getekend").await;
    let anon = s.client();
    let shown = anon.get("/publicaties/getekend").await;
    assert!(
        shown
            .body
            .contains("src=\"/publicaties/getekend/omslag.jpg\""),
        "{}",
        shown.body
    );
    assert!(
        shown.body.contains("alt=\"\""),
        "a drawing of the page the title names"
    );
    let cover = anon
        .http
        .get(anon.abs("/publicaties/getekend/omslag.jpg"))
        .send()
        .await
        .expect("cover");
    let web = image::load_from_memory(&cover.bytes().await.expect("bytes")).expect("a picture");
    assert!(
        web.width() <= 480 && web.height() <= 680,
        "{}x{}",
        web.width(),
        web.height()
    );
    assert_eq!(files_in(&s, "uploads"), 0, "the drawing is not left behind");

    // With no drawer: a generic cover, and no cover file.
    let s = Server::start_with(&["--pdftoppm", "/bestaat/niet/pdftoppm"]).await;
    let (c, csrf) = editor(&s).await;
    let r = upload(&c, &csrf, pdf(2, 0), "rapport.pdf", "Ongetekend").await;
    assert_eq!(r.status, 303, "{}", r.body);
    publish(&s, &c, &csrf, "ongetekend").await;
    let shown = s.client().get("/publicaties/ongetekend").await;
    assert!(shown.body.contains("<svg class=\"vo-publication__cover\""));
    assert_eq!(
        s.client()
            .get("/publicaties/ongetekend/omslag.jpg")
            .await
            .status,
        404
    );
    assert_eq!(files_in(&s, "files"), 1);
}
