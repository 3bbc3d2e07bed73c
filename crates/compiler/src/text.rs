//! Text primitives of the compiler: decoding seeds, white space, splitting Chinese
//! sentences, counting content characters. (Folding for matching is the runtime's,
//! [`hts_runtime::fold`].)

use crate::error::{Problem, ProblemKind};

/// Decodes a seed: UTF-8 (a BOM is dropped), line ends normalised to `\n`.
/// Anything else is a [`Problem`] that names the encoding found and how to convert.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Problem::new(
            file,
            ProblemKind::Encoding,
            format!("binary data (a NUL byte at byte offset {offset}): a seed must be a plain-text file; export the document as UTF-8 text"),
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            if text.trim_matches(is_space).is_empty() {
                return Err(Problem::new(
                    file,
                    ProblemKind::Empty,
                    "the file is empty or holds only white space: put the document's text in it, or remove the file and its catalog entry",
                ));
            }
            Ok(text)
        }
        Err(e) => {
            let offset = e.valid_up_to();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            let message = if looks_like_gb18030(bytes) {
                format!("the file is not UTF-8 but looks like GB18030/GBK (the usual encoding of Chinese government documents; first non-UTF-8 byte at offset {offset}): convert it with `iconv -f GB18030 -t UTF-8 FILE > FILE.utf8` and replace the seed")
            } else {
                format!("the file is not valid UTF-8 (first bad byte at offset {offset}): save it as UTF-8 text")
            };
            Err(Problem::new(file, ProblemKind::Encoding, message).at_line(line))
        }
    }
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

const SENTENCE_END: [char; 5] = ['。', '！', '？', '；', '!'];
const CLOSERS: [char; 4] = ['”', '’', '」', '』'];

/// Splits at 。！？； keeping the punctuation (and a closing quote right after it) with
/// the sentence. Returns non-empty, trimmed pieces.
pub fn split_sentences(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
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

fn push_trimmed<'a>(out: &mut Vec<&'a str>, piece: &'a str) {
    let piece = piece.trim_matches(is_space);
    if !piece.is_empty() {
        out.push(piece);
    }
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
    fn names_gb18030_and_how_to_convert() {
        // "高技术服务业" in GBK.
        let gbk = [0xB8, 0xDF, 0xBC, 0xBC, 0xCA, 0xF5, 0xB7, 0xFE, 0xCE, 0xF1, 0xD2, 0xB5];
        let p = decode("gbk.txt", &gbk).unwrap_err();
        assert_eq!(p.kind, ProblemKind::Encoding);
        assert!(p.message.contains("GB18030"), "{}", p.message);
        assert!(p.message.contains("iconv"), "{}", p.message);
    }

    #[test]
    fn rejects_empty_and_binary_files_with_the_reason() {
        assert_eq!(decode("e.txt", " \n\u{3000}\n".as_bytes()).unwrap_err().kind, ProblemKind::Empty);
        let p = decode("b.bin", b"PK\x03\x04\x00\x00").unwrap_err();
        assert!(p.message.contains("NUL byte at byte offset 4"), "{}", p.message);
    }
}
