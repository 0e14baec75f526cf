//! The compiled gazetteer tables and their compiler, shared by the library
//! and `build.rs`. The build script compiles the embedded list once and
//! writes the tables as flat little-endian arrays ([`Tables::encode`]); the
//! library decodes them at load ([`Tables::decode`]): a copy of arrays
//! instead of parsing 160k rows and inserting them into hash tables (the
//! load budget is 100 ms; compiling took about 30). User rows are compiled
//! at run time on top of the decoded tables, by the same [`Compiler`].

use std::borrow::Cow;

use crate::hash::key_hash;
use crate::scan::PatternKeys;
use crate::EntityType;

/// Bits of [`Tables::first_bits`].
pub(crate) const FIRST_BITS: usize = 1 << 20;

/// The word and bit of `h` in [`Tables::first_bits`].
#[inline]
pub(crate) fn first_bit(h: u64) -> (usize, u64) {
    let b = (h >> 40) as usize & (FIRST_BITS - 1);
    (b / 64, 1u64 << (b % 64))
}

/// Flag in [`Tables::exact`] values: a longer key continues this one.
pub(crate) const CONTINUES: u32 = 1 << 31;
/// Value part of [`Tables::exact`] when the key is only a prefix.
pub(crate) const NO_ENTRY: u32 = CONTINUES - 1;

/// The entity types in their encoded order.
const KINDS: [EntityType; 5] = [EntityType::Per, EntityType::Loc, EntityType::Org, EntityType::Norp, EntityType::Misc];

/// One gazetteer row, as compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Canonical name: byte range in `Tables::canon`.
    pub canonical: (u32, u32),
    /// Exact key: byte range in `Tables::keys`.
    pub key: (u32, u32),
    /// Loose key: byte range in `Tables::keys` (empty if none).
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

/// An open-addressing table (linear probing, at most half full) from
/// [`key_hash`] values to `u32`s. Hash 0 marks an empty slot; a key that
/// hashes to 0 is kept aside in `zero`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct KeyTable {
    slots: Vec<(u64, u32)>,
    zero: Option<u32>,
    len: usize,
}

impl KeyTable {
    /// True if the table holds no key.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The slot holding `h` (non-zero), or the empty slot where it would go;
    /// `None` only when the table has no slots.
    #[inline]
    fn slot(&self, h: u64) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = h as usize & mask;
        loop {
            let k = self.slots[i].0;
            if k == h || k == 0 {
                return Some(i);
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `h`.
    #[inline]
    pub fn get(&self, h: u64) -> Option<u32> {
        if h == 0 {
            return self.zero;
        }
        let i = self.slot(h)?;
        let (k, v) = self.slots[i];
        (k == h).then_some(v)
    }

    /// True if `h` is a key.
    #[inline]
    pub fn contains(&self, h: u64) -> bool {
        self.get(h).is_some()
    }

    /// The value of `h`, inserted as `default` if absent.
    pub fn entry(&mut self, h: u64, default: u32) -> &mut u32 {
        if h == 0 {
            if self.zero.is_none() {
                self.len += 1;
            }
            return self.zero.get_or_insert(default);
        }
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let i = self.slot(h).unwrap_or(0);
        if self.slots[i].0 != h {
            self.slots[i] = (h, default);
            self.len += 1;
        }
        &mut self.slots[i].1
    }

    /// Sets the value of `h`.
    pub fn insert(&mut self, h: u64, v: u32) {
        *self.entry(h, v) = v;
    }

    fn grow(&mut self) {
        let n = (self.slots.len() * 2).max(16);
        let old = std::mem::replace(&mut self.slots, vec![(0, 0); n]);
        for (h, v) in old {
            if h != 0 {
                if let Some(i) = self.slot(h) {
                    self.slots[i] = (h, v);
                }
            }
        }
    }

    fn encode(&self, out: &mut Vec<u8>) {
        out.push(self.zero.is_some() as u8);
        put_u32(out, self.zero.unwrap_or(0));
        put_u32(out, self.len as u32);
        put_u32(out, self.slots.len() as u32);
        for &(h, v) in &self.slots {
            out.extend_from_slice(&h.to_le_bytes());
            put_u32(out, v);
        }
    }

    fn decode(r: &mut Reader<'_>) -> Option<KeyTable> {
        let has_zero = r.u8()? != 0;
        let zero = r.u32()?;
        let len = r.u32()? as usize;
        let n = r.u32()? as usize;
        if n != 0 && !n.is_power_of_two() {
            return None;
        }
        let slots = r.bytes(n.checked_mul(12)?)?.chunks_exact(12).map(|c| (le_u64(&c[..8]), le_u32(&c[8..]))).collect();
        Some(KeyTable { slots, zero: has_zero.then_some(zero), len })
    }
}

/// The compiled tables. Keys are stored once in `keys`; the hash tables map
/// [`key_hash`] values to entries and every hit is verified against the
/// stored key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tables {
    pub entries: Vec<Entry>,
    /// Canonical names, concatenated.
    pub canon: Cow<'static, str>,
    /// Exact and loose keys, concatenated.
    pub keys: Cow<'static, str>,
    /// Exact key → entry index (or [`NO_ENTRY`]), with [`CONTINUES`] set
    /// when a longer key continues it after a word: one probe per word.
    pub exact: KeyTable,
    /// Loose key → entry.
    pub loose: KeyTable,
    /// Bit set (2^20 bits, cache-resident) of the hashes of every exact key's
    /// first word: most capitalised words start no key and are rejected here
    /// without probing the large table.
    pub first_bits: Vec<u64>,
    /// First word of a loose key → the most text words it may span.
    pub loose_firsts: KeyTable,
    /// Bit set (as [`Tables::first_bits`]) of the keys of
    /// [`Tables::loose_firsts`]: a clear bit means no loose key starts with
    /// the word.
    pub loose_first_bits: Vec<u64>,
    /// Patterns starting with a lower-case word ("al-Qaida"): their first
    /// words (values unused), and per first byte a bit set of their lengths
    /// (a cheap filter).
    pub lower_firsts: KeyTable,
    pub lower_mask: Vec<u32>,
}

/// Format tag of [`Tables::encode`].
const MAGIC: &[u8; 4] = b"GZT2";

impl Tables {
    /// The tables as bytes, except `canon` and `keys` (stored as text).
    #[allow(dead_code)] // used by build.rs
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.entries.len() * 27 + self.exact.slots.len() * 12 + (1 << 18));
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, self.entries.len() as u32);
        for e in &self.entries {
            for x in [e.canonical.0, e.canonical.1, e.key.0, e.key.1, e.loose.0, e.loose.1] {
                put_u32(&mut out, x);
            }
            let kind = KINDS.iter().position(|&k| k == e.kind).unwrap_or(0) as u8;
            out.extend_from_slice(&[kind, e.rank, e.common as u8 | (e.dot as u8) << 1]);
        }
        for t in [&self.exact, &self.loose, &self.loose_firsts, &self.lower_firsts] {
            t.encode(&mut out);
        }
        for bits in [&self.first_bits, &self.loose_first_bits] {
            put_u32(&mut out, bits.len() as u32);
            for &b in bits {
                out.extend_from_slice(&b.to_le_bytes());
            }
        }
        put_u32(&mut out, self.lower_mask.len() as u32);
        for &m in &self.lower_mask {
            put_u32(&mut out, m);
        }
        out
    }

    /// Tables from [`Tables::encode`]'s bytes and the two texts; `None` if
    /// the bytes are malformed.
    pub fn decode(bytes: &[u8], canon: &'static str, keys: &'static str) -> Option<Tables> {
        let mut r = Reader(bytes);
        if r.bytes(4)? != MAGIC {
            return None;
        }
        let n = r.u32()? as usize;
        let mut entries = Vec::with_capacity(n);
        for c in r.bytes(n.checked_mul(27)?)?.chunks_exact(27) {
            let x = |i: usize| le_u32(&c[i * 4..i * 4 + 4]);
            entries.push(Entry {
                canonical: (x(0), x(1)),
                key: (x(2), x(3)),
                loose: (x(4), x(5)),
                kind: *KINDS.get(c[24] as usize)?,
                rank: c[25],
                common: c[26] & 1 != 0,
                dot: c[26] & 2 != 0,
            });
        }
        let exact = KeyTable::decode(&mut r)?;
        let loose = KeyTable::decode(&mut r)?;
        let loose_firsts = KeyTable::decode(&mut r)?;
        let lower_firsts = KeyTable::decode(&mut r)?;
        let n = r.u32()? as usize;
        let first_bits = r.bytes(n.checked_mul(8)?)?.chunks_exact(8).map(le_u64).collect();
        let n = r.u32()? as usize;
        let loose_first_bits = r.bytes(n.checked_mul(8)?)?.chunks_exact(8).map(le_u64).collect();
        let n = r.u32()? as usize;
        let lower_mask = r.bytes(n.checked_mul(4)?)?.chunks_exact(4).map(le_u32).collect();
        if !r.0.is_empty() {
            return None;
        }
        Some(Tables {
            entries,
            canon: Cow::Borrowed(canon),
            keys: Cow::Borrowed(keys),
            exact,
            loose,
            first_bits,
            loose_firsts,
            loose_first_bits,
            lower_firsts,
            lower_mask,
        })
    }
}

fn put_u32(out: &mut Vec<u8>, x: u32) {
    out.extend_from_slice(&x.to_le_bytes());
}

fn le_u32(b: &[u8]) -> u32 {
    let mut a = [0; 4];
    a.copy_from_slice(&b[..4]);
    u32::from_le_bytes(a)
}

fn le_u64(b: &[u8]) -> u64 {
    let mut a = [0; 8];
    a.copy_from_slice(&b[..8]);
    u64::from_le_bytes(a)
}

/// A cursor over encoded bytes.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Some(a)
    }

    fn u8(&mut self) -> Option<u8> {
        Some(self.bytes(1)?[0])
    }

    fn u32(&mut self) -> Option<u32> {
        Some(le_u32(self.bytes(4)?))
    }
}

/// Compiles the generated list (`E` rows: surface, canonical, type, source,
/// rank, flags; `F` first names; `W` frequent words), in file order. Returns
/// the tables and the first names and words, one a line.
#[allow(dead_code)] // used by build.rs and the tests
pub fn compile_embedded(tsv: &str) -> Result<(Tables, String, String), String> {
    let mut c = Compiler::deferred();
    let (mut first_names, mut words) = (String::new(), String::new());
    for (n, line) in tsv.lines().enumerate() {
        let mut f = line.split('\t');
        match f.next() {
            Some("E") => {
                let (Some(s), Some(canon), Some(k), Some(_src), Some(rank), Some(flags)) =
                    (f.next(), f.next(), f.next(), f.next(), f.next(), f.next())
                else {
                    return Err(format!("line {}: bad embedded row", n + 1));
                };
                let kind: EntityType = k.parse().map_err(|_| format!("line {}: unknown type {k:?}", n + 1))?;
                let rank: u8 = rank.parse().unwrap_or(u8::MAX - 1);
                c.add(s, canon, kind, rank.saturating_add(1), flags.contains('c'), false);
            }
            Some("F") => {
                if let Some(name) = f.next() {
                    first_names.push_str(name);
                    first_names.push('\n');
                }
            }
            Some("W") => {
                if let Some(w) = f.next() {
                    words.push_str(w);
                    words.push('\n');
                }
            }
            _ => {}
        }
    }
    c.flush_deferred();
    Ok((c.t, first_names, words))
}

/// Compiles rows into [`Tables`].
#[derive(Default)]
pub(crate) struct Compiler {
    pub t: Tables,
    pk: PatternKeys,
    /// While compiling the embedded list, key insertions are collected and
    /// applied after the last row ([`Compiler::flush_deferred`]).
    defer: bool,
    pending_exact: Vec<(u64, u32)>,
    pending_loose: Vec<(u64, u32)>,
}

impl Compiler {
    /// A compiler adding to `t`.
    pub fn on(t: Tables) -> Compiler {
        Compiler { t, ..Compiler::default() }
    }

    /// A compiler for the embedded list: the first row of a key wins (rows
    /// come in rank order), insertions applied by [`Compiler::flush_deferred`].
    #[allow(dead_code)] // used by build.rs and the tests
    fn deferred() -> Compiler {
        Compiler { defer: true, ..Compiler::default() }
    }

    fn push_key(keys: &mut Cow<'static, str>, k: &str) -> (u32, u32) {
        let keys = keys.to_mut();
        let start = keys.len() as u32;
        keys.push_str(k);
        (start, keys.len() as u32)
    }

    /// Adds a row; `replace`: the row wins over existing keys. Returns false
    /// if the surface has no usable key.
    pub fn add(
        &mut self,
        surface: &str,
        canonical: &str,
        kind: EntityType,
        rank: u8,
        common: bool,
        replace: bool,
    ) -> bool {
        if !self.pk.compute(surface) {
            return false;
        }
        let t = &mut self.t;
        let k = &self.pk;
        let idx = t.entries.len() as u32;
        let canon = t.canon.to_mut();
        let c0 = canon.len() as u32;
        canon.push_str(canonical.trim());
        let canonical = (c0, canon.len() as u32);
        let key = Self::push_key(&mut t.keys, &k.exact);
        let loose = Self::push_key(&mut t.keys, &k.loose);
        t.entries.push(Entry { canonical, key, loose, kind, rank, common, dot: k.dot });
        let first_word = k.prefix_ends.first().map_or(&k.exact[..], |&e| &k.exact[..e]);
        if t.first_bits.is_empty() {
            t.first_bits = vec![0; FIRST_BITS / 64];
        }
        let (w, bit) = first_bit(key_hash(first_word));
        t.first_bits[w] |= bit;
        if self.defer {
            self.pending_exact.push((key_hash(&k.exact), idx));
            for &e in &k.prefix_ends {
                self.pending_exact.push((key_hash(&k.exact[..e]), NO_ENTRY | CONTINUES));
            }
            if !k.loose.is_empty() {
                self.pending_loose.push((key_hash(&k.loose), idx));
            }
        } else {
            let v = t.exact.entry(key_hash(&k.exact), NO_ENTRY);
            if replace || *v & NO_ENTRY == NO_ENTRY {
                *v = (*v & CONTINUES) | idx;
            }
            for &e in &k.prefix_ends {
                *t.exact.entry(key_hash(&k.exact[..e]), NO_ENTRY) |= CONTINUES;
            }
            if !k.loose.is_empty() {
                let h = key_hash(&k.loose);
                if replace {
                    t.loose.insert(h, idx);
                } else {
                    t.loose.entry(h, idx);
                }
            }
        }
        if !k.loose.is_empty() {
            // a loose key may span extra particles in the text: two more words
            let n = (k.words + 2).min(u8::MAX as usize) as u32;
            let h = key_hash(&k.loose[..k.first_len]);
            let e = t.loose_firsts.entry(h, 0);
            *e = (*e).max(n);
            if t.loose_first_bits.is_empty() {
                t.loose_first_bits = vec![0; FIRST_BITS / 64];
            }
            let (w, bit) = first_bit(h);
            t.loose_first_bits[w] |= bit;
        }
        if k.lower_first {
            let first = k.prefix_ends.first().map_or(&k.exact[..], |&e| &k.exact[..e]);
            let first = first.split(['-', '\'', ' ', '.']).next().unwrap_or(first);
            t.lower_firsts.entry(key_hash(first), 0);
            if t.lower_mask.is_empty() {
                t.lower_mask = vec![0; 256];
            }
            if let Some(&b) = first.as_bytes().first() {
                t.lower_mask[b as usize] |= 1 << first.len().min(31);
            }
        }
        // plural of a nationality ("Afghans", "Pakistanis")
        if kind == EntityType::Norp && (surface.ends_with('n') || surface.ends_with('i')) && !surface.contains(' ') {
            let plural = format!("{}s", k.exact);
            let h = key_hash(&plural);
            let (w, bit) = first_bit(h);
            t.first_bits[w] |= bit;
            let pidx = t.entries.len() as u32;
            let entry = |key| Entry { canonical, key, loose: (0, 0), kind, rank, common: false, dot: false };
            if self.defer {
                let pkey = Self::push_key(&mut t.keys, &plural);
                t.entries.push(entry(pkey));
                self.pending_exact.push((h, pidx));
            } else {
                let v = t.exact.entry(h, NO_ENTRY);
                if *v & NO_ENTRY == NO_ENTRY {
                    *v = (*v & CONTINUES) | pidx;
                    let pkey = Self::push_key(&mut t.keys, &plural);
                    t.entries.push(entry(pkey));
                }
            }
        }
        true
    }

    /// Applies the deferred insertions: the first row wins a key; prefixes
    /// only add the continuation flag.
    #[allow(dead_code)] // used by build.rs and the tests
    fn flush_deferred(&mut self) {
        self.defer = false;
        for (h, v) in std::mem::take(&mut self.pending_exact) {
            let old = self.t.exact.entry(h, v);
            let entry = if *old & NO_ENTRY != NO_ENTRY { *old & NO_ENTRY } else { v & NO_ENTRY };
            *old = entry | ((*old | v) & CONTINUES);
        }
        for (h, v) in std::mem::take(&mut self.pending_loose) {
            self.t.loose.entry(h, v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    proptest! {
        /// The table answers as a map, whatever the keys (hash 0 and
        /// colliding low bits included) and the order of operations.
        #[test]
        fn key_table_is_a_map(ops in proptest::collection::vec((0u64..64, any::<u32>(), any::<bool>()), 0..300)) {
            let mut t = KeyTable::default();
            let mut m: HashMap<u64, u32> = HashMap::new();
            for &(k, v, replace) in &ops {
                // few distinct keys, many equal low bits
                let h = k.wrapping_mul(1 << 20);
                if replace {
                    t.insert(h, v);
                    m.insert(h, v);
                } else {
                    *t.entry(h, v) |= 1;
                    *m.entry(h).or_insert(v) |= 1;
                }
            }
            prop_assert_eq!(t.len, m.len());
            prop_assert_eq!(t.is_empty(), m.is_empty());
            for k in 0..70u64 {
                let h = k.wrapping_mul(1 << 20);
                prop_assert_eq!(t.get(h), m.get(&h).copied());
                prop_assert_eq!(t.contains(h), m.contains_key(&h));
            }
            let mut bytes = Vec::new();
            t.encode(&mut bytes);
            prop_assert_eq!(KeyTable::decode(&mut Reader(&bytes)), Some(t));
        }
    }

    /// The tables `build.rs` embeds are the embedded list compiled by
    /// [`compile_embedded`], through an encode/decode round trip.
    #[test]
    fn embedded_tables_round_trip() {
        let tsv = include_str!(concat!(env!("OUT_DIR"), "/gazetteer.tsv"));
        let (t, names, words) = compile_embedded(tsv).expect("embedded list compiles");
        assert!(t.entries.len() > 100_000 && t.exact.len >= t.entries.len() / 2);
        let embedded = crate::embedded::TABLES;
        assert_eq!(t.encode(), embedded, "OUT_DIR/tables.bin is stale");
        let canon: &'static str = Box::leak(t.canon.to_string().into_boxed_str());
        let keys: &'static str = Box::leak(t.keys.to_string().into_boxed_str());
        assert_eq!(Tables::decode(embedded, canon, keys).as_ref(), Some(&t));
        assert_eq!((names.as_str(), words.as_str()), (crate::embedded::FIRST_NAMES, crate::embedded::WORDS));
        // truncated or corrupted bytes are refused, never a panic
        for cut in [0, 3, 4, 100, embedded.len() / 2, embedded.len() - 1] {
            assert!(Tables::decode(&embedded[..cut], canon, keys).is_none(), "{cut}");
        }
        let mut bad = embedded.to_vec();
        bad[0] = b'X';
        assert!(Tables::decode(&bad, canon, keys).is_none());
    }

    #[test]
    fn user_rows_compile_over_decoded_tables() {
        let mut c = Compiler::default();
        assert!(c.add("Qala-e-Naw", "Qala-e-Naw", EntityType::Loc, 0, false, true));
        assert!(c.add("Afghan", "Afghan", EntityType::Norp, 0, false, true));
        assert!(!c.add("-", "x", EntityType::Loc, 0, false, true));
        let bytes = c.t.encode();
        let canon: &'static str = Box::leak(c.t.canon.to_string().into_boxed_str());
        let keys: &'static str = Box::leak(c.t.keys.to_string().into_boxed_str());
        let back = Tables::decode(&bytes, canon, keys).expect("round trip");
        assert_eq!(back, c.t);
        // loose key, plural and continuation are all there
        assert!(back.loose.contains(key_hash("Qala Naw")));
        assert!(back.exact.get(key_hash("Afghans")).is_some_and(|v| v & NO_ENTRY != NO_ENTRY));
        assert!(back.exact.get(key_hash("Qala")).is_some_and(|v| v & CONTINUES != 0));
    }
}
