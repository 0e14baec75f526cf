//! Plain text → blocks, the plain-text twin of [`crate::html_to_document`]:
//! a leading ` date YYYY-MM-DD` header is metadata, every non-blank line is a
//! block, bullet lines are list items, and a first line without final
//! punctuation (when there is no date header) is the title.

use brief_tokenize::{paragraphs, Span};

use crate::boilerplate::{Block, BlockKind};

/// The blocks of a plain-text document. Block spans index the text given.
#[derive(Clone, Debug, PartialEq)]
pub struct TextDocument<'t> {
    /// The date of a leading `date YYYY-MM-DD` header, if any.
    pub date: Option<&'t str>,
    /// Blocks in reading order (the header is not a block).
    pub blocks: Vec<Block>,
}

/// Splits plain text into blocks.
///
/// ```
/// use brief_detect::{text_to_document, BlockKind};
/// let text = "Taliban near gates of Kabul\nKABUL: The Taliban advanced.\n- A bullet\n";
/// let doc = text_to_document(text);
/// let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
/// assert_eq!(kinds, [BlockKind::Title, BlockKind::Paragraph, BlockKind::ListItem]);
/// let dated = text_to_document(" date 2021-08-13 The Taliban captured cities.\n\nMore.");
/// assert_eq!(dated.date, Some("2021-08-13"));
/// assert_eq!(dated.blocks[0].kind, BlockKind::Paragraph);
/// ```
pub fn text_to_document(text: &str) -> TextDocument<'_> {
    let (date, body_start) = match parse_date_header(text) {
        Some((date, end)) => (Some(date), end),
        None => (None, 0),
    };
    let mut blocks: Vec<Block> = paragraphs(&text[body_start..])
        .into_iter()
        .map(|s| {
            let span: Span = s.offset(body_start);
            let t = &text[span];
            let kind = if t.starts_with("- ") || t.starts_with("• ") || t.starts_with("* ") {
                BlockKind::ListItem
            } else {
                BlockKind::Paragraph
            };
            Block { span, kind, link_density: 0.0 }
        })
        .collect();
    if date.is_none() {
        let first_line_start = text.len() - text.trim_start().len();
        if let Some(first) = blocks.first_mut() {
            if is_title_line(&text[first.span]) && first.span.start == first_line_start {
                first.kind = BlockKind::Title;
            }
        }
    }
    TextDocument { date, blocks }
}

fn is_title_line(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (2..=30).contains(&words)
        && !t.trim_end().ends_with(['.', '!', '?', ':', ';', ',', '…', '"', '”', '»', '。'])
        && t.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Recognises a leading `date YYYY-MM-DD` (or `Date: YYYY-MM-DD`) header;
/// returns the date and the byte where the body starts.
///
/// ```
/// use brief_detect::parse_date_header;
/// assert_eq!(parse_date_header(" date 2021-08-13 Kabul fell."), Some(("2021-08-13", 16)));
/// assert_eq!(parse_date_header("Kabul fell."), None);
/// ```
pub fn parse_date_header(text: &str) -> Option<(&str, usize)> {
    let lead = text.len() - text.trim_start().len();
    let word = text[lead..].get(..4)?;
    if !word.eq_ignore_ascii_case("date") {
        return None;
    }
    let mut i = lead + 4;
    let colon = text[i..].starts_with(':');
    if colon {
        i += 1;
    }
    let after = &text[i..];
    let ws = after.len() - after.trim_start_matches([' ', '\t']).len();
    if ws == 0 && !colon {
        return None;
    }
    i += ws;
    let date = text.get(i..i + 10)?;
    let ok = date.bytes().enumerate().all(|(k, c)| if k == 4 || k == 7 { c == b'-' } else { c.is_ascii_digit() });
    if !ok {
        return None;
    }
    let end = i + 10;
    if text[end..].chars().next().is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    Some((date, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_header_table() {
        let cases: &[(&str, Option<(&str, usize)>)] = &[
            (" date 2021-08-13 An Afghan", Some(("2021-08-13", 16))),
            ("Date: 2021-08-13\nText", Some(("2021-08-13", 16))),
            ("date 2021-8-13 x", None),
            ("dates 2021-08-13", None),
            ("date 2021-08-130", None),
            ("", None),
            ("da", None),
            ("date", None),
            ("é date 2021-08-13", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date_header(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn header_is_metadata_not_a_block() {
        let text = " date 2021-08-13 The Taliban captured cities.\n\nMore.";
        let doc = text_to_document(text);
        assert_eq!(&text[doc.blocks[0].span], "The Taliban captured cities.");
        assert_eq!(doc.blocks.len(), 2);
    }
}
