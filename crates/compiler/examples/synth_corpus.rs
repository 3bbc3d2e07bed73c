//! `synth_corpus SEEDS_DIR OUT_DIR N [distinct]`: writes the synthetic corpus of N
//! documents that `scripts/bench` builds the site with (see `hts_compiler::synthetic`); with
//! `distinct`, every document gets text of its own. Never shipped.

use hts_compiler::catalog::CATALOG_FILE;
use hts_compiler::synthetic::Text;
use hts_compiler::Seed;
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (seeds, out, n, mode) = match args.as_slice() {
        [seeds, out, n] => (seeds, out, n, Text::Repeated),
        [seeds, out, n, d] if d == "distinct" => (seeds, out, n, Text::Distinct),
        _ => return Err("usage: synth_corpus SEEDS_DIR OUT_DIR N [distinct]".into()),
    };
    let catalog = std::fs::read_to_string(Path::new(seeds).join(CATALOG_FILE))?;
    let mut files = Vec::new();
    for entry in std::fs::read_dir(seeds)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            files.push(Seed { file: path.file_name().unwrap_or_default().to_string_lossy().into(), bytes: std::fs::read(&path)? });
        }
    }
    let (catalog, synthetic) = hts_compiler::synthetic::reissue(&catalog, &files, n.parse()?, mode)?;
    std::fs::create_dir_all(out)?;
    for seed in &synthetic {
        std::fs::write(Path::new(out).join(&seed.file), &seed.bytes)?;
    }
    std::fs::write(Path::new(out).join(CATALOG_FILE), catalog)?;
    println!("wrote {} documents to {out}", synthetic.len());
    Ok(())
}
