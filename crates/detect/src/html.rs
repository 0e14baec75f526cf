//! HTML → text blocks (html5ever via scraper), with title and date metadata.

use brief_tokenize::Span;
use scraper::{ElementRef, Html, Node};

use crate::boilerplate::{Block, BlockKind};

/// The text blocks of an HTML page. Block spans index [`HtmlDocument::text`],
/// where blocks are separated by blank lines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HtmlDocument {
    /// The extracted text: blocks joined by `"\n\n"`.
    pub text: String,
    /// Blocks in reading order.
    pub blocks: Vec<Block>,
    /// `<title>` or the first `<h1>`.
    pub title: Option<String>,
    /// Publication date from meta tags or `<time datetime>`, when present.
    pub date: Option<String>,
    /// The page's declared language (`<html lang>`).
    pub lang: Option<String>,
}

/// Parses HTML (never fails: html5ever recovers from any input).
///
/// ```
/// use brief_detect::{html_to_document, BlockKind};
/// let doc = html_to_document("<html><head><title>T</title></head><body><h1>Kabul</h1><p>The Taliban advanced.</p><nav><a href='/'>Home</a></nav></body></html>");
/// assert_eq!(doc.title.as_deref(), Some("T"));
/// assert_eq!(&doc.text[doc.blocks[1].span], "The Taliban advanced.");
/// assert_eq!(doc.blocks[2].kind, BlockKind::Aside);
/// ```
pub fn html_to_document(html: &str) -> HtmlDocument {
    let dom = Html::parse_document(html);
    let mut out = HtmlDocument::default();
    let root = dom.root_element();
    out.lang = root.value().attr("lang").map(str::to_string);
    walk(root, BlockKind::Paragraph, &mut out);
    for node in dom.root_element().descendants() {
        let Some(el) = ElementRef::wrap(node) else { continue };
        let v = el.value();
        if v.name() == "title" && out.title.is_none() {
            let t: String = el.text().collect::<String>().trim().to_string();
            if !t.is_empty() {
                out.title = Some(t);
            }
        }
        if out.date.is_none() {
            if v.name() == "meta" {
                let key = v.attr("property").or(v.attr("name")).unwrap_or("");
                if key.contains("published_time") || key == "date" || key.contains("pubdate") {
                    out.date = v.attr("content").map(|s| s.chars().take(10).collect());
                }
            } else if v.name() == "time" {
                out.date = v.attr("datetime").map(|s| s.chars().take(10).collect());
            }
        }
    }
    out
}

const BLOCK_TAGS: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote", "pre", "td", "th", "dd", "dt", "caption",
];

fn walk(el: ElementRef<'_>, inherited: BlockKind, out: &mut HtmlDocument) {
    let name = el.value().name();
    if matches!(name, "script" | "style" | "noscript" | "template" | "head" | "svg" | "iframe" | "form") {
        return;
    }
    let kind = match name {
        "nav" | "aside" | "footer" | "header" => BlockKind::Aside,
        "figure" | "figcaption" if inherited != BlockKind::Aside => BlockKind::Caption,
        _ => inherited,
    };
    if BLOCK_TAGS.contains(&name) || only_inline_children(el) {
        let mut text = String::new();
        let mut link_chars = 0usize;
        collect_text(el, false, &mut text, &mut link_chars);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            let total = text.chars().count().max(1);
            let block_kind = match (name, kind) {
                (_, BlockKind::Aside) | (_, BlockKind::Caption) => kind,
                ("h1", _) if out.blocks.iter().all(|b| b.kind != BlockKind::Title) => BlockKind::Title,
                ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", _) => BlockKind::Heading,
                ("li", _) => BlockKind::ListItem,
                _ => BlockKind::Paragraph,
            };
            if !out.text.is_empty() {
                out.text.push_str("\n\n");
            }
            let start = out.text.len();
            out.text.push_str(&text);
            out.blocks.push(Block {
                span: Span::new(start, out.text.len()),
                kind: block_kind,
                link_density: (link_chars as f32 / total as f32).min(1.0),
            });
        }
        return;
    }
    for child in el.children() {
        if let Some(c) = ElementRef::wrap(child) {
            walk(c, kind, out);
        }
    }
}

fn collect_text(el: ElementRef<'_>, in_link: bool, text: &mut String, link_chars: &mut usize) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                text.push_str(t);
                if in_link {
                    *link_chars += t.trim().chars().count();
                }
            }
            Node::Element(e) => {
                if matches!(e.name(), "script" | "style" | "noscript") {
                    continue;
                }
                if matches!(e.name(), "br") {
                    text.push(' ');
                }
                if let Some(c) = ElementRef::wrap(child) {
                    collect_text(c, in_link || e.name() == "a", text, link_chars);
                }
                text.push(' ');
            }
            _ => {}
        }
    }
}

const INLINE_TAGS: &[&str] = &[
    "a", "span", "b", "i", "em", "strong", "small", "time", "abbr", "sup", "sub", "cite", "q", "u", "mark", "code",
    "img", "br", "label", "font", "s", "bdi", "bdo", "wbr", "var", "kbd", "dfn", "data",
];

/// An element whose content is only text and inline elements, with some text:
/// a block even when its tag is a generic container.
fn only_inline_children(el: ElementRef<'_>) -> bool {
    let mut has_text = false;
    for child in el.children() {
        match child.value() {
            Node::Text(t) => has_text |= !t.trim().is_empty(),
            Node::Element(e) => {
                if !INLINE_TAGS.contains(&e.name()) {
                    return false;
                }
                has_text |= ElementRef::wrap(child).is_some_and(|c| c.text().any(|t| !t.trim().is_empty()));
            }
            _ => {}
        }
    }
    has_text
}
