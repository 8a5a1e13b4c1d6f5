//! `marsad serve`: a JSON API over a store and a right-to-left web page that
//! reads it.
//!
//! * [`router`] builds the axum [`Router`] for an [`AppState`] (a store and
//!   a [`Config`]); [`serve`] opens a store, binds an address and serves
//!   until Ctrl-C. [`Server`] splits the two steps, so a caller can print
//!   the bound address (port 0 picks a free one) before serving.
//! * The API (`/api/...`, see `src/api.rs`) returns what the store holds as JSON;
//!   `/api/openapi.json` describes it.
//! * The page (`/`, see [`page`]) is one HTML file, one script and one style
//!   sheet compiled into the binary. The script builds the page from the API
//!   with `textContent` only, and every response carries a strict
//!   Content-Security-Policy: article text is untrusted, and neither path
//!   lets it become markup or script.
//! * Writes (`POST /api/documents`) are refused unless a token is configured.

mod api;
mod error;
pub mod page;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};

use axum::Router;
use marsad_store::Store;
use tokio::net::TcpListener;

pub use error::{Result, ServeError};

/// Request bodies larger than this are refused (413) by default.
pub const DEFAULT_MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

/// How the server behaves.
#[derive(Debug, Clone)]
pub struct Config {
    /// The bearer token that allows writes. `None` (the default) turns the
    /// write endpoint off: a server anyone on the network can read must not
    /// be one anyone can fill.
    pub token: Option<String>,
    /// The largest request body accepted, in bytes.
    pub max_body_bytes: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config { token: None, max_body_bytes: DEFAULT_MAX_BODY_BYTES }
    }
}

/// What every request handler shares: the store and the configuration.
///
/// The store holds a SQLite connection, which is `Send` but not `Sync`, so
/// it sits behind a mutex; handlers run store calls on the blocking pool
/// (`spawn_blocking`), never on the async workers.
#[derive(Clone)]
pub struct AppState {
    store: Arc<Mutex<Store>>,
    config: Arc<Config>,
}

impl AppState {
    /// State serving `store` with `config`.
    pub fn new(store: Store, config: Config) -> Self {
        AppState { store: Arc::new(Mutex::new(store)), config: Arc::new(config) }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }
}

/// The whole application: API, page and security headers.
pub fn router(state: AppState) -> Router {
    let max_body = state.config.max_body_bytes;
    Router::new()
        .merge(page::routes())
        .merge(api::routes(max_body))
        .fallback(api::not_found)
        .layer(axum::middleware::map_response(page::security_headers))
        .with_state(state)
}

/// A store opened and an address bound, ready to [`run`](Server::run).
pub struct Server {
    listener: TcpListener,
    state: AppState,
}

impl Server {
    /// Opens the store in `store_dir` (finishing an interrupted ingest, see
    /// [`Store::open`]) and binds `addr` (`HOST:PORT`).
    pub async fn bind(store_dir: impl AsRef<Path>, addr: &str, config: Config) -> Result<Server> {
        let dir = store_dir.as_ref().to_path_buf();
        // Opening may index documents: blocking work, off the async workers.
        let store = tokio::task::spawn_blocking(move || Store::open(dir)).await??;
        let listener =
            TcpListener::bind(addr).await.map_err(|source| ServeError::Bind { addr: addr.to_owned(), source })?;
        Ok(Server { listener, state: AppState::new(store, config) })
    }

    /// A server for an open store on a bound listener.
    pub fn new(listener: TcpListener, state: AppState) -> Server {
        Server { listener, state }
    }

    /// The address actually bound (the port chosen when 0 was asked for).
    pub fn local_addr(&self) -> Result<SocketAddr> {
        self.listener.local_addr().map_err(ServeError::Serve)
    }

    /// Serves until Ctrl-C (or SIGTERM on Unix), then finishes the requests in flight.
    pub async fn run(self) -> Result<()> {
        self.run_until(shutdown_signal()).await
    }

    /// Serves until `shutdown` completes.
    pub async fn run_until(self, shutdown: impl std::future::Future<Output = ()> + Send + 'static) -> Result<()> {
        axum::serve(self.listener, router(self.state)).with_graceful_shutdown(shutdown).await.map_err(ServeError::Serve)
    }
}

/// [`serve`] for a caller without an async runtime (the CLI): runs one,
/// and calls `bound` with the address once the socket is bound.
pub fn serve_blocking(
    store_dir: impl AsRef<Path>,
    addr: &str,
    config: Config,
    bound: impl FnOnce(SocketAddr),
) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(ServeError::Serve)?;
    runtime.block_on(async {
        let server = Server::bind(store_dir, addr, config).await?;
        bound(server.local_addr()?);
        server.run().await
    })
}

/// Opens the store in `store_dir`, binds `addr` and serves until Ctrl-C.
pub async fn serve(store_dir: impl AsRef<Path>, addr: &str, config: Config) -> Result<()> {
    let server = Server::bind(store_dir, addr, config).await?;
    tracing::info!("serving on http://{}", server.local_addr()?);
    server.run().await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        // If the handler cannot be installed, serve on rather than stop at once.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

#[cfg(test)]
mod tests;
