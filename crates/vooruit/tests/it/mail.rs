//! Mail over real SMTP: with VOORUIT_SMTP_URL set, mails go to the SMTP
//! server instead of the outbox folder. A minimal SMTP server in the test
//! receives them.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use crate::common::{Server, share_story};

/// Accepts SMTP sessions and keeps every message's DATA.
async fn smtp_sink() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let store = received.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let store = store.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(buf) = data.as_mut() {
                        if line == "." {
                            store.lock().expect("lock").push(std::mem::take(buf));
                            data = None;
                            let _ = write.write_all(b"250 queued\r\n").await;
                        } else {
                            buf.push_str(&line);
                            buf.push('\n');
                        }
                        continue;
                    }
                    let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" => b"250-sink\r\n250 8BITMIME\r\n",
                        "HELO" | "MAIL" | "RCPT" | "RSET" | "NOOP" => b"250 ok\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go on\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        }
                        _ => b"502 not here\r\n",
                    };
                    let _ = write.write_all(reply).await;
                }
            });
        }
    });
    (port, received)
}

#[tokio::test]
async fn mails_go_over_smtp_when_configured() {
    let (port, received) = smtp_sink().await;
    let url = format!("smtp://127.0.0.1:{port}");
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
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let mail = loop {
        if let Some(m) = received.lock().expect("lock").first().cloned() {
            break m;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no mail arrived over SMTP"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert!(mail.contains("To: smtp@test.nl"), "{mail}");
    assert!(
        mail.contains("From: Vooruit <redactie@vooruit.test>"),
        "{mail}"
    );
    let parsed = mail_parser::MessageParser::default()
        .parse(mail.as_bytes())
        .expect("parse");
    assert!(parsed.body_text(0).expect("text").contains(&status));
    assert!(
        !s.outbox().exists() || std::fs::read_dir(s.outbox()).expect("dir").next().is_none(),
        "nothing in the outbox"
    );
}
