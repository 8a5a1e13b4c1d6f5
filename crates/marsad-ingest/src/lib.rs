//! Reading Arabic news into clean articles.
//!
//! The pipeline of this crate: bytes are decoded ([`decode`]), a reader for the
//! detected format turns them into [`RawArticle`]s ([`format`]), and the
//! cleaner removes page furniture, splits pages that carry several articles
//! and fills title, outlet and publication date ([`clean`]).

pub mod article;
pub mod decode;
pub mod error;
pub mod format;

pub use article::{Origin, RawArticle};
pub use error::{IngestError, Result};
