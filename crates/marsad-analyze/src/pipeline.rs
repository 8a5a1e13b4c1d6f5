//! From the paths a user named to analyzed documents.
//!
//! Reading is sequential (inputs are read whole, one at a time); cleaning
//! needs the whole batch first, because a line that repeats across many
//! documents of one outlet is template text ([`RepeatedLines`]); cleaning and
//! analysis then run per document on all cores. Documents keep the order of their inputs.

use std::path::PathBuf;

use std::collections::HashMap;

use marsad_ingest::{Cleaner, IngestError, PublishedBasis, RawArticle, RepeatedLines};
use marsad_text::CharIndex;
use marsad_time::CivilDate;
use rayon::prelude::*;

use crate::{Analyzer, DateMention, Document};

/// Settings of one run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Inputs larger than this (before or after gzip) are refused.
    pub max_bytes: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_bytes: marsad_ingest::source::DEFAULT_MAX_BYTES }
    }
}

/// Receives progress reports. The CLI draws a bar; tests ignore them.
pub trait Progress: Sync {
    /// Called once the inputs are known, with their number.
    fn inputs(&self, _total: usize) {}
    /// Called after each input is read.
    fn input_read(&self, _name: &str, _bytes: u64) {}
    /// Called when analysis starts, with the number of articles.
    fn articles(&self, _total: usize) {}
    /// Called after each article is analyzed.
    fn article_done(&self) {}
}

/// A progress sink that does nothing.
impl Progress for () {}

/// What a run produced: documents in input order, and every error met (each
/// names its input). Errors never stop the run.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub errors: Vec<IngestError>,
    /// Bytes read from the inputs (after gzip).
    pub bytes: u64,
}

/// Reads every input under `paths`, cleans and analyzes the articles.
pub fn analyze_inputs(paths: &[PathBuf], options: &Options, progress: &dyn Progress) -> Corpus {
    let (raws, errors) = read_all(paths, options, progress);
    analyze_articles(&raws, errors, progress)
}

/// Cleans and analyzes raw articles read elsewhere (a feed watcher, an API
/// request); `errors` are those met reading them, kept in the result.
pub fn analyze_articles(raws: &[RawArticle], mut errors: Vec<IngestError>, progress: &dyn Progress) -> Corpus {
    let bytes = raws.iter().map(|r| r.text.len() as u64).sum();
    let cleaner = Cleaner::with_repeated_lines(RepeatedLines::from_articles(raws));
    let analyzer = Analyzer::new();
    progress.articles(raws.len());
    let per_raw: Vec<Vec<Document>> = raws
        .par_iter()
        .map(|raw| {
            let docs: Vec<Document> = cleaner.clean(raw).into_iter().map(|a| analyzer.analyze(a)).collect();
            progress.article_done();
            docs
        })
        .collect();
    let mut documents = Vec::with_capacity(raws.len());
    for (raw, docs) in raws.iter().zip(per_raw) {
        if docs.is_empty() {
            errors.push(IngestError::NoContent { input: raw.source.clone() });
        }
        documents.extend(docs);
    }
    resolve_entities(&mut documents);
    infer_publication_dates(&mut documents);
    Corpus { documents, errors, bytes }
}

/// Reads the raw articles of every input.
pub fn read_all(paths: &[PathBuf], options: &Options, progress: &dyn Progress) -> (Vec<RawArticle>, Vec<IngestError>) {
    let (inputs, mut errors) = marsad_ingest::expand(paths);
    progress.inputs(inputs.len());
    let mut raws = Vec::new();
    for input in &inputs {
        let mut outcome = marsad_ingest::read(input, options.max_bytes);
        let bytes = outcome.articles.iter().map(|a| a.text.len() as u64).sum();
        raws.append(&mut outcome.articles);
        errors.append(&mut outcome.errors);
        progress.input_read(&input.name(), bytes);
    }
    (raws, errors)
}

/// Makes entity ids agree across documents (see `marsad_entities::resolve`),
/// and quotation speakers follow their entities' new ids.
pub fn resolve_entities(documents: &mut [Document]) {
    let before: Vec<Vec<String>> =
        documents.iter().map(|d| d.entities.iter().map(|e| e.id.clone()).collect()).collect();
    merge_entity_ids(documents);
    for (doc, old_ids) in documents.iter_mut().zip(before) {
        for q in &mut doc.quotes {
            if let Some(id) = q.speaker.entity.as_mut() {
                if let Some(i) = old_ids.iter().position(|old| old == id) {
                    id.clone_from(&doc.entities[i].id);
                }
            }
        }
    }
}

fn merge_entity_ids(documents: &mut [Document]) {
    let gazetteer = marsad_entities::gazetteer::Gazetteer::embedded();
    let entities = documents
        .iter_mut()
        .flat_map(|d| d.entities.iter_mut())
        .filter_map(|e| {
            let kind = marsad_entities::EntityKind::parse(&e.kind)?;
            Some(marsad_entities::CorpusEntity {
                kind,
                known: gazetteer.has_id(&e.id),
                mentions: e.mentions.iter().map(|m| m.text.as_str()).collect(),
                id: &mut e.id,
                name: &mut e.name,
            })
        })
        .collect();
    marsad_entities::resolve_corpus(entities);
}

/// Entity ids two documents must share before one's date may anchor the
/// other's weekday references.
const SHARED_ENTITIES_FOR_CONTEXT: usize = 2;

/// Works out the publication date of documents that state none, from their
/// own weekday and day references («اليوم السبت»، «الأربعاء الماضي»، «أمس»),
/// and resolves their relative dates against it.
///
/// A weekday alone fixes a date only up to a week; the week comes from the
/// dates the article itself states, else from the publication dates of
/// documents about the same things (sharing named entities) — a «read also»
/// article from another year states its own dates and is not pulled to its
/// host's week.
pub fn infer_publication_dates(documents: &mut [Document]) {
    let mut dated_by_entity: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, d) in documents.iter().enumerate() {
        if d.published_date().is_some() {
            for e in &d.entities {
                dated_by_entity.entry(e.id.as_str()).or_default().push(i);
            }
        }
    }
    let mut found: Vec<(usize, CivilDate)> = Vec::new();
    for (i, d) in documents.iter().enumerate().filter(|(_, d)| d.published.is_none()) {
        let own = marsad_time::infer_publication_date(&d.text, &[]);
        let inferred = own.or_else(|| {
            let mut shared: HashMap<usize, usize> = HashMap::new();
            for e in &d.entities {
                for &j in dated_by_entity.get(e.id.as_str()).into_iter().flatten() {
                    *shared.entry(j).or_default() += 1;
                }
            }
            let mut context: Vec<CivilDate> = shared
                .into_iter()
                .filter(|&(_, n)| n >= SHARED_ENTITIES_FOR_CONTEXT)
                .filter_map(|(j, _)| documents[j].published_date())
                .collect();
            context.sort_unstable();
            context.dedup();
            (!context.is_empty()).then(|| marsad_time::infer_publication_date(&d.text, &context)).flatten()
        });
        if let Some(p) = inferred {
            found.push((i, p.date));
        }
    }
    for (i, date) in found {
        let d = &mut documents[i];
        d.published = Some(date.to_string());
        d.published_basis = Some(PublishedBasis::Inferred);
        d.dates = DateMention::find_all(&d.text, Some(date), &CharIndex::new(&d.text));
    }
}
