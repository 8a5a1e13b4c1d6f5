//! Rough single-thread throughput of the text core on Arabic news text.
//!
//! Run: `cargo run -p marsad-text --release --example throughput`
//! (optionally pass a size in MB, default 20).

use std::hint::black_box;
use std::time::Instant;

use marsad_text::{light_stem_into, normalize, normalize_into, split_sentences, tokenize, TokenKind};

/// Paragraphs written for this benchmark: plain news prose with names,
/// numbers in both digit sets, quotes, a few diacritics and Latin words.
const PARAGRAPHS: &[&str] = &[
    "موسكو – (أ.ف.ب) أعلن الكرملين، الثلاثاء، أن الرئيس الروسي فلاديمير بوتين سيلتقي نظيره الكوري الشمالي كيم جونغ أون في مدينة فلاديفوستوك الشهر المقبل. وقال المتحدث باسم الكرملين دميتري بيسكوف للصحفيين: «الاستعدادات جارية. لم يتم تحديد موعد نهائي بعد.» وأضاف أن المحادثات ستتناول التعاون العسكري والاقتصادي بين البلدين.",
    "ارتفعت أسعار النفط بنسبة 3.5% يوم الأربعاء، ليصل سعر خام برنت إلى ٨٢٫٤ دولار للبرميل، وسط مخاوف من تراجع الإمدادات. وقال محللون إن قرار تحالف أوبك+ خفض الإنتاج بمقدار 1,5 مليون برميل يوميا سيدعم الأسعار حتى نهاية العام، في حين تترقب الأسواق بيانات المخزونات الأمريكية.",
    "أكدت وزارة الصحة تسجيل 1,250 إصابة جديدة بفيروس كوفيد-19 خلال الأسبوع الماضي… وأشارت إلى أن معظم الحالات سُجّلت في العاصمة والمدن الكبرى. ودعت الوزارة المواطنين إلى الالتزام بالإجراءات الوقائية وتلقي الجرعات المعززة من اللقاح.",
    "قال مسؤول عسكري إن مقاتلات من طراز سو-35 وميغ-31 شاركت في التدريبات، إلى جانب قاذفات تي. يو-95 الاستراتيجية. وتابع: \"نحن مستعدون لأي طارئ.\" \"التدريبات ستستمر حتى الجمعة.\" ولم تعلق وزارة الدفاع الأمريكية (البنتاغون) على الفور.",
    "عقد مجلس الأمن الدولي جلسة طارئة لبحث التصعيد في المنطقة، بطلب من فرنسا والمملكة المتحدة. وحذّر الأمين العام للأمم المتحدة من أن \"الوضع الإنساني يتدهور بسرعة\"، داعيا جميع الأطراف إلى وقف فوري لإطلاق النار والسماح بدخول المساعدات.",
];

fn mb_per_s(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / 1e6 / secs
}

fn main() {
    let target_mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let mut text = String::with_capacity(target_mb * 1_000_000 + 4096);
    let mut i = 0;
    while text.len() < target_mb * 1_000_000 {
        text.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        text.push('\n');
        i += 1;
    }
    let bytes = text.len();
    println!("input: {:.1} MB, {} paragraphs", bytes as f64 / 1e6, i);

    let t = Instant::now();
    let n = normalize(&text);
    let secs_norm = t.elapsed().as_secs_f64();
    println!("normalize (with offset map): {:8.1} MB/s", mb_per_s(bytes, secs_norm));
    black_box(n.original_offset(n.text.len() / 2));
    drop(n);

    let t = Instant::now();
    let mut out = String::with_capacity(bytes);
    normalize_into(&text, &mut out);
    println!("normalize_into (no map):     {:8.1} MB/s", mb_per_s(bytes, t.elapsed().as_secs_f64()));
    black_box(&out);
    drop(out);

    let t = Instant::now();
    let tokens = tokenize(&text).count();
    let secs_tok = t.elapsed().as_secs_f64();
    println!("tokenize:                    {:8.1} MB/s  ({tokens} tokens)", mb_per_s(bytes, secs_tok));

    let t = Instant::now();
    let sentences = split_sentences(&text);
    let secs_sent = t.elapsed().as_secs_f64();
    println!("split_sentences:             {:8.1} MB/s  ({} sentences)", mb_per_s(bytes, secs_sent), sentences.len());
    drop(sentences);

    let t = Instant::now();
    let mut buf = String::new();
    let mut stemmed = 0usize;
    for tok in tokenize(&text) {
        if tok.kind.is_word() {
            buf.clear();
            light_stem_into(tok.text, &mut buf);
            stemmed += buf.len();
        }
    }
    let secs_stem = t.elapsed().as_secs_f64();
    println!("tokenize + stem every word:  {:8.1} MB/s", mb_per_s(bytes, secs_stem));
    black_box(stemmed);

    // The whole text core, the way an article is processed: per paragraph.
    let t = Instant::now();
    let mut checksum = 0usize;
    for para in text.lines() {
        let n = normalize(para);
        checksum += n.text.len();
        checksum += split_sentences(para).len();
        for tok in tokenize(para) {
            if tok.kind == TokenKind::Arabic || tok.kind == TokenKind::Latin {
                buf.clear();
                light_stem_into(tok.text, &mut buf);
                checksum += buf.len();
            }
        }
    }
    let secs_all = t.elapsed().as_secs_f64();
    println!(
        "whole core per paragraph:    {:8.1} MB/s  (normalize + sentences + tokenize + stem)",
        mb_per_s(bytes, secs_all)
    );
    black_box(checksum);
}
