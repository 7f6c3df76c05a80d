//! The relevance yardstick: judged Dutch queries over the demo stories and
//! the story library (`vooruit demo --library`), scored as a reader would
//! meet them (the first page of `/api/v1/search`).
//!
//! The judgments (`tests/relevance/judgments.json`) say, per query, which
//! stories should come first: grade 3 is what the reader looks for, 2 is
//! clearly about it, 1 is worth seeing; unnamed stories count as 0. They
//! were written by reading the stories, before the search was tuned to
//! them. The test prints nDCG@10 and recall@10 and fails when either falls
//! below the floor in `tests/relevance/floor.json`.
//!
//! `cargo test --locked --test it relevance -- --nocapture` prints the
//! figures per query.

use serde::Deserialize;
use std::collections::HashMap;

use crate::common::Server;

#[derive(Deserialize)]
struct Judged {
    q: String,
    /// Story title -> grade (1 to 3).
    grades: HashMap<String, u8>,
}

#[derive(Deserialize)]
struct Judgments {
    queries: Vec<Judged>,
}

#[derive(Deserialize)]
struct Floor {
    ndcg_at_10: f64,
    recall_at_10: f64,
}

fn read<T: for<'de> Deserialize<'de>>(name: &str) -> T {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/relevance")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

fn gain(grade: u8) -> f64 {
    f64::from((1u32 << grade) - 1)
}

/// Discount of rank `i` (from 0): the first place counts fully.
fn discount(i: usize) -> f64 {
    1.0 / ((i + 2) as f64).log2()
}

/// nDCG@10 of `ranked` (titles, best first) against the grades.
fn ndcg_at_10(ranked: &[String], grades: &HashMap<String, u8>) -> f64 {
    let dcg: f64 = ranked
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, t)| gain(grades.get(t).copied().unwrap_or(0)) * discount(i))
        .sum();
    let mut ideal: Vec<u8> = grades.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, &g)| gain(g) * discount(i))
        .sum();
    // (+ 0.0: an empty sum is -0.0, printed as "-0.000".)
    if idcg == 0.0 { 0.0 } else { dcg / idcg + 0.0 }
}

/// The share of the judged stories (grade 1 or more) on the first page.
fn recall_at_10(ranked: &[String], grades: &HashMap<String, u8>) -> f64 {
    let relevant = grades.values().filter(|&&g| g > 0).count();
    let found = ranked
        .iter()
        .take(10)
        .filter(|t| grades.get(*t).is_some_and(|&g| g > 0))
        .count();
    if relevant == 0 {
        0.0
    } else {
        found as f64 / relevant as f64
    }
}

#[test]
fn the_measures_score_a_ranking_as_defined() {
    let grades: HashMap<String, u8> = [("a".to_string(), 3), ("b".to_string(), 1)].into();
    let titles = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!((ndcg_at_10(&titles(&["a", "b"]), &grades) - 1.0).abs() < 1e-9);
    // The best story second: 7/log2(3) + 1 over 7 + 1/log2(3).
    let swapped = ndcg_at_10(&titles(&["b", "a"]), &grades);
    let expected = (1.0 + 7.0 / 3f64.log2()) / (7.0 + 1.0 / 3f64.log2());
    assert!((swapped - expected).abs() < 1e-9, "{swapped}");
    assert_eq!(recall_at_10(&titles(&["x", "a"]), &grades), 0.5);
    assert_eq!(ndcg_at_10(&titles(&["x", "y"]), &grades), 0.0);
}

#[tokio::test]
async fn search_holds_the_relevance_floor() {
    let judgments: Judgments = read("judgments.json");
    let floor: Floor = read("floor.json");
    assert!(judgments.queries.len() >= 40, "at least 40 judged queries");

    let s = Server::start().await;
    s.add_library().await;
    let c = s.client();

    let titles: Vec<String> = {
        let mut all = vec![];
        for page in 1.. {
            let r = c
                .get(&format!("/api/v1/search?q=&page={page}"))
                .await
                .json();
            let items = r["items"].as_array().expect("items").clone();
            if items.is_empty() {
                break;
            }
            all.extend(
                items
                    .iter()
                    .map(|h| h["title"].as_str().expect("title").to_string()),
            );
        }
        all
    };
    let (mut ndcg, mut recall) = (0.0, 0.0);
    println!("nDCG@10 recall@10  query");
    for j in &judgments.queries {
        for title in j.grades.keys() {
            assert!(
                titles.contains(title),
                "{:?} judges an unknown story {title:?}",
                j.q
            );
        }
        let mut url = reqwest::Url::parse("http://x/api/v1/search").expect("url");
        url.query_pairs_mut().append_pair("q", &j.q);
        let path = format!("{}?{}", url.path(), url.query().unwrap_or_default());
        let r = c.get(&path).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let ranked: Vec<String> = r.json()["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|h| h["title"].as_str().expect("title").to_string())
            .collect();
        let (n, rc) = (
            ndcg_at_10(&ranked, &j.grades),
            recall_at_10(&ranked, &j.grades),
        );
        println!("{n:7.3} {rc:9.3}  {}", j.q);
        ndcg += n;
        recall += rc;
    }
    let count = judgments.queries.len() as f64;
    let (ndcg, recall) = (ndcg / count, recall / count);
    println!(
        "relevance over {} judged queries: nDCG@10 {ndcg:.3}, recall@10 {recall:.3} (floor {:.3} and {:.3})",
        judgments.queries.len(),
        floor.ndcg_at_10,
        floor.recall_at_10
    );
    assert!(
        ndcg >= floor.ndcg_at_10,
        "nDCG@10 {ndcg:.3} fell below the floor {:.3}",
        floor.ndcg_at_10
    );
    assert!(
        recall >= floor.recall_at_10,
        "recall@10 {recall:.3} fell below the floor {:.3}",
        floor.recall_at_10
    );
}
