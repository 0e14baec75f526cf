//! Output records (serde) and their human renderings: text, markdown, HTML.

use std::fmt::Write as _;

use brief_gazetteer::{EntityCount, Mention};
use serde::Serialize;

use crate::pipeline::{ClusterSummary, TokenOut};

/// Human or machine output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Plain text for a terminal.
    Text,
    /// Markdown.
    Markdown,
    /// One JSON document.
    Json,
    /// JSON Lines (one record per document / cluster).
    Jsonl,
    /// A self-contained HTML page.
    Html,
}

/// A removed block in `clean` output.
#[derive(Clone, Debug, Serialize)]
pub struct Removed {
    /// The block's text.
    pub text: String,
    /// Start byte in the document.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Why it was removed (`"caption"`, `"title"`, …).
    pub reason: String,
}

/// `brief clean` for one document.
#[derive(Clone, Debug, Serialize)]
pub struct CleanRecord {
    /// Document id.
    pub id: String,
    /// The title, when recognised (kept apart from the body).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The clean body text: content blocks joined by blank lines.
    pub text: String,
    /// Every removed block with its reason.
    pub removed: Vec<Removed>,
    /// Document language (ISO 639-3).
    pub lang: String,
    /// Blocks in reading order with their decision (for `--explain`).
    #[serde(skip)]
    pub blocks: Vec<(bool, String, Option<String>)>,
}

/// Per-paragraph language in `brief lang --paragraphs`.
#[derive(Clone, Debug, Serialize)]
pub struct ParagraphLangOut {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// ISO 639-3 code.
    pub lang: String,
    /// Confidence.
    pub confidence: f64,
    /// Reliability.
    pub reliable: bool,
}

/// `brief lang` for one document.
#[derive(Clone, Debug, Serialize)]
pub struct LangRecord {
    /// Document id.
    pub id: String,
    /// ISO 639-3 code.
    pub lang: String,
    /// Script name.
    pub script: String,
    /// Confidence 0..=1.
    pub confidence: f64,
    /// Whether the decision is reliable.
    pub reliable: bool,
    /// With `--paragraphs`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraphs: Option<Vec<ParagraphLangOut>>,
}

/// An entity mention as printed.
#[derive(Clone, Debug, Serialize)]
pub struct MentionOut {
    /// Surface text.
    pub text: String,
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Type label.
    #[serde(rename = "type")]
    pub kind: String,
    /// Canonical name.
    pub canonical: String,
    /// `list`, `cue` or `propagated`.
    pub source: String,
}

impl MentionOut {
    /// Converts a mention found in `text`.
    pub fn new(text: &str, m: &Mention) -> MentionOut {
        MentionOut {
            text: text[m.span].to_string(),
            start: m.span.start,
            end: m.span.end,
            kind: m.kind.as_str().to_string(),
            canonical: m.canonical.to_string(),
            source: serde_json::to_value(m.source)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
        }
    }
}

/// `brief entities` for one document.
#[derive(Clone, Debug, Serialize)]
pub struct EntitiesRecord {
    /// Document id.
    pub id: String,
    /// Mentions in order.
    pub entities: Vec<MentionOut>,
}

/// A sentence as printed.
#[derive(Clone, Debug, Serialize)]
pub struct SentenceOut {
    /// The sentence text (the slice, trimmed).
    pub text: String,
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
}

/// `brief sentences` for one document.
#[derive(Clone, Debug, Serialize)]
pub struct SentencesRecord {
    /// Document id.
    pub id: String,
    /// Sentences in order.
    pub sentences: Vec<SentenceOut>,
}

/// `brief tokens` for one document.
#[derive(Clone, Debug, Serialize)]
pub struct TokensRecord {
    /// Document id.
    pub id: String,
    /// Tokens in order.
    pub tokens: Vec<TokenOut>,
}

/// An input that failed.
#[derive(Clone, Debug, Serialize)]
pub struct ErrorRecord {
    /// Its id, when known.
    pub id: Option<String>,
    /// What went wrong (with the location).
    pub error: String,
}

/// One output record of a per-document command.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum DocOutput {
    /// `clean`.
    Clean(CleanRecord),
    /// `lang`.
    Lang(LangRecord),
    /// `entities`.
    Entities(EntitiesRecord),
    /// `sentences`.
    Sentences(SentencesRecord),
    /// `tokens`.
    Tokens(TokensRecord),
    /// A failed input.
    Error(ErrorRecord),
}

/// Escapes text for HTML.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn html_page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\
body{{font-family:Georgia,serif;max-width:48rem;margin:2rem auto;line-height:1.5;padding:0 1rem}}\
sup{{font-size:.7em}}table{{border-collapse:collapse}}td,th{{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left}}\
.removed{{color:#999}}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        html_escape(title),
        body
    )
}

/// Renders a cluster summary.
pub fn render_summary(s: &ClusterSummary, format: OutputFormat) -> String {
    let words = s.summary.split_whitespace().count();
    let index_of = |id: &str| s.documents.iter().position(|d| d == id).map_or(0, |i| i + 1);
    let cites = |sources: &[String]| -> Vec<usize> { sources.iter().map(|id| index_of(id)).collect() };
    let mut out = String::new();
    match format {
        OutputFormat::Json => {
            out = serde_json::to_string_pretty(s).unwrap_or_default();
            out.push('\n');
        }
        OutputFormat::Jsonl => {
            out = serde_json::to_string(s).unwrap_or_default();
            out.push('\n');
        }
        OutputFormat::Text => {
            let _ = writeln!(out, "Brief of {} documents ({} words)\n", s.documents.len(), words);
            for line in &s.sentences {
                let c: Vec<String> = cites(&line.sources).iter().map(|n| n.to_string()).collect();
                let _ = writeln!(out, "- {} [{}]", line.text, c.join(", "));
            }
            let _ = writeln!(out, "\nSources");
            for (i, d) in s.documents.iter().enumerate() {
                let date = s.dates.get(i).cloned().flatten().map(|d| format!(" ({d})")).unwrap_or_default();
                let _ = writeln!(out, "  [{}] {}{}", i + 1, d, date);
            }
            if !s.entities.is_empty() {
                let _ = writeln!(out, "\nEntities (mentions / documents)");
                for e in s.entities.iter().take(12) {
                    let _ = writeln!(
                        out,
                        "  {:<32} {:<4} {:>4} / {}",
                        e.canonical,
                        e.kind.as_str(),
                        e.mentions,
                        e.documents
                    );
                }
            }
        }
        OutputFormat::Markdown => {
            let _ = writeln!(out, "## Brief of {} documents\n", s.documents.len());
            for line in &s.sentences {
                let c: Vec<String> = cites(&line.sources).iter().map(|n| format!("[{n}]")).collect();
                let _ = writeln!(out, "- {} {}", line.text, c.join(""));
            }
            let _ = writeln!(out, "\n### Sources\n");
            for (i, d) in s.documents.iter().enumerate() {
                let date = s.dates.get(i).cloned().flatten().map(|d| format!(" ({d})")).unwrap_or_default();
                let _ = writeln!(out, "{}. `{}`{}", i + 1, d, date);
            }
            if !s.entities.is_empty() {
                let _ = writeln!(out, "\n### Entities\n\n| entity | type | mentions | documents |\n|---|---|---|---|");
                for e in s.entities.iter().take(12) {
                    let _ =
                        writeln!(out, "| {} | {} | {} | {} |", e.canonical, e.kind.as_str(), e.mentions, e.documents);
                }
            }
        }
        OutputFormat::Html => {
            let mut body = format!("<h1>Brief of {} documents</h1>\n<ul>\n", s.documents.len());
            for line in &s.sentences {
                let c: Vec<String> =
                    cites(&line.sources).iter().map(|n| format!("<a href=\"#src{n}\">{n}</a>")).collect();
                let _ = writeln!(body, "<li>{} <sup>[{}]</sup></li>", html_escape(&line.text), c.join(", "));
            }
            body.push_str("</ul>\n<h2>Sources</h2>\n<ol>\n");
            for (i, d) in s.documents.iter().enumerate() {
                let _ = writeln!(body, "<li id=\"src{}\">{}</li>", i + 1, html_escape(d));
            }
            body.push_str("</ol>\n");
            body.push_str(&entity_table_html(&s.entities));
            out = html_page("brief", &body);
        }
    }
    out
}

fn entity_table_html(table: &[EntityCount]) -> String {
    if table.is_empty() {
        return String::new();
    }
    let mut body = String::from(
        "<h2>Entities</h2>\n<table>\n<tr><th>entity</th><th>type</th><th>mentions</th><th>documents</th></tr>\n",
    );
    for e in table {
        let _ = writeln!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            html_escape(&e.canonical),
            e.kind.as_str(),
            e.mentions,
            e.documents
        );
    }
    body.push_str("</table>\n");
    body
}

/// Renders per-document records (and, for `entities`, the cluster table).
pub fn render_docs(
    records: &[DocOutput],
    table: Option<&[EntityCount]>,
    format: OutputFormat,
    explain: bool,
) -> String {
    let mut out = String::new();
    match format {
        OutputFormat::Json => {
            let value = match table {
                Some(t) => serde_json::json!({ "documents": records, "entities": t }),
                None => serde_json::to_value(records).unwrap_or_default(),
            };
            out = serde_json::to_string_pretty(&value).unwrap_or_default();
            out.push('\n');
        }
        OutputFormat::Jsonl => {
            for r in records {
                out.push_str(&serde_json::to_string(r).unwrap_or_default());
                out.push('\n');
            }
        }
        OutputFormat::Text | OutputFormat::Markdown => {
            let md = format == OutputFormat::Markdown;
            let many = records.len() > 1;
            for r in records {
                // The entity table is the human view of `entities`; per-mention
                // lists are for the machine formats (or a failed input).
                if table.is_some() && !matches!(r, DocOutput::Error(_)) {
                    continue;
                }
                render_doc_text(&mut out, r, many, md, explain);
            }
            if let Some(t) = table {
                render_table_text(&mut out, t, md);
            }
        }
        OutputFormat::Html => {
            let mut body = String::new();
            for r in records {
                let mut text = String::new();
                render_doc_text(&mut text, r, true, false, explain);
                let _ = writeln!(body, "<pre>{}</pre>", html_escape(&text));
            }
            if let Some(t) = table {
                body.push_str(&entity_table_html(t));
            }
            out = html_page("brief", &body);
        }
    }
    out
}

fn doc_id(r: &DocOutput) -> &str {
    match r {
        DocOutput::Clean(c) => &c.id,
        DocOutput::Lang(c) => &c.id,
        DocOutput::Entities(c) => &c.id,
        DocOutput::Sentences(c) => &c.id,
        DocOutput::Tokens(c) => &c.id,
        DocOutput::Error(e) => e.id.as_deref().unwrap_or("?"),
    }
}

fn render_doc_text(out: &mut String, r: &DocOutput, header: bool, md: bool, explain: bool) {
    if header && !matches!(r, DocOutput::Lang(_)) {
        if md {
            let _ = writeln!(out, "## {}\n", doc_id(r));
        } else {
            let _ = writeln!(out, "==> {} <==", doc_id(r));
        }
    }
    match r {
        DocOutput::Clean(c) => {
            if explain {
                for (keep, text, reason) in &c.blocks {
                    match (keep, reason) {
                        (true, _) => {
                            let _ = writeln!(out, "  {text}");
                        }
                        // The title is kept (apart from the body), not removed.
                        (false, Some(reason)) if reason == "title" => {
                            let _ = writeln!(out, "# [title] {text}");
                        }
                        (false, Some(reason)) => {
                            let _ = writeln!(out, "- [{reason}] {text}");
                        }
                        (false, None) => {
                            let _ = writeln!(out, "- {text}");
                        }
                    }
                }
            } else {
                if let Some(t) = &c.title {
                    let _ = writeln!(out, "{}{}\n", if md { "# " } else { "" }, t);
                }
                let _ = writeln!(out, "{}", c.text);
            }
        }
        DocOutput::Lang(l) => {
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{:.2}\t{}",
                l.id,
                l.lang,
                l.script,
                l.confidence,
                if l.reliable { "reliable" } else { "unreliable" }
            );
            for p in l.paragraphs.iter().flatten() {
                let _ = writeln!(
                    out,
                    "  {}..{}\t{}\t{:.2}\t{}",
                    p.start,
                    p.end,
                    p.lang,
                    p.confidence,
                    if p.reliable { "reliable" } else { "unreliable" }
                );
            }
        }
        DocOutput::Entities(e) => {
            for m in &e.entities {
                let _ = writeln!(out, "{}..{}\t{}\t{}\t{}", m.start, m.end, m.kind, m.text, m.canonical);
            }
        }
        DocOutput::Sentences(s) => {
            for x in &s.sentences {
                let _ = writeln!(out, "{}", x.text);
            }
        }
        DocOutput::Tokens(t) => {
            for x in &t.tokens {
                let _ = writeln!(
                    out,
                    "{}..{}\t{}\t{}\t{}{}",
                    x.start,
                    x.end,
                    x.text,
                    x.norm,
                    x.stem,
                    if x.stop { "\tstop" } else { "" }
                );
            }
        }
        DocOutput::Error(e) => {
            let _ = writeln!(out, "error: {}", e.error);
        }
    }
    if header && !matches!(r, DocOutput::Lang(_)) {
        out.push('\n');
    }
}

fn render_table_text(out: &mut String, table: &[EntityCount], md: bool) {
    if md {
        let _ = writeln!(out, "## Entities\n\n| entity | type | mentions | documents |\n|---|---|---|---|");
        for e in table {
            let _ = writeln!(out, "| {} | {} | {} | {} |", e.canonical, e.kind.as_str(), e.mentions, e.documents);
        }
    } else {
        let _ = writeln!(out, "{:<36} {:<5} {:>8} {:>9}", "ENTITY", "TYPE", "MENTIONS", "DOCUMENTS");
        for e in table {
            let _ = writeln!(out, "{:<36} {:<5} {:>8} {:>9}", e.canonical, e.kind.as_str(), e.mentions, e.documents);
        }
    }
}
