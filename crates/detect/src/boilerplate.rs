//! Boilerplate classification of paragraphs / blocks, with a reason for
//! every removal.

use brief_tokenize::{Language, Span};
use serde::Serialize;

/// What a block is structurally (from the plain-text layout or the HTML tag).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The document title (first line without final punctuation, `<title>`/`<h1>`).
    Title,
    /// A heading (`<h2>`…`<h6>`).
    Heading,
    /// A plain paragraph (the default for plain text).
    #[default]
    Paragraph,
    /// A list item / bullet.
    ListItem,
    /// A figure caption (`<figcaption>`).
    Caption,
    /// A block from a region the DOM marks as navigation, aside or footer.
    Aside,
}

/// One block to classify.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Block {
    /// The block's bytes in the document text.
    #[serde(flatten)]
    pub span: Span,
    /// Structural kind.
    pub kind: BlockKind,
    /// Share of the block's characters inside links (HTML only; 0 for text).
    pub link_density: f32,
}

impl Block {
    /// A plain-text paragraph block.
    pub fn paragraph(span: Span) -> Block {
        Block { span, kind: BlockKind::Paragraph, link_density: 0.0 }
    }
}

/// Why a block is not body text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Photo caption.
    Caption,
    /// Photo/news credit line.
    Credit,
    /// Photo gallery text.
    Gallery,
    /// Headline of another article inserted between paragraphs.
    RelatedHeadline,
    /// Section heading.
    Heading,
    /// Navigation / menu / link list.
    Navigation,
    /// Comment-section notice or reader comments.
    CommentNotice,
    /// Author line.
    Byline,
    /// A block whose content is unrelated to the article.
    OffTopic,
    /// A standfirst that repeats a body paragraph.
    DuplicateStandfirst,
    /// Legal, cookie or subscription notice.
    Legal,
}

impl Reason {
    /// The reason's name as printed (`"related_headline"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Caption => "caption",
            Reason::Credit => "credit",
            Reason::Gallery => "gallery",
            Reason::RelatedHeadline => "related_headline",
            Reason::Heading => "heading",
            Reason::Navigation => "navigation",
            Reason::CommentNotice => "comment_notice",
            Reason::Byline => "byline",
            Reason::OffTopic => "off_topic",
            Reason::DuplicateStandfirst => "duplicate_standfirst",
            Reason::Legal => "legal",
        }
    }
}

/// The class a block ends up in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// Body text.
    Content,
    /// The document's title: kept, but not body.
    Title,
    /// Removed, see the verdict's reason.
    Boilerplate,
}

/// The decision for one block.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Verdict {
    /// The block's bytes in the document text.
    #[serde(flatten)]
    pub span: Span,
    /// Content, title or boilerplate.
    pub label: Label,
    /// Why it was removed (only for [`Label::Boilerplate`]).
    pub reason: Option<Reason>,
    /// Confidence that the block is content, 0.0 ..= 1.0.
    pub score: f32,
}

impl Verdict {
    /// True for body text.
    pub fn is_content(&self) -> bool {
        self.label == Label::Content
    }
}

/// One document of a cluster, as given to [`BoilerplateClassifier::classify_cluster`].
#[derive(Clone, Copy, Debug)]
pub struct ClusterDoc<'a> {
    /// The document text the blocks index.
    pub text: &'a str,
    /// Its blocks, in reading order.
    pub blocks: &'a [Block],
    /// Its language, when known.
    pub lang: Option<Language>,
}

/// Classifies blocks as content, title or boilerplate.
///
/// ```
/// use brief_detect::{Block, BoilerplateClassifier, Reason};
/// use brief_tokenize::paragraphs;
/// let text = "The Taliban captured Kandahar on Friday, officials said, as the offensive went on.\nComments are closed.";
/// let blocks: Vec<Block> = paragraphs(text).into_iter().map(Block::paragraph).collect();
/// let verdicts = BoilerplateClassifier::new().classify(text, &blocks, None);
/// assert!(verdicts[0].is_content());
/// assert_eq!(verdicts[1].reason, Some(Reason::CommentNotice));
/// ```
#[derive(Clone, Debug, Default)]
pub struct BoilerplateClassifier {
    _private: (),
}

impl BoilerplateClassifier {
    /// A classifier with the default rules.
    pub fn new() -> BoilerplateClassifier {
        BoilerplateClassifier { _private: () }
    }

    /// Classifies the blocks of one document.
    pub fn classify(&self, text: &str, blocks: &[Block], lang: Option<Language>) -> Vec<Verdict> {
        self.classify_cluster(&[ClusterDoc { text, blocks, lang }]).pop().unwrap_or_default()
    }

    /// Classifies the blocks of every document of a cluster, using what the
    /// other documents say.
    pub fn classify_cluster(&self, docs: &[ClusterDoc<'_>]) -> Vec<Vec<Verdict>> {
        docs.iter().map(|d| classify_doc(d.text, d.blocks)).collect()
    }
}

fn verdict(block: &Block, reason: Option<Reason>) -> Verdict {
    let (label, score) = match reason {
        None if block.kind == BlockKind::Title => (Label::Title, 0.5),
        None => (Label::Content, 1.0),
        Some(_) => (Label::Boilerplate, 0.0),
    };
    Verdict { span: block.span, label, reason, score }
}

fn classify_doc(text: &str, blocks: &[Block]) -> Vec<Verdict> {
    let mut out = Vec::with_capacity(blocks.len());
    let mut in_comments = false;
    for (i, b) in blocks.iter().enumerate() {
        let t = &text[b.span];
        let mut reason = rule(t, b);
        if reason.is_none() && b.kind == BlockKind::ListItem && i < 3 {
            if blocks.iter().skip(i + 1).any(|o| overlap(t, &text[o.span]) > 0.6) {
                reason = Some(Reason::DuplicateStandfirst);
            }
        }
        if reason == Some(Reason::CommentNotice) {
            in_comments = true;
        } else if in_comments {
            reason = Some(Reason::CommentNotice);
        }
        out.push(verdict(b, reason));
    }
    out
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['.', '!', '?', '"', '”', '’', '\'', '…', ':', ';', '。', '！', '？'])
}

fn rule(t: &str, b: &Block) -> Option<Reason> {
    let words = t.split_whitespace().count();
    let lower = t.to_lowercase();
    match b.kind {
        BlockKind::Title => return None,
        BlockKind::Caption => return Some(Reason::Caption),
        BlockKind::Aside => return Some(Reason::Navigation),
        BlockKind::Heading => return Some(Reason::Heading),
        _ => {}
    }
    if b.link_density > 0.5 {
        return Some(Reason::Navigation);
    }
    if lower.starts_with("comments") && words <= 6 {
        return Some(Reason::CommentNotice);
    }
    if lower.contains("view gallery") {
        return Some(Reason::Gallery);
    }
    if lower.starts_with("news credit") || lower.starts_with("image credit") || lower.starts_with("photo credit") {
        return Some(Reason::Credit);
    }
    if lower.contains("image credit:") {
        return Some(Reason::Caption);
    }
    if ends_with_credit(t) {
        return Some(Reason::Caption);
    }
    if field_labels(t) >= 3 {
        return Some(Reason::OffTopic);
    }
    if !ends_sentence(t) {
        let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
        let upper = letters.iter().all(|c| !c.is_lowercase());
        let quoted = t.starts_with(['\'', '‘', '"', '“']);
        if upper || quoted || words <= 5 {
            return Some(Reason::Heading);
        }
        return Some(Reason::RelatedHeadline);
    }
    None
}

/// "(AFP)", "(Sidiqullah Khan/AP)", "(Photo by X / AFP)" at the end.
fn ends_with_credit(t: &str) -> bool {
    let t = t.trim_end();
    if !t.ends_with(')') {
        return false;
    }
    let Some(open) = t.rfind('(') else { return false };
    let inner = &t[open + 1..t.len() - 1];
    const AGENCIES: &[&str] = &["AFP", "AP", "Reuters", "Getty", "EPA", "Xinhua", "Anadolu", "Bloomberg", "PA"];
    inner.contains('/') || AGENCIES.iter().any(|a| inner.trim() == *a || inner.ends_with(a))
}

/// Number of "Label:" fields ("Engine:", "Born:", "Favourite vehicle:").
fn field_labels(t: &str) -> usize {
    t.split_whitespace()
        .filter(|w| w.len() > 2 && w.ends_with(':') && w.chars().next().is_some_and(char::is_uppercase))
        .count()
        + t.split_whitespace()
            .collect::<Vec<_>>()
            .windows(2)
            .filter(|w| {
                w[0].chars().next().is_some_and(char::is_uppercase)
                    && w[1].len() > 2
                    && w[1].ends_with(':')
                    && w[1].chars().next().is_some_and(char::is_lowercase)
            })
            .count()
}

fn overlap(a: &str, b: &str) -> f64 {
    let wa: std::collections::HashSet<String> = a.split_whitespace().map(|w| w.to_lowercase()).collect();
    let wb: std::collections::HashSet<String> = b.split_whitespace().map(|w| w.to_lowercase()).collect();
    if wa.is_empty() {
        return 0.0;
    }
    wa.intersection(&wb).count() as f64 / wa.len() as f64
}
