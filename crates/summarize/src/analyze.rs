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
use std::collections::hash_map::Entry;

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
    /// Its content-term ids with counts, sorted by id: this range of
    /// [`Cluster::terms`] (see [`Cluster::terms_of`]).
    pub terms: (u32, u32),
    /// Its concept ids (bigrams keeping at most one stopword, entity names),
    /// sorted, unique: this range of [`Cluster::concepts`] (see
    /// [`Cluster::concepts_of`]).
    pub concepts: (u32, u32),
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
    /// The sentences' term lists, one after the other (a repeated sentence
    /// shares its first occurrence's).
    pub terms: Vec<(u32, u32)>,
    /// The sentences' concept lists, one after the other (shared likewise).
    pub concepts: Vec<u32>,
    /// Documents of each group, ascending, one group after the other: group
    /// `g` (the sentence index of its first member) owns the range
    /// `group_docs_at[g]` (empty for non-roots). See [`Cluster::group_docs`].
    pub group_doc_list: Vec<usize>,
    pub group_docs_at: Vec<(u32, u32)>,
    /// Members of each group, ascending, laid out likewise. See
    /// [`Cluster::group_members`].
    pub group_member_list: Vec<usize>,
    pub group_members_at: Vec<(u32, u32)>,
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

    /// Content-term ids with counts of sentence `s`, sorted by id.
    pub fn terms_of(&self, s: usize) -> &[(u32, u32)] {
        let (a, b) = self.sents[s].terms;
        &self.terms[a as usize..b as usize]
    }

    /// Concept ids of sentence `s`, sorted, unique.
    pub fn concepts_of(&self, s: usize) -> &[u32] {
        let (a, b) = self.sents[s].concepts;
        &self.concepts[a as usize..b as usize]
    }

    /// Documents of group `g`, ascending (empty unless `g` is a group id).
    pub fn group_docs(&self, g: usize) -> &[usize] {
        let (a, b) = self.group_docs_at[g];
        &self.group_doc_list[a as usize..b as usize]
    }

    /// Members of group `g`, ascending (empty unless `g` is a group id).
    pub fn group_members(&self, g: usize) -> &[usize] {
        let (a, b) = self.group_members_at[g];
        &self.group_member_list[a as usize..b as usize]
    }

    /// Appends the tf-idf vector of sentence `s` to `out`: (term, weight)
    /// sorted by term. Returns its norm.
    pub fn tfidf_into(&self, s: usize, out: &mut Vec<(u32, f64)>) -> f64 {
        let start = out.len();
        out.extend(self.terms_of(s).iter().map(|&(t, c)| (t, c as f64 * self.idf[t as usize])));
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
/// Stems get a thread-wide id once (the only allocation, the first time a
/// thread meets the stem); each cluster maps thread-wide ids to its own
/// dense ids, in first-seen order, through an epoch-stamped table, so a
/// stream of clusters neither allocates per word nor rebuilds a map.
///
/// Token forms (the exact bytes of a token, with its kind, per language)
/// are remembered too, with their stem's thread-wide id and flags: a form
/// seen before costs one hash probe of a packed integer, no normalisation,
/// no stemming, no string comparison.
#[derive(Default)]
struct Interner {
    /// Stems of at most 15 bytes, packed with their length into an integer
    /// (compared inline, no string comparison call): nearly all stems.
    short: FxMap<u128, u32>,
    long: FxMap<Box<str>, u32>,
    /// Token forms of each language seen on this thread.
    forms: Vec<(Option<Language>, Forms)>,
    n_forms: usize,
    /// Per thread-wide id: (epoch it was last seen in, its id then).
    local: Vec<(u32, u32)>,
    epoch: u32,
    len: u32,
}

/// Token forms of one language: packed form (see [`short_form_key`]) or,
/// for forms of 16 bytes and more, kind tag + text → what the form means.
struct Forms {
    short: FxMap<u128, Form>,
    long: FxMap<Box<str>, Form>,
    /// A direct-mapped cache in front of `short`: one multiplication, one
    /// load, one comparison for frequent forms. [`FRONT_SLOTS`] long.
    front: Box<[Front]>,
}

/// A slot of [`Forms::front`]: a form, what it means, and the cluster id of
/// its stem as of cluster `epoch` (saves a look-up in [`Interner::local`]).
#[derive(Clone, Copy, Default)]
struct Front {
    /// The packed form (0: none).
    key: u128,
    form: Form,
    epoch: u32,
    local: u32,
}

impl Default for Forms {
    fn default() -> Forms {
        Forms {
            short: FxMap::default(),
            long: FxMap::default(),
            front: vec![Front::default(); FRONT_SLOTS].into_boxed_slice(),
        }
    }
}

/// Slots of [`Forms::front`] (a power of two).
const FRONT_SLOTS: usize = 1 << 13;

/// The [`Forms::front`] slot of packed form `key`.
#[inline]
fn front_slot(key: u128) -> usize {
    let h = ((key as u64) ^ ((key >> 64) as u64).rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> (64 - FRONT_SLOTS.trailing_zeros())) as usize
}

/// What a token form means, as far as the analysis is concerned: a pure
/// function of (language, token text, token kind).
#[derive(Clone, Copy, Default)]
struct Form {
    /// Thread-wide id of its stem.
    global: u32,
    stop: bool,
    /// First character upper-case.
    upper: bool,
    /// A word (not a number, URL, tag…).
    alpha: bool,
    number: bool,
}

/// Thread-wide stems kept at most: past this, the interner starts afresh.
const MAX_INTERNED: usize = 1 << 18;
/// Thread-wide token forms kept at most.
const MAX_FORMS: usize = 1 << 19;

/// `bytes[s..e]` (at most 15 bytes) with its length and `kind` packed into
/// one integer; `None` for longer forms. Reads 16 bytes at once where the
/// text allows it.
#[inline]
fn short_form_key(bytes: &[u8], s: usize, e: usize, kind: TokenKind) -> Option<u128> {
    let len = e.checked_sub(s)?;
    if len > 15 {
        return None;
    }
    let v = match bytes.get(s..s + 16).and_then(|w| <[u8; 16]>::try_from(w).ok()) {
        Some(w) => u128::from_le_bytes(w),
        None => {
            let mut packed = [0u8; 16];
            packed[..len].copy_from_slice(bytes.get(s..e)?);
            u128::from_le_bytes(packed)
        }
    };
    // Keep the form's bytes only (`len` ≤ 15, so the top byte is free).
    let tag = len as u128 | (kind as u128) << 4;
    Some(v & FORM_MASK[len] | tag << 120)
}

/// `FORM_MASK[k]`: the low `k` bytes of a `u128` set.
const FORM_MASK: [u128; 16] = {
    let mut t = [0u128; 16];
    let mut k = 1;
    while k < 16 {
        t[k] = (1u128 << (8 * k)) - 1;
        k += 1;
    }
    t
};

impl Interner {
    /// Starts a cluster: ids restart at 0.
    fn begin(&mut self) {
        if self.local.len() > MAX_INTERNED || self.n_forms > MAX_FORMS || self.epoch == u32::MAX {
            *self = Interner::default();
        }
        self.epoch += 1;
        self.len = 0;
    }

    /// The index of `lang`'s form table.
    fn forms_of(&mut self, lang: Option<Language>) -> usize {
        match self.forms.iter().position(|(l, _)| *l == lang) {
            Some(i) => i,
            None => {
                self.forms.push((lang, Forms::default()));
                self.forms.len() - 1
            }
        }
    }

    /// The thread-wide id of stem `s`.
    fn global(&mut self, s: &str) -> u32 {
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
        g
    }
}

/// The cluster id of thread-wide id `g` ([`Interner::local`] on its fields).
#[inline]
fn local_id(local: &mut [(u32, u32)], epoch: u32, len: &mut u32, g: u32) -> u32 {
    let Some(slot) = local.get_mut(g as usize) else { return 0 };
    if slot.0 != epoch {
        *slot = (epoch, *len);
        *len += 1;
    }
    slot.1
}

/// The meaning of the token `kind` at `text[s..e]` (a token of
/// `tokenizer`) when the front cache does not have it (`key`: its packed
/// form, if short): from the form tables or, the first time, from the
/// tokenizer.
#[allow(clippy::too_many_arguments)]
#[cold]
#[inline(never)]
fn form_slow(
    words: &mut Interner,
    f: usize,
    long_key: &mut String,
    tokenizer: &Tokenizer,
    cache: &mut StemCache,
    text: &str,
    (s, e, kind): (usize, usize, TokenKind),
    key: Option<u128>,
) -> Form {
    let forms = &mut words.forms[f].1;
    let known = match key {
        Some(k) => forms.short.get(&k).copied(),
        None => {
            long_key.clear();
            long_key.push(char::from(b'a' + kind as u8));
            long_key.push_str(text.get(s..e).unwrap_or(""));
            forms.long.get(long_key.as_str()).copied()
        }
    };
    if let Some(known) = known {
        return known;
    }
    let word = text.get(s..e).unwrap_or("");
    let (global, stop) = tokenizer.annotate(word, kind, cache, |_, stem, stop| (words.global(stem), stop));
    let form = Form {
        global,
        stop,
        upper: word.chars().next().is_some_and(char::is_uppercase),
        alpha: kind == TokenKind::Word || kind == TokenKind::Abbreviation,
        number: kind == TokenKind::Number,
    };
    let forms = &mut words.forms[f].1;
    match key {
        Some(k) => {
            forms.short.insert(k, form);
        }
        None => {
            forms.long.insert(long_key.as_str().into(), form);
        }
    }
    words.n_forms += 1;
    form
}

/// Where tokens come from: a document text, the tokenizer of its language
/// and that language's form table.
struct Source<'a> {
    tokenizer: &'a Tokenizer,
    /// Index of the language's form table in [`Interner::forms`].
    forms: usize,
    /// The document text.
    text: &'a str,
    /// Offset of the sentence the spans are relative to.
    base: usize,
}

/// Appends to `out` the tokens at `spans` (relative to `source.base`).
#[inline(never)]
fn push_tokens(
    words: &mut Interner,
    long_key: &mut String,
    cache: &mut StemCache,
    source: &Source<'_>,
    spans: &[(Span, TokenKind)],
    out: &mut Vec<Tok>,
) {
    out.reserve(spans.len());
    let bytes = source.text.as_bytes();
    // The language's front cache, held here for the loop (put back below;
    // the slow path does not use it).
    let mut front = match words.forms.get_mut(source.forms) {
        Some((_, forms)) => std::mem::take(&mut forms.front),
        None => Box::default(),
    };
    let epoch = words.epoch;
    for &(t, kind) in spans {
        let (s, e) = (source.base + t.start, source.base + t.end);
        let key = short_form_key(bytes, s, e, kind);
        // A form met before (the hot path: no hashing beyond one
        // multiplication, no call; its cluster id too once met in this
        // cluster).
        let slot = key.and_then(|k| Some((k, front.get_mut(front_slot(k))?)));
        if let Some((k, slot)) = slot {
            if slot.key == k {
                if slot.epoch != epoch {
                    slot.local = local_id(&mut words.local, epoch, &mut words.len, slot.form.global);
                    slot.epoch = epoch;
                }
                let f = slot.form;
                out.push(Tok { id: slot.local, stop: f.stop, upper: f.upper, alpha: f.alpha, number: f.number });
                continue;
            }
        }
        let f = form_slow(words, source.forms, long_key, source.tokenizer, cache, source.text, (s, e, kind), key);
        let id = local_id(&mut words.local, epoch, &mut words.len, f.global);
        if let Some(k) = key {
            if let Some(slot) = front.get_mut(front_slot(k)) {
                *slot = Front { key: k, form: f, epoch, local: id };
            }
        }
        out.push(Tok { id, stop: f.stop, upper: f.upper, alpha: f.alpha, number: f.number });
    }
    if let Some((_, forms)) = words.forms.get_mut(source.forms) {
        forms.front = front;
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
    concept_ids: ConceptTable,
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
    // Nearly always only ASCII white space separates words: count the
    // starts of runs of other bytes, a branch-free pass the compiler
    // vectorises, unless a wide space is present.
    let wide = !b.is_ascii()
        && memchr::memchr3_iter(0xc2, 0xe1, 0xe2, b).chain(memchr::memchr_iter(0xe3, b)).any(|i| wide_space(b, i) > 0);
    if !wide {
        let ascii_space = |c: u8| (c == b' ') | (c.wrapping_sub(b'\t') < 5);
        let first = usize::from(b.first().is_some_and(|&c| !ascii_space(c)));
        // Word starts after the first byte: pairs (space, other), counted
        // in blocks of 16 pairs (arrays: no bounds checks, the loop runs
        // on vectors), then the rest.
        let mut n = first;
        let (before, after) = (b.get(..b.len().saturating_sub(1)).unwrap_or_default(), b.get(1..).unwrap_or_default());
        let start = |p: u8, c: u8| u8::from(ascii_space(p) & !ascii_space(c));
        let (mut xs, mut ys) = (before.chunks_exact(16), after.chunks_exact(16));
        for (x, y) in (&mut xs).zip(&mut ys) {
            let (Ok(x), Ok(y)) = (<&[u8; 16]>::try_from(x), <&[u8; 16]>::try_from(y)) else { continue };
            let mut starts = 0u8;
            for k in 0..16 {
                starts += start(x[k], y[k]);
            }
            n += usize::from(starts);
        }
        for (&p, &c) in xs.remainder().iter().zip(ys.remainder()) {
            n += usize::from(start(p, c));
        }
        return n;
    }
    count_words_wide(b)
}

/// [`count_words`] when wide white space is present.
fn count_words_wide(b: &[u8]) -> usize {
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

/// Concept keys → cluster concept ids: an open-addressing table (linear
/// probing) of 4-byte slots holding `id + 1` (0: empty), the keys kept
/// apart in id order. Small enough to stay in the first-level cache for a
/// usual cluster; kept from cluster to cluster on a thread and emptied with
/// one fill per cluster.
#[derive(Default)]
struct ConceptTable {
    /// `id + 1` of the concept whose probe sequence passes here, or 0.
    slots: Vec<u32>,
    /// The key of each id.
    keys: Vec<u64>,
}

impl ConceptTable {
    /// Empties the table for a cluster expected to have about `expected`
    /// concepts.
    fn begin(&mut self, expected: usize) {
        let want = (2 * expected).next_power_of_two().max(1 << 10);
        if self.slots.len() < want || self.slots.len() > 2 * want {
            self.slots = vec![0; want];
        } else {
            self.slots.fill(0);
        }
        self.keys.clear();
    }

    #[inline]
    fn slot(key: u64, bits: u32) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
    }

    /// The id of `key`, new ids given in order (the number of keys so far).
    #[inline]
    fn get_or_insert(&mut self, key: u64) -> u32 {
        let mask = self.slots.len() - 1;
        let mut i = Self::slot(key, self.slots.len().trailing_zeros());
        loop {
            let s = self.slots[i];
            if s == 0 {
                break;
            }
            if self.keys.get(s as usize - 1) == Some(&key) {
                return s - 1;
            }
            i = (i + 1) & mask;
        }
        let id = self.keys.len() as u32;
        self.slots[i] = id + 1;
        self.keys.push(key);
        if 2 * self.keys.len() > self.slots.len() {
            self.grow();
        }
        id
    }

    /// Doubles the table.
    #[cold]
    fn grow(&mut self) {
        self.slots = vec![0; 2 * self.slots.len()];
        let (mask, bits) = (self.slots.len() - 1, self.slots.len().trailing_zeros());
        for (id, &k) in self.keys.iter().enumerate() {
            let mut i = Self::slot(k, bits);
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = id as u32 + 1;
        }
    }
}

/// Sorts the ids of one sentence. They come nearly sorted (ids are given in
/// first-seen order, so a sentence's new words and bigrams come ascending,
/// with the few known ones in between): insertion sort, whose cost is the
/// length plus the number of inversions, for the usual lengths.
fn sort_ids<T: Ord + Copy>(v: &mut [T]) {
    if v.len() > 64 {
        v.sort_unstable();
        return;
    }
    for i in 1..v.len() {
        let x = v[i];
        let mut j = i;
        while j > 0 && v[j - 1] > x {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
}

fn analyze_with(docs: &[Document<'_>], cache: &mut StemCache, scratch: &mut Scratch) -> Cluster {
    let Scratch { words, concept_ids, postings } = scratch;
    words.begin();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    concept_ids.begin(bytes / 12);
    let mut tokenizers: Vec<(Option<Language>, Tokenizer, usize)> = Vec::new();
    let mut long_key = String::new();
    let mut spans: Vec<(Span, TokenKind)> = Vec::new();
    let mut term_df: Vec<u32> = Vec::new();
    // Sized once for the cluster: no growing per sentence.
    let n_raw: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let mut sents: Vec<Sent> = Vec::with_capacity(n_raw);
    let mut first_of_doc = Vec::with_capacity(docs.len());
    // Tokens of every distinct sentence text, one after the other.
    let mut all_toks: Vec<Tok> = Vec::with_capacity(bytes / 5);
    let mut repeats: FxMap<(usize, &str), FirstSeen> = FxMap::with_capacity_and_hasher(n_raw, Default::default());
    let mut terms: Vec<(u32, u32)> = Vec::new();
    // A sentence's content-term ids, one per occurrence: those known
    // before the sentence, then those it brings in.
    let mut term_ids: Vec<u32> = Vec::new();
    let mut new_term_ids: Vec<u32> = Vec::new();
    // All sentences' term lists; which sentence each one repeats.
    let mut flat_terms: Vec<(u32, u32)> = Vec::with_capacity(bytes / 8);
    let mut repeat_of: Vec<Option<usize>> = Vec::with_capacity(n_raw);
    // Per word: (capitalised inside a sentence, lower-case) counts.
    let mut case_evidence: Vec<(u32, u32)> = Vec::new();
    // Bigram and figure concepts, then name candidates, of every sentence,
    // flat: sentence k owns `flat[ends[k - 1]..ends[k]]` of each.
    let mut flat_concepts: Vec<u32> = Vec::with_capacity(bytes / 6);
    let mut concept_ends: Vec<usize> = Vec::with_capacity(n_raw);
    let mut flat_names: Vec<u32> = Vec::with_capacity(bytes / 32);
    let mut name_ends: Vec<usize> = Vec::with_capacity(n_raw);
    for (d, doc) in docs.iter().enumerate() {
        first_of_doc.push(sents.len());
        let lang = match tokenizers.iter().position(|(l, _, _)| *l == doc.lang) {
            Some(i) => i,
            None => {
                let forms = words.forms_of(doc.lang);
                tokenizers.push((doc.lang, Tokenizer::new(doc.lang), forms));
                tokenizers.len() - 1
            }
        };
        let (_, tok, forms) = &tokenizers[lang];
        let forms = *forms;
        let n = doc.sentences.len().max(1);
        for (i, &raw) in doc.sentences.iter().enumerate() {
            if raw.get(doc.text).is_none() || doc.title == Some(raw) {
                continue;
            }
            let span = strip_dateline(doc.text, raw, i < 3);
            let text = &doc.text[span];
            // Copy carried by several sources repeats sentences verbatim:
            // tokenize each distinct (language, text) once. The words of a
            // repeat are interned already, so ids come out the same.
            // Ids from here on are new in this sentence.
            let first_new = words.len;
            let (toks, n_words, usable, first) = match repeats.entry((lang, text)) {
                Entry::Occupied(f) => {
                    let f = *f.get();
                    (&all_toks[f.start..f.end], f.words, f.usable, Some(f.sent))
                }
                Entry::Vacant(slot) => {
                    let start = all_toks.len();
                    let base = span.start;
                    spans.clear();
                    tok.for_each_span(text, |t, kind| spans.push((t, kind)));
                    let source = Source { tokenizer: tok, forms, text: doc.text, base };
                    push_tokens(words, &mut long_key, cache, &source, &spans, &mut all_toks);
                    let (n_words, usable) = (count_words(text), classify(text, doc.lang));
                    let first = FirstSeen { start, end: all_toks.len(), words: n_words, usable, sent: sents.len() };
                    slot.insert(first);
                    (&all_toks[start..], n_words, usable, None)
                }
            };
            terms.clear();
            term_ids.clear();
            new_term_ids.clear();
            if words.len as usize > case_evidence.len() {
                case_evidence.resize(words.len as usize, (0, 0));
            }
            repeat_of.push(first);
            if let Some(first) = first {
                // A repeat: the same terms and concepts as its first
                // occurrence (all known already, shared); only the case
                // evidence is counted again.
                for (k, t) in toks.iter().enumerate() {
                    if !t.stop && t.alpha {
                        if !t.upper {
                            case_evidence[t.id as usize].1 += 1;
                        } else if k > 0 {
                            case_evidence[t.id as usize].0 += 1;
                        }
                    }
                }
                concept_ends.push(flat_concepts.len());
                name_ends.push(flat_names.len());
                let range = sents[first].terms;
                for &(t, _) in &flat_terms[range.0 as usize..range.1 as usize] {
                    term_df[t as usize] += 1;
                }
                let index = sents.len();
                sents.push(Sent {
                    doc: d,
                    index: i,
                    span,
                    words: n_words,
                    terms: range,
                    concepts: (0, 0),
                    rel_pos: i as f64 / n as f64,
                    usable,
                    short: n_words < MIN_WORDS,
                    group: index,
                });
                continue;
            }
            for (k, t) in toks.iter().enumerate() {
                let id = t.id;
                if !t.stop && t.alpha {
                    if id < first_new {
                        term_ids.push(id);
                    } else {
                        new_term_ids.push(id);
                    }
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
                    flat_concepts.push(concept_ids.get_or_insert(key));
                }
            }
            for w in toks.windows(2) {
                if w[0].stop && w[1].stop {
                    continue;
                }
                let key = (u64::from(w[0].id) << 32) | u64::from(w[1].id);
                flat_concepts.push(concept_ids.get_or_insert(key));
            }
            concept_ends.push(flat_concepts.len());
            name_ends.push(flat_names.len());
            // Sorted ids, then runs of equal ids become (id, count). Ids are
            // given in first-seen order, so the new ones come ascending but
            // for repeats, and all above the known ones: sorting the two
            // lists apart skips the many inversions between them.
            sort_ids(&mut term_ids);
            sort_ids(&mut new_term_ids);
            for &id in term_ids.iter().chain(&new_term_ids) {
                match terms.last_mut() {
                    Some(last) if last.0 == id => last.1 += 1,
                    _ => terms.push((id, 1)),
                }
            }
            for &(t, _) in &terms {
                if term_df.len() <= t as usize {
                    term_df.resize(t as usize + 1, 0);
                }
                term_df[t as usize] += 1;
            }
            let index = sents.len();
            let start = flat_terms.len() as u32;
            flat_terms.extend_from_slice(&terms);
            sents.push(Sent {
                doc: d,
                index: i,
                span,
                words: n_words,
                terms: (start, flat_terms.len() as u32),
                concepts: (0, 0),
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
    let mut all_concepts: Vec<u32> = Vec::with_capacity(flat_concepts.len() + flat_names.len());
    let (mut c_start, mut n_start) = (0, 0);
    for k in 0..sents.len() {
        if let Some(first) = repeat_of[k] {
            // Same tokens, same concepts (none of them new).
            sents[k].concepts = sents[first].concepts;
            continue;
        }
        concepts.clear();
        concepts.extend_from_slice(&flat_concepts[c_start..concept_ends[k]]);
        for &id in &flat_names[n_start..name_ends[k]] {
            let (upper, lower) = case_evidence[id as usize];
            if upper > 0 && upper >= lower {
                let key = (u64::from(id) << 32) | u64::from(u32::MAX);
                concepts.push(concept_ids.get_or_insert(key));
            }
        }
        (c_start, n_start) = (concept_ends[k], name_ends[k]);
        sort_ids(&mut concepts);
        concepts.dedup();
        let start = all_concepts.len() as u32;
        all_concepts.extend_from_slice(&concepts);
        sents[k].concepts = (start, all_concepts.len() as u32);
    }
    // Every concept is known now: its document frequency (counted below)
    // and whether it is a single name or figure (low half of the key all
    // ones) rather than a bigram.
    let mut concept_df = vec![0u32; concept_ids.keys.len()];
    let concept_is_name: Vec<bool> =
        concept_ids.keys.iter().map(|&key| key & u64::from(u32::MAX) == u64::from(u32::MAX)).collect();
    let mut concept_last_doc = vec![usize::MAX; concept_df.len()];
    for sent in &sents {
        for &c in &all_concepts[sent.concepts.0 as usize..sent.concepts.1 as usize] {
            if concept_last_doc[c as usize] != sent.doc {
                concept_last_doc[c as usize] = sent.doc;
                concept_df[c as usize] += 1;
            }
        }
    }
    let n_sents = sents.len().max(1) as f64;
    // The same few document frequencies recur: one logarithm each.
    let mut idf_of: Vec<Option<f64>> = vec![None; term_df.iter().max().map_or(0, |&m| m as usize) + 2];
    let idf = term_df
        .iter()
        .map(|&df| {
            let df = df.max(1);
            let memo = idf_of.get_mut(df as usize);
            match memo {
                Some(Some(v)) => *v,
                Some(slot) => *slot.insert((n_sents / f64::from(df)).ln() + 1.0),
                None => (n_sents / f64::from(df)).ln() + 1.0,
            }
        })
        .collect();
    let mut cluster = Cluster {
        sents,
        n_docs: docs.len(),
        concept_df,
        concept_is_name,
        concept_groups: Vec::new(),
        idf,
        terms: flat_terms,
        concepts: all_concepts,
        group_doc_list: Vec::new(),
        group_docs_at: Vec::new(),
        group_member_list: Vec::new(),
        group_members_at: Vec::new(),
        first_of_doc,
        dates: docs.iter().map(|d| d.date.map(str::to_string)).collect(),
    };
    group_near_duplicates(&mut cluster, postings);
    let mut concept_groups = vec![0u32; cluster.concept_df.len()];
    let mut last_group = vec![usize::MAX; cluster.concept_df.len()];
    for root in 0..cluster.sents.len() {
        for &m in cluster.group_members(root) {
            for &c in cluster.concepts_of(m) {
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
    let mut set_aside = vec![false; n_concepts];
    for i in 0..n {
        touched.clear();
        let concepts = cluster.concepts_of(i);
        let a = concepts.len();
        // A sentence that qualifies below shares at least `need` (counted)
        // concepts with this one: Dice ≥ 0.5 means 4s ≥ a + b ≥ a + s, so
        // s ≥ a / 3; containment means s ≥ 0.8 · 6. So it shares one of the
        // concepts left after setting aside the `need - 1` with the longest
        // lists (prefix filtering): only the others' lists are walked, and
        // the set-aside ones are counted for the candidates found.
        let need = a.div_ceil(3).clamp(1, 5);
        let mut aside = [(0usize, u32::MAX); 4];
        let aside = &mut aside[..need - 1];
        if !aside.is_empty() {
            for &c in concepts {
                let len = postings[c as usize].len();
                if len > MAX_POSTINGS || len <= aside[aside.len() - 1].0 {
                    continue;
                }
                // Insert, keeping `aside` sorted by decreasing length.
                let mut k = aside.len() - 1;
                while k > 0 && aside[k - 1].0 < len {
                    aside[k] = aside[k - 1];
                    k -= 1;
                }
                aside[k] = (len, c);
            }
        }
        let n_aside = aside.iter().filter(|&&(len, _)| len > 0).count();
        for &(len, c) in aside.iter() {
            if len > 0 {
                set_aside[c as usize] = true;
            }
        }
        for &c in concepts {
            let list = &postings[c as usize];
            if list.len() > MAX_POSTINGS || set_aside[c as usize] {
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
        let mut best: Option<(f64, usize)> = None;
        for &(_, c) in aside.iter() {
            if let Some(flag) = set_aside.get_mut(c as usize) {
                *flag = false;
            }
        }
        for &r in &touched {
            let mut s = shared[r] as usize;
            shared[r] = 0;
            let other = cluster.concepts_of(r);
            // A lower bound (rounded down, so never above the exact test's)
            // of the concepts `r` must share: Dice or containment.
            let (b, small) = (other.len(), a.min(other.len()));
            let low = if small >= 6 { ((a + b) / 4).min(small * 4 / 5 - 1) } else { (a + b) / 4 };
            if s + n_aside < low.max(need) {
                continue;
            }
            for &(len, c) in aside.iter() {
                if len > 0 && other.binary_search(&c).is_ok() {
                    s += 1;
                }
            }
            if s < need {
                continue;
            }
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
                for &c in cluster.concepts_of(i) {
                    postings[c as usize].push(i as u32);
                }
            }
        }
    }
    // Members and documents of each group, one group after the other
    // (members ascending: sentences are visited in order).
    let mut counts = vec![0u32; n];
    for sent in &cluster.sents {
        counts[sent.group] += 1;
    }
    let mut at = Vec::with_capacity(n);
    let mut end = 0u32;
    for &c in &counts {
        at.push((end, end));
        end += c;
    }
    let mut members = vec![0usize; end as usize];
    for (i, sent) in cluster.sents.iter().enumerate() {
        let slot = &mut at[sent.group].1;
        members[*slot as usize] = i;
        *slot += 1;
    }
    let mut docs_at = Vec::with_capacity(n);
    let mut docs: Vec<usize> = Vec::with_capacity(n);
    for &(a, b) in &at {
        let start = docs.len();
        for &m in &members[a as usize..b as usize] {
            let doc = cluster.sents[m].doc;
            if !docs[start..].contains(&doc) {
                docs.push(doc);
            }
        }
        docs[start..].sort_unstable();
        docs_at.push((start as u32, docs.len() as u32));
    }
    cluster.group_member_list = members;
    cluster.group_members_at = at;
    cluster.group_doc_list = docs;
    cluster.group_docs_at = docs_at;
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
        // Long texts: many 16-byte blocks, and a rest.
        for s in ["a ".repeat(400), "a".repeat(300), "\t\u{b}\u{c}\r\n x".repeat(50), "word  é\u{a0}".repeat(90)] {
            assert_eq!(count_words(&s), s.split_whitespace().count(), "{s:?}");
        }
    }

    #[test]
    fn sort_ids_sorts() {
        let mut cases: Vec<Vec<u32>> =
            vec![vec![], vec![1], vec![2, 1], vec![3, 1, 2, 1, 0, 5, 4, 4], (0..70).rev().collect()];
        cases.push((0..40).map(|k| (k * 7919) % 31).collect());
        for mut v in cases {
            let mut want = v.clone();
            want.sort_unstable();
            sort_ids(&mut v);
            assert_eq!(v, want);
        }
    }

    proptest::proptest! {
        #[test]
        fn sort_ids_matches_sort(mut v in proptest::collection::vec(0u32..50, 0..80)) {
            let mut want = v.clone();
            want.sort_unstable();
            sort_ids(&mut v);
            proptest::prop_assert_eq!(v, want);
        }

        #[test]
        fn count_words_matches_on_any_text(s in "(\\PC|\\s|[\u{85}\u{a0}\u{1680}\u{2000}-\u{200b}\u{2028}-\u{202f}\u{205f}\u{3000}])*") {
            proptest::prop_assert_eq!(count_words(&s), s.split_whitespace().count());
        }
    }
}
