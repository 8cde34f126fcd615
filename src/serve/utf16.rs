//! Byte offsets into a text turned into UTF-16 code units, the unit of
//! JavaScript strings and of LanguageTool's offsets (Java string indices).

use std::collections::HashMap;

/// UTF-16 positions of chosen byte offsets of one text, found in one pass.
pub(crate) struct Utf16Offsets {
    map: HashMap<usize, usize>,
}

impl Utf16Offsets {
    /// Computes the UTF-16 position of every offset in `wanted`. An offset
    /// inside a character counts as that character's start.
    pub(crate) fn new(text: &str, wanted: impl IntoIterator<Item = usize>) -> Utf16Offsets {
        let mut wanted: Vec<usize> = wanted.into_iter().collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut map = HashMap::with_capacity(wanted.len());
        let mut units = 0;
        let mut chars = text.char_indices().peekable();
        for offset in wanted {
            while let Some(&(i, c)) = chars.peek() {
                if i + c.len_utf8() > offset {
                    break;
                }
                units += c.len_utf16();
                chars.next();
            }
            map.insert(offset, units);
        }
        Utf16Offsets { map }
    }

    /// The UTF-16 position of a byte offset given to [`new`](Self::new).
    pub(crate) fn get(&self, offset: usize) -> usize {
        self.map.get(&offset).copied().unwrap_or(0)
    }
}

/// The UTF-16 length of a string.
pub(crate) fn len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_surrogate_pairs_as_two() {
        let text = "😀 أحمد الشرع";
        let start = text.find("الشرع").unwrap();
        let u = Utf16Offsets::new(text, [0, start, text.len()]);
        // 😀 is two units, the space one, أحمد four, the space one.
        assert_eq!(u.get(start), 8);
        assert_eq!(u.get(0), 0);
        assert_eq!(u.get(text.len()), len(text));
        assert_eq!(len(text), 2 + 1 + 4 + 1 + 5);
    }

    #[test]
    fn offset_inside_a_character_is_its_start() {
        let text = "aأb";
        let u = Utf16Offsets::new(text, [2]);
        assert_eq!(u.get(2), 1);
    }
}
