//! Byte spans: the one way every brief stage points into text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a text.
///
/// Spans are `Copy` and index `str` directly; they always refer to the text the
/// stage was given (never to a normalised copy).
///
/// ```
/// use brief_tokenize::Span;
/// let text = "Kabul: The Taliban";
/// let span = Span::new(7, 10);
/// assert_eq!(&text[span], "The");
/// assert_eq!(span.len(), 3);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Creates a span; `start` must not exceed `end`.
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    #[inline]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The span moved right by `offset` bytes (to map a span in a slice back
    /// into the text the slice was cut from).
    #[inline]
    pub const fn offset(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    /// True when `other` lies entirely inside `self`.
    #[inline]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text under the span, or `None` if the span is out of range or not on
    /// char boundaries.
    #[inline]
    pub fn get<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }
}

impl std::ops::Index<Span> for str {
    type Output = str;
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl From<std::ops::Range<usize>> for Span {
    #[inline]
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// Trims ASCII and Unicode white space from both ends of `span` in `text`.
/// A span that does not fit `text` (out of range, or not on char
/// boundaries) gives the empty span `0..0`.
///
/// ```
/// use brief_tokenize::{trim_span, Span};
/// let text = "  hello \n";
/// assert_eq!(trim_span(text, Span::new(0, text.len())), Span::new(2, 7));
/// assert_eq!(trim_span(text, Span::new(5, 50)), Span::new(0, 0));
/// ```
#[inline]
pub fn trim_span(text: &str, span: Span) -> Span {
    let Some(s) = span.get(text) else { return Span::new(0, 0) };
    // Nothing to trim when both ends are ASCII but not white space (the
    // ASCII white space of `char::is_whitespace`: space, \t to \r).
    let solid = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii() && !matches!(b, b' ' | b'\t'..=b'\r'));
    if solid(s.as_bytes().first()) && solid(s.as_bytes().last()) {
        return span;
    }
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end().len();
    if end <= start {
        Span::new(start, start)
    } else {
        Span::new(start, end)
    }
}

impl std::ops::Index<Span> for String {
    type Output = str;
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}
