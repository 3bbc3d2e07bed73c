//! `cargo run -p hts-compiler --example rules_accuracy [SEEDS_DIR]`: precision, recall and
//! F1 of the keyword rules alone against the reviewed coding, per domain, per tool and
//! overall: the accuracy a reader gets for a document nobody has reviewed yet.

use hts_compiler::corpus::read_data_files;
use hts_compiler::{accuracy, compile_corpus, compile_corpus_with, Seed};

fn main() -> Result<(), String> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "seeds".into()));
    let catalog = std::fs::read_to_string(dir.join("catalog.json")).map_err(|e| e.to_string())?;
    let mut seeds = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(|e| e.to_string())?.flatten() {
        let file = entry.file_name().to_string_lossy().to_string();
        if file.ends_with(".txt") {
            seeds.push(Seed { file, bytes: std::fs::read(entry.path()).map_err(|e| e.to_string())? });
        }
    }
    seeds.sort_by(|a, b| a.file.cmp(&b.file));
    let rules = compile_corpus(&catalog, &seeds).map_err(|e| e.to_string())?;
    let coding = read_data_files(&dir, "coding")?;
    let reviewed = compile_corpus_with(&catalog, &seeds, &coding).map_err(|e| e.to_string())?;
    print!("{}", accuracy::to_table(&accuracy::measure(&rules, &reviewed)));
    Ok(())
}
