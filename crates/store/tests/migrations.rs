//! Migrations on real data: the typed-states migration keeps every row of a
//! filled database (the rows of tables that reference a rebuilt table
//! included), turns the old English values into the Dutch ones, and from
//! then on the database refuses values outside each enum. And the two
//! backends' migrations define the same tables, columns and constraints.

mod common;

use std::collections::BTreeSet;

use common::TestDb;
use sqlx::Row;
use vooruit_store::{Conn, DbKind};

const TYPED_STATES: i64 = 20261126120000;

async fn exec(c: &mut Conn, sql: &str) {
    sqlx::query(sql)
        .execute(&mut *c)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

async fn strings(c: &mut Conn, sql: &str) -> Vec<String> {
    sqlx::query_scalar::<_, String>(sql)
        .fetch_all(&mut *c)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn count(c: &mut Conn, table: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&mut *c)
        .await
        .expect("count")
}

/// Rows as a release before the typed states wrote them: English roles,
/// subscriber statuses, token purposes and message authors.
const OLD_ROWS: &[&str] = &[
    "INSERT INTO users VALUES ('u1','a@test.nl','A','h','member',1,1), ('u2','b@test.nl','B','h','editor',1,1), ('u3','c@test.nl','C','h','admin',1,1)",
    "INSERT INTO sessions VALUES ('s1','u1',1,9999999999999), ('s2','u2',1,9999999999999)",
    "INSERT INTO account_tokens VALUES ('t1','verify','u1',9999999999999,NULL), ('t2','reset','u2',9999999999999,NULL)",
    "INSERT INTO stories (id, slug, status, kind, title, created_at, updated_at, author_id) VALUES ('st1','een','ingediend','case','T',1,1,'u1')",
    "INSERT INTO story_revisions VALUES ('r1','st1','u2',1,'{}')",
    "INSERT INTO story_messages VALUES ('m1','st1','teller','Hoi',1), ('m2','st1','editor','Een vraag',2)",
    "INSERT INTO events (id, slug, kind, title, starts_at, ends_at, capacity, created_at, updated_at) VALUES ('e1','ev','training','E',1,2,5,1,1)",
    "INSERT INTO registrations (id, event_id, name, email, status, cancel_token, created_at) VALUES ('g1','e1','N','n@test.nl','bevestigd','ct1',1), ('g2','e1','M','m@test.nl','wachtlijst','ct2',2)",
    "INSERT INTO newsletter_subscribers (id, email, status, unsubscribe_token, created_at) VALUES ('n1','p@test.nl','pending','x1',1), ('n2','q@test.nl','confirmed','x2',1), ('n3','r@test.nl','unsubscribed','x3',1)",
    "INSERT INTO newsletter_editions (id, subject, status, created_by, created_at, updated_at) VALUES ('ed1','S','verzonden','u2',1,1)",
    "INSERT INTO newsletter_deliveries (edition_id, subscriber_id, status) VALUES ('ed1','n2','verstuurd'), ('ed1','n3','overgeslagen')",
    "INSERT INTO organisations VALUES ('o1','org','Org','gemeente',1,1)",
    "INSERT INTO organisation_members VALUES ('o1','u1','lid',1)",
    "INSERT INTO jobs (id, kind, payload, run_after, created_at) VALUES ('j1','mail','{}',1,1)",
];

const TABLES: &[&str] = &[
    "users",
    "sessions",
    "account_tokens",
    "stories",
    "story_revisions",
    "story_messages",
    "events",
    "registrations",
    "newsletter_subscribers",
    "newsletter_editions",
    "newsletter_deliveries",
    "organisations",
    "organisation_members",
    "jobs",
];

#[tokio::test]
async fn typed_states_keep_every_row_and_refuse_other_values() {
    let t = TestDb::empty().await;
    t.db.migrate_before(TYPED_STATES)
        .await
        .expect("older migrations");
    let mut c = t.db.read().await.expect("conn");
    for sql in OLD_ROWS {
        exec(&mut c, sql).await;
    }
    let mut before = vec![];
    for table in TABLES {
        before.push(count(&mut c, table).await);
    }
    drop(c);

    t.db.migrate().await.expect("the typed-states migration");
    let mut c = t.db.read().await.expect("conn");
    let mut after = vec![];
    for table in TABLES {
        after.push(count(&mut c, table).await);
    }
    assert_eq!(before, after, "rows per table in {TABLES:?}");
    assert_eq!(
        strings(&mut c, "SELECT role FROM users ORDER BY id").await,
        ["lid", "redacteur", "beheerder"]
    );
    assert_eq!(
        strings(
            &mut c,
            "SELECT status FROM newsletter_subscribers ORDER BY id"
        )
        .await,
        ["onbevestigd", "bevestigd", "afgemeld"]
    );
    assert_eq!(
        strings(
            &mut c,
            "SELECT purpose FROM account_tokens ORDER BY token_hash"
        )
        .await,
        ["bevestigen", "herstellen"]
    );
    assert_eq!(
        strings(&mut c, "SELECT author FROM story_messages ORDER BY id").await,
        ["verteller", "redactie"]
    );

    // Every other value is refused, by each new constraint.
    for sql in [
        "UPDATE users SET role = 'member'",
        "UPDATE account_tokens SET purpose = 'reset'",
        "UPDATE stories SET status = 'published'",
        "UPDATE stories SET kind = 'blog'",
        "UPDATE stories SET lang = 'de'",
        "UPDATE story_messages SET author = 'teller'",
        "UPDATE events SET kind = 'feest'",
        "UPDATE events SET status = 'cancelled'",
        "UPDATE registrations SET status = 'confirmed'",
        "UPDATE registrations SET lang = 'fr'",
        "UPDATE newsletter_subscribers SET status = 'confirmed'",
        "UPDATE newsletter_subscribers SET lang = 'fr'",
        "UPDATE newsletter_editions SET status = 'sent'",
        "UPDATE newsletter_deliveries SET status = 'sent'",
    ] {
        let refused = sqlx::query(sql).execute(&mut c).await;
        assert!(refused.is_err(), "{sql} was accepted");
    }

    // References still hold and still act: deleting a user takes their
    // sessions with them and leaves their story without an author.
    exec(&mut c, "DELETE FROM users WHERE id = 'u1'").await;
    assert_eq!(count(&mut c, "sessions").await, 1);
    assert_eq!(
        sqlx::query_scalar::<_, Option<String>>("SELECT author_id FROM stories")
            .fetch_one(&mut c)
            .await
            .expect("story"),
        None
    );
    exec(&mut c, "DELETE FROM events WHERE id = 'e1'").await;
    assert_eq!(count(&mut c, "registrations").await, 0);
    if t.kind() == DbKind::Sqlite {
        let on = sqlx::query_scalar::<_, i64>("PRAGMA foreign_keys")
            .fetch_one(&mut c)
            .await
            .expect("pragma");
        assert_eq!(on, 1, "foreign keys are on again after the rebuild");
    }
}

/// The schema as a set of comparable lines: columns (nullable or not),
/// primary keys, foreign keys and the values each CHECK allows.
async fn schema(c: &mut Conn, kind: DbKind) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    match kind {
        DbKind::Sqlite => {
            let tables = strings(
                c,
                "SELECT name FROM sqlite_master WHERE type = 'table' \
                 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' ORDER BY name",
            )
            .await;
            for t in tables {
                for row in sqlx::query(&format!("PRAGMA table_info({t})"))
                    .fetch_all(&mut *c)
                    .await
                    .expect("table_info")
                {
                    let name: String = row.get(1);
                    let notnull: i64 = row.get(3);
                    let pk: i64 = row.get(5);
                    out.insert(format!("{t}.{name} not null: {}", notnull == 1 || pk > 0));
                    if pk > 0 {
                        out.insert(format!("{t} primary key has {name}"));
                    }
                }
                for row in sqlx::query(&format!("PRAGMA foreign_key_list({t})"))
                    .fetch_all(&mut *c)
                    .await
                    .expect("foreign_key_list")
                {
                    let (to, from, col, on_delete): (String, String, String, String) =
                        (row.get(2), row.get(3), row.get(4), row.get(6));
                    out.insert(format!(
                        "{t}.{from} -> {to}.{col} on delete {}",
                        on_delete.to_lowercase()
                    ));
                }
                let sql = strings(
                    c,
                    &format!("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{t}'"),
                )
                .await;
                for check in checks(&sql.concat()) {
                    out.insert(format!("{t} check {check}"));
                }
            }
        }
        DbKind::Postgres => {
            for row in sqlx::query(
                "SELECT table_name::text, column_name::text, is_nullable::text FROM information_schema.columns \
                 WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%'",
            )
            .fetch_all(&mut *c)
            .await
            .expect("columns")
            {
                let (t, name, nullable): (String, String, String) =
                    (row.get(0), row.get(1), row.get(2));
                out.insert(format!("{t}.{name} not null: {}", nullable == "NO"));
            }
            for row in sqlx::query(
                "SELECT conrelid::regclass::text, contype::text, pg_get_constraintdef(oid) FROM pg_constraint \
                 WHERE connamespace = 'public'::regnamespace",
            )
            .fetch_all(&mut *c)
            .await
            .expect("constraints")
            {
                let (t, kind, def): (String, String, String) = (row.get(0), row.get(1), row.get(2));
                if t.starts_with("_sqlx") {
                    continue;
                }
                match kind.as_str() {
                    "p" => {
                        for col in inside(&def, "PRIMARY KEY (").split(", ") {
                            // PostgreSQL quotes a column named like a
                            // keyword ("position"): the same column.
                            let col = col.trim_matches('"');
                            out.insert(format!("{t} primary key has {col}"));
                        }
                    }
                    "f" => {
                        let from = inside(&def, "FOREIGN KEY (");
                        let rest = def.split("REFERENCES ").nth(1).unwrap_or("");
                        let (to, col) = rest.split_once('(').unwrap_or(("", ""));
                        let col = col.split(')').next().unwrap_or("");
                        let on_delete = rest
                            .split("ON DELETE ")
                            .nth(1)
                            .map(|s| s.to_lowercase())
                            .unwrap_or_else(|| "no action".into());
                        out.insert(format!("{t}.{from} -> {to}.{col} on delete {on_delete}"));
                    }
                    "c" => {
                        for check in checks(&def) {
                            out.insert(format!("{t} check {check}"));
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

fn inside<'a>(s: &'a str, after: &str) -> &'a str {
    s.split(after)
        .nth(1)
        .and_then(|r| r.split(')').next())
        .unwrap_or("")
}

/// `column: a, b, c` for every CHECK in a table definition, written either
/// as `col IN ('a', 'b')` (both backends' migrations) or as PostgreSQL
/// gives it back, `(col = ANY (ARRAY['a'::text, 'b'::text]))`.
fn checks(sql: &str) -> Vec<String> {
    let mut out = vec![];
    for part in sql.split("CHECK").skip(1) {
        let text: String = part.chars().take_while(|c| *c != ';').collect();
        let column = text
            .trim_start_matches([' ', '('])
            .split([' ', '='])
            .next()
            .unwrap_or("")
            .to_string();
        let values: Vec<&str> = text
            .split('\'')
            .skip(1)
            .step_by(2)
            .take_while(|v| !v.contains(')'))
            .collect();
        out.push(format!("{column}: {}", values.join(", ")));
    }
    out
}

#[tokio::test]
async fn both_backends_define_the_same_schema() {
    let t = TestDb::new().await;
    let mut c = t.db.read().await.expect("conn");
    let here = schema(&mut c, t.kind()).await;
    assert!(
        here.iter()
            .any(|l| l == "users check role: lid, redacteur, beheerder"),
        "{here:#?}"
    );
    if t.kind() == DbKind::Sqlite {
        // The PostgreSQL pass of the test script compares against SQLite.
        return;
    }
    let sqlite = tempfile::tempdir().expect("dir");
    let other = vooruit_store::Db::connect(
        &format!("sqlite://{}", sqlite.path().join("s.db").display()),
        vooruit_store::Clock::system(),
    )
    .await
    .expect("sqlite");
    other.migrate().await.expect("migrate sqlite");
    let mut oc = other.read().await.expect("conn");
    let there = schema(&mut oc, DbKind::Sqlite).await;
    let only_pg: Vec<&String> = here.difference(&there).collect();
    let only_sqlite: Vec<&String> = there.difference(&here).collect();
    assert!(
        only_pg.is_empty() && only_sqlite.is_empty(),
        "only in PostgreSQL: {only_pg:#?}\nonly in SQLite: {only_sqlite:#?}"
    );
}
