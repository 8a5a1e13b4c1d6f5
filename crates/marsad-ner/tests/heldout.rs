//! Held-out evaluation on ANERcorp (skipped when ../shared/data is absent).
//!
//! Two checks:
//! * the shipped model: trained on the first 90% of the pseudo-sentences
//!   only, so its score on the last 10% is honest; a change in marsad-text's
//!   normalization or in the features that silently degrades the embedded
//!   model shows up here;
//! * generalization: train the first pass on the same 90% (one perceptron
//!   instead of the shipped three, no second pass, to stay fast in debug
//!   builds) and score the last 10%.

use std::path::PathBuf;

use marsad_ner::train::{evaluate, load_gazetteers, read_conll, split_heldout, train, DataPaths, TrainOptions};
use marsad_ner::Tagger;

fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("MARSAD_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
        .join("anercorp");
    if dir.join("train.txt").is_file() {
        Some(dir)
    } else {
        println!("skipped: ANERcorp not found at {}", dir.display());
        None
    }
}

#[test]
fn embedded_model_on_heldout_split() {
    let Some(dir) = data_dir() else { return };
    let sentences = read_conll(&dir.join("train.txt")).expect("read ANERcorp");
    let (_, held) = split_heldout(&sentences, 0.1);
    let tagger = Tagger::try_embedded().expect("embedded model");
    let (score, _) = evaluate(tagger, held);
    println!("embedded model on the held-out tenth (never seen in training):\n{score}");
    // The shipped model is trained on the first 90% only, so this is an honest
    // score (0.7595 when it was built, two passes); features that drift from
    // the ones it was trained with, or a worse model, show up here first.
    assert!(tagger.has_context_pass(), "the shipped model has the document-context pass");
    assert!(score.all.f1() >= 0.75, "F1 {:.4} below 0.75", score.all.f1());
}

#[test]
fn generalization_on_heldout_split() {
    let Some(dir) = data_dir() else { return };
    let paths = DataPaths::new(&dir);
    let sentences = read_conll(&paths.train).expect("read ANERcorp");
    let (rest, held) = split_heldout(&sentences, 0.1);
    let entries = load_gazetteers(&paths.anercorp, paths.names.as_deref()).expect("gazetteers");
    // Clusters as shipped: reuse the embedded model's (they come from unlabeled text only).
    let clusters = Tagger::try_embedded().expect("embedded").clusters().clone();
    let opts = TrainOptions { bags: 1, ..TrainOptions::default() };
    let tagger = train(rest, None, entries, clusters, &opts);
    let (score, _) = evaluate(&tagger, held);
    println!("trained on 90% (one perceptron), held-out tenth:\n{score}");
    // Achieved: 0.747 (one perceptron), 0.751 (three, as shipped).
    assert!(score.all.f1() >= 0.72, "held-out F1 {:.4} below 0.72", score.all.f1());
}
