//! Pages that carry several articles.
//!
//! Aggregators print a second full article under a «اقرأ أيضاً» heading.
//! What follows such a heading is either a list of links (headline-shaped
//! lines: furniture, handled by the furniture rules) or a whole article: a
//! headline followed by paragraphs of running text. Only the second shape
//! starts a new article here. A one-line link inside an article («اقرأ أيضاً:
//! عنوان») never splits.

use std::ops::Range;

use super::furniture::is_related_heading;
use super::lines::Line;

/// Paragraphs of running text that make a block after a heading an article.
const MIN_ARTICLE_PARAGRAPHS: usize = 2;
/// Words of running text that make a block after a heading an article.
const MIN_ARTICLE_WORDS: usize = 80;

/// The line ranges of the articles in a page, in order. The related heading
/// that introduces an article stays at the end of the previous range, where
/// the furniture rules drop it.
pub fn split(lines: &[Line<'_>]) -> Vec<Range<usize>> {
    let headings: Vec<usize> = (0..lines.len()).filter(|&i| is_related_heading(&lines[i])).collect();
    let mut starts = vec![0];
    for (n, &h) in headings.iter().enumerate() {
        let block_end = headings.get(n + 1).copied().unwrap_or(lines.len());
        let block = &lines[h + 1..block_end];
        let Some(first) = block.first() else { continue };
        // The article before must have running text of its own.
        let before_has_text = lines[*starts.last().unwrap_or(&0)..h].iter().any(Line::is_body);
        let paragraphs = block.iter().filter(|l| l.is_body()).count();
        let words: usize = block.iter().filter(|l| l.is_body()).map(|l| l.words).sum();
        let opens_like_article = first.is_headline_like() || first.is_body();
        if before_has_text
            && opens_like_article
            && !first.bullet
            && paragraphs >= MIN_ARTICLE_PARAGRAPHS
            && words >= MIN_ARTICLE_WORDS
        {
            starts.push(h + 1);
        }
    }
    let mut ranges: Vec<Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    if let Some(&last) = starts.last() {
        ranges.push(last..lines.len());
    }
    ranges
}
