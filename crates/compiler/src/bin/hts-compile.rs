//! `hts-compile SEEDS_DIR OUT_DIR [--prerender SITE_DIR STYLESHEET [ICON]]`: writes the data set
//! `OUT_DIR/policies.json` and each translation `OUT_DIR/policies.<lang>.json` (today
//! `en`), compiled by the same code as `build.rs`. With `--prerender`, also writes the
//! prerendered first paint of `index.html` (`SITE_DIR/prerendered.html`, which
//! `scripts/post-build.mjs` moves into the page), the list of documents
//! (`SITE_DIR/docs/index.html`) and the static reader of every document
//! (`SITE_DIR/docs/<id>.html`), the static pages linking `STYLESHEET` and `ICON`, files at
//! the site's root; see `hts_compiler::prerender`. Exits non-zero, with every problem listed, when the seeds,
//! their reviews or translations do not compile; writes nothing then.

use hts_compiler::corpus::read_data_files;
use hts_compiler::prerender::Assets;
use hts_compiler::translations::{self, TRANSLATIONS_DIR};
use hts_runtime::search::Corpus;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The file the prerendered block is written to, in the site's folder.
const PRERENDERED: &str = "prerendered.html";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (seeds, out, site) = match args.as_slice() {
        [seeds, out] => (seeds, out, None),
        [seeds, out, flag, site, css, icon @ ..] if flag == "--prerender" && icon.len() <= 1 => {
            (seeds, out, Some((PathBuf::from(site), Assets { stylesheet: css.clone(), icon: icon.first().cloned() })))
        }
        _ => {
            eprintln!("usage: hts-compile SEEDS_DIR OUT_DIR [--prerender SITE_DIR STYLESHEET [ICON]]");
            return ExitCode::from(2);
        }
    };
    match run(Path::new(seeds), Path::new(out), site.as_ref().map(|(dir, assets)| (dir.as_path(), assets))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn run(seeds: &Path, out: &Path, site: Option<(&Path, &Assets)>) -> Result<(), String> {
    let bundle = hts_compiler::compile_dir(seeds).map_err(|e| e.to_string())?;
    let mut files = vec![(out.join("policies.json"), hts_compiler::output::to_json(&bundle)?)];
    // Each language a file of its own (today English only).
    let lang = "en";
    let sources = read_data_files(seeds, &format!("{TRANSLATIONS_DIR}/{lang}"))?;
    let texts = translations::compile(&bundle, &sources).map_err(|e| e.to_string())?;
    files.push((out.join(format!("policies.{lang}.json")), translations::to_json(lang, &texts)));
    if let Some((dir, assets)) = site {
        // The corpus exactly as the app reads it: packed, then unpacked by the runtime.
        let packed = hts_compiler::pack::pack(&bundle)?;
        let corpus = Corpus::from_packed(&packed.json, &packed.texts)?;
        files.push((dir.join(PRERENDERED), hts_compiler::prerender::index_block(&corpus)));
        for (path, html) in hts_compiler::prerender::document_pages(&corpus, assets) {
            files.push((dir.join(path), html));
        }
    }
    // A document whose id is `index` would overwrite the list of documents.
    let mut paths: Vec<&Path> = files.iter().map(|(p, _)| p.as_path()).collect();
    paths.sort();
    if let Some(w) = paths.windows(2).find(|w| w[0] == w[1]) {
        return Err(format!("error: two files would be written to {} (is a document's id `index`?)", w[0].display()));
    }
    for (path, text) in files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("error: cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("error: cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}
