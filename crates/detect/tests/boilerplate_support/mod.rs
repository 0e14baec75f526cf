//! Shared by the boilerplate tests and the `boilerplate_eval` example: the
//! labelled data under `data/boilerplate/`, plain text turned into blocks
//! the way the CLI does it, and content precision / recall by characters.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use brief_detect::{html_to_document, Block, BoilerplateClassifier, ClusterDoc, Label, LanguageDetector, Verdict};
use brief_tokenize::Span;

pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/boilerplate")
}

pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// A plain-text document with one expected label per block.
#[derive(Clone, Debug)]
pub struct LabelledText {
    pub name: String,
    pub text: String,
    pub blocks: Vec<Block>,
    /// "content", "title" or a reason name, one per block (the label of
    /// the block's first line when the paragraph splitter joined lines).
    pub labels: Vec<String>,
    /// Every labelled line: its span in `text` and its label.
    pub lines: Vec<(Span, String)>,
}

/// Blocks of plain text as the CLI builds them.
pub fn text_blocks(text: &str) -> Vec<Block> {
    brief_detect::text_to_document(text).blocks
}

/// The seeds with their hand labels (`data/boilerplate/seeds.tsv`).
pub fn seeds() -> Vec<LabelledText> {
    let labels = fs::read_to_string(data_dir().join("seeds.tsv")).expect("seeds.tsv");
    let mut files: Vec<PathBuf> = fs::read_dir(seeds_dir())
        .expect("seeds dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let text = fs::read_to_string(&p).expect("seed");
            let blocks = text_blocks(&text);
            let mine: Vec<(&str, &str)> = labels
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .filter_map(|l| {
                    let mut f = l.splitn(3, '\t');
                    let (seed, label, head) = (f.next()?, f.next()?, f.next()?);
                    name.starts_with(seed).then_some((label, head))
                })
                .collect();
            assert_eq!(mine.len(), blocks.len(), "{name}: labels vs blocks");
            for ((_, head), b) in mine.iter().zip(&blocks) {
                assert!(text[b.span].starts_with(head), "{name}: label for {head:?} on {:?}", &text[b.span]);
            }
            let lines = blocks.iter().zip(&mine).map(|(b, (l, _))| (b.span, l.to_string())).collect();
            LabelledText { name, text, blocks, labels: mine.iter().map(|(l, _)| l.to_string()).collect(), lines }
        })
        .collect()
}

/// A labelled plain-text file: `label| text` per line, `#` lines are
/// comments; `#sep blank` joins lines with blank lines.
pub fn parse_labelled(name: &str, src: &str) -> LabelledText {
    let mut sep = "\n";
    let mut text = String::new();
    let mut lines = Vec::new();
    for line in src.lines() {
        if let Some(meta) = line.strip_prefix('#') {
            if meta.trim() == "sep blank" {
                sep = "\n\n";
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let (label, body) = line.split_once("| ").unwrap_or_else(|| panic!("{name}: no label in {line:?}"));
        let label = match label.trim() {
            "C" => "content",
            "T" => "title",
            other => other,
        };
        if !text.is_empty() {
            text.push_str(sep);
        }
        let start = text.len();
        text.push_str(body.trim());
        lines.push((Span::new(start, text.len()), label.to_string()));
    }
    let blocks = text_blocks(&text);
    // the paragraph splitter may join a line with the next (a wrapped
    // sentence); a block takes the label of its first line
    let labels = blocks
        .iter()
        .map(|b| {
            let first = lines.iter().find(|(s, _)| b.span.contains(*s));
            first.unwrap_or_else(|| panic!("{name}: block without a line")).1.clone()
        })
        .collect();
    LabelledText { name: name.to_string(), text, blocks, labels, lines }
}

/// Clusters of labelled plain-text documents: `data/boilerplate/text/<cluster>/*.txt`.
pub fn text_clusters() -> Vec<(String, Vec<LabelledText>)> {
    let root = data_dir().join("text");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root).expect("text dir").map(|e| e.expect("entry").path()).collect();
    dirs.sort();
    dirs.into_iter()
        .filter(|d| d.is_dir())
        .map(|d| {
            let mut files: Vec<PathBuf> =
                fs::read_dir(&d).expect("cluster").map(|e| e.expect("entry").path()).collect();
            files.sort();
            let cluster = d.file_name().unwrap().to_string_lossy().to_string();
            let docs = files
                .iter()
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .map(|p| {
                    let name = format!("{cluster}/{}", p.file_name().unwrap().to_string_lossy());
                    parse_labelled(&name, &fs::read_to_string(p).expect("doc"))
                })
                .collect();
            (cluster, docs)
        })
        .collect()
}

/// Classifies a cluster of labelled documents the way the CLI does
/// (language per document, then `classify_cluster`).
pub fn classify(docs: &[LabelledText]) -> Vec<Vec<Verdict>> {
    let detector = LanguageDetector::new();
    let langs: Vec<_> = docs
        .iter()
        .map(|d| {
            let spans: Vec<Span> = d.blocks.iter().map(|b| b.span).collect();
            detector.detect_document(&d.text, &spans).document.language()
        })
        .collect();
    let cluster: Vec<ClusterDoc<'_>> =
        docs.iter().zip(&langs).map(|(d, &lang)| ClusterDoc { text: &d.text, blocks: &d.blocks, lang }).collect();
    BoilerplateClassifier::new().classify_cluster(&cluster)
}

/// The label name a verdict stands for ("content", "title", reason name).
pub fn verdict_label(v: &Verdict) -> &'static str {
    match v.label {
        Label::Content => "content",
        Label::Title => "title",
        Label::Boilerplate => v.reason.map_or("boilerplate", |r| r.as_str()),
    }
}

/// Character counts for content precision / recall.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub kept: usize,
    pub gold: usize,
    pub both: usize,
}

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.kept += o.kept;
        self.gold += o.gold;
        self.both += o.both;
    }
    pub fn precision(&self) -> f64 {
        if self.kept == 0 {
            1.0
        } else {
            self.both as f64 / self.kept as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.both as f64 / self.gold as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Content characters kept / labelled / both, for one labelled document.
pub fn text_counts(doc: &LabelledText, verdicts: &[Verdict]) -> Counts {
    let mut c = Counts::default();
    for (span, label) in &doc.lines {
        let Some(v) = verdicts.iter().find(|v| v.span.contains(*span)) else { continue };
        let n = doc.text[*span].chars().count();
        let gold = label == "content";
        let kept = v.is_content();
        c.kept += if kept { n } else { 0 };
        c.gold += if gold { n } else { 0 };
        c.both += if kept && gold { n } else { 0 };
    }
    c
}

/// An HTML page with its expected title and content paragraphs.
pub struct LabelledHtml {
    pub name: String,
    pub html: String,
    pub title: Option<String>,
    pub content: Vec<String>,
}

/// `data/boilerplate/html/*.html` with `*.gold` beside: `T| title`, `C| paragraph`.
pub fn html_pages() -> Vec<LabelledHtml> {
    let root = data_dir().join("html");
    let mut files: Vec<PathBuf> = fs::read_dir(&root)
        .expect("html dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let gold = fs::read_to_string(p.with_extension("gold")).expect("gold file");
            let mut title = None;
            let mut content = Vec::new();
            for line in gold.lines() {
                if let Some(t) = line.strip_prefix("T| ") {
                    title = Some(t.trim().to_string());
                } else if let Some(c) = line.strip_prefix("C| ") {
                    content.push(c.trim().to_string());
                }
            }
            LabelledHtml {
                name: p.file_name().unwrap().to_string_lossy().to_string(),
                html: fs::read_to_string(&p).expect("html"),
                title,
                content,
            }
        })
        .collect()
}

fn tokens(t: &str) -> Vec<String> {
    let mut v: Vec<String> =
        t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect();
    v.sort();
    v
}

/// Character-weighted bag-of-words overlap of extracted and expected text
/// (the measure of the main-text extraction benchmarks: independent of how
/// either side cuts blocks).
pub fn bag_counts(kept: &str, gold: &str) -> Counts {
    let a = tokens(kept);
    let b = tokens(gold);
    let len = |v: &[String]| v.iter().map(|w| w.chars().count()).sum::<usize>();
    let (mut i, mut j, mut both) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += a[i].chars().count();
                i += 1;
                j += 1;
            }
        }
    }
    Counts { kept: len(&a), gold: len(&b), both }
}

/// Extracts and classifies a page; returns (kept body text, title block text).
pub fn html_extract(html: &str) -> (String, Option<String>) {
    let doc = html_to_document(html);
    let spans: Vec<Span> = doc.blocks.iter().map(|b| b.span).collect();
    let lang = LanguageDetector::new().detect_document(&doc.text, &spans).document.language();
    let verdicts = BoilerplateClassifier::new().classify(&doc.text, &doc.blocks, lang);
    let kept: Vec<&str> = verdicts.iter().filter(|v| v.is_content()).map(|v| &doc.text[v.span]).collect();
    let title = verdicts.iter().find(|v| v.label == Label::Title).map(|v| doc.text[v.span].to_string());
    (kept.join("\n"), title)
}
