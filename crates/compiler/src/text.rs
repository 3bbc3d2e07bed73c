//! Text primitives of the compiler: decoding seeds, white space, splitting Chinese
//! sentences, counting content characters, and folding traditional characters to
//! simplified for matching. (Folding width and case is the runtime's,
//! [`hts_runtime::fold`].)

use crate::error::{Problem, ProblemKind};
use encoding_rs::{Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE};

/// The encoding a seed was written in, when it was not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceEncoding {
    /// GB18030, which includes GBK and GB2312: the usual encoding of mainland documents.
    Gb18030,
    /// Big5: traditional-character documents of Taiwan and Hong Kong.
    Big5,
    Utf16Le,
    Utf16Be,
}

impl SourceEncoding {
    /// The encoding's usual name, as `iconv -f` takes it.
    pub fn name(self) -> &'static str {
        match self {
            SourceEncoding::Gb18030 => "GB18030",
            SourceEncoding::Big5 => "BIG5",
            SourceEncoding::Utf16Le => "UTF-16LE",
            SourceEncoding::Utf16Be => "UTF-16BE",
        }
    }
}

/// A decoded seed: its text, and the encoding it was converted from (`None` for UTF-8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub converted_from: Option<SourceEncoding>,
}

/// Decodes a seed to its text: see [`decode_seed`]; the encoding converted from is
/// dropped.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, Problem> {
    decode_seed(file, bytes).map(|d| d.text)
}

/// Decodes a seed: UTF-8 (a BOM is dropped); UTF-16 with a byte-order mark; else
/// GB18030/GBK, or Big5, when the bytes are valid in it and read as Chinese text (no
/// private-use characters, at least one 汉字). Line ends are normalised to `\n`. Anything
/// else is a [`Problem`] that says what was found and how to convert it.
pub fn decode_seed(file: &str, bytes: &[u8]) -> Result<Decoded, Problem> {
    let (text, converted_from) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (utf8(file, rest)?, None)
    } else if let Some((encoding, rest)) = utf16_with_bom(bytes) {
        let label = if encoding == UTF_16LE { SourceEncoding::Utf16Le } else { SourceEncoding::Utf16Be };
        let text = encoding.decode_without_bom_handling_and_without_replacement(rest).ok_or_else(|| {
            Problem::new(
                file,
                ProblemKind::Encoding,
                format!("the file starts with a {} byte-order mark but is not valid {}: save it again as UTF-8 text", label.name(), label.name()),
            )
        })?;
        (text.into_owned(), Some(label))
    } else {
        match utf8(file, bytes) {
            Ok(text) => (text, None),
            Err(binary) if bytes.contains(&0) => return Err(binary),
            Err(utf8_problem) => match legacy_chinese(bytes) {
                Some((text, from)) => (text, Some(from)),
                None => return Err(utf8_problem),
            },
        }
    };
    if let Some(offset) = text.find('\0') {
        return Err(binary(file, offset));
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if text.trim_matches(is_space).is_empty() {
        return Err(Problem::new(
            file,
            ProblemKind::Empty,
            "the file is empty or holds only white space: put the document's text in it, or remove the file and its catalog entry",
        ));
    }
    Ok(Decoded { text, converted_from })
}

fn binary(file: &str, offset: usize) -> Problem {
    Problem::new(
        file,
        ProblemKind::Encoding,
        format!("binary data (a NUL byte at byte offset {offset}): a seed must be a plain-text file; export the document as UTF-8 text"),
    )
}

/// UTF-8 text, or the problem: NUL bytes (binary, or UTF-16 without a byte-order mark),
/// or the first byte that is not UTF-8.
fn utf8(file: &str, bytes: &[u8]) -> Result<String, Problem> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        if looks_like_utf16(bytes) {
            return Err(Problem::new(
                file,
                ProblemKind::Encoding,
                "the file looks like UTF-16 without a byte-order mark: save it as UTF-8 (or as UTF-16 with a byte-order mark)",
            ));
        }
        return Err(binary(file, offset));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let offset = e.valid_up_to();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            let message = if looks_like_gb18030(bytes) {
                format!("the file is not UTF-8 (first non-UTF-8 byte at offset {offset}) and, though it looks like GB18030/GBK, it does not read as GB18030 or Big5 Chinese text (invalid bytes, or private-use characters): check it with `iconv -f GB18030 -t UTF-8 FILE > FILE.utf8`, which names the bad bytes, and save the seed as UTF-8")
            } else {
                format!("the file is not valid UTF-8 (first bad byte at offset {offset}), nor GB18030/GBK, Big5 or UTF-16 with a byte-order mark: save it as UTF-8 text")
            };
            Err(Problem::new(file, ProblemKind::Encoding, message).at_line(line))
        }
    }
}

fn utf16_with_bom(bytes: &[u8]) -> Option<(&'static Encoding, &[u8])> {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Some((UTF_16LE, rest))
    } else {
        bytes.strip_prefix(b"\xFE\xFF").map(|rest| (UTF_16BE, rest))
    }
}

/// Most of the text is ASCII with a NUL beside each character: UTF-16 of mostly ASCII,
/// or of Chinese text whose high bytes alternate.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let zeros = |parity: usize| bytes.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let half = bytes.len() / 2;
    half >= 2 && (zeros(0) * 3 >= half || zeros(1) * 3 >= half) && (zeros(0) == 0 || zeros(1) == 0)
}

/// GB18030 first (mainland documents), then Big5: the first in which the bytes are valid
/// and read as Chinese text. Big5 bytes are often valid GB18030 too, but their
/// punctuation lands in GB18030's private-use area, which no document uses.
fn legacy_chinese(bytes: &[u8]) -> Option<(String, SourceEncoding)> {
    [(GB18030, SourceEncoding::Gb18030), (BIG5, SourceEncoding::Big5)].into_iter().find_map(|(encoding, label)| {
        let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
        let private_use = text.chars().any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c));
        let chinese = text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
        (chinese && !private_use).then(|| (text.into_owned(), label))
    })
}

/// Most bytes ≥ 0x80 form GBK pairs (lead 0x81–0xFE, trail 0x40–0xFE but 0x7F).
fn looks_like_gb18030(bytes: &[u8]) -> bool {
    let (mut pairs, mut bad) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(&t) if (0x81..=0xFE).contains(&b) && (0x40..=0xFE).contains(&t) && t != 0x7F => {
                pairs += 1;
                i += 2;
            }
            _ => {
                bad += 1;
                i += 1;
            }
        }
    }
    pairs > 0 && bad * 10 <= pairs
}

/// White space including the ideographic space U+3000 that indents Chinese paragraphs.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{FEFF}'
}

/// Removes every kind of white space (Chinese text has no meaningful spaces).
pub fn squash_spaces(s: &str) -> String {
    s.chars().filter(|&c| !is_space(c)).collect()
}

const SENTENCE_END: [char; 7] = ['。', '！', '？', '；', '!', ';', '?'];
const CLOSERS: [char; 4] = ['”', '’', '」', '』'];

/// Splits at 。！？； (and their half-width forms) keeping the punctuation (and a closing
/// quote right after it) with the sentence; not at a ； inside brackets that close before
/// the next 。 (`（牵头单位：……；配合单位：……）`). Returns non-empty, trimmed pieces.
pub fn split_sentences(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            '。' => depth = 0,
            _ => {}
        }
        if matches!(c, '；' | ';') && depth > 0 && closes_before_full_stop(&s[i..]) {
            continue;
        }
        if SENTENCE_END.contains(&c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if CLOSERS.contains(&d) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            push_trimmed(&mut out, &s[start..end]);
            start = end;
        }
    }
    push_trimmed(&mut out, &s[start..]);
    out
}

fn closes_before_full_stop(s: &str) -> bool {
    let end = s.find('。').unwrap_or(s.len());
    s[..end].contains(['）', ')'])
}

fn push_trimmed<'a>(out: &mut Vec<&'a str>, piece: &'a str) {
    let piece = piece.trim_matches(is_space);
    if !piece.is_empty() {
        out.push(piece);
    }
}

/// Traditional characters and their simplified forms, pairwise: OpenCC's
/// traditional-to-simplified character table (`TSCharacters`, Apache-2.0), written by
/// `build.rs` from the `ferrous-opencc` crate. Every pair is one character for another of
/// the same UTF-8 length, so a byte offset in folded text is the offset in the original.
const TRADITIONAL: &str = include_str!(concat!(env!("OUT_DIR"), "/traditional.txt"));

/// The first and last code points with a pair (CJK Extension A to the compatibility
/// ideographs).
const FIRST: usize = 0x3400;
const LAST: usize = 0xFAFF;

/// The pairs, sorted, and a bit per character of [`FIRST`]..=[`LAST`] saying whether it
/// has a pair: most characters are answered by the bit alone.
struct Table {
    pairs: Vec<(char, char)>,
    bits: Vec<u64>,
}

fn table() -> &'static Table {
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let chars: Vec<char> = TRADITIONAL.chars().collect();
        let mut pairs: Vec<(char, char)> = chars.chunks(2).filter(|p| p.len() == 2).map(|p| (p[0], p[1])).collect();
        pairs.retain(|&(t, _)| (FIRST..=LAST).contains(&(t as usize)));
        pairs.sort_unstable();
        pairs.dedup_by_key(|p| p.0);
        let mut bits = vec![0u64; (LAST - FIRST + 64) / 64];
        for (t, _) in &pairs {
            let i = *t as usize - FIRST;
            bits[i / 64] |= 1 << (i % 64);
        }
        Table { pairs, bits }
    })
}

/// Every (traditional, simplified) pair of [`TRADITIONAL`], sorted.
pub fn traditional_pairs() -> &'static [(char, char)] {
    &table().pairs
}

/// The simplified form of a traditional character (of [`TRADITIONAL`]), else `c`.
pub fn simplify_char(c: char) -> char {
    let i = (c as usize).wrapping_sub(FIRST);
    if i > LAST - FIRST {
        return c;
    }
    let table = table();
    if table.bits[i / 64] & (1 << (i % 64)) == 0 {
        return c;
    }
    table.pairs.binary_search_by_key(&c, |&(t, _)| t).map_or(c, |i| table.pairs[i].1)
}

/// `s` with traditional characters folded to simplified, for matching: one character
/// for one of the same byte length, so offsets found in the result apply to `s`.
/// Borrowed when there is nothing to fold (most text).
pub fn simplify(s: &str) -> std::borrow::Cow<'_, str> {
    match s.char_indices().find(|&(_, c)| simplify_char(c) != c) {
        None => std::borrow::Cow::Borrowed(s),
        Some((i, _)) => {
            let mut out = String::with_capacity(s.len());
            out.push_str(&s[..i]);
            out.extend(s[i..].chars().map(simplify_char));
            std::borrow::Cow::Owned(out)
        }
    }
}

/// The pairs of [`TRADITIONAL`] that searching `texts` needs, as a string of pairs
/// (traditional, simplified): those whose simplified character occurs in the texts (so a
/// query in traditional characters finds simplified text) and those whose traditional
/// character does (so a simplified query finds traditional text). Shipped to the browser
/// in the packed bundle (see [`crate::pack`]), where [`hts_runtime::fold`] folds with it.
pub fn fold_pairs<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut seen = std::collections::HashSet::new();
    for t in texts {
        seen.extend(t.chars().filter(|&c| (FIRST..=LAST).contains(&(c as usize))));
    }
    traditional_pairs().iter().filter(|(t, s)| seen.contains(t) || seen.contains(s)).flat_map(|&(t, s)| [t, s]).collect()
}

/// Counts the characters that carry content: letters (汉字 included) and digits, not
/// punctuation or space. "N characters removed" in quality notes counts these.
pub fn content_len(s: &str) -> usize {
    s.chars().filter(|c| is_content(*c)).count()
}

pub fn is_content(c: char) -> bool {
    c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_chinese_sentence_ends_keeping_punctuation() {
        let s = "加快发展。支持“走出去。”鼓励创新；完善机制！结尾无标点";
        assert_eq!(split_sentences(s), vec!["加快发展。", "支持“走出去。”", "鼓励创新；", "完善机制！", "结尾无标点"]);
    }

    #[test]
    fn accepts_bom_crlf_and_cr() {
        let text = decode("a.txt", b"\xEF\xBB\xBFline1\r\nline2\rline3").unwrap();
        assert_eq!(text, "line1\nline2\nline3");
    }

    #[test]
    fn decodes_gb18030_big5_and_utf16_and_says_so() {
        let text = "一、總體要求\n高技术服务业年均增长20%以上。\n";
        for (encoding, label) in [(GB18030, SourceEncoding::Gb18030), (UTF_16LE, SourceEncoding::Utf16Le), (UTF_16BE, SourceEncoding::Utf16Be)] {
            let mut bytes = match label {
                SourceEncoding::Utf16Le => vec![0xFF, 0xFE],
                SourceEncoding::Utf16Be => vec![0xFE, 0xFF],
                _ => Vec::new(),
            };
            bytes.extend(encode(encoding, text));
            let d = decode_seed("x.txt", &bytes).unwrap();
            assert_eq!((d.text.as_str(), d.converted_from), (text, Some(label)));
        }
        let big5 = "一、總體要求\n高技術服務業年均增長百分之二十以上。\n";
        let d = decode_seed("x.txt", &encode(BIG5, big5)).unwrap();
        assert_eq!((d.text.as_str(), d.converted_from), (big5, Some(SourceEncoding::Big5)));
        // "高技术服务业" in GBK, the form of most mainland files that are not UTF-8.
        let gbk = [0xB8, 0xDF, 0xBC, 0xBC, 0xCA, 0xF5, 0xB7, 0xFE, 0xCE, 0xF1, 0xD2, 0xB5];
        assert_eq!(decode_seed("gbk.txt", &gbk).unwrap().text, "高技术服务业");
        let d = decode_seed("u.txt", "\u{FEFF}加快发展。".as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.converted_from), ("加快发展。", None));
    }

    /// UTF-16 has no encoder in encoding_rs (the Encoding Standard encodes only to
    /// UTF-8 and the legacy encodings); these tests write it by hand.
    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        if encoding == UTF_16LE || encoding == UTF_16BE {
            let units = text.encode_utf16();
            return units.flat_map(|u| if encoding == UTF_16LE { u.to_le_bytes() } else { u.to_be_bytes() }).collect();
        }
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{text}");
        bytes.into_owned()
    }

    #[test]
    fn a_file_valid_in_no_encoding_keeps_a_clear_error() {
        let p = decode("bad.txt", b"\xFF\xFE\xFF abc").unwrap_err();
        assert!(p.message.contains("UTF-16LE"), "{}", p.message);
        let p = decode("bad.txt", b"abc \xFF\xFF def").unwrap_err();
        assert_eq!(p.kind, ProblemKind::Encoding);
        assert!(p.message.contains("offset 4") && p.message.contains("GB18030"), "{}", p.message);
        // GBK-looking bytes broken off in the middle of a character.
        let mut broken = [0xB8, 0xDF, 0xBC, 0xBC, 0xCA, 0xF5, 0xB7, 0xFE, 0xCE, 0xF1, 0xD2, 0xB5].repeat(2);
        broken.push(0xCE);
        let p = decode("gbk.txt", &broken).unwrap_err();
        assert!(p.message.contains("iconv"), "{}", p.message);
        // UTF-16 without a byte-order mark is named, not called binary.
        let p = decode("u16.txt", &encode(UTF_16LE, "abc def ghi")).unwrap_err();
        assert!(p.message.contains("UTF-16 without a byte-order mark"), "{}", p.message);
    }

    #[test]
    fn folds_traditional_to_simplified_one_char_for_one() {
        assert_eq!(simplify("責任單位：省通信管理局、廣東省財政廳；粵府辦〔2012〕101號"), "责任单位：省通信管理局、广东省财政厅；粤府办〔2012〕101号");
        assert_eq!(simplify("知識產權、檢驗檢測"), "知识产权、检验检测");
        assert!(traditional_pairs().len() > 2500, "OpenCC's whole character table");
        for (t, s) in traditional_pairs() {
            assert_eq!((t.len_utf8(), s.len_utf8()), (3, 3), "{t}{s}");
            assert_ne!(t, s);
            assert_eq!(simplify_char(*s), *s, "folding is final: {t} → {s}");
        }
        let table = traditional_pairs();
        assert!(table.windows(2).all(|w| w[0].0 < w[1].0), "each traditional character once");
    }

    #[test]
    fn a_semicolon_inside_brackets_does_not_end_the_sentence() {
        let s = "加强协调（牵头单位：省发展改革委；配合单位：省财政厅）。推进试点;完善政策(一)";
        assert_eq!(split_sentences(s), vec!["加强协调（牵头单位：省发展改革委；配合单位：省财政厅）。", "推进试点;", "完善政策(一)"]);
    }

    #[test]
    fn rejects_empty_and_binary_files_with_the_reason() {
        assert_eq!(decode("e.txt", " \n\u{3000}\n".as_bytes()).unwrap_err().kind, ProblemKind::Empty);
        let p = decode("b.bin", b"PK\x03\x04\x00\x00").unwrap_err();
        assert!(p.message.contains("NUL byte at byte offset 4"), "{}", p.message);
    }
}
