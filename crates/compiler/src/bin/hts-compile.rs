//! `hts-compile SEEDS_DIR OUT.json`: writes the data set (`data/policies.json`), compiled by
//! the same code as `build.rs`. Exits non-zero, with every problem listed, when the seeds
//! do not compile; never writes a data set then.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [seeds, out] = args.as_slice() else {
        eprintln!("usage: hts-compile SEEDS_DIR OUT.json");
        return ExitCode::from(2);
    };
    let bundle = match hts_compiler::compile_dir(std::path::Path::new(seeds)) {
        Ok(bundle) => bundle,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let written = hts_compiler::output::to_json(&bundle).and_then(|json| std::fs::write(out, json).map_err(|e| format!("cannot write {out}: {e}")));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
