//! Werkwijzers: an editor writes a guide with its steps through the form
//! (multipart, no JavaScript), gives a step a picture (its description
//! required), names stories of teams that used it; readers get the steps
//! in order with the picture and the related stories; changing the steps
//! keeps, replaces or removes the pictures, and nothing is left behind.

use reqwest::multipart::{Form, Part};

use crate::common::{Client, EDITOR_EMAIL, EDITOR_PASSWORD, Page, Server};
use crate::podcast::id_of;

/// Posts the guide form as a browser does: the CSRF token first, the
/// fields, then the pictures (`step-<i>-image`).
pub(crate) async fn post(
    c: &Client,
    path: &str,
    csrf: &str,
    fields: &[(&str, &str)],
    images: &[(usize, Vec<u8>)],
) -> Page {
    let mut form = Form::new().text("csrf", csrf.to_string());
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    for (i, bytes) in images {
        form = form.part(
            format!("step-{i}-image"),
            Part::bytes(bytes.clone()).file_name("stap.png"),
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

fn picture(w: u32, h: u32) -> Vec<u8> {
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_pixel(w, h, image::Rgb([200, 120, 40]))
        .write_to(&mut png, image::ImageFormat::Png)
        .expect("png");
    png.into_inner()
}

fn stored(s: &Server) -> usize {
    std::fs::read_dir(s.data_dir().join("files/guides")).map_or(0, |d| d.count())
}

#[tokio::test]
async fn a_guide_is_written_step_by_step_with_pictures_and_read_in_order() {
    let s = Server::start().await;
    let c = s.client();
    assert_eq!(c.login(EDITOR_EMAIL, EDITOR_PASSWORD).await.status, 303);
    let csrf = c.get("/redactie/werkwijzers/nieuw").await.csrf();
    let mut fields = vec![
        ("title", "Dilemma's bespreken"),
        ("goal", "Samen een lastige keuze onderzoeken."),
        ("audience", "Wijkteams"),
        ("duration", "Anderhalf uur"),
        ("materials", "Een flip-over\nStiften"),
        ("step-0-text", "Kies een dilemma uit de praktijk."),
        (
            "step-1-text",
            "Schrijf de twee kanten op, met een [voorbeeld](/verhalen).",
        ),
        ("step-2-text", ""),
        ("step-3-text", "Spreek af wat je doet."),
        (
            "related",
            "https://vooruit.test/verhalen/de-nieuwe-roosterapp-die-niemand-snapte",
        ),
    ];
    // A picture without a description is refused; what was typed stays.
    let r = post(
        &c,
        "/redactie/werkwijzers/nieuw",
        &csrf,
        &fields,
        &[(1, picture(800, 600))],
    )
    .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body.contains("Beschrijf wat er op de afbeelding staat"),
        "{}",
        r.body
    );
    assert!(r.body.contains("Kies een dilemma uit de praktijk."));
    assert_eq!(stored(&s), 0, "nothing stored");
    fields.push(("step-1-alt", "Een flip-over met twee kolommen"));
    let r = post(
        &c,
        "/redactie/werkwijzers/nieuw",
        &csrf,
        &fields,
        &[(1, picture(800, 600))],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let id = id_of(&r);
    assert_eq!(stored(&s), 1);
    let reader = s.client();
    assert!(
        !reader.get("/werkwijzers").await.body.contains("Dilemma"),
        "a draft is not listed"
    );
    let r = c
        .post_form(
            &format!("/redactie/werkwijzers/{id}/publiceren"),
            &csrf,
            &[],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);

    // The page: steps in order (the empty row left out), the picture with
    // its description and size, the related story, materials.
    let list = reader.get("/werkwijzers").await;
    let slug = list
        .body
        .split("href=\"/werkwijzers/")
        .filter_map(|r| r.split('"').next())
        .find(|s| s.starts_with("dilemma"))
        .expect("in the list")
        .to_string();
    let page = reader.get(&format!("/werkwijzers/{slug}")).await;
    assert_eq!(page.status, 200);
    let body = &page.body;
    let at = |t: &str| body.find(t).unwrap_or_else(|| panic!("{t} in {body}"));
    assert!(
        at("Kies een dilemma") < at("Schrijf de twee kanten")
            && at("Schrijf de twee kanten") < at("Spreek af wat je doet")
    );
    assert!(body.contains("Stap 3</h3>") && !body.contains("Stap 4</h3>"));
    assert!(body.contains(&format!("src=\"/werkwijzers/{slug}/stap-2.jpg\" width=\"800\" height=\"600\" alt=\"Een flip-over met twee kolommen\"")), "{body}");
    assert!(body.contains("<li>Stiften</li>"));
    assert!(body.contains("href=\"/verhalen/de-nieuwe-roosterapp-die-niemand-snapte\""));
    assert!(body.contains("De nieuwe roosterapp die niemand snapte"));
    let img = reader.get(&format!("/werkwijzers/{slug}/stap-2.jpg")).await;
    assert_eq!(img.headers["content-type"], "image/jpeg");
    assert_eq!(
        reader
            .get(&format!("/werkwijzers/{slug}/stap-1.jpg"))
            .await
            .status,
        404
    );
    let api = reader.get(&format!("/api/v1/guides/{slug}")).await.json();
    assert_eq!(api["steps"].as_array().expect("steps").len(), 3);
    assert_eq!(
        api["steps"][1]["image"]["alt"],
        "Een flip-over met twee kolommen"
    );
    assert_eq!(
        api["related"][0]["title"],
        "De nieuwe roosterapp die niemand snapte"
    );
    assert_eq!(
        api["materials"],
        serde_json::json!(["Een flip-over", "Stiften"])
    );

    // The edit form shows the steps; a new picture replaces the old one,
    // which is removed from storage; then the picture is taken away.
    let form = c.get(&format!("/redactie/werkwijzers/{id}")).await;
    assert!(form.body.contains("Deze stap heeft een afbeelding"));
    let edit_fields = vec![
        ("title", "Dilemma's bespreken"),
        ("goal", "Samen een lastige keuze onderzoeken."),
        ("audience", "Wijkteams"),
        ("duration", "Anderhalf uur"),
        ("step-0-text", "Kies een dilemma uit de praktijk."),
        ("step-1-text", "Schrijf de twee kanten op."),
        ("step-1-alt", "Een nieuwe foto"),
        ("step-2-text", "Spreek af wat je doet."),
    ];
    let path = format!("/redactie/werkwijzers/{id}");
    let r = post(&c, &path, &csrf, &edit_fields, &[(1, picture(400, 300))]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(stored(&s), 1, "the old picture is gone");
    let page = reader.get(&format!("/werkwijzers/{slug}")).await;
    assert!(
        page.body
            .contains("width=\"400\" height=\"300\" alt=\"Een nieuwe foto\"")
    );
    let mut without = edit_fields.clone();
    without.push(("step-1-no-image", "ja"));
    let r = post(&c, &path, &csrf, &without, &[]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(stored(&s), 0);
    assert!(
        !reader
            .get(&format!("/werkwijzers/{slug}"))
            .await
            .body
            .contains("stap-2.jpg")
    );

    // Withdrawn: gone.
    c.post_form(&format!("/redactie/werkwijzers/{id}/intrekken"), &csrf, &[])
        .await;
    assert_eq!(
        reader.get(&format!("/werkwijzers/{slug}")).await.status,
        404
    );
}
