use super::*;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use marsad_analyze::{Analyzer, Document};
use serde_json::Value;
use tower::ServiceExt;

fn doc(id: &str, outlet: &str, day: &str, text: &str) -> Document {
    let mut doc = Analyzer::new().analyze_text(id, text).remove(0);
    doc.outlet = Some(outlet.to_owned());
    doc.published = Some(day.to_owned());
    doc
}

const PORT: &str = "أعلنت هيئة الموانئ في مدينة العقبة افتتاح رصيف جديد للحاويات صباح الأحد بحضور وزير النقل.\n\
وقال وزير النقل إن الرصيف الجديد سيضاعف قدرة الميناء على استقبال السفن الكبيرة.\n\
وأضاف أن كلفة المشروع بلغت مئتي مليون دينار.";
const PORT_AGAIN: &str = "افتتح وزير النقل رصيفاً جديداً للحاويات في ميناء العقبة يوم الأحد.\n\
وقال الوزير إن الرصيف سيضاعف قدرة الميناء على استقبال السفن الكبيرة، مشيراً إلى أن كلفته بلغت مئتي مليون دينار.";
const HOSTILE: &str = "تحذير <script>window.__pwned = 1</script> من رسائل احتيال تنتحل صفة البنوك في عمان.\n\
وقالت الشرطة إن الرسائل تحمل روابط <img src=x onerror=\"window.__pwned = 2\"> مزيفة تسرق كلمات المرور.";

/// A store of three invented articles: two reports of one event and a hostile one.
fn state(config: Config) -> (tempfile::TempDir, AppState) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open");
    store
        .ingest(vec![
            doc("p1_port", "الغد", "2024-05-12", PORT),
            doc("p2_port", "الرأي", "2024-05-12", PORT_AGAIN),
            doc("x1_hostile", "مجهول", "2024-05-13", HOSTILE),
        ])
        .expect("ingest");
    (dir, AppState::new(store, config))
}

async fn call(app: &Router, request: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let response = app.clone().oneshot(request).await.expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("body");
    (status, headers, body.to_vec())
}

async fn get(app: &Router, uri: &str) -> (StatusCode, Value) {
    let (status, headers, body) = call(app, Request::get(uri).body(Body::empty()).expect("request")).await;
    assert_eq!(headers.get(header::CONTENT_TYPE).map(|v| v.as_bytes()), Some(&b"application/json"[..]), "{uri}");
    (status, serde_json::from_slice(&body).expect("JSON body"))
}

fn post(uri: &str, token: Option<&str>, body: &str) -> Request<Body> {
    let mut request = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
    if let Some(t) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    request.body(Body::from(body.to_owned())).expect("request")
}

#[tokio::test]
async fn stories_list_and_brief() {
    let (_dir, state) = state(Config::default());
    let app = router(state);
    let (status, list) = get(&app, "/api/stories").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["counts"]["documents"], 3, "{list}");
    let stories = list["stories"].as_array().expect("stories");
    let port = stories.iter().find(|s| s["documents"] == 2).expect("the port story has both reports");
    let id = port["id"].as_str().expect("id");

    let (status, brief) = get(&app, &format!("/api/stories/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(brief["id"], id);
    for field in ["members", "quotes", "timeline", "facts", "tensions", "summary", "entities", "outlets"] {
        assert!(brief[field].is_array(), "{field} in {brief}");
    }
    assert!(!brief["summary"].as_array().expect("summary").is_empty());

    let (status, limited) = get(&app, "/api/stories?limit=1&offset=1").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(limited["stories"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn documents_entities_and_unknown_ids() {
    let (_dir, state) = state(Config::default());
    let app = router(state);
    let (status, d) = get(&app, "/api/documents/p1_port").await;
    assert_eq!(status, StatusCode::OK);
    assert!(d["text"].as_str().is_some_and(|t| t.contains("العقبة")));
    let sentences = d["sentences"].as_array().expect("sentences");
    assert_eq!(sentences.len(), 3);
    assert!(sentences[1]["start"].as_u64().is_some());

    let (status, e) = get(&app, "/api/entities?limit=5").await;
    assert_eq!(status, StatusCode::OK);
    assert!(e["entities"].as_array().is_some_and(|e| !e.is_empty()), "{e}");

    for uri in ["/api/documents/nope", "/api/stories/nope", "/api/nothing-here"] {
        let (status, body) = get(&app, uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(body["error"].is_string(), "{uri}: {body}");
    }
    let (status, body) = get(&app, "/api/stories?limit=lots").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"].is_string());
}

#[tokio::test]
async fn search_returns_hits_and_refuses_empty_queries() {
    let (_dir, state) = state(Config::default());
    let app = router(state);
    let (status, r) = get(&app, "/api/search?q=%D8%A7%D9%84%D8%B1%D8%B5%D9%8A%D9%81").await; // الرصيف
    assert_eq!(status, StatusCode::OK, "{r}");
    assert_eq!(r["total"], 2, "{r}");
    let hit = &r["hits"][0];
    assert!(hit["snippet"]["text"].is_string());
    assert!(hit["snippet"]["highlights"].as_array().is_some_and(|h| !h.is_empty()), "{hit}");

    for uri in ["/api/search", "/api/search?q=", "/api/search?q=%20%20", "/api/search?q=x&from=yesterday"] {
        let (status, body) = get(&app, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        assert!(body["error"].is_string(), "{uri}");
    }
}

#[tokio::test]
async fn writes_are_off_without_a_token() {
    let (_dir, state) = state(Config::default());
    let app = router(state);
    let body = r#"{"text": "نص جديد"}"#;
    let (status, _, bytes) = call(&app, post("/api/documents", Some("anything"), body)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let error: Value = serde_json::from_slice(&bytes).expect("json");
    assert!(error["error"].as_str().is_some_and(|e| e.contains("writes are off")), "{error}");
}

#[tokio::test]
async fn writes_need_the_right_token_and_are_searchable() {
    let (_dir, state) = state(Config { token: Some("s3cret".into()), ..Config::default() });
    let app = router(state);
    let article = r#"{"id": "n1_rain", "outlet": "الدستور", "published": "2024-05-14",
        "title": "أمطار غزيرة في إربد",
        "text": "هطلت أمطار غزيرة على مدينة إربد مساء الثلاثاء وأغلقت السيول عدداً من الطرق.\nوقال الدفاع المدني إنه تعامل مع عشرات البلاغات دون إصابات."}"#;
    for token in [None, Some("wrong")] {
        let (status, _, _) = call(&app, post("/api/documents", token, article)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{token:?}");
    }
    let (status, _, bytes) = call(&app, post("/api/documents", Some("s3cret"), article)).await;
    let done: Value = serde_json::from_slice(&bytes).expect("json");
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done["added"]["new"], 1, "{done}");
    assert_eq!(done["documents"][0], "n1_rain");

    let (status, d) = get(&app, "/api/documents/n1_rain").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(d["outlet"], "الدستور");
    assert!(d["story"].is_string(), "placed in a story: {d}");
    let (_, r) = get(&app, "/api/search?q=%D8%A5%D8%B1%D8%A8%D8%AF").await; // إربد
    assert_eq!(r["total"], 1, "{r}");

    // An array; the same text again is stored once.
    let (status, _, bytes) = call(&app, post("/api/documents", Some("s3cret"), &format!("[{article}]"))).await;
    let again: Value = serde_json::from_slice(&bytes).expect("json");
    assert_eq!((status, &again["added"]["unchanged"]), (StatusCode::OK, &Value::from(1)), "{again}");

    let (status, _, _) = call(&app, post("/api/documents", Some("s3cret"), "{\"title\": 1}")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let (_dir, state) = state(Config { token: Some("t".into()), max_body_bytes: 1024 });
    let app = router(state);
    let big = format!("{{\"text\": \"{}\"}}", "ا".repeat(4096));
    let (status, _, _) = call(&app, post("/api/documents", Some("t"), &big)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_its_content_type() {
    let (_dir, state) = state(Config::default());
    let app = router(state);
    for (uri, content_type) in [
        ("/", "text/html; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/api/stories", "application/json"),
        ("/api/documents/missing", "application/json"),
        ("/healthz", "application/json"),
    ] {
        let (_, headers, _) = call(&app, Request::get(uri).body(Body::empty()).expect("request")).await;
        assert_eq!(headers.get(header::CONTENT_SECURITY_POLICY).map(|v| v.as_bytes()), Some(page::CSP.as_bytes()));
        assert_eq!(headers.get(header::X_CONTENT_TYPE_OPTIONS).map(|v| v.as_bytes()), Some(&b"nosniff"[..]));
        assert_eq!(headers.get(header::CONTENT_TYPE).map(|v| v.as_bytes()), Some(content_type.as_bytes()), "{uri}");
    }
    assert!(page::CSP.contains("script-src 'self'") && !page::CSP.contains("unsafe"));
}

#[tokio::test]
async fn hostile_article_text_is_data() {
    let (_dir, state) = state(Config::default());
    let app = router(state);
    let (_, d) = get(&app, "/api/documents/x1_hostile").await;
    // The markup survives as text in the JSON; the page shows it as text.
    assert!(d["text"].as_str().is_some_and(|t| t.contains("<script>window.__pwned = 1</script>")), "{d}");

    // The page itself has no inline script and builds nothing from HTML strings.
    let (_, _, html) = call(&app, Request::get("/").body(Body::empty()).expect("request")).await;
    let html = String::from_utf8(html).expect("utf-8");
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert_eq!(html.matches("<script").count(), 1);
    assert!(html.contains("<script src=\"/app.js\" defer></script>"));
    for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
        assert!(!page::APP_JS.contains(sink), "app.js uses {sink}");
    }
}

#[tokio::test]
async fn the_openapi_description_parses_and_lists_every_route() {
    let (_dir, state) = state(Config::default());
    let app = router(state);
    let (status, spec) = get(&app, "/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(spec["openapi"].as_str().is_some_and(|v| v.starts_with("3.1")));
    for path in [
        "/healthz",
        "/api/stories",
        "/api/stories/{id}",
        "/api/documents",
        "/api/documents/{id}",
        "/api/entities",
        "/api/search",
        "/api/openapi.json",
    ] {
        assert!(spec["paths"][path].is_object(), "{path} missing");
    }
    // Every reference points at a schema that exists.
    let text = api::OPENAPI;
    for piece in text.split("\"$ref\": \"#/components/schemas/").skip(1) {
        let name = piece.split('"').next().unwrap_or_default();
        assert!(spec["components"]["schemas"][name].is_object(), "dangling $ref {name}");
    }
}

#[tokio::test]
async fn a_real_server_answers_on_loopback() {
    let (_dir, state) = state(Config::default());
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let server = Server::new(listener, state);
    let addr = server.local_addr().expect("addr");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(server.run_until(async {
        let _ = stopped.await;
    }));
    // A raw HTTP/1.1 request: no HTTP client needed for one GET.
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut socket = tokio::net::TcpStream::connect(addr).await.expect("connect");
    socket.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await.expect("write");
    let mut answer = String::new();
    socket.read_to_string(&mut answer).await.expect("read");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("{\"status\":\"ok\"}"));
    let _ = stop.send(());
    running.await.expect("join").expect("served");
}

#[tokio::test]
async fn ids_with_slashes_and_hashes_are_read_back_percent_encoded() {
    let (_dir, state) = state(Config { token: Some("t".into()), ..Config::default() });
    let app = router(state);
    // Watched pages are stored under their URL; the page encodes ids with encodeURIComponent.
    let article = r#"{"id": "https://example.com/news/1?a=b", "published": "2024-05-15",
        "text": "افتتحت بلدية الزرقاء حديقة عامة جديدة في وسط المدينة صباح الأربعاء.\nوقال رئيس البلدية إن الحديقة تتسع لألفي زائر."}"#;
    let (status, _, bytes) = call(&app, post("/api/documents", Some("t"), article)).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&bytes));
    let (status, d) = get(&app, "/api/documents/https%3A%2F%2Fexample.com%2Fnews%2F1%3Fa%3Db").await;
    assert_eq!(status, StatusCode::OK, "{d}");
    assert_eq!(d["id"], "https://example.com/news/1?a=b");
}
