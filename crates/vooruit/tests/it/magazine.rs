//! The magazine: an editor makes an issue through the form (multipart, no
//! JavaScript) with sections, a story that was shared and a new article
//! written for it, and the printed PDF; the issue cannot be published while
//! an article is in review; marking them ready and publishing the issue
//! publishes both articles (the teller is told); readers get the issue as a
//! table of contents, each article links back, and withdrawing the issue
//! removes its page and the links but not the stories.

use reqwest::multipart::{Form, Part};

use crate::common::{
    Client, EDITOR_EMAIL, EDITOR_PASSWORD, Page, Server, as_refs, editor_api, share_story,
    story_fields, story_id,
};
use crate::podcast::id_of;
use crate::publications::pdf_saying;

/// Posts the issue form as a browser does: the CSRF token first, the
/// fields, then the PDF (`file`) when there is one.
pub(crate) async fn post(
    c: &Client,
    path: &str,
    csrf: &str,
    fields: &[(&str, &str)],
    pdf: Option<Vec<u8>>,
) -> Page {
    let mut form = Form::new().text("csrf", csrf.to_string());
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    if let Some(bytes) = pdf {
        form = form.part(
            "file",
            Part::bytes(bytes)
                .file_name("nummer.pdf")
                .mime_str("application/pdf")
                .expect("mime"),
        );
    }
    let resp = c
        .http
        .post(c.abs(path))
        .multipart(form)
        .send()
        .await
        .expect("post");
    Client::page(resp).await
}

fn stored_pdfs(s: &Server) -> usize {
    std::fs::read_dir(s.data_dir().join("files/magazine")).map_or(0, |d| d.count())
}

#[tokio::test]
async fn an_issue_publishes_its_ready_articles_and_reads_as_a_table_of_contents() {
    let s = Server::start().await;
    let c = s.client();
    assert_eq!(c.login(EDITOR_EMAIL, EDITOR_PASSWORD).await.status, 303);
    let api = editor_api(&s).await;
    // A story shared by a teller: it waits in the editors' queue.
    let visitor = s.client();
    share_story(
        &visitor,
        "Interview: een wijkagent over samen leren",
        "Joris Bakker",
        "",
        "joris@example.nl",
        true,
        false,
    )
    .await;
    let shared = story_id(&api, "Interview: een wijkagent over samen leren").await;
    // The demo issue has a PDF already.
    let pdfs = stored_pdfs(&s);

    // The new issue form offers that story; a bad number is refused and
    // everything typed stays.
    let form = c.get("/redactie/magazine/nieuw").await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains(&format!("<option value=\"{shared}\"")));
    let csrf = form.csrf();
    let mut fields = vec![
        ("name", "Het Leerblad"),
        ("number", "nul"),
        ("date", "2026-10-01"),
        ("theme", "Samen leren in de wijk"),
        ("colophon", "Redactie: het team van het netwerk."),
        ("section-0-title", "Interviews"),
        ("section-1-title", "Column"),
        ("article-0-story", shared.as_str()),
        ("article-0-section", "1"),
    ];
    let r = post(&c, "/redactie/magazine/nieuw", &csrf, &fields, None).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body.contains("Vul een heel getal in vanaf 1"),
        "{}",
        r.body
    );
    assert_eq!(
        r.input_value("theme").as_deref(),
        Some("Samen leren in de wijk")
    );
    fields[1] = ("number", "7");
    let r = post(
        &c,
        "/redactie/magazine/nieuw",
        &csrf,
        &fields,
        Some(pdf_saying(2, 0, "Het Leerblad nummer 7")),
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let id = id_of(&r);
    assert_eq!(stored_pdfs(&s), pdfs + 1);
    // The same number of the same magazine is refused.
    let r = post(&c, "/redactie/magazine/nieuw", &csrf, &fields, None).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("al een nummer met dit getal"), "{}", r.body);

    // A new article written for the issue: a story in review, at the end
    // of its section; the editor goes on on its page.
    let edit = format!("/redactie/magazine/{id}");
    let r = c
        .post_form(
            &format!("{edit}/artikel"),
            &csrf,
            &[
                ("new-title", "Column: de moed om te stoppen"),
                ("new-kind", "column"),
                ("new-writer", "Sanne de Wit"),
                ("new-section", "2"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let location = r.location.clone().expect("to the article");
    let column = location
        .strip_prefix("/redactie/verhalen/")
        .expect("the article's page")
        .to_string();
    let article = c.get(&location).await;
    assert!(
        article.body.contains(&format!(
            "Artikel in <a href=\"/redactie/magazine/{id}\">Het Leerblad nummer 7</a>"
        )),
        "{}",
        article.body
    );

    // Both articles are in review: the issue cannot be published, and
    // readers do not see it.
    let r = c.post_form(&format!("{edit}/publiceren"), &csrf, &[]).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("nog een artikel in redactie"), "{}", r.body);
    let reader = s.client();
    assert_eq!(reader.get("/magazine/het-leerblad-7").await.status, 404);

    // Marking them ready: the new article's text is not written yet, and
    // the shared story was not taken into review.
    let issue_fields = |ready: bool| {
        let mut f: Vec<(&str, String)> = vec![
            ("name", "Het Leerblad".into()),
            ("number", "7".into()),
            ("date", "2026-10-01".into()),
            ("theme", "Samen leren in de wijk".into()),
            (
                "foreword",
                "Welkom bij dit nummer over **samen leren**.".into(),
            ),
            ("colophon", "Redactie: het team van het netwerk.".into()),
            ("section-0-title", "Interviews".into()),
            ("section-1-title", "Column".into()),
            ("article-0-story", column.clone()),
            ("article-0-section", "2".into()),
            ("article-1-story", shared.clone()),
            ("article-1-section", "1".into()),
        ];
        if ready {
            f.push(("article-0-ready", "ja".into()));
            f.push(("article-1-ready", "ja".into()));
        }
        f
    };
    let r = post(&c, &edit, &csrf, &as_refs(&issue_fields(true)), None).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("Dit artikel is nog niet af"), "{}", r.body);
    assert!(r.body.contains("Alleen een artikel dat in redactie is"));
    // The editor writes the column and edits the shared story.
    let mut text = story_fields("Column: de moed om te stoppen");
    text[0] = ("kind", "column".into());
    let r = c
        .post_form(
            &format!("/redactie/verhalen/{column}"),
            &csrf,
            &as_refs(&text),
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let text = story_fields("Interview: een wijkagent over samen leren");
    let r = c
        .post_form(
            &format!("/redactie/verhalen/{shared}"),
            &csrf,
            &as_refs(&text),
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let r = post(&c, &edit, &csrf, &as_refs(&issue_fields(true)), None).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(stored_pdfs(&s), pdfs + 1, "the PDF is kept");
    let page = c.get(&edit).await;
    assert_eq!(page.texts(".vo-table .vo-status"), ["Klaar", "Klaar"]);

    // Published: the issue and both articles, in one go; the teller of the
    // shared story is told.
    let r = c.post_form(&format!("{edit}/publiceren"), &csrf, &[]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    s.mail("joris@example.nl", "Je verhaal staat online").await;
    let issue = reader.get("/magazine/het-leerblad-7").await;
    assert_eq!(issue.status, 200);
    let body = &issue.body;
    assert!(body.contains("<strong>samen leren</strong>"), "{body}");
    assert_eq!(issue.texts(".vo-toc__section"), ["Interviews", "Column"]);
    assert_eq!(
        issue.texts(".vo-toc__item > a"),
        [
            "Interview: een wijkagent over samen leren",
            "Column: de moed om te stoppen"
        ]
    );
    assert!(body.contains("door Sanne de Wit"));
    assert!(body.contains("Redactie: het team van het netwerk."));
    assert!(body.contains("2 pagina"), "{body}");
    assert!(
        reader
            .get("/magazine")
            .await
            .body
            .contains("Het Leerblad nummer 7")
    );
    // Each article is a published story that links back to the issue.
    for slug in [
        "column-de-moed-om-te-stoppen",
        "interview-een-wijkagent-over-samen-leren",
    ] {
        let story = reader.get(&format!("/verhalen/{slug}")).await;
        assert_eq!(story.status, 200, "{slug}");
        assert!(
            story
                .body
                .contains("href=\"/magazine/het-leerblad-7\">Het Leerblad nummer 7</a>"),
            "{}",
            story.body
        );
    }
    // The printed issue, in ranges.
    let pdf = reader
        .http
        .get(reader.abs("/magazine/het-leerblad-7/pdf"))
        .header("Range", "bytes=0-4")
        .send()
        .await
        .expect("pdf");
    assert_eq!(pdf.status(), 206);
    assert_eq!(pdf.bytes().await.expect("bytes").as_ref(), b"%PDF-");
    // The API: the table of contents with the published articles.
    let json = reader.get("/api/v1/magazine/het-leerblad-7").await.json();
    assert_eq!(json["number"], 7);
    assert_eq!(json["sections"][1]["title"], "Column");
    assert_eq!(
        json["sections"][1]["articles"][0]["slug"],
        "column-de-moed-om-te-stoppen"
    );
    assert_eq!(json["pdf"]["pages"], 2);
    let story = reader
        .get("/api/v1/stories/column-de-moed-om-te-stoppen")
        .await
        .json();
    assert_eq!(story["magazine"]["slug"], "het-leerblad-7");

    // An article made ready later goes online when the issue (online
    // already) is saved with it.
    let r = c
        .post_form(
            &format!("{edit}/artikel"),
            &csrf,
            &[
                ("new-title", "Interview: de buurtcoach"),
                ("new-kind", "interview"),
                ("new-section", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let late = r.location.clone().expect("to the article");
    let late_id = late.trim_start_matches("/redactie/verhalen/").to_string();
    let mut text = story_fields("Interview: de buurtcoach");
    text[0] = ("kind", "interview".into());
    let r = c.post_form(&late, &csrf, &as_refs(&text)).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(
        reader.get("/verhalen/interview-de-buurtcoach").await.status,
        404
    );
    let mut fields = issue_fields(true);
    fields.push(("article-2-story", late_id));
    fields.push(("article-2-section", "1".into()));
    fields.push(("article-2-order", "1".into()));
    fields.push(("article-2-ready", "ja".into()));
    let r = post(&c, &edit, &csrf, &as_refs(&fields), None).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(
        reader.get("/verhalen/interview-de-buurtcoach").await.status,
        200
    );
    let issue = reader.get("/magazine/het-leerblad-7").await;
    assert_eq!(
        issue.texts(".vo-toc__item > a")[0],
        "Interview: de buurtcoach",
        "placed first in its section"
    );

    // A story can be in one issue only.
    let csrf = c.get("/redactie/magazine/nieuw").await.csrf();
    let other = [
        ("name", "Het Leerblad"),
        ("number", "8"),
        ("date", "2027-01-01"),
        ("section-0-title", "Interviews"),
        ("article-0-story", shared.as_str()),
        ("article-0-section", "1"),
    ];
    let r = post(&c, "/redactie/magazine/nieuw", &csrf, &other, None).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("al in een ander nummer"), "{}", r.body);

    // Withdrawn: the page and the links back are gone, the stories stay.
    let r = c.post_form(&format!("{edit}/intrekken"), &csrf, &[]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(reader.get("/magazine/het-leerblad-7").await.status, 404);
    assert_eq!(reader.get("/magazine/het-leerblad-7/pdf").await.status, 404);
    let story = reader.get("/verhalen/column-de-moed-om-te-stoppen").await;
    assert_eq!(story.status, 200);
    assert!(
        !story.body.contains("/magazine/het-leerblad-7"),
        "{}",
        story.body
    );

    // A new newsletter edition suggests the issue that came out lately
    // (the demo's: it has the latest date).
    let list = c.get("/redactie/nieuwsbrief").await;
    let created = c
        .post_form("/redactie/nieuwsbrief", &list.csrf(), &[])
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let edition = c.get(&created.location.expect("the edition")).await;
    assert!(
        edition
            .body
            .contains("value=\"/magazine/vooruit-magazine-1\"")
            && edition.body.contains("value=\"Vooruit Magazine nummer 1\""),
        "{}",
        edition.body
    );

    // Removed: the PDF goes from storage too.
    let r = c
        .post_form(&format!("{edit}/verwijderen"), &csrf, &[])
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(stored_pdfs(&s), pdfs);
}
