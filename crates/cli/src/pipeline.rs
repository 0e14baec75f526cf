//! The stages composed: language → boilerplate → sentences → entities →
//! summary. Per-document work takes `&self` and `&SourceDoc` so the caller
//! can map it over documents with rayon; cluster-level steps take slices.

use brief_detect::{
    BlockKind, BoilerplateClassifier, ClusterDoc, Detection, DocumentLanguage, Label, LanguageDetector, Verdict,
};
use brief_gazetteer::{count_entities, EntityCount, Gazetteer, Mention};
use brief_summarize::{Document, Summarizer};
use brief_tokenize::{Language, SentenceSplitter, Span, Tokenizer};
use rayon::prelude::*;
use serde::Serialize;

use crate::ingest::SourceDoc;

/// The configured stages.
#[derive(Clone, Debug)]
pub struct Engine {
    /// Language identification.
    pub detector: LanguageDetector,
    /// Boilerplate classification.
    pub classifier: BoilerplateClassifier,
    /// Entity matching with user lists; `None`: the embedded gazetteer,
    /// loaded on first use (commands that find no entities never pay for it).
    pub gazetteer: Option<Gazetteer>,
    /// Keep boilerplate blocks as content (`--keep-boilerplate`).
    pub keep_boilerplate: bool,
}

impl Default for Engine {
    fn default() -> Self {
        Engine {
            detector: LanguageDetector::new(),
            classifier: BoilerplateClassifier::new(),
            gazetteer: None,
            keep_boilerplate: false,
        }
    }
}

/// A document after language detection and boilerplate classification.
#[derive(Clone, Debug)]
pub struct Analyzed {
    /// The input.
    pub doc: SourceDoc,
    /// Document and per-block language.
    pub lang: DocumentLanguage,
    /// One verdict per block of `doc.blocks`.
    pub verdicts: Vec<Verdict>,
}

impl Analyzed {
    /// The document language when brief has a stemmer for it.
    pub fn language(&self) -> Option<Language> {
        self.lang.document.language()
    }

    /// Spans of the content blocks, in order.
    pub fn content(&self) -> Vec<Span> {
        self.verdicts.iter().filter(|v| v.label == Label::Content).map(|v| v.span).collect()
    }

    /// The title span, if one was recognised.
    pub fn title(&self) -> Option<Span> {
        self.verdicts.iter().find(|v| v.label == Label::Title).map(|v| v.span)
    }

    /// Language of block `i` (inherits the document language).
    fn block_language(&self, i: usize) -> Option<Language> {
        match self.lang.paragraphs.get(i) {
            // the usual case, decided without parsing the code again
            Some(p) if p.detection.lang == self.lang.document.lang => self.language(),
            p => p.and_then(|p| p.detection.language()).or_else(|| self.language()),
        }
    }
}

fn hint_detection(hint: &str) -> Option<Detection> {
    let lang = Language::from_code(hint)?;
    Some(Detection { lang: lang.code(), script: script_of(lang), confidence: 1.0, reliable: true })
}

fn script_of(lang: Language) -> &'static str {
    match lang {
        Language::Arabic => "Arabic",
        Language::Greek => "Greek",
        Language::Russian => "Cyrillic",
        Language::Tamil => "Tamil",
        _ => "Latin",
    }
}

impl Engine {
    /// Detects the language of a document and each of its blocks.
    pub fn language(&self, doc: &SourceDoc) -> DocumentLanguage {
        let spans: Vec<Span> = doc.blocks.iter().map(|b| b.span).collect();
        let mut lang = self.detector.detect_document(&doc.text, &spans);
        if let Some(hint) = doc.lang_hint.as_deref().and_then(hint_detection) {
            lang.document = hint;
            for p in &mut lang.paragraphs {
                p.detection = hint;
            }
        }
        lang
    }

    /// Language + boilerplate for a cluster of documents (parallel over
    /// documents; classification sees the whole cluster).
    pub fn analyze(&self, docs: Vec<SourceDoc>) -> Vec<Analyzed> {
        let langs: Vec<DocumentLanguage> = docs.par_iter().map(|d| self.language(d)).collect();
        let verdicts: Vec<Vec<Verdict>> = if self.keep_boilerplate {
            docs.iter()
                .map(|d| {
                    d.blocks
                        .iter()
                        .map(|b| Verdict {
                            span: b.span,
                            label: if b.kind == BlockKind::Title { Label::Title } else { Label::Content },
                            reason: None,
                            score: 1.0,
                        })
                        .collect()
                })
                .collect()
        } else {
            let cluster: Vec<ClusterDoc<'_>> = docs
                .iter()
                .zip(&langs)
                .map(|(d, l)| ClusterDoc { text: &d.text, blocks: &d.blocks, lang: l.document.language() })
                .collect();
            self.classifier.classify_cluster(&cluster)
        };
        docs.into_iter()
            .zip(langs)
            .zip(verdicts)
            .map(|((doc, lang), verdicts)| Analyzed { doc, lang, verdicts })
            .collect()
    }

    /// Sentences of the given blocks (`clean`: only content blocks).
    pub fn sentences(&self, a: &Analyzed, clean: bool) -> Vec<Span> {
        let mut out = Vec::with_capacity(a.verdicts.len() * 2);
        // one splitter per run of blocks in the same language
        let mut splitter = SentenceSplitter::new(a.language());
        for (i, v) in a.verdicts.iter().enumerate() {
            if clean && v.label != Label::Content {
                continue;
            }
            let lang = a.block_language(i);
            if lang != splitter.language() {
                splitter = SentenceSplitter::new(lang);
            }
            splitter.split_paragraph_into(&a.doc.text, v.span, &mut out);
        }
        out
    }

    /// Entity mentions in the content of each document of a cluster: list
    /// matches, cues, and names propagated within and across the documents.
    pub fn entities(&self, docs: &[Analyzed]) -> Vec<Vec<Mention>> {
        let gazetteer = self.gazetteer.clone().unwrap_or_default();
        let parts: Vec<Vec<Span>> = docs
            .iter()
            .map(|a| if self.keep_boilerplate { a.verdicts.iter().map(|v| v.span).collect() } else { a.content() })
            .collect();
        let cluster: Vec<(&str, &[Span])> =
            docs.iter().zip(&parts).map(|(a, p)| (a.doc.text.as_str(), &p[..])).collect();
        gazetteer.find_cluster(&cluster)
    }
}

/// One summary sentence as printed.
#[derive(Clone, Debug, Serialize)]
pub struct SummaryLine {
    /// The sentence.
    pub text: String,
    /// Ids of every document that carries it.
    pub sources: Vec<String>,
    /// Id of the document it was taken from.
    pub doc: String,
    /// Byte offsets in that document.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// Selection score.
    pub score: f64,
}

/// The result of summarizing one cluster.
#[derive(Clone, Debug, Serialize)]
pub struct ClusterSummary {
    /// Cluster id.
    pub id: String,
    /// The summary text.
    pub summary: String,
    /// The summary sentences with citations and offsets.
    pub sentences: Vec<SummaryLine>,
    /// The cluster's top entities.
    pub entities: Vec<EntityCount>,
    /// The ids of the documents summarized, in input order.
    pub documents: Vec<String>,
    /// The documents' dates where known (same order).
    #[serde(skip)]
    pub dates: Vec<Option<String>>,
}

/// Summarizes one cluster.
pub fn summarize(engine: &Engine, summarizer: &Summarizer, id: &str, docs: Vec<SourceDoc>) -> ClusterSummary {
    let analyzed = engine.analyze(docs);
    let sentences: Vec<Vec<Span>> = analyzed.par_iter().map(|a| engine.sentences(a, true)).collect();
    let inputs: Vec<Document<'_>> = analyzed
        .iter()
        .zip(&sentences)
        .map(|(a, s)| Document {
            text: &a.doc.text,
            sentences: s,
            lang: a.language(),
            date: a.doc.date.as_deref(),
            title: a.title(),
        })
        .collect();
    let summary = summarizer.summarize(&inputs);
    let ids: Vec<String> = analyzed.iter().map(|a| a.doc.id.clone()).collect();
    let lines: Vec<SummaryLine> = summary
        .sentences
        .iter()
        .map(|s| SummaryLine {
            text: analyzed[s.doc].doc.text[s.span].to_string(),
            sources: s.sources.iter().map(|&d| ids[d].clone()).collect(),
            doc: ids[s.doc].clone(),
            start: s.span.start,
            end: s.span.end,
            score: (s.score * 1e6).round() / 1e6,
        })
        .collect();
    let mentions = engine.entities(&analyzed);
    let mut entities = count_entities(&mentions);
    entities.truncate(20);
    ClusterSummary {
        id: id.to_string(),
        summary: summary.text(&inputs),
        sentences: lines,
        entities,
        documents: ids,
        dates: analyzed.iter().map(|a| a.doc.date.clone()).collect(),
    }
}

/// A token as printed by `brief tokens`.
#[derive(Clone, Debug, Serialize)]
pub struct TokenOut {
    /// The token's text.
    pub text: String,
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Normal form.
    pub norm: String,
    /// Stem.
    pub stem: String,
    /// Stopword flag.
    pub stop: bool,
    /// Token kind (`word`, `number`, `abbreviation`, `url`, `email`, `hashtag`, `mention`).
    pub kind: brief_tokenize::TokenKind,
}

/// The tokens of every block of a document (sentences split first, so token
/// spans index the document text).
pub fn tokens(engine: &Engine, a: &Analyzed) -> Vec<TokenOut> {
    let mut out = Vec::new();
    let tokenizer = Tokenizer::new(a.language());
    for s in engine.sentences(a, false) {
        for t in tokenizer.tokens(&a.doc.text[s]) {
            out.push(TokenOut {
                text: t.text.to_string(),
                start: s.start + t.span.start,
                end: s.start + t.span.end,
                norm: t.norm.into_owned(),
                stem: t.stem.into_owned(),
                stop: t.stop,
                kind: t.kind,
            });
        }
    }
    out
}
