//! `hts-compile SEEDS_DIR OUT.json`: writes the bundle the app embeds, for the site's
//! downloadable `data/policies.json` and for inspection. Same code as `build.rs`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [seeds, out] = args.as_slice() else {
        eprintln!("usage: hts-compile SEEDS_DIR OUT.json");
        return ExitCode::from(2);
    };
    match hts_core::compile_dir(std::path::Path::new(seeds)) {
        Ok(bundle) => {
            let json = hts_core::compile::to_json(&bundle);
            if let Err(e) = std::fs::write(out, json) {
                eprintln!("cannot write {out}: {e}");
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
