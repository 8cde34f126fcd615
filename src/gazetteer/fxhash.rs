//! A fast hash for the maps a gazetteer load fills with every id and every
//! folded alias (a million keys at 1,000,000 aliases). The standard
//! library's SipHash and the rehashing of growing maps were a sixth of a
//! cold load (docs/benchmarks.md, "Issue 9, third pass"). The keys come from
//! the newsroom's own files, so resistance to chosen collisions is not
//! needed; the hash has no random seed, and no map built with it is ever
//! iterated for output.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The multiply-rotate hash of the Rust compiler's `FxHasher`, eight bytes
/// at a time.
#[derive(Debug, Default, Clone, Copy)]
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
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    /// The last step of `add` is a multiplication, so the low bits of
    /// `hash` depend only on the low bits of what went in: ids that differ
    /// only in their last digits (`synthetic-123456`) all had the same low
    /// 20 bits, and the map's bucket index is the low bits. Rotating brings
    /// the well-mixed high bits down (as rustc-hash 2 does).
    #[inline]
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

/// A `HashMap` with [`FxHasher`].
pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// An empty [`FxHashMap`] with room for `capacity` entries.
pub(crate) fn map_with_capacity<K, V>(capacity: usize) -> FxHashMap<K, V> {
    HashMap::with_capacity_and_hasher(capacity, BuildHasherDefault::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hash;

    fn hash(value: impl Hash) -> u64 {
        let mut h = FxHasher::default();
        value.hash(&mut h);
        h.finish()
    }

    #[test]
    fn equal_keys_hash_alike_and_near_keys_apart() {
        assert_eq!(hash("محمد العمري"), hash(String::from("محمد العمري")));
        assert_ne!(hash("محمد العمري"), hash("محمد العمرى"));
        // The tail of a key that is not a multiple of eight bytes counts.
        assert_ne!(hash("abcdefghi"), hash("abcdefghj"));
        let mut map = map_with_capacity(2);
        map.insert("a".to_string(), 1);
        map.insert("b".to_string(), 2);
        assert_eq!(map.get("a"), Some(&1));
        assert_eq!(map.get("c"), None);
    }

    #[test]
    fn ids_that_differ_in_their_last_digits_spread_over_the_low_bits() {
        // A map's bucket is the hash's low bits. Before `finish` rotated,
        // these 4,096 ids had 32 distinct low 16-bit values between them.
        let mut low: Vec<u64> = (0..4096)
            .map(|i| hash(format!("synthetic-{i}")) & 0xffff)
            .collect();
        low.sort_unstable();
        low.dedup();
        assert!(low.len() > 3500, "{} distinct low values", low.len());
    }
}
