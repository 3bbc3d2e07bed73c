//! `synth_corpus SEEDS_DIR OUT_DIR N`: a synthetic corpus of N documents for the scale
//! benchmark, never shipped. Each is a seed re-issued by another province (its province
//! names replaced), with its paragraphs rotated so the documents differ.

use hts_core::catalog;
use hts_core::taxonomy::taxonomy;
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [seeds, out, n] = args.as_slice() else {
        return Err("usage: synth_corpus SEEDS_DIR OUT_DIR N".into());
    };
    let n: usize = n.parse()?;
    let (entries, problems) = catalog::parse(&std::fs::read_to_string(Path::new(seeds).join(catalog::CATALOG_FILE))?);
    if !problems.is_empty() {
        return Err(format!("{problems:?}").into());
    }
    let mainland: Vec<_> = taxonomy().provinces.iter().filter(|p| !["hongkong", "macau", "taiwan"].contains(&p.code.as_str())).collect();
    std::fs::create_dir_all(out)?;
    let mut catalog_entries = Vec::new();
    for i in 0..n {
        let entry = &entries[i % entries.len()];
        let from = taxonomy().province(&entry.province).ok_or("unknown province")?;
        let to = mainland[i % mainland.len()];
        let mut text = std::fs::read_to_string(Path::new(seeds).join(&entry.file))?;
        for (a, b) in [(&from.zh, &to.zh)].into_iter().chain(from.short.iter().zip(to.short.iter())) {
            text = text.replace(a.as_str(), b);
        }
        let lines: Vec<&str> = text.lines().collect();
        let k = if lines.len() > 4 { i % (lines.len() / 2) } else { 0 };
        let body: Vec<&str> = lines[k..].iter().chain(lines[..k].iter()).copied().collect();
        let file = format!("synth_{i:03}.txt");
        std::fs::write(Path::new(out).join(&file), body.join("\n"))?;
        catalog_entries.push(serde_json::json!({ "file": file, "id": format!("synth-{i:03}-{}", to.code), "province": to.code }));
    }
    std::fs::write(Path::new(out).join(catalog::CATALOG_FILE), serde_json::to_string_pretty(&serde_json::json!({ "documents": catalog_entries }))?)?;
    println!("wrote {n} documents to {out}");
    Ok(())
}
