use hts_compiler::BuildError;
use hts_runtime::model::{Bundle, Document, Provision};
use std::path::PathBuf;

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

pub fn compile_fixture(name: &str) -> Result<Bundle, BuildError> {
    hts_compiler::compile_dir(&fixture(name))
}

pub fn provisions_of<'a>(bundle: &'a Bundle, doc: &str) -> Vec<&'a Provision> {
    bundle.provisions.iter().filter(|p| p.doc == doc).collect()
}

pub fn document<'a>(bundle: &'a Bundle, id: &str) -> &'a Document {
    bundle.documents.iter().find(|d| d.id == id).unwrap_or_else(|| panic!("no document {id}"))
}

/// The provision whose text contains `needle`.
pub fn provision_with<'a>(bundle: &'a Bundle, needle: &str) -> &'a Provision {
    bundle.provisions.iter().find(|p| p.text.contains(needle)).unwrap_or_else(|| panic!("no provision contains {needle}"))
}
