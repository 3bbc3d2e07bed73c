//! The packed bundle's texts, a token to one byte or two.
//!
//! Chinese in UTF-8 takes three bytes a character, and gzip, which sees bytes, compresses
//! it to 6.5 bits a character here. The texts are cut into tokens, each a character or a
//! string of them that recurs (`高技术`, `服务业`: byte-pair merges, [`MERGES`] at most), and
//! numbered by frequency: the most frequent tokens (about 250) take one byte and the others
//! two, and gzip does the rest. Characters alone (format `hts-packed-2`) brought the wasm
//! from 165.6 to 163.6 kB gzip as `scripts/bench` measures it. The merges take the seeds'
//! texts from 28.9 to 27.3 kB of gzip (100 merges: 27.5; 300: 27.4; 500: 27.6, their
//! table costing more than they save) and the wasm from 159.9 to 158.8 kB (GNU `gzip -9`;
//! 100 documents: 170.4 → 169.1); 16 interleaved fresh loads measured no change in the
//! start. (A PPM coder, method C with exclusions, would bring the seeds' texts to 24.4 kB
//! over characters at order 3, its alphabet included, or 24.7 kB over these tokens at
//! order 2, against 27.2: the code lengths of a model in Python, not an implementation.
//! Less its decoder's code, and for a slower start; this decodes at memory speed.)
//!
//! Layout: the byte length of the token table (LEB128), the table (each token in UTF-8
//! followed by U+0001, most frequent first; ties: characters in the order they first
//! appear, then merged tokens in the order they were made), `k` (one byte), then one symbol
//! per token: a byte `b < k` is token `b`, a byte `b ≥ k` and the next one `lo` are token
//! `k + (b − k) · 256 + lo`. Every text ends with U+0000, a token of its own; no text
//! contains U+0000 or U+0001.

use std::collections::HashMap;

/// The character that ends each text.
const END: char = '\0';
/// The character that ends each token of the table.
const SEPARATOR: char = '\u{1}';
/// The most merges of two tokens into one (see the module comment).
const MERGES: usize = 200;
/// A pair seen fewer times is not merged: its saving would not pay for its table entry.
const MIN_PAIRS: usize = 4;

/// The texts coded; an error names a text that contains U+0000 or U+0001, or says that
/// there are too many tokens.
pub fn encode<'a>(texts: impl IntoIterator<Item = &'a str>) -> Result<Vec<u8>, String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut id: HashMap<char, u32> = HashMap::new();
    let mut sequences: Vec<Vec<u32>> = Vec::new();
    for (i, text) in texts.into_iter().enumerate() {
        if let Some(c) = text.chars().find(|&c| c == END || c == SEPARATOR) {
            return Err(format!("text {i} contains the character U+{:04X}, which cannot be packed; remove it from the source", c as u32));
        }
        let sequence = text
            .chars()
            .map(|c| {
                *id.entry(c).or_insert_with(|| {
                    tokens.push(c.to_string());
                    tokens.len() as u32 - 1
                })
            })
            .collect();
        sequences.push(sequence);
    }
    merge_pairs(&mut tokens, &mut sequences);
    let end = tokens.len() as u32;
    tokens.push(END.to_string());
    let mut counts = vec![0usize; tokens.len()];
    for s in &sequences {
        for &t in s {
            counts[t as usize] += 1;
        }
    }
    counts[end as usize] = sequences.len();
    let mut order: Vec<u32> = (0..tokens.len() as u32).filter(|&t| counts[t as usize] > 0).collect();
    order.sort_by(|&a, &b| counts[b as usize].cmp(&counts[a as usize]).then(a.cmp(&b)));
    let n = order.len();
    let k = (0..=255usize)
        .rev()
        .find(|&k| k + (256 - k) * 256 >= n)
        .ok_or_else(|| format!("the texts make {n} distinct tokens, more than the 65,536 the packed format can hold"))?;
    let mut rank = vec![0usize; tokens.len()];
    let mut table = String::new();
    for (r, &t) in order.iter().enumerate() {
        rank[t as usize] = r;
        table.push_str(&tokens[t as usize]);
        table.push(SEPARATOR);
    }
    let mut out = Vec::new();
    let mut len = table.len();
    loop {
        let byte = (len & 0x7f) as u8;
        len >>= 7;
        out.push(if len == 0 { byte } else { byte | 0x80 });
        if len == 0 {
            break;
        }
    }
    out.extend_from_slice(table.as_bytes());
    out.push(k as u8);
    for s in &sequences {
        for &t in s.iter().chain([&end]) {
            match rank[t as usize] {
                r if r < k => out.push(r as u8),
                r => out.extend([(k + (r - k) / 256) as u8, ((r - k) % 256) as u8]),
            }
        }
    }
    Ok(out)
}

/// Byte-pair merges: the most frequent pair of adjacent tokens (within a text) becomes a
/// token, [`MERGES`] times at most. Each round merges several pairs that share no token,
/// most frequent first, so that a corpus of a million characters still packs in a moment.
fn merge_pairs(tokens: &mut Vec<String>, sequences: &mut [Vec<u32>]) {
    const PER_ROUND: usize = 16;
    let mut merged = 0;
    while merged < MERGES {
        let mut pairs: HashMap<(u32, u32), usize> = HashMap::new();
        for s in sequences.iter() {
            for w in s.windows(2) {
                *pairs.entry((w[0], w[1])).or_default() += 1;
            }
        }
        let mut ranked: Vec<((u32, u32), usize)> = pairs.into_iter().filter(|&(_, n)| n >= MIN_PAIRS).collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut round: HashMap<(u32, u32), u32> = HashMap::new();
        let mut used: Vec<u32> = Vec::new();
        for ((a, b), _) in ranked {
            if merged + round.len() >= MERGES || round.len() >= PER_ROUND {
                break;
            }
            if used.contains(&a) || used.contains(&b) {
                continue;
            }
            used.extend([a, b]);
            round.insert((a, b), tokens.len() as u32);
            let token = format!("{}{}", tokens[a as usize], tokens[b as usize]);
            tokens.push(token);
        }
        if round.is_empty() {
            return;
        }
        merged += round.len();
        for s in sequences.iter_mut() {
            let mut out = Vec::with_capacity(s.len());
            let mut i = 0;
            while i < s.len() {
                match s.get(i + 1).and_then(|&b| round.get(&(s[i], b))) {
                    Some(&t) => {
                        out.push(t);
                        i += 2;
                    }
                    None => {
                        out.push(s[i]);
                        i += 1;
                    }
                }
            }
            *s = out;
        }
    }
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
    let table = bytes.get(i..i + len).ok_or_else(truncated)?;
    let table = std::str::from_utf8(table).map_err(|_| "the packed texts' token table is not UTF-8".to_string())?;
    let tokens: Vec<&str> = table.split_terminator(SEPARATOR).collect();
    i += len;
    let k = usize::from(*bytes.get(i).ok_or_else(truncated)?);
    let mut symbols = bytes.get(i + 1..).unwrap_or_default().iter();
    let mut out = String::with_capacity(symbols.len() * 4);
    while let Some(&b) = symbols.next() {
        let mut r = usize::from(b);
        if r >= k {
            r = k + (r - k) * 256 + usize::from(*symbols.next().ok_or_else(truncated)?);
        }
        out.push_str(tokens.get(r).ok_or_else(|| format!("the packed texts name token {r} of {}", tokens.len()))?);
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
    fn recurring_strings_become_tokens_and_read_back() {
        // Merges never reach across the end of a text, and a run of one character
        // (的的的…) merges into longer and longer tokens.
        let run = "的".repeat(501);
        let texts = ["高技术服务业", "高技术服务业发展", "发展高技术服务业", &run, "服务", "业高"];
        let repeated: Vec<&str> = texts.iter().cycle().take(60).copied().collect();
        assert_eq!(round_trip(&repeated), repeated);
        // A character a byte would take at least as many bytes as characters.
        let coded = encode(repeated.iter().copied()).unwrap();
        let characters: usize = repeated.iter().map(|t| t.chars().count() + 1).sum();
        assert!(coded.len() < characters / 2, "{} bytes for {characters} characters", coded.len());
    }

    #[test]
    fn a_large_alphabet_takes_two_bytes_for_its_rare_tokens() {
        // 3,000 distinct characters, each once: no pair recurs, k falls below 256 so that
        // every rank has a code.
        let text: String = (0x4e00u32..0x4e00 + 3000).filter_map(char::from_u32).collect();
        let frequent = "的".repeat(3);
        assert_eq!(round_trip(&[&text, &frequent]), [text.clone(), frequent.clone()]);
        let coded = encode([text.as_str(), frequent.as_str()]).unwrap();
        // The table (3,001 characters of 3 + 1 bytes and the end's 1 + 1: 12,006 bytes after
        // its length, 2 bytes) and k = 245; then 的 and the end, ranked first, at one byte
        // each (的 ×3, ends ×2), and of the other 3,000 characters, ranks 2…3001, the 243
        // below k at one byte and the rest at two.
        assert_eq!(coded.len(), 2 + 12_006 + 1 + 3 + 2 + 243 + 2 * 2757);
    }

    #[test]
    fn a_text_with_a_reserved_character_is_refused() {
        assert!(encode(["ab", "a\0b"]).unwrap_err().contains("text 1 contains the character U+0000"));
        assert!(encode(["a\u{1}b"]).unwrap_err().contains("U+0001"));
    }

    #[test]
    fn damaged_bytes_give_an_error_not_a_panic() {
        let coded = encode(["加快发展", "服务业", "加快发展服务业"]).unwrap();
        for cut in 0..coded.len() {
            let _ = decode(&coded[..cut]);
        }
        let mut wrong = coded.clone();
        let last = wrong.len() - 1;
        wrong[last] = 250;
        assert!(decode(&wrong).is_err());
    }
}
