//! The runtime over the real seeds, compiled by the compiler crate (a dev-dependency: the
//! runtime itself never depends on the compiler).

use hts_runtime::export::to_json;
use hts_runtime::search::Corpus;
use hts_runtime::Bundle;
use std::sync::OnceLock;

fn seeds() -> &'static Bundle {
    static B: OnceLock<Bundle> = OnceLock::new();
    B.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        hts_compiler::compile_dir(&dir).unwrap_or_else(|e| panic!("{e}"))
    })
}

#[test]
fn json_export_is_what_serde_json_writes() {
    let corpus = Corpus::new(seeds().clone());
    let all: Vec<usize> = (0..seeds().provisions.len()).collect();
    assert_eq!(to_json(&corpus, &all), serde_json::to_string(&seeds().provisions).unwrap());
    assert_eq!(to_json(&corpus, &[]), "[]");
}

#[test]
fn provisions_are_found_by_id() {
    let corpus = Corpus::new(seeds().clone());
    let i = corpus.index_of("hunan-hts-3-2").unwrap();
    assert_eq!(corpus.provision(i).id, "hunan-hts-3-2");
    assert_eq!(corpus.index_of("nope"), None);
    assert_eq!(corpus.provinces(), ["hunan", "jilin", "guangdong", "sichuan", "shandong"]);
}
