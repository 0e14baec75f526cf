//! Reading inputs: files, directories, standard input and JSON Lines, into
//! [`SourceDoc`]s or per-input errors. Nothing here stops the run: every
//! input ends up as a document or as an [`InputError`].

use std::io::Read;
use std::path::{Path, PathBuf};

pub use brief_detect::parse_date_header;
use brief_detect::{html_to_document, text_to_document, Block, BlockKind};
use brief_tokenize::Span;
use serde::Deserialize;

/// One input document, decoded to UTF-8, with its blocks.
#[derive(Clone, Debug, Default)]
pub struct SourceDoc {
    /// Identifier printed in outputs (the path, the JSONL id, or `-`).
    pub id: String,
    /// The document text every span indexes (for HTML: the extracted text).
    pub text: String,
    /// Publication date (`YYYY-MM-DD`) from a header, metadata or JSONL.
    pub date: Option<String>,
    /// Title given as metadata (JSONL `title`, HTML `<title>`).
    pub title: Option<String>,
    /// Language given by the caller (JSONL `lang`), overriding detection.
    pub lang_hint: Option<String>,
    /// URL given as metadata.
    pub url: Option<String>,
    /// The document's blocks (paragraphs, title, headings) in reading order.
    pub blocks: Vec<Block>,
    /// Warnings met while reading (invalid UTF-8 replaced, …).
    pub warnings: Vec<String>,
}

/// An input that could not be turned into a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// The id of the input if known (path, JSONL id).
    pub id: Option<String>,
    /// Where: the path and, for JSONL, the line number.
    pub location: String,
    /// What went wrong.
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// How a file's bytes are to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text (`.txt`, `.md`, anything given explicitly).
    Text,
    /// HTML (`.html`, `.htm`, or content that starts like HTML).
    Html,
}

/// Lists the files named by `paths`: files as given, directories walked
/// recursively in sorted order keeping `.txt`, `.md`, `.html`, `.htm`.
/// Unreadable paths become errors; other files in directories are reported
/// in `skipped`.
pub fn expand_paths(paths: &[PathBuf], skipped: &mut Vec<String>) -> Vec<Result<PathBuf, InputError>> {
    let mut out = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk_dir(p, &mut out, skipped),
            Ok(_) => out.push(Ok(p.clone())),
            Err(e) => out.push(Err(InputError {
                id: Some(p.display().to_string()),
                location: p.display().to_string(),
                message: format!("cannot read: {e}"),
            })),
        }
    }
    out
}

fn walk_dir(dir: &Path, out: &mut Vec<Result<PathBuf, InputError>>, skipped: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(Err(InputError {
                id: Some(dir.display().to_string()),
                location: dir.display().to_string(),
                message: format!("cannot read directory: {e}"),
            }));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk_dir(&p, out, skipped);
        } else if has_supported_extension(&p) {
            out.push(Ok(p));
        } else {
            skipped.push(p.display().to_string());
        }
    }
}

fn has_supported_extension(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("txt" | "md" | "html" | "htm")
    )
}

/// Reads one file into a document.
pub fn read_file(path: &Path) -> Result<SourceDoc, InputError> {
    let id = path.display().to_string();
    let err = |message: String| InputError { id: Some(id.clone()), location: id.clone(), message };
    let bytes = std::fs::read(path).map_err(|e| err(format!("cannot read: {e}")))?;
    let is_html = matches!(
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("html" | "htm")
    );
    from_bytes(&id, &bytes, if is_html { Format::Html } else { Format::Text }).map_err(err)
}

/// Reads all of standard input as one document.
pub fn read_stdin() -> Result<SourceDoc, InputError> {
    let mut bytes = Vec::new();
    let err = |message: String| InputError { id: Some("-".into()), location: "<stdin>".into(), message };
    std::io::stdin().read_to_end(&mut bytes).map_err(|e| err(format!("cannot read: {e}")))?;
    let fmt = if looks_like_html(&bytes) { Format::Html } else { Format::Text };
    from_bytes("-", &bytes, fmt).map_err(err)
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).trim_start().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Decodes bytes (invalid UTF-8 replaced, with a warning) and builds the
/// document; binary and empty inputs are errors.
pub fn from_bytes(id: &str, bytes: &[u8], format: Format) -> Result<SourceDoc, String> {
    if is_binary(bytes) {
        return Err("binary data (not text), skipped".into());
    }
    let (text, warning) = match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(e) => (
            String::from_utf8_lossy(bytes).into_owned(),
            Some(format!(
                "invalid UTF-8 (first bad byte at offset {}); invalid bytes replaced by U+FFFD",
                e.valid_up_to()
            )),
        ),
    };
    let mut doc = document(id, text, format)?;
    doc.warnings.extend(warning);
    Ok(doc)
}

/// Builds the document from text that is already UTF-8 (a JSONL string
/// field): no copy, no second validation. Binary and empty inputs are errors.
pub fn from_string(id: &str, text: String, format: Format) -> Result<SourceDoc, String> {
    if is_binary(text.as_bytes()) {
        return Err("binary data (not text), skipped".into());
    }
    document(id, text, format)
}

fn document(id: &str, mut text: String, format: Format) -> Result<SourceDoc, String> {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    let doc = match format {
        Format::Text => text_document(id, text),
        Format::Html => html_document(id, &text),
    };
    if doc.blocks.is_empty() {
        return Err("empty document (no text)".into());
    }
    Ok(doc)
}

/// Binary: a NUL byte, or many control characters, in the first 8 KiB.
fn is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    // control bytes other than tab, newline, form feed and carriage return,
    // counted branch-free in byte lanes (the compiler vectorises it)
    let control: usize = head
        .chunks(255)
        .map(|chunk| {
            let n = chunk.iter().fold(0u8, |n, &b| {
                let control = (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != 0x0c) & (b != b'\r');
                n + u8::from(control)
            });
            usize::from(n)
        })
        .sum();
    control * 10 > head.len().max(1)
}

/// A plain-text document: ` date YYYY-MM-DD` header as metadata, blocks from
/// [`brief_detect::text_to_document`].
pub fn text_document(id: &str, text: String) -> SourceDoc {
    let layout = text_to_document(&text);
    let date = layout.date.map(str::to_string);
    let blocks = layout.blocks;
    SourceDoc { id: id.to_string(), text, date, blocks, ..SourceDoc::default() }
}

fn html_document(id: &str, html: &str) -> SourceDoc {
    let h = html_to_document(html);
    SourceDoc {
        id: id.to_string(),
        text: h.text,
        date: h.date,
        title: h.title,
        lang_hint: None,
        url: None,
        blocks: h.blocks,
        warnings: Vec::new(),
    }
}

/// A JSON Lines document record.
#[derive(Clone, Debug, Deserialize)]
pub struct DocRecord {
    /// Document id.
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    /// Plain text.
    #[serde(default)]
    pub text: Option<String>,
    /// Raw HTML.
    #[serde(default)]
    pub html: Option<String>,
    /// Language code supplied by the caller.
    #[serde(default)]
    pub lang: Option<String>,
    /// Publication date.
    #[serde(default)]
    pub date: Option<String>,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// URL.
    #[serde(default)]
    pub url: Option<String>,
    /// For cluster records: the documents.
    #[serde(default)]
    pub docs: Option<Vec<DocRecord>>,
}

/// One parsed JSONL input line.
#[derive(Clone, Debug)]
pub enum Record {
    /// A document.
    Doc(SourceDoc),
    /// A cluster of documents (for `summarize`).
    Cluster {
        /// Cluster id.
        id: String,
        /// Its documents (each good or an error).
        docs: Vec<Result<SourceDoc, InputError>>,
    },
    /// A line that could not be used.
    Error(InputError),
}

fn id_string(v: &Option<serde_json::Value>) -> Option<String> {
    match v {
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    }
}

/// Parses one JSONL line (1-based `line_no` for messages).
pub fn parse_jsonl_line(source: &str, line_no: usize, line: &str) -> Record {
    let location = format!("{source}:{line_no}");
    let mut rec: DocRecord = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => {
            // Try to recover the id for the error record.
            let id = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .and_then(|v| id_string(&Some(v)));
            return Record::Error(InputError { id, location, message: format!("invalid JSON record: {e}") });
        }
    };
    let id = id_string(&rec.id);
    if let Some(docs) = rec.docs.take() {
        let cid = id.clone().unwrap_or_else(|| format!("line{line_no}"));
        let docs = docs
            .into_iter()
            .enumerate()
            .map(|(k, d)| {
                let did = id_string(&d.id).unwrap_or_else(|| format!("{cid}#{k}"));
                doc_from_record(did.clone(), d).map_err(|message| InputError {
                    id: Some(did),
                    location: format!("{location} (docs[{k}])"),
                    message,
                })
            })
            .collect();
        return Record::Cluster { id: cid, docs };
    }
    let did = id.clone().unwrap_or_else(|| format!("line{line_no}"));
    match doc_from_record(did, rec) {
        Ok(d) => Record::Doc(d),
        Err(message) => Record::Error(InputError { id, location, message }),
    }
}

fn doc_from_record(id: String, rec: DocRecord) -> Result<SourceDoc, String> {
    let DocRecord { text, html, lang, date, title, url, .. } = rec;
    let mut doc = match (text, html) {
        (Some(t), _) => from_string(&id, t, Format::Text)?,
        (None, Some(h)) => from_string(&id, h, Format::Html)?,
        (None, None) => return Err("record has neither \"text\" nor \"html\" (nor \"docs\")".into()),
    };
    if date.is_some() {
        doc.date = date;
    }
    if title.is_some() {
        doc.title = title;
    }
    doc.lang_hint = lang;
    doc.url = url;
    Ok(doc)
}

/// The span of the title block, if the document has one.
pub fn title_span(doc: &SourceDoc) -> Option<Span> {
    doc.blocks.iter().find(|b| b.kind == BlockKind::Title).map(|b| b.span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_detection() {
        let long_text = "word \t\r\n\x0c".repeat(3000);
        let many_controls = format!("{}{}", "a".repeat(80), "\x01".repeat(20));
        let few_controls = format!("{}{}", "a".repeat(95), "\x01".repeat(5));
        // controls far past the first 8 KiB are not looked at
        let late_controls = format!("{}{}", "a".repeat(8192), "\x07".repeat(5000));
        let table: &[(&str, bool)] = &[
            ("", false),
            ("plain text\nwith lines\r\n", false),
            (&long_text, false),
            ("text with a NUL\0 byte", true),
            (&many_controls, true),
            (&few_controls, false),
            (&late_controls, false),
            ("\x1b\x1b\x1b", true),
        ];
        for (input, expected) in table {
            assert_eq!(is_binary(input.as_bytes()), *expected, "{:?}", &input[..input.len().min(40)]);
        }
    }

    #[test]
    fn text_document_title_and_blocks() {
        let d = text_document("x", "Taliban near gates of Kabul\nKABUL: The Taliban advanced.\n- A bullet\n".into());
        let kinds: Vec<BlockKind> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Title, BlockKind::Paragraph, BlockKind::ListItem]);
        for b in &d.blocks {
            assert!(!d.text[b.span].is_empty());
        }
    }

    #[test]
    fn date_header_is_metadata_not_text() {
        let d = text_document("x", " date 2021-08-13 The Taliban captured cities.\n\nMore.".into());
        assert_eq!(d.date.as_deref(), Some("2021-08-13"));
        assert_eq!(&d.text[d.blocks[0].span], "The Taliban captured cities.");
        assert_eq!(d.blocks[0].kind, BlockKind::Paragraph);
    }

    #[test]
    fn bad_inputs_are_errors_not_panics() {
        assert!(from_bytes("e", b"", Format::Text).is_err());
        assert!(from_bytes("e", b"   \n\n ", Format::Text).is_err());
        assert!(from_bytes("b", b"\x00\x01\x02ELF", Format::Text).is_err());
        let d = from_bytes("u", b"Caf\xe9 ouvert.", Format::Text).unwrap();
        assert_eq!(d.warnings.len(), 1);
        assert!(d.text.contains('\u{fffd}'));
    }

    #[test]
    fn jsonl_lines() {
        assert!(matches!(parse_jsonl_line("-", 1, r#"{"id":"a","text":"Hello world."}"#), Record::Doc(_)));
        match parse_jsonl_line("-", 2, r#"{"id":7,"text":5}"#) {
            Record::Error(e) => assert_eq!((e.id.as_deref(), e.location.as_str()), (Some("7"), "-:2")),
            other => panic!("{other:?}"),
        }
        assert!(matches!(parse_jsonl_line("-", 3, "not json"), Record::Error(_)));
        assert!(matches!(parse_jsonl_line("-", 4, r#"{"id":"x"}"#), Record::Error(_)));
        match parse_jsonl_line("-", 5, r#"{"id":"c","docs":[{"id":"a","text":"One."},{"id":"b"}]}"#) {
            Record::Cluster { id, docs } => {
                assert_eq!(id, "c");
                assert!(docs[0].is_ok() && docs[1].is_err());
            }
            other => panic!("{other:?}"),
        }
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        fn check_doc(d: &SourceDoc) {
            let mut last = 0;
            for b in &d.blocks {
                assert!(b.span.start >= last && b.span.start < b.span.end && b.span.end <= d.text.len());
                let t = d.text.get(b.span.start..b.span.end).expect("block on char boundaries");
                assert_eq!(t, t.trim(), "blocks are trimmed");
                last = b.span.end;
            }
        }

        proptest! {
            #[test]
            fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
                for format in [Format::Text, Format::Html] {
                    if let Ok(d) = from_bytes("p", &bytes, format) {
                        check_doc(&d);
                    }
                }
            }

            #[test]
            fn any_text_never_panics(text in "\\PC{0,300}", header in prop::bool::ANY) {
                let text = if header { format!(" date 2021-08-13 {text}") } else { text };
                let d = text_document("p", text.clone());
                check_doc(&d);
                let _ = parse_date_header(&text);
            }

            #[test]
            fn any_jsonl_line_never_panics(line in "\\PC{0,200}") {
                let _ = parse_jsonl_line("-", 1, &line);
                let rec = serde_json::json!({"id": line.clone(), "text": line.clone()}).to_string();
                match parse_jsonl_line("-", 2, &rec) {
                    Record::Doc(d) => { prop_assert_eq!(&d.id, &line); check_doc(&d); }
                    Record::Error(e) => prop_assert!(e.message.contains("empty") || e.message.contains("binary")),
                    Record::Cluster { .. } => prop_assert!(false, "not a cluster"),
                }
            }
        }
    }
}
