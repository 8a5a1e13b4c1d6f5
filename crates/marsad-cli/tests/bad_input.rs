//! Bad inputs are named on stderr; good ones still come out; nothing panics.

mod common;

use std::io::Write;

use common::{marsad, stderr, stdout};

const GOOD: &str = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة بطاقة استيعابية تبلغ مئتي سرير، \
وقال الوزير إن المشروع سيخدم أكثر من نصف مليون نسمة في المنطقة.\n\
وأضاف أن العمل في المستشفى سيبدأ الشهر المقبل بعد استكمال تجهيز الأقسام الطبية وتدريب الكوادر.";

#[test]
fn a_folder_of_bad_inputs_and_one_good_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = |name: &str| dir.path().join(name);
    std::fs::write(p("empty.txt"), b"").expect("write");
    std::fs::write(p("binary.bin"), [0x89, b'P', b'N', b'G', 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 7, 0]).expect("write");
    // A gzip stream cut in the middle.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..200 {
        writeln!(gz, "{{\"id\": \"r{i}\", \"text\": \"{}\"}}", GOOD.replace('\n', "\\n")).expect("gzip");
    }
    let gz = gz.finish().expect("gzip");
    std::fs::write(p("truncated.jsonl.gz"), &gz[..gz.len() / 2]).expect("write");
    let jsonl = format!(
        "{{\"id\": \"ok-1\", \"text\": \"{}\"}}\n{{\"id\": \"broken\", \"text\": \n",
        GOOD.replace('\n', "\\n")
    );
    std::fs::write(p("records.jsonl"), jsonl).expect("write");
    std::fs::write(p("nobody.html"), "<!doctype html><html><head><title>x</title></head></html>").expect("write");
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(GOOD);
    std::fs::write(p("legacy.txt"), &cp1256).expect("write");
    std::fs::write(p("good.txt"), GOOD).expect("write");

    let out = marsad(&["analyze", dir.path().to_str().expect("utf-8 path")]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "some inputs failed: exit 1\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    for bad in ["empty.txt", "binary.bin", "truncated.jsonl.gz", "records.jsonl:2", "nobody.html"] {
        assert!(err.lines().any(|l| l.contains(bad)), "{bad} is named on stderr:\n{err}");
    }
    let docs: Vec<serde_json::Value> =
        stdout(&out).lines().map(|l| serde_json::from_str(l).expect("one JSON document per line")).collect();
    let ids: Vec<&str> = docs.iter().filter_map(|d| d["id"].as_str()).collect();
    for id in ["good", "legacy", "ok-1", "r0"] {
        assert!(ids.contains(&id), "{id} comes out: {ids:?}");
    }
    let legacy = docs.iter().find(|d| d["id"] == "legacy").expect("legacy");
    assert!(legacy["text"].as_str().is_some_and(|t| t.contains("وزارة الصحة")), "windows-1256 decoded");
}

#[test]
fn usage_errors_exit_2() {
    let out = marsad(&["analyze"]);
    assert_eq!(out.status.code(), Some(2));
    let out = marsad(&["brief", "examples", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn missing_path_is_named() {
    let out = marsad(&["analyze", "no/such/place"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no/such/place"));
}
