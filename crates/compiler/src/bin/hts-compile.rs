//! `hts-compile SEEDS_DIR OUT_DIR`: writes the data set `OUT_DIR/policies.json` and each
//! translation `OUT_DIR/policies.<lang>.json` (today `en`), compiled by the same code as
//! `build.rs`. Exits non-zero, with every problem listed, when the seeds, their reviews or
//! translations do not compile; writes nothing then.

use hts_compiler::corpus::read_data_files;
use hts_compiler::translations::{self, TRANSLATIONS_DIR};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [seeds, out] = args.as_slice() else {
        eprintln!("usage: hts-compile SEEDS_DIR OUT_DIR");
        return ExitCode::from(2);
    };
    match run(Path::new(seeds), Path::new(out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn run(seeds: &Path, out: &Path) -> Result<(), String> {
    let bundle = hts_compiler::compile_dir(seeds).map_err(|e| e.to_string())?;
    let mut files = vec![("policies.json".to_string(), hts_compiler::output::to_json(&bundle)?)];
    // Each language a file of its own (today English only).
    let lang = "en";
    let sources = read_data_files(seeds, &format!("{TRANSLATIONS_DIR}/{lang}"))?;
    let texts = translations::compile(&bundle, &sources).map_err(|e| e.to_string())?;
    files.push((format!("policies.{lang}.json"), translations::to_json(lang, &texts)));
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for (name, text) in files {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("error: cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}
