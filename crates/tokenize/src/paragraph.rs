//! Paragraph splitting: blank-line and single-newline layouts, CRLF, bullets,
//! headings and hard-wrapped text.
//!
//! A paragraph is a run of lines. Every line is its own paragraph (so the
//! one-paragraph-per-line layout of scraped news and the blank-line layout
//! give the same result, and a heading or caption line never merges with
//! the text after it), except that a line is continued by the next one when
//! the text was evidently wrapped inside a sentence:
//! - the next line starts with a lower-case letter and this line does not
//!   end with sentence-final punctuation (any layout); or
//! - in a blank-line layout whose longest line is 40 to 100 characters (hard
//!   wrapping), the next line's first word would not have fitted on this
//!   line.
//!
//! Bullets (`- `, `• `, `1. `, `a) `) and Markdown headings (`# `) always
//! start a paragraph, and a heading is never continued.

use crate::chars::{bullet_len, char_at, terminal};
use crate::span::{trim_span, Span};

/// Splits `text` into paragraphs (see the module docs for the rules). Spans
/// are trimmed, never empty, in order, and never contain a blank line.
///
/// ```
/// use brief_tokenize::paragraphs;
/// let text = "Title\n\nFirst para.\r\nSecond para.\n- a bullet\n";
/// let paras: Vec<&str> = paragraphs(text).into_iter().map(|s| &text[s]).collect();
/// assert_eq!(paras, ["Title", "First para.", "Second para.", "- a bullet"]);
///
/// // A sentence wrapped onto the next line stays one paragraph.
/// let text = "The Taliban took the city\nafter a week of fighting.\nKabul is next.";
/// let paras: Vec<&str> = paragraphs(text).into_iter().map(|s| &text[s]).collect();
/// assert_eq!(paras, ["The Taliban took the city\nafter a week of fighting.", "Kabul is next."]);
/// ```
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    paragraphs_into(text, Span::new(0, text.len()), &mut out);
    out
}

/// One line: its trimmed span (possibly empty for a blank line).
#[derive(Clone, Copy)]
struct Line {
    span: Span,
}

/// Paragraphs of the region `region` of `text`, appended to `out`.
pub(crate) fn paragraphs_into(text: &str, region: Span, out: &mut Vec<Span>) {
    if let Some(line) = single_line(text, region) {
        // One line is one paragraph (unless blank): the rules below only
        // ever join lines.
        if !line.is_empty() {
            out.push(line);
        }
        return;
    }
    let lines = lines(text, region);
    let blank_layout = has_inner_blank(&lines);
    let wrap_width = if blank_layout { wrap_width(text, &lines) } else { None };
    let mut current: Option<Span> = None;
    let mut prev: Option<Span> = None;
    for line in &lines {
        if line.span.is_empty() {
            if let Some(p) = current.take() {
                out.push(p);
            }
            prev = None;
            continue;
        }
        match (current, prev) {
            (Some(cur), Some(p)) if continues(text, p, line.span, wrap_width) => {
                current = Some(Span::new(cur.start, line.span.end));
            }
            _ => {
                if let Some(cur) = current.take() {
                    out.push(cur);
                }
                current = Some(line.span);
            }
        }
        prev = Some(line.span);
    }
    if let Some(cur) = current {
        out.push(cur);
    }
}

/// The trimmed `region` when it holds no line break (as [`lines`] splits
/// them): the usual case of a paragraph of scraped text, decided without
/// building the list of lines.
#[inline]
pub(crate) fn single_line(text: &str, region: Span) -> Option<Span> {
    let bytes = text.as_bytes().get(region.start..region.end)?;
    let broken = memchr::memchr3_iter(b'\n', b'\r', 0xE2, bytes).any(|k| {
        bytes[k] != 0xE2 || (bytes.get(k + 1) == Some(&0x80) && matches!(bytes.get(k + 2), Some(0xA8 | 0xA9)))
    });
    (!broken).then(|| trim_span(text, region))
}

/// The lines of `region`, split at `\n`, `\r\n`, a lone `\r`, U+2028 and
/// U+2029 (a paragraph separator counts as a blank line), trimmed.
fn lines(text: &str, region: Span) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = region.start;
    let mut i = region.start;
    let end = region.end;
    while i < end {
        let Some(off) = memchr::memchr3(b'\n', b'\r', 0xE2, &bytes[i..end]) else { break };
        let k = i + off;
        match bytes[k] {
            b'\n' => {
                out.push(Line { span: trim_span(text, Span::new(start, k)) });
                i = k + 1;
                start = i;
            }
            b'\r' => {
                out.push(Line { span: trim_span(text, Span::new(start, k)) });
                i = if bytes.get(k + 1) == Some(&b'\n') && k + 1 < end { k + 2 } else { k + 1 };
                start = i;
            }
            _ => {
                // U+2028 LINE SEPARATOR = E2 80 A8, U+2029 PARAGRAPH SEPARATOR = E2 80 A9.
                if k + 2 < end && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9) {
                    out.push(Line { span: trim_span(text, Span::new(start, k)) });
                    if bytes[k + 2] == 0xA9 {
                        out.push(Line { span: Span::new(k, k) });
                    }
                    i = k + 3;
                    start = i;
                } else {
                    i = k + 1;
                }
            }
        }
    }
    out.push(Line { span: trim_span(text, Span::new(start, end)) });
    out
}

/// Is there a blank line between two non-blank lines?
fn has_inner_blank(lines: &[Line]) -> bool {
    let first = lines.iter().position(|l| !l.span.is_empty());
    let last = lines.iter().rposition(|l| !l.span.is_empty());
    match (first, last) {
        (Some(f), Some(l)) => lines[f..l].iter().any(|x| x.span.is_empty()),
        _ => false,
    }
}

/// The wrap width of a hard-wrapped text: its longest line in chars, when
/// that is in the range typical of wrapping (40..=100) and at least one
/// block has several lines.
fn wrap_width(text: &str, lines: &[Line]) -> Option<usize> {
    let multi = lines.windows(2).any(|w| !w[0].span.is_empty() && !w[1].span.is_empty());
    if !multi {
        return None;
    }
    let mut max = 0;
    for l in lines {
        if l.span.len() > 400 {
            return None;
        }
        max = max.max(char_count(&text[l.span]));
    }
    (40..=100).contains(&max).then_some(max)
}

fn char_count(s: &str) -> usize {
    s.bytes().filter(|b| (b & 0xC0) != 0x80).count()
}

fn is_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && line[hashes..].starts_with(' ')
}

/// Does line `next` continue the paragraph whose last line is `prev`?
fn continues(text: &str, prev: Span, next: Span, wrap_width: Option<usize>) -> bool {
    let p = &text[prev];
    let n = &text[next];
    if bullet_len(n).is_some() || is_heading(n) || is_heading(p) {
        return false;
    }
    let last = p.chars().next_back();
    let ends_sentence = last.is_some_and(|c| terminal(c).is_some() || matches!(c, ':' | ';'));
    let first = char_at(n, 0);
    if !ends_sentence && first.is_some_and(char::is_lowercase) {
        return true;
    }
    if let Some(width) = wrap_width {
        let word = n.split(char::is_whitespace).next().unwrap_or("");
        return char_count(p) + 1 + char_count(word) > width;
    }
    false
}
