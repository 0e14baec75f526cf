//! # brief-gazetteer
//!
//! Who and where: entity mentions (people, places, organisations,
//! nationalities) with canonical names, from an embedded gazetteer plus
//! contextual cues and propagation.
//!
//! - [`Gazetteer`]: the compiled list (≈160k surface forms from GeoNames,
//!   countryinfo, i18n-nationality, SupraVerden, a hand-written news list
//!   and a curated list of organisations; see `NOTICE`; rebuilt by `scripts/gazetteer/build.py`) with the cue
//!   rules. [`Gazetteer::find`] / [`Gazetteer::find_in`] analyse one
//!   document, [`Gazetteer::find_cluster`] (parts of each document, e.g. its
//!   content paragraphs) and [`Gazetteer::find_cluster_texts`] a cluster
//!   (names seen with a cue in one document are recognised in the others),
//!   [`Gazetteer::find_list`] is the bare list matcher.
//! - [`GazetteerBuilder`]: the embedded list and/or user lists (TSV or API).
//! - [`Mention`]: a byte [`Span`], an [`EntityType`], a canonical name and a
//!   [`MentionSource`] (list, cue or propagated).
//! - [`count_entities`] → [`EntityCount`]: the cluster table.
//!
//! List matching is case-sensitive with diacritics folded (`Lashkar Gāh` ~
//! `Lashkar Gah`), with a second key that ignores hyphens, apostrophes and
//! joining particles (`Qala-e-Naw` ~ `Qala i Naw`); matches respect word
//! boundaries on both sides and the longest match wins. Beyond the list,
//! titles and roles, first names, speech verbs and appositions find people;
//! suffixes (`… Army`, `… Ministry`, `Ministry of …`) organisations; place
//! nouns (`… province`, `the city of …`) places. Sentence-initial common
//! words never become entities. Every mention says whether it came from the
//! list, a cue, or propagation of a name seen earlier.
//!
//! ```
//! use brief_gazetteer::{EntityType, Gazetteer, MentionSource};
//! let gaz = Gazetteer::new();
//! let text = "The U.S. and Nato met in Kabul. Defence Secretary Jim Mattis spoke. Mattis left.";
//! let found = gaz.find(text);
//! let names: Vec<(&str, &str, EntityType, MentionSource)> =
//!     found.iter().map(|m| (&text[m.span], m.canonical.as_str(), m.kind, m.source)).collect();
//! assert_eq!(names, [
//!     ("U.S.", "United States", EntityType::Loc, MentionSource::List),
//!     ("Nato", "NATO", EntityType::Org, MentionSource::List),
//!     ("Kabul", "Kabul", EntityType::Loc, MentionSource::List),
//!     ("Jim Mattis", "Jim Mattis", EntityType::Per, MentionSource::List),
//!     ("Mattis", "Jim Mattis", EntityType::Per, MentionSource::Propagated),
//! ]);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod cues;
mod fold_table;
mod hash;
mod scan;

use std::sync::{Arc, OnceLock};

pub use brief_tokenize::Span;
use serde::Serialize;

use crate::hash::{key_hash, FxMap, FxSet, HashKeySet, HashKeyed};
use crate::scan::{push_folded, push_sep, PatternKeys, Sep, Word};

/// Entity types (the CoNLL/OntoNotes subset brief reports).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// A place: country, region, city, geographic feature.
    #[serde(rename = "LOC")]
    Loc,
    /// An organisation: government body, company, armed group, agency.
    #[serde(rename = "ORG")]
    Org,
    /// A nationality, religious or political group ("Afghan", "Pashtun").
    #[serde(rename = "NORP")]
    Norp,
    /// Anything else (events, products, works).
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    /// The type's label (`"PER"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Norp => "NORP",
            EntityType::Misc => "MISC",
        }
    }
}

impl std::str::FromStr for EntityType {
    type Err = Error;
    fn from_str(s: &str) -> Result<EntityType, Error> {
        // the labels as written (every embedded row): no allocation
        match s {
            "PER" => return Ok(EntityType::Per),
            "LOC" => return Ok(EntityType::Loc),
            "ORG" => return Ok(EntityType::Org),
            "NORP" => return Ok(EntityType::Norp),
            "MISC" => return Ok(EntityType::Misc),
            _ => {}
        }
        Ok(match s.trim().to_ascii_uppercase().as_str() {
            "PER" | "PERSON" => EntityType::Per,
            "LOC" | "GPE" | "PLACE" | "LOCATION" => EntityType::Loc,
            "ORG" | "ORGANIZATION" | "ORGANISATION" => EntityType::Org,
            "NORP" | "NAT" | "NATIONALITY" => EntityType::Norp,
            "MISC" => EntityType::Misc,
            _ => return Err(Error::UnknownType(s.to_string())),
        })
    }
}

/// Where a mention came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionSource {
    /// A gazetteer entry matched.
    List,
    /// A contextual cue (title, first name, organisation suffix).
    Cue,
    /// A name seen earlier (in the document or the cluster) matched again.
    Propagated,
}

/// One entity mention.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    /// The mention's bytes in the text searched.
    #[serde(flatten)]
    pub span: Span,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Canonical name ("United States" for "U.S.").
    pub canonical: String,
    /// How it was found.
    pub source: MentionSource,
}

/// One document of a cluster for [`Gazetteer::find_cluster`]: its text and
/// the parts of it to search (e.g. its content paragraphs).
pub type ClusterDoc<'a> = (&'a str, &'a [Span]);

/// Rank of rows added by users: above every embedded source.
const USER_RANK: u8 = 0;
/// Embedded rows at or above this rank are weak (towns, alternate names):
/// a cue or a propagated person overrides them.
pub(crate) const WEAK_RANK: u8 = 7;

/// One gazetteer row, as compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Canonical name: byte range in `Inner::canon`.
    pub canonical: (u32, u32),
    /// Exact key: byte range in `Inner::keys`.
    pub key: (u32, u32),
    /// Loose key: byte range in `Inner::keys` (empty if none).
    pub loose: (u32, u32),
    pub kind: EntityType,
    /// Source rank (0 = user rows; 1 = news and curated lists; higher =
    /// weaker).
    pub rank: u8,
    /// The surface is a frequent English word ("Nice", "Reading").
    pub common: bool,
    /// The surface ends with a full stop ("U.S.").
    pub dot: bool,
}

/// A compiled gazetteer. Cheap to clone (the tables are behind an `Arc`),
/// `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    inner: Arc<Inner>,
}

/// The compiled tables. Keys are stored once in `keys`; the hash tables map
/// [`hash::key_hash`] values to entries and every hit is verified against the
/// stored key.
#[derive(Debug, Default)]
pub(crate) struct Inner {
    /// Unique per compiled gazetteer (0: the empty one): tags the
    /// thread-local [`Memo`] of lookups.
    pub id: u64,
    pub entries: Vec<Entry>,
    /// Canonical names, concatenated.
    pub canon: String,
    /// Exact and loose keys, concatenated.
    pub keys: String,
    /// Exact key → entry index (or [`NO_ENTRY`]), with [`CONTINUES`] set
    /// when a longer key continues it after a word: one probe per word.
    pub exact: HashKeyed<u32>,
    /// Loose key → entry.
    pub loose: HashKeyed<u32>,
    /// Bit set (2^20 bits, cache-resident) of the hashes of every exact key's
    /// first word: most capitalised words start no key and are rejected here
    /// without probing the large table.
    pub first_bits: Vec<u64>,
    /// First word of a loose key → the most text words it may span.
    pub loose_firsts: HashKeyed<u8>,
    /// Patterns starting with a lower-case word ("al-Qaida"): their first
    /// words, and per first byte a bit set of their lengths (a cheap filter).
    pub lower_firsts: HashKeySet,
    pub lower_mask: Vec<u32>,
    /// First names (person cue).
    pub first_names: FxSet<Box<str>>,
    /// Frequent lower-case English words (sentence-initial filter).
    pub words: FxSet<Box<str>>,
}

const FIRST_BITS: usize = 1 << 20;

#[inline]
fn first_bit(h: u64) -> (usize, u64) {
    let b = (h >> 40) as usize & (FIRST_BITS - 1);
    (b / 64, 1u64 << (b % 64))
}

/// Flag in [`Inner::exact`] values: a longer key continues this one.
const CONTINUES: u32 = 1 << 31;
/// Value part of [`Inner::exact`] when the key is only a prefix.
const NO_ENTRY: u32 = CONTINUES - 1;

impl Inner {
    pub(crate) fn canonical(&self, e: &Entry) -> &str {
        self.canon.get(e.canonical.0 as usize..e.canonical.1 as usize).unwrap_or_default()
    }

    fn key(&self, r: (u32, u32)) -> &str {
        self.keys.get(r.0 as usize..r.1 as usize).unwrap_or_default()
    }

    /// The entry whose exact key is `key` (hashed `h`), and whether longer
    /// keys continue it.
    #[inline]
    fn get_exact_hashed(&self, key: &str, h: u64) -> (Option<u32>, bool) {
        let Some(&v) = self.exact.get(&h) else {
            return (None, false);
        };
        let i = v & NO_ENTRY;
        let found = (i != NO_ENTRY && self.key(self.entries[i as usize].key) == key).then_some(i);
        (found, v & CONTINUES != 0)
    }

    #[inline]
    fn get_loose(&self, key: &str) -> Option<u32> {
        let &i = self.loose.get(&key_hash(key))?;
        (self.key(self.entries[i as usize].loose) == key).then_some(i)
    }
}

/// A list match on the words of a part.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    /// First word index.
    pub w0: usize,
    /// One past the last word index.
    pub w1: usize,
    /// Byte range in the part.
    pub start: usize,
    pub end: usize,
    pub entry: u32,
}

/// Builds a [`Gazetteer`] from the embedded list and/or user lists.
///
/// ```
/// use brief_gazetteer::{EntityType, Gazetteer};
/// let mut b = Gazetteer::builder();
/// b.embedded(false).add("Acme Corp", "Acme Corporation", EntityType::Org);
/// b.add_tsv("Qala-e-Naw\tQala-e-Naw\tLOC\n").unwrap();
/// let gaz = b.build().unwrap();
/// let text = "Acme Corp sold Qala i Naw.";
/// let found: Vec<&str> = gaz.find_list(text).iter().map(|m| &text[m.span]).collect();
/// assert_eq!(found, ["Acme Corp", "Qala i Naw"]);
/// assert!(b.add_tsv("x\ty\tNOPE\n").is_err());
/// ```
#[derive(Clone, Debug, Default)]
pub struct GazetteerBuilder {
    no_embedded: bool,
    rows: Vec<(String, String, EntityType)>,
}

/// The generated default gazetteer (see `scripts/gazetteer/build.py`;
/// committed compressed, inflated by `build.rs`).
const EMBEDDED_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer.tsv"));

impl GazetteerBuilder {
    /// Include the embedded default gazetteer (on by default).
    pub fn embedded(&mut self, yes: bool) -> &mut Self {
        self.no_embedded = !yes;
        self
    }

    /// Adds one surface form. Later rows win over earlier ones and over the
    /// embedded list.
    pub fn add(&mut self, surface: &str, canonical: &str, kind: EntityType) -> &mut Self {
        self.rows.push((surface.to_string(), canonical.to_string(), kind));
        self
    }

    /// Adds rows from TSV text: `surface<TAB>canonical<TAB>type[<TAB>id]`;
    /// `#` comments and blank lines are skipped.
    pub fn add_tsv(&mut self, tsv: &str) -> Result<&mut Self, Error> {
        let rows = parse_tsv(tsv)?;
        self.rows.extend(rows);
        Ok(self)
    }

    /// Compiles the tables.
    pub fn build(&self) -> Result<Gazetteer, Error> {
        let mut c = Compiler::default();
        if !self.no_embedded {
            c.embedded()?;
        }
        for (s, canon, k) in &self.rows {
            if s.trim().is_empty() {
                return Err(Error::Invalid { line: 0, message: "empty surface form".into() });
            }
            let canon = if canon.trim().is_empty() { s } else { canon };
            if !c.add(s, canon, *k, USER_RANK, false, true) {
                return Err(Error::Invalid {
                    line: 0,
                    message: format!("surface form {s:?} does not start and end with a letter or digit"),
                });
            }
        }
        Ok(Gazetteer { inner: Arc::new(c.finish()) })
    }
}

#[derive(Default)]
struct Compiler {
    inner: Inner,
    pk: PatternKeys,
    /// While loading the embedded list, key insertions are collected and
    /// applied in table order (random inserts into large tables are cache
    /// misses; the load budget is 100 ms).
    defer: bool,
    pending_exact: Vec<(u64, u32)>,
    pending_loose: Vec<(u64, u32)>,
}

impl Compiler {
    fn push_key(keys: &mut String, k: &str) -> (u32, u32) {
        let start = keys.len() as u32;
        keys.push_str(k);
        (start, keys.len() as u32)
    }

    /// Adds a row; `replace`: the row wins over existing keys. Returns false
    /// if the surface has no usable key.
    fn add(&mut self, surface: &str, canonical: &str, kind: EntityType, rank: u8, common: bool, replace: bool) -> bool {
        if !self.pk.compute(surface) {
            return false;
        }
        let inner = &mut self.inner;
        let k = &self.pk;
        let idx = inner.entries.len() as u32;
        let c0 = inner.canon.len() as u32;
        inner.canon.push_str(canonical.trim());
        let canonical = (c0, inner.canon.len() as u32);
        let key = Self::push_key(&mut inner.keys, &k.exact);
        let loose = Self::push_key(&mut inner.keys, &k.loose);
        inner.entries.push(Entry { canonical, key, loose, kind, rank, common, dot: k.dot });
        let first_word = k.prefix_ends.first().map_or(&k.exact[..], |&e| &k.exact[..e]);
        if inner.first_bits.is_empty() {
            inner.first_bits = vec![0; FIRST_BITS / 64];
        }
        let (w, bit) = first_bit(key_hash(first_word));
        inner.first_bits[w] |= bit;
        if self.defer {
            self.pending_exact.push((key_hash(&k.exact), idx));
            for &e in &k.prefix_ends {
                self.pending_exact.push((key_hash(&k.exact[..e]), NO_ENTRY | CONTINUES));
            }
            if !k.loose.is_empty() {
                self.pending_loose.push((key_hash(&k.loose), idx));
            }
        } else {
            let v = inner.exact.entry(key_hash(&k.exact)).or_insert(NO_ENTRY);
            if replace || *v & NO_ENTRY == NO_ENTRY {
                *v = (*v & CONTINUES) | idx;
            }
            for &e in &k.prefix_ends {
                *inner.exact.entry(key_hash(&k.exact[..e])).or_insert(NO_ENTRY) |= CONTINUES;
            }
            if !k.loose.is_empty() {
                let h = key_hash(&k.loose);
                if replace {
                    inner.loose.insert(h, idx);
                } else {
                    inner.loose.entry(h).or_insert(idx);
                }
            }
        }
        if !k.loose.is_empty() {
            // a loose key may span extra particles in the text: two more words
            let n = (k.words + 2).min(u8::MAX as usize) as u8;
            let e = inner.loose_firsts.entry(key_hash(&k.loose[..k.first_len])).or_insert(0);
            *e = (*e).max(n);
        }
        if k.lower_first {
            let first = k.prefix_ends.first().map_or(&k.exact[..], |&e| &k.exact[..e]);
            let first = first.split(['-', '\'', ' ', '.']).next().unwrap_or(first);
            inner.lower_firsts.insert(key_hash(first));
            if inner.lower_mask.is_empty() {
                inner.lower_mask = vec![0; 256];
            }
            if let Some(&b) = first.as_bytes().first() {
                inner.lower_mask[b as usize] |= 1 << first.len().min(31);
            }
        }
        // plural of a nationality ("Afghans", "Pakistanis")
        if kind == EntityType::Norp && (surface.ends_with('n') || surface.ends_with('i')) && !surface.contains(' ') {
            let plural = format!("{}s", k.exact);
            let h = key_hash(&plural);
            let (w, bit) = first_bit(h);
            inner.first_bits[w] |= bit;
            let pidx = inner.entries.len() as u32;
            if self.defer {
                let pkey = Self::push_key(&mut inner.keys, &plural);
                inner.entries.push(Entry {
                    canonical,
                    key: pkey,
                    loose: (0, 0),
                    kind,
                    rank,
                    common: false,
                    dot: false,
                });
                self.pending_exact.push((h, pidx));
            } else {
                let v = inner.exact.entry(h).or_insert(NO_ENTRY);
                if *v & NO_ENTRY == NO_ENTRY {
                    let pkey = Self::push_key(&mut inner.keys, &plural);
                    inner.entries.push(Entry {
                        canonical,
                        key: pkey,
                        loose: (0, 0),
                        kind,
                        rank,
                        common: false,
                        dot: false,
                    });
                    *v = (*v & CONTINUES) | pidx;
                }
            }
        }
        true
    }

    fn embedded(&mut self) -> Result<(), Error> {
        let text = EMBEDDED_TSV;
        // rows are about 37 bytes: a reservation, not a count
        let rows = text.len() / 36 + 1;
        let inner = &mut self.inner;
        inner.entries.reserve(rows);
        inner.keys.reserve(text.len() / 2);
        inner.canon.reserve(text.len() / 3);
        self.defer = true;
        self.pending_exact.reserve(rows * 2);
        for (n, line) in Lines(text).enumerate() {
            let mut f = Tabs(Some(line));
            match f.next() {
                Some("E") => {
                    let (Some(s), Some(c), Some(k), Some(_src), Some(rank), Some(flags)) =
                        (f.next(), f.next(), f.next(), f.next(), f.next(), f.next())
                    else {
                        return Err(Error::Invalid { line: n + 1, message: "bad embedded row".into() });
                    };
                    let kind: EntityType = k.parse()?;
                    let rank: u8 = rank.parse().unwrap_or(u8::MAX - 1);
                    self.add(s, c, kind, rank.saturating_add(1), flags.contains('c'), false);
                }
                Some("F") => {
                    if let Some(name) = f.next() {
                        self.inner.first_names.insert(name.into());
                    }
                }
                Some("W") => {
                    if let Some(w) = f.next() {
                        self.inner.words.insert(w.into());
                    }
                }
                _ => {}
            }
        }
        self.defer = false;
        let exact = std::mem::take(&mut self.pending_exact);
        let loose = std::mem::take(&mut self.pending_loose);
        // first row wins a key (the rows are in rank order); prefixes only add
        // the continuation flag
        flush(&mut self.inner.exact, exact, |old, new| {
            let entry = if old & NO_ENTRY != NO_ENTRY { old & NO_ENTRY } else { new & NO_ENTRY };
            entry | ((old | new) & CONTINUES)
        });
        flush(&mut self.inner.loose, loose, |old, _| old);
        Ok(())
    }

    fn finish(self) -> Inner {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Inner { id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed), ..self.inner }
    }
}

/// Inserts `(hash, value)` pairs into an empty-or-not table in bucket
/// order, merging values of equal hashes in input order with `merge`.
fn flush(map: &mut HashKeyed<u32>, ops: Vec<(u64, u32)>, merge: impl Fn(u32, u32) -> u32) {
    let want = map.len() + ops.len();
    map.reserve(ops.len());
    // hashbrown places a key at (hash & mask); its table has a power-of-two
    // number of buckets at most 7/8 full
    let buckets = (want * 8 / 7 + 1).next_power_of_two() as u64;
    let mask = buckets - 1;
    // stable radix sort by bucket: values of one hash stay in input order
    // (equal hashes in one bucket need not be adjacent: `merge` is
    // associative and a later group merges into the table's value)
    let ops = radix_by_bucket(ops, mask);
    let mut i = 0;
    while i < ops.len() {
        let (h, mut v) = ops[i];
        let mut j = i + 1;
        while j < ops.len() && ops[j].0 == h {
            v = merge(v, ops[j].1);
            j += 1;
        }
        match map.get_mut(&h) {
            Some(old) => *old = merge(*old, v),
            None => {
                map.insert(h, v);
            }
        }
        i = j;
    }
}

/// The lines of a text split at `\n` (a trailing `\r` dropped), as
/// `str::lines` for the generated file, with a vectorised search.
struct Lines<'a>(&'a str);

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.0.is_empty() {
            return None;
        }
        let (line, rest) = match memchr::memchr(b'\n', self.0.as_bytes()) {
            Some(i) => (self.0.get(..i).unwrap_or_default(), self.0.get(i + 1..).unwrap_or_default()),
            None => (self.0, ""),
        };
        self.0 = rest;
        Some(line.strip_suffix('\r').unwrap_or(line))
    }
}

/// The tab-separated fields of a line, as `line.split('\t')` (a vectorised
/// byte search: the generic char searcher is a large part of the load time).
struct Tabs<'a>(Option<&'a str>);

impl<'a> Iterator for Tabs<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = self.0?;
        match memchr::memchr(b'\t', s.as_bytes()) {
            Some(i) => {
                self.0 = s.get(i + 1..);
                s.get(..i)
            }
            None => {
                self.0 = None;
                Some(s)
            }
        }
    }
}

/// Stable LSD radix sort of `ops` by `hash & mask` (`mask` = 2^k − 1).
fn radix_by_bucket(mut src: Vec<(u64, u32)>, mask: u64) -> Vec<(u64, u32)> {
    let bits = 64 - mask.leading_zeros();
    let mut dst = vec![(0u64, 0u32); src.len()];
    let mut shift = 0;
    while shift < bits {
        let width = (bits - shift).min(11);
        let digit_mask = (1u64 << width) - 1;
        let digit = |h: u64| ((h & mask) >> shift & digit_mask) as usize;
        let mut next = vec![0usize; 1 << width];
        for &(h, _) in &src {
            next[digit(h)] += 1;
        }
        let mut sum = 0;
        for c in next.iter_mut() {
            let n = *c;
            *c = sum;
            sum += n;
        }
        for &op in &src {
            let d = digit(op.0);
            dst[next[d]] = op;
            next[d] += 1;
        }
        std::mem::swap(&mut src, &mut dst);
        shift += width;
    }
    src
}

fn parse_tsv(tsv: &str) -> Result<Vec<(String, String, EntityType)>, Error> {
    let mut out = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut f = line.split('\t');
        let (Some(s), Some(c), Some(k)) = (f.next(), f.next(), f.next()) else {
            return Err(Error::Invalid { line: n + 1, message: "expected surface, canonical and type".into() });
        };
        let kind = k.parse().map_err(|_| Error::Invalid { line: n + 1, message: format!("unknown type {k:?}") })?;
        if s.trim().is_empty() {
            return Err(Error::Invalid { line: n + 1, message: "empty surface form".into() });
        }
        if !PatternKeys::default().compute(s) {
            return Err(Error::Invalid {
                line: n + 1,
                message: format!("surface form {s:?} does not start and end with a letter or digit"),
            });
        }
        out.push((s.to_string(), if c.is_empty() { s } else { c }.to_string(), kind));
    }
    Ok(out)
}

impl Default for Gazetteer {
    fn default() -> Self {
        Gazetteer::new()
    }
}

impl Gazetteer {
    /// The embedded default gazetteer (compiled once, then shared).
    pub fn new() -> Gazetteer {
        static DEFAULT: OnceLock<Gazetteer> = OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                // the embedded file is a tested build artefact; should it ever
                // fail to load, degrade to cues only rather than panic
                GazetteerBuilder::default().build().unwrap_or_else(|_| Gazetteer { inner: Arc::new(Inner::default()) })
            })
            .clone()
    }

    /// A builder (embedded list included unless turned off).
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Number of surface forms.
    pub fn len(&self) -> usize {
        self.inner.entries.len()
    }

    /// True when the gazetteer has no entries.
    pub fn is_empty(&self) -> bool {
        self.inner.entries.is_empty()
    }

    /// All mentions in `text` (one document): list matches, cues and names
    /// propagated within the document; left to right, non-overlapping.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_in(text, &[Span::new(0, text.len())])
    }

    /// Mentions inside the given parts of `text` (e.g. its content
    /// paragraphs); spans index `text`.
    pub fn find_in(&self, text: &str, parts: &[Span]) -> Vec<Mention> {
        self.find_cluster(&[(text, parts)]).pop().unwrap_or_default()
    }

    /// Mentions of every document of a cluster, in input order. Each
    /// document is `(text, parts)`: only the parts are searched (an empty
    /// slice searches nothing, as in [`Gazetteer::find_in`]); spans index the
    /// document's text. Names found with a
    /// cue in one document (a person introduced with a title, an organisation
    /// with its suffix) are recognised in the others as
    /// [`MentionSource::Propagated`]; a bare surname resolves to the full name
    /// used in the same document first, then in the cluster if unambiguous.
    ///
    /// ```
    /// use brief_gazetteer::{Gazetteer, MentionSource, Span};
    /// let gaz = Gazetteer::new();
    /// let a = "Police chief Wahid Qasemi said the road was closed.";
    /// let b = "Qasemi later reopened it.";
    /// let whole_b = [Span::new(0, b.len())];
    /// let found = gaz.find_cluster(&[(a, &[Span::new(0, a.len())]), (b, &whole_b)]);
    /// assert_eq!(found[1][0].canonical, "Wahid Qasemi");
    /// assert_eq!(found[1][0].source, MentionSource::Propagated);
    /// assert_eq!(gaz.find_cluster_texts(&[a, b]), found);
    /// ```
    pub fn find_cluster(&self, docs: &[ClusterDoc<'_>]) -> Vec<Vec<Mention>> {
        cues::find_cluster(&self.inner, docs)
    }

    /// [`Gazetteer::find_cluster`] over whole texts.
    pub fn find_cluster_texts(&self, texts: &[&str]) -> Vec<Vec<Mention>> {
        let whole: Vec<[Span; 1]> = texts.iter().map(|t| [Span::new(0, t.len())]).collect();
        let docs: Vec<ClusterDoc<'_>> = texts.iter().zip(&whole).map(|(t, w)| (*t, &w[..])).collect();
        self.find_cluster(&docs)
    }

    /// List matches only (no cues, no propagation).
    pub fn find_list(&self, text: &str) -> Vec<Mention> {
        self.list_matches(text)
            .into_iter()
            .map(|m| Mention {
                span: m.span,
                kind: m.kind,
                canonical: m.canonical.to_string(),
                source: MentionSource::List,
            })
            .collect()
    }

    /// The raw list matcher: matches with borrowed canonical names, no
    /// allocation per match.
    ///
    /// ```
    /// use brief_gazetteer::{EntityType, Gazetteer};
    /// let gaz = Gazetteer::new();
    /// let m = &gaz.list_matches("Troops left the U.S. base.")[0];
    /// assert_eq!((m.span.start, m.span.end, m.kind, m.canonical), (16, 20, EntityType::Loc, "United States"));
    /// ```
    pub fn list_matches(&self, text: &str) -> Vec<ListMatch<'_>> {
        let mut ws = Vec::with_capacity(text.len() / 5 + 1);
        scan::words(text, &mut ws);
        let mut hits = Vec::with_capacity(ws.len() / 4 + 1);
        self.inner.match_words(text, &ws, &mut hits);
        hits.iter()
            .map(|h| {
                let e = &self.inner.entries[h.entry as usize];
                ListMatch { span: Span::new(h.start, h.end), kind: e.kind, canonical: self.inner.canonical(e) }
            })
            .collect()
    }
}

/// A bare list match (see [`Gazetteer::list_matches`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListMatch<'g> {
    /// The match's bytes in the text searched.
    pub span: Span,
    /// Entity type.
    pub kind: EntityType,
    /// Canonical name, borrowed from the gazetteer.
    pub canonical: &'g str,
}

/// Slots of the [`Memo`] (a power of two).
const MEMO_SLOTS: usize = 2048;
/// Longest word the [`Memo`] holds.
const MEMO_KEY: usize = 24;

/// One remembered lookup: the key's bytes and the exact table's verified
/// answer (entry or [`NO_ENTRY`], with [`CONTINUES`]).
#[derive(Clone, Copy)]
struct MemoSlot {
    hash: u64,
    value: u32,
    /// Key length; 0: empty slot.
    len: u8,
    key: [u8; MEMO_KEY],
}

/// A small direct-mapped cache of first-word lookups in the exact table.
/// News text repeats its capitalised words; the table is megabytes large
/// and each lookup there costs cache misses (slot, entry, stored key).
/// Results are exact: a slot answers only for the same key bytes of the
/// same compiled gazetteer.
struct Memo {
    owner: u64,
    slots: Vec<MemoSlot>,
    /// Reusable buffer of [`Inner::first_lookups`].
    firsts: Vec<u32>,
}

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = const { std::cell::RefCell::new(Memo { owner: 0, slots: Vec::new(), firsts: Vec::new() }) };
}

impl Memo {
    fn reset_for(&mut self, owner: u64) {
        if self.owner != owner || self.slots.is_empty() {
            self.owner = owner;
            self.slots.clear();
            self.slots.resize(MEMO_SLOTS, MemoSlot { hash: 0, value: 0, len: 0, key: [0; MEMO_KEY] });
        }
    }
}

impl Inner {
    /// Finds list matches among the words `ws` of `hay`: at each word that can
    /// start a name, the longest key present wins; then the scan resumes
    /// after it.
    pub(crate) fn match_words(&self, hay: &str, ws: &[Word], out: &mut Vec<Hit>) {
        self.match_words_buf(hay, ws, out, &mut String::new());
    }

    /// [`Inner::match_words`] with a reusable key buffer.
    pub(crate) fn match_words_buf(&self, hay: &str, ws: &[Word], out: &mut Vec<Hit>, buf: &mut String) {
        // the thread's memo (unavailable only if already borrowed, which
        // this crate never does: then work without it)
        let _ = MEMO.try_with(|m| match m.try_borrow_mut() {
            Ok(mut memo) => {
                memo.reset_for(self.id);
                self.match_words_with(hay, ws, out, buf, Some(&mut memo));
            }
            Err(_) => self.match_words_with(hay, ws, out, buf, None),
        });
    }

    /// [`Inner::get_exact_hashed`] through the memo.
    #[inline]
    fn get_exact_memo(&self, key: &str, h: u64, memo: &mut Option<&mut Memo>) -> (Option<u32>, bool) {
        let kb = key.as_bytes();
        let Some(memo) = memo.as_deref_mut().filter(|_| kb.len() <= MEMO_KEY) else {
            return self.get_exact_hashed(key, h);
        };
        let slot = &mut memo.slots[(h >> 40) as usize & (MEMO_SLOTS - 1)];
        let v = if slot.hash == h && slot.len as usize == kb.len() && &slot.key[..kb.len()] == kb {
            slot.value
        } else {
            let (found, continues) = self.get_exact_hashed(key, h);
            let v = found.unwrap_or(NO_ENTRY) | if continues { CONTINUES } else { 0 };
            slot.hash = h;
            slot.value = v;
            slot.len = kb.len() as u8;
            slot.key[..kb.len()].copy_from_slice(kb);
            v
        };
        let i = v & NO_ENTRY;
        ((i != NO_ENTRY).then_some(i), v & CONTINUES != 0)
    }

    fn match_words_with(
        &self,
        hay: &str,
        ws: &[Word],
        out: &mut Vec<Hit>,
        buf: &mut String,
        mut memo: Option<&mut Memo>,
    ) {
        let mut firsts = memo.as_deref_mut().map(|m| std::mem::take(&mut m.firsts)).unwrap_or_default();
        self.first_lookups(hay, ws, &mut memo, &mut firsts);
        let mut i = 0;
        while i < ws.len() {
            match self.match_at(hay, ws, i, buf, &mut memo, &firsts) {
                Some(h) => {
                    i = h.w1;
                    out.push(h);
                }
                None => i += 1,
            }
        }
        if let Some(m) = memo {
            m.firsts = firsts;
        }
    }

    /// The exact-table answer (entry or [`NO_ENTRY`], with [`CONTINUES`])
    /// for every ASCII word of `ws` that starts with a capital or a digit, in
    /// one pass (the other words get junk never read; the rare lower-case
    /// starts are looked up by the matcher itself): the probes of the large table are
    /// independent here, so their cache misses overlap instead of each
    /// stalling the matcher. A word whose hash misses [`Inner::first_bits`]
    /// gets [`NO_ENTRY`].
    fn first_lookups(&self, hay: &str, ws: &[Word], memo: &mut Option<&mut Memo>, out: &mut Vec<u32>) {
        out.clear();
        out.extend(ws.iter().map(|w| {
            if !w.ascii || !(w.cap || w.digit) {
                return NO_ENTRY;
            }
            let s = &hay[w.start..w.end];
            let h = key_hash(s);
            let (b, bit) = first_bit(h);
            if self.first_bits.get(b).is_none_or(|&x| x & bit == 0) {
                return NO_ENTRY;
            }
            let (found, continues) = self.get_exact_memo(s, h, memo);
            found.unwrap_or(NO_ENTRY) | if continues { CONTINUES } else { 0 }
        }));
    }

    #[inline]
    fn may_start(&self, hay: &str, w: &Word) -> bool {
        if w.cap || w.digit {
            return true;
        }
        // lower-case starts are rare ("al-Qaida"): filter by first byte and length
        let s = &hay[w.start..w.end];
        let Some(&mask) = self.lower_mask.get(s.as_bytes()[0] as usize) else {
            return false;
        };
        mask & (1 << s.len().min(31)) != 0 && self.lower_firsts.contains(&key_hash(s))
    }

    /// `firsts`: [`Inner::first_lookups`] of `ws`.
    fn match_at(
        &self,
        hay: &str,
        ws: &[Word],
        i: usize,
        buf: &mut String,
        memo: &mut Option<&mut Memo>,
        firsts: &[u32],
    ) -> Option<Hit> {
        let w = &ws[i];
        if !self.may_start(hay, w) {
            return None;
        }
        // exact keys, extended word by word while some key continues
        let title_too = w.caps && w.end - w.start >= 4;
        // an ASCII capitalised first word was looked up by `first_lookups`;
        // "no key, no longer key" skips the pass
        let first = if w.ascii && (w.cap || w.digit) { firsts.get(i).copied() } else { None };
        for title in [false, true] {
            if title && !title_too {
                break;
            }
            if !title && first == Some(NO_ENTRY) {
                continue;
            }
            buf.clear();
            let mut best = None;
            for j in i..ws.len() {
                if j > i && push_sep(&hay[ws[j - 1].end..ws[j].start], buf) == Sep::Break {
                    break;
                }
                let s = &hay[ws[j].start..ws[j].end];
                if title {
                    if !(ws[j].caps || ws[j].digit) {
                        break;
                    }
                    push_titlecase(s, buf);
                } else {
                    push_folded(s, ws[j].ascii, buf);
                }
                let (found, continues) = match first {
                    Some(v) if j == i && !title => {
                        let e = v & NO_ENTRY;
                        ((e != NO_ENTRY).then_some(e), v & CONTINUES != 0)
                    }
                    _ => {
                        let h = key_hash(buf);
                        if j == i {
                            let (w, bit) = first_bit(h);
                            if self.first_bits.get(w).is_none_or(|&x| x & bit == 0) {
                                break;
                            }
                        }
                        if j == i {
                            self.get_exact_memo(buf, h, memo)
                        } else {
                            self.get_exact_hashed(buf, h)
                        }
                    }
                };
                if let Some(h) = found.and_then(|e| self.hit(hay, ws, i, j, e)) {
                    best = Some(h);
                }
                if !continues {
                    break;
                }
            }
            if best.is_some() {
                return best;
            }
        }
        self.match_loose(hay, ws, i, buf)
    }

    /// Loose keys: only where hyphens, apostrophes or particles occur.
    fn match_loose(&self, hay: &str, ws: &[Word], i: usize, buf: &mut String) -> Option<Hit> {
        if self.loose.is_empty() || i + 1 >= ws.len() {
            return None;
        }
        let w = &ws[i];
        // cheap gate: a loose key needs a hyphen, an apostrophe or a
        // particle right after the first word
        let next = &ws[i + 1];
        let sep = &hay[w.end..next.start];
        let joined = sep.starts_with(['-', '\'', '’', '‘', '`', 'ʿ']) || sep.ends_with(['-', '\'', '’', '‘', '`', 'ʿ']);
        if !joined && !scan::is_particle(&hay[next.start..next.end]) {
            return None;
        }
        buf.clear();
        push_folded(&hay[w.start..w.end], w.ascii, buf);
        let &maxn = self.loose_firsts.get(&key_hash(buf))?;
        let maxn = (maxn as usize).min(ws.len() - i);
        let mut tmp = String::new();
        // the longest span whose joins allow a loose key
        let mut last = i;
        let mut loose_needed = false;
        for k in i + 1..i + maxn {
            tmp.clear();
            let sep = &hay[ws[k - 1].end..ws[k].start];
            match push_sep(sep, &mut tmp) {
                Sep::Space => {}
                Sep::Hyphen | Sep::Apostrophe | Sep::Join => loose_needed = true,
                _ => break,
            }
            last = k;
        }
        for j in (i + 1..=last).rev() {
            let particles = (i + 1..j).any(|k| scan::is_particle(&hay[ws[k].start..ws[k].end]));
            if !loose_needed && !particles {
                continue;
            }
            buf.clear();
            for k in i..=j {
                let s = &hay[ws[k].start..ws[k].end];
                if k > i && k < j && scan::is_particle(s) {
                    continue;
                }
                if !buf.is_empty() {
                    buf.push(' ');
                }
                push_folded(s, ws[k].ascii, buf);
            }
            if let Some(e) = self.get_loose(buf) {
                if let Some(h) = self.hit(hay, ws, i, j, e) {
                    return Some(h);
                }
            }
        }
        None
    }

    fn hit(&self, hay: &str, ws: &[Word], i: usize, j: usize, e: u32) -> Option<Hit> {
        let (start, mut end) = (ws[i].start, ws[j].end);
        if self.entries[e as usize].dot {
            if hay.as_bytes().get(end) != Some(&b'.') {
                return None;
            }
            end += 1;
        }
        Some(Hit { w0: i, w1: j + 1, start, end, entry: e })
    }
}

fn push_titlecase(s: &str, out: &mut String) {
    for (k, c) in s.chars().enumerate() {
        if k == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// One row of the cluster entity table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityCount {
    /// Canonical name.
    pub canonical: String,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Mentions across all documents.
    pub mentions: usize,
    /// Documents that mention it.
    pub documents: usize,
}

/// Counts mentions per canonical entity across documents; sorted by
/// documents, then mentions (both descending), then name, then type.
///
/// ```
/// use brief_gazetteer::{count_entities, Gazetteer};
/// let gaz = Gazetteer::new();
/// let docs = [gaz.find("US troops left the U.S. base."), gaz.find("The United States said.")];
/// let table = count_entities(&docs);
/// assert_eq!(table[0].canonical, "United States");
/// assert_eq!((table[0].mentions, table[0].documents), (3, 2));
/// ```
pub fn count_entities(docs: &[Vec<Mention>]) -> Vec<EntityCount> {
    // (mentions, documents, last document seen + 1): documents come in
    // order, so a new document is one above the last seen
    let mut counts: FxMap<(&str, EntityType), (usize, usize, usize)> = FxMap::default();
    for (d, mentions) in docs.iter().enumerate() {
        for m in mentions {
            let e = counts.entry((m.canonical.as_str(), m.kind)).or_default();
            e.0 += 1;
            if e.2 != d + 1 {
                e.1 += 1;
                e.2 = d + 1;
            }
        }
    }
    let mut table: Vec<EntityCount> = counts
        .into_iter()
        .map(|((c, k), (m, d, _))| EntityCount { canonical: c.to_string(), kind: k, mentions: m, documents: d })
        .collect();
    // (canonical, type) pairs are distinct: a total order, whatever the
    // map's iteration order
    table.sort_unstable_by(|a, b| {
        b.documents
            .cmp(&a.documents)
            .then(b.mentions.cmp(&a.mentions))
            .then(a.canonical.cmp(&b.canonical))
            .then(a.kind.cmp(&b.kind))
    });
    table
}

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An entity type name that is not PER/LOC/ORG/NORP/MISC.
    #[error("unknown entity type {0:?}")]
    UnknownType(String),
    /// A malformed gazetteer row.
    #[error("gazetteer line {line}: {message}")]
    Invalid {
        /// 1-based line number (0 when added through the API).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The gazetteer could not be built.
    #[error("cannot build the gazetteer: {0}")]
    Build(String),
}
