//! No state is compared or written as a string outside its enum: the code
//! of the other crates (store, use cases, web, binary) and the templates
//! name states through the domain enums. A quoted state word anywhere there
//! fails this test with the place it stands.

use std::path::{Path, PathBuf};

use vooruit_domain::account::{Role, TokenPurpose};
use vooruit_domain::dilemma::DilemmaPhase;
use vooruit_domain::edition::{DeliveryStatus, EditionStatus};
use vooruit_domain::event::{EventStatus, RegistrationState, RegistrationStatus};
use vooruit_domain::experiment::ExperimentPhase;
use vooruit_domain::newsletter::SubscriberStatus;
use vooruit_domain::organisation::OrgRole;
use vooruit_domain::retrospective::RetroPhase;
use vooruit_domain::story::{MessageAuthor, StoryStatus};

/// Every state word (kinds and languages are data, not states).
fn state_words() -> Vec<&'static str> {
    [
        StoryStatus::values(),
        MessageAuthor::values(),
        Role::values(),
        TokenPurpose::values(),
        EventStatus::values(),
        RegistrationStatus::values(),
        RegistrationState::values(),
        SubscriberStatus::values(),
        EditionStatus::values(),
        DeliveryStatus::values(),
        OrgRole::values(),
        RetroPhase::values(),
        DilemmaPhase::values(),
        ExperimentPhase::values(),
    ]
    .concat()
    .into_iter()
    .collect::<std::collections::BTreeSet<_>>()
    .into_iter()
    .collect()
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
            out.push(path);
        }
    }
}

#[test]
fn no_state_is_a_string_outside_its_enum() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut all = vec![];
    for dir in [
        "store/src",
        "app/src",
        "app/templates",
        "web/src",
        "web/templates",
        "vooruit/src",
    ] {
        files(&crates.join(dir), &mut all);
    }
    assert!(all.len() > 50, "found only {} files", all.len());
    let words = state_words();
    let mut found = vec![];
    for path in &all {
        let text = std::fs::read_to_string(path).expect("read");
        for (n, line) in text.lines().enumerate() {
            for w in &words {
                if line.contains(&format!("\"{w}\"")) || line.contains(&format!("'{w}'")) {
                    found.push(format!(
                        "{}:{}: {w}: {}",
                        path.display(),
                        n + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "states written as strings (use the enum):\n{}",
        found.join("\n")
    );
}
