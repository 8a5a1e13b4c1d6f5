//! One reader per input format. Each turns decoded input into [`RawArticle`]s.
//!
//! [`RawArticle`]: crate::RawArticle

#[cfg(feature = "feeds")]
pub mod feed;
#[cfg(feature = "html")]
pub mod html;
pub mod warc;
