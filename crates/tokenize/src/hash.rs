//! A small, fast, deterministic hasher for the crate's internal string sets
//! and the stem cache (keys are short words; SipHash's DoS resistance is not
//! needed for embedded lists and a per-caller cache).

use std::hash::{BuildHasherDefault, Hasher};

/// The multiplicative "Fx" hash (as used by rustc): a rotate, xor and multiply
/// per 8-byte word.
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, mut bytes: &[u8]) {
        while bytes.len() >= 8 {
            let mut w = [0u8; 8];
            w.copy_from_slice(&bytes[..8]);
            self.add(u64::from_le_bytes(w));
            bytes = &bytes[8..];
        }
        if !bytes.is_empty() {
            let mut w = [0u8; 8];
            w[..bytes.len()].copy_from_slice(bytes);
            self.add(u64::from_le_bytes(w) ^ ((bytes.len() as u64) << 56));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// `BuildHasher` for [`FxHasher`].
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;
/// A `HashSet` with the Fx hasher.
pub(crate) type FxSet<T> = std::collections::HashSet<T, FxBuild>;
/// A `HashMap` with the Fx hasher.
pub(crate) type FxMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
