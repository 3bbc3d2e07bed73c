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

/// The registered pairs.
static SCRIPT: RwLock<Script> = RwLock::new(Script { pairs: Vec::new(), traditional: Vec::new() });

struct Script {
    /// (traditional, simplified), sorted by the traditional character.
    pairs: Vec<(char, char)>,
    /// One bit per char from U+3400 on, set for the traditional chars of `pairs`: most
    /// chars are no pair's, and a bit says so without the binary search. Folding the
    /// 100-document synthetic corpus when it is read (1.8 MB of text, natively at
    /// opt-level z): 10.4 → 6.2 ms.
    traditional: Vec<u64>,
}

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
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().map(|c| fold_char(script_char(&table, c))));
    out
}

fn script_char(table: &Script, c: char) -> char {
    let bit = (c as u32).wrapping_sub(0x3400) as usize;
    if table.traditional.get(bit / 64).is_none_or(|w| w & (1 << (bit % 64)) == 0) {
        return c;
    }
    table.pairs.binary_search_by_key(&c, |&(t, _)| t).map_or(c, |i| table.pairs[i].1)
}

/// Does `haystack` contain `needle`? See [`Finder`], which a search over many texts
/// builds once per term.
pub fn contains(haystack: &str, needle: &str) -> bool {
    Finder::new(needle).is_in(haystack)
}

/// A letter of the Latin alphabet (ASCII, or accented as in Latin-1 and Latin Extended-A
/// and -B): what a Latin word is made of. Digits, punctuation, spaces and CJK characters
/// are not, so each of them ends a word (see [`Finder::term`]).
pub fn is_latin_letter(c: char) -> bool {
    // The ranges, not `char::is_alphabetic`, whose Unicode table cost the wasm 1.9 kB gzip.
    c.is_ascii_alphabetic() || (matches!(c, '\u{C0}'..='\u{24F}') && !matches!(c, '×' | '÷'))
}

/// Does a word of Latin letters end at `start` in `text`, or begin at `end`, so that a
/// match from `start` to `end` (byte offsets) is not part of a longer word? Only the sides
/// where the match itself has a Latin letter (`left`, `right`) are checked.
pub fn at_word_edges(text: &str, start: usize, end: usize, left: bool, right: bool) -> bool {
    let before = || text.get(..start).and_then(|t| t.chars().next_back());
    let after = || text.get(end..).and_then(|t| t.chars().next());
    (!left || !before().is_some_and(is_latin_letter)) && (!right || !after().is_some_and(is_latin_letter))
}

/// Needles of this many bytes or more are found by Horspool's method (see [`Finder`]).
const HORSPOOL_FROM: usize = 6;

/// A needle prepared for [`Finder::is_in`]: a byte scan, used instead of `str::contains`
/// with a string or a non-ASCII char (and `split_once` with a string): the standard
/// two-way searcher is code of its own and calls `core::str::slice_error_fail`, whose
/// message formats chars and ranges with `Debug`. Measured on the release wasm: 0.7 kB
/// less after gzip with the searcher gone; with no panicking `str` slicing left either
/// (`get(a..b)` instead of `[a..b]`), the panic path goes too, 4.7 kB in all.
///
/// A needle of two Chinese chars or more (6 bytes or more) is found by Boyer–Moore–Horspool:
/// the byte under the window's last position says how far the window may move, and in
/// Chinese UTF-8 text that byte is rarely one of the needle's, so a window moves by about
/// the needle's length. A shorter needle is found by a plain scan that first compares the
/// needle's last byte (in Chinese a continuation byte, rarer than a lead byte such as
/// `0xE5`). Measured natively (opt-level z) over the folded texts of the 100-document
/// synthetic corpus (1.8 MB), the earlier scan (first byte, then the window) → this:
/// 孵化器 2.6 → 0.6 ms, 知识产权质押 1.6 → 0.3 ms, 人 1.5 → 1.2 ms, mbps 0.8 → 0.8 ms
/// (Horspool alone made short and ASCII needles slower: mbps 1.2 ms, each of its steps
/// waits for a table lookup).
///
/// A query term's finder ([`Finder::term`]) finds a needle that begins or ends with a Latin
/// letter only as a whole word on that side (see [`at_word_edges`]): an occurrence inside
/// a longer word is passed over and the scan goes on.
pub struct Finder<'a> {
    needle: &'a str,
    /// How far the window moves when a byte is under its last position (at most 255).
    shift: [u8; 256],
    /// A match must not have a Latin letter just before it (the needle begins with one)
    /// or just after it (the needle ends with one).
    left: bool,
    right: bool,
}

impl<'a> Finder<'a> {
    /// A finder of every occurrence, as `str::contains`.
    pub fn new(needle: &'a str) -> Finder<'a> {
        let n = needle.as_bytes();
        let len = |n: usize| n.min(255) as u8;
        let mut shift = [len(n.len()); 256];
        for (i, &b) in n.iter().enumerate().take(n.len().saturating_sub(1)) {
            shift[b as usize] = len(n.len() - 1 - i);
        }
        Finder { needle, shift, left: false, right: false }
    }

    /// A finder of a query term: where the needle begins (ends) with a Latin letter, a
    /// match must begin (end) a word, so `ip` finds `ip核` and `tcp/ip` but not `iptv`.
    pub fn term(needle: &'a str) -> Finder<'a> {
        let left = needle.chars().next().is_some_and(is_latin_letter);
        let right = needle.chars().next_back().is_some_and(is_latin_letter);
        Finder { left, right, ..Finder::new(needle) }
    }

    pub fn needle(&self) -> &'a str {
        self.needle
    }

    /// Does `haystack` contain the needle (as a word where it must be one)?
    pub fn is_in(&self, haystack: &str) -> bool {
        let (h, n) = (haystack.as_bytes(), self.needle.as_bytes());
        let Some((&last, init)) = n.split_last() else { return true };
        // A match at `start`; the needle is whole chars, so both its ends are char boundaries.
        let whole = |start: usize| !(self.left || self.right) || at_word_edges(haystack, start, start + n.len(), self.left, self.right);
        if n.len() < HORSPOOL_FROM {
            return h.windows(n.len()).enumerate().any(|(start, w)| w.last() == Some(&last) && w == n && whole(start));
        }
        let mut end = n.len() - 1;
        while let Some(&b) = h.get(end) {
            if b == last && h.get(end + 1 - n.len()..end).is_some_and(|w| w == init) && whole(end + 1 - n.len()) {
                return true;
            }
            end += self.shift[b as usize] as usize;
        }
        false
    }
}

/// Registers script pairs, a string of (traditional, simplified) characters as the
/// compiler writes them (`"產产權权"`), adding to those already known.
pub fn add_script_pairs(pairs: &str) {
    let chars: Vec<char> = pairs.chars().collect();
    if chars.len() < 2 {
        return;
    }
    let mut script = SCRIPT.write().unwrap_or_else(|e| e.into_inner());
    let table = &mut script.pairs;
    table.extend(chars.chunks_exact(2).map(|p| (p[0], p[1])));
    // Sorted through the one instantiation of the sort code (see `crate::sort_indices`).
    let mut order: Vec<usize> = (0..table.len()).collect();
    crate::sort_indices(&mut order, &|a, b| table[a].cmp(&table[b]));
    *table = order.iter().map(|&i| table[i]).collect();
    table.dedup_by_key(|p| p.0);
    let mut bits: Vec<u64> = Vec::new();
    for bit in table.iter().filter_map(|&(t, _)| (t as u32).checked_sub(0x3400)).map(|b| b as usize) {
        if bits.len() <= bit / 64 {
            bits.resize(bit / 64 + 1, 0);
        }
        bits[bit / 64] |= 1 << (bit % 64);
    }
    script.traditional = bits;
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
    fn a_term_with_latin_letters_at_its_ends_is_found_as_a_word() {
        let found = |haystack: &str, needle: &str| Finder::term(needle).is_in(&fold(haystack));
        // Regression: `ip` found ＩＰＴＶ (folded to `iptv`).
        assert!(!found("加快发展ＩＰＴＶ、数字移动电视", "ip"));
        for text in ["ＩＰ核", "ip address", "知识产权（IP）", "TCP/IP", "IP6", "发展ＩＰＴＶ和IP核"] {
            assert!(found(text, "ip"), "{text}");
        }
        for text in ["VoIP", "ship", "IPv6", "chip设计", "ipé"] {
            assert!(!found(text, "ip"), "{text}");
        }
        // Digits and CJK characters end a word; a needle's edge that is not a letter is
        // found anywhere (`20%` in `120%`), and Chinese terms are substrings as before.
        assert!(found("达到20Ｍｂｐｓ和4Ｍｂｐｓ", "mbps") && found("超过4000Ｇ，", "4000g") && found("超过4000Ｇ，", "g"));
        assert!(found("增长120%", "20%") && found("IC设计", "ic设计") && found("ICP设计", "设计"));
        assert!(!found("ICP许可", "cp") && !found("ICP许可", "ic") && found("ICP许可", "icp"));
        assert!(found("pledge financing", "pledge financing") && !found("pledge financings", "pledge financing"));
        // Long needles (Horspool) pass over an occurrence inside a word and go on.
        assert!(found("subpatents, patents, patent", "patent") && !found("subpatents, patents", "patent"));
        assert!(found("知识产权", "") && !found("", "ip") && Finder::new("ip").is_in("iptv"));
    }

    #[test]
    fn latin_letters_are_the_alphabetic_chars_of_the_latin_blocks() {
        for c in (0..0x250u32).filter_map(char::from_u32) {
            assert_eq!(is_latin_letter(c), c.is_alphabetic() && (c.is_ascii() || c >= '\u{C0}'), "{c:?}");
        }
        assert!(!is_latin_letter('知') && !is_latin_letter('Ⅲ') && !is_latin_letter('ａ'));
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
