//! Folding for matching. One char in, one char out, so a position in folded text is the
//! position in the original: highlighting relies on it.
//!
//! [`fold`] folds width, Latin case and script: a traditional character becomes its
//! simplified form, so 知識產權 and 知识产权 fold alike. The script table is data: the
//! compiler writes the pairs a corpus needs (from OpenCC's character table) into the packed
//! bundle, and [`add_script_pairs`] registers them when the bundle is read. Pairs only
//! ever come from that one table, so registering the pairs of several bundles is their
//! union and never a contradiction.

use std::sync::RwLock;

/// (traditional, simplified), sorted by the traditional character.
static SCRIPT: RwLock<Vec<(char, char)>> = RwLock::new(Vec::new());

/// Full-width ASCII to half width, the ideographic space to a space, ASCII to lower case
/// (not scripts: see [`fold`]).
pub fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// Width, case and script folded, one char for one.
pub fn fold(s: &str) -> String {
    let table = SCRIPT.read().unwrap_or_else(|e| e.into_inner());
    s.chars().map(|c| fold_char(script_char(&table, c))).collect()
}

fn script_char(table: &[(char, char)], c: char) -> char {
    if table.is_empty() || (c as u32) < 0x3400 {
        return c;
    }
    table.binary_search_by_key(&c, |&(t, _)| t).map_or(c, |i| table[i].1)
}

/// Does `haystack` contain `needle`? A byte scan, used instead of `str::contains` with a
/// string or a non-ASCII char (and `split_once` with a string): the standard two-way
/// searcher is code of its own and calls `core::str::slice_error_fail`, whose message
/// formats chars and ranges with `Debug`. Measured on the release wasm: 0.7 kB less after
/// gzip with the searcher gone; with no panicking `str` slicing left either (`get(a..b)`
/// instead of `[a..b]`), the panic path goes too, 4.7 kB in all. The texts searched here
/// are provisions, a few hundred bytes each.
pub fn contains(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w[0] == n[0] && w == n)
}

/// Registers script pairs, a string of (traditional, simplified) characters as the
/// compiler writes them (`"產产權权"`), adding to those already known.
pub fn add_script_pairs(pairs: &str) {
    let chars: Vec<char> = pairs.chars().collect();
    if chars.len() < 2 {
        return;
    }
    let mut table = SCRIPT.write().unwrap_or_else(|e| e.into_inner());
    table.extend(chars.chunks_exact(2).map(|p| (p[0], p[1])));
    // Sorted through the one instantiation of the sort code (see `crate::sort_indices`).
    let mut order: Vec<usize> = (0..table.len()).collect();
    crate::sort_indices(&mut order, &|a, b| table[a].cmp(&table[b]));
    *table = order.iter().map(|&i| table[i]).collect();
    table.dedup_by_key(|p| p.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_case_one_char_for_one() {
        assert_eq!(fold("２０％ Ｍｂｐｓ"), "20% mbps");
        assert_eq!(fold("ＰＣＴ专利").chars().count(), "ＰＣＴ专利".chars().count());
    }

    #[test]
    fn contains_finds_what_str_contains_finds() {
        for (haystack, needle) in
            [("知识产权质押", "质押"), ("知识产权质押", "产"), ("abc", ""), ("", ""), ("", "a"), ("质", "质押"), ("质押", "押质"), ("省科技厅", "省")]
        {
            assert_eq!(contains(haystack, needle), haystack.contains(needle), "{haystack} {needle}");
        }
    }

    #[test]
    fn folds_registered_traditional_characters_to_simplified() {
        add_script_pairs("識识產产權权檢检驗验測测");
        assert_eq!(fold("知識產權"), "知识产权");
        assert_eq!(fold("知识产权"), "知识产权");
        assert_eq!(fold("檢驗檢測ＡＢ"), "检验检测ab");
        // Registering again, or other pairs of the same table, adds to what is known.
        add_script_pairs("產产");
        add_script_pairs("");
        assert_eq!(fold("產權"), "产权");
        assert_eq!(fold("知識產權").chars().count(), 4);
    }
}
