//! Hashing for the lookup tables: rustc's Fx hash (the `rustc-hash` crate)
//! for string-keyed maps, and [`key_hash`] for the tables keyed by pre-mixed
//! 64-bit key hashes (`tables::KeyTable`). Keys are gazetteer strings, not
//! attacker-chosen; iteration order of these maps never reaches the output.

use std::hash::Hasher;

use rustc_hash::FxHasher;
pub(crate) use rustc_hash::{FxHashMap as FxMap, FxHashSet as FxSet};

/// A well-mixed 64-bit hash of a key string: FxHash over the bytes, then
/// the murmur3 finaliser. Tables store these hashes and verify hits against
/// the key itself, so a collision can only cost a lookup, never a wrong match.
#[inline]
pub(crate) fn key_hash(s: &str) -> u64 {
    key_hash_bytes(s.as_bytes())
}

/// [`key_hash`] of a string's bytes.
#[inline]
pub(crate) fn key_hash_bytes(s: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(s);
    h.write_usize(s.len());
    let mut x = h.finish();
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}
