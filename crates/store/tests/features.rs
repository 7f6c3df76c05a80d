//! Each feature's queries, straight against the database (SQLite, and
//! PostgreSQL in the test script's second pass): the rules that live in SQL,
//! such as places and the waiting list, double opt-in, compare-and-swap
//! status changes, job leases and what a transaction leaves when it is not
//! committed.

mod common;

use common::TestDb;
use vooruit_domain::edition::DeliveryStatus;
use vooruit_domain::event::{EventInput, RegistrationStatus};
use vooruit_domain::lang::Lang;
use vooruit_domain::newsletter::SubscriberStatus;
use vooruit_domain::organisation::{OrgKind, OrgRole};
use vooruit_domain::story::{StoryContent, StoryStatus, Teller};
use vooruit_store::editions::EditionFields;
use vooruit_store::events::NewRegistration;
use vooruit_store::stories::NewStory;

fn event(capacity: i64) -> EventInput {
    EventInput {
        kind: "bijeenkomst".into(),
        title: "Intervisie".into(),
        starts_at: 2_000_000_000_000,
        ends_at: 2_000_000_360_000,
        capacity,
        ..Default::default()
    }
}

fn registration<'a>(email: &'a str, token: &'a str) -> NewRegistration<'a> {
    NewRegistration {
        name: "Deelnemer",
        email,
        organisation: "",
        note: "",
        lang: Lang::Nl,
        cancel_token: token,
        answers: "[]",
    }
}

#[tokio::test]
async fn places_then_the_waiting_list_and_a_cancellation_moves_the_first_up() {
    let t = TestDb::new().await;
    let mut tx = t.db.begin("test").await.expect("tx");
    let id = tx
        .events()
        .insert("intervisie", &event(1))
        .await
        .expect("insert")
        .expect("new slug");
    assert_eq!(
        tx.events()
            .insert("intervisie", &event(1))
            .await
            .expect("insert"),
        None,
        "a taken slug is refused without breaking the transaction"
    );
    let first = tx
        .events()
        .register(&id, registration("a@test.nl", "t-a"))
        .await
        .expect("register");
    let second = tx
        .events()
        .register(&id, registration("b@test.nl", "t-b"))
        .await
        .expect("register");
    let (first_id, first) = first.expect("registered");
    let (_, second) = second.expect("registered");
    assert_eq!(
        (first, second),
        (
            RegistrationStatus::Bevestigd,
            RegistrationStatus::Wachtlijst
        )
    );
    let promoted = tx
        .events()
        .cancel_registration(&first_id)
        .await
        .expect("cancel")
        .expect("someone moves up");
    assert_eq!(
        (promoted.email.as_str(), promoted.status),
        ("b@test.nl", RegistrationStatus::Bevestigd)
    );
    assert!(
        tx.events()
            .cancel_registration(&first_id)
            .await
            .expect("again")
            .is_none(),
        "cancelling twice changes nothing"
    );
    let regs = tx.events().registrations(&id).await.expect("list");
    let cancelled = regs.iter().find(|r| r.email == "a@test.nl").expect("a");
    assert_eq!(cancelled.status, RegistrationStatus::Afgemeld);
    assert!(
        !tx.events()
            .set_checked_in(&id, &cancelled.id, true)
            .await
            .expect("check in"),
        "only someone with a place is checked in"
    );
    tx.commit().await.expect("commit");
}

#[tokio::test]
async fn double_opt_in_moves_only_as_the_domain_allows() {
    let t = TestDb::new().await;
    let mut c = t.db.read().await.expect("conn");
    let n = c.newsletter();
    let mut n = n;
    assert!(
        n.upsert_pending("l@test.nl", "", Lang::En, "h1", i64::MAX, "u1")
            .await
            .expect("sign up")
    );
    assert!(n.confirm("h1").await.expect("confirm"));
    assert!(
        !n.confirm("h1").await.expect("again"),
        "the link works once"
    );
    assert!(
        !n.upsert_pending("l@test.nl", "", Lang::Nl, "h2", i64::MAX, "u2")
            .await
            .expect("sign up again"),
        "a confirmed subscriber stays confirmed"
    );
    assert_eq!(
        n.count(SubscriberStatus::Confirmed).await.expect("count"),
        1
    );
    let id = n
        .by_unsubscribe_token("u1")
        .await
        .expect("row")
        .expect("there")
        .id;
    assert!(n.unsubscribe(&id).await.expect("unsubscribe"));
    assert!(!n.unsubscribe(&id).await.expect("again"));
    let row = n.by_id(&id).await.expect("row").expect("there");
    assert_eq!(
        (row.status, row.lang),
        (SubscriberStatus::Unsubscribed, Lang::En)
    );
    assert!(
        n.upsert_pending("l@test.nl", "", Lang::Nl, "h3", i64::MAX, "u3")
            .await
            .expect("back")
    );
    assert_eq!(n.count(SubscriberStatus::Pending).await.expect("count"), 1);
}

#[tokio::test]
async fn story_status_changes_are_compare_and_swap_and_slugs_stay_unique() {
    let t = TestDb::new().await;
    let content = StoryContent {
        kind: "case".into(),
        title: "Een app die niemand gebruikte".into(),
        ..Default::default()
    };
    let teller = Teller::default();
    let new = || NewStory {
        slug: "een-app",
        status: StoryStatus::Ingediend,
        content: &content,
        teller: &teller,
        no_client_info: true,
        lang: Lang::Nl,
        author_id: None,
        status_token: None,
        published_at: None,
    };
    let mut tx = t.db.begin("test").await.expect("tx");
    let (id, slug) = tx.stories().insert(new()).await.expect("insert");
    let (_, second) = tx.stories().insert(new()).await.expect("insert");
    assert_eq!((slug.as_str(), second.as_str()), ("een-app", "een-app-2"));
    let stories = &mut tx.stories();
    assert!(
        stories
            .set_status(&id, StoryStatus::Ingediend, StoryStatus::InRedactie, None)
            .await
            .expect("move")
    );
    assert!(
        !stories
            .set_status(&id, StoryStatus::Ingediend, StoryStatus::Afgewezen, None)
            .await
            .expect("stale"),
        "a second editor acting on the old state loses"
    );
    let row = stories.by_id(&id).await.expect("row").expect("there");
    assert_eq!(row.status, StoryStatus::InRedactie);
    let effects = tx.commit().await.expect("commit");
    assert_eq!(effects.changed.len(), 2, "both stories go to the index");
}

#[tokio::test]
async fn a_job_exists_only_when_its_transaction_commits_and_runs_once_per_lease() {
    let t = TestDb::new().await;
    let mut tx = t.db.begin("test").await.expect("tx");
    tx.jobs().enqueue("mail", "{}").await.expect("enqueue");
    drop(tx);
    let mut c = t.db.read().await.expect("conn");
    assert_eq!(c.jobs().pending().await.expect("pending"), 0, "rolled back");
    drop(c);

    let mut tx = t.db.begin("test").await.expect("tx");
    tx.jobs().enqueue("mail", "{}").await.expect("enqueue");
    let effects = tx.commit().await.expect("commit");
    assert_eq!(effects.job_kinds, ["mail"]);
    let mut c = t.db.read().await.expect("conn");
    let job = c
        .jobs()
        .claim("mail", 30_000)
        .await
        .expect("claim")
        .expect("a job");
    assert!(
        c.jobs()
            .claim("mail", 30_000)
            .await
            .expect("claim")
            .is_none(),
        "leased"
    );
    // A node that died lets its lease run out: a minute later the job is
    // free again (the test clock moves; nobody waits).
    t.db.clock().advance(60_000);
    let again = c
        .jobs()
        .claim("mail", 30_000)
        .await
        .expect("claim")
        .expect("free again");
    assert_eq!((again.id.as_str(), again.attempts), (job.id.as_str(), 2));
    c.jobs().finish(&job.id, false).await.expect("finish");
    assert_eq!(c.jobs().pending().await.expect("pending"), 0);
}

#[tokio::test]
async fn a_send_starts_once_and_a_delivery_is_finished_once() {
    let t = TestDb::new().await;
    let mut c = t.db.read().await.expect("conn");
    c.newsletter()
        .insert_confirmed(&["a@test.nl".into(), "b@test.nl".into()])
        .await
        .expect("subscribers");
    let fields = EditionFields {
        subject: "Nieuws",
        intro: "",
        items: "[]",
        themes: "",
    };
    let id = c.editions().insert(&fields, "u").await.expect("edition");
    assert_eq!(
        c.editions()
            .start_sending(&id, "nieuws", &[])
            .await
            .expect("start"),
        Some(2)
    );
    assert_eq!(
        c.editions()
            .start_sending(&id, "nieuws", &[])
            .await
            .expect("again"),
        None
    );
    let batch = c.editions().next_deliveries(&id, 10).await.expect("batch");
    assert_eq!(batch.len(), 2);
    assert!(batch.iter().all(|d| d.status == DeliveryStatus::Wacht));
    let (a, b) = (
        batch[0].subscriber_id.clone(),
        batch[1].subscriber_id.clone(),
    );
    c.editions()
        .delivery_step(&id, None, Some(&a))
        .await
        .expect("hand over");
    c.editions()
        .delivery_step(&id, Some((&a, DeliveryStatus::Verstuurd, None)), Some(&b))
        .await
        .expect("next");
    // Recording an outcome that is not final is refused by the domain.
    assert!(
        c.editions()
            .delivery_step(&id, Some((&b, DeliveryStatus::Wacht, None)), None)
            .await
            .is_err()
    );
    c.editions()
        .delivery_step(&id, Some((&b, DeliveryStatus::Mislukt, Some("550"))), None)
        .await
        .expect("refused address");
    let counts = c.editions().delivery_counts(&id).await.expect("counts");
    assert_eq!((counts.waiting, counts.sent, counts.failed), (0, 1, 1));
    assert!(c.editions().finish_sending(&id).await.expect("finish"));
    assert!(!c.editions().finish_sending(&id).await.expect("again"));
}

#[tokio::test]
async fn an_organisation_keeps_its_domains_and_counts_its_beheerders() {
    let t = TestDb::new().await;
    let mut c = t.db.read().await.expect("conn");
    let id = c
        .organisations()
        .insert("alfa", "Gemeente Alfa", OrgKind::Gemeente)
        .await
        .expect("insert")
        .expect("new");
    c.organisations()
        .set_domains(&id, &["alfa.nl".into()])
        .await
        .expect("domains");
    assert_eq!(
        c.organisations()
            .domain_owner("alfa.nl")
            .await
            .expect("owner"),
        Some(id.clone())
    );
    let user = c
        .accounts()
        .create_user(vooruit_store::accounts::NewUser {
            email: "b@alfa.nl",
            name: "B",
            password_hash: "x",
            role: vooruit_domain::account::Role::Member,
            verified: true,
        })
        .await
        .expect("user");
    c.organisations()
        .set_member(&id, &user, OrgRole::Beheerder)
        .await
        .expect("member");
    assert_eq!(c.organisations().count_admins(&id).await.expect("count"), 1);
    assert_eq!(
        c.organisations().role_of(&id, &user).await.expect("role"),
        Some(OrgRole::Beheerder)
    );
    let bad = sqlx::query("UPDATE organisation_members SET role = 'eigenaar'")
        .execute(&mut c)
        .await;
    assert!(
        bad.is_err(),
        "the database refuses a role the domain does not know"
    );
}

#[tokio::test]
async fn the_taxonomy_is_seeded_and_keeps_slugs_unique_per_list_and_in_order() {
    use vooruit_domain::taxonomy::{TermInput, Vocabulary};
    let t = TestDb::new().await;
    let mut tx = t.db.begin("test").await.expect("tx");
    let seeded = tx.taxonomy().all().await.expect("all");
    let count = |v| seeded.iter().filter(|t| t.vocabulary == v).count();
    assert_eq!(
        (
            count(Vocabulary::Theme),
            count(Vocabulary::Sector),
            count(Vocabulary::Region)
        ),
        (10, 10, 13)
    );
    let input = TermInput {
        slug: "gemeente".into(),
        label_nl: "Gemeente".into(),
        label_en: "Municipality".into(),
        ..TermInput::default()
    };
    assert!(
        !tx.taxonomy()
            .insert(Vocabulary::Sector, &input)
            .await
            .expect("insert"),
        "a slug is unique within its list"
    );
    assert!(
        tx.taxonomy()
            .insert(Vocabulary::Theme, &input)
            .await
            .expect("insert"),
        "the same slug may be in another list"
    );
    let themes = |all: Vec<vooruit_domain::taxonomy::Term>| -> Vec<(String, i64)> {
        all.into_iter()
            .filter(|t| t.vocabulary == Vocabulary::Theme)
            .map(|t| (t.slug, t.position))
            .collect()
    };
    let now = themes(tx.taxonomy().all().await.expect("all"));
    assert_eq!(
        now.last(),
        Some(&("gemeente".to_string(), 11)),
        "added at the end"
    );
    let mut order: Vec<String> = now.into_iter().map(|(s, _)| s).collect();
    order.rotate_right(1);
    tx.taxonomy()
        .set_order(Vocabulary::Theme, &order)
        .await
        .expect("order");
    assert!(
        tx.taxonomy()
            .set_retired(Vocabulary::Theme, "werven", true)
            .await
            .expect("retire")
    );
    assert!(
        !tx.taxonomy()
            .set_retired(Vocabulary::Theme, "bestaat-niet", true)
            .await
            .expect("retire")
    );
    let after = tx.taxonomy().all().await.expect("all");
    let first: Vec<_> = after
        .iter()
        .filter(|t| t.vocabulary == Vocabulary::Theme)
        .take(2)
        .map(|t| (t.slug.as_str(), t.position, t.retired_at.is_some()))
        .collect();
    assert_eq!(first, [("gemeente", 1, false), ("werven", 2, true)]);
}
