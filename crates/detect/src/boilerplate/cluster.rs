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
    /// Every block's keys as dense ids, document by document, block by
    /// block (the order [`ClusterEvidence::supports`] reads them in).
    ids: Vec<u32>,
    /// Per key id: the first document whose vocabulary has it (`NONE`
    /// when none has), and whether another one has it too.
    first: Vec<u32>,
    multi: Vec<bool>,
    /// Distinct keys in the vocabulary.
    vocab: usize,
    lines: IdMap<Seen>,
}

/// No document (a key outside the vocabulary).
const NONE: u32 = u32::MAX;

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
        let mut index: IdMap<u32> = IdMap::with_capacity_and_hasher(total, Default::default());
        let mut ids = Vec::with_capacity(total);
        let (mut first, mut multi) = (Vec::with_capacity(total), Vec::with_capacity(total));
        let mut vocab = 0;
        for (d, blocks) in docs.iter().enumerate() {
            let d = d as u32;
            for (line, keys, body) in blocks {
                let in_vocab = *body && !line.is_some_and(|l| lines.get(&l).is_some_and(|s| s.multi));
                for &k in *keys {
                    let id = *index.entry(k).or_insert_with(|| {
                        first.push(NONE);
                        multi.push(false);
                        first.len() as u32 - 1
                    });
                    ids.push(id);
                    if in_vocab {
                        let i = id as usize;
                        if first[i] == NONE {
                            first[i] = d;
                            vocab += 1;
                        } else {
                            multi[i] |= first[i] != d;
                        }
                    }
                }
            }
        }
        ClusterEvidence { docs: docs.len(), ids, first, multi, vocab, lines }
    }

    /// More than one document: cross-document evidence is available.
    pub fn is_cluster(&self) -> bool {
        self.docs > 1
    }

    /// For every block of `docs` (the ones the evidence was built from):
    /// the share of its keys that another document of the cluster or
    /// another body block of its own document uses.
    pub fn supports(&self, docs: &[Vec<BlockEvidence<'_>>]) -> Vec<Vec<f32>> {
        // body blocks of the current document using each key
        let mut counts = vec![0u32; self.first.len()];
        let mut at = 0;
        docs.iter()
            .enumerate()
            .map(|(d, blocks)| {
                let start = at;
                let mut cursor = start;
                for (_, keys, body) in blocks {
                    let ids = self.ids.get(cursor..cursor + keys.len()).unwrap_or(&[]);
                    cursor += keys.len();
                    if *body {
                        for &id in ids {
                            counts[id as usize] += 1;
                        }
                    }
                }
                let mut cursor = start;
                let support = blocks
                    .iter()
                    .map(|(_, keys, body)| {
                        let ids = self.ids.get(cursor..cursor + keys.len()).unwrap_or(&[]);
                        cursor += keys.len();
                        if keys.is_empty() {
                            return 0.0;
                        }
                        let own = u32::from(*body);
                        let shared = ids
                            .iter()
                            .filter(|&&id| {
                                let i = id as usize;
                                counts[i] > own
                                    || (self.first[i] != NONE && (self.multi[i] || self.first[i] as usize != d))
                            })
                            .count();
                        shared as f32 / keys.len() as f32
                    })
                    .collect();
                for &id in self.ids.get(start..cursor).unwrap_or(&[]) {
                    counts[id as usize] = 0;
                }
                at = cursor;
                support
            })
            .collect()
    }

    /// Distinct content words of the body outside repeated lines.
    pub fn vocabulary(&self) -> usize {
        self.vocab
    }

    /// The line appears verbatim in more than one document.
    pub fn repeated(&self, line: Option<u64>) -> bool {
        line.is_some_and(|l| self.lines.get(&l).is_some_and(|s| s.multi))
    }
}
