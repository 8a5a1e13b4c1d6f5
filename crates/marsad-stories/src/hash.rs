//! Hashing of words and shingles.
//!
//! Shingles and features are kept as 64-bit hashes, never as strings. The
//! hash is fixed (not randomly seeded) so that story ids and duplicate links
//! are the same on every run for the same input.

use std::hash::Hasher;

/// A fixed-key 64-bit hash of a string.
pub fn of_str(s: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(s.as_bytes());
    h.finish()
}

/// Combines a running hash with the next item (for shingles of several words).
pub fn combine(h: u64, next: u64) -> u64 {
    (h.rotate_left(23) ^ next).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The `i`-th of a family of hash functions over already-hashed items, for
/// MinHash: multiply-xorshift with a distinct odd multiplier per function.
pub fn permute(x: u64, i: u64) -> u64 {
    let m = 0xbf58_476d_1ce4_e5b9_u64.wrapping_add(i.wrapping_mul(0x94d0_49bb_1331_11eb)) | 1;
    let y = (x ^ i.wrapping_mul(0x2545_f491_4f6c_dd1d)).wrapping_mul(m);
    y ^ (y >> 31)
}
