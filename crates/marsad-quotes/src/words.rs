//! The small closed word classes that frame an attribution.
//!
//! All words are normalized ([`marsad_text::normalize_str`]). Each list says
//! what role the words play around a speech cue; the extractor in
//! [`crate::extract`] reads them and nothing else decides these roles.

/// Complementizers that open reported speech: «قال إن …», «أكد أن …», «صرح بأنه …».
/// Returns whether the word carries a pronoun («إنه», «بأنهم»), which belongs
/// to the reported clause («إنه سيزور» = "that he will visit").
///
/// `word` is normalized, so «آن» (as in the name آن تشان إيل) looks like «أن»
/// here; callers rule it out on the original spelling.
pub fn complementizer(word: &str) -> Option<bool> {
    let rest = word.strip_prefix('ب').unwrap_or(word);
    let rest = rest.strip_prefix("ان")?;
    match rest {
        "" => Some(false),
        "ه" | "ها" | "هم" | "هما" | "هن" | "نا" | "ني" | "ك" | "كم" => Some(true),
        _ => None,
    }
}

/// Words that start an adverbial or a prepositional phrase inside the
/// speaker zone («قال بوتين، يوم الأربعاء، في مؤتمر صحفي، إن …»): the
/// speaker ends before them.
pub fn ends_speaker(word: &str) -> bool {
    matches!(
        word,
        "في" | "خلال"
            | "عبر"
            | "يوم"
            | "اليوم"
            | "امس"
            | "عندما"
            | "لدي"
            | "امام"
            | "عقب"
            | "بعد"
            | "قبل"
            | "اثناء"
            | "صباح"
            | "مساء"
            | "ظهر"
            | "ضمن"
            | "وسط"
            | "حين"
            | "حيث"
            | "مع"
            | "من"
            | "الي"
            | "علي"
            | "عن"
            | "وفي"
            | "بعيد"
            | "ردا"
            | "تعليقا"
            | "الاسبوع"
            | "الشهر"
            | "العام"
            | "السنه"
            | "الليله"
            | "الاحد"
            | "الاثنين"
            | "الثلاثاء"
            | "الاربعاء"
            | "الخميس"
            | "الجمعه"
            | "السبت"
            | "غدا"
            | "مجددا"
            | "ايضا"
            | "كذلك"
            | "بدوره"
            | "بدورها"
            | "مؤخرا"
            | "موخرا"
            | "سابقا"
            | "اليوم،"
    ) || addressee(word)
}

/// «لنظيره»، «للصحفيين»، «لوكالة …»: whom the words were addressed to, or
/// the outlet that carried them — never part of the speaker's name.
pub fn addressee(word: &str) -> bool {
    const HEADS: &[&str] = &[
        "لنظير",
        "للصحفي",
        "للصحافي",
        "للصحاف",
        "لوكاله",
        "لقناه",
        "لصحيفه",
        "لوسايل",
        "لموقع",
        "لتلفزيون",
        "لاذاعه",
        "لمراسل",
        "للتلفزيون",
        "للاذاعه",
        "للوكاله",
        "للقناه",
        "للصحيفه",
        "لمجلس",
        "للمجلس",
        "للجنه",
        "لوفد",
    ];
    HEADS.iter().any(|h| word.starts_with(h))
}

/// Words after which a preceding noun phrase is the subject of the next verb:
/// discourse openers that end the look-back for a speaker placed before its
/// verb («لكن المتحدث باسم الكرملين، صرح بأنه …»).
pub fn clause_opener(word: &str) -> bool {
    matches!(
        word,
        "لكن"
            | "ولكن"
            | "فيما"
            | "بينما"
            | "كما"
            | "حيث"
            | "ثم"
            | "اذ"
            | "فان"
            | "الا"
            | "وقد"
            | "قد"
            | "ان"
            | "لان"
            | "كذلك"
            | "ايضا"
            | "بدوره"
            | "بدورها"
            | "من"
            | "جانبه"
            | "جهته"
            | "جانبها"
            | "جهتها"
            | "وفيما"
            | "وبينما"
    )
}

/// Markers of the outlet's source: «بحسب رويترز», «حسبما ذكرت الوكالة»,
/// «وفق ما ذكرته شبكة …», «نقلا عن مصادر».
pub fn source_marker(word: &str) -> bool {
    matches!(
        word,
        "بحسب"
            | "حسب"
            | "حسبما"
            | "وبحسب"
            | "وحسب"
            | "وحسبما"
            | "وفق"
            | "وفقا"
            | "ووفقا"
            | "ووفق"
            | "طبقا"
            | "نقلا"
            | "كما"
    )
}

/// Verbs and fillers between a source marker and the source's name:
/// «حسبما ذكرت وكالة …», «وفق ما ذكرته شبكة …», «وفقا لما نقلته …».
pub fn source_filler(word: &str) -> bool {
    matches!(
        word,
        "ما" | "لما"
            | "ل"
            | "عن"
            | "ذكرت"
            | "ذكر"
            | "ذكرته"
            | "قالت"
            | "قال"
            | "افادت"
            | "افاد"
            | "اوردت"
            | "اورد"
            | "نقلت"
            | "نقل"
            | "نقلته"
            | "ذكرها"
            | "اوردته"
            | "اعلنت"
            | "اعلن"
    )
}

/// «قوله», «قولها», «قولهم»: the verbal noun after «نقل … عن فلان».
pub fn saying(word: &str) -> bool {
    matches!(word, "قوله" | "قولها" | "قولهم" | "قولهما" | "تاكيده" | "تصريحه" | "تصريحات")
}

/// Words that end a reported clause after a comma: a reason, a comment or
/// a relative clause of the outlet's own («…، إذ ناقش الزعيمان …»، «…، في
/// إشارة إلى …»، «…، وهو ما …»).
pub fn ends_clause_after_comma(word: &str, next: Option<&str>) -> bool {
    match word {
        "اذ" | "حيث" | "وذلك" | "مما" | "وهو" | "وهي" | "فيما" | "بينما" | "ولكن" | "لكن" | "بيد" => {
            true
        }
        "في" => next.is_some_and(|n| n == "اشاره"),
        _ => false,
    }
}

/// Groups that speak without a name («محللون», «مسؤولون روس»): kept as
/// speaker words, with no entity.
pub fn unnamed_group(word: &str) -> bool {
    let w = word.strip_prefix('و').filter(|r| r.chars().count() >= 4).unwrap_or(word);
    let w = w.strip_prefix("ال").unwrap_or(w);
    matches!(
        w,
        "محللون"
            | "مسوولون"
            | "مصادر"
            | "خبراء"
            | "مراقبون"
            | "دبلوماسيون"
            | "شهود"
            | "سكان"
            | "ناشطون"
            | "محللين"
            | "مسوولين"
            | "مصدر"
            | "خبير"
            | "مسوول"
            | "مراقبين"
    )
}
