//! # brief-gazetteer
//!
//! Entity mentions from a gazetteer: a [`Gazetteer`] compiles surface forms
//! (with canonical names and [`EntityType`]s) into one Aho-Corasick automaton
//! (leftmost-longest, word boundaries checked on both sides) and reports
//! [`Mention`]s with byte spans; [`count_entities`] builds the cluster table.
//!
//! ```
//! use brief_gazetteer::{EntityType, Gazetteer};
//! let gaz = Gazetteer::new();
//! let text = "The U.S. and Nato met in Kabul.";
//! let found = gaz.find(text);
//! let names: Vec<(&str, &str, EntityType)> =
//!     found.iter().map(|m| (&text[m.span], m.canonical.as_str(), m.kind)).collect();
//! assert_eq!(names, [
//!     ("U.S.", "United States", EntityType::Loc),
//!     ("Nato", "NATO", EntityType::Org),
//!     ("Kabul", "Kabul", EntityType::Loc),
//! ]);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use brief_tokenize::Span;
use serde::Serialize;

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

/// One gazetteer row.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    canonical: Arc<str>,
    kind: EntityType,
}

/// A compiled gazetteer. Cheap to clone (the automaton is behind an `Arc`),
/// `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    automaton: AhoCorasick,
    entries: Vec<Entry>,
}

/// Builds a [`Gazetteer`] from the embedded list and/or user lists.
///
/// ```
/// use brief_gazetteer::{EntityType, Gazetteer};
/// let mut b = Gazetteer::builder();
/// b.embedded(false).add("Acme Corp", "Acme Corporation", EntityType::Org);
/// b.add_tsv("Qala-e-Naw\tQala-e-Naw\tLOC\n").unwrap();
/// let gaz = b.build().unwrap();
/// assert_eq!(gaz.find("Acme Corp sold Qala-e-Naw.").len(), 2);
/// assert!(b.add_tsv("x\ty\tNOPE\n").is_err());
/// ```
#[derive(Clone, Debug, Default)]
pub struct GazetteerBuilder {
    no_embedded: bool,
    rows: Vec<(String, String, EntityType)>,
}

const SEED_TSV: &str = include_str!("../data/seed.tsv");

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

    /// Compiles the automaton.
    pub fn build(&self) -> Result<Gazetteer, Error> {
        let mut by_surface: BTreeMap<String, Entry> = BTreeMap::new();
        if !self.no_embedded {
            for (s, c, k) in parse_tsv(SEED_TSV)? {
                by_surface.insert(s, Entry { canonical: c.into(), kind: k });
            }
        }
        for (s, c, k) in &self.rows {
            if s.trim().is_empty() {
                return Err(Error::Invalid { line: 0, message: "empty surface form".into() });
            }
            by_surface.insert(s.clone(), Entry { canonical: c.as_str().into(), kind: *k });
        }
        let (patterns, entries): (Vec<String>, Vec<Entry>) = by_surface.into_iter().unzip();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| Error::Build(e.to_string()))?;
        Ok(Gazetteer { inner: Arc::new(Inner { automaton, entries }) })
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
            .get_or_init(|| GazetteerBuilder::default().build().expect("embedded gazetteer is valid"))
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

    /// All mentions in `text`, left to right, non-overlapping.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        self.find_into(text, Span::new(0, text.len()), &mut out);
        out
    }

    /// Mentions inside the given parts of `text` (e.g. its content
    /// paragraphs); spans index `text`.
    pub fn find_in(&self, text: &str, parts: &[Span]) -> Vec<Mention> {
        let mut out = Vec::new();
        for &p in parts {
            self.find_into(text, p, &mut out);
        }
        out
    }

    fn find_into(&self, text: &str, part: Span, out: &mut Vec<Mention>) {
        let hay = &text[part];
        for m in self.inner.automaton.find_iter(hay) {
            let (s, e) = (m.start(), m.end());
            if !boundary_before(hay, s) || !boundary_after(hay, e) {
                continue;
            }
            let entry = &self.inner.entries[m.pattern().as_usize()];
            out.push(Mention {
                span: Span::new(part.start + s, part.start + e),
                kind: entry.kind,
                canonical: entry.canonical.to_string(),
                source: MentionSource::List,
            });
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn boundary_before(hay: &str, i: usize) -> bool {
    hay[..i].chars().next_back().is_none_or(|c| !is_word_char(c) && c != '-')
}

fn boundary_after(hay: &str, i: usize) -> bool {
    let mut it = hay[i..].chars();
    match it.next() {
        None => true,
        // A hyphen joins words ("US-backed" still names the US).
        Some(c) => !is_word_char(c),
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
    /// The automaton could not be built.
    #[error("cannot build the gazetteer automaton: {0}")]
    Build(String),
}
