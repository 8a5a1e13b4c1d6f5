//! Time to load a model: `cargo run -p marsad-ner --release --example load -- [MODEL]`
//! (default: the embedded model's file).
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "crates/marsad-ner/model/anercorp.model".into());
    let bytes = std::fs::read(&path)?;
    let mut times = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let tagger = marsad_ner::Tagger::load(&bytes)?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(tagger);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{path}: {} bytes; load min {:.1} ms, median {:.1} ms, max {:.1} ms",
        bytes.len(),
        times[0],
        times[5],
        times[9]
    );
    let t = Instant::now();
    let first = marsad_ner::Tagger::try_embedded().map_err(|e| e.to_string())?;
    println!("embedded: first use {:.1} ms ({} features)", t.elapsed().as_secs_f64() * 1000.0, first.size().0);
    Ok(())
}
