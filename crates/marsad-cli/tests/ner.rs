//! `marsad ner --conll`: the same tokens in the same order, each with a BIO tag.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

fn conll(input: &str, extra: &[&str]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_marsad"))
        .args(["ner", "--conll"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("marsad runs");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write tokens");
    let out = child.wait_with_output().expect("marsad ends");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn conll_keeps_tokens_and_tags_entities() {
    let tokens = "وقال\nالرئيس\nالفرنسي\nإيمانويل\nماكرون\nفي\nباريس\n.\n\nوأعلنت\nمنظمة\nالصحة\nالعالمية\nذلك\n.\n";
    for extra in [&[][..], &["--model-only"][..]] {
        let out = conll(tokens, extra);
        let got: Vec<&str> = out.lines().collect();
        let want: Vec<&str> = tokens.lines().collect();
        assert_eq!(got.len(), want.len(), "{extra:?}: one line per input line\n{out}");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g.split(' ').next().unwrap_or(""), *w, "{extra:?}: same tokens in the same order");
            if !w.is_empty() {
                let tag = g.rsplit(' ').next().unwrap_or("");
                assert!(tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"), "{tag}");
            }
        }
        assert!(out.contains("ماكرون I-PERS") || out.contains("ماكرون B-PERS"), "{extra:?}\n{out}");
        assert!(out.contains("باريس B-LOC"), "{extra:?}\n{out}");
    }
}
