//! Cluster analysis shared by every algorithm: per-sentence features
//! (content terms, bigram and entity concepts, length, position, how the
//! sentence may be used), near-duplicate groups across sources, and the
//! document frequency of every concept.
//!
//! All ids are assigned in input order (first occurrence), so nothing
//! depends on hash-map iteration order.

use brief_tokenize::{Language, Span, StemCache, TokenKind, Tokenizer};

use crate::readable::{classify, strip_dateline, Use};
use crate::Document;
use rustc_hash::FxHashMap as FxMap;

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

    /// Appends the tf-idf vector of sentence `s` to `out`: (term, weight)
    /// sorted by term. Returns its norm.
    pub fn tfidf_into(&self, s: usize, out: &mut Vec<(u32, f64)>) -> f64 {
        let start = out.len();
        out.extend(self.sents[s].terms.iter().map(|&(t, c)| (t, c as f64 * self.idf[t as usize])));
        out[start..].iter().map(|(_, w)| w * w).sum::<f64>().sqrt()
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

/// Interns stems to dense ids in first-seen order within one cluster.
///
/// Words get a thread-wide id once (the only allocation, the first time a
/// thread meets the word); each cluster maps thread-wide ids to its own
/// dense ids, in first-seen order, through an epoch-stamped table, so a
/// stream of clusters neither allocates per word nor rebuilds a map.
#[derive(Default)]
struct Interner {
    /// Words of at most 15 bytes, packed with their length into an integer
    /// (compared inline, no string comparison call): nearly all stems.
    short: FxMap<u128, u32>,
    long: FxMap<Box<str>, u32>,
    /// Per thread-wide id: (epoch it was last seen in, its id then).
    local: Vec<(u32, u32)>,
    epoch: u32,
    len: u32,
}

/// Thread-wide words kept at most: past this, the interner starts afresh.
const MAX_INTERNED: usize = 1 << 18;

impl Interner {
    /// Starts a cluster: ids restart at 0.
    fn begin(&mut self) {
        if self.local.len() > MAX_INTERNED || self.epoch == u32::MAX {
            *self = Interner::default();
        }
        self.epoch += 1;
        self.len = 0;
    }

    fn id(&mut self, s: &str) -> u32 {
        let next = self.local.len() as u32;
        let b = s.as_bytes();
        let g = if b.len() < 16 {
            let mut packed = [0u8; 16];
            packed[..b.len()].copy_from_slice(b);
            packed[15] = b.len() as u8;
            *self.short.entry(u128::from_le_bytes(packed)).or_insert(next)
        } else {
            match self.long.get(s) {
                Some(&g) => g,
                None => {
                    self.long.insert(s.into(), next);
                    next
                }
            }
        };
        if g == next {
            self.local.push((0, 0));
        }
        let g = g as usize;
        let slot = &mut self.local[g];
        if slot.0 != self.epoch {
            *slot = (self.epoch, self.len);
            self.len += 1;
        }
        slot.1
    }
}

/// The first occurrence of a sentence text in a cluster.
#[derive(Clone, Copy)]
struct FirstSeen {
    /// Its tokens: `start..end` of the cluster's token buffer.
    start: usize,
    end: usize,
    words: usize,
    usable: Use,
    /// Its index in `Cluster::sents`.
    sent: usize,
}

/// Buffers reused from cluster to cluster on one thread.
#[derive(Default)]
struct Scratch {
    words: Interner,
    concept_ids: FxMap<u64, u32>,
    postings: Vec<Vec<u32>>,
}

thread_local! {
    // Stems are a pure function of (language, word): one cache per worker
    // thread, kept across clusters, so a stream of small clusters does not
    // re-stem the same vocabulary every time.
    static STEMS: std::cell::RefCell<StemCache> = std::cell::RefCell::new(StemCache::new());
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Analyses the documents of one cluster.
pub(crate) fn analyze(docs: &[Document<'_>]) -> Cluster {
    STEMS.with(|cache| {
        SCRATCH.with(|scratch| match (cache.try_borrow_mut(), scratch.try_borrow_mut()) {
            (Ok(mut cache), Ok(mut scratch)) => analyze_with(docs, &mut cache, &mut scratch),
            // Re-entrant call on this thread (not expected): fresh buffers.
            _ => analyze_with(docs, &mut StemCache::new(), &mut Scratch::default()),
        })
    })
}

/// Number of white-space separated words (as `split_whitespace().count()`,
/// on the bytes: the few non-ASCII white-space characters are recognised by
/// their UTF-8 encoding).
pub(crate) fn count_words(s: &str) -> usize {
    let b = s.as_bytes();
    // `skip`: continuation bytes of a wide space still to pass.
    let (mut n, mut after_space, mut skip) = (0, true, 0);
    for (i, &c) in b.iter().enumerate() {
        let space = if c < 0x80 {
            c == b' ' || (b'\t'..=b'\r').contains(&c)
        } else if skip > 0 {
            skip -= 1;
            true
        } else if matches!(c, 0xc2 | 0xe1 | 0xe2 | 0xe3) {
            skip = wide_space(b, i).saturating_sub(1);
            skip > 0
        } else {
            false
        };
        n += usize::from(!space & after_space);
        after_space = space;
    }
    n
}

/// Byte length of the non-ASCII white-space character at `b[i..]`, or 0.
fn wide_space(b: &[u8], i: usize) -> usize {
    match (b[i], b.get(i + 1), b.get(i + 2)) {
        // U+0085, U+00A0
        (0xc2, Some(0x85 | 0xa0), _) => 2,
        // U+1680
        (0xe1, Some(0x9a), Some(0x80)) => 3,
        // U+2000..=U+200A, U+2028, U+2029, U+202F, U+205F
        (0xe2, Some(0x80), Some(0x80..=0x8a | 0xa8 | 0xa9 | 0xaf)) | (0xe2, Some(0x81), Some(0x9f)) => 3,
        // U+3000
        (0xe3, Some(0x80), Some(0x80)) => 3,
        _ => 0,
    }
}

/// Gets or creates the id of concept `key`.
fn concept_id(ids: &mut FxMap<u64, u32>, df: &mut Vec<u32>, is_name: &mut Vec<bool>, key: u64) -> u32 {
    let next = df.len() as u32;
    let c = *ids.entry(key).or_insert(next);
    if c == next {
        df.push(0);
        is_name.push(key & u64::from(u32::MAX) == u64::from(u32::MAX));
    }
    c
}

fn analyze_with(docs: &[Document<'_>], cache: &mut StemCache, scratch: &mut Scratch) -> Cluster {
    let Scratch { words, concept_ids, postings } = scratch;
    words.begin();
    concept_ids.clear();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    if concept_ids.capacity() > 4 * (bytes / 4).max(1 << 12) {
        // A huge cluster went by: do not keep (and clear) its table forever.
        *concept_ids = FxMap::default();
    }
    concept_ids.reserve((bytes / 8).min(1 << 16));
    let mut tokenizers: Vec<(Option<Language>, Tokenizer)> = Vec::new();
    let mut concept_df: Vec<u32> = Vec::new();
    let mut concept_is_name: Vec<bool> = Vec::new();
    let mut term_df: Vec<u32> = Vec::new();
    let mut sents: Vec<Sent> = Vec::new();
    let mut first_of_doc = Vec::with_capacity(docs.len());
    let mut ids: Vec<(u32, bool)> = Vec::new();
    // Tokens of every distinct sentence text, one after the other.
    let mut all_toks: Vec<Tok> = Vec::with_capacity(bytes / 5);
    let mut repeats: FxMap<(usize, &str), FirstSeen> = FxMap::default();
    let mut terms: Vec<(u32, u32)> = Vec::new();
    // Per word: (capitalised inside a sentence, lower-case) counts.
    let mut case_evidence: Vec<(u32, u32)> = Vec::new();
    // Bigram and figure concepts, then name candidates, of every sentence,
    // flat: sentence k owns `flat[ends[k - 1]..ends[k]]` of each.
    let mut flat_concepts: Vec<u32> = Vec::new();
    let mut concept_ends: Vec<usize> = Vec::new();
    let mut flat_names: Vec<u32> = Vec::new();
    let mut name_ends: Vec<usize> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        first_of_doc.push(sents.len());
        let lang = match tokenizers.iter().position(|(l, _)| *l == doc.lang) {
            Some(i) => i,
            None => {
                tokenizers.push((doc.lang, Tokenizer::new(doc.lang)));
                tokenizers.len() - 1
            }
        };
        let tok = &tokenizers[lang].1;
        let n = doc.sentences.len().max(1);
        for (i, &raw) in doc.sentences.iter().enumerate() {
            if raw.get(doc.text).is_none() {
                continue;
            }
            let span = strip_dateline(doc.text, raw, i < 3);
            let text = &doc.text[span];
            // Copy carried by several sources repeats sentences verbatim:
            // tokenize each distinct (language, text) once. The words of a
            // repeat are interned already, so ids come out the same.
            let (toks, n_words, usable, first) = match repeats.get(&(lang, text)) {
                Some(&f) => (&all_toks[f.start..f.end], f.words, f.usable, Some(f.sent)),
                None => {
                    let start = all_toks.len();
                    tok.for_each_token(text, cache, |t| {
                        all_toks.push(Tok {
                            id: words.id(t.stem),
                            stop: t.stop,
                            upper: t.text.chars().next().is_some_and(char::is_uppercase),
                            alpha: t.kind == TokenKind::Word || t.kind == TokenKind::Abbreviation,
                            number: t.kind == TokenKind::Number,
                        })
                    });
                    let (n_words, usable) = (count_words(text), classify(text, doc.lang));
                    let first = FirstSeen { start, end: all_toks.len(), words: n_words, usable, sent: sents.len() };
                    repeats.insert((lang, text), first);
                    (&all_toks[start..], n_words, usable, None)
                }
            };
            ids.clear();
            terms.clear();
            if words.len as usize > case_evidence.len() {
                case_evidence.resize(words.len as usize, (0, 0));
            }
            if let Some(first) = first {
                // A repeat: the same terms and bigram and figure concepts
                // (all known already) as its first occurrence; only the case
                // evidence and name candidates are counted again.
                for (k, t) in toks.iter().enumerate() {
                    if !t.stop && t.alpha {
                        if !t.upper {
                            case_evidence[t.id as usize].1 += 1;
                            continue;
                        }
                        if k > 0 {
                            case_evidence[t.id as usize].0 += 1;
                        }
                        flat_names.push(t.id);
                    }
                }
                let start = if first == 0 { 0 } else { concept_ends[first - 1] };
                flat_concepts.extend_from_within(start..concept_ends[first]);
                terms.extend_from_slice(&sents[first].terms);
            }
            for (k, t) in toks.iter().enumerate().filter(|_| first.is_none()) {
                let id = t.id;
                ids.push((id, t.stop));
                if !t.stop && t.alpha {
                    terms.push((id, 1));
                    if t.upper {
                        if k > 0 {
                            case_evidence[id as usize].0 += 1;
                        }
                        flat_names.push(id);
                    } else {
                        case_evidence[id as usize].1 += 1;
                    }
                } else if t.number {
                    // Figures ("3,000", "600") are facts in news copy.
                    let key = (u64::from(id) << 32) | u64::from(u32::MAX);
                    flat_concepts.push(concept_id(concept_ids, &mut concept_df, &mut concept_is_name, key));
                }
            }
            for w in ids.windows(2) {
                if w[0].1 && w[1].1 {
                    continue;
                }
                let key = (u64::from(w[0].0) << 32) | u64::from(w[1].0);
                flat_concepts.push(concept_id(concept_ids, &mut concept_df, &mut concept_is_name, key));
            }
            concept_ends.push(flat_concepts.len());
            name_ends.push(flat_names.len());
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
            let index = sents.len();
            sents.push(Sent {
                doc: d,
                index: i,
                span,
                words: n_words,
                terms: terms.clone(),
                concepts: Vec::new(),
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
    let mut concepts: Vec<u32> = Vec::new();
    let (mut c_start, mut n_start) = (0, 0);
    for (k, sent) in sents.iter_mut().enumerate() {
        concepts.clear();
        concepts.extend_from_slice(&flat_concepts[c_start..concept_ends[k]]);
        for &id in &flat_names[n_start..name_ends[k]] {
            let (upper, lower) = case_evidence[id as usize];
            if upper > 0 && upper >= lower {
                let key = (u64::from(id) << 32) | u64::from(u32::MAX);
                concepts.push(concept_id(concept_ids, &mut concept_df, &mut concept_is_name, key));
            }
        }
        (c_start, n_start) = (concept_ends[k], name_ends[k]);
        concepts.sort_unstable();
        concepts.dedup();
        sent.concepts = concepts.clone();
    }
    let mut concept_last_doc = vec![usize::MAX; concept_df.len()];
    for sent in &sents {
        for &c in &sent.concepts {
            if concept_last_doc[c as usize] != sent.doc {
                concept_last_doc[c as usize] = sent.doc;
                concept_df[c as usize] += 1;
            }
        }
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
    group_near_duplicates(&mut cluster, postings);
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
fn group_near_duplicates(cluster: &mut Cluster, postings: &mut Vec<Vec<u32>>) {
    let n = cluster.sents.len();
    let n_concepts = cluster.concept_df.len();
    // Reused lists: clear those this cluster uses, drop a huge cluster's.
    if postings.len() > 4 * n_concepts.max(1 << 14) {
        *postings = Vec::new();
    }
    for list in postings.iter_mut().take(n_concepts) {
        list.clear();
    }
    if postings.len() < n_concepts {
        postings.resize(n_concepts, Vec::new());
    }
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
        let a = cluster.sents[i].concepts.len();
        let mut best: Option<(f64, usize)> = None;
        for &r in &touched {
            let s = shared[r] as usize;
            shared[r] = 0;
            let b = cluster.sents[r].concepts.len();
            let dice = 2.0 * s as f64 / (a + b) as f64;
            let small = a.min(b);
            let contained = small >= 6 && s as f64 >= 0.8 * small as f64;
            // The best Dice, ties to the earliest group.
            if (dice >= 0.5 || contained) && best.is_none_or(|(d, b)| dice > d || (dice == d && r < b)) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_words_is_split_whitespace() {
        for s in [
            "",
            " ",
            "one",
            "  two  words ",
            "tab\tand\nnew\u{b}line\u{c}x\ry",
            "nbsp\u{a0}here\u{85}x",
            "ogham\u{1680}space\u{2000}en\u{200a}hair\u{2028}ls\u{2029}ps\u{202f}nn\u{205f}mm\u{3000}ideo",
            "not\u{200b}zero-width \u{2030}permille \u{e280}x",
            "“Quoted” words — dashes… ünïcödé 日本語 テキスト",
        ] {
            assert_eq!(count_words(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn count_words_matches_on_any_text(s in "(\\PC|\\s|[\u{85}\u{a0}\u{1680}\u{2000}-\u{200b}\u{2028}-\u{202f}\u{205f}\u{3000}])*") {
            proptest::prop_assert_eq!(count_words(&s), s.split_whitespace().count());
        }
    }
}
