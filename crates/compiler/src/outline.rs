//! Outline markers: the numbering styles of Chinese official documents, by level.
//!
//! | level | styles |
//! |---|---|
//! | 1 | `一、` |
//! | 2 | `（一）` `(一)` |
//! | 3 | `1、` `1.` `1．` |
//! | 4 | `（1）` `(1)` |
//!
//! A marker is recognised only at the start of a piece of text; the compiler decides where
//! pieces start (paragraph starts, sentence ends, after a closing responsibility clause).
//! Brackets, dots and the colon after a title may be full or half width; a space after the
//! marker (`一、 总体要求`) is kept in the label and ignored in the title.

/// A recognised outline marker at the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub level: u8,
    pub number: u32,
    /// Byte length of the marker in the text.
    pub len: usize,
}

/// A heading split off the start of a piece: `（一）指导思想。以邓小平理论……` gives the
/// heading `（一）指导思想` and the body `以邓小平理论……`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitHeading<'a> {
    pub marker: Marker,
    /// Marker and title as written, without the closing 。 (the marker alone for an
    /// untitled item such as `4．加大……，……。`).
    pub label: &'a str,
    /// Whether the item has a title of its own.
    pub titled: bool,
    /// What follows the heading in the same piece.
    pub body: &'a str,
}

const OPEN: [char; 2] = ['（', '('];
const CLOSE: [char; 2] = ['）', ')'];
const DOTS: [char; 3] = ['、', '.', '．'];

/// Recognises a marker at the very start of `s`.
pub fn marker_at(s: &str) -> Option<Marker> {
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if OPEN.contains(&first) {
        let inner_start = first.len_utf8();
        let close = s[inner_start..].find(|c: char| CLOSE.contains(&c))? + inner_start;
        let inner = &s[inner_start..close];
        let close_len = s[close..].chars().next()?.len_utf8();
        let len = close + close_len;
        if let Some(number) = chinese_number(inner) {
            return Some(Marker { level: 2, number, len });
        }
        if let Some(number) = arabic_number(inner) {
            return Some(Marker { level: 4, number, len });
        }
        return None;
    }
    if first.is_ascii_digit() || ('０'..='９').contains(&first) {
        let digits_end = s.find(|c: char| !(c.is_ascii_digit() || ('０'..='９').contains(&c)))?;
        let number = arabic_number(&s[..digits_end])?;
        let dot = s[digits_end..].chars().next()?;
        if !DOTS.contains(&dot) {
            return None;
        }
        let len = digits_end + dot.len_utf8();
        // `1.5亿元` is a number, not a marker.
        if dot != '、' && s[len..].starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
            return None;
        }
        return Some(Marker { level: 3, number, len });
    }
    let numeral_end = s.find(|c: char| !is_chinese_digit(c))?;
    if numeral_end == 0 || !s[numeral_end..].starts_with('、') {
        return None;
    }
    let number = chinese_number(&s[..numeral_end])?;
    Some(Marker { level: 1, number, len: numeral_end + '、'.len_utf8() })
}

/// Titles are short and have no clause breaks; a longer first sentence is body text.
const MAX_TITLE_CHARS: usize = 32;

/// Splits a piece that starts with a marker into heading and body.
pub fn split_heading(s: &str) -> Option<SplitHeading<'_>> {
    let marker = marker_at(s)?;
    let rest = &s[marker.len..];
    // A title ends at 。 or where the next (deeper) marker starts: `二、重点发展领域（一）……`.
    let mut title_end = rest.len();
    let mut body_start = rest.len();
    for (i, c) in rest.char_indices() {
        if matches!(c, '。' | '：' | ':') {
            title_end = i;
            body_start = i + c.len_utf8();
            break;
        }
        if i > 0 && OPEN.contains(&c) && marker_at(&rest[i..]).is_some_and(|m| m.level > marker.level) {
            title_end = i;
            body_start = i;
            break;
        }
    }
    let title = rest[..title_end].trim_matches(crate::text::is_space);
    let titled = !title.is_empty() && title.chars().count() <= MAX_TITLE_CHARS && !title.contains(['，', '；', ',', ';']);
    if titled {
        Some(SplitHeading { label: &s[..marker.len + title_end], titled, body: rest[body_start..].trim_start(), marker })
    } else {
        Some(SplitHeading { label: &s[..marker.len], titled, body: rest, marker })
    }
}

fn is_chinese_digit(c: char) -> bool {
    "〇零一二三四五六七八九十".contains(c)
}

/// `一`..`九十九`.
fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "〇一二三四五六七八九".find(c).map(|i| (i / '一'.len_utf8()) as u32);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [d] if *d != '十' => digit(*d).filter(|&n| n > 0),
        ['十'] => Some(10),
        ['十', d] => digit(*d).map(|n| 10 + n),
        [t, '十'] => digit(*t).map(|n| n * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        _ => None,
    }
}

/// One or two ASCII or full-width digits.
fn arabic_number(s: &str) -> Option<u32> {
    let mut n = 0u32;
    let mut count = 0;
    for c in s.chars() {
        let d = if c.is_ascii_digit() {
            c as u32 - '0' as u32
        } else if ('０'..='９').contains(&c) {
            c as u32 - '０' as u32
        } else {
            return None;
        };
        n = n * 10 + d;
        count += 1;
    }
    (1..=2).contains(&count).then_some(n).filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level_number(s: &str) -> Option<(u8, u32)> {
        marker_at(s).map(|m| (m.level, m.number))
    }

    #[test]
    fn recognises_every_numbering_style() {
        assert_eq!(level_number("一、总体思路"), Some((1, 1)));
        assert_eq!(level_number("十二、其他"), Some((1, 12)));
        assert_eq!(level_number("（三）区域布局"), Some((2, 3)));
        assert_eq!(level_number("(十)区域布局"), Some((2, 10)));
        assert_eq!(level_number("1、信息技术服务"), Some((3, 1)));
        assert_eq!(level_number("2.融合发展"), Some((3, 2)));
        assert_eq!(level_number("3．完善价格政策"), Some((3, 3)));
        assert_eq!(level_number("（1）软件"), Some((4, 1)));
        assert_eq!(level_number("12.标题"), Some((3, 12)));
    }

    #[test]
    fn numbers_and_brackets_in_prose_are_not_markers() {
        for s in ["1.5亿元", "2015年", "PCT（专利合作条约）", "（省发展改革委负责）", "一批企业", "、", "（）", "123.标题"] {
            assert_eq!(marker_at(s), None, "{s}");
        }
    }

    #[test]
    fn splits_title_from_body_in_the_same_paragraph() {
        let h = split_heading("（一）指导思想。以邓小平理论为指导。").unwrap();
        assert_eq!((h.label, h.titled, h.body), ("（一）指导思想", true, "以邓小平理论为指导。"));
        let h = split_heading("（二）基本原则").unwrap();
        assert_eq!((h.label, h.body), ("（二）基本原则", ""));
        let h = split_heading("（二）基本原则。").unwrap();
        assert_eq!((h.label, h.body), ("（二）基本原则", ""));
    }

    #[test]
    fn a_first_sentence_with_clauses_is_body_not_title() {
        let h = split_heading("4．加大知识产权保护力度，完善维权援助体系。").unwrap();
        assert_eq!((h.label, h.titled, h.body), ("4．", false, "加大知识产权保护力度，完善维权援助体系。"));
    }

    #[test]
    fn half_width_forms_and_a_space_after_the_marker() {
        let h = split_heading("一、总体要求(一)指导思想。以科学发展观为指导。").unwrap();
        assert_eq!((h.label, h.body), ("一、总体要求", "(一)指导思想。以科学发展观为指导。"));
        let h = split_heading(h.body).unwrap();
        assert_eq!((h.marker.level, h.label, h.body), (2, "(一)指导思想", "以科学发展观为指导。"));
        let h = split_heading("一、 总体要求").unwrap();
        assert_eq!((h.label, h.titled, h.body), ("一、 总体要求", true, ""));
        let h = split_heading("1. 信息技术服务:加快发展软件服务。").unwrap();
        assert_eq!((h.marker.level, h.label, h.body), (3, "1. 信息技术服务", "加快发展软件服务。"));
        let h = split_heading("(2)加大投入,完善机制。").unwrap();
        assert_eq!((h.marker.level, h.titled, h.body), (4, false, "加大投入,完善机制。"));
    }

    #[test]
    fn a_heading_glued_to_a_deeper_heading_stops_there() {
        let h = split_heading("二、重点发展领域（一）研发设计服务。").unwrap();
        assert_eq!((h.label, h.body), ("二、重点发展领域", "（一）研发设计服务。"));
    }
}
