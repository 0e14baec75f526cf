//! Paragraph splitting: blank-line and single-newline layouts alike.

use crate::span::{trim_span, Span};

/// Splits `text` into paragraphs: every non-blank line is its own paragraph,
/// so blank-line layouts and one-paragraph-per-line layouts give the same
/// result. Spans are trimmed and never empty.
///
/// ```
/// use brief_tokenize::paragraphs;
/// let text = "Title\n\nFirst para.\r\nSecond para.\n";
/// let paras: Vec<&str> = paragraphs(text).into_iter().map(|s| &text[s]).collect();
/// assert_eq!(paras, ["Title", "First para.", "Second para."]);
/// ```
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
        push_line(text, Span::new(start, nl), &mut out);
        start = nl + 1;
    }
    push_line(text, Span::new(start, text.len()), &mut out);
    out
}

fn push_line(text: &str, line: Span, out: &mut Vec<Span>) {
    let span = trim_span(text, line);
    if !span.is_empty() {
        out.push(span);
    }
}
