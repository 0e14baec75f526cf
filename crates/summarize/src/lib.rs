//! # brief-summarize
//!
//! Multi-document extractive summarization of one cluster, and ROUGE.
//!
//! - [`Summarizer`] (built with [`Summarizer::builder`]) takes the clean
//!   sentences of each [`Document`], groups near-duplicate sentences across
//!   sources, selects whole sentences under a [`Budget`] with an
//!   [`Algorithm`], and orders them as a story (by date, then by the earliest
//!   position any source gives the fact, keeping a sentence right after the
//!   one it refers back to).
//! - [`Summary`] lists [`SummarySentence`]s: the document and byte span of
//!   each (a leading dateline such as "KABUL:" is left out of the span), and
//!   every document that carries it (`sources`).
//! - [`Algorithm::Coverage`] (the default) maximises the concepts (bigrams,
//!   names) the summary covers, weighting each by how many sources contain
//!   it; [`Algorithm::Lead`], [`Algorithm::Centroid`], [`Algorithm::LexRank`]
//!   and [`Algorithm::TextRank`] are the classic baselines.
//! - [`rouge`] computes ROUGE-1/2/L as Python `rouge-score` does.
//!
//! Readability rules hold for every algorithm: no heading, caption, question
//! or cut/opening quote is selected, and a sentence opening with a pronoun or
//! connective ("He said", "But", "Hours later") only right after the sentence
//! it follows in its document.
//!
//! ```
//! use brief_summarize::{Algorithm, Budget, Document, Summarizer};
//! use brief_tokenize::{Language, SentenceSplitter};
//! let texts = [
//!     "KABUL: The Taliban captured the city of Kandahar on Friday after heavy fighting. Residents stayed indoors.",
//!     "The Taliban captured the city of Kandahar on Friday after heavy fighting, officials said.",
//! ];
//! let splitter = SentenceSplitter::new(Some(Language::English));
//! let sentences: Vec<_> = texts.iter().map(|t| splitter.split(t)).collect();
//! let docs: Vec<Document> = texts
//!     .iter()
//!     .zip(&sentences)
//!     .map(|(t, s)| Document { text: t, sentences: s, lang: Some(Language::English), date: None, title: None })
//!     .collect();
//! let summarizer = Summarizer::builder()
//!     .budget(Budget::Words(20))
//!     .algorithm("coverage".parse::<Algorithm>().unwrap())
//!     .build()
//!     .unwrap();
//! let summary = summarizer.summarize(&docs);
//! assert_eq!(summary.sentences.len(), 1);
//! assert_eq!(summary.sentences[0].sources, [0, 1]);
//! assert_eq!(
//!     summary.text(&docs),
//!     "The Taliban captured the city of Kandahar on Friday after heavy fighting."
//! );
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod analyze;
mod porter;
mod readable;
pub mod rouge;
mod select;

use brief_tokenize::{Language, Span};
use serde::{Deserialize, Serialize};

use crate::analyze::{analyze, Cluster};
use crate::select::{Centroid, Coverage, Graph, GraphKind, Lead, Picker, Selector};

/// One source document of a cluster, as the summarizer sees it.
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    /// The document text the spans index.
    pub text: &'a str,
    /// Its clean (non-boilerplate, non-title) sentences, in reading order.
    pub sentences: &'a [Span],
    /// Its language, when known (stemmer, stopwords, pronoun lists).
    pub lang: Option<Language>,
    /// Publication date (`YYYY-MM-DD`, or any string that sorts in time
    /// order), when known: used for ordering and by [`Algorithm::Lead`].
    pub date: Option<&'a str>,
    /// Its title (headline), when known: a span of `text`, never selected
    /// as a summary sentence (should it also be among `sentences`, it is
    /// skipped there). Not a selection signal yet: weighting the concepts
    /// titles name did not help on the seed cluster (see `Coverage`).
    pub title: Option<Span>,
}

/// How long a summary may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Budget {
    /// At most this many words (white-space separated).
    Words(usize),
    /// At most this many sentences.
    Sentences(usize),
    /// At most this many bytes of summary text (sentences joined by a space).
    Bytes(usize),
}

/// The sentence selection algorithm.
///
/// ```
/// use brief_summarize::Algorithm;
/// assert_eq!("lexrank".parse::<Algorithm>().unwrap(), Algorithm::LexRank);
/// assert_eq!(Algorithm::default().name(), "coverage");
/// assert!("nope".parse::<Algorithm>().is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Algorithm {
    /// The first sentences of the most recent document.
    Lead,
    /// Similarity to the cluster's tf-idf centroid, with maximal marginal
    /// relevance against redundancy.
    Centroid,
    /// LexRank: PageRank over a thresholded tf-idf cosine graph.
    LexRank,
    /// TextRank: PageRank over a word-overlap graph.
    TextRank,
    /// Greedy weighted concept coverage (bigrams and names weighted by the
    /// number of sources containing them), with a position prior and
    /// centroid centrality. The default.
    #[default]
    Coverage,
}

impl Algorithm {
    /// Every algorithm.
    pub const ALL: [Algorithm; 5] =
        [Algorithm::Lead, Algorithm::Centroid, Algorithm::LexRank, Algorithm::TextRank, Algorithm::Coverage];

    /// The name `FromStr` accepts and `--algorithm` takes.
    pub const fn name(self) -> &'static str {
        match self {
            Algorithm::Lead => "lead",
            Algorithm::Centroid => "centroid",
            Algorithm::LexRank => "lexrank",
            Algorithm::TextRank => "textrank",
            Algorithm::Coverage => "coverage",
        }
    }
}

impl std::fmt::Display for Algorithm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Algorithm {
    type Err = Error;
    fn from_str(s: &str) -> Result<Algorithm, Error> {
        let s = s.trim().to_ascii_lowercase();
        Algorithm::ALL.into_iter().find(|a| a.name() == s).ok_or_else(|| {
            let names: Vec<&str> = Algorithm::ALL.iter().map(|a| a.name()).collect();
            Error::Config(format!("unknown algorithm {s:?} (expected one of {})", names.join(", ")))
        })
    }
}

/// One sentence of a summary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummarySentence {
    /// Index of the document the sentence is taken from.
    pub doc: usize,
    /// Its bytes in that document (without a leading dateline).
    #[serde(flatten)]
    pub span: Span,
    /// Indices of every document that carries the same or a near-duplicate
    /// sentence (always includes `doc`), ascending.
    pub sources: Vec<usize>,
    /// Selection score (higher is better; comparable within one summary).
    pub score: f64,
}

/// A summary: selected sentences in reading order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// The sentences, in the order they should be read.
    pub sentences: Vec<SummarySentence>,
}

impl Summary {
    /// The summary text: the sentences joined by a space.
    pub fn text(&self, docs: &[Document<'_>]) -> String {
        let mut out = String::new();
        for s in &self.sentences {
            let Some(t) = docs.get(s.doc).and_then(|d| s.span.get(d.text)) else { continue };
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(t);
        }
        out
    }

    /// Number of words (white-space separated) of the summary text.
    pub fn words(&self, docs: &[Document<'_>]) -> usize {
        self.text(docs).split_whitespace().count()
    }
}

/// Configures a [`Summarizer`].
#[derive(Clone, Debug)]
pub struct SummarizerBuilder {
    budget: Budget,
    overflow: bool,
    algorithm: Algorithm,
}

impl SummarizerBuilder {
    /// The length budget (default: 100 words).
    pub fn budget(&mut self, budget: Budget) -> &mut Self {
        self.budget = budget;
        self
    }

    /// Let the last selected sentence cross the budget (benchmarks that
    /// truncate at N words expect this). Off by default.
    pub fn overflow(&mut self, yes: bool) -> &mut Self {
        self.overflow = yes;
        self
    }

    /// The selection algorithm (default: [`Algorithm::Coverage`]).
    pub fn algorithm(&mut self, algorithm: Algorithm) -> &mut Self {
        self.algorithm = algorithm;
        self
    }

    /// Validates and builds.
    pub fn build(&self) -> Result<Summarizer, Error> {
        let n = match self.budget {
            Budget::Words(n) | Budget::Sentences(n) | Budget::Bytes(n) => n,
        };
        if n == 0 {
            return Err(Error::Config("the budget must be at least 1".into()));
        }
        Ok(Summarizer { budget: self.budget, overflow: self.overflow, algorithm: self.algorithm })
    }
}

/// Summarizes clusters. `Send + Sync`; one value serves any number of threads.
#[derive(Clone, Debug)]
pub struct Summarizer {
    budget: Budget,
    overflow: bool,
    algorithm: Algorithm,
}

impl Default for Summarizer {
    fn default() -> Self {
        Summarizer { budget: Budget::Words(100), overflow: false, algorithm: Algorithm::Coverage }
    }
}

impl Summarizer {
    /// A summarizer with the defaults (100 words, no overflow, coverage).
    pub fn new() -> Summarizer {
        Summarizer::default()
    }

    /// A builder starting from the defaults.
    pub fn builder() -> SummarizerBuilder {
        SummarizerBuilder { budget: Budget::Words(100), overflow: false, algorithm: Algorithm::Coverage }
    }

    /// The algorithm this summarizer selects with.
    pub fn algorithm(&self) -> Algorithm {
        self.algorithm
    }

    /// Summarizes one cluster. Total: any input gives a summary (possibly
    /// empty); spans that do not slice their document are ignored.
    pub fn summarize(&self, docs: &[Document<'_>]) -> Summary {
        let cluster = analyze(docs);
        let selector: Box<dyn Selector> = match self.algorithm {
            Algorithm::Lead => Box::new(Lead),
            Algorithm::Centroid => Box::new(Centroid),
            Algorithm::LexRank => Box::new(Graph { kind: GraphKind::LexRank }),
            Algorithm::TextRank => Box::new(Graph { kind: GraphKind::TextRank }),
            Algorithm::Coverage => Box::new(Coverage::default()),
        };
        let mut picker = Picker::new(&cluster, self.budget, self.overflow, 0);
        selector.select(&cluster, &mut picker);
        if picker.chosen.is_empty() {
            // Only short sentences: better a short summary than none.
            picker = Picker::new(&cluster, self.budget, self.overflow, 1);
            selector.select(&cluster, &mut picker);
        }
        if picker.chosen.is_empty() {
            // Nothing scored, or no text reads as sentences (no final
            // punctuation): the lead, whatever it is.
            picker = Picker::new(&cluster, self.budget, self.overflow, 2);
            Lead.select(&cluster, &mut picker);
        }
        let order = story_order(&cluster, &picker.chosen);
        let sentences = order
            .into_iter()
            .map(|(s, score)| {
                let sent = &cluster.sents[s];
                SummarySentence {
                    doc: sent.doc,
                    span: sent.span,
                    sources: cluster.group_docs(sent.group).to_vec(),
                    score,
                }
            })
            .collect();
        Summary { sentences }
    }
}

/// Orders the chosen sentences as a story: a sentence directly after its
/// predecessor in the same document when both are chosen; otherwise by the
/// earliest date, then the earliest relative position, any source gives
/// the sentence's group.
fn story_order(cluster: &Cluster, chosen: &[(usize, f64)]) -> Vec<(usize, f64)> {
    let mut score_of: Vec<Option<f64>> = vec![None; cluster.sents.len()];
    for &(s, score) in chosen {
        score_of[s] = Some(score);
    }
    let is_chosen = |s: usize| score_of[s].is_some();
    let mut heads: Vec<usize> =
        chosen.iter().map(|&(s, _)| s).filter(|&s| cluster.predecessor(s).is_none_or(|p| !is_chosen(p))).collect();
    // An undated document is taken to be of the cluster's most common date
    // (the earliest of equally common ones).
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for d in cluster.dates.iter().flatten() {
        *counts.entry(d.as_str()).or_default() += 1;
    }
    let usual = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(d, _)| *d);
    let date_of = |doc: usize| cluster.dates.get(doc).and_then(|d| d.as_deref()).or(usual);
    let key = |s: usize| {
        let members = cluster.group_members(cluster.sents[s].group);
        let date = members.iter().filter_map(|&m| date_of(cluster.sents[m].doc)).min();
        let pos = members.iter().map(|&m| cluster.sents[m].rel_pos).fold(1.0, f64::min);
        (date, pos)
    };
    heads.sort_by(|&a, &b| {
        let (ka, kb) = (key(a), key(b));
        ka.0.cmp(&kb.0).then(ka.1.total_cmp(&kb.1)).then(a.cmp(&b))
    });
    let mut out = Vec::with_capacity(chosen.len());
    for h in heads {
        let mut s = h;
        loop {
            out.push((s, score_of[s].unwrap_or(0.0)));
            let next = s + 1;
            if next < cluster.sents.len() && is_chosen(next) && cluster.predecessor(next) == Some(s) {
                s = next;
            } else {
                break;
            }
        }
    }
    out
}

/// Errors of this crate (configuration only).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A builder was given an invalid setting.
    #[error("invalid summarizer configuration: {0}")]
    Config(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_types_are_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Summarizer>();
        check::<SummarizerBuilder>();
        check::<Summary>();
        check::<Algorithm>();
        check::<rouge::RougeScores>();
    }
}
