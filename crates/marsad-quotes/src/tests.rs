//! Attribution patterns of Arabic news, one test each.

use super::*;

/// Names for the test texts: every listed surface, wherever it occurs.
fn names(text: &str, people: &[&str], others: &[&str]) -> Vec<NamedSpan> {
    let mut out = Vec::new();
    for (entity, (surface, person)) in
        people.iter().map(|p| (*p, true)).chain(others.iter().map(|o| (*o, false))).enumerate()
    {
        for (at, _) in text.match_indices(surface) {
            out.push(NamedSpan { span: at..at + surface.len(), entity, person });
        }
    }
    out.sort_by_key(|n| n.span.start);
    out
}

fn quotes(text: &str, people: &[&str], others: &[&str]) -> Vec<(Kind, String, String, Option<usize>)> {
    let sentences = marsad_text::split_sentences(text);
    find_quotes(text, &sentences, &names(text, people, others))
        .into_iter()
        .map(|q| (q.kind, text[q.text].to_owned(), q.speaker.text, q.speaker.entity))
        .collect()
}

#[test]
fn verb_first_indirect_speech_with_a_title() {
    let q = quotes("قال وزير الخارجية عادل الجبير إن المملكة تدعم الحل السياسي في اليمن.", &["عادل الجبير"], &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, Kind::Indirect);
    assert_eq!(q[0].1, "المملكة تدعم الحل السياسي في اليمن");
    assert_eq!(q[0].2, "وزير الخارجية عادل الجبير");
    assert_eq!(q[0].3, Some(0));
}

#[test]
fn adverbials_between_verb_and_complementizer_are_not_the_speaker() {
    let text = "وأكد المتحدث الأمني منصور التركي، يوم الاثنين، في مؤتمر صحفي بالرياض أن الأجهزة أحبطت مخططا إرهابيا.";
    let q = quotes(text, &["منصور التركي"], &["الرياض"]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "المتحدث الأمني منصور التركي");
    assert_eq!(q[0].1, "الأجهزة أحبطت مخططا إرهابيا");
}

#[test]
fn a_direct_quote_after_a_colon_in_any_marks() {
    for (open, close) in [("\"", "\""), ("«", "»"), ("“", "”"), ("”", "“")] {
        let text = format!("وقال أمير المنطقة خالد الفيصل: {open}نحن فخورون بما تحقق هذا العام{close}.");
        let q = quotes(&text, &["خالد الفيصل"], &[]);
        assert_eq!(q.len(), 1, "{open}: {q:?}");
        assert_eq!(q[0].0, Kind::Direct);
        assert_eq!(q[0].1, "نحن فخورون بما تحقق هذا العام");
        assert_eq!(q[0].3, Some(0));
    }
}

#[test]
fn implicit_subjects_take_the_last_speaker_that_agrees() {
    let text = "وقالت الوزيرة سارة أحمد إن الخطة جاهزة. وقال المدير علي حسن إن التمويل متوفر. وأضافت أن التنفيذ يبدأ الشهر المقبل.";
    let q = quotes(text, &["سارة أحمد", "علي حسن"], &[]);
    assert_eq!(q.len(), 3, "{q:?}");
    assert_eq!(q[2].1, "التنفيذ يبدأ الشهر المقبل");
    assert_eq!(q[2].3, Some(0), "feminine verb → the woman: {q:?}");
}

#[test]
fn a_clause_ends_where_the_next_attribution_starts() {
    let text = "قال الرئيس ماكرون إن فرنسا ستساعد وقال المستشار شولتس إن ألمانيا ستشارك أيضا.";
    let q = quotes(text, &["ماكرون", "شولتس"], &["فرنسا", "ألمانيا"]);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "فرنسا ستساعد");
    assert_eq!(q[0].3, Some(0));
    assert_eq!(q[1].1, "ألمانيا ستشارك أيضا");
    assert_eq!(q[1].3, Some(1));
}

#[test]
fn participles_continue_the_subject() {
    let text = "وأوضح الوزير خالد العمر أن المشروع اكتمل، مشيرا إلى أن الافتتاح سيكون قريبا.";
    let q = quotes(text, &["خالد العمر"], &[]);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "المشروع اكتمل");
    assert_eq!(q[1].1, "الافتتاح سيكون قريبا");
    assert_eq!(q[1].3, Some(0));
}

#[test]
fn a_subject_before_its_verb() {
    let text = "لكن المتحدث باسم الوزارة أحمد سالم، صرح في بيان أمس بأنه لا توجد إصابات.";
    let q = quotes(text, &["أحمد سالم"], &["الوزارة"]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].3, Some(0));
    assert!(q[0].1.contains("لا توجد إصابات"), "{q:?}");
}

#[test]
fn a_description_resolves_to_the_person_it_introduced() {
    let text = "التقى الرئيس الفرنسي إيمانويل ماكرون بنظيره أمس. وقال الرئيس الفرنسي إن اللقاء كان مثمرا.";
    let q = quotes(text, &["إيمانويل ماكرون"], &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "الرئيس الفرنسي");
    assert_eq!(q[0].3, Some(0));
}

#[test]
fn relayed_speech_names_the_speaker_and_the_channel() {
    let text = "ونقلت وكالة الأنباء الرسمية عن الوزير فهد السالم قوله إن الأسعار ستنخفض.";
    let sentences = marsad_text::split_sentences(text);
    let q = find_quotes(text, &sentences, &names(text, &["فهد السالم"], &["وكالة الأنباء الرسمية"]));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker.entity, Some(0));
    assert_eq!(&text[q[0].via.clone().expect("via")], "وكالة الأنباء الرسمية");
    assert_eq!(&text[q[0].text.clone()], "الأسعار ستنخفض");
}

#[test]
fn attribution_after_the_quote() {
    let text = "«سنواصل دعم الأسر المحتاجة في كل المناطق»، قال مدير الجمعية سعد الغامدي.";
    let q = quotes(text, &["سعد الغامدي"], &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, Kind::Direct);
    assert_eq!(q[0].3, Some(0));
}

#[test]
fn unnamed_groups_keep_their_words() {
    let text = "وقال محللون إن الأسواق ستتعافى قريبا.";
    let q = quotes(text, &[], &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "محللون");
    assert_eq!(q[0].3, None);
}

#[test]
fn a_channel_after_the_speaker_is_via() {
    let text = "وقال الرئيس بوتين للصحفيين عبر مترجم إن المحادثات كانت بناءة.";
    let sentences = marsad_text::split_sentences(text);
    let q = find_quotes(text, &sentences, &names(text, &["بوتين"], &[]));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker.text, "الرئيس بوتين");
}

#[test]
fn source_lines_credit_the_source() {
    let text = "وسقط ثلاثة قتلى في انفجار قرب السوق المركزي، بحسب وكالة رويترز.";
    let sentences = marsad_text::split_sentences(text);
    let q = find_quotes(text, &sentences, &names(text, &[], &["وكالة رويترز"]));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].attribution, Attribution::Source);
    assert_eq!(q[0].speaker.entity, Some(0));
}

#[test]
fn cues_that_open_nothing_are_not_statements() {
    for text in [
        "تابع الجمهور المباراة حتى النهاية.",
        "قال الشاهد.",
        "وأكد الحضور على أهمية الحدث في بيان طويل جدا عن أمور كثيرة",
    ] {
        assert!(quotes(text, &[], &[]).is_empty(), "{text}");
    }
}

#[test]
fn scare_quotes_inside_reported_speech_stay_in_it() {
    let text = "وقال الوزير علي حسن إن بلاده تخوض \"معركة مصيرية\" ضد الفساد.";
    let q = quotes(text, &["علي حسن"], &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, Kind::Indirect);
    assert_eq!(q[0].1, "بلاده تخوض \"معركة مصيرية\" ضد الفساد");
}

#[test]
fn a_relay_with_its_channel_before_the_verb() {
    let text = "تعافى الدولار بعد تقارير نقلت عن رئيس الوزراء قوله إن الاقتصاد ينمو بوتيرة جيدة.";
    let sentences = marsad_text::split_sentences(text);
    let q = find_quotes(text, &sentences, &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(&text[q[0].text.clone()], "الاقتصاد ينمو بوتيرة جيدة");
    assert_eq!(q[0].speaker.text, "رئيس الوزراء");
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Pieces that exercise every rule: cues, complementizers, prepositions,
    /// marks of every kind, commas, sentence ends, line breaks and names.
    const PIECES: &[&str] = &[
        "قال",
        "وقال",
        "وأضاف",
        "نقلت",
        "عن",
        "قوله",
        "إن",
        "أن",
        "بأنه",
        "آن",
        "من",
        "إلى",
        "مضيفا",
        "بحسب",
        "حسبما",
        "كما",
        "ذكرت",
        "ما",
        "لبوتين",
        "بوتين",
        "الرئيس",
        "الروسي",
        "وكالة",
        "محللون",
        "عبر",
        "مترجم",
        "\"",
        "«",
        "»",
        "“",
        "”",
        "'",
        "،",
        ",",
        ":",
        "؛",
        ".",
        "\n",
        "\n\n",
        "يوم",
        "الأربعاء",
        "x",
        "١٢",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn on_any_arrangement_of_attribution_pieces(picks in prop::collection::vec(0..PIECES.len(), 0..60), name_at in prop::collection::vec(0usize..60, 0..4)) {
            let text: String = picks.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
            // Names over some tokens, sometimes starting inside a word.
            let toks: Vec<_> = marsad_text::tokenize(&text).collect();
            let mut names: Vec<NamedSpan> = name_at
                .iter()
                .filter_map(|&k| toks.get(k))
                .enumerate()
                .map(|(entity, t)| {
                    let start = t.text.char_indices().nth(1).map_or(t.start, |(b, _)| t.start + b);
                    NamedSpan { span: start..t.end, entity, person: entity % 2 == 0 }
                })
                .collect();
            names.sort_by_key(|n| n.span.start);
            let sentences = marsad_text::split_sentences(&text);
            for q in find_quotes(&text, &sentences, &names) {
                prop_assert!(text.get(q.text.clone()).is_some());
                prop_assert!(q.cue.iter().chain(q.via.iter()).chain(q.speaker.span.iter()).all(|r| text.get(r.clone()).is_some()));
            }
        }
    }
}
