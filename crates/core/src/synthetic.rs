//! A synthetic corpus for the scale benchmark and tests, never shipped: each document is
//! a seed re-issued by another province (its province names replaced), with its
//! paragraphs rotated so that the documents differ.

use crate::catalog;
use crate::compile::Seed;
use crate::taxonomy::taxonomy;

/// `n` documents made from `seeds` (described by `catalog_json`): the new catalog JSON and
/// the new seed files, `synth_000.txt` ….
pub fn reissue(catalog_json: &str, seeds: &[Seed], n: usize) -> Result<(String, Vec<Seed>), String> {
    let (entries, problems) = catalog::parse(catalog_json);
    if let Some(p) = problems.first() {
        return Err(p.to_string());
    }
    if entries.is_empty() {
        return Err("the catalog lists no document".into());
    }
    let mainland: Vec<_> = taxonomy().provinces.iter().filter(|p| !["hongkong", "macau", "taiwan"].contains(&p.code.as_str())).collect();
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
        let file = format!("synth_{i:03}.txt");
        catalog_entries.push(serde_json::json!({ "file": file, "id": format!("synth-{i:03}-{}", to.code), "province": to.code }));
        out.push(Seed { file, bytes: body.join("\n").into_bytes() });
    }
    let catalog = serde_json::to_string_pretty(&serde_json::json!({ "documents": catalog_entries })).unwrap_or_default();
    Ok((catalog, out))
}
