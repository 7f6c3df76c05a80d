//! `/privacy`: the privacy statement as a processing register (AVG article
//! 30): for each thing the site does with personal data, what is kept, why,
//! on what legal ground, who sees it, how long, and in which tables. The
//! periods come from the code that applies them (`retention.rs`, the
//! session length), so the page cannot drift from what happens; a test
//! (`it/privacy.rs`) fails when a table that names people is in no entry.

use askama::Template;
use askama_web::WebTemplate;
use vooruit_app::accounts::SESSION_DAYS;
use vooruit_app::retention::{
    CONTACT_DAYS, INVITATION_DAYS, REGISTRATION_DAYS, UNCONFIRMED_HOURS, UNSUBSCRIBED_DAYS,
};

use crate::context::Ctx;
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new().get("/privacy", page)
}

/// One processing activity. Its texts are the translation keys
/// `processing-<key>-title`, `-data`, `-why`, `-basis`, `-who` and `-kept`;
/// `-kept` is given `n` and `m` (the periods, in its own unit).
struct Processing {
    key: &'static str,
    tables: &'static [&'static str],
    n: i64,
    m: i64,
}

const REGISTER: [Processing; 10] = [
    Processing {
        key: "accounts",
        tables: &["users", "sessions", "account_tokens", "user_identities"],
        n: SESSION_DAYS,
        m: 0,
    },
    Processing {
        key: "stories",
        tables: &[
            "stories",
            "story_messages",
            "story_revisions",
            "story_tombstones",
        ],
        n: CONTACT_DAYS,
        m: 0,
    },
    Processing {
        key: "registrations",
        tables: &["registrations"],
        n: REGISTRATION_DAYS,
        m: 0,
    },
    Processing {
        key: "newsletter",
        tables: &[
            "newsletter_subscribers",
            "newsletter_deliveries",
            "newsletter_editions",
        ],
        n: UNSUBSCRIBED_DAYS,
        m: UNCONFIRMED_HOURS,
    },
    Processing {
        key: "organisations",
        tables: &["organisation_members", "organisation_invitations"],
        n: INVITATION_DAYS,
        m: 0,
    },
    Processing {
        key: "groups",
        tables: &[
            "learning_group_members",
            "learning_group_invitations",
            "learning_group_calendar_links",
            "retrospectives",
            "retrospective_cards",
            "retrospective_votes",
            "retrospective_voters",
            "retrospective_actions",
            "dilemmas",
            "dilemma_positions",
            "experiments",
            "experiment_supports",
            "experiment_notes",
        ],
        n: INVITATION_DAYS,
        m: 0,
    },
    Processing {
        key: "measurement",
        tables: &["measurement_programmes", "measurement_invitees"],
        n: 0,
        m: 0,
    },
    Processing {
        key: "mail",
        tables: &["jobs"],
        n: 1,
        m: 0,
    },
    Processing {
        key: "security",
        tables: &["throttle_events"],
        n: 24,
        m: 0,
    },
    Processing {
        key: "podcast",
        tables: &["podcast_series"],
        n: 0,
        m: 0,
    },
];

/// The questions each entry answers, in order: (suffix, label key).
const FIELDS: [(&str, &str); 5] = [
    ("data", "processing-what"),
    ("why", "processing-why"),
    ("basis", "processing-basis"),
    ("who", "processing-who"),
    ("kept", "processing-kept"),
];

#[derive(Template, WebTemplate)]
#[template(path = "privacy_register.html")]
struct RegisterPage {
    l: Ctx,
}

impl RegisterPage {
    fn register(&self) -> &'static [Processing] {
        &REGISTER
    }

    fn fields(&self) -> &'static [(&'static str, &'static str)] {
        &FIELDS
    }

    fn text(&self, p: &Processing, field: &str) -> String {
        let key = format!("processing-{}-{field}", p.key);
        if field == "kept" {
            self.l.t2(&key, "n", p.n, "m", p.m)
        } else {
            self.l.t(key)
        }
    }
}

async fn page(l: Ctx) -> RegisterPage {
    RegisterPage { l }
}
