//! Writes `OUT_DIR/traditional.txt`: OpenCC's traditional-to-simplified character table
//! (`TSCharacters`, Apache-2.0, through the `ferrous-opencc` crate), one character for one,
//! as a string of pairs (traditional, simplified). Only pairs of two characters of the
//! same UTF-8 length are kept (all of them in the Basic Multilingual Plane), so a byte
//! offset in folded text is the offset in the original. Each character is converted on
//! its own, so OpenCC's phrase tables never apply: the first candidate of a character
//! with several (`乾` → `乾`, `干`) is its fold, which is all matching needs.

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("traditional.txt");
    let t2s = OpenCC::from_config(BuiltinConfig::T2s).expect("ferrous-opencc ships its t2s configuration");
    let ranges = [0x3400u32..=0x4DBF, 0x4E00..=0x9FFF, 0xF900..=0xFAFF];
    let mut map = std::collections::BTreeMap::new();
    let mut buf = [0u8; 4];
    for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
        let converted = t2s.convert(c.encode_utf8(&mut buf));
        let mut chars = converted.chars();
        if let (Some(s), None) = (chars.next(), chars.next()) {
            if s != c && s.len_utf8() == c.len_utf8() {
                map.insert(c, s);
            }
        }
    }
    // A fold is final: a simplified form that the table would fold again (`薴` → `苧` →
    // `苎`) is followed to its end, so folding folded text changes nothing.
    let mut pairs = String::new();
    for (&t, &s) in &map {
        let mut s = s;
        for _ in 0..4 {
            match map.get(&s) {
                Some(&next) if next != t => s = next,
                _ => break,
            }
        }
        pairs.push(t);
        pairs.push(s);
    }
    std::fs::write(&out, pairs).expect("OUT_DIR is writable");
}
