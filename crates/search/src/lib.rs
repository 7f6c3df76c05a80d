//! The search index of Vooruit: tantivy with a Dutch analyzer (lower case,
//! accents folded, Snowball stemming), facets with counts, typo tolerance,
//! phrase search, highlighted snippets, spelling suggestions and related
//! stories. It holds every kind of published content (stories, publications,
//! events; see `ContentType`), each with its type as a facet. The index is a
//! cache: it can always be rebuilt from the database.

mod analyzer;
mod compounds;
mod facets;
mod query;
mod synonyms;

use std::collections::HashSet;
use std::path::Path;
use std::sync::Mutex;

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, MoreLikeThisQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, INDEXED, IndexRecordOption, OwnedValue, STORED, STRING,
    Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, IndexWriter, Order, ReloadPolicy, TantivyDocument, Term};

use facets::{FacetCounter, FacetTables};
pub use query::ParsedQuery;
use query::{Matching, QueryFields, Unit};
pub use synonyms::Synonyms;
pub use vooruit_domain::content_type::ContentType;

/// Bump when the schema or analyzer changes: an index of another version
/// is thrown away and rebuilt.
const SCHEMA_VERSION: &str = "9";

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("search index files: {0}")]
    Io(#[from] std::io::Error),
    #[error("search index is locked by another process (is a server running on this data dir?)")]
    Locked,
}

pub type Result<T> = std::result::Result<T, SearchError>;

/// What the index knows of a published item (a story, a publication, an
/// event). Fields a kind does not have stay empty.
#[derive(Debug, Clone)]
pub struct Doc {
    pub doc_type: ContentType,
    pub id: String,
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// All the text of the item, plain.
    pub body: String,
    /// The kind of story (stories only).
    pub kind: String,
    pub themes: Vec<String>,
    pub sectors: Vec<String>,
    pub region: String,
    pub year: i32,
    /// When it was published; for an event, when it starts.
    pub published_at: i64,
    /// Only what the teller allowed to be public; None when hidden.
    pub author_name: Option<String>,
    pub organisation: Option<String>,
}

/// A search as a visitor asks it. Empty strings mean "no filter".
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub q: String,
    /// A `ContentType` value: only items of that type.
    pub doc_type: String,
    pub kind: String,
    pub theme: String,
    pub sector: String,
    pub region: String,
    pub year: String,
    pub page: usize,
    pub per_page: usize,
    /// Leave out the facet counts (the story list does not show them, and
    /// counting is most of the work on a large index).
    pub skip_facets: bool,
}

impl SearchRequest {
    /// The facet filters that are set, as (field, value).
    pub fn filters(&self) -> Vec<(&'static str, &str)> {
        [
            ("type", self.doc_type.as_str()),
            ("kind", self.kind.as_str()),
            ("theme", self.theme.as_str()),
            ("sector", self.sector.as_str()),
            ("region", self.region.as_str()),
            ("year", self.year.as_str()),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .collect()
    }
}

/// An item found, as lists and search results show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Hit {
    /// What kind of content it is.
    #[serde(rename = "type")]
    pub doc_type: ContentType,
    /// Where a visitor reads it on the site.
    pub path: String,
    /// Where the API shows it.
    pub api_path: String,
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// The kind of story; empty for other types.
    pub kind: String,
    pub themes: Vec<String>,
    pub sectors: Vec<String>,
    pub region: String,
    /// When it was published; for an event, when it starts.
    pub published_at: i64,
    pub author_name: Option<String>,
    pub organisation: Option<String>,
    /// A piece of the text with the matched words in `<mark>`; HTML-escaped.
    pub snippet_html: String,
}

#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

/// Counts per facet value for the current search (with its other filters).
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct Facets {
    #[serde(rename = "type")]
    pub doc_type: Vec<FacetCount>,
    pub kind: Vec<FacetCount>,
    pub theme: Vec<FacetCount>,
    pub sector: Vec<FacetCount>,
    pub region: Vec<FacetCount>,
    pub year: Vec<FacetCount>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    pub total: usize,
    pub facets: Facets,
    /// A corrected spelling of the query, when it found nothing.
    pub suggestion: Option<String>,
    /// How many results the same words give without the filters, when the
    /// filters left nothing.
    pub without_filters: Option<usize>,
    /// No story has all the words: these have at least half of them.
    pub most_words: bool,
    /// The synonyms of the words that were searched as well (members of
    /// the groups the words are in), for the reader to see.
    pub also_searched: Vec<String>,
}

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    slug: Field,
    title: Field,
    summary: Field,
    /// Stored only: the text snippets are cut from.
    body: Field,
    /// Title and body, stemmed, with positions: for "phrases" and related stories.
    text: Field,
    words: Field,
    /// Title and body, every word twice and the parts of compounds once,
    /// stemmed: what the words of a search are looked up in.
    words_and_parts: Field,
    kind: Field,
    theme: Field,
    sector: Field,
    region: Field,
    year: Field,
    published_at: Field,
    author_name: Field,
    organisation: Field,
    doc_type: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let nl = TextFieldIndexing::default()
        .set_tokenizer(analyzer::DUTCH)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    // The title only adds to the score (phrases are matched in `text`).
    let nl_title = TextFieldIndexing::default()
        .set_tokenizer(analyzer::DUTCH)
        .set_index_option(IndexRecordOption::WithFreqs);
    let words = TextFieldIndexing::default()
        .set_tokenizer(analyzer::WORDS)
        .set_index_option(IndexRecordOption::Basic);
    let words_and_parts = TextFieldIndexing::default()
        .set_tokenizer(analyzer::WORDS_AND_PARTS)
        .set_index_option(IndexRecordOption::WithFreqs);
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        slug: b.add_text_field("slug", STORED),
        title: b.add_text_field(
            "title",
            TextOptions::default()
                .set_indexing_options(nl_title)
                .set_stored(),
        ),
        summary: b.add_text_field("summary", STORED),
        body: b.add_text_field("body", STORED),
        text: b.add_text_field("text", TextOptions::default().set_indexing_options(nl)),
        words: b.add_text_field("words", TextOptions::default().set_indexing_options(words)),
        words_and_parts: b.add_text_field(
            "words_and_parts",
            TextOptions::default().set_indexing_options(words_and_parts),
        ),
        kind: b.add_facet_field("kind", FacetOptions::default().set_stored()),
        theme: b.add_facet_field("theme", FacetOptions::default().set_stored()),
        sector: b.add_facet_field("sector", FacetOptions::default().set_stored()),
        region: b.add_facet_field("region", FacetOptions::default().set_stored()),
        year: b.add_facet_field("year", FacetOptions::default()),
        published_at: b.add_i64_field("published_at", INDEXED | STORED | FAST),
        author_name: b.add_text_field("author_name", STORED),
        organisation: b.add_text_field("organisation", STORED),
        doc_type: b.add_facet_field("type", FacetOptions::default().set_stored()),
    };
    (b.build(), fields)
}

/// The index of one node, under its data directory.
pub struct SearchIndex {
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    f: Fields,
    /// The facet values of each story, per segment.
    facet_tables: FacetTables,
    /// Goes up with every commit: caches built on the index compare it.
    generation: std::sync::atomic::AtomicU64,
    /// The synonym groups searches use (editors change them while it runs).
    synonyms: std::sync::RwLock<std::sync::Arc<Synonyms>>,
    /// True when the index was just created (or thrown away): it must be
    /// filled from the database.
    pub fresh: bool,
}

/// The words of `query` in `fields` to highlight, rarer words weighing more
/// (as tantivy's `SnippetGenerator::create` does, with our own analyzer).
/// The snippet analyzer gives the stems of words and of compound parts
/// alike, so a part (`werving` in `wervingscampagne`) is marked too.
fn snippet_terms(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    fields: &[Field],
) -> Result<std::collections::BTreeMap<String, f32>> {
    let mut terms = std::collections::BTreeSet::new();
    query.query_terms(&mut |term, _| {
        if fields.contains(&term.field()) {
            terms.insert(term.clone());
        }
    });
    let mut out = std::collections::BTreeMap::new();
    for term in terms {
        let Some(text) = term.value().as_str().map(str::to_string) else {
            continue;
        };
        let doc_freq = searcher.doc_freq(&term)?;
        if doc_freq > 0 {
            let weight = 1.0 / (1.0 + doc_freq as f32);
            let best = out.entry(text).or_insert(weight);
            *best = f32::max(*best, weight);
        }
    }
    Ok(out)
}

/// What was asked, with the synonyms in use when the search started and
/// the units they make of the words (worked out once per search).
#[derive(Clone, Copy)]
struct Asked<'a> {
    parsed: &'a ParsedQuery,
    synonyms: &'a Synonyms,
    units: &'a [Unit<'a>],
}

fn facet(value: &str) -> Facet {
    Facet::from_path([value])
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (or recreating it when it was
    /// made by another schema version).
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        let version_file = dir.join("VERSION");
        let current = std::fs::read_to_string(&version_file).unwrap_or_default();
        let mut fresh = false;
        if current.trim() != SCHEMA_VERSION {
            if dir.exists() {
                std::fs::remove_dir_all(dir)?;
            }
            std::fs::create_dir_all(dir)?;
            fresh = true;
        }
        let (schema, f) = schema();
        let index = if fresh {
            // Stored text in blocks of 4 KiB, not tantivy's 16: showing a hit
            // decompresses the whole block that holds it (a dozen of the
            // bench's stories, now three). A tenth less time per search;
            // the store takes half again as much disk (31 to 49 MB).
            Index::builder()
                .schema(schema)
                .settings(tantivy::IndexSettings {
                    docstore_blocksize: 4096,
                    ..Default::default()
                })
                .create_in_dir(dir)?
        } else {
            Index::open_in_dir(dir)?
        };
        analyzer::register(&index);
        let writer = index.writer(50_000_000).map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => SearchError::Locked,
            other => SearchError::Tantivy(other),
        })?;
        if fresh {
            std::fs::write(&version_file, SCHEMA_VERSION)?;
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let fresh = fresh || reader.searcher().num_docs() == 0;
        let facet_tables = FacetTables::new(vec![
            f.doc_type, f.kind, f.theme, f.sector, f.region, f.year,
        ]);
        // The facet tables now, not in the first visitor's search.
        for segment in reader.searcher().segment_readers() {
            facet_tables.of(segment)?;
        }
        Ok(SearchIndex {
            reader,
            writer: Mutex::new(writer),
            facet_tables,
            f,
            generation: std::sync::atomic::AtomicU64::new(0),
            synonyms: Default::default(),
            fresh,
        })
    }

    fn writer(&self) -> std::sync::MutexGuard<'_, IndexWriter> {
        // A panic while holding the lock leaves a usable writer behind.
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Adds or replaces an item (not yet visible: call `commit`).
    pub fn upsert(&self, doc: &Doc) -> Result<()> {
        let f = self.f;
        let mut d = TantivyDocument::default();
        d.add_text(f.id, &doc.id);
        d.add_facet(f.doc_type, facet(doc.doc_type.as_str()));
        d.add_text(f.slug, &doc.slug);
        d.add_text(f.title, &doc.title);
        d.add_text(f.summary, &doc.summary);
        d.add_text(f.body, &doc.body);
        d.add_text(f.text, &doc.title);
        d.add_text(f.text, &doc.body);
        d.add_text(f.words, format!("{} {}", doc.title, doc.body));
        d.add_text(f.words_and_parts, &doc.title);
        d.add_text(f.words_and_parts, &doc.body);
        if !doc.kind.is_empty() {
            d.add_facet(f.kind, facet(&doc.kind));
        }
        for t in &doc.themes {
            d.add_facet(f.theme, facet(t));
        }
        for s in &doc.sectors {
            d.add_facet(f.sector, facet(s));
        }
        if !doc.region.is_empty() {
            d.add_facet(f.region, facet(&doc.region));
        }
        d.add_facet(f.year, facet(&doc.year.to_string()));
        d.add_i64(f.published_at, doc.published_at);
        if let Some(name) = &doc.author_name {
            d.add_text(f.author_name, name);
        }
        if let Some(org) = &doc.organisation {
            d.add_text(f.organisation, org);
        }
        let w = self.writer();
        w.delete_term(Term::from_field_text(f.id, &doc.id));
        w.add_document(d)?;
        Ok(())
    }

    /// Removes an item (not yet visible: call `commit`).
    pub fn delete(&self, id: &str) {
        self.writer()
            .delete_term(Term::from_field_text(self.f.id, id));
    }

    /// Empties the index to fill it again. Segments are not merged until
    /// `merge_all`: merging them one by one while they come would be work
    /// thrown away.
    pub fn clear(&self) -> Result<()> {
        let w = self.writer();
        w.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        w.delete_all_documents()?;
        Ok(())
    }

    /// Makes the changes durable and visible to searches.
    pub fn commit(&self) -> Result<()> {
        self.writer().commit()?;
        self.reload()
    }

    /// After filling the index again (`clear`): merges all segments into
    /// one, waits for it, and merges as usual from then on. Every search
    /// walks each segment; a 100,000-story index was a dozen segments after
    /// a rebuild, and answered half as fast until they were merged.
    pub fn merge_all(&self) -> Result<()> {
        let mut w = self.writer();
        let ids = self.reader.searcher().index().searchable_segment_ids()?;
        if ids.len() > 1 {
            w.merge(&ids).wait()?;
        }
        w.set_merge_policy(Box::new(tantivy::indexer::LogMergePolicy::default()));
        drop(w);
        self.reload()
    }

    /// Makes what was committed or merged visible to searches.
    fn reload(&self) -> Result<()> {
        self.reader.reload()?;
        // Facet tables for new segments now, not in the next visitor's search.
        let searcher = self.reader.searcher();
        let mut alive = Vec::new();
        for segment in searcher.segment_readers() {
            self.facet_tables.of(segment)?;
            alive.push(segment.segment_id());
        }
        self.facet_tables.prune(&alive);
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Ok(())
    }

    /// Changes after every commit: a cache of anything published is valid
    /// as long as this number stays the same.
    pub fn generation(&self) -> u64 {
        self.generation.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Puts these synonym groups in use. Results computed before are
    /// stale: the generation goes up, as after a commit.
    pub fn set_synonyms(&self, synonyms: Synonyms) {
        *self.synonyms.write().unwrap_or_else(|e| e.into_inner()) = std::sync::Arc::new(synonyms);
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }

    fn synonyms(&self) -> std::sync::Arc<Synonyms> {
        self.synonyms
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Runs a search: full text (or everything, newest first, when `q` is
    /// empty), filtered by facets, one page of hits with snippets, and the
    /// facet counts of the result.
    ///
    /// Words are first looked up as written (stemmed). Only when that finds
    /// nothing are typos forgiven, and only for words the index does not
    /// have: a word that is in the index was meant as written (expanding
    /// every word into its near neighbours was a third of the time of a
    /// search, and most of the time of one that finds nothing). When still
    /// no story has every word, the stories with at least half of them are
    /// shown, marked `most_words`.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        let parsed = ParsedQuery::parse(&req.q);
        let synonyms = self.synonyms();
        let units = parsed.units(&synonyms);
        let q = Asked {
            parsed: &parsed,
            synonyms: &synonyms,
            units: &units,
        };
        let mut results = self.search_asked(req, q)?;
        results.also_searched = query::other_members(&units);
        Ok(results)
    }

    fn search_asked(&self, req: &SearchRequest, q: Asked) -> Result<SearchResults> {
        let searcher = self.reader.searcher();
        let parsed = q.parsed;
        let mut results = self.search_with(&searcher, req, q, None, Matching::All)?;
        if results.total > 0 {
            return Ok(results);
        }
        let unknown: HashSet<String> = parsed
            .typo_candidates()
            .into_iter()
            .filter(|w| {
                searcher
                    .doc_freq(&Term::from_field_text(self.f.words, w))
                    .unwrap_or(0)
                    == 0
            })
            .collect();
        let typos = (!unknown.is_empty()).then_some(&unknown);
        if typos.is_some() {
            results = self.search_with(&searcher, req, q, typos, Matching::All)?;
        }
        // No story has every word: the stories with most of them, said so.
        if results.total == 0 && q.units.len() >= 2 {
            let most = self.search_with(&searcher, req, q, typos, Matching::Most)?;
            if most.total > 0 {
                return Ok(SearchResults {
                    most_words: true,
                    ..most
                });
            }
        }
        if results.total == 0 {
            self.explain_empty(&searcher, req, q, &mut results)?;
        }
        Ok(results)
    }

    fn query_fields(&self) -> QueryFields {
        QueryFields {
            title: self.f.title,
            text: self.f.text,
            words: self.f.words,
            words_and_parts: self.f.words_and_parts,
        }
    }

    /// One search; `typos` are the words matched with a typo forgiven.
    fn search_with(
        &self,
        searcher: &tantivy::Searcher,
        req: &SearchRequest,
        q: Asked,
        typos: Option<&HashSet<String>>,
        matching: Matching,
    ) -> Result<SearchResults> {
        let text = q
            .parsed
            .to_clauses(searcher, self.query_fields(), q.units, typos, matching)?;
        let has_text = !text.is_empty();
        let filters: Vec<Box<dyn Query>> = req
            .filters()
            .into_iter()
            .filter_map(|(name, value)| {
                self.facet_field(name)
                    .map(|field| self.facet_query(field, value))
            })
            .collect();
        let query = self.combine(text, filters);

        let per_page = req.per_page.clamp(1, 100);
        let offset = req.page.saturating_sub(1).min(10_000) * per_page;
        // The story list needs no counts.
        let counter = (!req.skip_facets).then_some(FacetCounter {
            tables: &self.facet_tables,
        });
        let (addresses, total, counts) = if has_text {
            let (top, total, counts) = searcher.search(
                &query,
                &(
                    TopDocs::with_limit(per_page)
                        .and_offset(offset)
                        .order_by_score(),
                    Count,
                    counter,
                ),
            )?;
            (
                top.into_iter().map(|(_, a)| a).collect::<Vec<_>>(),
                total,
                counts,
            )
        } else {
            let (top, total, counts) = searcher.search(
                &query,
                &(
                    TopDocs::with_limit(per_page)
                        .and_offset(offset)
                        .order_by_fast_field::<i64>("published_at", Order::Desc),
                    Count,
                    counter,
                ),
            )?;
            (
                top.into_iter().map(|(_, a)| a).collect::<Vec<_>>(),
                total,
                counts,
            )
        };

        // Snippets only when words were searched: making one means
        // tokenizing the text of the story again.
        let snippets = if has_text {
            let terms = snippet_terms(searcher, &query, &[self.f.text, self.f.words_and_parts])?;
            let stems = std::sync::Arc::new(terms.keys().cloned().collect());
            Some(SnippetGenerator::new(
                terms,
                analyzer::for_snippets(stems),
                self.f.text,
                220,
            ))
        } else {
            None
        };
        let mut hits = Vec::with_capacity(addresses.len());
        for address in addresses {
            let doc: TantivyDocument = searcher.doc(address)?;
            let snippet_html = snippets.as_ref().map_or_else(String::new, |g| {
                let body = doc
                    .get_first(self.f.body)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default();
                let mut snippet = g.snippet(body);
                snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
                snippet.to_html()
            });
            hits.push(self.hit(&doc, snippet_html));
        }
        let mut counts = counts.unwrap_or_default().into_iter().map(|values| {
            let mut v: Vec<FacetCount> = values
                .into_iter()
                .map(|(value, count)| FacetCount {
                    value: value.to_string(),
                    count,
                })
                .collect();
            v.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
            v
        });
        let mut next = || counts.next().unwrap_or_default();
        let facets = Facets {
            doc_type: next(),
            kind: next(),
            theme: next(),
            sector: next(),
            region: next(),
            year: {
                let mut years = next();
                years.sort_by(|a, b| b.value.cmp(&a.value));
                years
            },
        };
        Ok(SearchResults {
            hits,
            total,
            facets,
            suggestion: None,
            without_filters: None,
            most_words: false,
            also_searched: Vec::new(),
        })
    }

    /// For a search that found nothing: whether the filters or the spelling
    /// were the cause.
    fn explain_empty(
        &self,
        searcher: &tantivy::Searcher,
        req: &SearchRequest,
        q: Asked,
        results: &mut SearchResults,
    ) -> Result<()> {
        let parsed = q.parsed;
        let text =
            parsed.to_clauses(searcher, self.query_fields(), q.units, None, Matching::All)?;
        if !req.filters().is_empty() && !text.is_empty() {
            let unfiltered = searcher.search(&BooleanQuery::new(text), &Count)?;
            results.without_filters = (unfiltered > 0).then_some(unfiltered);
        }
        // Words that find something without the filters are spelt fine.
        if results.without_filters.is_none() {
            results.suggestion = self.suggest(searcher, parsed)?;
        }
        // Only offer a suggestion that finds something: its words are all
        // in the index, so it is looked up as written.
        if let Some(suggested) = &results.suggestion {
            let finds = match ParsedQuery::parse(suggested).to_query(
                searcher,
                self.query_fields(),
                q.synonyms,
                None,
            )? {
                Some(q) => searcher.search(&*q, &Count)? > 0,
                None => false,
            };
            if !finds {
                results.suggestion = None;
            }
        }
        Ok(())
    }

    fn facet_field(&self, name: &str) -> Option<Field> {
        Some(match name {
            "type" => self.f.doc_type,
            "kind" => self.f.kind,
            "theme" => self.f.theme,
            "sector" => self.f.sector,
            "region" => self.f.region,
            "year" => self.f.year,
            _ => return None,
        })
    }

    fn facet_query(&self, field: Field, value: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_facet(field, &facet(value)),
            IndexRecordOption::Basic,
        ))
    }

    fn combine(
        &self,
        text: Vec<(Occur, Box<dyn Query>)>,
        filters: Vec<Box<dyn Query>>,
    ) -> BooleanQuery {
        let mut clauses = text;
        if clauses.is_empty() {
            clauses.push((Occur::Must, Box::new(tantivy::query::AllQuery)));
        }
        clauses.extend(filters.into_iter().map(|f| (Occur::Must, f)));
        BooleanQuery::new(clauses)
    }

    fn hit(&self, doc: &TantivyDocument, snippet_html: String) -> Hit {
        let text = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let optional = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let facets = |field: Field| {
            doc.get_all(field)
                .filter_map(|v| v.as_facet())
                // Encoded facets separate levels with NUL; ours have one level.
                .filter_map(|f| f.rsplit('\u{0}').next().map(str::to_string))
                .collect::<Vec<_>>()
        };
        let slug = text(self.f.slug);
        // Only an index of another version could hold another value; it is
        // rebuilt when the version changes.
        let doc_type = facets(self.f.doc_type)
            .first()
            .and_then(|t| ContentType::parse(t))
            .unwrap_or(ContentType::Story);
        Hit {
            doc_type,
            path: doc_type.path(&slug),
            api_path: doc_type.api_path(&slug),
            slug,
            title: text(self.f.title),
            summary: text(self.f.summary),
            kind: facets(self.f.kind).into_iter().next().unwrap_or_default(),
            themes: facets(self.f.theme),
            sectors: facets(self.f.sector),
            region: facets(self.f.region).into_iter().next().unwrap_or_default(),
            published_at: doc
                .get_first(self.f.published_at)
                .and_then(|v| v.as_i64())
                .unwrap_or(0),
            author_name: optional(self.f.author_name),
            organisation: optional(self.f.organisation),
            snippet_html,
        }
    }

    /// For each word that is not in the index, the closest word that is
    /// (edit distance up to 2, the most common on a tie). None when every
    /// word exists or nothing close does.
    fn suggest(
        &self,
        searcher: &tantivy::Searcher,
        parsed: &ParsedQuery,
    ) -> Result<Option<String>> {
        let mut changed = false;
        let mut out = Vec::new();
        for word in parsed.plain_words() {
            let folded = analyzer::fold(&word);
            let Some(first) = folded.chars().next() else {
                continue;
            };
            let exists = searcher.doc_freq(&Term::from_field_text(self.f.words, &folded))? > 0;
            if exists || folded.chars().count() < 4 {
                out.push(word);
                continue;
            }
            // Typos rarely hit the first letter: only words that share it
            // are compared, a small part of the dictionary.
            let mut upper = first.to_string();
            upper.push(char::MAX);
            let mut best: Option<(usize, std::cmp::Reverse<u32>, String)> = None;
            for segment in searcher.segment_readers() {
                let inverted = segment.inverted_index(self.f.words)?;
                let mut stream = inverted
                    .terms()
                    .range()
                    .ge(first.to_string())
                    .lt(upper.as_bytes())
                    .into_stream()?;
                while stream.advance() {
                    let Ok(term) = std::str::from_utf8(stream.key()) else {
                        continue;
                    };
                    if let Some(d) = query::edit_distance(&folded, term, 2) {
                        let candidate = (
                            d,
                            std::cmp::Reverse(stream.value().doc_freq),
                            term.to_string(),
                        );
                        if best.as_ref().is_none_or(|b| candidate < *b) {
                            best = Some(candidate);
                        }
                    }
                }
            }
            match best {
                Some((_, _, term)) => {
                    changed = true;
                    out.push(term);
                }
                None => out.push(word),
            }
        }
        Ok(changed.then(|| out.join(" ")))
    }

    /// The ids of the stories most like this one: similar words and
    /// shared themes, best first; never the story itself. Empty when the
    /// story is not in the index.
    pub fn similar(&self, id: &str, limit: usize) -> Result<Vec<String>> {
        let searcher = self.reader.searcher();
        let id_term = Term::from_field_text(self.f.id, id);
        let own = searcher.search(
            &TermQuery::new(id_term, IndexRecordOption::Basic),
            &TopDocs::with_limit(1).order_by_score(),
        )?;
        let Some((_, address)) = own.first() else {
            return Ok(vec![]);
        };
        let doc: TantivyDocument = searcher.doc(*address)?;
        let text = |field: Field| {
            let s = doc
                .get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default();
            OwnedValue::Str(s.to_string())
        };
        // Words in more than a tenth of all stories say little about what a
        // story is about, and they are what makes the query slow.
        let common = (searcher.num_docs() / 10).max(10);
        let mlt = MoreLikeThisQuery::builder()
            .with_min_doc_frequency(1)
            .with_max_doc_frequency(common)
            .with_min_term_frequency(1)
            .with_max_query_terms(25)
            .with_min_word_length(4)
            .with_document_fields(vec![(
                self.f.text,
                vec![text(self.f.title), text(self.f.body)],
            )]);
        let mut should: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, Box::new(mlt))];
        // Encoded facets separate levels with NUL; ours have one level.
        let themes = doc
            .get_all(self.f.theme)
            .filter_map(|v| v.as_facet())
            .filter_map(|f| f.rsplit('\u{0}').next());
        for theme in themes {
            should.push((
                Occur::Should,
                Box::new(BoostQuery::new(self.facet_query(self.f.theme, theme), 2.0)),
            ));
        }
        // Related stories are stories: other types only match, not count.
        let only_stories = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(BooleanQuery::new(should)) as Box<dyn Query>,
            ),
            (
                Occur::Must,
                self.facet_query(self.f.doc_type, ContentType::Story.as_str()),
            ),
        ]);
        let top = searcher.search(
            &only_stories,
            &TopDocs::with_limit(limit + 1).order_by_score(),
        )?;
        let mut ids = Vec::with_capacity(limit);
        for (_, a) in top {
            if a == *address {
                continue;
            }
            let other: TantivyDocument = searcher.doc(a)?;
            if let Some(other_id) = other.get_first(self.f.id).and_then(|v| v.as_str()) {
                ids.push(other_id.to_string());
            }
        }
        ids.truncate(limit);
        Ok(ids)
    }

    /// The index's own check that a document address is readable (tests).
    pub fn contains(&self, id: &str) -> Result<bool> {
        let searcher = self.reader.searcher();
        let n = searcher.search(
            &TermQuery::new(
                Term::from_field_text(self.f.id, id),
                IndexRecordOption::Basic,
            ),
            &Count,
        )?;
        Ok(n > 0)
    }
}
