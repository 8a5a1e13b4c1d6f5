//! End-to-end checks on realistic Arabic news paragraphs (written for these tests).

use marsad_text::{
    light_stem, normalize, normalize_str, split_sentences, strip_proclitics, tokenize, CharIndex, TokenKind,
};

const KREMLIN: &str = "موسكو – (أ.ف.ب) أعلن الكرملين، الثلاثاء، أن الرئيس الروسي فلاديمير بوتين سيلتقي نظيره الكوري الشمالي كيم جونغ أون في مدينة فلاديفوستوك الشهر المقبل. وقال المتحدث باسم الكرملين دميتري بيسكوف للصحفيين: «الاستعدادات جارية. لم يتم تحديد موعد نهائي بعد.» وأضاف أن المحادثات ستتناول التعاون العسكري والاقتصادي.";

const OIL: &str = "ارتفعت أسعار النفط بنسبة 3.5% يوم الأربعاء، ليصل سعر خام برنت إلى ٨٢٫٤ دولار للبرميل، وسط مخاوف من تراجع الإمدادات. وقال محللون إن قرار تحالف أوبك+ خفض الإنتاج بمقدار 1,5 مليون برميل يوميا سيدعم الأسعار حتى نهاية العام.";

const HEALTH: &str = "أكدت وزارة الصحة تسجيل 1,250 إصابة جديدة بفيروس كوفيد-19 خلال الأسبوع الماضي… وأشارت إلى أن معظم الحالات في العاصمة. ودعت المواطنين إلى الالتزام بالإجراءات الوقائية.";

const DRILL: &str = "قال مسؤول عسكري إن مقاتلات من طراز سو-35 وميغ-31 شاركت في التدريبات، إلى جانب قاذفات تي. يو-95 الاستراتيجية. وتابع: \"نحن مستعدون لأي طارئ.\" \"التدريبات ستستمر حتى الجمعة.\"";

fn sentences(text: &str) -> Vec<&str> {
    split_sentences(text).into_iter().map(|r| &text[r]).collect()
}

#[test]
fn kremlin_sentences() {
    assert_eq!(
        sentences(KREMLIN),
        vec![
            "موسكو – (أ.ف.ب) أعلن الكرملين، الثلاثاء، أن الرئيس الروسي فلاديمير بوتين سيلتقي نظيره الكوري الشمالي كيم جونغ أون في مدينة فلاديفوستوك الشهر المقبل.",
            "وقال المتحدث باسم الكرملين دميتري بيسكوف للصحفيين: «الاستعدادات جارية. لم يتم تحديد موعد نهائي بعد.»",
            "وأضاف أن المحادثات ستتناول التعاون العسكري والاقتصادي.",
        ]
    );
}

#[test]
fn oil_tokens_and_sentences() {
    assert_eq!(sentences(OIL).len(), 2);
    let toks: Vec<_> = tokenize(OIL).map(|t| (t.text, t.kind)).collect();
    let find = |s: &str| toks.iter().position(|&(t, _)| t == s).unwrap_or(usize::MAX);
    let i = find("3.5");
    assert_eq!(toks[i], ("3.5", TokenKind::Number));
    assert_eq!(toks[i + 1], ("%", TokenKind::Symbol));
    assert_eq!(toks[find("٨٢٫٤")].1, TokenKind::Number);
    assert_eq!(toks[find("1,5")].1, TokenKind::Number);
    let i = find("أوبك");
    assert_eq!(toks[i + 1], ("+", TokenKind::Symbol));
    assert_eq!(normalize_str("٨٢٫٤"), "82.4");
}

#[test]
fn health_ellipsis_and_hyphenated_name() {
    assert_eq!(
        sentences(HEALTH),
        vec![
            "أكدت وزارة الصحة تسجيل 1,250 إصابة جديدة بفيروس كوفيد-19 خلال الأسبوع الماضي…",
            "وأشارت إلى أن معظم الحالات في العاصمة.",
            "ودعت المواطنين إلى الالتزام بالإجراءات الوقائية.",
        ]
    );
    assert!(tokenize(HEALTH).any(|t| t.text == "كوفيد-19" && t.kind == TokenKind::Arabic));
    assert!(tokenize(HEALTH).any(|t| t.text == "1,250" && t.kind == TokenKind::Number));
}

#[test]
fn drill_models_and_quotes() {
    assert_eq!(
        sentences(DRILL),
        vec![
            "قال مسؤول عسكري إن مقاتلات من طراز سو-35 وميغ-31 شاركت في التدريبات، إلى جانب قاذفات تي. يو-95 الاستراتيجية.",
            "وتابع: \"نحن مستعدون لأي طارئ.\"",
            "\"التدريبات ستستمر حتى الجمعة.\"",
        ]
    );
    let words: Vec<_> = tokenize(DRILL).filter(|t| t.kind.is_word()).map(|t| t.text).collect();
    assert!(words.contains(&"سو-35"));
    assert!(words.contains(&"وميغ-31"));
    assert!(words.contains(&"يو-95"));
}

/// Find a name in normalized text and report it against the original, the
/// way the analysis crates do.
#[test]
fn normalized_search_maps_back_to_original() {
    let original = "قالَ الرئيسُ الروسيّ فلاديمير بوتين إنّ «الحربَ» لن تتوقّف، وأكّد كيم ذلك.";
    let n = normalize(original);
    for (needle, expected) in [("بوتين", "بوتين"), ("الحرب", "الحربَ"), ("اكد", "أكّد"), ("الروسي", "الروسيّ")]
    {
        let at = n.text.find(needle).unwrap_or_else(|| panic!("{needle} not in {}", n.text));
        let r = n.original_range(at..at + needle.len());
        assert_eq!(&original[r.clone()], expected);
        // JSON offsets are in characters.
        let idx = CharIndex::new(original);
        let chars = idx.char_range(r.clone());
        let via_chars: String = original.chars().skip(chars.start).take(chars.end - chars.start).collect();
        assert_eq!(via_chars, expected);
    }
}

#[test]
fn stems_of_a_paragraph() {
    let stems: Vec<String> =
        tokenize(KREMLIN).filter(|t| t.kind == TokenKind::Arabic).map(|t| light_stem(t.text)).collect();
    for expected in ["بوتين", "فلاديمير", "كوري", "كيم", "كرملين", "رييس", "روسي", "صحفي", "محادث", "تعاون"]
    {
        assert!(stems.iter().any(|s| s == expected), "{expected} missing from {stems:?}");
    }
    assert_eq!(strip_proclitics(&normalize_str("وبوتين")), "بوتين");
}
