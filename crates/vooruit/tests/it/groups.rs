//! Learning groups: a member makes a group and becomes its facilitator,
//! invites people by e-mail (someone without an account makes one through
//! the link and is in at once; someone with one logs in and joins), hands
//! over the role; only members see the group (not other members, not
//! editors, not administrators, who see its name and size and can remove
//! it on a complaint); the last facilitator cannot leave.

use crate::common::{MEMBER_PASSWORD, Server, logged_in, post_from};

const PASSWORD: &str = MEMBER_PASSWORD;

async fn user_id(s: &Server, email: &str) -> String {
    sqlx::query_scalar::<_, String>("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&s.sql().await)
        .await
        .expect("user")
}

#[tokio::test]
async fn a_group_invites_by_mail_and_only_its_members_see_inside() {
    let s = Server::start().await;
    s.add_user("fien@wijkteam.nl", "Fien Faciliteert", "member", PASSWORD);
    s.add_user("lars@zorggroep.nl", "Lars Lid", "member", PASSWORD);
    s.add_user("olga@elders.nl", "Olga Buiten", "member", PASSWORD);
    s.add_user("bea@vooruit.test", "Bea Beheer", "admin", PASSWORD);
    s.add_user("ed@vooruit.test", "Ed Redactie", "editor", PASSWORD);

    // Fien makes a group: she is its facilitator.
    let fien = logged_in(&s, "fien@wijkteam.nl").await;
    let r = post_from(&fien, "/groepen", "/groepen", &[("name", "x")]).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.input_value("name").as_deref(), Some("x"));
    let r = post_from(
        &fien,
        "/groepen",
        "/groepen",
        &[
            ("name", "Leerkring HR regio Utrecht"),
            ("description", "We leren van onze zwaarste gesprekken."),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = "/groepen/leerkring-hr-regio-utrecht";
    assert_eq!(
        r.location.as_deref(),
        Some(&*format!("{page}?melding=aangemaakt"))
    );
    let shown = fien.get(page).await;
    assert!(shown.body.contains("Begeleider"), "{}", shown.body);

    // Invitations: a bad address is refused and what was typed stays.
    let r = post_from(
        &fien,
        page,
        &format!("{page}/uitnodigen"),
        &[("emails", "nieuw@example.org\ngeen-adres")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("geen e-mailadres"), "{}", r.body);
    assert!(r.body.contains("nieuw@example.org\ngeen-adres"));
    let r = post_from(
        &fien,
        page,
        &format!("{page}/uitnodigen"),
        &[("emails", "Nieuw@Example.org, lars@zorggroep.nl")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);

    // Someone without an account makes one through the link and is in.
    let base = s.url("");
    let link = s
        .mail("nieuw@example.org", "Leerkring HR regio Utrecht")
        .await
        .link(&base);
    let path = link.trim_start_matches(&base).to_string();
    let newcomer = s.client();
    let form = newcomer.get(&path).await;
    assert_eq!(form.status, 200, "{link} {path} {}", form.body);
    assert!(form.body.contains("nieuw@example.org"), "{}", form.body);
    let r = newcomer
        .post_form(
            &path,
            &form.csrf(),
            &[("name", "Nina Nieuw"), ("password", "kort")],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(r.input_value("name").as_deref(), Some("Nina Nieuw"));
    let r = newcomer
        .post_form(
            &path,
            &form.csrf(),
            &[("name", "Nina Nieuw"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(
        r.location.as_deref(),
        Some(&*format!("{page}?melding=welkom"))
    );
    let inside = newcomer.get(page).await;
    assert_eq!(inside.status, 200);
    assert!(inside.body.contains("Fien Faciliteert") && inside.body.contains("Nina Nieuw"));
    assert!(
        !inside.body.contains("fien@wijkteam.nl"),
        "members do not see addresses"
    );
    // The account works with its password, and the link is used up.
    logged_in(&s, "nieuw@example.org").await;
    let again = s.client().get(&path).await;
    assert!(again.body.contains("niet meer"), "{}", again.body);

    // Someone with an account logs in and joins.
    let lars = logged_in(&s, "lars@zorggroep.nl").await;
    let link = s
        .mail("lars@zorggroep.nl", "Leerkring HR regio Utrecht")
        .await
        .link(&base);
    let path = link.trim_start_matches(&base).to_string();
    let anonymous = s.client().get(&path).await;
    assert!(
        anonymous.body.contains("Log in om mee te doen"),
        "{}",
        anonymous.body
    );
    let r = post_from(&lars, &path, &path, &[]).await;
    assert_eq!(r.status, 303, "{}", r.body);

    // The facilitator plans a meeting: a wrong end is refused and what was
    // typed stays; members see it and take it into their calendar.
    let mut meeting = vec![
        ("title", "Terugblik op het voorjaar"),
        ("starts_at", "2031-04-14T15:00"),
        ("ends_at", "2031-04-14T14:00"),
        ("place", "Stadskantoor, zaal 3"),
        ("agenda", "We kijken terug op **vier** lastige gesprekken."),
    ];
    let r = post_from(&fien, page, &format!("{page}/bijeenkomsten"), &meeting).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(
        r.input_value("place").as_deref(),
        Some("Stadskantoor, zaal 3")
    );
    meeting[2] = ("ends_at", "2031-04-14T17:00");
    let r = post_from(&fien, page, &format!("{page}/bijeenkomsten"), &meeting).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let seen = lars.get(page).await;
    assert!(seen.body.contains("Terugblik op het voorjaar"));
    assert!(seen.body.contains("<strong>vier</strong>"), "{}", seen.body);
    let ics = lars.get(&format!("{page}/agenda.ics")).await;
    assert_eq!(ics.status, 200);
    assert!(
        ics.body.contains("SUMMARY:Terugblik op het voorjaar"),
        "{}",
        ics.body
    );
    assert!(
        ics.body.contains("DTSTART:20310414T130000Z"),
        "{}",
        ics.body
    );
    let public = s.client();
    assert!(
        !public
            .get("/agenda")
            .await
            .body
            .contains("Terugblik op het voorjaar")
    );
    assert!(
        !public
            .get("/agenda.ics")
            .await
            .body
            .contains("Terugblik op het voorjaar")
    );

    // Outside the group nobody sees it: another member, an editor, an
    // administrator (who sees only its name and size).
    for email in ["olga@elders.nl", "ed@vooruit.test", "bea@vooruit.test"] {
        let c = logged_in(&s, email).await;
        assert_eq!(c.get(page).await.status, 404, "{email}");
        let ics = c.get(&format!("{page}/agenda.ics")).await;
        assert_eq!(ics.status, 404, "{email}");
    }
    let bea = logged_in(&s, "bea@vooruit.test").await;
    let list = bea.get("/beheer/groepen").await;
    assert_eq!(list.status, 200);
    assert!(list.body.contains("Leerkring HR regio Utrecht"));
    assert!(
        !list.body.contains("zwaarste gesprekken"),
        "not what is inside"
    );
    assert!(!list.body.contains("Nina Nieuw"), "not who is inside");
    let anonymous = s.client().get(page).await;
    assert!(
        anonymous
            .location
            .is_some_and(|l| l.starts_with("/inloggen?terug=")),
        "to the login"
    );

    // A member cannot invite or remove; the facilitator hands over.
    let lars_id = user_id(&s, "lars@zorggroep.nl").await;
    let fien_id = user_id(&s, "fien@wijkteam.nl").await;
    let r = post_from(
        &lars,
        page,
        &format!("{page}/uitnodigen"),
        &[("emails", "x@example.org")],
    )
    .await;
    assert_eq!(r.status, 403);
    let r = post_from(
        &lars,
        page,
        &format!("{page}/leden/{fien_id}/verwijderen"),
        &[],
    )
    .await;
    assert_eq!(r.status, 403);
    let r = post_from(
        &fien,
        page,
        &format!("{page}/leden/{fien_id}/rol"),
        &[("role", "lid")],
    )
    .await;
    assert_eq!(r.status, 409, "the only facilitator cannot step down");
    let r = post_from(
        &fien,
        page,
        &format!("{page}/leden/{lars_id}/rol"),
        &[("role", "begeleider")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let r = post_from(
        &fien,
        page,
        &format!("{page}/leden/{fien_id}/rol"),
        &[("role", "lid")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    // Now Lars leads; he cannot leave as the last facilitator, Fien can.
    let r = post_from(
        &lars,
        page,
        &format!("{page}/leden/{lars_id}/verwijderen"),
        &[],
    )
    .await;
    assert_eq!(r.status, 409);
    let r = post_from(
        &fien,
        page,
        &format!("{page}/leden/{fien_id}/verwijderen"),
        &[],
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(fien.get(page).await.status, 404, "gone once she left");

    // On a complaint the administrator removes the group.
    let group_id: String = sqlx::query_scalar(
        "SELECT id FROM learning_groups WHERE slug = 'leerkring-hr-regio-utrecht'",
    )
    .fetch_one(&s.sql().await)
    .await
    .expect("group");
    let r = post_from(
        &bea,
        "/beheer/groepen",
        &format!("/beheer/groepen/{group_id}/verwijderen"),
        &[],
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(lars.get(page).await.status, 404);
    let left: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM learning_group_members WHERE group_id = $1")
            .bind(&group_id)
            .fetch_one(&s.sql().await)
            .await
            .expect("count");
    assert_eq!(left, 0);
}

#[tokio::test]
async fn a_private_calendar_link_works_without_a_session_until_the_member_leaves() {
    let s = Server::start_with(&[]).await;
    s.add_user("fien@wijkteam.nl", "Fien Faciliteert", "member", PASSWORD);
    s.add_user("lars@zorggroep.nl", "Lars Lid", "member", PASSWORD);
    let fien = logged_in(&s, "fien@wijkteam.nl").await;
    let r = post_from(&fien, "/groepen", "/groepen", &[("name", "Agendagroep")]).await;
    assert_eq!(r.status, 303);
    let page = "/groepen/agendagroep";
    let r = post_from(
        &fien,
        page,
        &format!("{page}/bijeenkomsten"),
        &[
            ("title", "Intervisie in december"),
            ("starts_at", "2031-12-10T14:00"),
            ("ends_at", "2031-12-10T16:00"),
            ("place", "Zaal 3"),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let r = post_from(
        &fien,
        page,
        &format!("{page}/uitnodigen"),
        &[("emails", "lars@zorggroep.nl")],
    )
    .await;
    assert_eq!(r.status, 303);
    let base = s.url("");
    let link = s.mail("lars@zorggroep.nl", "Agendagroep").await.link(&base);
    let path = link.trim_start_matches(&base).to_string();
    let lars = logged_in(&s, "lars@zorggroep.nl").await;
    assert_eq!(post_from(&lars, &path, &path, &[]).await.status, 303);

    // Lars makes his link: shown once, on the group page.
    let made = post_from(&lars, page, &format!("{page}/agendalink"), &[]).await;
    assert_eq!(made.status, 200, "{}", made.body);
    let at = made.body.find("/groep-agenda/").expect("the link is shown");
    let end = made.body[at..].find(".ics").expect("ics") + at + 4;
    let first = made.body[at..end].to_string();
    assert!(!lars.get(page).await.body.contains(&first), "shown once");

    // A calendar program, without any session, reads the meetings.
    let calendar = s.client();
    let ics = calendar.get(&first).await;
    assert_eq!(ics.status, 200, "{}", ics.body);
    assert!(ics.body.contains("Intervisie in december"), "{}", ics.body);

    // A new link replaces the old one.
    let again = post_from(&lars, page, &format!("{page}/agendalink"), &[]).await;
    let at = again.body.find("/groep-agenda/").expect("link");
    let end = again.body[at..].find(".ics").expect("ics") + at + 4;
    let second = again.body[at..end].to_string();
    assert_ne!(first, second);
    assert_eq!(calendar.get(&first).await.status, 404);
    assert_eq!(calendar.get(&second).await.status, 200);

    // Leaving the group ends it.
    let me = user_id(&s, "lars@zorggroep.nl").await;
    let r = post_from(&lars, page, &format!("{page}/leden/{me}/verwijderen"), &[]).await;
    assert_eq!(r.status, 303);
    assert_eq!(calendar.get(&second).await.status, 404);
}
