//! The packed bundle's texts, a character to one byte or two.
//!
//! Chinese in UTF-8 takes three bytes a character, and gzip, which sees bytes, compresses
//! it to 6.5 bits a character here. Numbered by frequency, the 253 most frequent of the
//! seeds' 1,006 distinct characters (87 % of their text) take one byte and the others two,
//! and gzip does the rest: the wasm went from 165.6 to 163.6 kB gzip as `scripts/bench`
//! measures it (node's zlib; GNU `gzip -9`: 164.9 → 161.6), and 30 documents of their own
//! text from 354.9 to 321.5 kB of first load. (An order-2 PPM coder would bring the texts to
//! about 22 kB instead of about 29, less its decoder's code, and cost a fresh visit's start;
//! this one decodes at memory speed.)
//!
//! Layout: the byte length of the alphabet (LEB128), the alphabet (its characters in UTF-8,
//! most frequent first, ties by code point), `k` (one byte), then one symbol per
//! character: a byte `b < k` is character `b`, a byte `b ≥ k` and the next one `lo` are
//! character `k + (b − k) · 256 + lo`. Every text ends with U+0000, which no text contains.

/// The character that ends each text.
const END: char = '\0';

/// The texts coded; an error names a text that contains U+0000 or an alphabet too large.
pub fn encode<'a>(texts: impl IntoIterator<Item = &'a str> + Clone) -> Result<Vec<u8>, String> {
    let mut counts: std::collections::HashMap<char, usize> = std::collections::HashMap::new();
    for (i, text) in texts.clone().into_iter().enumerate() {
        if text.contains(END) {
            return Err(format!("text {i} contains the character U+0000, which cannot be packed; remove it from the source"));
        }
        for c in text.chars().chain([END]) {
            *counts.entry(c).or_default() += 1;
        }
    }
    let mut alphabet: Vec<(char, usize)> = counts.into_iter().collect();
    alphabet.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let n = alphabet.len();
    let k = (0..=255usize)
        .rev()
        .find(|&k| k + (256 - k) * 256 >= n)
        .ok_or_else(|| format!("the texts use {n} distinct characters, more than the 65,536 the packed format can hold"))?;
    let rank: std::collections::HashMap<char, usize> = alphabet.iter().enumerate().map(|(i, (c, _))| (*c, i)).collect();
    let letters: String = alphabet.iter().map(|(c, _)| c).collect();
    let mut out = Vec::new();
    let mut len = letters.len();
    loop {
        let byte = (len & 0x7f) as u8;
        len >>= 7;
        out.push(if len == 0 { byte } else { byte | 0x80 });
        if len == 0 {
            break;
        }
    }
    out.extend_from_slice(letters.as_bytes());
    out.push(k as u8);
    for text in texts {
        for c in text.chars().chain([END]) {
            match rank[&c] {
                r if r < k => out.push(r as u8),
                r => out.extend([(k + (r - k) / 256) as u8, ((r - k) % 256) as u8]),
            }
        }
    }
    Ok(out)
}

/// The coded texts back, each followed by U+0000 (split with `split_terminator('\0')`).
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let truncated = || "the packed texts are cut short".to_string();
    let (mut len, mut shift, mut i) = (0usize, 0, 0);
    loop {
        let b = *bytes.get(i).ok_or_else(truncated)?;
        i += 1;
        len |= usize::from(b & 0x7f) << shift;
        shift += 7;
        if b & 0x80 == 0 || shift > 28 {
            break;
        }
    }
    let letters = bytes.get(i..i + len).ok_or_else(truncated)?;
    let alphabet: Vec<char> = std::str::from_utf8(letters).map_err(|_| "the packed texts' alphabet is not UTF-8".to_string())?.chars().collect();
    i += len;
    let k = usize::from(*bytes.get(i).ok_or_else(truncated)?);
    let mut symbols = bytes.get(i + 1..).unwrap_or_default().iter();
    let mut out = String::with_capacity(symbols.len() * 3);
    while let Some(&b) = symbols.next() {
        let mut r = usize::from(b);
        if r >= k {
            r = k + (r - k) * 256 + usize::from(*symbols.next().ok_or_else(truncated)?);
        }
        out.push(*alphabet.get(r).ok_or_else(|| format!("the packed texts name character {r} of {}", alphabet.len()))?);
    }
    if !out.is_empty() && !out.ends_with(END) {
        return Err(truncated());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(texts: &[&str]) -> Vec<String> {
        let coded = encode(texts.iter().copied()).unwrap();
        decode(&coded).unwrap().split_terminator(END).map(str::to_string).collect()
    }

    #[test]
    fn texts_read_back_as_they_were_packed() {
        let texts = ["加快发展高技术服务业", "", "“十二五”期间年均增长20%以上。", "Ünïcode 𠀋 and \"quotes\"\n", ""];
        assert_eq!(round_trip(&texts), texts);
        assert_eq!(round_trip(&[]), Vec::<String>::new());
    }

    #[test]
    fn a_large_alphabet_takes_two_bytes_for_its_rare_characters() {
        // 3,000 distinct characters: k falls below 256 so that every rank has a code.
        let text: String = (0x4e00u32..0x4e00 + 3000).filter_map(char::from_u32).collect();
        let frequent = "的".repeat(500);
        assert_eq!(round_trip(&[&text, &frequent]), [text.clone(), frequent.clone()]);
        let coded = encode([text.as_str(), frequent.as_str()]).unwrap();
        // The alphabet (9,004 bytes of UTF-8 after its length, 2 bytes) and k = 245; then
        // 的 ×500 and the two ends at one byte, and of the 3,000 characters ranked 2…3001,
        // the 243 below k at one byte and the rest at two.
        assert_eq!(coded.len(), 2 + 9004 + 1 + 500 + 2 + 243 + 2 * 2757);
    }

    #[test]
    fn a_text_with_the_end_character_is_refused() {
        assert!(encode(["a\0b"]).unwrap_err().contains("text 0"));
    }

    #[test]
    fn damaged_bytes_give_an_error_not_a_panic() {
        let coded = encode(["加快发展", "服务业"]).unwrap();
        for cut in 0..coded.len() {
            let _ = decode(&coded[..cut]);
        }
        let mut wrong = coded.clone();
        let last = wrong.len() - 1;
        wrong[last] = 250;
        assert!(decode(&wrong).is_err());
    }
}
