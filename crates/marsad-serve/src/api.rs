//! The JSON API.
//!
//! | route | what |
//! | --- | --- |
//! | `GET /healthz` | `{"status":"ok"}` |
//! | `GET /api/stories?limit&offset` | stories, most recent first, and the store's counts |
//! | `GET /api/stories/{id}` | a story's full brief |
//! | `GET /api/documents/{id}` | an analyzed document (text, sentences, entities, quotes, dates) |
//! | `GET /api/entities?limit&offset` | entities, most widely named first |
//! | `GET /api/search?q&outlet&from&to&entity&story&limit&offset` | search hits with snippets |
//! | `GET /api/openapi.json` | the OpenAPI 3.1 description of all this |
//! | `POST /api/documents` | analyze and store documents (only with a configured token) |
//!
//! Every error is a JSON object `{"error": "..."}` with a fitting status.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use marsad_analyze::Document;
use marsad_ingest::{Origin, RawArticle};
use marsad_search::{SearchError, SearchQuery};
use marsad_store::{Store, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::AppState;

/// The OpenAPI description, written by hand next to the handlers it describes.
pub(crate) const OPENAPI: &str = include_str!("../assets/openapi.json");

/// Rows per page of stories and entities when none is asked for.
const DEFAULT_PAGE: usize = 50;
/// The most rows per page of stories and entities.
const MAX_PAGE: usize = 500;
/// The most search hits per page.
const MAX_HITS: usize = 100;

pub(crate) fn routes(max_body: usize) -> Router<AppState> {
    Router::new()
        .route("/healthz", get(health))
        .route("/api/openapi.json", get(openapi))
        .route("/api/stories", get(stories))
        .route("/api/stories/{id}", get(story))
        .route("/api/documents", get(documents_index).post(add_documents))
        .route("/api/documents/{id}", get(document))
        .route("/api/entities", get(entities))
        .route("/api/search", get(search))
        .layer(DefaultBodyLimit::max(max_body))
}

/// An error answered to one request.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError { status, message: message.into() }
    }

    fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    fn not_found(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    fn internal(error: impl std::fmt::Display) -> Self {
        // The details go to the log, not to whoever asked: they name paths.
        tracing::error!("{error}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Search(SearchError::EmptyQuery) => ApiError::bad_request(SearchError::EmptyQuery.to_string()),
            StoreError::Search(e @ SearchError::InvalidDate { .. }) => ApiError::bad_request(e.to_string()),
            other => ApiError::internal(other),
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError::bad_request(rejection.body_text())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.message }))).into_response()
    }
}

type ApiResult<T> = Result<T, ApiError>;

/// Runs `f` on the store, on the blocking pool: SQLite and tantivy calls
/// block, and the store is shared behind a mutex.
async fn with_store<T, F>(state: &AppState, f: F) -> ApiResult<T>
where
    T: Send + 'static,
    F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
{
    let store = state.store.clone();
    tokio::task::spawn_blocking(move || {
        // A panic while holding the lock leaves the store as SQLite left it
        // (transactions roll back), so a poisoned lock is still usable.
        let mut guard = store.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut guard)
    })
    .await
    .map_err(ApiError::internal)?
    .map_err(ApiError::from)
}

/// A JSON body that is already serialized (briefs and documents are stored as JSON).
fn raw_json(json: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], json).into_response()
}

pub(crate) async fn not_found() -> ApiError {
    ApiError::not_found("no such page")
}

async fn health() -> Json<serde_json::Value> {
    Json(json!({ "status": "ok" }))
}

async fn openapi() -> Response {
    raw_json(OPENAPI.to_owned())
}

/// `limit` and `offset` of a listing.
#[derive(Debug, Deserialize)]
struct Page {
    limit: Option<usize>,
    offset: Option<usize>,
}

impl Page {
    fn limit(&self) -> usize {
        self.limit.unwrap_or(DEFAULT_PAGE).min(MAX_PAGE)
    }

    fn offset(&self) -> usize {
        self.offset.unwrap_or(0)
    }
}

async fn stories(State(state): State<AppState>, page: Result<Query<Page>, QueryRejection>) -> ApiResult<Response> {
    let Query(page) = page?;
    let (limit, offset) = (page.limit(), page.offset());
    let (counts, rows) = with_store(&state, move |s| Ok((s.counts()?, s.stories(limit, offset)?))).await?;
    Ok(Json(json!({ "counts": counts, "limit": limit, "offset": offset, "stories": rows })).into_response())
}

async fn story(State(state): State<AppState>, Path(id): Path<String>) -> ApiResult<Response> {
    let key = id.clone();
    match with_store(&state, move |s| s.story_json(&key)).await? {
        Some(json) => Ok(raw_json(json)),
        None => Err(ApiError::not_found(format!("no story with id {id:?}"))),
    }
}

async fn document(State(state): State<AppState>, Path(id): Path<String>) -> ApiResult<Response> {
    let key = id.clone();
    match with_store(&state, move |s| s.document_json(&key)).await? {
        Some(json) => Ok(raw_json(json)),
        None => Err(ApiError::not_found(format!("no document with id {id:?}"))),
    }
}

/// Documents are found through stories and search; listing them all is not offered.
async fn documents_index() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "GET /api/documents/{id} reads one document; POST stores documents")
}

async fn entities(State(state): State<AppState>, page: Result<Query<Page>, QueryRejection>) -> ApiResult<Response> {
    let Query(page) = page?;
    let (limit, offset) = (page.limit(), page.offset());
    let rows = with_store(&state, move |s| s.entities(limit, offset)).await?;
    Ok(Json(json!({ "limit": limit, "offset": offset, "entities": rows })).into_response())
}

/// The parameters of `/api/search`. Empty strings count as absent, the way
/// a form sends untouched fields.
#[derive(Debug, Deserialize)]
struct SearchParams {
    q: Option<String>,
    outlet: Option<String>,
    from: Option<String>,
    to: Option<String>,
    entity: Option<String>,
    story: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

impl SearchParams {
    fn query(self) -> SearchQuery {
        let given = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        SearchQuery {
            text: given(self.q).unwrap_or_default(),
            outlet: given(self.outlet),
            from: given(self.from),
            to: given(self.to),
            entity: given(self.entity),
            story: given(self.story),
            limit: self.limit.unwrap_or(marsad_search::query::DEFAULT_LIMIT).min(MAX_HITS),
            offset: self.offset.unwrap_or(0).min(marsad_search::query::MAX_OFFSET),
        }
    }
}

async fn search(
    State(state): State<AppState>,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> ApiResult<Response> {
    let Query(params) = params?;
    let query = params.query();
    let results = with_store(&state, move |s| s.search(&query)).await?;
    Ok(Json(results).into_response())
}

/// A document sent to `POST /api/documents`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NewDocument {
    /// Defaults to a hash of the text, so sending the same text twice names it once.
    id: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    /// ISO 8601 date or time.
    published: Option<String>,
    text: String,
}

/// One document or several.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum NewDocuments {
    One(NewDocument),
    Many(Vec<NewDocument>),
}

/// What `POST /api/documents` did.
#[derive(Debug, Serialize)]
struct Ingested {
    /// Ids of the analyzed documents (a page holding several articles gives several).
    documents: Vec<String>,
    /// Ids of inputs in which no article text was found.
    empty: Vec<String>,
    added: marsad_store::Added,
    stories: marsad_store::StoriesUpdated,
}

/// Whether the request carries the configured token. Without a token
/// configured, writes are off (403); with a missing or wrong one, 401.
fn authorize(state: &AppState, headers: &HeaderMap) -> ApiResult<()> {
    let Some(token) = state.config.token.as_deref() else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "writes are off: start the server with a token to accept documents",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(given) if same_secret(given.as_bytes(), token.as_bytes()) => Ok(()),
        _ => Err(ApiError::new(StatusCode::UNAUTHORIZED, "a valid `Authorization: Bearer <token>` is required")),
    }
}

/// Compares without stopping at the first difference, so response time does
/// not tell how much of a guessed token was right.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn add_documents(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Response> {
    // The token is checked before the body is even read.
    authorize(&state, &headers)?;
    let body = body.map_err(|r| ApiError::new(r.status(), r.body_text()))?;
    let incoming: NewDocuments =
        serde_json::from_slice(&body).map_err(|e| ApiError::bad_request(format!("invalid JSON body: {e}")))?;
    let incoming = match incoming {
        NewDocuments::One(d) => vec![d],
        NewDocuments::Many(ds) => ds,
    };
    if incoming.is_empty() {
        return Err(ApiError::bad_request("no documents given"));
    }
    if let Some(i) = incoming.iter().position(|d| d.text.trim().is_empty()) {
        return Err(ApiError::bad_request(format!("document {i} has no text")));
    }
    let raws: Vec<RawArticle> = incoming.into_iter().map(raw_article).collect();
    let ingested = with_store(&state, move |store| {
        let (documents, empty) = analyze(&raws);
        let ids = documents.iter().map(|d| d.id.clone()).collect();
        let (added, stories) = store.ingest(documents)?;
        Ok(Ingested { documents: ids, empty, added, stories })
    })
    .await?;
    Ok((StatusCode::OK, Json(ingested)).into_response())
}

fn raw_article(d: NewDocument) -> RawArticle {
    let id = d.id.filter(|id| !id.trim().is_empty()).unwrap_or_else(|| {
        let digest = Sha256::digest(d.text.as_bytes());
        let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        format!("api_{hex}")
    });
    // A JSON record, like a JSON Lines input: its metadata is trusted over guesses from lines.
    let mut raw = RawArticle::new(id, "POST /api/documents", Origin::Jsonl, d.text);
    raw.title = d.title;
    raw.outlet = d.outlet;
    raw.published = d.published;
    raw
}

/// Cleans and analyzes like `marsad ingest` does; also names the articles
/// that had no content left to store.
fn analyze(raws: &[RawArticle]) -> (Vec<Document>, Vec<String>) {
    let documents = marsad_analyze::analyze_articles(raws, Vec::new(), &()).documents;
    let empty = raws
        .iter()
        .filter(|r| {
            !documents
                .iter()
                .any(|d| d.id == r.id || d.id.strip_prefix(r.id.as_str()).is_some_and(|t| t.starts_with('#')))
        })
        .map(|r| r.id.clone())
        .collect();
    (documents, empty)
}
