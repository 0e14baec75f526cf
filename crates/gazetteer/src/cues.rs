//! Mentions beyond the list: contextual cues and propagation.
//!
//! Per document: list matches; *runs* of capitalised words (with inner
//! connectors such as `of`, `bin`, `al`); cues that type a run (titles and
//! roles, first names, speech verbs and appositions for people; suffixes and
//! `Ministry of …` heads for organisations; geographic nouns and suffixes for
//! places); overlaps resolved (longer first, then list over cue over weak
//! list). Then, over the cluster: names found (people with two or more
//! words, cue-typed names) are registered per document and for the cluster,
//! bare surnames resolve to the document's full name first, and registered
//! names are matched again where no cue fired ([`MentionSource::Propagated`]).
//!
//! The cue vocabulary is English; for other languages the list matches and
//! propagation of list names still work, cues simply fire less.

use std::cell::Cell;
use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use brief_tokenize::Span;

use crate::hash::{FxMap, FxSet};
use crate::scan::{exact_key, push_folded, words, Word};
use crate::{ClusterDoc, EntityType, Hit, Inner, Mention, MentionSource, Name, WEAK_RANK};

/// Titles and roles written before a name, capitalised ("President").
static TITLES: &[&str] = &[
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Secretary",
    "Chancellor",
    "Premier",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Gen",
    "General",
    "Lt",
    "Lieutenant",
    "Col",
    "Colonel",
    "Maj",
    "Major",
    "Capt",
    "Captain",
    "Sgt",
    "Sergeant",
    "Cpl",
    "Corporal",
    "Pvt",
    "Sen",
    "Senator",
    "Rep",
    "Representative",
    "Congressman",
    "Congresswoman",
    "Gov",
    "Governor",
    "Mayor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Sheikh",
    "Sheik",
    "Emir",
    "Sultan",
    "Mullah",
    "Maulvi",
    "Ayatollah",
    "Pope",
    "Cardinal",
    "Bishop",
    "Archbishop",
    "Rabbi",
    "Imam",
    "Judge",
    "Justice",
    "Ambassador",
    "Envoy",
    "Commander",
    "Chief",
    "Marshal",
    "Admiral",
    "Adm",
    "Brig",
    "Brigadier",
    "Lord",
    "Lady",
    "Sir",
    "Dame",
    "Professor",
    "Prof",
    "Rev",
    "Reverend",
    "Speaker",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Director",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Commissioner",
    "Inspector",
    "Detective",
    "Attorney",
    "Deputy",
    "Acting",
    "Defence",
    "Defense",
    "Foreign",
    "Interior",
    "Finance",
    "Home",
    "Health",
    "Trade",
    "CEO",
    "Senior",
    "Leader",
    "Sergeant-Major",
    "Secretary-General",
    "President-elect",
];

/// Role nouns written in lower case before a name ("spokesman Ned Price").
static ROLES: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "chief",
    "commander",
    "envoy",
    "ambassador",
    "governor",
    "general",
    "official",
    "resident",
    "strongman",
    "warlord",
    "lawmaker",
    "legislator",
    "senator",
    "mayor",
    "director",
    "chairman",
    "chairwoman",
    "founder",
    "journalist",
    "reporter",
    "correspondent",
    "photographer",
    "analyst",
    "professor",
    "colonel",
    "captain",
    "sergeant",
    "lieutenant",
    "cleric",
    "commissioner",
    "counterpart",
    "deputy",
    "adviser",
    "advisor",
    "aide",
    "coach",
    "player",
    "striker",
    "actor",
    "actress",
    "singer",
    "writer",
    "author",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "father",
    "mother",
    "judge",
    "prosecutor",
    "lawyer",
    "attorney",
    "candidate",
    "activist",
    "prince",
    "king",
    "queen",
    "ruler",
    "dictator",
    "premier",
    "economist",
    "head",
    "executive",
    "officer",
    "militant",
];

/// Role nouns that make an apposition ("X, the US envoy, said") a person.
static APPOSITION_ROLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "minister",
    "leader",
    "chief",
    "envoy",
    "commander",
    "president",
    "director",
    "governor",
    "analyst",
    "professor",
    "lawmaker",
    "legislator",
    "resident",
    "general",
    "ambassador",
    "secretary",
    "head",
    "chairman",
    "chairwoman",
    "founder",
    "member",
    "journalist",
    "reporter",
    "correspondent",
    "activist",
    "expert",
    "researcher",
    "adviser",
    "advisor",
    "officer",
    "soldier",
    "fighter",
    "doctor",
    "mayor",
    "judge",
    "candidate",
    "senator",
    "representative",
    "student",
    "teacher",
    "farmer",
    "worker",
    "elder",
    "cleric",
    "driver",
    "owner",
    "executive",
    "manager",
    "economist",
    "historian",
    "scholar",
    "author",
    "writer",
    "lawyer",
    "father",
    "mother",
    "coach",
    "player",
    "mullah",
    "commissioner",
    "diplomat",
    "negotiator",
];

/// Verbs of saying after a name ("Qudratullah Rahimi confirmed").
static SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "confirmed",
    "tweeted",
    "wrote",
    "warned",
    "claimed",
    "denied",
    "stated",
    "explained",
    "noted",
    "insisted",
    "announced",
    "argued",
    "asked",
    "replied",
    "urged",
    "admitted",
    "acknowledged",
    "testified",
    "posted",
    "recalled",
    "stressed",
    "declared",
];

/// Last words of organisation names.
static ORG_SUFFIX: &[&str] = &[
    "Army",
    "Council",
    "Department",
    "Ministry",
    "Party",
    "Alliance",
    "Brigade",
    "Battalion",
    "Regiment",
    "Division",
    "Corps",
    "Agency",
    "Inc",
    "Ltd",
    "Corp",
    "Corporation",
    "Company",
    "Co",
    "Group",
    "Bank",
    "University",
    "College",
    "Committee",
    "Commission",
    "Court",
    "Police",
    "Force",
    "Forces",
    "Guard",
    "Guards",
    "Front",
    "Movement",
    "Organisation",
    "Organization",
    "Association",
    "Union",
    "Institute",
    "Foundation",
    "Fund",
    "Parliament",
    "Assembly",
    "Office",
    "Service",
    "Services",
    "Authority",
    "Bureau",
    "Board",
    "Network",
    "Times",
    "Post",
    "News",
    "Airlines",
    "Airways",
    "Club",
    "Federation",
    "Coalition",
    "Cabinet",
    "Council",
    "Navy",
    "Command",
    "Directorate",
    "Secretariat",
    "Senate",
    "Congress",
    "Society",
    "Trust",
    "Council",
    "LLC",
    "PLC",
    "GmbH",
    "AG",
    "SA",
    "Holdings",
    "Industries",
    "Technologies",
    "Systems",
    "Motors",
    "Group",
    "Agency",
    "Ministries",
    "Mission",
    "Embassy",
    "Consulate",
    "League",
    "Taskforce",
    "Brotherhood",
    "Network",
];

/// Lower-case nouns after an organisation's name ("the Volkswagen plant").
static ORG_NOUN_AFTER: &[&str] = &[
    "plant",
    "factory",
    "company",
    "firm",
    "shares",
    "stock",
    "subsidiary",
    "brand",
    "executives",
    "employees",
    "workers",
    "shareholders",
    "headquarters",
    "chief",
    "boss",
    "spokesperson",
    "board",
    "union",
    "party",
];

/// First words of organisation names followed by `of` ("Ministry of Defence").
static ORG_HEAD: &[&str] = &[
    "Ministry",
    "Department",
    "University",
    "Bank",
    "Council",
    "Office",
    "Board",
    "Committee",
    "Commission",
    "Court",
    "Institute",
    "Church",
    "House",
    "Party",
    "Union",
    "League",
    "Federation",
    "Organisation",
    "Organization",
    "Association",
    "Bureau",
    "Agency",
    "College",
    "Academy",
    "Chamber",
    "Embassy",
    "Government",
];

/// Last words of place names ("Qargha Lake", "Korengal Valley").
static LOC_SUFFIX: &[&str] = &[
    "Lake",
    "Valley",
    "River",
    "Square",
    "Mountains",
    "Mountain",
    "Island",
    "Islands",
    "Sea",
    "Ocean",
    "Gulf",
    "Bay",
    "Strait",
    "Desert",
    "Airport",
    "Street",
    "Road",
    "Bridge",
    "Peninsula",
    "Coast",
    "Canal",
    "Dam",
    "Pass",
    "Airbase",
    "Park",
    "Heights",
    "Plain",
    "Basin",
    "Hills",
    "Forest",
    "Avenue",
    "Highway",
    "Harbour",
    "Harbor",
    "Falls",
    "Glacier",
    "Range",
    "Delta",
    "Plateau",
    "Prison",
    "Palace",
    "Stadium",
    "Province",
    "District",
    "Region",
    "Governorate",
    "Prefecture",
];

/// Suffixes that are the kind of place, not part of its name.
static LOC_GENERIC_SUFFIX: &[&str] = &["Province", "District", "Region", "Governorate", "Prefecture"];

/// First words of place names ("Lake Victoria", "Mount Everest").
static LOC_PREFIX: &[&str] = &["Lake", "Mount", "Mt", "Fort", "Cape", "Isle"];

/// Lower-case place nouns after a name ("Helmand province").
static LOC_NOUN_AFTER: &[&str] = &[
    "province",
    "provinces",
    "district",
    "city",
    "town",
    "village",
    "county",
    "region",
    "valley",
    "river",
    "airport",
    "prison",
    "airbase",
    "governorate",
    "prefecture",
    "oblast",
    "state",
];

/// Lower-case place nouns before `of` + name ("the city of Farah").
static LOC_NOUN_OF: &[&str] = &[
    "city",
    "cities",
    "town",
    "towns",
    "province",
    "provinces",
    "capital",
    "village",
    "district",
    "region",
    "county",
    "port",
    "island",
    "state",
    "outskirts",
    "suburb",
    "suburbs",
];

/// Lower-case words that may join capitalised words inside a name.
static CONNECTORS: &[&str] = &[
    "of", "the", "for", "de", "al", "bin", "ibn", "von", "van", "der", "den", "ten", "ter", "la", "le", "du", "da",
    "dos", "das", "di", "del", "el", "y", "e", "i", "ul", "ud",
];

/// Abbreviations after which a full stop does not end a sentence.
static ABBREV: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "St", "Lt", "Col", "Gov", "Jr", "Sr", "Capt", "Sgt", "Maj", "Prof",
    "Rev", "Adm", "Brig", "Cpl", "Pvt", "No", "Mt", "Ft", "Co", "Corp", "Inc", "Ltd", "vs",
];

/// The word lists above, in one table: word → bit set of the lists it is in.
static LISTS: &[&[&str]] = &[
    TITLES,
    ROLES,
    APPOSITION_ROLES,
    SPEECH,
    ORG_SUFFIX,
    ORG_NOUN_AFTER,
    ORG_HEAD,
    LOC_SUFFIX,
    LOC_GENERIC_SUFFIX,
    LOC_PREFIX,
    LOC_NOUN_AFTER,
    LOC_NOUN_OF,
    CONNECTORS,
    ABBREV,
    CALENDAR,
];

/// The cue vocabulary: word → bit set of [`LISTS`], and a bit set over
/// (first byte, last byte, length) of its words: most words are rejected
/// without hashing.
struct Vocab {
    /// Words of up to [`PACKED`] bytes: an open-addressing table of
    /// (packed word, length, bits); length 0 marks an empty slot.
    short: Vec<(u128, u8, u32)>,
    /// Longer words.
    long: FxMap<&'static str, u32>,
    filter: [u64; 256],
}

/// Longest word of [`Vocab::short`].
const PACKED: usize = 16;
/// Slots of [`Vocab::short`] (a power of two, over twice the vocabulary).
const VOCAB_SLOTS: usize = 2048;

/// A word of at most [`PACKED`] bytes as a number (zero-padded), and its
/// slot in [`Vocab::short`].
#[inline]
fn packed(w: &[u8]) -> Option<(u128, usize)> {
    let mut a = [0u8; PACKED];
    a.get_mut(..w.len())?.copy_from_slice(w);
    let x = u128::from_le_bytes(a);
    let h = ((x as u64) ^ ((x >> 64) as u64).rotate_left(29) ^ w.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    Some((x, (h >> 40) as usize & (VOCAB_SLOTS - 1)))
}

impl Vocab {
    /// The bit set of `w` (0 if none).
    #[inline]
    fn get(&self, w: &str) -> u32 {
        let b = w.as_bytes();
        let Some((x, mut i)) = packed(b) else {
            return self.long.get(w).copied().unwrap_or(0);
        };
        loop {
            let Some(&(k, len, bits)) = self.short.get(i) else { return 0 };
            if len == 0 {
                return 0;
            }
            if k == x && len as usize == b.len() {
                return bits;
            }
            i = (i + 1) & (VOCAB_SLOTS - 1);
        }
    }
}

/// Bit of `w` in [`Vocab::filter`].
#[inline]
fn filter_bit(w: &str) -> (usize, u64) {
    let b = w.as_bytes();
    let (first, last) = (b.first().copied().unwrap_or(0) as u32, b.last().copied().unwrap_or(0) as u32);
    let h =
        first.wrapping_mul(0x9E37_79B1) ^ last.wrapping_mul(0x85EB_CA77) ^ (b.len() as u32).wrapping_mul(0xC2B2_AE3D);
    let bit = (h >> 18) as usize & 16383;
    (bit / 64, 1 << (bit % 64))
}

fn vocab() -> &'static Vocab {
    static VOCAB: OnceLock<Vocab> = OnceLock::new();
    VOCAB.get_or_init(|| {
        let mut map: FxMap<&'static str, u32> = FxMap::default();
        let mut filter = [0u64; 256];
        for (bit, list) in LISTS.iter().enumerate() {
            for &w in list.iter() {
                *map.entry(w).or_insert(0) |= 1 << bit;
                let (i, b) = filter_bit(w);
                filter[i] |= b;
            }
        }
        let mut short = vec![(0u128, 0u8, 0u32); VOCAB_SLOTS];
        let mut long = FxMap::default();
        // (in list order: the table does not depend on the map's order)
        for list in LISTS {
            for &w in list.iter() {
                let bits = map.get(w).copied().unwrap_or(0);
                let Some((x, mut i)) = packed(w.as_bytes()).filter(|_| !w.is_empty()) else {
                    long.insert(w, bits);
                    continue;
                };
                while short[i].1 != 0 && short[i].0 != x {
                    i = (i + 1) & (VOCAB_SLOTS - 1);
                }
                short[i] = (x, w.len() as u8, bits);
            }
        }
        Vocab { short, long, filter }
    })
}

/// Bits of [`LISTS`] (in its order) for [`in_list`].
const L_TITLES: u32 = 1 << 0;
const L_ROLES: u32 = 1 << 1;
const L_APPOSITION_ROLES: u32 = 1 << 2;
const L_SPEECH: u32 = 1 << 3;
const L_ORG_SUFFIX: u32 = 1 << 4;
const L_ORG_NOUN_AFTER: u32 = 1 << 5;
const L_ORG_HEAD: u32 = 1 << 6;
const L_LOC_SUFFIX: u32 = 1 << 7;
const L_LOC_GENERIC_SUFFIX: u32 = 1 << 8;
const L_LOC_PREFIX: u32 = 1 << 9;
const L_LOC_NOUN_AFTER: u32 = 1 << 10;
const L_LOC_NOUN_OF: u32 = 1 << 11;
const L_CONNECTORS: u32 = 1 << 12;
const L_ABBREV: u32 = 1 << 13;
const L_CALENDAR: u32 = 1 << 14;

/// True if `w` is in the list(s) of `bits` (a bit set of [`LISTS`]).
#[inline]
fn in_list(bits: u32, w: &str) -> bool {
    let v = vocab();
    let (i, b) = filter_bit(w);
    v.filter[i] & b != 0 && v.get(w) & bits != 0
}

/// [`Part::vocab`] of a word not looked up yet.
const UNKNOWN: u32 = u32::MAX;

/// True if word `i` of `part` is in the list(s) of `bits` (cached
/// [`in_list`]).
#[inline(always)]
fn word_in(part: &Part<'_>, i: usize, bits: u32) -> bool {
    let cell = &part.vocab[i];
    let mut v = cell.get();
    if v == UNKNOWN {
        v = vocab_bits(wt(part, i));
        cell.set(v);
    }
    v & bits != 0
}

/// The bit set of [`LISTS`] of `w` (the slow path of [`word_in`]).
#[inline(never)]
fn vocab_bits(w: &str) -> u32 {
    let voc = vocab();
    let (k, b) = filter_bit(w);
    if voc.filter[k] & b != 0 {
        voc.get(w)
    } else {
        0
    }
}

/// True if `w` is in `list` (a short ad-hoc list, scanned).
fn has(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// One candidate mention in a document.
#[derive(Clone, Debug)]
struct Cand {
    part: usize,
    w0: usize,
    w1: usize,
    /// Absolute byte range in the document text.
    start: usize,
    end: usize,
    kind: EntityType,
    canonical: Canon,
    source: MentionSource,
    /// 3 strong list, 2 cue/propagated, 1 weak list.
    pri: u8,
    /// A person name taken from a title or first-name cue, not a list.
    single_per_cue: bool,
}

/// A candidate's canonical name: a gazetteer entry's (no allocation per
/// list hit) or a name of its own.
#[derive(Clone, Debug)]
enum Canon {
    Entry(u32),
    Text(Arc<str>),
}

impl Canon {
    fn as_str<'a>(&'a self, inner: &'a Inner) -> &'a str {
        match self {
            Canon::Entry(e) => inner.entries.get(*e as usize).map_or("", |e| inner.canonical(e)),
            Canon::Text(t) => t,
        }
    }

    fn to_arc(&self, inner: &Inner) -> Arc<str> {
        match self {
            Canon::Entry(_) => Arc::from(self.as_str(inner)),
            Canon::Text(t) => t.clone(),
        }
    }
}

/// One searched part of a document; its tables are slices of the
/// document's [`Scan`].
struct Part<'t> {
    off: usize,
    hay: &'t str,
    words: &'t [Word],
    /// Per word: [`nameish_word`].
    name: &'t [bool],
    /// Per word: its bit set of [`LISTS`], computed on first use
    /// ([`UNKNOWN`] until then).
    vocab: &'t [Cell<u32>],
    /// Index of the part's first word in the document's [`Scan`].
    w_off: usize,
    /// Per word: is it a frequent English word ([`is_common`]), computed on
    /// first use (0 unknown, 1 no, 2 yes).
    common: &'t [Cell<u8>],
    hits: &'t [Hit],
    /// Word index → index into `hits` of the hit starting there.
    hit_at: &'t [Option<u32>],
}

/// The words and list hits of every part of a document, in one table each
/// (no allocations per part). Word and hit indices inside a part's ranges
/// are relative to the part, as are byte offsets.
#[derive(Default)]
struct Scan {
    words: Vec<Word>,
    name: Vec<bool>,
    vocab: Vec<Cell<u32>>,
    common: Vec<Cell<u8>>,
    hits: Vec<Hit>,
    hit_at: Vec<Option<u32>>,
    /// Per part: its span, word range and hit range.
    parts: Vec<(Span, std::ops::Range<usize>, std::ops::Range<usize>)>,
}

impl Scan {
    fn new(inner: &Inner, text: &str, parts: &[Span]) -> Scan {
        let total: usize = parts.iter().map(|p| p.end.saturating_sub(p.start)).sum();
        // (about one word per five bytes: the tables grow rarely)
        let mut s = Scan {
            words: Vec::with_capacity(total / 5 + 1),
            name: Vec::with_capacity(total / 5 + 1),
            hit_at: Vec::with_capacity(total / 5 + 1),
            hits: Vec::with_capacity(total / 20 + 1),
            parts: Vec::with_capacity(parts.len()),
            ..Scan::default()
        };
        let mut buf = String::with_capacity(64);
        for &p in parts {
            let Some(hay) = p.get(text) else { continue };
            let (w0, h0) = (s.words.len(), s.hits.len());
            words(hay, &mut s.words);
            inner.match_words_buf(hay, &s.words[w0..], &mut s.hits, &mut buf);
            s.hit_at.resize(s.words.len(), None);
            s.name.extend(s.words[w0..].iter().map(|w| nameish_word(hay, w)));
            for (k, h) in s.hits[h0..].iter().enumerate() {
                // (more than 2^32 hits in one part: the rest are not indexed)
                s.hit_at[w0 + h.w0] = u32::try_from(k).ok();
            }
            s.parts.push((p, w0..s.words.len(), h0..s.hits.len()));
        }
        s.common = vec![Cell::new(0); s.words.len()];
        s.vocab = vec![Cell::new(UNKNOWN); s.words.len()];
        s
    }
}

struct Doc<'t> {
    parts: Vec<Part<'t>>,
    cands: Vec<Cand>,
}

/// Registry of names: key (exact key of the surface) → canonical and type;
/// `None` marks a key that is ambiguous.
type Registry = FxMap<Arc<str>, Option<(Arc<str>, EntityType)>>;

/// Registers `key` → (`canonical`, `kind`); a key seen with another name or
/// type becomes ambiguous. (A hash map: the merge into the cluster
/// registries does not depend on the order of one document's keys, and the
/// cluster's keys are sorted before use.) `arc` makes the shared name (only when needed).
fn register(reg: &mut Registry, key: &str, canonical: &str, kind: EntityType, arc: impl FnOnce() -> Arc<str>) {
    register_key(reg, key, || Arc::from(key), canonical, kind, arc)
}

/// [`register`], with the key's shared copy made by `new_key` (only when
/// the key is new).
fn register_key(
    reg: &mut Registry,
    key: &str,
    new_key: impl FnOnce() -> Arc<str>,
    canonical: &str,
    kind: EntityType,
    arc: impl FnOnce() -> Arc<str>,
) {
    match reg.get_mut(key) {
        None => {
            reg.insert(new_key(), Some((arc(), kind)));
        }
        Some(Some((c, k))) if &**c == canonical && *k == kind => {}
        Some(v) => *v = None,
    }
}

/// Marks `key` ambiguous.
fn ambiguous(reg: &mut Registry, key: &Arc<str>) {
    match reg.get_mut(&**key) {
        Some(v) => *v = None,
        None => {
            reg.insert(key.clone(), None);
        }
    }
}

pub(crate) fn find_cluster(inner: &Inner, docs: &[ClusterDoc<'_>]) -> Vec<Vec<Mention>> {
    let scans: Vec<Scan> = docs.iter().map(|&(text, parts)| Scan::new(inner, text, parts)).collect();
    let mut analysed: Vec<Doc<'_>> =
        docs.iter().zip(&scans).map(|(&(text, _), scan)| analyse(inner, text, scan)).collect();
    // registries
    let doc_regs: Vec<(Registry, Registry)> = analysed.iter().map(|d| registry_of(inner, d)).collect();
    // (sized for every key: no rehashing as they fill; the merge does not
    // depend on the maps' order)
    let full_keys = doc_regs.iter().map(|(f, _)| f.len()).sum();
    let sur_keys = doc_regs.iter().map(|(_, s)| s.len()).sum();
    let mut cluster_full = Registry::with_capacity_and_hasher(full_keys, Default::default());
    let mut cluster_sur = Registry::with_capacity_and_hasher(sur_keys, Default::default());
    for (full, sur) in &doc_regs {
        for (k, v) in full {
            match v {
                Some((c, kind)) => register_key(&mut cluster_full, k, || k.clone(), c, *kind, || c.clone()),
                None => ambiguous(&mut cluster_full, k),
            }
        }
        for (k, v) in sur {
            match v {
                Some((c, kind)) => register_key(&mut cluster_sur, k, || k.clone(), c, *kind, || c.clone()),
                None => ambiguous(&mut cluster_sur, k),
            }
        }
    }
    let mut keys: Vec<&str> = cluster_full.keys().chain(cluster_sur.keys()).map(|k| &**k).collect();
    keys.sort_unstable();
    // a bit set of the keys' prefixes of up to PREFIX bytes: most words are
    // rejected without comparing strings
    let mut prefixes = vec![0u64; 1 << 10];
    for k in &keys {
        let kb = k.as_bytes();
        for n in 1..=kb.len().min(PREFIX) {
            let bit = prefix_bit(&kb[..n]);
            prefixes[bit / 64] |= 1 << (bit % 64);
        }
    }
    let mut out = Vec::with_capacity(analysed.len());
    let mut names: FxMap<u64, Name> =
        FxMap::with_capacity_and_hasher(analysed.iter().map(|d| d.cands.len()).sum(), Default::default());
    for ((d, (full, sur)), scan) in analysed.iter_mut().zip(&doc_regs).zip(&scans) {
        let regs = ((full, sur), (&cluster_full, &cluster_sur));
        propagate(inner, d, regs, (&keys, &prefixes), scan.words.len());
        let mut ms: Vec<Mention> = d
            .cands
            .iter()
            .map(|c| Mention {
                span: Span::new(c.start, c.end),
                kind: c.kind,
                canonical: match &c.canonical {
                    Canon::Entry(e) => {
                        // one shared copy per canonical name of the cluster
                        let at = inner
                            .entries
                            .get(*e as usize)
                            .map_or(u64::MAX, |e| (e.canonical.0 as u64) << 32 | e.canonical.1 as u64);
                        names.entry(at).or_insert_with(|| Name::from(c.canonical.as_str(inner))).clone()
                    }
                    Canon::Text(t) => Name::from(t.clone()),
                },
                source: c.source,
            })
            .collect();
        ms.sort_by_key(|m| (m.span.start, m.span.end));
        out.push(ms);
    }
    out
}

fn is_initial(hay: &str, ws: &[Word], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    // the common case: spaces, commas, hyphens
    let sep = hay.as_bytes().get(ws[i - 1].end..ws[i].start).unwrap_or_default();
    if sep == b" "
        || sep.iter().all(|&b| {
            b.is_ascii() && !matches!(b, b'\n' | b'.' | b'!' | b'?' | b':' | b';' | b'"' | b'(' | b'[' | b'|' | b'\'')
        })
    {
        return false;
    }
    let before = &hay[ws[i - 1].end..ws[i].start];
    if before.contains('\n') {
        return true;
    }
    let prev = &hay[ws[i - 1].start..ws[i - 1].end];
    for c in before.chars() {
        match c {
            '.' => {
                // "Mr. Biden", "J. Smith": not a sentence end
                if in_list(L_ABBREV, prev) || (prev.len() == 1 && ws[i - 1].cap) {
                    continue;
                }
                return true;
            }
            '!' | '?' | ':' | ';' | '"' | '“' | '”' | '‘' | '(' | '[' | '|' | '•' | '—' | '–' => {
                return true
            }
            '\'' if before.trim() == "'" => return true,
            _ => {}
        }
    }
    false
}

fn analyse<'t>(inner: &Inner, text: &'t str, scan: &'t Scan) -> Doc<'t> {
    let mut doc = Doc { parts: Vec::with_capacity(scan.parts.len()), cands: Vec::new() };
    for (p, ws, hs) in &scan.parts {
        let Some(hay) = p.get(text) else { continue };
        doc.parts.push(Part {
            off: p.start,
            hay,
            words: &scan.words[ws.clone()],
            name: &scan.name[ws.clone()],
            vocab: &scan.vocab[ws.clone()],
            w_off: ws.start,
            common: &scan.common[ws.clone()],
            hits: &scan.hits[hs.clone()],
            hit_at: &scan.hit_at[ws.clone()],
        });
    }
    let mut cands = Vec::with_capacity(doc.parts.iter().map(|p| p.hits.len() * 2 + 8).sum());
    let mut runs_buf = Vec::new();
    for (pi, part) in doc.parts.iter().enumerate() {
        list_cands(inner, pi, part, &mut cands);
        cue_cands(inner, pi, part, &mut cands, &mut runs_buf);
    }
    doc.cands = resolve(cands);
    doc
}

fn list_cands(inner: &Inner, pi: usize, part: &Part<'_>, out: &mut Vec<Cand>) {
    for h in part.hits {
        let e = &inner.entries[h.entry as usize];
        if e.common && h.w1 - h.w0 == 1 && initial(part, h.w0) {
            continue;
        }
        let strong = e.rank < WEAK_RANK;
        out.push(Cand {
            part: pi,
            w0: h.w0,
            w1: h.w1,
            start: part.off + h.start,
            end: part.off + h.end,
            kind: e.kind,
            canonical: Canon::Entry(h.entry),
            source: MentionSource::List,
            pri: if strong { 3 } else { 1 },
            single_per_cue: false,
        });
    }
}

/// Word `i` starts a sentence or a line (computed on demand: only run
/// starts and single-word list hits ask).
#[inline]
fn initial(part: &Part<'_>, i: usize) -> bool {
    is_initial(part.hay, part.words, i)
}

/// Word text.
#[inline]
fn wt<'a>(part: &Part<'a>, i: usize) -> &'a str {
    let w = &part.words[i];
    &part.hay[w.start..w.end]
}

/// Separator before word `i`.
#[inline]
fn sep_before<'a>(part: &Part<'a>, i: usize) -> &'a str {
    if i == 0 {
        &part.hay[..part.words[0].start]
    } else {
        &part.hay[part.words[i - 1].end..part.words[i].start]
    }
}

/// [`is_space_sep`] of the separator before word `i`, with a fast path
/// for the common single space (no slicing).
#[inline]
fn space_before(part: &Part<'_>, i: usize) -> bool {
    let single = i > 0
        && part.words[i].start == part.words[i - 1].end + 1
        && part.hay.as_bytes().get(part.words[i - 1].end) == Some(&b' ');
    single || is_space_sep(sep_before(part, i))
}

#[inline]
fn is_space_sep(s: &str) -> bool {
    !s.is_empty() && s.len() <= 3 && s.chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// A word that may be part of a name run (precomputed per word).
#[inline]
fn nameish(part: &Part<'_>, i: usize) -> bool {
    part.name[i]
}

/// [`nameish`] of word `w` of `hay`.
fn nameish_word(hay: &str, w: &Word) -> bool {
    if w.digit {
        // ordinals name units ("1st Battalion"); dates and numbers do not
        let t = &hay[w.start..w.end];
        return ["st", "nd", "rd", "th"].iter().any(|s| t.ends_with(s));
    }
    // long all-caps words are headline or credit shouting, not names
    w.cap && !(w.caps && w.end - w.start > 5)
}

/// Months and weekdays: capitalised, never the start of a person's name here.
static CALENDAR: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Sept",
];

/// Words before `of` that keep the `of` inside one name.
fn joins_of(w: &str) -> bool {
    in_list(L_ORG_HEAD, w)
        || in_list(L_TITLES, w)
        || has(
            &[
                "Gulf",
                "Bay",
                "Isle",
                "Sea",
                "Strait",
                "Republic",
                "Kingdom",
                "Emirate",
                "State",
                "Islands",
                "Cape",
                "City",
                "Sultanate",
                "Duchy",
                "Prince",
                "Princess",
                "Duke",
                "Bishop",
                "Archbishop",
                "Governor",
                "Minister",
                "Secretary",
                "Chief",
                "Head",
                "Chamber",
                "Port",
            ],
            w,
        )
}

/// Calls `f` with the bytes of `w` lower-cased, without allocating for
/// short ASCII words (and without a UTF-8 check of the copy).
fn with_lower_bytes<T>(w: &str, f: impl FnOnce(&[u8]) -> T) -> T {
    let mut buf = [0u8; 24];
    if let Some(b) = buf.get_mut(..w.len()).filter(|_| w.is_ascii()) {
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        return f(b);
    }
    f(w.to_lowercase().as_bytes())
}

/// [`is_common`] of word `i` of `part`, cached.
#[inline]
fn common_at(inner: &Inner, part: &Part<'_>, i: usize) -> bool {
    let cell = &part.common[i];
    match cell.get() {
        0 => {
            let yes = is_common(inner, wt(part, i));
            cell.set(1 + yes as u8);
            yes
        }
        v => v == 2,
    }
}

fn is_common(inner: &Inner, w: &str) -> bool {
    with_lower_bytes(w, |l| inner.words.contains(l))
}

/// Maximal runs of name-like words.
fn runs(part: &Part<'_>, out: &mut Vec<(usize, usize)>) {
    let n = part.words.len();
    out.clear();
    let mut i = 0;
    while i < n {
        if !nameish(part, i) {
            i += 1;
            continue;
        }
        let a = i;
        let mut b = i + 1;
        loop {
            if b >= n {
                break;
            }
            let joins = space_before(part, b) || {
                let sep = sep_before(part, b);
                sep == "-"
                    || sep == "'"
                    || sep == "’"
                    || (sep == ". " && part.words[b - 1].end - part.words[b - 1].start <= 3)
                    || ((sep == "' " || sep == "’ ") && wt(part, b - 1).ends_with('s'))
            };
            if !joins {
                break;
            }
            if nameish(part, b) {
                b += 1;
                continue;
            }
            // connectors: up to two lower-case joining words before a name word
            let mut c = b;
            while c < n
                && c < b + 2
                && word_in(part, c, L_CONNECTORS)
                && space_or_hyphen_before(part, c)
                && (wt(part, c) != "of" || joins_of(wt(part, b - 1)))
            {
                c += 1;
            }
            if c > b && c < n && nameish(part, c) && space_or_hyphen_before(part, c) {
                b = c + 1;
                continue;
            }
            break;
        }
        out.push((a, b));
        i = b;
    }
}

/// "An", "The", "In": a capitalised function word is not a name.
fn is_function_word(w: &str) -> bool {
    // the English stopwords as bytes: looked up without a UTF-8 check of
    // the lower-cased copy
    static STOP: OnceLock<FxSet<&'static [u8]>> = OnceLock::new();
    let stop = STOP.get_or_init(|| {
        brief_tokenize::stopwords(brief_tokenize::Language::English).into_iter().map(str::as_bytes).collect()
    });
    with_lower_bytes(w, |l| stop.contains(l)) && !in_list(L_TITLES, w)
}

#[inline]
fn space_or_hyphen_before(part: &Part<'_>, i: usize) -> bool {
    space_before(part, i) || sep_before(part, i) == "-"
}

#[inline]
fn next_word_is(part: &Part<'_>, b: usize, list: u32) -> bool {
    b < part.words.len() && space_before(part, b) && word_in(part, b, list)
}

#[inline]
fn prev_word_is(part: &Part<'_>, a: usize, list: u32) -> bool {
    a > 0 && space_before(part, a) && word_in(part, a - 1, list)
}

/// True if a strong list hit of a type other than `allow` starts at word `i`.
#[inline]
fn strong_hit_at(inner: &Inner, part: &Part<'_>, i: usize, allow: EntityType) -> bool {
    part.hit_at[i].is_some_and(|k| {
        let e = &inner.entries[part.hits[k as usize].entry as usize];
        e.rank < WEAK_RANK && e.kind != allow
    })
}

/// True if the words a..b are exactly one list hit.
#[inline]
fn is_list_span(part: &Part<'_>, a: usize, b: usize) -> bool {
    part.hit_at[a].is_some_and(|k| part.hits[k as usize].w1 == b)
}

fn canon_of(part: &Part<'_>, a: usize, b: usize) -> Option<Canon> {
    let ws = &part.words[a..b];
    let span = ws.first().zip(ws.last()).map_or(0..0, |(f, l)| f.start..l.end);
    // the common case, ASCII words joined by single spaces: the key is the
    // text itself (as [`exact_key`] would write it)
    let plain = ws.iter().all(|w| w.ascii) && ws.windows(2).all(|p| &part.hay[p[0].end..p[1].start] == " ");
    if plain {
        return Some(Canon::Text(Arc::from(&part.hay[span])));
    }
    let mut key = String::with_capacity(span.len() + 8);
    exact_key(part.hay, ws, &mut key).then(|| Canon::Text(Arc::from(key.as_str())))
}

fn cand(part: &Part<'_>, pi: usize, a: usize, b: usize, kind: EntityType) -> Option<Cand> {
    let canonical = canon_of(part, a, b)?;
    Some(Cand {
        part: pi,
        w0: a,
        w1: b,
        start: part.off + part.words[a].start,
        end: part.off + part.words[b - 1].end,
        kind,
        canonical,
        source: MentionSource::Cue,
        pri: 2,
        single_per_cue: false,
    })
}

/// `all_runs`: a reusable buffer.
fn cue_cands(inner: &Inner, pi: usize, part: &Part<'_>, out: &mut Vec<Cand>, all_runs: &mut Vec<(usize, usize)>) {
    runs(part, all_runs);
    let mut per_by_verb: Vec<(usize, usize)> = Vec::new();
    let mut plain: Vec<(usize, usize)> = Vec::new();
    for &(a0, b) in all_runs.iter() {
        // a sentence-initial common word is not part of a name ("Western
        // embassies", "Security sources said"); titles stay, they are cues
        let mut a = a0;
        while a == a0 && a < b && initial(part, a0) && !word_in(part, a, L_TITLES) && common_at(inner, part, a) {
            a += 1;
        }
        while a < b && (!nameish(part, a) || (!is_list_span(part, a, b) && is_function_word(wt(part, a)))) {
            a += 1;
        }
        if a >= b {
            continue;
        }
        let n = b - a;
        // organisations: suffix or "Ministry of …"
        if n >= 2
            && word_in(part, b - 1, L_ORG_SUFFIX)
            && !is_list_span(part, a, b)
            && !(n == 2 && common_at(inner, part, a) && initial(part, a))
        {
            out.extend(cand(part, pi, a, b, EntityType::Org));
            continue;
        }
        if n >= 3 && word_in(part, a, L_ORG_HEAD) && wt(part, a + 1) == "of" {
            out.extend(cand(part, pi, a, b, EntityType::Org));
            continue;
        }
        // places: suffix or prefix
        if n >= 2 && word_in(part, b - 1, L_LOC_SUFFIX) {
            let b2 = if word_in(part, b - 1, L_LOC_GENERIC_SUFFIX) { b - 1 } else { b };
            out.extend(cand(part, pi, a, b2, EntityType::Loc));
            continue;
        }
        if n >= 2 && word_in(part, a, L_LOC_PREFIX) {
            out.extend(cand(part, pi, a, b, EntityType::Loc));
            continue;
        }
        // people: the name after the rightmost title
        let mut t = None;
        for i in (a..b).rev() {
            let w = wt(part, i);
            let state = w == "State" && i >= a + 2 && wt(part, i - 1) == "of" && wt(part, i - 2) == "Secretary";
            if word_in(part, i, L_TITLES) || state {
                t = Some(i);
                break;
            }
        }
        let titled = t.is_some() || prev_word_is(part, a, L_ROLES);
        let na = t.map_or(a, |t| t + 1);
        if na < b && nameish(part, na) {
            // the name stops where a place/organisation from the list starts
            let mut nb = na + 1;
            while nb < b && nb < na + 4 && !strong_hit_at(inner, part, nb, EntityType::Per) {
                nb += 1;
            }
            // (the tests below are pure: the cheap ones go first)
            let first_is_name = || {
                inner.first_names.contains(wt(part, na))
                    && !word_in(part, na, L_CALENDAR)
                    && !has(&["Al", "El", "Le", "La", "De", "Van", "Von", "Du", "Da"], wt(part, na))
            };
            let has_digit = (na..nb).any(|i| part.words[i].digit);
            let starts_other = strong_hit_at(inner, part, na, EntityType::Per);
            // "Jordan Henderson", "Israel Katz": a first name that is also a
            // listed place still starts a name when a surname follows
            let surname_follows = || {
                nb - na >= 2 && !strong_hit_at(inner, part, na + 1, EntityType::Per) && !common_at(inner, part, na + 1)
            };
            let all_common = || (na..nb).all(|i| common_at(inner, part, i));
            if titled
                && !starts_other
                && !part.words[na].caps
                && !has_digit
                && !word_in(part, na, L_CALENDAR)
                && !all_common()
            {
                if let Some(mut c) = cand(part, pi, na, nb, EntityType::Per) {
                    c.single_per_cue = nb - na == 1;
                    out.push(c);
                }
                continue;
            }
            if nb - na >= 2
                && !part.words[na].caps
                && !has_digit
                && (!starts_other || surname_follows())
                && first_is_name()
            {
                out.extend(cand(part, pi, na, nb, EntityType::Per));
                continue;
            }
        }
        // places: a place noun after, or "city of" before
        let loc_after = next_word_is(part, b, L_LOC_NOUN_AFTER);
        let loc_before =
            a >= 2 && wt(part, a - 1) == "of" && space_before(part, a) && word_in(part, a - 2, L_LOC_NOUN_OF)
                || (a >= 1 && wt(part, a - 1) == "capital" && sep_before(part, a) == ", ");
        let loc_appos = b + 1 < part.words.len()
            && sep_before(part, b) == ", "
            && (wt(part, b) == "capital"
                || (has(&["the", "a"], wt(part, b))
                    && has(
                        &["capital", "city", "town", "village", "province", "district", "region"],
                        wt(part, b + 1),
                    )));
        if (loc_after || loc_before || loc_appos) && n <= 4 && !part.words[a].caps {
            out.extend(cand(part, pi, a, b, EntityType::Loc));
            continue;
        }
        // organisations by context: "X said its", "the X plant", "shares of X"
        if !is_list_span(part, a, b) && !part.words[a].caps && n <= 4 {
            let said_its = next_word_is(part, b, L_SPEECH) && b + 1 < part.words.len() && wt(part, b + 1) == "its";
            let noun_after = next_word_is(part, b, L_ORG_NOUN_AFTER);
            let shares_of = a >= 2
                && wt(part, a - 1) == "of"
                && has(&["shares", "stake", "subsidiary", "rival", "owner"], wt(part, a - 2));
            if said_its || noun_after || shares_of {
                out.extend(cand(part, pi, a, b, EntityType::Org));
                continue;
            }
        }
        // people by context: speech verb, apposition, "said X", photo credit
        if (2..=4).contains(&n)
            && !part.words[a].caps
            && !(a..b).any(|i| part.words[i].digit || word_in(part, i, L_CALENDAR))
            && !strong_hit_at(inner, part, a, EntityType::Per)
            && !is_list_span(part, a, b)
            && (a..b).all(|i| !common_at(inner, part, i) || word_in(part, i, L_CONNECTORS))
        {
            let verb = next_word_is(part, b, L_SPEECH);
            let said_before = a >= 1
                && has(&["said", "says", "according"], wt(part, a - 1))
                && b <= part.words.len()
                && (b == part.words.len()
                    || matches!(sep_before(part, b).trim_start().chars().next(), Some(',' | '.')));
            let credit = sep_before(part, a).ends_with('(') && b < part.words.len() && sep_before(part, b) == "/";
            let appos = apposition(part, b);
            if verb || said_before || credit || appos {
                if verb {
                    per_by_verb.push((a, b));
                }
                out.extend(cand(part, pi, a, b, EntityType::Per));
                continue;
            }
            plain.push((a, b));
        }
        // "the X said": an organisation
        if n == 1
            && a >= 1
            && wt(part, a - 1) == "the"
            && next_word_is(part, b, L_SPEECH)
            && !common_at(inner, part, a)
            && !inner.first_names.contains(wt(part, a))
            && !is_list_span(part, a, b)
        {
            out.extend(cand(part, pi, a, b, EntityType::Org));
        }
    }
    // coordination: "A and B said" makes A a person too
    for &(a, b) in &plain {
        let joined = per_by_verb.iter().any(|&(c, _)| c == b + 1 && wt(part, b) == "and");
        if joined {
            out.extend(cand(part, pi, a, b, EntityType::Per));
        }
    }
}

/// `X, a|an|the … <role> …,` after word `b` (the end of X).
fn apposition(part: &Part<'_>, b: usize) -> bool {
    let n = part.words.len();
    if b >= n || sep_before(part, b) != ", " || !has(&["a", "an", "the"], wt(part, b)) {
        return false;
    }
    for i in b + 1..n.min(b + 9) {
        let s = sep_before(part, i);
        if s.contains(['.', ';', '(', ')', '"', '“', '”']) {
            return false;
        }
        if word_in(part, i, L_APPOSITION_ROLES) {
            return true;
        }
        if s.contains(',') {
            return false;
        }
    }
    false
}

/// Greedy overlap resolution: longer spans first, then priority, then position.
/// A cue that confirms a list entry's span and type keeps its canonical name.
fn resolve(mut cands: Vec<Cand>) -> Vec<Cand> {
    // list spans, sorted (stable: among equal keys the last one wins); list
    // hits come in text order, so the sort is usually a check
    let mut listed: Vec<((usize, usize, EntityType), usize)> = Vec::with_capacity(cands.len());
    listed.extend(
        cands
            .iter()
            .enumerate()
            .filter(|(_, c)| c.source == MentionSource::List)
            .map(|(k, c)| ((c.start, c.end, c.kind), k)),
    );
    if !listed.is_sorted_by_key(|x| x.0) {
        listed.sort_by_key(|x| x.0);
    }
    if !listed.is_empty() {
        for k in 0..cands.len() {
            if cands[k].source != MentionSource::Cue {
                continue;
            }
            let key = (cands[k].start, cands[k].end, cands[k].kind);
            let p = listed.partition_point(|x| x.0 <= key);
            if p > 0 && listed[p - 1].0 == key {
                cands[k].canonical = cands[listed[p - 1].1].canonical.clone();
            }
        }
    }
    // longer first, then priority, then position, then input order: one
    // packed key when the numbers fit (they always do for real texts)
    const BITS: u32 = 40;
    let fits = cands.len() < 1 << BITS && cands.iter().all(|c| c.end < 1 << BITS && c.start <= c.end);
    let order: Vec<usize> = if fits {
        let max = (1u128 << BITS) - 1;
        let mut keys: Vec<u128> = cands
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let len = (c.end - c.start) as u128;
                (max - len) << (BITS + 8 + BITS)
                    | u128::from(u8::MAX - c.pri) << (2 * BITS)
                    | (c.start as u128) << BITS
                    | k as u128
            })
            .collect();
        keys.sort_unstable();
        keys.iter().map(|&x| (x & max) as usize).collect()
    } else {
        let mut order: Vec<(Reverse<usize>, Reverse<u8>, usize, usize)> = cands
            .iter()
            .enumerate()
            .map(|(k, c)| (Reverse(c.end.saturating_sub(c.start)), Reverse(c.pri), c.start, k))
            .collect();
        order.sort_unstable();
        order.into_iter().map(|x| x.3).collect()
    };
    // a span is accepted if none of its bytes is taken yet; the accepted
    // ones in (start, index) order
    let kept = if cands.len() <= SORTED_MAX { accept_sorted(&cands, order) } else { accept_bits(&cands, order) };
    let mut slots: Vec<Option<Cand>> = cands.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(kept.len());
    out.extend(kept.iter().filter_map(|&k| slots.get_mut(k).and_then(Option::take)));
    out
}

/// Most candidates [`accept_sorted`] takes (its inserts move up to that
/// many entries); more go to [`accept_bits`] (linear in the text's length).
const SORTED_MAX: usize = 1024;

/// [`resolve`]'s acceptance, visiting `cands` in `order`: the accepted
/// spans, disjoint, are kept sorted by start (and so by end) and each
/// candidate is checked against its neighbour. (An empty span overlaps
/// nothing.)
fn accept_sorted(cands: &[Cand], order: Vec<usize>) -> Vec<usize> {
    let mut accepted: Vec<(usize, usize, usize)> = Vec::with_capacity(cands.len());
    let mut empty: Vec<(usize, usize)> = Vec::new();
    for k in order {
        let c = &cands[k];
        if c.start >= c.end {
            if c.start == c.end {
                empty.push((c.start, k));
            }
            continue;
        }
        // the first accepted span ending after this one's start
        let p = accepted.partition_point(|&(_, e, _)| e <= c.start);
        if accepted.get(p).is_some_and(|&(s, _, _)| s < c.end) {
            continue;
        }
        accepted.insert(p, (c.start, c.end, k));
    }
    if empty.is_empty() {
        return accepted.iter().map(|x| x.2).collect();
    }
    empty.extend(accepted.iter().map(|&(s, _, k)| (s, k)));
    empty.sort_unstable();
    empty.into_iter().map(|x| x.1).collect()
}

/// [`accept_sorted`] with a bit per byte of the text taken.
fn accept_bits(cands: &[Cand], order: Vec<usize>) -> Vec<usize> {
    let mut taken = vec![0u64; cands.iter().map(|c| c.end).max().unwrap_or(0).div_ceil(64)];
    let mut keep = vec![false; cands.len()];
    for k in order {
        let c = &cands[k];
        if c.start > c.end || span_bits(&taken, c.start, c.end).any(|(w, m)| taken[w] & m != 0) {
            continue;
        }
        for (w, m) in span_bits(&taken, c.start, c.end) {
            taken[w] |= m;
        }
        keep[k] = true;
    }
    // candidates come in a few runs already in text order, which a stable
    // sort merges cheaply
    let mut kept: Vec<(usize, usize)> =
        cands.iter().enumerate().filter(|&(k, _)| keep[k]).map(|(k, c)| (c.start, k)).collect();
    kept.sort_by_key(|x| x.0);
    kept.into_iter().map(|x| x.1).collect()
}

/// The words and masks of the bits of bytes `start..end` in a bit set of
/// `bits.len()` words (bits past the end are left out).
fn span_bits(bits: &[u64], start: usize, end: usize) -> impl Iterator<Item = (usize, u64)> {
    let end = end.min(bits.len() * 64);
    let mut i = start;
    std::iter::from_fn(move || {
        if i >= end {
            return None;
        }
        let (w, lo) = (i / 64, i % 64);
        let hi = (end - w * 64).min(64);
        let m = if hi - lo == 64 { u64::MAX } else { ((1u64 << (hi - lo)) - 1) << lo };
        i = w * 64 + hi;
        Some((w, m))
    })
}

/// Names of a document: full names, and surnames of people.
fn registry_of(inner: &Inner, d: &Doc<'_>) -> (Registry, Registry) {
    // (at most one key per candidate: no rehashing as they fill)
    let mut full = Registry::with_capacity_and_hasher(d.cands.len(), Default::default());
    let mut sur = Registry::with_capacity_and_hasher(d.cands.len() / 2, Default::default());
    let mut key = String::with_capacity(64);
    for c in &d.cands {
        let part = &d.parts[c.part];
        let n = c.w1 - c.w0;
        let from_cue = c.source == MentionSource::Cue;
        if c.single_per_cue {
            continue;
        }
        if (from_cue || (c.kind == EntityType::Per && c.pri == 3))
            && exact_key(part.hay, &part.words[c.w0..c.w1], &mut key)
        {
            register(&mut full, &key, c.canonical.as_str(inner), c.kind, || c.canonical.to_arc(inner));
        }
        if c.kind == EntityType::Per && n >= 2 {
            let last = wt(part, c.w1 - 1);
            if !part.words[c.w1 - 1].caps
                && last.chars().count() > 1
                && exact_key(part.hay, &part.words[c.w1 - 1..c.w1], &mut key)
            {
                register(&mut sur, &key, c.canonical.as_str(inner), c.kind, || c.canonical.to_arc(inner));
            }
        }
    }
    (full, sur)
}

fn lookup<'r>(reg: &'r Registry, key: &str) -> Option<&'r (Arc<str>, EntityType)> {
    reg.get(key).and_then(|v| v.as_ref())
}

/// Longest key prefix in the filter of [`propagate`].
const PREFIX: usize = 4;

/// A bit (of 2^16) for a byte string (FNV-1a, folded).
fn prefix_bit(p: &[u8]) -> usize {
    let mut x: u32 = 0x811c_9dc5 ^ p.len() as u32;
    for &b in p {
        x = (x ^ b as u32).wrapping_mul(0x0100_0193);
    }
    ((x ^ (x >> 16)) & 0xFFFF) as usize
}

/// `keys`: every key of the cluster registries (which hold every document's
/// keys), sorted: a name can start at a word only if some key starts with
/// the word's folded text.
/// `prefixes`: the bit set of [`prefix_bit`]s of the keys' prefixes;
/// `n_words`: the words of the document's [`Scan`].
fn propagate(
    inner: &Inner,
    d: &mut Doc<'_>,
    ((full, sur), (cfull, csur)): ((&Registry, &Registry), (&Registry, &Registry)),
    (keys, prefixes): (&[&str], &[u64]),
    n_words: usize,
) {
    // single-word people from a title cue ("chief Khan"): resolve the surname
    for c in d.cands.iter_mut() {
        if !c.single_per_cue {
            continue;
        }
        let key = c.canonical.as_str(inner);
        if let Some((canon, _)) = lookup(sur, key).or_else(|| lookup(csur, key)) {
            c.canonical = Canon::Text(canon.clone());
        }
    }
    let mut added = Vec::new();
    // per word of the document: 0 free, 1 weak list, 2 taken
    let mut covered_all = vec![0u8; n_words];
    for c in &d.cands {
        let off = d.parts[c.part].w_off;
        for slot in &mut covered_all[off + c.w0..off + c.w1] {
            *slot = if c.source == MentionSource::List && c.pri == 1 { 1 } else { 2 };
        }
    }
    let mut first = String::with_capacity(64);
    let mut key = String::with_capacity(64);
    for (pi, part) in d.parts.iter().enumerate() {
        let n = part.words.len();
        let covered = &covered_all[part.w_off..part.w_off + n];
        let mut i = 0;
        while i < n {
            if covered[i] == 2 || !nameish(part, i) || part.words[i].caps {
                i += 1;
                continue;
            }
            first.clear();
            push_folded(wt(part, i), part.words[i].ascii, &mut first);
            let fb = first.as_bytes();
            let bit = prefix_bit(&fb[..fb.len().min(PREFIX)]);
            if prefixes[bit / 64] & (1 << (bit % 64)) == 0 {
                i += 1;
                continue;
            }
            let p = keys.partition_point(|k| *k < first.as_str());
            if keys.get(p).is_none_or(|k| !k.starts_with(first.as_str())) {
                i += 1;
                continue;
            }
            let mut hit = None;
            let maxn = 4.min(n - i);
            for len in (1..=maxn).rev() {
                let j = i + len;
                if covered[i..j].contains(&2) || !(i..j).all(|k| nameish(part, k) || word_in(part, k, L_CONNECTORS)) {
                    continue;
                }
                if !exact_key(part.hay, &part.words[i..j], &mut key) {
                    continue;
                }
                let key = key.as_str();
                // an ASCII word is its own key
                let common =
                    len == 1 && if part.words[i].ascii { common_at(inner, part, i) } else { is_common(inner, key) };
                let followed_by_colon = part.hay[part.words[j - 1].end..].starts_with(':');
                let found = lookup(full, key)
                    .or_else(|| if len == 1 && !followed_by_colon { lookup(sur, key) } else { None })
                    .or_else(|| if common { None } else { lookup(cfull, key) })
                    .or_else(|| if len == 1 && !common { lookup(csur, key) } else { None });
                if let Some((canon, kind)) = found {
                    // a weak list place yields only to a person
                    if covered[i..j].contains(&1) && *kind != EntityType::Per {
                        continue;
                    }
                    hit = Some((j, canon.clone(), *kind));
                    break;
                }
            }
            match hit {
                Some((j, canonical, kind)) => {
                    added.push(Cand {
                        part: pi,
                        w0: i,
                        w1: j,
                        start: part.off + part.words[i].start,
                        end: part.off + part.words[j - 1].end,
                        kind,
                        canonical: Canon::Text(canonical),
                        source: MentionSource::Propagated,
                        pri: 2,
                        single_per_cue: false,
                    });
                    i = j;
                }
                None => i += 1,
            }
        }
    }
    if !added.is_empty() {
        // propagated names replace the weak list hits they cover (spans are
        // absolute and parts do not overlap, so byte ranges suffice)
        let spans: BTreeMap<usize, usize> = added.iter().map(|a| (a.start, a.end)).collect();
        d.cands.retain(|c| c.pri != 1 || spans.range(..c.end).next_back().is_none_or(|(_, &e)| e <= c.start));
        d.cands.extend(added);
        d.cands.sort_by_key(|c| (c.start, c.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand_at(start: usize, end: usize) -> Cand {
        Cand {
            part: 0,
            w0: 0,
            w1: 1,
            start,
            end,
            kind: EntityType::Loc,
            canonical: Canon::Entry(0),
            source: MentionSource::Cue,
            pri: 2,
            single_per_cue: false,
        }
    }

    /// The acceptance as first written: a flag per byte, then a sort by start.
    fn accept_reference(cands: &[Cand], order: &[usize]) -> Vec<usize> {
        let mut taken = vec![false; cands.iter().map(|c| c.end).max().unwrap_or(0)];
        let mut kept = Vec::new();
        for &k in order {
            let c = &cands[k];
            let Some(bytes) = taken.get_mut(c.start..c.end) else { continue };
            if bytes.contains(&true) {
                continue;
            }
            bytes.fill(true);
            kept.push((c.start, k));
        }
        kept.sort_unstable();
        kept.into_iter().map(|x| x.1).collect()
    }

    proptest::proptest! {
        #[test]
        fn both_acceptances_match_the_byte_flags(
            spans in proptest::collection::vec((0usize..300, 0usize..40), 0..60),
            seed in proptest::prelude::any::<u64>(),
        ) {
            let cands: Vec<Cand> = spans.iter().map(|&(s, n)| cand_at(s, s + n)).collect();
            // any visiting order
            let mut order: Vec<usize> = (0..cands.len()).collect();
            let mut x = seed | 1;
            for i in (1..order.len()).rev() {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                order.swap(i, (x % (i as u64 + 1)) as usize);
            }
            let want = accept_reference(&cands, &order);
            proptest::prop_assert_eq!(accept_sorted(&cands, order.clone()), want.clone());
            proptest::prop_assert_eq!(accept_bits(&cands, order), want);
        }
    }
}
