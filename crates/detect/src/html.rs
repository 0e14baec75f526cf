//! HTML → text blocks (html5ever via scraper), with title, date and
//! language metadata.
//!
//! Every run of text between block-level tags becomes one [`Block`], with
//! the share of its characters inside links and a [`BlockKind`] from the
//! DOM: headings, list items, figure captions, and regions that tag names
//! (`nav`, `aside`, `footer`, the page `header`) or class/id hints
//! (`sidebar`, `related`, `comments`, `byline`, `cookie`, …) mark. When the
//! page has an article container (`<article>`, `<main>`, `itemprop=articleBody`,
//! `class="article-body"`, …) holding most of its paragraph text, blocks
//! outside it are page chrome. The boilerplate classifier then decides.

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
    /// The headline: the first `<h1>` of the article, else `og:title`, else
    /// `<title>`.
    pub title: Option<String>,
    /// Publication date (`YYYY-MM-DD`…) from meta tags, JSON-LD or
    /// `<time datetime>`, when present.
    pub date: Option<String>,
    /// The page's declared language (`<html lang>`, `content-language`).
    pub lang: Option<String>,
}

/// Parses HTML (never fails: html5ever recovers from any input).
///
/// ```
/// use brief_detect::{html_to_document, BlockKind};
/// let doc = html_to_document("<html><head><title>T</title></head><body><h1>Kabul</h1><p>The Taliban advanced.</p><nav><a href='/'>Home</a></nav></body></html>");
/// assert_eq!(doc.title.as_deref(), Some("Kabul"));
/// assert_eq!(&doc.text[doc.blocks[1].span], "The Taliban advanced.");
/// assert_eq!(doc.blocks[2].kind, BlockKind::Aside);
/// ```
pub fn html_to_document(html: &str) -> HtmlDocument {
    let html = flatten_deep_nesting(html, MAX_PARSE_DEPTH);
    let dom = Html::parse_document(&html);
    let mut out = HtmlDocument::default();
    let root = dom.root_element();
    out.lang = root.value().attr("lang").map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let content_root = find_content_root(root);
    let mut walker =
        Walker { out: &mut out, content_root, pending: Pending::default(), has_title: false, last_br: false };
    let ctx = Ctx { hint: None, in_root: content_root.is_none(), in_link: false };
    walker.element(root, ctx, 0);
    walker.flush(ctx);
    metadata(root, &mut out);
    out
}

/// Container nesting past which tags are dropped before parsing (text kept):
/// html5ever checks element scopes by scanning the stack of open elements,
/// so 100,000 nested `<div>`s would cost minutes. Browsers cap DOM depth
/// similarly (Chromium at 512).
const MAX_PARSE_DEPTH: usize = 512;

/// Tags that nest only through explicit end tags (no implied closes): the
/// ones a hostile page can stack without bound.
const NESTING_TAGS: &[&str] = &[
    "div",
    "span",
    "section",
    "article",
    "main",
    "aside",
    "nav",
    "header",
    "footer",
    "blockquote",
    "table",
    "ul",
    "ol",
    "dl",
    "font",
    "b",
    "i",
    "em",
    "strong",
    "u",
    "s",
    "small",
    "big",
    "center",
    "form",
    "fieldset",
    "figure",
];

/// Removes start and end tags of [`NESTING_TAGS`] that sit deeper than
/// `max_depth` (their text stays), in one linear pass. Borrows when the page
/// never gets that deep.
fn flatten_deep_nesting(html: &str, max_depth: usize) -> std::borrow::Cow<'_, str> {
    // First pass: find whether the cap is exceeded at all.
    let tag_at = |i: usize| -> Option<(bool, &str, usize)> {
        let rest = &html[i + 1..];
        let (closing, rest) = match rest.strip_prefix('/') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let name_len = rest.bytes().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 {
            return None;
        }
        let end = rest.find('>')? + (html.len() - rest.len()) + 1;
        let name = &rest[..name_len];
        let self_closing = html[..end].ends_with("/>");
        let known = NESTING_TAGS.iter().any(|t| t.eq_ignore_ascii_case(name));
        (known && !self_closing).then_some((closing, name, end))
    };
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for i in memchr::memchr_iter(b'<', html.as_bytes()) {
        if let Some((closing, _, _)) = tag_at(i) {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
    }
    if deepest <= max_depth {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let (mut depth, mut copied) = (0usize, 0usize);
    for i in memchr::memchr_iter(b'<', html.as_bytes()) {
        if i < copied {
            continue;
        }
        let Some((closing, _, end)) = tag_at(i) else { continue };
        let deep = if closing {
            let d = depth > max_depth;
            depth = depth.saturating_sub(1);
            d
        } else {
            depth += 1;
            depth > max_depth
        };
        if deep {
            out.push_str(&html[copied..i]);
            out.push(' ');
            copied = end;
        }
    }
    out.push_str(&html[copied..]);
    std::borrow::Cow::Owned(out)
}

/// What surrounds a node while walking.
#[derive(Clone, Copy, Debug)]
struct Ctx {
    /// The region's kind from a tag or class/id hint.
    hint: Option<BlockKind>,
    /// Inside the article container (or no container was found).
    in_root: bool,
    in_link: bool,
}

/// Inline text collected for the block being built.
#[derive(Default)]
struct Pending {
    text: String,
    link_chars: usize,
    /// The tag that opened the block (`p`, `li`, `h2`, … or `""` for a
    /// run of loose text).
    tag: &'static str,
}

struct Walker<'o, 'd> {
    out: &'o mut HtmlDocument,
    content_root: Option<ElementRef<'d>>,
    pending: Pending,
    has_title: bool,
    /// The last thing seen was a `<br>` (and only blank text since).
    last_br: bool,
}

/// Elements whose content never is text to read.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "iframe", "button", "select", "option", "textarea",
    "input", "object", "embed", "canvas", "map", "audio", "video", "dialog",
];

/// Elements that start and end a block.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "figcaption",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "caption",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "ul",
    "ol",
    "dl",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "figure",
    "form",
    "fieldset",
    "address",
    "body",
    "html",
    "hr",
    "br_block",
    "center",
    "details",
    "summary",
    "menu",
    "hgroup",
    "legend",
];

/// Nesting depth past which the walk stops recursing: deeper content is
/// read as flat text, so hostile pages (100,000 nested `<div>`s) cannot
/// overflow the stack.
const MAX_DEPTH: usize = 256;

impl<'d> Walker<'_, 'd> {
    fn element(&mut self, el: ElementRef<'d>, ctx: Ctx, depth: usize) {
        let v = el.value();
        let name = v.name();
        if SKIP_TAGS.contains(&name) || is_hidden(el) {
            return;
        }
        if depth >= MAX_DEPTH {
            // Iterative: `descendants` walks the arena without recursion.
            for node in el.descendants() {
                if let Node::Text(t) = node.value() {
                    self.pending.text.push_str(t);
                    self.pending.text.push(' ');
                }
            }
            return;
        }
        let mut ctx = ctx;
        if Some(el) == self.content_root {
            // the article container: hints from the page around it no longer apply
            ctx.in_root = true;
            ctx.hint = None;
        }
        if let Some(h) = tag_hint(name, ctx.in_root).or_else(|| class_hint(el)) {
            // the innermost region decides, except that a caption inside
            // navigation stays navigation
            if !(h == BlockKind::Caption && matches!(ctx.hint, Some(BlockKind::Aside))) {
                ctx.hint = Some(h);
            }
        }
        if name == "a" {
            ctx.in_link = true;
        }
        let is_block = BLOCK_TAGS.contains(&name);
        if is_block {
            self.flush(ctx);
            self.last_br = false;
            self.pending.tag = block_tag(name);
        }
        if name == "br" {
            // "<br><br>" separates paragraphs on pages without <p>
            if self.last_br {
                self.flush(ctx);
            }
            self.last_br = true;
            self.pending.text.push(' ');
        } else if name == "img" {
            self.pending.text.push(' ');
        }
        for child in el.children() {
            match child.value() {
                Node::Text(t) => {
                    self.last_br &= t.trim().is_empty();
                    self.pending.text.push_str(t);
                    if ctx.in_link {
                        self.pending.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                    }
                }
                Node::Element(_) => {
                    if let Some(c) = ElementRef::wrap(child) {
                        self.element(c, ctx, depth + 1);
                    }
                }
                _ => {}
            }
        }
        if is_block {
            self.pending.tag = block_tag(name);
            self.flush(ctx);
        }
    }

    /// Ends the block being built, if it has text.
    fn flush(&mut self, ctx: Ctx) {
        let pending = std::mem::take(&mut self.pending);
        let mut text = String::with_capacity(pending.text.len());
        for w in pending.text.split_whitespace() {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(w);
        }
        if text.is_empty() {
            return;
        }
        let total = text.chars().filter(|c| !c.is_whitespace()).count().max(1);
        let kind = self.kind(pending.tag, ctx);
        if !self.out.text.is_empty() {
            self.out.text.push_str("\n\n");
        }
        let start = self.out.text.len();
        self.out.text.push_str(&text);
        self.out.blocks.push(Block {
            span: Span::new(start, self.out.text.len()),
            kind,
            link_density: (pending.link_chars as f32 / total as f32).min(1.0),
        });
    }

    fn kind(&mut self, tag: &str, ctx: Ctx) -> BlockKind {
        if tag == "h1" && !self.has_title && (ctx.in_root || ctx.hint.is_none()) {
            self.has_title = true;
            return BlockKind::Title;
        }
        if let Some(h) = ctx.hint {
            return h;
        }
        if !ctx.in_root {
            return BlockKind::Aside;
        }
        match tag {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
            "li" | "dd" | "dt" => BlockKind::ListItem,
            "figcaption" | "caption" => BlockKind::Caption,
            _ => BlockKind::Paragraph,
        }
    }
}

fn block_tag(name: &str) -> &'static str {
    match name {
        "h1" => "h1",
        "h2" => "h2",
        "h3" => "h3",
        "h4" => "h4",
        "h5" => "h5",
        "h6" => "h6",
        "li" => "li",
        "dd" => "dd",
        "dt" => "dt",
        "figcaption" => "figcaption",
        "caption" => "caption",
        "p" => "p",
        _ => "",
    }
}

/// Region kinds that tag names give.
fn tag_hint(name: &str, in_root: bool) -> Option<BlockKind> {
    match name {
        "nav" | "menu" => Some(BlockKind::Aside),
        "aside" => Some(BlockKind::Aside),
        "footer" if !in_root => Some(BlockKind::Aside),
        "header" if !in_root => Some(BlockKind::Aside),
        "figure" | "figcaption" => Some(BlockKind::Caption),
        "address" => Some(BlockKind::Byline),
        "time" => Some(BlockKind::Byline),
        _ => None,
    }
}

/// Region kinds that class and id attributes give ("related-articles",
/// "comments", "byline", "cookie-banner", …). Matched on the words of the
/// attribute (split at `-`, `_`, spaces and case changes).
fn class_hint(el: ElementRef<'_>) -> Option<BlockKind> {
    let v = el.value();
    let mut attrs = String::new();
    for a in [v.attr("class"), v.attr("id"), v.attr("role"), v.attr("itemprop"), v.attr("data-component")]
        .into_iter()
        .flatten()
    {
        attrs.push(' ');
        attrs.push_str(a);
    }
    if attrs.trim().is_empty() {
        return None;
    }
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in attrs.chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    let has = |f: &dyn Fn(&str) -> bool| words.iter().any(|w| f(w));
    let pair = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    // article-body containers are content, whatever else their names say
    if pair("article", "body") || pair("story", "body") || pair("entry", "content") || has(&|w| w == "articlebody") {
        return None;
    }
    if has(&|w| w.starts_with("comment") && !w.starts_with("commentar") || w == "disqus" || w == "replies") {
        return Some(BlockKind::Comment);
    }
    if has(&|w| {
        matches!(
            w,
            "related"
                | "recommended"
                | "recommendations"
                | "outbrain"
                | "taboola"
                | "trending"
                | "teaser"
                | "teasers"
                | "popular"
                | "mostread"
                | "readmore"
                | "correlati"
                | "relacionados"
                | "relacionadas"
        )
    }) || pair("most", "read")
        || pair("read", "more")
        || pair("more", "stories")
        || pair("also", "read")
    {
        return Some(BlockKind::Related);
    }
    if has(&|w| {
        matches!(
            w,
            "cookie"
                | "cookies"
                | "consent"
                | "gdpr"
                | "newsletter"
                | "subscribe"
                | "subscription"
                | "paywall"
                | "signup"
                | "promo"
                | "ad"
                | "ads"
                | "advert"
                | "advertisement"
                | "sponsor"
                | "sponsored"
                | "copyright"
                | "legal"
                | "disclaimer"
        ) || w.starts_with("advert")
    }) {
        return Some(BlockKind::Notice);
    }
    if has(&|w| {
        matches!(
            w,
            "byline" | "author" | "authors" | "dateline" | "timestamp" | "pubdate" | "published" | "date" | "meta"
        )
    }) {
        return Some(BlockKind::Byline);
    }
    if has(&|w| {
        matches!(
            w,
            "standfirst"
                | "dek"
                | "deck"
                | "summary"
                | "subtitle"
                | "subheadline"
                | "strapline"
                | "lede"
                | "intro"
                | "sumario"
                | "bajada"
                | "entradilla"
                | "chapo"
                | "chapeau"
                | "abstract"
        )
    }) {
        return Some(BlockKind::Standfirst);
    }
    if has(&|w| matches!(w, "caption" | "credit" | "credits" | "figcaption")) {
        return Some(BlockKind::Caption);
    }
    if has(&|w| {
        w.starts_with("nav")
            || w.starts_with("menu")
            || matches!(
                w,
                "breadcrumb"
                    | "breadcrumbs"
                    | "sidebar"
                    | "widget"
                    | "rail"
                    | "share"
                    | "sharing"
                    | "social"
                    | "toolbar"
                    | "pagination"
                    | "pager"
                    | "tags"
                    | "tag"
                    | "footer"
                    | "masthead"
                    | "topbar"
                    | "skip"
                    | "banner"
                    | "complementary"
                    | "navigation"
                    | "contentinfo"
            )
    }) {
        return Some(BlockKind::Aside);
    }
    None
}

/// `hidden`, `aria-hidden="true"`, `style="display:none"`.
fn is_hidden(el: ElementRef<'_>) -> bool {
    let v = el.value();
    if v.attr("hidden").is_some() || v.attr("aria-hidden").is_some_and(|a| a.eq_ignore_ascii_case("true")) {
        return true;
    }
    v.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// The article container: the candidate (`<article>`, `<main>`,
/// `itemprop=articleBody`, an `article-body`-like class) holding the most
/// paragraph text, if it holds at least half of the page's.
fn find_content_root(root: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let mut total = 0usize;
    let mut best: Option<(ElementRef<'_>, usize)> = None;
    for node in root.descendants() {
        let Some(el) = ElementRef::wrap(node) else { continue };
        if el.value().name() == "p" {
            total += text_chars(el);
        }
    }
    // Each candidate sums the text below it: cap their number so nested
    // candidates cannot make this quadratic on hostile pages.
    let mut candidates = 0usize;
    for node in root.descendants() {
        let Some(el) = ElementRef::wrap(node) else { continue };
        if !is_candidate(el) {
            continue;
        }
        candidates += 1;
        if candidates > 64 {
            break;
        }
        let chars: usize =
            el.descendants().filter_map(ElementRef::wrap).filter(|e| e.value().name() == "p").map(text_chars).sum();
        if best.is_none_or(|(_, b)| chars > b) {
            best = Some((el, chars));
        }
    }
    best.filter(|&(_, chars)| chars > 0 && chars * 2 >= total).map(|(el, _)| el)
}

fn text_chars(el: ElementRef<'_>) -> usize {
    el.text().map(|t| t.chars().filter(|c| !c.is_whitespace()).count()).sum()
}

fn is_candidate(el: ElementRef<'_>) -> bool {
    let v = el.value();
    if matches!(v.name(), "article" | "main") || v.attr("role") == Some("main") {
        return true;
    }
    if v.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articleBody")) {
        return true;
    }
    let attrs = format!("{} {}", v.attr("class").unwrap_or(""), v.attr("id").unwrap_or("")).to_ascii_lowercase();
    const BODY: &[&str] = &[
        "article-body",
        "article__body",
        "articlebody",
        "article-content",
        "article__content",
        "story-body",
        "story-content",
        "storybody",
        "entry-content",
        "post-content",
        "post-body",
        "content-body",
        "article-text",
        "td-post-content",
    ];
    BODY.iter().any(|b| attrs.contains(b))
}

/// Title, date and language from the head and the article.
fn metadata(root: ElementRef<'_>, out: &mut HtmlDocument) {
    let mut head_title = None;
    let mut og_title = None;
    for node in root.descendants() {
        let Some(el) = ElementRef::wrap(node) else { continue };
        let v = el.value();
        match v.name() {
            "title" if head_title.is_none() => {
                let t = squash(&el.text().collect::<String>());
                if !t.is_empty() {
                    head_title = Some(t);
                }
            }
            "meta" => {
                let key = v.attr("property").or(v.attr("name")).or(v.attr("itemprop")).unwrap_or("");
                let key = key.to_ascii_lowercase();
                let content = v.attr("content").map(str::trim).filter(|c| !c.is_empty());
                if key == "og:title" && og_title.is_none() {
                    og_title = content.map(squash);
                }
                if out.date.is_none()
                    && (key.contains("published_time")
                        || key == "date"
                        || key.contains("pubdate")
                        || key == "datepublished"
                        || key == "dc.date"
                        || key == "dc.date.issued"
                        || key == "article:published")
                {
                    out.date = content.and_then(date_prefix);
                }
                if out.lang.is_none()
                    && (v.attr("http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("content-language"))
                        || key == "og:locale")
                {
                    out.lang = content.map(|c| c.replace('_', "-"));
                }
            }
            "script" if out.date.is_none() && v.attr("type") == Some("application/ld+json") => {
                let json: String = el.text().collect();
                if let Some(i) = json.find("\"datePublished\"") {
                    let rest = &json[i + "\"datePublished\"".len()..];
                    let rest = rest.trim_start().trim_start_matches(':').trim_start().trim_start_matches('"');
                    out.date = date_prefix(rest);
                }
            }
            "time" if out.date.is_none() => {
                out.date = v.attr("datetime").and_then(date_prefix);
            }
            _ => {}
        }
    }
    let h1 =
        out.blocks.iter().find(|b| b.kind == BlockKind::Title).and_then(|b| out.text.get(b.span.start..b.span.end));
    out.title = h1.map(str::to_string).or(og_title).or(head_title);
}

/// The `YYYY-MM-DD` head of a date-time, when it has that shape.
fn date_prefix(s: &str) -> Option<String> {
    let d = s.trim().get(..10)?;
    let ok = d.bytes().enumerate().all(|(k, c)| if k == 4 || k == 7 { c == b'-' } else { c.is_ascii_digit() });
    ok.then(|| d.to_string())
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(html: &str) -> Vec<(String, BlockKind)> {
        let d = html_to_document(html);
        d.blocks.iter().map(|b| (d.text[b.span].to_string(), b.kind)).collect()
    }

    #[test]
    fn blocks_and_kinds_table() {
        let table: &[(&str, &[(&str, BlockKind)])] = &[
            (
                "<body><div>Loose text <b>bold</b><p>Para.</p>tail</div></body>",
                &[("Loose text bold", BlockKind::Paragraph), ("Para.", BlockKind::Paragraph), ("tail", BlockKind::Paragraph)],
            ),
            (
                "<body><header><a href=/>Site</a></header><article><header><h1>Head</h1><p class=byline>By A</p></header><p>Body one is here.</p><figure><img><figcaption>Pic (AP)</figcaption></figure><h2>Sub</h2><p>Body two.</p><div class=related-links><a href=/x>Other story</a></div></article><footer>© Site</footer></body>",
                &[
                    ("Site", BlockKind::Aside),
                    ("Head", BlockKind::Title),
                    ("By A", BlockKind::Byline),
                    ("Body one is here.", BlockKind::Paragraph),
                    ("Pic (AP)", BlockKind::Caption),
                    ("Sub", BlockKind::Heading),
                    ("Body two.", BlockKind::Paragraph),
                    ("Other story", BlockKind::Related),
                    ("© Site", BlockKind::Aside),
                ],
            ),
            (
                "<body><div style='display: none'>hidden</div><p hidden>gone</p><ul class=menu><li><a>Home</a></li></ul><div id=comments><p>Nice.</p></div></body>",
                &[("Home", BlockKind::Aside), ("Nice.", BlockKind::Comment)],
            ),
            ("<p>a<br>b</p>", &[("a b", BlockKind::Paragraph)]),
            ("", &[]),
        ];
        for (html, want) in table {
            let got = kinds(html);
            let want: Vec<(String, BlockKind)> = want.iter().map(|(t, k)| (t.to_string(), *k)).collect();
            assert_eq!(got, want, "{html}");
        }
    }

    #[test]
    fn metadata_table() {
        let d = html_to_document(
            "<html lang=de><head><title>T | Site</title><meta property='og:title' content='OG'><meta property='article:published_time' content='2021-08-13T10:00:00Z'></head><body><p>x</p></body></html>",
        );
        assert_eq!(
            (d.title.as_deref(), d.date.as_deref(), d.lang.as_deref()),
            (Some("OG"), Some("2021-08-13"), Some("de"))
        );
        let d = html_to_document(
            "<head><script type='application/ld+json'>{\"datePublished\": \"2022-06-19T08:00\"}</script></head><body><h1>H</h1></body>",
        );
        assert_eq!((d.title.as_deref(), d.date.as_deref()), (Some("H"), Some("2022-06-19")));
    }

    #[test]
    fn link_density_counts_link_text() {
        let d = html_to_document("<p><a href=/a>abcd</a> efgh</p>");
        assert!((d.blocks[0].link_density - 0.5).abs() < 1e-6);
    }
}

#[cfg(test)]
mod deep_nesting_tests {
    use super::*;

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let n = 5000;
        let html =
            format!("<html><body>{}<p>Deep text stays.</p>{}</body></html>", "<div>".repeat(n), "</div>".repeat(n));
        let flat = flatten_deep_nesting(&html, 100);
        assert!(flat.len() < html.len());
        assert_eq!(flat.matches("<div>").count(), 100);
        let doc = html_to_document(&html);
        assert!(doc.text.contains("Deep text stays."));
    }

    #[test]
    fn shallow_pages_are_borrowed_unchanged() {
        let html = "<div><span>a</span><b>b</b></div><img src=x/><p>c</p>";
        assert!(matches!(flatten_deep_nesting(html, 3), std::borrow::Cow::Borrowed(_)));
        // Stray '<' and unterminated tags never panic.
        for s in ["<", "<div", "a < b", "</", "<\u{e9}>", "<div>\u{e9}<"] {
            let _ = flatten_deep_nesting(s, 0);
        }
    }
}
