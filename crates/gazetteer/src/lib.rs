//! # brief-gazetteer
//!
//! Who and where: entity mentions (people, places, organisations,
//! nationalities) with canonical names, from an embedded gazetteer plus
//! contextual cues and propagation.
//!
//! - [`Gazetteer`]: the compiled list (≈160k surface forms from GeoNames,
//!   countryinfo, i18n-nationality, SupraVerden and a hand-written news list;
//!   see `NOTICE`) with the cue rules. [`Gazetteer::find`] analyses one
//!   document, [`Gazetteer::find_cluster`] a cluster of documents (names seen
//!   with a cue in one document are recognised in the others),
//!   [`Gazetteer::find_list`] is the bare list matcher.
//! - [`GazetteerBuilder`]: the embedded list and/or user lists (TSV or API).
//! - [`Mention`]: a byte [`Span`], an [`EntityType`], a canonical name and a
//!   [`MentionSource`] (list, cue or propagated).
//! - [`count_entities`] → [`EntityCount`]: the cluster table.
//!
//! List matching is case-sensitive with diacritics folded (`Lashkar Gāh` ~
//! `Lashkar Gah`), with a second key that ignores hyphens, apostrophes and
//! joining particles (`Qala-e-Naw` ~ `Qala i Naw`); matches respect word
//! boundaries on both sides and the longest match wins.
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

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::Read;
use std::sync::{Arc, OnceLock};

pub use brief_tokenize::Span;
use serde::Serialize;

use crate::hash::FxMap;
use crate::scan::{pattern_keys, push_folded, push_sep, Sep, Word};

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
/// the parts of it to search (e.g. its content paragraphs; empty = all).
pub type ClusterDoc<'a> = (&'a str, &'a [Span]);

/// Rank of rows added by users: above every embedded source.
const USER_RANK: u8 = 0;
/// Embedded rows at or above this rank are weak (towns, alternate names):
/// a cue or a propagated person overrides them.
pub(crate) const WEAK_RANK: u8 = 7;

/// One gazetteer row, as compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub canonical: Arc<str>,
    pub kind: EntityType,
    /// Source rank (0 = user or news list; higher = weaker).
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

#[derive(Debug, Default)]
pub(crate) struct Inner {
    pub entries: Vec<Entry>,
    /// Exact key → entry.
    pub exact: FxMap<Box<str>, u32>,
    /// Loose key → entry.
    pub loose: FxMap<Box<str>, u32>,
    /// First word (folded) → the most words a pattern starting with it has.
    pub firsts: FxMap<Box<str>, u8>,
    /// Patterns starting with a lower-case word ("al-Qaida").
    pub lower_firsts: HashSet<Box<str>>,
    pub lower_first_max: usize,
    /// First names (person cue).
    pub first_names: HashSet<Box<str>>,
    /// Frequent lower-case English words (sentence-initial filter).
    pub words: HashSet<Box<str>>,
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

/// The generated default gazetteer (see `scripts/gazetteer/build.py`).
const EMBEDDED_GZ: &[u8] = include_bytes!("../data/gazetteer.tsv.gz");

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
    canon: BTreeMap<String, Arc<str>>,
}

impl Compiler {
    fn intern(&mut self, s: &str) -> Arc<str> {
        if let Some(a) = self.canon.get(s) {
            return a.clone();
        }
        let a: Arc<str> = s.into();
        self.canon.insert(s.to_string(), a.clone());
        a
    }

    /// Adds a row; `replace`: the row wins over existing keys. Returns false
    /// if the surface has no usable key.
    fn add(&mut self, surface: &str, canonical: &str, kind: EntityType, rank: u8, common: bool, replace: bool) -> bool {
        let Some(k) = pattern_keys(surface) else {
            return false;
        };
        let canonical = self.intern(canonical.trim());
        let idx = self.inner.entries.len() as u32;
        self.inner.entries.push(Entry { canonical, kind, rank, common, dot: k.dot });
        let inner = &mut self.inner;
        let put = |map: &mut FxMap<Box<str>, u32>, key: String| {
            if replace {
                map.insert(key.into_boxed_str(), idx);
            } else {
                map.entry(key.into_boxed_str()).or_insert(idx);
            }
        };
        put(&mut inner.exact, k.exact);
        // a loose key may span extra particles in the text: allow two more words
        let mut n = k.words;
        if let Some(l) = k.loose {
            put(&mut inner.loose, l);
            n += 2;
        }
        let n = n.min(u8::MAX as usize) as u8;
        if k.first.chars().next().is_some_and(|c| c.is_lowercase()) {
            inner.lower_first_max = inner.lower_first_max.max(k.first.len());
            inner.lower_firsts.insert(k.first.clone().into_boxed_str());
        }
        let e = inner.firsts.entry(k.first.into_boxed_str()).or_insert(0);
        *e = (*e).max(n);
        // plural of a nationality ("Afghans", "Pakistanis")
        if kind == EntityType::Norp && (surface.ends_with('n') || surface.ends_with('i')) && !surface.contains(' ') {
            let plural = format!("{surface}s");
            if let Some(pk) = pattern_keys(&plural) {
                inner.exact.entry(pk.exact.into_boxed_str()).or_insert(idx);
                let e = inner.firsts.entry(pk.first.into_boxed_str()).or_insert(0);
                *e = (*e).max(1);
            }
        }
        true
    }

    fn embedded(&mut self) -> Result<(), Error> {
        let mut text = String::new();
        flate2::read::GzDecoder::new(EMBEDDED_GZ)
            .read_to_string(&mut text)
            .map_err(|e| Error::Build(format!("embedded gazetteer: {e}")))?;
        for (n, line) in text.lines().enumerate() {
            let mut f = line.split('\t');
            match f.next() {
                Some("E") => {
                    let (Some(s), Some(c), Some(k), Some(_src), Some(rank), Some(flags)) =
                        (f.next(), f.next(), f.next(), f.next(), f.next(), f.next())
                    else {
                        return Err(Error::Invalid { line: n + 1, message: "bad embedded row".into() });
                    };
                    let kind: EntityType = k.parse()?;
                    let rank: u8 = rank.parse().unwrap_or(u8::MAX);
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
        Ok(())
    }

    fn finish(self) -> Inner {
        self.inner
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
        if pattern_keys(s).is_none() {
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
                GazetteerBuilder::default()
                    .build()
                    .unwrap_or_else(|_| Gazetteer { inner: Arc::new(Inner::default()) })
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
    /// document is `(text, parts)`: the parts to search (an empty slice means
    /// the whole text); spans index the document's text. Names found with a
    /// cue in one document (a person introduced with a title, an organisation
    /// with its suffix) are recognised in the others as
    /// [`MentionSource::Propagated`]; a bare surname resolves to the full name
    /// used in the same document first, then in the cluster if unambiguous.
    ///
    /// ```
    /// use brief_gazetteer::{Gazetteer, MentionSource};
    /// let gaz = Gazetteer::new();
    /// let a = "Police chief Wahid Qasemi said the road was closed.";
    /// let b = "Qasemi later reopened it.";
    /// let found = gaz.find_cluster(&[(a, &[]), (b, &[])]);
    /// assert_eq!(found[1][0].canonical, "Wahid Qasemi");
    /// assert_eq!(found[1][0].source, MentionSource::Propagated);
    /// ```
    pub fn find_cluster(&self, docs: &[ClusterDoc<'_>]) -> Vec<Vec<Mention>> {
        cues::find_cluster(&self.inner, docs)
    }

    /// List matches only (no cues, no propagation): the raw matcher.
    pub fn find_list(&self, text: &str) -> Vec<Mention> {
        let mut ws = Vec::new();
        let mut hits = Vec::new();
        scan::words(text, &mut ws);
        self.inner.match_words(text, &ws, &mut hits);
        hits.iter()
            .map(|h| {
                let e = &self.inner.entries[h.entry as usize];
                Mention {
                    span: Span::new(h.start, h.end),
                    kind: e.kind,
                    canonical: e.canonical.to_string(),
                    source: MentionSource::List,
                }
            })
            .collect()
    }
}

/// True if the separator is already in normal form (so the text slice is the key).
#[inline]
fn sep_is_normal(s: &str) -> bool {
    matches!(s, " " | "-" | "'" | "." | ". " | ", " | "&" | " & " | "/")
}

impl Inner {
    /// Finds list matches among the words `ws` of `hay`: at each word that can
    /// start a name, the longest key present wins; then the scan resumes
    /// after it.
    pub(crate) fn match_words(&self, hay: &str, ws: &[Word], out: &mut Vec<Hit>) {
        let mut buf = String::new();
        let mut i = 0;
        while i < ws.len() {
            match self.match_at(hay, ws, i, &mut buf) {
                Some(h) => {
                    i = h.w1;
                    out.push(h);
                }
                None => i += 1,
            }
        }
    }

    fn first_max(&self, hay: &str, w: &Word, buf: &mut String) -> (u8, bool) {
        let s = &hay[w.start..w.end];
        let key: &str = if w.ascii {
            s
        } else {
            buf.clear();
            push_folded(s, false, buf);
            buf.as_str()
        };
        if let Some(&n) = self.firsts.get(key) {
            return (n, false);
        }
        if w.caps && w.end - w.start >= 4 {
            let t = titlecase(key);
            if let Some(&n) = self.firsts.get(t.as_str()) {
                return (n, true);
            }
        }
        (0, false)
    }

    fn match_at(&self, hay: &str, ws: &[Word], i: usize, buf: &mut String) -> Option<Hit> {
        let w = &ws[i];
        if !(w.cap || w.digit) {
            let len = w.end - w.start;
            if self.lower_firsts.is_empty() || len > self.lower_first_max {
                return None;
            }
            if !self.lower_firsts.contains(&hay[w.start..w.end]) {
                return None;
            }
        }
        let (maxn, title) = self.first_max(hay, w, buf);
        if maxn == 0 {
            return None;
        }
        let maxn = (maxn as usize).min(ws.len() - i);
        for n in (1..=maxn).rev() {
            let j = i + n - 1;
            if let Some(h) = self.try_span(hay, ws, i, j, title, buf) {
                return Some(h);
            }
        }
        None
    }

    fn try_span(&self, hay: &str, ws: &[Word], i: usize, j: usize, title: bool, buf: &mut String) -> Option<Hit> {
        let (start, end) = (ws[i].start, ws[j].end);
        let mut fast = !title;
        let mut loose_needed = false;
        for k in i..=j {
            if !ws[k].ascii {
                fast = false;
            }
            if k > i {
                let sep = &hay[ws[k - 1].end..ws[k].start];
                if !sep_is_normal(sep) {
                    fast = false;
                }
                if sep == "-" || sep == "'" || sep.len() > 1 {
                    loose_needed = true;
                }
                if k < j && scan::is_particle(&hay[ws[k].start..ws[k].end]) {
                    loose_needed = true;
                }
            }
            if title && !(ws[k].caps || ws[k].digit) {
                return None;
            }
        }
        let found = if fast {
            self.exact.get(&hay[start..end]).copied()
        } else {
            buf.clear();
            for k in i..=j {
                if k > i && push_sep(&hay[ws[k - 1].end..ws[k].start], buf) == Sep::Break {
                    return None;
                }
                let s = &hay[ws[k].start..ws[k].end];
                if title {
                    buf.push_str(&titlecase(s));
                } else {
                    push_folded(s, ws[k].ascii, buf);
                }
            }
            self.exact.get(buf.as_str()).copied()
        };
        let found = found.or_else(|| {
            if !loose_needed || self.loose.is_empty() || title {
                return None;
            }
            buf.clear();
            for k in i..=j {
                if k > i {
                    let mut tmp = String::new();
                    match push_sep(&hay[ws[k - 1].end..ws[k].start], &mut tmp) {
                        Sep::Space | Sep::Hyphen | Sep::Apostrophe | Sep::Join => {}
                        _ => return None,
                    }
                }
                let s = &hay[ws[k].start..ws[k].end];
                if k > i && k < j && scan::is_particle(s) {
                    continue;
                }
                if !buf.is_empty() {
                    buf.push(' ');
                }
                push_folded(s, ws[k].ascii, buf);
            }
            self.loose.get(buf.as_str()).copied()
        })?;
        let e = &self.entries[found as usize];
        let mut end = end;
        if e.dot {
            if hay.as_bytes().get(end) != Some(&b'.') {
                return None;
            }
            end += 1;
        }
        Some(Hit { w0: i, w1: j + 1, start, end, entry: found })
    }
}

fn titlecase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (k, c) in s.chars().enumerate() {
        if k == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
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
/// documents, then mentions (both descending), then name.
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
    let mut counts: BTreeMap<(&str, EntityType), (usize, BTreeSet<usize>)> = BTreeMap::new();
    for (d, mentions) in docs.iter().enumerate() {
        for m in mentions {
            let e = counts.entry((m.canonical.as_str(), m.kind)).or_default();
            e.0 += 1;
            e.1.insert(d);
        }
    }
    let mut table: Vec<EntityCount> = counts
        .into_iter()
        .map(|((c, k), (m, d))| EntityCount { canonical: c.to_string(), kind: k, mentions: m, documents: d.len() })
        .collect();
    table.sort_by(|a, b| {
        b.documents.cmp(&a.documents).then(b.mentions.cmp(&a.mentions)).then(a.canonical.cmp(&b.canonical))
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
