//! Folding for matching. One char in, one char out, so a position in folded text is the
//! position in the original: highlighting relies on it.

/// Full-width ASCII to half width, the ideographic space to a space, ASCII to lower case.
pub fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    c.to_ascii_lowercase()
}

pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_case_one_char_for_one() {
        assert_eq!(fold("２０％ Ｍｂｐｓ"), "20% mbps");
        assert_eq!(fold("ＰＣＴ专利").chars().count(), "ＰＣＴ专利".chars().count());
    }
}
