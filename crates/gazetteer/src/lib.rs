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
//! - [`Mention`]: a byte [`Span`], an [`EntityType`], a canonical [`Name`]
//!   (a shared string: the mentions of one entity share one copy) and a
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
mod tables;

use std::sync::{Arc, OnceLock};

pub use brief_tokenize::Span;
use serde::Serialize;

use crate::hash::{key_hash, key_hash_bytes, FxMap, FxSet};
use crate::scan::{push_folded, push_sep, PatternKeys, Sep, Word};
use crate::tables::{first_bit, Compiler, Entry, Tables, CONTINUES, NO_ENTRY};

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
    /// Canonical name ("United States" for "U.S."), shared by the
    /// mentions of one entity.
    pub canonical: Name,
    /// How it was found.
    pub source: MentionSource,
}

/// A shared, immutable name: clones share one copy (the mentions of an
/// entity carry the same canonical name without one allocation each).
/// Reads as a `str` (`Deref`, `as_str`, comparisons with `str` and
/// `String`), prints and serialises as one.
///
/// ```
/// use brief_gazetteer::Name;
/// let n = Name::from("Kabul");
/// assert_eq!(n, "Kabul");
/// assert_eq!(n.as_str().len(), 5);
/// assert_eq!(format!("{n} {n:?}"), "Kabul \"Kabul\"");
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Name(Arc<str>);

impl Name {
    /// The name as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&*self.0, f)
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Name {
        Name(Arc::from(s))
    }
}

impl From<String> for Name {
    fn from(s: String) -> Name {
        Name(Arc::from(s))
    }
}

impl From<Arc<str>> for Name {
    fn from(s: Arc<str>) -> Name {
        Name(s)
    }
}

impl From<Name> for String {
    fn from(n: Name) -> String {
        n.0.to_string()
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Name> for String {
    fn eq(&self, other: &Name) -> bool {
        **self == *other.0
    }
}

/// One document of a cluster for [`Gazetteer::find_cluster`]: its text and
/// the parts of it to search (e.g. its content paragraphs).
pub type ClusterDoc<'a> = (&'a str, &'a [Span]);

/// Rank of rows added by users: above every embedded source.
const USER_RANK: u8 = 0;
/// Embedded rows at or above this rank are weak (towns, alternate names):
/// a cue or a propagated person overrides them.
pub(crate) const WEAK_RANK: u8 = 7;

/// A compiled gazetteer. Cheap to clone (the tables are behind an `Arc`),
/// `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    inner: Arc<Inner>,
}

/// The compiled tables ([`Tables`], reached through `Deref`) and the cue
/// word lists.
#[derive(Debug, Default)]
pub(crate) struct Inner {
    /// Unique per compiled gazetteer (0: the empty one): tags the
    /// thread-local [`Memo`] of lookups.
    pub id: u64,
    pub t: Tables,
    /// First names (person cue).
    pub first_names: FxSet<&'static str>,
    /// Frequent lower-case English words (sentence-initial filter).
    pub words: FxSet<&'static [u8]>,
}

impl std::ops::Deref for Inner {
    type Target = Tables;

    fn deref(&self) -> &Tables {
        &self.t
    }
}

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
    fn get_exact_hashed(&self, key: &[u8], h: u64) -> (Option<u32>, bool) {
        let Some(v) = self.exact.get(h) else {
            return (None, false);
        };
        let i = v & NO_ENTRY;
        let found = (i != NO_ENTRY && self.key(self.entries[i as usize].key).as_bytes() == key).then_some(i);
        (found, v & CONTINUES != 0)
    }

    #[inline]
    fn get_loose(&self, key: &str) -> Option<u32> {
        let i = self.loose.get(key_hash(key))?;
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

/// The embedded default gazetteer, compiled by `build.rs` from the list
/// generated by `scripts/gazetteer/build.py` (committed compressed).
mod embedded {
    pub(crate) static TABLES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tables.bin"));
    pub(crate) static CANON: &str = include_str!(concat!(env!("OUT_DIR"), "/canon.txt"));
    pub(crate) static KEYS: &str = include_str!(concat!(env!("OUT_DIR"), "/keys.txt"));
    pub(crate) static FIRST_NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/first_names.txt"));
    pub(crate) static WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/words.txt"));
}

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
        let mut inner = Inner::default();
        if !self.no_embedded {
            inner.t = Tables::decode(embedded::TABLES, embedded::CANON, embedded::KEYS)
                .ok_or_else(|| Error::Build("the embedded tables are malformed".into()))?;
            inner.first_names = embedded::FIRST_NAMES.lines().collect();
            inner.words = embedded::WORDS.lines().map(str::as_bytes).collect();
        }
        let mut c = Compiler::on(std::mem::take(&mut inner.t));
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
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        inner.t = c.t;
        inner.id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(Gazetteer { inner: Arc::new(inner) })
    }
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
                canonical: Name::from(m.canonical),
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

/// [`Inner::first_lookups`] of a word at which no match starts (above
/// every table value).
const SKIP: u64 = 1 << 32;

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
    firsts: Vec<u64>,
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
    fn get_exact_memo(&self, kb: &[u8], h: u64, memo: &mut Option<&mut Memo>) -> (Option<u32>, bool) {
        let Some(memo) = memo.as_deref_mut().filter(|_| kb.len() <= MEMO_KEY) else {
            return self.get_exact_hashed(kb, h);
        };
        let slot = &mut memo.slots[(h >> 40) as usize & (MEMO_SLOTS - 1)];
        let v = if slot.hash == h && slot.len as usize == kb.len() && &slot.key[..kb.len()] == kb {
            slot.value
        } else {
            let (found, continues) = self.get_exact_hashed(kb, h);
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
            if firsts.get(i) == Some(&SKIP) {
                i += 1;
                continue;
            }
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
    /// one pass (the probes of the large table are independent here, so
    /// their cache misses overlap instead of each stalling the matcher; a
    /// word whose hash misses [`Tables::first_bits`] gets [`NO_ENTRY`]), and
    /// [`SKIP`] for every word at which [`Inner::match_at`] certainly finds
    /// nothing: a lower-case word that cannot start a key, or an ASCII
    /// capitalised word that starts no exact key, is not an all-caps word
    /// (no title-case pass) and starts no loose key. Other words get junk
    /// never read.
    fn first_lookups(&self, hay: &str, ws: &[Word], memo: &mut Option<&mut Memo>, out: &mut Vec<u64>) {
        out.clear();
        let no_loose = self.loose.is_empty();
        out.extend(ws.iter().map(|w| {
            if !(w.cap || w.digit) {
                return if self.may_start(hay, w) { u64::from(NO_ENTRY) } else { SKIP };
            }
            if !w.ascii {
                return u64::from(NO_ENTRY);
            }
            // (ASCII: the bytes are the key)
            let s = hay.as_bytes().get(w.start..w.end).unwrap_or_default();
            let h = key_hash_bytes(s);
            let (b, bit) = first_bit(h);
            let v = if self.first_bits.get(b).is_none_or(|&x| x & bit == 0) {
                NO_ENTRY
            } else {
                let (found, continues) = self.get_exact_memo(s, h, memo);
                found.unwrap_or(NO_ENTRY) | if continues { CONTINUES } else { 0 }
            };
            // (an ASCII word is its own folded first word of a loose key)
            let title_too = w.caps && w.end - w.start >= 4;
            if v == NO_ENTRY && !title_too && (no_loose || self.loose_first_bits.get(b).is_none_or(|&x| x & bit == 0)) {
                SKIP
            } else {
                u64::from(v)
            }
        }));
    }

    #[inline(always)]
    fn may_start(&self, hay: &str, w: &Word) -> bool {
        if w.cap || w.digit {
            return true;
        }
        // lower-case starts are rare ("al-Qaida"): filter by first byte and
        // length before slicing and hashing the word
        let Some(&mask) = hay.as_bytes().get(w.start).and_then(|&b| self.lower_mask.get(b as usize)) else {
            return false;
        };
        let len = w.end.saturating_sub(w.start);
        mask & (1 << len.min(31)) != 0
            && self.lower_firsts.contains(key_hash_bytes(hay.as_bytes().get(w.start..w.end).unwrap_or_default()))
    }

    /// `firsts`: [`Inner::first_lookups`] of `ws`.
    fn match_at(
        &self,
        hay: &str,
        ws: &[Word],
        i: usize,
        buf: &mut String,
        memo: &mut Option<&mut Memo>,
        firsts: &[u64],
    ) -> Option<Hit> {
        let w = &ws[i];
        if !self.may_start(hay, w) {
            return None;
        }
        // exact keys, extended word by word while some key continues
        let title_too = w.caps && w.end - w.start >= 4;
        // an ASCII capitalised first word was looked up by `first_lookups`;
        // "no key, no longer key" skips the pass
        let first = if w.ascii && (w.cap || w.digit) { firsts.get(i).map(|&v| v as u32) } else { None };
        // a one-word key that no longer key continues: the exact pass is
        // that word's hit (no key to build)
        let mut exact_done = first == Some(NO_ENTRY);
        if let Some(v) = first.filter(|&v| v & CONTINUES == 0 && v != NO_ENTRY) {
            if let Some(h) = self.hit(hay, ws, i, i, v) {
                return Some(h);
            }
            exact_done = true;
        }
        for title in [false, true] {
            if title && !title_too {
                break;
            }
            if !title && exact_done {
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
                            self.get_exact_memo(buf.as_bytes(), h, memo)
                        } else {
                            self.get_exact_hashed(buf.as_bytes(), h)
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
        let maxn = self.loose_firsts.get(key_hash(buf))?;
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
    // (sized for a distinct entity per few mentions: no rehashing as it fills)
    let total: usize = docs.iter().map(Vec::len).sum();
    let mut counts: FxMap<(&str, EntityType), (usize, usize, usize)> =
        FxMap::with_capacity_and_hasher(total / 2, Default::default());
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
