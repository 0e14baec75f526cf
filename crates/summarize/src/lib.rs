//! # brief-summarize
//!
//! Multi-document extractive summarization of one cluster: a [`Summarizer`]
//! takes the clean sentences of each [`Document`], groups near-duplicates
//! across sources, selects whole sentences under a [`Budget`] by greedy
//! concept (bigram) coverage weighted by how many sources support each
//! concept, and orders them as a story. Every [`SummarySentence`] cites all
//! the documents that carry it.
//!
//! ```
//! use brief_summarize::{Budget, Document, Summarizer};
//! use brief_tokenize::{Language, SentenceSplitter};
//! let texts = [
//!     "The Taliban captured the city of Kandahar on Friday after heavy fighting. Residents stayed indoors.",
//!     "The Taliban captured the city of Kandahar on Friday after heavy fighting, officials said.",
//! ];
//! let splitter = SentenceSplitter::new(Some(Language::English));
//! let sentences: Vec<_> = texts.iter().map(|t| splitter.split(t)).collect();
//! let docs: Vec<Document> = texts
//!     .iter()
//!     .zip(&sentences)
//!     .map(|(t, s)| Document { text: t, sentences: s, lang: Some(Language::English), date: None })
//!     .collect();
//! let summary = Summarizer::builder().budget(Budget::Words(20)).build().unwrap().summarize(&docs);
//! assert_eq!(summary.sentences.len(), 1);
//! assert_eq!(summary.sentences[0].sources, [0, 1]);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::collections::{BTreeMap, HashMap, HashSet};

use brief_tokenize::{Language, Span, Tokenizer};
use serde::Serialize;

/// One source document of a cluster, as the summarizer sees it.
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    /// The document text the spans index.
    pub text: &'a str,
    /// Its clean (non-boilerplate, non-title) sentences, in reading order.
    pub sentences: &'a [Span],
    /// Its language, when known (stemmer and stopwords).
    pub lang: Option<Language>,
    /// Publication date (`YYYY-MM-DD`), when known: used for ordering.
    pub date: Option<&'a str>,
}

/// How long a summary may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Budget {
    /// At most this many words.
    Words(usize),
    /// At most this many sentences.
    Sentences(usize),
    /// At most this many bytes of summary text (sentences joined by a space).
    Bytes(usize),
}

/// One sentence of a summary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummarySentence {
    /// Index of the document the sentence is taken from.
    pub doc: usize,
    /// Its bytes in that document.
    #[serde(flatten)]
    pub span: Span,
    /// Indices of every document that carries the same or a near-duplicate
    /// sentence (always includes `doc`), ascending.
    pub sources: Vec<usize>,
    /// Selection score (higher is better).
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
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&docs[s.doc].text[s.span]);
        }
        out
    }
}

/// Configures a [`Summarizer`].
#[derive(Clone, Debug)]
pub struct SummarizerBuilder {
    budget: Budget,
    overflow: bool,
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

    /// Validates and builds.
    pub fn build(&self) -> Result<Summarizer, Error> {
        let n = match self.budget {
            Budget::Words(n) | Budget::Sentences(n) | Budget::Bytes(n) => n,
        };
        if n == 0 {
            return Err(Error::Config("the budget must be at least 1".into()));
        }
        Ok(Summarizer { budget: self.budget, overflow: self.overflow })
    }
}

/// Summarizes clusters. `Send + Sync`; one value serves any number of threads.
#[derive(Clone, Debug)]
pub struct Summarizer {
    budget: Budget,
    overflow: bool,
}

impl Default for Summarizer {
    fn default() -> Self {
        Summarizer { budget: Budget::Words(100), overflow: false }
    }
}

/// Per-sentence features.
struct Candidate {
    doc: usize,
    index: usize,
    span: Span,
    words: usize,
    concepts: Vec<u64>,
    rel_pos: f64,
    eligible: bool,
}

impl Summarizer {
    /// A summarizer with the defaults (100 words, no overflow).
    pub fn new() -> Summarizer {
        Summarizer::default()
    }

    /// A builder starting from the defaults.
    pub fn builder() -> SummarizerBuilder {
        SummarizerBuilder { budget: Budget::Words(100), overflow: false }
    }

    /// Summarizes one cluster.
    pub fn summarize(&self, docs: &[Document<'_>]) -> Summary {
        let mut cands = Vec::new();
        let mut tokenizers: HashMap<Option<Language>, Tokenizer> = HashMap::new();
        for (d, doc) in docs.iter().enumerate() {
            let tok = tokenizers.entry(doc.lang).or_insert_with(|| Tokenizer::new(doc.lang));
            let n = doc.sentences.len().max(1);
            for (i, &span) in doc.sentences.iter().enumerate() {
                let Some(text) = span.get(doc.text) else { continue };
                let tokens = tok.tokens(text);
                let mut concepts = Vec::with_capacity(tokens.len());
                for w in tokens.windows(2) {
                    if w[0].stop && w[1].stop {
                        continue;
                    }
                    concepts.push(hash2(&w[0].stem, &w[1].stem));
                }
                concepts.sort_unstable();
                concepts.dedup();
                let eligible = tokens.len() >= 8 && readable_opening(text);
                cands.push(Candidate {
                    doc: d,
                    index: i,
                    span,
                    words: text.split_whitespace().count(),
                    concepts,
                    rel_pos: i as f64 / n as f64,
                    eligible,
                });
            }
        }
        let groups = near_duplicate_groups(&cands);
        // Concept weight = number of documents containing it.
        let mut df: HashMap<u64, HashSet<usize>> = HashMap::new();
        for c in &cands {
            for &k in &c.concepts {
                df.entry(k).or_default().insert(c.doc);
            }
        }
        let min_df = if docs.len() >= 3 { 2 } else { 1 };
        let weight: HashMap<u64, f64> =
            df.iter().filter(|(_, d)| d.len() >= min_df).map(|(k, d)| (*k, d.len() as f64)).collect();

        let mut covered: HashSet<u64> = HashSet::new();
        let mut chosen: Vec<(usize, f64)> = Vec::new();
        let mut used_groups: HashSet<usize> = HashSet::new();
        let (mut words, mut bytes) = (0usize, 0usize);
        loop {
            let mut best: Option<(usize, f64)> = None;
            for (ci, c) in cands.iter().enumerate() {
                if !c.eligible || used_groups.contains(&groups[ci]) {
                    continue;
                }
                if !self.overflow && !self.fits(words, bytes, chosen.len(), c) {
                    continue;
                }
                let gain: f64 =
                    c.concepts.iter().filter(|k| !covered.contains(*k)).filter_map(|k| weight.get(k)).sum();
                if gain <= 0.0 {
                    continue;
                }
                let score = gain / (c.words as f64).sqrt() * (1.0 - 0.3 * c.rel_pos);
                if best.is_none_or(|(_, b)| score > b) {
                    best = Some((ci, score));
                }
            }
            let Some((ci, score)) = best else { break };
            let c = &cands[ci];
            covered.extend(c.concepts.iter().copied());
            used_groups.insert(groups[ci]);
            words += c.words;
            bytes += c.span.len() + usize::from(!chosen.is_empty());
            chosen.push((ci, score));
            if self.exhausted(words, bytes, chosen.len()) {
                break;
            }
        }
        let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (ci, g) in groups.iter().enumerate() {
            members.entry(*g).or_default().push(cands[ci].doc);
        }
        let mut sentences: Vec<SummarySentence> = chosen
            .into_iter()
            .map(|(ci, score)| {
                let c = &cands[ci];
                let mut sources = members[&groups[ci]].clone();
                sources.sort_unstable();
                sources.dedup();
                SummarySentence { doc: c.doc, span: c.span, sources, score }
            })
            .collect();
        sentences.sort_by(|a, b| {
            let ca = cands.iter().find(|c| c.doc == a.doc && c.span == a.span).map_or(0.0, |c| c.rel_pos);
            let cb = cands.iter().find(|c| c.doc == b.doc && c.span == b.span).map_or(0.0, |c| c.rel_pos);
            ca.total_cmp(&cb).then(a.doc.cmp(&b.doc))
        });
        let _ = cands.iter().map(|c| c.index).count();
        Summary { sentences }
    }

    fn fits(&self, words: usize, bytes: usize, n: usize, c: &Candidate) -> bool {
        match self.budget {
            Budget::Words(max) => words + c.words <= max,
            Budget::Sentences(max) => n < max,
            Budget::Bytes(max) => bytes + c.span.len() + usize::from(n > 0) <= max,
        }
    }

    fn exhausted(&self, words: usize, bytes: usize, n: usize) -> bool {
        match self.budget {
            Budget::Words(max) => words >= max,
            Budget::Sentences(max) => n >= max,
            Budget::Bytes(max) => bytes >= max,
        }
    }
}

fn hash2(a: &str, b: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    a.hash(&mut h);
    b.hash(&mut h);
    h.finish()
}

/// No pronoun or connective opener, no opening quote, no question.
fn readable_opening(text: &str) -> bool {
    let first: String = text.chars().take_while(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
    const BAD: &[&str] = &[
        "he", "she", "it", "they", "them", "his", "her", "their", "its", "this", "these", "those", "but", "and",
        "also", "however", "meanwhile", "still", "yet", "so", "then", "there",
    ];
    if BAD.contains(&first.as_str()) {
        return false;
    }
    if text.starts_with(['"', '“', '\'', '‘']) || text.trim_end().ends_with('?') {
        return false;
    }
    true
}

/// Union-find over sentences whose bigram sets overlap by half or more.
fn near_duplicate_groups(cands: &[Candidate]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..cands.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        for &k in &c.concepts {
            postings.entry(k).or_default().push(i);
        }
    }
    for (i, c) in cands.iter().enumerate() {
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for k in &c.concepts {
            let list = &postings[k];
            if list.len() > 64 {
                continue;
            }
            for &j in list {
                if j > i {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        for (j, n) in shared {
            let smaller = c.concepts.len().min(cands[j].concepts.len()).max(1);
            if n * 2 >= smaller && smaller >= 4 {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    (0..cands.len()).map(|i| find(&mut parent, i)).collect()
}

/// Errors of this crate (configuration only).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A builder was given an invalid setting.
    #[error("invalid summarizer configuration: {0}")]
    Config(String),
}

mod porter;
pub mod rouge;
