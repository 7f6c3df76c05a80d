//! Mail over real SMTP: with VOORUIT_SMTP_URL set, mails go to the SMTP
//! server instead of the outbox folder. A real SMTP server (aiosmtpd)
//! receives them.

use crate::common::{Server, SmtpSink, share_story};

#[tokio::test]
async fn mails_go_over_smtp_when_configured() {
    let sink = SmtpSink::start();
    let url = sink.url();
    let s = Server::start_with(&[
        "--demo",
        "--smtp-url",
        &url,
        "--mail-from",
        "Vooruit <redactie@vooruit.test>",
    ])
    .await;
    let c = s.client();
    let status = share_story(
        &c,
        "Via SMTP verstuurd",
        "",
        "",
        "smtp@test.nl",
        false,
        false,
    )
    .await;
    let mail = sink.mail("smtp@test.nl", "").await;
    assert!(mail.raw.contains("To: smtp@test.nl"), "{}", mail.raw);
    assert!(
        mail.raw.contains("From: Vooruit <redactie@vooruit.test>"),
        "{}",
        mail.raw
    );
    assert!(mail.text.contains(&status));
    assert!(
        !s.outbox().exists() || std::fs::read_dir(s.outbox()).expect("dir").next().is_none(),
        "nothing in the outbox"
    );
}
