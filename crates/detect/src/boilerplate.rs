//! Boilerplate classification of paragraphs / blocks, with a reason for
//! every removal.
//!
//! The classifier works on plain-text features first (so that scraped text
//! without tags is handled as well as HTML): phrase patterns (credits,
//! galleries, comment sections, bylines, legal notices), the shape of the
//! line (length, final punctuation, capitalisation, stopword density in the
//! paragraph's language), then context (a doubtful block takes the side of
//! its neighbours, as in jusText), the start of a comment section (everything
//! after it goes), standfirsts repeated in the body, and the cluster (a block
//! at the edge of an article whose words no other article about the event
//! uses is off-topic; a line several documents repeat verbatim that is
//! foreign to the event is template text). HTML blocks add their DOM kind
//! and link density.

mod cluster;
mod features;
mod patterns;

use brief_tokenize::{Language, Span};
use serde::Serialize;

use cluster::{BlockEvidence, ClusterEvidence};
use features::{features, Features};

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
    /// An author or date line (DOM class/id `byline`, `author`, `date`, …).
    Byline,
    /// A teaser or link to another article (`related`, `recommended`, …).
    Related,
    /// A reader comment or the comment section's chrome.
    Comment,
    /// A legal, cookie, subscription or advertising region.
    Notice,
    /// The article's summary under the headline (DOM class `standfirst`,
    /// `dek`, `summary`, …): body text even without final punctuation,
    /// unless the body repeats it.
    Standfirst,
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

    /// A block of the given kind without links.
    pub fn new(span: Span, kind: BlockKind) -> Block {
        Block { span, kind, link_density: 0.0 }
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
    /// An advertising label or slot ("Advertisement", "Sponsored").
    Advertisement,
    /// A line several documents repeat verbatim that is foreign to the
    /// event: the outlet's template.
    Template,
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
            Reason::Advertisement => "advertisement",
            Reason::Template => "template",
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
#[derive(Clone, Debug)]
pub struct BoilerplateClassifier {
    cluster_evidence: bool,
    off_topic_support: f32,
    template_support: f32,
}

impl Default for BoilerplateClassifier {
    fn default() -> BoilerplateClassifier {
        BoilerplateClassifier::new()
    }
}

/// Builds a [`BoilerplateClassifier`] with non-default settings.
///
/// ```
/// use brief_detect::BoilerplateClassifier;
/// let c = BoilerplateClassifier::builder().cluster_evidence(false).build().unwrap();
/// assert!(BoilerplateClassifier::builder().off_topic_support(1.5).build().is_err());
/// # let _ = c;
/// ```
#[derive(Clone, Debug)]
pub struct BoilerplateClassifierBuilder {
    inner: BoilerplateClassifier,
}

impl BoilerplateClassifierBuilder {
    /// Use what the other documents (or, alone, the other blocks) say about a
    /// block's vocabulary: off-topic edges and template lines (default on).
    pub fn cluster_evidence(&mut self, on: bool) -> &mut Self {
        self.inner.cluster_evidence = on;
        self
    }

    /// Share of a block's content words the rest of the cluster must use for
    /// an edge block to count as on-topic (default 0.2).
    pub fn off_topic_support(&mut self, share: f32) -> &mut Self {
        self.inner.off_topic_support = share;
        self
    }

    /// Share of a repeated line's content words the rest of the cluster
    /// must use for it to count as syndicated content rather than template
    /// (default 0.3).
    pub fn template_support(&mut self, share: f32) -> &mut Self {
        self.inner.template_support = share;
        self
    }

    /// Validates the settings.
    pub fn build(&self) -> Result<BoilerplateClassifier, crate::Error> {
        for (name, v) in
            [("off_topic_support", self.inner.off_topic_support), ("template_support", self.inner.template_support)]
        {
            if !(0.0..=1.0).contains(&v) {
                return Err(crate::Error::Config(format!("{name} must be within 0..=1, got {v}")));
            }
        }
        Ok(self.inner.clone())
    }
}

impl BoilerplateClassifier {
    /// A classifier with the default rules.
    pub fn new() -> BoilerplateClassifier {
        BoilerplateClassifier { cluster_evidence: true, off_topic_support: 0.2, template_support: 0.3 }
    }

    /// A builder starting from the defaults.
    pub fn builder() -> BoilerplateClassifierBuilder {
        BoilerplateClassifierBuilder { inner: BoilerplateClassifier::new() }
    }

    /// Classifies the blocks of one document.
    pub fn classify(&self, text: &str, blocks: &[Block], lang: Option<Language>) -> Vec<Verdict> {
        self.classify_cluster(&[ClusterDoc { text, blocks, lang }]).pop().unwrap_or_default()
    }

    /// Classifies the blocks of every document of a cluster, using what the
    /// other documents say.
    pub fn classify_cluster(&self, docs: &[ClusterDoc<'_>]) -> Vec<Vec<Verdict>> {
        let mut states: Vec<DocState> = docs.iter().map(|d| DocState::new(d)).collect();
        for s in &mut states {
            s.context();
        }
        if self.cluster_evidence {
            let table: Vec<Vec<BlockEvidence<'_>>> = states
                .iter()
                .map(|s| s.blocks.iter().map(|b| (b.line, b.feat.keys.as_slice(), b.class == Class::Good)).collect())
                .collect();
            let evidence = ClusterEvidence::new(&table);
            let supports = evidence.supports(&table);
            for (s, support) in states.iter_mut().zip(&supports) {
                s.templates(&evidence, support, self.template_support);
                s.off_topic_edges(support, self.off_topic_support);
            }
        }
        states.into_iter().map(DocState::verdicts).collect()
    }
}

/// The working decision for a block.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Class {
    /// Body text.
    Good,
    /// Undecided: its neighbours decide. The reason is used if it goes.
    Near(Reason),
    /// Removed.
    Bad(Reason, f32),
    /// The document's title.
    Title,
}

struct BlockState {
    feat: Features,
    line: Option<u64>,
    class: Class,
    /// Content-like, for the context rules (not the final answer).
    chars: usize,
    comment_start: bool,
    /// The decision came from the line's shape alone (no phrase, no DOM).
    by_shape: bool,
}

struct DocState {
    spans: Vec<Span>,
    blocks: Vec<BlockState>,
    has_title: bool,
    /// The document's language has stopwords and uses them.
    stop_ok: bool,
}

/// Score of a removal decided by a phrase or the DOM.
const SURE: f32 = 0.05;
/// Score of a removal decided by the line's shape.
const SHAPE: f32 = 0.2;
/// Score of a removal decided by the neighbours.
const CONTEXT: f32 = 0.35;

impl DocState {
    fn new(doc: &ClusterDoc<'_>) -> DocState {
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.span.get(doc.text).unwrap_or("")).collect();
        let feats: Vec<Features> = texts.iter().map(|t| features(t, doc.lang)).collect();
        // stopwords say something only where the language has a list and the
        // document is in that language
        let words: usize = feats.iter().map(Features::detail_words).sum();
        let stops: usize = feats.iter().map(|f| f.stopwords).sum();
        let stop_ok = stops * 10 >= words.max(1);
        let mut scratch = Scratch::default();
        let blocks = feats
            .into_iter()
            .zip(doc.blocks.iter().zip(&texts))
            .map(|(feat, (b, t))| {
                let (class, comment_start, by_shape) = initial(t, b, &feat, stop_ok, &mut scratch);
                BlockState { line: feat.line, chars: t.len(), class, comment_start, by_shape, feat }
            })
            .collect::<Vec<BlockState>>();
        let has_title = blocks.iter().any(|b| b.class == Class::Title);
        let bio = author_bio(&texts, &blocks);
        let mut s = DocState { spans: doc.blocks.iter().map(|b| b.span).collect(), blocks, has_title, stop_ok };
        if let Some(i) = bio {
            s.blocks[i].class = Class::Bad(Reason::Byline, SURE);
        }
        s.standfirst();
        s
    }

    /// Comment-section cut, neighbour smoothing, title promotion.
    fn context(&mut self) {
        let n = self.blocks.len();
        // a comment section starts at a comment heading after some body text
        let mut seen_good = false;
        let mut cut = None;
        for (i, b) in self.blocks.iter().enumerate() {
            if b.comment_start && seen_good && i >= 2 {
                cut = Some(i);
                break;
            }
            seen_good |= b.class == Class::Good;
        }
        if let Some(c) = cut {
            for b in &mut self.blocks[c..] {
                b.class = Class::Bad(Reason::CommentNotice, SURE);
            }
        }
        // doubtful blocks take the side of their nearest decided neighbours
        let decided: Vec<Option<bool>> = self.blocks.iter().map(|b| neighbour_vote(b.class)).collect();
        for i in 0..n {
            let Class::Near(reason) = self.blocks[i].class else { continue };
            let prev = decided[..i].iter().rev().flatten().next().copied();
            let next = decided[i + 1..].iter().flatten().next().copied();
            let long = self.blocks[i].feat.words > LONG_WORDS;
            let keep = match (prev, next) {
                (Some(true), Some(true)) => true,
                (Some(true), None) | (None, Some(true)) => long,
                _ => false,
            };
            self.blocks[i].class = if keep { Class::Good } else { Class::Bad(reason, CONTEXT) };
        }
        // plain text handed over without a title: the first headline-shaped
        // line before the body, after nothing but page chrome, is the title
        if !self.has_title {
            for b in &mut self.blocks {
                let words = b.feat.words;
                let headline = matches!(b.class, Class::Bad(Reason::Heading | Reason::RelatedHeadline, _));
                if b.by_shape && headline && (3..=30).contains(&words) && b.feat.lower > 0 {
                    b.class = Class::Title;
                    break;
                }
                if matches!(b.class, Class::Good | Class::Near(_)) {
                    break;
                }
            }
        }
    }

    /// An early block whose words a later body paragraph repeats is a
    /// standfirst (or a summary bullet) duplicating the body.
    fn standfirst(&mut self) {
        let n = self.blocks.len();
        for i in 0..n.min(STANDFIRST_BLOCKS) {
            let b = &self.blocks[i];
            // a headline before any body text may be the title: not a standfirst
            let before_body = !self.blocks[..i].iter().any(|p| p.class == Class::Good);
            let candidate = match b.class {
                Class::Good | Class::Near(_) => true,
                Class::Bad(Reason::Heading | Reason::RelatedHeadline, _) => {
                    b.by_shape && (self.has_title || !before_body)
                }
                _ => false,
            };
            if !candidate || b.feat.keys.len() < 4 {
                continue;
            }
            let later = (i + 1..n).filter(|&j| self.blocks[j].class == Class::Good).take(STANDFIRST_WINDOW);
            for j in later {
                if overlap(&self.blocks[i].feat.keys, &self.blocks[j].feat.keys) >= STANDFIRST_OVERLAP {
                    self.blocks[i].class = Class::Bad(Reason::DuplicateStandfirst, SHAPE);
                    break;
                }
            }
        }
    }

    /// Lines repeated verbatim across documents whose words the event does
    /// not share are the outlet's template.
    fn templates(&mut self, evidence: &ClusterEvidence, support: &[f32], min_support: f32) {
        // with no body outside the repeated lines (the same wire copy in
        // every document), there is nothing to call them foreign to
        if !evidence.is_cluster() || evidence.vocabulary() < MIN_VOCABULARY {
            return;
        }
        for (b, &s) in self.blocks.iter_mut().zip(support) {
            if matches!(b.class, Class::Good | Class::Title) && evidence.repeated(b.line) && s < min_support {
                b.class = Class::Bad(Reason::Template, 0.1 + s);
            }
        }
    }

    /// Body blocks at the start or the end of a document whose vocabulary
    /// the rest of the cluster does not use are off-topic boxes.
    fn off_topic_edges(&mut self, support: &[f32], min_support: f32) {
        let content: Vec<usize> = (0..self.blocks.len()).filter(|&i| self.blocks[i].class == Class::Good).collect();
        if content.len() < 3 {
            return;
        }
        // the evidence means something only if the body itself is coherent
        let mut s: Vec<f32> = content.iter().map(|&i| support[i]).collect();
        s.sort_by(f32::total_cmp);
        if s[s.len() / 2] < COHERENT {
            return;
        }
        let total: usize = content.iter().map(|&i| self.blocks[i].chars).sum();
        let budget = total / 3;
        let mut removed = 0;
        let mut drop = Vec::new();
        for (order, min_keys) in [(content.iter().rev().copied().collect::<Vec<_>>(), 4), (content.clone(), 6)] {
            for i in order {
                let b = &self.blocks[i];
                let foreign = support[i] < min_support && (!self.is_prose(b) || support[i] == 0.0);
                if b.feat.keys.len() < min_keys || !foreign || removed + b.chars > budget {
                    break;
                }
                removed += b.chars;
                drop.push(i);
            }
        }
        for i in drop {
            self.blocks[i].class = Class::Bad(Reason::OffTopic, 0.1 + support[i]);
        }
    }

    /// Reads like running text: function words as the language uses them
    /// (when they are known), no "Label:" fields, few figures.
    fn is_prose(&self, b: &BlockState) -> bool {
        let f = &b.feat;
        let stop = !self.stop_ok || f.stop_density() >= PROSE_STOPWORDS;
        stop && f.fields == 0 && f.numbers * 5 < f.detail_words()
    }

    fn verdicts(self) -> Vec<Verdict> {
        self.blocks
            .iter()
            .zip(self.spans)
            .map(|(b, span)| {
                let (label, reason, score) = match b.class {
                    Class::Title => (Label::Title, None, 0.5),
                    Class::Good | Class::Near(_) => (Label::Content, None, content_score(&b.feat)),
                    Class::Bad(r, s) => (Label::Boilerplate, Some(r), s),
                };
                Verdict { span, label, reason, score }
            })
            .collect()
    }
}

/// A closing paragraph about the author named in the byline ("By Tom
/// Ellis" … "Tom Ellis is a personal finance writer."): the index of one of
/// the last body blocks that opens with the byline's name.
fn author_bio(texts: &[&str], blocks: &[BlockState]) -> Option<usize> {
    let name: Vec<&str> = texts.iter().zip(blocks).take(BYLINE_BLOCKS).find_map(|(t, b)| {
        if !matches!(b.class, Class::Bad(Reason::Byline, _)) {
            return None;
        }
        let mut words = t.split_whitespace();
        let first = words.next()?;
        if !patterns::is_by_word(first) {
            return None;
        }
        let name: Vec<&str> = words
            .take(2)
            .map(|w| w.trim_end_matches([',', ';', '|']))
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect();
        (name.len() == 2).then_some(name)
    })?;
    // among the last body blocks (reader comments may follow the bio)
    (0..blocks.len()).rev().filter(|&i| blocks[i].class == Class::Good).take(BIO_SEARCH).find(|&i| {
        let mut words = texts[i].split_whitespace();
        name.iter().all(|n| words.next() == Some(*n)) && blocks[i].feat.words <= BIO_WORDS
    })
}

/// Last body blocks searched for an author biography.
const BIO_SEARCH: usize = 3;

/// Blocks at the top searched for a byline.
const BYLINE_BLOCKS: usize = 6;
/// Longest author biography.
const BIO_WORDS: usize = 60;

/// Blocks among the first ones checked for a standfirst.
const STANDFIRST_BLOCKS: usize = 4;
/// Body paragraphs after it compared with a standfirst.
const STANDFIRST_WINDOW: usize = 6;
/// Share of a standfirst's words a body paragraph must repeat.
const STANDFIRST_OVERLAP: f32 = 0.6;
/// An undecided block longer than this is kept next to body text even at
/// the edge of the document.
const LONG_WORDS: usize = 25;
/// Distinct content words the cluster's body must have for template lines
/// to be judged against it.
const MIN_VOCABULARY: usize = 20;
/// Stopword share below which a block does not read as running text.
const PROSE_STOPWORDS: f32 = 0.15;
/// Median support of body blocks below which the vocabulary evidence is
/// not trusted (other script, other language, tiny documents).
const COHERENT: f32 = 0.3;

/// How a block votes when its neighbour is undecided: body text, removed
/// structure, or transparent (inline interruptions such as captions and
/// headings do not break a run of body text).
fn neighbour_vote(class: Class) -> Option<bool> {
    match class {
        Class::Good => Some(true),
        Class::Near(_) | Class::Title => None,
        Class::Bad(r, _) => match r {
            Reason::Heading
            | Reason::Caption
            | Reason::Credit
            | Reason::RelatedHeadline
            | Reason::Advertisement
            | Reason::Gallery
            | Reason::DuplicateStandfirst => None,
            _ => Some(false),
        },
    }
}

fn content_score(f: &Features) -> f32 {
    let length = (f.words as f32 / 30.0).min(1.0);
    let punct = if f.ends_sentence { 1.0 } else { 0.0 };
    let stop = (f.stop_density() / 0.3).min(1.0);
    (0.55 + 0.2 * length + 0.15 * punct + 0.1 * stop).min(1.0)
}

/// First decision from the block's own text and DOM kind:
/// (class, opens a comment section, decided by shape alone).
fn initial(t: &str, b: &Block, f: &Features, stop_ok: bool, scratch: &mut Scratch) -> (Class, bool, bool) {
    // a text of at most HEAD_CHARS bytes has at most as many characters
    let head = if t.len() <= HEAD_CHARS {
        t
    } else if t.as_bytes()[..HEAD_CHARS].is_ascii() {
        // HEAD_CHARS ASCII bytes are as many characters
        &t[..HEAD_CHARS]
    } else {
        match t.char_indices().nth(HEAD_CHARS) {
            Some((i, _)) => &t[..i],
            None => t,
        }
    };
    // the phrase lists only look at the head of lines up to this long
    let (low, key) = (&mut scratch.low, &mut scratch.key);
    low.clear();
    key.clear();
    if f.words > patterns::KEY_WORDS && f.words <= PHRASE_WORDS && head.len() > patterns::LOW_HEAD_BYTES {
        // no letters key: the phrases read the first bytes of the line
        // only, and an ASCII start lower-cases to the start of the lower
        // case of the whole
        let start = &head.as_bytes()[..patterns::LOW_HEAD_BYTES];
        if start.is_ascii() {
            low.push_str(&head[..patterns::LOW_HEAD_BYTES]);
            low.make_ascii_lowercase();
        } else {
            // as many characters (their lower case takes at least as many
            // bytes); only a capital sigma's lower case depends on what
            // follows it
            let cut = head.char_indices().nth(patterns::LOW_HEAD_BYTES).map_or(head.len(), |(i, _)| i);
            let start = &head[..cut];
            push_lowercase(low, if start.contains('Σ') { head } else { start });
        }
    } else if f.words <= PHRASE_WORDS {
        if head.is_ascii() {
            low.push_str(head);
            low.make_ascii_lowercase();
        } else {
            push_lowercase(low, head);
        }
    }
    if f.words <= patterns::KEY_WORDS {
        patterns::letters_key_into(low, key);
    }
    let (low, key): (&str, &str) = (low, key);
    let comment_start = patterns::is_comment_start(key, f.words);
    if f.words == 0 {
        return (Class::Bad(Reason::Navigation, SURE), false, false);
    }
    let phrase = patterns::phrase_reason(t, low, key, f.words, f.ends_sentence);
    if b.kind == BlockKind::Title {
        return match phrase {
            Some(r @ (Reason::Navigation | Reason::Legal | Reason::Advertisement)) => {
                (Class::Bad(r, SURE), false, false)
            }
            _ => (Class::Title, false, false),
        };
    }
    if comment_start {
        return (Class::Bad(Reason::CommentNotice, SURE), true, false);
    }
    if let Some(r) = phrase {
        return (Class::Bad(r, SURE), r == Reason::CommentNotice, false);
    }
    let dom = match b.kind {
        BlockKind::Caption => Some(Reason::Caption),
        BlockKind::Aside => Some(Reason::Navigation),
        BlockKind::Heading => Some(Reason::Heading),
        BlockKind::Byline => Some(Reason::Byline),
        BlockKind::Related => Some(Reason::RelatedHeadline),
        BlockKind::Comment => Some(Reason::CommentNotice),
        BlockKind::Notice => Some(Reason::Legal),
        BlockKind::Title | BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Standfirst => None,
    };
    if let Some(r) = dom {
        return (Class::Bad(r, SURE), false, false);
    }
    if b.kind == BlockKind::Standfirst && b.link_density <= 0.5 {
        return (Class::Good, false, false);
    }
    let link_limit = if b.kind == BlockKind::ListItem { 0.3 } else { 0.5 };
    if b.link_density > link_limit {
        return (Class::Bad(Reason::Navigation, SURE), false, false);
    }
    if f.fields >= 3 {
        return (Class::Bad(Reason::OffTopic, SHAPE), false, false);
    }
    (shape(f, b.kind, stop_ok), false, true)
}

/// Appends `str::to_lowercase(head)` to `low`, without allocating a string
/// for it: character by character (what `str::to_lowercase` does too),
/// except for a capital sigma, whose lower case depends on its neighbours.
fn push_lowercase(low: &mut String, head: &str) {
    if head.contains('Σ') {
        low.push_str(&head.to_lowercase());
        return;
    }
    for c in head.chars() {
        if c.is_ascii() {
            low.push(c.to_ascii_lowercase());
        } else {
            low.extend(c.to_lowercase());
        }
    }
}

/// Buffers [`initial`] reuses from block to block.
#[derive(Default)]
struct Scratch {
    /// The lower-cased head of the line.
    low: String,
    /// Its letters key.
    key: String,
}

/// Longest line (words) whose lower-cased head the phrase patterns read
/// (the longest such rule, a "File photo" caption, stops at 60 words).
const PHRASE_WORDS: usize = 60;
/// Characters of a line's head the phrase patterns look at.
const HEAD_CHARS: usize = 200;

/// The decision from the line's shape: headings and headlines have no final
/// punctuation; prose has stopwords.
fn shape(f: &Features, kind: BlockKind, stop_ok: bool) -> Class {
    let headline_reason =
        if f.all_caps() || f.starts_quote || f.words <= 4 { Reason::Heading } else { Reason::RelatedHeadline };
    if !f.ends_sentence {
        // a row of figures (scores, prices, fixtures) is a data box, not a headline
        if f.words >= 8 && f.numbers * 10 >= f.words * 3 {
            return Class::Bad(Reason::OffTopic, SHAPE);
        }
        // "News Politics Business Sport": a menu, capitalised words and no
        // function word
        if f.words >= 3 && f.cap_words == f.words && (f.stopwords == 0 || !stop_ok) && f.numbers == 0 {
            return Class::Bad(Reason::Navigation, SHAPE);
        }
        if f.words > LONG_WORDS || kind == BlockKind::ListItem {
            return Class::Near(headline_reason);
        }
        return Class::Bad(headline_reason, SHAPE);
    }
    if f.words <= 3 {
        return Class::Near(Reason::Navigation);
    }
    // stopwords known for the language, yet none: a list of names or tags
    if stop_ok && f.words >= 8 && f.stopwords == 0 {
        return Class::Near(Reason::Navigation);
    }
    Class::Good
}

/// Share of `a`'s keys that `b` has (both sorted, deduplicated).
fn overlap(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() {
        return 0.0;
    }
    // one merge pass over the two sorted lists
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        shared += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    shared as f32 / a.len() as f32
}
