//! The index on its own: Dutch matching, facets, snippets, suggestions,
//! related stories and removal.

use vooruit_search::{ContentType, Doc, SearchIndex, SearchRequest};

fn doc(id: &str, title: &str, body: &str, kind: &str, themes: &[&str], year: i32) -> Doc {
    Doc {
        doc_type: ContentType::Story,
        id: id.into(),
        slug: format!("slug-{id}"),
        title: title.into(),
        summary: format!("Samenvatting {id}"),
        body: body.into(),
        kind: kind.into(),
        themes: themes.iter().map(|t| t.to_string()).collect(),
        sectors: vec!["ouderenzorg".into()],
        region: "utrecht".into(),
        year,
        published_at: i64::from(year) * 1000,
        author_name: None,
        organisation: None,
    }
}

fn index() -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().expect("dir");
    let idx = SearchIndex::open(&dir.path().join("search")).expect("open");
    assert!(idx.fresh);
    idx.upsert(&doc(
        "a",
        "Onze wervingscampagne mislukte",
        "De campagne op social media leverde geen sollicitaties op. Een open dag hielp wel.",
        "falend-vooruit",
        &["werven"],
        2025,
    ))
    .expect("add");
    idx.upsert(&doc(
        "b",
        "Buddy's voor nieuwe verpleegkundigen",
        "Ervaren collega's begeleiden nieuwe collega's in het eerste jaar. Minder vertrek.",
        "koploper",
        &["binden", "werven"],
        2026,
    ))
    .expect("add");
    idx.upsert(&doc(
        "c",
        "Een roosterapp die niemand gebruikte",
        "De app was mislukt omdat medewerkers hem niet snapten.",
        "falend-vooruit",
        &["technologie"],
        2026,
    ))
    .expect("add");
    idx.commit().expect("commit");
    (dir, idx)
}

fn req(q: &str) -> SearchRequest {
    SearchRequest {
        q: q.into(),
        page: 1,
        per_page: 10,
        ..Default::default()
    }
}

fn slugs(r: &vooruit_search::SearchResults) -> Vec<&str> {
    r.hits.iter().map(|h| h.slug.as_str()).collect()
}

#[test]
fn stemming_accents_case_and_typos() {
    let (_d, idx) = index();
    assert_eq!(
        slugs(&idx.search(&req("wervingscampagnes")).expect("search")),
        vec!["slug-a"]
    );
    let mislukt = idx.search(&req("MISLUKT")).expect("search");
    assert_eq!(mislukt.total, 2, "mislukte and mislukt both match");
    assert_eq!(
        slugs(&idx.search(&req("verpleegkundige")).expect("search")),
        vec!["slug-b"]
    );
    // One typo in a longer word still finds it.
    assert_eq!(
        slugs(&idx.search(&req("sollicitatis")).expect("search")),
        vec!["slug-a"]
    );
    // All words must match; when no story has both, the stories with one
    // of the two are shown, and the results say so.
    let all = idx.search(&req("campagne sollicitaties")).expect("search");
    assert_eq!((slugs(&all), all.most_words), (vec!["slug-a"], false));
    let most = idx.search(&req("campagne buddy")).expect("search");
    assert!(most.most_words);
    assert!(slugs(&most).contains(&"slug-a"), "{most:?}");
}

#[test]
fn phrases_snippets_and_facets() {
    let (_d, idx) = index();
    let r = idx.search(&req("\"open dag\"")).expect("search");
    assert_eq!(slugs(&r), vec!["slug-a"]);
    assert_eq!(
        idx.search(&req("\"dag open\"")).expect("search").total,
        0,
        "word order matters in a phrase"
    );
    let r = idx.search(&req("collega")).expect("search");
    assert!(
        r.hits[0].snippet_html.contains("<mark>"),
        "{}",
        r.hits[0].snippet_html
    );

    let all = idx.search(&req("")).expect("search");
    assert_eq!(all.total, 3);
    assert_eq!(slugs(&all)[2], "slug-a", "without words: newest first");
    let werven = all
        .facets
        .theme
        .iter()
        .find(|f| f.value == "werven")
        .expect("facet");
    assert_eq!(werven.count, 2);
    let mut filtered = req("");
    filtered.kind = "falend-vooruit".into();
    filtered.year = "2026".into();
    assert_eq!(
        slugs(&idx.search(&filtered).expect("search")),
        vec!["slug-c"]
    );
}

#[test]
fn suggestions_and_removing_filters() {
    let (_d, idx) = index();
    let r = idx.search(&req("roosterrapp")).expect("search");
    // A typo of two letters in a short word finds nothing but gets a suggestion.
    if r.total == 0 {
        assert_eq!(r.suggestion.as_deref(), Some("roosterapp"));
    }
    // A word that is nowhere: the other word is enough, said so.
    let r = idx.search(&req("sollicitaties xqzwv")).expect("search");
    assert_eq!((slugs(&r), r.most_words), (vec!["slug-a"], true));
    assert_eq!(idx.search(&req("xqzwv")).expect("search").total, 0);
    let mut f = req("campagne");
    f.theme = "technologie".into();
    let r = idx.search(&f).expect("search");
    assert_eq!(r.total, 0);
    assert_eq!(r.without_filters, Some(1));
}

#[test]
fn similar_and_delete() {
    let (_d, idx) = index();
    let rel = idx.similar("a", 5).expect("similar");
    assert!(!rel.iter().any(|id| id == "a"), "never itself");
    assert_eq!(rel.first().map(String::as_str), Some("b"), "shares a theme");
    assert!(idx.similar("unknown", 5).expect("similar").is_empty());
    idx.delete("b");
    idx.commit().expect("commit");
    assert!(!idx.contains("b").expect("contains"));
    assert_eq!(idx.search(&req("buddy")).expect("search").total, 0);
    assert!(
        !idx.similar("a", 5)
            .expect("similar")
            .iter()
            .any(|id| id == "b")
    );
}

#[test]
fn reopening_keeps_the_index() {
    let (dir, idx) = index();
    drop(idx);
    let again = SearchIndex::open(&dir.path().join("search")).expect("open");
    assert!(!again.fresh);
    assert_eq!(again.num_docs(), 3);
}

#[test]
fn typos_are_forgiven_only_when_the_words_as_written_find_nothing() {
    let (_d, idx) = index();
    idx.upsert(&doc(
        "d",
        "Gezonde tanden op school",
        "De tandarts kwam elke maand op school.",
        "koploper",
        &["samenwerking"],
        2026,
    ))
    .expect("add");
    idx.upsert(&doc(
        "e",
        "Zorg aan huis op het platteland",
        "De landarts kwam aan huis, ook in het weekend.",
        "koploper",
        &["samenwerking"],
        2026,
    ))
    .expect("add");
    idx.commit().expect("commit");
    // Written right: only the story with that word, not the one with a
    // word one letter off ("landarts").
    let exact = idx.search(&req("tandarts")).expect("search");
    assert_eq!(slugs(&exact), vec!["slug-d"]);
    // Misspelt, it finds nothing as written, so close words count.
    let typo = idx.search(&req("tandartz")).expect("search");
    assert_eq!(slugs(&typo), vec!["slug-d"]);
    assert_eq!(typo.suggestion, None, "it found something: no suggestion");
}

/// The counts of one facet of a result, as (value, count) sorted by value.
fn counts(facet: &[vooruit_search::FacetCount]) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = facet.iter().map(|f| (f.value.clone(), f.count)).collect();
    v.sort();
    v
}

#[test]
fn facet_counts_hold_over_segments_changes_and_removals() {
    let (_d, idx) = index();
    // A second commit makes a second segment; "b" is changed (its old copy
    // in the first segment is hidden, not gone) and "c" removed.
    let mut b = doc(
        "b",
        "Buddy's voor nieuwe collega's",
        "Nieuwe collega's krijgen een buddy.",
        "koploper",
        &["binden"],
        2024,
    );
    b.sectors = vec!["jeugdzorg".into(), "ouderenzorg".into()];
    b.region = "limburg".into();
    idx.upsert(&b).expect("change");
    idx.upsert(&doc(
        "d",
        "Een campagne met collega's als gezicht",
        "Collega's vertelden zelf over hun werk.",
        "koploper",
        &["werven"],
        2026,
    ))
    .expect("add");
    idx.delete("c");
    idx.commit().expect("commit");

    let all = idx.search(&req("")).expect("search");
    assert_eq!(all.total, 3, "a, b (changed) and d");
    let s = |v: &[(&str, u64)]| -> Vec<(String, u64)> {
        v.iter().map(|(a, n)| (a.to_string(), *n)).collect()
    };
    assert_eq!(
        counts(&all.facets.kind),
        s(&[("falend-vooruit", 1), ("koploper", 2)])
    );
    assert_eq!(
        counts(&all.facets.theme),
        s(&[("binden", 1), ("werven", 2)])
    );
    assert_eq!(
        counts(&all.facets.sector),
        s(&[("jeugdzorg", 1), ("ouderenzorg", 3)])
    );
    assert_eq!(
        counts(&all.facets.region),
        s(&[("limburg", 1), ("utrecht", 2)])
    );
    assert_eq!(
        all.facets
            .year
            .iter()
            .map(|f| f.value.as_str())
            .collect::<Vec<_>>(),
        vec!["2026", "2025", "2024"],
        "years newest first"
    );

    // Counts are those of the stories the words match, with the filters.
    let words = idx.search(&req("collega's")).expect("search");
    assert_eq!(words.total, 2, "b and d");
    assert_eq!(counts(&words.facets.kind), s(&[("koploper", 2)]));
    assert_eq!(
        counts(&words.facets.theme),
        s(&[("binden", 1), ("werven", 1)])
    );
    let mut filtered = req("collega's");
    filtered.region = "limburg".into();
    let r = idx.search(&filtered).expect("search");
    assert_eq!(slugs(&r), vec!["slug-b"]);
    assert_eq!(counts(&r.facets.year), s(&[("2024", 1)]));
    assert_eq!(counts(&r.facets.theme), s(&[("binden", 1)]));
}

#[test]
fn synonyms_find_every_member_of_a_group_and_are_marked() {
    let (_dir, idx) = index();
    idx.upsert(&doc(
        "d",
        "Wachtlijsten in de geestelijke gezondheidszorg",
        "In de geestelijke gezondheidszorg ging een team met cliënten op de wachtlijst wandelen.",
        "koploper",
        &["samenwerking"],
        2026,
    ))
    .expect("add");
    idx.commit().expect("commit");
    assert!(slugs(&idx.search(&req("ggz")).expect("search")).is_empty());
    assert!(slugs(&idx.search(&req("medewerkersapp")).expect("search")).is_empty());

    let before = idx.generation();
    idx.set_synonyms(vooruit_search::Synonyms::new([
        vec!["ggz".into(), "geestelijke gezondheidszorg".into()],
        vec!["medewerkersapp".into(), "app".into()],
    ]));
    assert!(idx.generation() > before, "cached results must go stale");
    let r = idx.search(&req("GGZ wachtlijst")).expect("search");
    assert_eq!(slugs(&r), ["slug-d"]);
    assert!(
        r.hits[0]
            .snippet_html
            .contains("<mark>geestelijke</mark> <mark>gezondheidszorg</mark>"),
        "{}",
        r.hits[0].snippet_html
    );
    // The other way round, and a one-word member found inside a compound.
    assert_eq!(
        slugs(
            &idx.search(&req("geestelijke gezondheidszorg"))
                .expect("search")
        ),
        ["slug-d"]
    );
    assert_eq!(
        slugs(&idx.search(&req("medewerkersapp")).expect("search")),
        ["slug-c"]
    );

    idx.set_synonyms(vooruit_search::Synonyms::default());
    assert!(slugs(&idx.search(&req("ggz")).expect("search")).is_empty());
}

#[test]
fn other_types_are_found_with_their_type_but_never_related() {
    let (_d, idx) = index();
    let mut report = doc(
        "p",
        "Rapport over werving in de zorg",
        "Een wervingscampagne met een open dag trok meer sollicitaties dan social media.",
        "",
        &["werven"],
        2024,
    );
    report.doc_type = ContentType::Publication;
    idx.upsert(&report).expect("add");
    let mut meeting = doc(
        "e",
        "Bijeenkomst over werving",
        "We praten over de open dag als wervingsmiddel.",
        "",
        &["werven"],
        2026,
    );
    meeting.doc_type = ContentType::Event;
    idx.upsert(&meeting).expect("add");
    idx.commit().expect("commit");

    let all = idx.search(&req("open dag")).expect("search");
    let types = counts(&all.facets.doc_type);
    assert!(types.contains(&("publicatie".into(), 1)), "{types:?}");
    assert!(types.contains(&("bijeenkomst".into(), 1)), "{types:?}");
    assert!(types.contains(&("verhaal".into(), 1)), "{types:?}");
    // A publication has no story kind, so it adds nothing to that facet.
    assert_eq!(
        all.facets.kind.iter().map(|c| c.count).sum::<u64>(),
        1,
        "{:?}",
        all.facets.kind
    );
    let hit = all
        .hits
        .iter()
        .find(|h| h.slug == "slug-p")
        .expect("the report");
    assert_eq!(hit.doc_type, ContentType::Publication);
    assert_eq!(hit.path, "/publicaties/slug-p");
    assert_eq!(hit.api_path, "/api/v1/publications/slug-p");

    let only = idx
        .search(&SearchRequest {
            doc_type: "publicatie".into(),
            ..req("open dag")
        })
        .expect("search");
    assert_eq!(slugs(&only), vec!["slug-p"]);

    // The report shares a theme and words with story a, but related
    // stories are stories.
    let rel = idx.similar("a", 5).expect("similar");
    assert!(!rel.is_empty());
    assert!(!rel.iter().any(|id| id == "p" || id == "e"), "{rel:?}");
}
