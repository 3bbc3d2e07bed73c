//! Compiles `seeds/` (or `$HTS_SEEDS_DIR`, for the synthetic benchmark corpus) into the
//! JSON bundle the app embeds (packed, see `hts_compiler::pack`). All the work is in
//! `hts-compiler`; a data problem stops the build with every problem listed, never a panic.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let seeds = std::env::var("HTS_SEEDS_DIR").map(PathBuf::from).unwrap_or_else(|_| manifest.join("seeds"));
    println!("cargo:rerun-if-env-changed=HTS_SEEDS_DIR");
    println!("cargo:rerun-if-changed={}", seeds.display());
    if let Ok(entries) = std::fs::read_dir(&seeds) {
        for entry in entries.flatten() {
            println!("cargo:rerun-if-changed={}", entry.path().display());
        }
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    match hts_compiler::compile_dir(&seeds) {
        Ok(bundle) => {
            let packed = hts_compiler::pack::pack(&bundle).unwrap_or_else(|e| {
                eprintln!("error: {e}; please report this with the seeds that caused it");
                std::process::exit(1);
            });
            for (name, bytes) in [("policies.json", packed.json.as_bytes()), ("policies.texts", &packed.texts)] {
                if let Err(e) = std::fs::write(out.join(name), bytes) {
                    eprintln!("error: cannot write {}: {e}", out.join(name).display());
                    std::process::exit(1);
                }
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
