//! Cluster analysis shared by every algorithm: per-sentence features
//! (content terms, bigram and entity concepts, length, position, how the
//! sentence may be used), near-duplicate groups across sources, and the
//! document frequency of every concept.
//!
//! All ids are assigned in input order (first occurrence), so nothing
//! depends on hash-map iteration order.

use brief_tokenize::{Language, Span, StemCache, TokenKind, Tokenizer};

use crate::hash::FxMap;
use crate::readable::{classify, strip_dateline, Use};
use crate::Document;

/// Sentences shorter than this (in words) are not selected on their own.
pub(crate) const MIN_WORDS: usize = 8;

/// Posting lists longer than this are skipped when looking for
/// near-duplicates and graph neighbours: such concepts and terms are too
/// common to tell sentences apart, and skipping them keeps the cost linear.
const MAX_POSTINGS: usize = 512;

/// One sentence of the cluster.
#[derive(Debug)]
pub(crate) struct Sent {
    pub doc: usize,
    /// Index among its document's sentences.
    pub index: usize,
    /// Its span, dateline stripped.
    pub span: Span,
    pub words: usize,
    /// Content-term ids with counts, sorted by id.
    pub terms: Vec<(u32, u32)>,
    /// Concept ids (bigrams keeping at most one stopword, entity names),
    /// sorted, unique.
    pub concepts: Vec<u32>,
    /// Index / number of sentences in the document, in `0.0..1.0`.
    pub rel_pos: f64,
    pub usable: Use,
    /// Fewer than [`MIN_WORDS`] words.
    pub short: bool,
    /// Near-duplicate group (index of the group's first sentence).
    pub group: usize,
}

/// A cluster ready for selection.
#[derive(Debug, Default)]
pub(crate) struct Cluster {
    pub sents: Vec<Sent>,
    pub n_docs: usize,
    /// Number of documents containing each concept.
    pub concept_df: Vec<u32>,
    /// Number of near-duplicate groups (distinct wordings) containing each
    /// concept.
    pub concept_groups: Vec<u32>,
    /// Whether each concept is a single name or figure (not a bigram).
    pub concept_is_name: Vec<bool>,
    /// Inverse sentence frequency of each content term.
    pub idf: Vec<f64>,
    /// Documents of each group, ascending (indexed by group id = sentence
    /// index of the group's first member; empty for non-roots).
    pub group_docs: Vec<Vec<usize>>,
    /// Members of each group, ascending.
    pub group_members: Vec<Vec<usize>>,
    /// Index of each document's first sentence in `sents`.
    pub first_of_doc: Vec<usize>,
    /// Each document's date, when known.
    pub dates: Vec<Option<String>>,
}

impl Cluster {
    /// The sentence right before `s` in its document, if it is in the cluster.
    pub fn predecessor(&self, s: usize) -> Option<usize> {
        let sent = &self.sents[s];
        if sent.index == 0 || s == 0 {
            return None;
        }
        let p = s - 1;
        (self.sents[p].doc == sent.doc && self.sents[p].index + 1 == sent.index).then_some(p)
    }

    /// tf-idf vector of sentence `s`: (term, weight) sorted by term, and its norm.
    pub fn tfidf(&self, s: usize) -> (Vec<(u32, f64)>, f64) {
        let v: Vec<(u32, f64)> =
            self.sents[s].terms.iter().map(|&(t, c)| (t, c as f64 * self.idf[t as usize])).collect();
        let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        (v, norm)
    }
}

/// What selection needs of a token.
struct Tok {
    id: u32,
    stop: bool,
    upper: bool,
    /// A word (not a number, URL, tag…).
    alpha: bool,
    number: bool,
}

/// Interns strings to dense ids in first-seen order.
#[derive(Default)]
struct Interner {
    ids: FxMap<String, u32>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = self.ids.len() as u32;
        self.ids.insert(s.to_string(), i);
        i
    }
}

thread_local! {
    // Stems are a pure function of (language, word): one cache per worker
    // thread, kept across clusters, so a stream of small clusters does not
    // re-stem the same vocabulary every time.
    static STEMS: std::cell::RefCell<StemCache> = std::cell::RefCell::new(StemCache::new());
}

/// Analyses the documents of one cluster.
pub(crate) fn analyze(docs: &[Document<'_>]) -> Cluster {
    STEMS.with(|cache| match cache.try_borrow_mut() {
        Ok(mut cache) => analyze_with(docs, &mut cache),
        // Re-entrant call on this thread (not expected): use a fresh cache.
        Err(_) => analyze_with(docs, &mut StemCache::new()),
    })
}

fn analyze_with(docs: &[Document<'_>], cache: &mut StemCache) -> Cluster {
    let mut tokenizers: Vec<(Option<Language>, Tokenizer)> = Vec::new();
    let mut words = Interner::default();
    let mut concept_ids: FxMap<u64, u32> = FxMap::default();
    let mut concept_df: Vec<u32> = Vec::new();
    let mut concept_last_doc: Vec<usize> = Vec::new();
    let mut term_df: Vec<u32> = Vec::new();
    let mut sents = Vec::new();
    let mut first_of_doc = Vec::with_capacity(docs.len());
    let mut ids: Vec<(u32, bool)> = Vec::new();
    let mut toks: Vec<Tok> = Vec::new();
    // Per word: (capitalised inside a sentence, lower-case) counts.
    let mut case_evidence: Vec<(u32, u32)> = Vec::new();
    let mut pending_names: Vec<Vec<u32>> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        first_of_doc.push(sents.len());
        let tok = match tokenizers.iter().position(|(l, _)| *l == doc.lang) {
            Some(i) => &tokenizers[i].1,
            None => {
                tokenizers.push((doc.lang, Tokenizer::new(doc.lang)));
                &tokenizers[tokenizers.len() - 1].1
            }
        };
        let n = doc.sentences.len().max(1);
        for (i, &raw) in doc.sentences.iter().enumerate() {
            if raw.get(doc.text).is_none() {
                continue;
            }
            let span = strip_dateline(doc.text, raw, i < 3);
            let text = &doc.text[span];
            toks.clear();
            tok.for_each_token(text, cache, |t| {
                toks.push(Tok {
                    id: words.id(t.stem),
                    stop: t.stop,
                    upper: t.text.chars().next().is_some_and(char::is_uppercase),
                    alpha: t.kind == TokenKind::Word || t.kind == TokenKind::Abbreviation,
                    number: t.kind == TokenKind::Number,
                })
            });
            ids.clear();
            let mut terms: Vec<(u32, u32)> = Vec::with_capacity(toks.len());
            let mut concepts: Vec<u32> = Vec::with_capacity(toks.len() * 2);
            let mut concept = |key: u64, concepts: &mut Vec<u32>| {
                let next = concept_ids.len() as u32;
                let c = *concept_ids.entry(key).or_insert(next);
                if c == next {
                    concept_df.push(0);
                    concept_last_doc.push(usize::MAX);
                }
                concepts.push(c);
            };
            let mut names: Vec<u32> = Vec::new();
            for (k, t) in toks.iter().enumerate() {
                let id = t.id;
                ids.push((id, t.stop));
                if id as usize >= case_evidence.len() {
                    case_evidence.resize(id as usize + 1, (0, 0));
                }
                if !t.stop && t.alpha {
                    terms.push((id, 1));
                    if t.upper {
                        if k > 0 {
                            case_evidence[id as usize].0 += 1;
                        }
                        names.push(id);
                    } else {
                        case_evidence[id as usize].1 += 1;
                    }
                } else if t.number {
                    // Figures ("3,000", "600") are facts in news copy.
                    concept((u64::from(id) << 32) | u64::from(u32::MAX), &mut concepts);
                }
            }
            for w in ids.windows(2) {
                if w[0].1 && w[1].1 {
                    continue;
                }
                concept((u64::from(w[0].0) << 32) | u64::from(w[1].0), &mut concepts);
            }
            pending_names.push(names);
            terms.sort_unstable();
            terms.dedup_by(|b, a| {
                if a.0 == b.0 {
                    a.1 += b.1;
                    true
                } else {
                    false
                }
            });
            for &(t, _) in &terms {
                if term_df.len() <= t as usize {
                    term_df.resize(t as usize + 1, 0);
                }
                term_df[t as usize] += 1;
            }
            let n_words = text.split_whitespace().count();
            let usable = classify(text, doc.lang);
            let index = sents.len();
            sents.push(Sent {
                doc: d,
                index: i,
                span,
                words: n_words,
                terms,
                concepts,
                rel_pos: i as f64 / n as f64,
                usable,
                short: n_words < MIN_WORDS,
                group: index,
            });
        }
    }
    // Names: capitalised content words that the cluster capitalises inside
    // sentences more often than not (so "Britain" opening a sentence counts,
    // "Residents" does not).
    for (sent, names) in sents.iter_mut().zip(&pending_names) {
        for &id in names {
            let (upper, lower) = case_evidence[id as usize];
            if upper > 0 && upper >= lower {
                let key = (u64::from(id) << 32) | u64::from(u32::MAX);
                let next = concept_ids.len() as u32;
                let c = *concept_ids.entry(key).or_insert(next);
                if c == next {
                    concept_df.push(0);
                    concept_last_doc.push(usize::MAX);
                }
                sent.concepts.push(c);
            }
        }
        sent.concepts.sort_unstable();
        sent.concepts.dedup();
    }
    for sent in &sents {
        for &c in &sent.concepts {
            if concept_last_doc[c as usize] != sent.doc {
                concept_last_doc[c as usize] = sent.doc;
                concept_df[c as usize] += 1;
            }
        }
    }
    let mut concept_is_name = vec![false; concept_df.len()];
    for (&key, &c) in &concept_ids {
        concept_is_name[c as usize] = key & u64::from(u32::MAX) == u64::from(u32::MAX);
    }
    let n_sents = sents.len().max(1) as f64;
    let idf = term_df.iter().map(|&df| (n_sents / f64::from(df.max(1))).ln() + 1.0).collect();
    let mut cluster = Cluster {
        sents,
        n_docs: docs.len(),
        concept_df,
        concept_is_name,
        concept_groups: Vec::new(),
        idf,
        group_docs: Vec::new(),
        group_members: Vec::new(),
        first_of_doc,
        dates: docs.iter().map(|d| d.date.map(str::to_string)).collect(),
    };
    group_near_duplicates(&mut cluster);
    let mut concept_groups = vec![0u32; cluster.concept_df.len()];
    let mut last_group = vec![usize::MAX; cluster.concept_df.len()];
    for root in 0..cluster.sents.len() {
        for &m in &cluster.group_members[root] {
            for &c in &cluster.sents[m].concepts {
                if last_group[c as usize] != root {
                    last_group[c as usize] = root;
                    concept_groups[c as usize] += 1;
                }
            }
        }
    }
    cluster.concept_groups = concept_groups;
    cluster
}

/// Groups sentences whose concept sets overlap strongly (Dice ≥ 0.5, or
/// containment ≥ 0.8 of the smaller when it has at least six concepts): the
/// same agency copy carried by several outlets, lightly edited. Each new
/// sentence is compared with the first member of existing groups only, so
/// the cost grows with the number of distinct sentences.
fn group_near_duplicates(cluster: &mut Cluster) {
    let n = cluster.sents.len();
    let n_concepts = cluster.concept_df.len();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); n_concepts];
    let mut shared: Vec<u32> = vec![0; n];
    let mut touched: Vec<usize> = Vec::new();
    for i in 0..n {
        touched.clear();
        for &c in &cluster.sents[i].concepts {
            let list = &postings[c as usize];
            if list.len() > MAX_POSTINGS {
                continue;
            }
            for &r in list {
                let r = r as usize;
                if shared[r] == 0 {
                    touched.push(r);
                }
                shared[r] += 1;
            }
        }
        touched.sort_unstable();
        let a = cluster.sents[i].concepts.len();
        let mut best: Option<(f64, usize)> = None;
        for &r in &touched {
            let s = shared[r] as usize;
            shared[r] = 0;
            let b = cluster.sents[r].concepts.len();
            let dice = 2.0 * s as f64 / (a + b) as f64;
            let small = a.min(b);
            let contained = small >= 6 && s as f64 >= 0.8 * small as f64;
            if (dice >= 0.5 || contained) && best.is_none_or(|(d, _)| dice > d) {
                best = Some((dice, r));
            }
        }
        match best {
            Some((_, r)) => cluster.sents[i].group = cluster.sents[r].group,
            None => {
                for &c in &cluster.sents[i].concepts {
                    postings[c as usize].push(i as u32);
                }
            }
        }
    }
    cluster.group_docs = vec![Vec::new(); n];
    cluster.group_members = vec![Vec::new(); n];
    for (i, s) in cluster.sents.iter().enumerate() {
        cluster.group_members[s.group].push(i);
        let docs = &mut cluster.group_docs[s.group];
        if !docs.contains(&s.doc) {
            docs.push(s.doc);
        }
    }
    for d in &mut cluster.group_docs {
        d.sort_unstable();
    }
}
