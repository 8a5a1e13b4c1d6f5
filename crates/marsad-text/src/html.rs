//! Escaping text for HTML.
//!
//! Article text is untrusted: wherever marsad writes it into HTML (the
//! standalone brief page, search snippets), nothing from it may become markup.

/// Appends `text` to `out`, escaped for HTML element content and attribute values.
pub fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `text` escaped for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_becomes_text() {
        assert_eq!(
            super::escape("<img src=x onerror='a'> & \"b\""),
            "&lt;img src=x onerror=&#39;a&#39;&gt; &amp; &quot;b&quot;"
        );
        assert_eq!(super::escape("بيونغ يانغ"), "بيونغ يانغ");
    }
}
