//! The server's errors.

/// What can go wrong starting or running the server. (Errors of single
/// requests are HTTP responses with a JSON body, not this type.)
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] marsad_store::StoreError),
    /// The address could not be bound (in use, not local, not an address).
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: String, source: std::io::Error },
    /// The listener failed while serving.
    #[error("serving: {0}")]
    Serve(std::io::Error),
    /// A blocking task panicked or was cancelled.
    #[error("background task: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// `Result` with [`ServeError`].
pub type Result<T, E = ServeError> = std::result::Result<T, E>;
