//! What a cluster knows: which words the documents share (a block whose
//! words no other document uses is foreign to the event), and which lines
//! several documents repeat verbatim (template text, when they are also
//! foreign to the event). With a single document, the other blocks of the
//! same document stand in for the cluster.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The keys are already hashes: hashing them again would only cost time.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Where a key (or a line) was seen: the first document, and whether a
/// second one had it too.
#[derive(Clone, Copy)]
struct Seen {
    first: u32,
    multi: bool,
}

fn note(map: &mut IdMap<Seen>, key: u64, doc: u32) {
    map.entry(key).and_modify(|s| s.multi |= s.first != doc).or_insert(Seen { first: doc, multi: false });
}

/// What the cluster evidence needs of a block: its line hash (short lines
/// only), its sorted vocabulary keys, and whether it is body text.
pub(crate) type BlockEvidence<'a> = (Option<u64>, &'a [u64], bool);

/// Cluster-wide vocabulary and repeated lines.
pub(crate) struct ClusterEvidence {
    docs: usize,
    vocab: IdMap<Seen>,
    lines: IdMap<Seen>,
}

impl ClusterEvidence {
    /// `docs[d][b]` = (line hash, sorted keys, is body text) of block `b`
    /// of document `d`. The vocabulary is the body text's.
    pub fn new(docs: &[Vec<BlockEvidence<'_>>]) -> ClusterEvidence {
        let mut lines = IdMap::with_capacity_and_hasher(docs.iter().map(Vec::len).sum(), Default::default());
        for (d, blocks) in docs.iter().enumerate() {
            for (line, keys, _) in blocks {
                if let (Some(line), true) = (line, keys.len() >= 2) {
                    note(&mut lines, *line, d as u32);
                }
            }
        }
        // repeated lines stay out of the vocabulary: a template must not
        // vouch for itself
        let total = docs.iter().flatten().map(|(_, k, _)| k.len()).sum();
        let mut vocab = IdMap::with_capacity_and_hasher(total, Default::default());
        for (d, blocks) in docs.iter().enumerate() {
            for (line, keys, body) in blocks {
                if !body || line.is_some_and(|l| lines.get(&l).is_some_and(|s| s.multi)) {
                    continue;
                }
                for &k in *keys {
                    note(&mut vocab, k, d as u32);
                }
            }
        }
        ClusterEvidence { docs: docs.len(), vocab, lines }
    }

    /// More than one document: cross-document evidence is available.
    pub fn is_cluster(&self) -> bool {
        self.docs > 1
    }

    /// Share of a block's `keys` that another document of the cluster or
    /// another body block of its own document uses. `counts` are the
    /// document's [`doc_counts`]; `body` tells whether the block itself is
    /// counted there.
    pub fn support(&self, doc: usize, keys: &[u64], counts: &IdMap<u32>, body: bool) -> f32 {
        if keys.is_empty() {
            return 0.0;
        }
        let own = u32::from(body);
        let shared = keys
            .iter()
            .filter(|k| {
                counts.get(k).is_some_and(|&c| c > own)
                    || self.vocab.get(k).is_some_and(|s| s.multi || s.first as usize != doc)
            })
            .count();
        shared as f32 / keys.len() as f32
    }

    /// Distinct content words of the body outside repeated lines.
    pub fn vocabulary(&self) -> usize {
        self.vocab.len()
    }

    /// The line appears verbatim in more than one document.
    pub fn repeated(&self, line: Option<u64>) -> bool {
        line.is_some_and(|l| self.lines.get(&l).is_some_and(|s| s.multi))
    }
}

/// Counts of the body blocks of one document using each key.
pub(crate) fn doc_counts<'a>(blocks: impl Iterator<Item = (&'a [u64], bool)> + Clone) -> IdMap<u32> {
    let total = blocks.clone().map(|(k, _)| k.len()).sum();
    let mut counts: IdMap<u32> = IdMap::with_capacity_and_hasher(total, Default::default());
    for (keys, body) in blocks {
        if body {
            for &k in keys {
                *counts.entry(k).or_insert(0) += 1;
            }
        }
    }
    counts
}
