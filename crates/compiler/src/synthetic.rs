//! A synthetic corpus for the scale benchmark and tests, never shipped: each document is
//! a seed re-issued by another province (its province names replaced), with its
//! paragraphs rotated so that the documents differ.
//!
//! Such documents repeat the seeds' sentences, as real policies partly repeat each other.
//! To measure the other extreme, [`Text::Distinct`] also rewrites every document's
//! characters (a different substitution per document that keeps numbering, dates and the
//! words the compiler reads), so that no two documents share a sentence.

use crate::catalog;
use crate::corpus::Seed;
use crate::forms::is_han;
use hts_runtime::taxonomy::taxonomy;
use std::collections::HashMap;

/// Whether the documents keep the seeds' text or each get text of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Repeated,
    Distinct,
}

/// Characters [`Text::Distinct`] leaves alone: outline numbers, dates, and the words of
/// metadata, responsibility clauses and targets.
const KEEP: &str =
    "一二三四五六七八九十百千万亿零〇两年月日省市县区各负责人民政府办公厅委员会局关于转发实施意见通知发布期号增长提高提升达到目标力争元家个项户所座倍支";

/// `n` documents made from `seeds` (described by `catalog_json`): the new catalog JSON and
/// the new seed files, `synth_000.txt` ….
pub fn reissue(catalog_json: &str, seeds: &[Seed], n: usize, mode: Text) -> Result<(String, Vec<Seed>), String> {
    let (entries, problems) = catalog::parse(catalog_json);
    if let Some(p) = problems.first() {
        return Err(p.to_string());
    }
    if entries.is_empty() {
        return Err("the catalog lists no document".into());
    }
    let mainland: Vec<_> = taxonomy().provinces.iter().filter(|p| !["hongkong", "macau", "taiwan"].contains(&p.code.as_str())).collect();
    let alphabet = Alphabet::of(seeds);
    let mut catalog_entries = Vec::new();
    let mut out = Vec::new();
    for i in 0..n {
        let entry = &entries[i % entries.len()];
        let from = taxonomy().province(&entry.province).ok_or_else(|| format!("unknown province {}", entry.province))?;
        let to = mainland[i % mainland.len()];
        let seed = seeds.iter().find(|s| s.file == entry.file).ok_or_else(|| format!("no seed file {}", entry.file))?;
        let mut text = String::from_utf8(seed.bytes.clone()).map_err(|_| format!("{} is not UTF-8", entry.file))?;
        for (a, b) in [(&from.zh, &to.zh)].into_iter().chain(from.short.iter().zip(to.short.iter())) {
            text = text.replace(a.as_str(), b);
        }
        let lines: Vec<&str> = text.lines().collect();
        let k = if lines.len() > 4 { i % (lines.len() / 2) } else { 0 };
        let body: Vec<&str> = lines[k..].iter().chain(lines[..k].iter()).copied().collect();
        let body = match mode {
            Text::Repeated => body.join("\n"),
            Text::Distinct => alphabet.rotate(&body.join("\n"), i + 1),
        };
        let file = format!("synth_{i:03}.txt");
        catalog_entries.push(serde_json::json!({ "file": file, "id": format!("synth-{i:03}-{}", to.code), "province": to.code }));
        out.push(Seed { file, bytes: body.into_bytes() });
    }
    let catalog = serde_json::to_string_pretty(&serde_json::json!({ "documents": catalog_entries })).unwrap_or_default();
    Ok((catalog, out))
}

/// The seeds' Han characters outside [`KEEP`], in which [`Alphabet::rotate`] substitutes.
struct Alphabet {
    chars: Vec<char>,
    place: HashMap<char, usize>,
}

impl Alphabet {
    fn of(seeds: &[Seed]) -> Self {
        let mut chars: Vec<char> =
            seeds.iter().flat_map(|s| String::from_utf8_lossy(&s.bytes).chars().collect::<Vec<_>>()).filter(|&c| is_han(c) && !KEEP.contains(c)).collect();
        chars.sort_unstable();
        chars.dedup();
        let place = chars.iter().enumerate().map(|(i, &c)| (c, i)).collect();
        Alphabet { chars, place }
    }

    /// Every character of the alphabet moved `key` places on: the same kind of text,
    /// character for character, with none of the seeds' sentences.
    fn rotate(&self, text: &str, key: usize) -> String {
        let n = self.chars.len().max(1);
        text.chars().map(|c| self.place.get(&c).map_or(c, |&i| self.chars[(i + key * 7) % n])).collect()
    }
}
