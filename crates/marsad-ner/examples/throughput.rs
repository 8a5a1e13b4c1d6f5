//! Tagging throughput of a model on ANERcorp's held-out part, repeated.
//!
//! cargo run -p marsad-ner --release --example throughput -- [MODEL] [--data DIR] [--repeat N] [--articles N]
//! Without MODEL, the embedded model is used. `--articles N` also times
//! `tag_text_spans` (tokenization included) on the first N SaudiNewsNet articles
//! (`DIR/../saudinewsnet/articles.jsonl.gz`).

use std::path::PathBuf;
use std::time::Instant;

use marsad_ner::train::{read_conll, split_heldout};
use marsad_ner::Tagger;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut model: Option<PathBuf> = None;
    let mut data = PathBuf::from("../shared/data/anercorp");
    let mut repeat = 20usize;
    let mut articles = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--data" => data = args.next().ok_or("--data needs a value")?.into(),
            "--repeat" => repeat = args.next().ok_or("--repeat needs a value")?.parse()?,
            "--articles" => articles = args.next().ok_or("--articles needs a value")?.parse()?,
            _ => model = Some(a.into()),
        }
    }
    let t = Instant::now();
    let owned;
    let tagger: &Tagger = match &model {
        Some(p) => {
            owned = Tagger::load(&std::fs::read(p)?)?;
            &owned
        }
        None => Tagger::try_embedded().map_err(|e| e.to_string())?,
    };
    println!("model loaded in {:.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    let sentences = read_conll(&data.join("train.txt"))?;
    let (_, held) = split_heldout(&sentences, 0.1);
    let sents: Vec<Vec<&str>> = held.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
    let ntok: usize = sents.iter().map(Vec::len).sum();
    // First pass: every word type is new to the per-thread word cache.
    let t = Instant::now();
    let mut entities = 0usize;
    for s in &sents {
        entities += tagger.tag(s).iter().filter(|t| matches!(t, marsad_ner::Tag::B(_))).count();
    }
    let secs = t.elapsed().as_secs_f64();
    println!("first pass (cold word cache): {ntok} tokens in {secs:.3} s: {:.0} tokens/s", ntok as f64 / secs);
    let t = Instant::now();
    let mut checksum = 0usize;
    for _ in 0..repeat {
        for s in &sents {
            checksum += tagger.tag(s).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "warm: {} tokens x {repeat} in {secs:.3} s: {:.0} tokens/s on one thread ({entities} entities per pass, checksum {checksum})",
        ntok,
        (ntok * repeat) as f64 / secs
    );
    if articles > 0 {
        use std::io::BufRead;
        let path = data.join("../saudinewsnet/articles.jsonl.gz");
        let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(std::fs::File::open(&path)?));
        let mut texts = Vec::new();
        for line in reader.lines().take(articles) {
            let v: serde_json::Value = serde_json::from_str(&line?)?;
            texts.push(v["text"].as_str().unwrap_or("").to_string());
        }
        let ntok: usize = texts.iter().map(|t| marsad_text::tokenize(t).count()).sum();
        let fresh = match &model {
            Some(p) => Tagger::load(&std::fs::read(p)?)?,
            None => Tagger::load(&tagger.to_bytes()?)?,
        };
        let t = Instant::now();
        let mut spans = 0usize;
        for text in &texts {
            spans += fresh.tag_text_spans(text).len();
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "tag_text_spans on {} SaudiNewsNet articles ({ntok} tokens, cold cache at start): {secs:.3} s, {:.0} tokens/s, {spans} entities",
            texts.len(),
            ntok as f64 / secs
        );
    }
    Ok(())
}
