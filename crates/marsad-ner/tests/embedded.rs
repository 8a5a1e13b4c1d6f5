//! The shipped model on sentences written for these tests (generic news).

use marsad_ner::{tag_conll, tag_text_spans, EntityType, Tag, Tagger};

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

fn tags_of(sentence: &str) -> Vec<(String, Tag)> {
    let w = words(sentence);
    let tags = Tagger::embedded().tag(&w);
    assert_eq!(tags.len(), w.len());
    w.into_iter().map(String::from).zip(tags).collect()
}

fn tag_at(tagged: &[(String, Tag)], word: &str) -> Tag {
    tagged.iter().find(|(w, _)| w == word).map(|(_, t)| *t).unwrap_or_else(|| panic!("{word} not in sentence"))
}

#[test]
fn embedded_model_loads() {
    let t = Tagger::try_embedded().expect("embedded model must load");
    let (features, entries) = t.size();
    assert!(features > 10_000, "{features} features");
    assert!(entries > 1_000, "{entries} gazetteer entries");
}

#[test]
fn president_and_capital() {
    let s = tags_of("استقبل الرئيس الفرنسي إيمانويل ماكرون في باريس يوم الاثنين وزير الخارجية الأمريكي أنتوني بلينكن .");
    assert_eq!(tag_at(&s, "باريس"), Tag::B(EntityType::Loc), "{s:?}");
    assert_eq!(tag_at(&s, "إيمانويل"), Tag::B(EntityType::Pers), "{s:?}");
    assert_eq!(tag_at(&s, "ماكرون"), Tag::I(EntityType::Pers), "{s:?}");
    assert_eq!(tag_at(&s, "بلينكن"), Tag::I(EntityType::Pers), "{s:?}");
    assert_eq!(tag_at(&s, "استقبل"), Tag::O);
    assert_eq!(tag_at(&s, "الرئيس"), Tag::O);
    assert_eq!(tag_at(&s, "."), Tag::O);
}

#[test]
fn organization_and_cities() {
    let s = tags_of("وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن المنظمة ستعقد اجتماعا طارئا في نيويورك .");
    assert_eq!(tag_at(&s, "للأمم"), Tag::B(EntityType::Org), "{s:?}");
    assert_eq!(tag_at(&s, "المتحدة"), Tag::I(EntityType::Org), "{s:?}");
    assert_eq!(tag_at(&s, "غوتيريش"), Tag::I(EntityType::Pers), "{s:?}");
    assert_eq!(tag_at(&s, "نيويورك"), Tag::B(EntityType::Loc), "{s:?}");
    let s = tags_of("وأكد المتحدث باسم الحكومة أن رئيس الوزراء سيزور طهران ودمشق خلال الشهر الجاري .");
    assert_eq!(tag_at(&s, "طهران"), Tag::B(EntityType::Loc), "{s:?}");
    assert_eq!(tag_at(&s, "ودمشق"), Tag::B(EntityType::Loc), "{s:?}");
    assert!(s.iter().filter(|(w, _)| w != "طهران" && w != "ودمشق").all(|(_, t)| *t == Tag::O), "{s:?}");
}

#[test]
fn spans_in_running_text() {
    let text = "وصل الرئيس المصري عبد الفتاح السيسي إلى القاهرة، قادما من باريس.\nوقال متحدث باسم الأمم المتحدة إن الاجتماع سيعقد في جنيف";
    let spans = tag_text_spans(text);
    let found: Vec<(&str, EntityType)> = spans.iter().map(|(r, t)| (&text[r.clone()], *t)).collect();
    for want in [
        ("عبد الفتاح السيسي", EntityType::Pers),
        ("القاهرة", EntityType::Loc),
        ("باريس", EntityType::Loc),
        ("جنيف", EntityType::Loc),
    ] {
        assert!(found.contains(&want), "{want:?} not in {found:?}");
    }
    // In order, not overlapping, on character boundaries.
    for w in spans.windows(2) {
        assert!(w[0].0.end <= w[1].0.start, "{spans:?}");
    }
    assert!(tag_text_spans("").is_empty());
    assert!(tag_text_spans("   \n\n ").is_empty());
}

#[test]
fn conll_with_embedded_model_keeps_tokens_and_blank_lines() {
    let input = "\nزار O\nالرئيس O\nبغداد B-LOC\n.\n\nثم\nعاد\tO\nإلى\nعمان\n\n\n";
    let mut out = Vec::new();
    tag_conll(input.as_bytes(), &mut out).expect("tag_conll");
    let out = String::from_utf8(out).expect("utf-8");
    let in_lines: Vec<&str> = input.lines().collect();
    let out_lines: Vec<&str> = out.lines().collect();
    assert_eq!(in_lines.len(), out_lines.len(), "{out}");
    for (i, o) in in_lines.iter().zip(&out_lines) {
        match i.split_whitespace().next() {
            None => assert!(o.is_empty()),
            Some(tok) => {
                let mut f = o.split(' ');
                assert_eq!(f.next(), Some(tok));
                assert!(f.next().expect("tag").parse::<Tag>().is_ok(), "{o}");
                assert_eq!(f.next(), None);
            }
        }
    }
    assert!(out.contains("بغداد B-LOC"), "{out}");
}

#[test]
fn damaged_model_is_an_error_not_a_panic() {
    let bytes = Tagger::embedded().to_bytes().expect("serialize");
    assert!(Tagger::load(&bytes[..bytes.len() - 100]).is_err());
    assert!(Tagger::load(&bytes[10..]).is_err());
    assert!(Tagger::load(b"").is_err());
    let again = Tagger::load(&bytes).expect("reload");
    let w = words("التقى الملك عبد الله الثاني في عمان رئيس الوزراء .");
    assert_eq!(again.tag(&w), Tagger::embedded().tag(&w));
}
