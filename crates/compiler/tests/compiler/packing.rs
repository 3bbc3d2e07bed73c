//! The embedded bundle (`hts_compiler::pack`): it reads back as the very bundle compiled, for
//! every fixture, the seeds and a synthetic corpus, and it stores repeated text once.

use crate::common::*;
use hts_compiler::pack::{pack, Packed};
use hts_compiler::synthetic::Text;
use hts_compiler::{compile_corpus, output::to_json, Seed};
use hts_runtime::packed::unpack;
use hts_runtime::Bundle;

fn round_trip(bundle: &Bundle) -> Packed {
    let packed = pack(bundle).expect("packs");
    assert_eq!(&unpack(&packed.json, &packed.texts).expect("unpacks"), bundle);
    packed
}

/// A packed bundle's JSON and its texts (decoded, each ended by U+0000).
fn parts(packed: &Packed) -> (String, String) {
    (packed.json.clone(), hts_runtime::packed_texts::decode(&packed.texts).unwrap())
}

/// The seeds folder's catalog and seed files, as `compile_dir` reads them.
pub fn seed_files() -> (String, Vec<Seed>) {
    let dir = seeds_dir();
    let catalog = std::fs::read_to_string(dir.join("catalog.json")).unwrap();
    let mut seeds: Vec<Seed> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".txt"))
        .map(|e| Seed { file: e.file_name().to_string_lossy().into(), bytes: std::fs::read(e.path()).unwrap() })
        .collect();
    seeds.sort_by(|a, b| a.file.cmp(&b.file));
    (catalog, seeds)
}

#[test]
fn the_seeds_read_back_unchanged_and_smaller_than_the_data_set() {
    let bundle = hts_compiler::compile_dir(&seeds_dir()).unwrap();
    let packed = round_trip(&bundle);
    assert!(packed.len() * 2 < to_json(&bundle).unwrap().len(), "packed {} bytes vs {}", packed.len(), to_json(&bundle).unwrap().len());
}

#[test]
fn every_fixture_that_compiles_reads_back_unchanged() {
    for name in ["numbering", "damaged", "no-outline", "traditional", "half-width", "encodings"] {
        round_trip(&compile_fixture(name).unwrap_or_else(|e| panic!("{name}: {e}")));
    }
}

#[test]
fn repeated_text_is_stored_once_and_text_of_its_own_is_not() {
    let (catalog, seeds) = seed_files();
    let five = round_trip(&compile_corpus(&catalog, &seeds).unwrap());
    let (catalog40, synthetic) = hts_compiler::synthetic::reissue(&catalog, &seeds, 40, Text::Repeated).unwrap();
    let forty = compile_corpus(&catalog40, &synthetic).unwrap();
    assert_eq!(forty.documents.len(), 40);
    let packed = round_trip(&forty);
    // Eight times the documents: repeated sentences are stored once, so the texts grow by
    // their new titles and notes (a third here, not eightfold), the whole by what refers
    // to them.
    let (texts5, texts40) = (parts(&five).1, parts(&packed).1);
    assert!(texts40.len() < texts5.len() * 3 / 2, "40 documents' texts: {} bytes, 5: {}", texts40.len(), texts5.len());
    assert!(packed.len() < five.len() * 5 / 2, "40 documents: {} bytes, 5: {}", packed.len(), five.len());
    // Documents of their own text share nothing to store once: they cost what they hold.
    let (catalog, distinct) = hts_compiler::synthetic::reissue(&catalog, &seeds, 10, Text::Distinct).unwrap();
    let ten = compile_corpus(&catalog, &distinct).unwrap();
    assert_eq!(ten.documents.len(), 10);
    let packed = round_trip(&ten);
    assert!(packed.len() > five.len() * 3 / 2, "10 distinct documents: {} bytes, 5: {}", packed.len(), five.len());
}

#[test]
fn a_damaged_embedded_bundle_is_an_error_not_a_panic() {
    let packed = round_trip(&hts_compiler::compile_dir(&seeds_dir()).unwrap());
    assert!(unpack("{}", &packed.texts).unwrap_err().contains("format"));
    assert!(unpack("not json", &packed.texts).unwrap_err().contains("not JSON"));
    let no_texts = hts_runtime::packed_texts::encode(std::iter::empty()).unwrap();
    assert!(unpack(&packed.json, &no_texts).unwrap_err().contains("missing"));
    assert!(unpack(&packed.json, &packed.texts[..packed.texts.len() - 1]).unwrap_err().contains("cut short"));
    assert!(unpack(&packed.json, &[]).unwrap_err().contains("cut short"));
}

#[test]
fn what_cannot_be_derived_is_written_out() {
    let mut bundle = hts_compiler::compile_dir(&seeds_dir()).unwrap();
    // An id the compiler would not give, a path no outline entry has, departments that the
    // responsibility clause does not name, and a provision with no path at all.
    let doc = bundle.provisions[5].doc.clone();
    bundle.provisions[5].id = format!("{doc}-special");
    for (n, s) in bundle.provisions[5].sentences.iter_mut().enumerate() {
        s.id = format!("{doc}-special:{}", n + 1);
    }
    bundle.provisions[6].path = vec!["不在目录中的标题".into()];
    bundle.provisions[7].departments = vec!["某部门".into()];
    bundle.provisions[8].path.clear();
    let (json, texts) = parts(&round_trip(&bundle));
    assert!(json.contains("\"special\"") && texts.contains("不在目录中的标题\0") && json.contains("某部门"));
}

#[test]
fn a_bundle_the_packer_cannot_represent_is_refused_with_the_reason() {
    let mut bundle = hts_compiler::compile_dir(&seeds_dir()).unwrap();
    bundle.provisions[3].id = "elsewhere-1".into();
    assert!(pack(&bundle).unwrap_err().contains("elsewhere-1"));
    let mut bundle = hts_compiler::compile_dir(&seeds_dir()).unwrap();
    let target = bundle.targets.iter_mut().next().unwrap();
    target.text = "不在任何句子中".into();
    assert!(pack(&bundle).unwrap_err().contains("none of its sentences"));
}

#[test]
fn a_source_url_is_packed_and_an_unknown_one_stays_null() {
    let mut bundle = hts_compiler::compile_dir(&seeds_dir()).unwrap();
    assert!(bundle.documents.iter().all(|d| d.source_url.is_none()), "the seeds' catalog gives none: never guessed");
    let (json, _) = parts(&round_trip(&bundle));
    assert!(!json.contains("source_url"), "null fields are left out");
    bundle.documents[0].source_url = Some("https://www.example.gov.cn/zwgk/1.html".into());
    assert!(parts(&round_trip(&bundle)).0.contains("https://www.example.gov.cn/zwgk/1.html"));
    let json: serde_json::Value = serde_json::from_str(&to_json(&bundle).unwrap()).unwrap();
    assert_eq!(json["documents"][1]["source_url"], serde_json::Value::Null);
}
