use super::*;
use marsad_analyze::Analyzer;

fn doc(id: &str, outlet: &str, day: &str, text: &str) -> Document {
    let mut doc = Analyzer::new().analyze_text(id, text).remove(0);
    doc.outlet = Some(outlet.to_owned());
    doc.published = Some(day.to_owned());
    doc
}

const FLOOD: &str = "غمرت السيول أحياء في مدينة جدة بعد أمطار غزيرة هطلت مساء الثلاثاء.\n\
وقال الدفاع المدني إن فرقه أنقذت أكثر من مئة شخص علقوا في سياراتهم.\n\
وأعلنت إدارة التعليم في جدة تعليق الدراسة يوم الأربعاء بسبب الأمطار.";
const FLOOD_AGAIN: &str = "أعلن الدفاع المدني في جدة إنقاذ أكثر من مئة شخص علقوا في سياراتهم بعد السيول.\n\
وغمرت المياه أحياء في جدة إثر أمطار غزيرة، وعلقت إدارة التعليم الدراسة يوم الأربعاء.";
const FLOOD_LATER: &str = "عادت الدراسة في مدارس جدة بعد تعليقها بسبب السيول والأمطار الغزيرة.\n\
وقال الدفاع المدني إن فرقه أنقذت أكثر من مئة شخص خلال السيول التي غمرت أحياء جدة.";
const FOOTBALL: &str = "فاز نادي الهلال على النصر بثلاثة أهداف مقابل هدف في مباراة الدوري مساء الجمعة.\n\
وسجل المهاجم هدفين في الشوط الثاني أمام جماهير غفيرة في ملعب الرياض.";

#[test]
fn the_same_article_twice_is_stored_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open");
    let (added, _) = store.ingest(vec![doc("a", "عكاظ", "2024-03-05", FLOOD)]).expect("ingest");
    assert_eq!(added.new, 1);
    // Same text under another id and with other spacing: the same article.
    let copy = doc("a-copy", "عكاظ", "2024-03-05", &FLOOD.replace(' ', "  "));
    let (again, placed) = store.ingest(vec![doc("a", "عكاظ", "2024-03-05", FLOOD), copy]).expect("ingest again");
    assert_eq!((again.new, again.unchanged), (0, 2));
    assert_eq!(placed.placed, 0);
    assert_eq!(store.counts().expect("counts").documents, 1);
}

#[test]
fn new_articles_join_stored_stories_and_the_brief_grows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open");
    store
        .ingest(vec![doc("a", "عكاظ", "2024-03-05", FLOOD), doc("b", "الوطن", "2024-03-05", FLOOD_AGAIN)])
        .expect("first batch");
    store.ingest(vec![doc("z", "الرياضية", "2024-03-05", FOOTBALL)]).expect("unrelated");
    let first = store.document("a").expect("read").expect("stored");
    let story = first.story.clone().expect("placed in a story");
    assert_eq!(store.document("b").expect("read").expect("stored").story.as_deref(), Some(story.as_str()));
    assert_ne!(store.document("z").expect("read").expect("stored").story.as_deref(), Some(story.as_str()));

    let (_, placed) = store.ingest(vec![doc("c", "المدينة", "2024-03-07", FLOOD_LATER)]).expect("later report");
    assert_eq!((placed.placed, placed.briefed), (1, 1));
    let later = store.document("c").expect("read").expect("stored");
    assert_eq!(later.story.as_deref(), Some(story.as_str()), "the later report joins the stored story");
    let brief: serde_json::Value =
        serde_json::from_str(&store.story_json(&story).expect("read").expect("briefed")).expect("json");
    assert_eq!(brief["members"].as_array().map(Vec::len), Some(3), "{brief}");
    assert!(brief["facts"].as_array().is_some_and(|f| !f.is_empty()));
    let rows = store.stories(10, 0).expect("list");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows.iter().find(|r| r.id == story).map(|r| r.documents), Some(3));
}

#[test]
fn an_interrupted_ingest_is_finished_on_open_and_the_index_catches_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let mut store = Store::open(dir.path()).expect("open");
        // Killed after the documents were committed, before stories and index.
        store
            .add(vec![doc("a", "عكاظ", "2024-03-05", FLOOD), doc("b", "الوطن", "2024-03-05", FLOOD_AGAIN)])
            .expect("add");
        assert_eq!(store.counts().expect("counts").pending, 2);
    }
    let store = Store::open(dir.path()).expect("reopen");
    let counts = store.counts().expect("counts");
    assert_eq!((counts.documents, counts.pending, counts.stories), (2, 0, 1));
    let hits = store.search(&SearchQuery::new("الدفاع المدني")).expect("search");
    assert_eq!(hits.total, 2);

    // A lost index is rebuilt from the database.
    drop(store);
    std::fs::remove_dir_all(dir.path().join("index")).expect("remove index");
    let store = Store::open(dir.path()).expect("reopen without index");
    assert_eq!(store.search(&SearchQuery::new("السيول")).expect("search").total, 2);
}

#[test]
fn an_updated_article_replaces_its_old_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open");
    store.ingest(vec![doc("a", "عكاظ", "2024-03-05", FLOOD)]).expect("ingest");
    let (added, _) = store.ingest(vec![doc("a", "عكاظ", "2024-03-05", FLOOD_AGAIN)]).expect("update");
    assert_eq!(added.replaced, 1);
    assert_eq!(store.counts().expect("counts").documents, 1);
    assert!(store.document("a").expect("read").expect("stored").text.starts_with("أعلن"));
    let hits = store.search(&SearchQuery::new("الدراسة")).expect("search");
    assert_eq!(hits.total, 1, "the index holds the new version only once");
}

#[test]
fn a_store_of_a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    drop(Store::open(dir.path()).expect("open"));
    let db = Connection::open(dir.path().join(DATABASE)).expect("db");
    db.execute("UPDATE meta SET value = '99' WHERE key = 'schema'", []).expect("bump");
    drop(db);
    let err = Store::open(dir.path()).err().expect("refused");
    assert!(err.to_string().contains("newer marsad"), "{err}");
}
