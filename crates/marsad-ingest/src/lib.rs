//! Reading Arabic news into clean articles.
//!
//! The pipeline of this crate: [`source`] finds the inputs a user named and
//! reads each whole; [`decode`] turns bytes into text whatever the encoding; a
//! reader per format ([`format`]) turns the text into [`RawArticle`]s; and
//! [`clean`] removes page furniture, splits pages that carry several articles
//! and fills title, outlet and publication date.

pub mod article;
pub mod clean;
pub mod decode;
pub mod error;
pub mod format;
pub mod source;

pub use article::{Origin, RawArticle};
pub use clean::{Article, Cleaner, LineVerdict, Published, PublishedBasis, RepeatedLines, Verdict};
pub use error::{IngestError, Result};
pub use source::{expand, read, Input, ReadOutcome};
