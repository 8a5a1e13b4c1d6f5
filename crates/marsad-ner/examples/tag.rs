//! Tags text from stdin with the embedded model and prints entity spans:
//! `echo "..." | cargo run -p marsad-ner --release --example tag`
use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    for (range, ty) in marsad_ner::tag_text_spans(&text) {
        println!("{ty}\t{}..{}\t{}", range.start, range.end, &text[range.clone()]);
    }
    Ok(())
}
