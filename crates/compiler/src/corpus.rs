//! Reading the seeds folder and compiling the corpus: the catalog joined with the seed
//! files, every problem of every file collected before the build fails once.

use crate::catalog::{self, CATALOG_FILE, ENTRY_TEMPLATE};
use crate::document::compile_document;
use crate::error::{BuildError, Problem, ProblemKind};
use crate::review::{DataFile, CODING_DIR};
use crate::text::decode_seed;
use hts_runtime::model::{Bundle, QualityNote, SCHEMA_VERSION};
use std::path::Path;

/// A seed file as read from disk.
#[derive(Debug, Clone)]
pub struct Seed {
    pub file: String,
    pub bytes: Vec<u8>,
}

/// Reads `dir/catalog.json` and every `dir/*.txt`, and compiles them.
pub fn compile_dir(dir: &Path) -> Result<Bundle, BuildError> {
    let fail = |message: String| BuildError { problems: vec![Problem::new(dir.display().to_string(), ProblemKind::Catalog, message)] };
    let catalog_path = dir.join(CATALOG_FILE);
    let catalog = std::fs::read_to_string(&catalog_path)
        .map_err(|e| fail(format!("cannot read {} ({e}): the seeds folder needs a catalog, {{\"documents\": [{ENTRY_TEMPLATE}]}}", catalog_path.display())))?;
    let mut seeds = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| fail(format!("cannot list the seeds folder: {e}")))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if !name.ends_with(".txt") {
            continue;
        }
        let bytes = std::fs::read(entry.path()).map_err(|e| fail(format!("cannot read {name}: {e}")))?;
        seeds.push(Seed { file: name, bytes });
    }
    seeds.sort_by(|a, b| a.file.cmp(&b.file));
    let coding = read_data_files(dir, CODING_DIR).map_err(fail)?;
    compile_corpus_with(&catalog, &seeds, &coding)
}

/// Every `*.jsonl` of a folder under the seeds folder (none when it does not exist).
pub fn read_data_files(dir: &Path, sub: &str) -> Result<Vec<DataFile>, String> {
    let Ok(entries) = std::fs::read_dir(dir.join(sub)) else { return Ok(Vec::new()) };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.ends_with(".jsonl") {
            let text = std::fs::read_to_string(entry.path()).map_err(|e| format!("cannot read {sub}/{name} as UTF-8 text: {e}"))?;
            files.push(DataFile { path: format!("{sub}/{name}"), text });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Compiles seeds in the order given (the catalog's order does not matter), by the rules
/// alone.
pub fn compile_corpus(catalog_json: &str, seeds: &[Seed]) -> Result<Bundle, BuildError> {
    compile_corpus_with(catalog_json, seeds, &[])
}

/// Compiles seeds with their reviewed coding (`coding/<document id>.jsonl`).
pub fn compile_corpus_with(catalog_json: &str, seeds: &[Seed], coding: &[DataFile]) -> Result<Bundle, BuildError> {
    let mut problems = Vec::new();
    let (entries, catalog_problems) = catalog::parse(catalog_json);
    // With a catalog that is not even JSON, "no entry" would be noise for every seed.
    let catalog_ok = !catalog_problems.iter().any(|p| p.line.is_some());
    problems.extend(catalog_problems);
    let mut bundle = Bundle { schema_version: SCHEMA_VERSION, documents: Vec::new(), provisions: Vec::new(), targets: Vec::new() };
    for seed in seeds {
        let entry = entries.iter().find(|e| e.file == seed.file);
        if entry.is_none() && catalog_ok {
            problems.push(Problem::new(
                &seed.file,
                ProblemKind::MissingCatalogEntry,
                format!("this seed has no entry in seeds/{CATALOG_FILE}: add {}", ENTRY_TEMPLATE.replacen('…', &seed.file, 1)),
            ));
        }
        let (text, converted_from) = match decode_seed(&seed.file, &seed.bytes) {
            Ok(decoded) => (decoded.text, decoded.converted_from),
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        if let Some(entry) = entry {
            let review = coding.iter().find(|f| f.path == format!("{CODING_DIR}/{}.jsonl", entry.id));
            match compile_document(entry, &text, review) {
                Ok(mut compiled) => {
                    if let Some(from) = converted_from {
                        compiled.document.quality_notes.push(QualityNote::Converted { from: from.name().to_string() });
                    }
                    bundle.documents.push(compiled.document);
                    bundle.provisions.extend(compiled.provisions);
                    bundle.targets.extend(compiled.targets);
                }
                Err(p) => problems.extend(p),
            }
        }
    }
    for entry in &entries {
        if !seeds.iter().any(|s| s.file == entry.file) {
            problems.push(Problem::new(
                CATALOG_FILE,
                ProblemKind::MissingFile,
                format!("the entry for document \"{}\" names {}, which is not in the seeds folder: add the file or remove the entry", entry.id, entry.file),
            ));
        }
    }
    for file in coding {
        if !entries.iter().any(|e| file.path == format!("{CODING_DIR}/{}.jsonl", e.id)) {
            problems.push(Problem::new(
                &file.path,
                ProblemKind::StaleReview,
                "this review file names no document of the catalog: name it after a document id (coding/<id>.jsonl) or remove it",
            ));
        }
    }
    if problems.is_empty() {
        Ok(bundle)
    } else {
        Err(BuildError { problems })
    }
}
