//! The English edition (`translations/en/*.jsonl`): complete for the seeds, and refused
//! when it no longer fits the Chinese it translates.

use crate::common::*;
use hts_compiler::corpus::read_data_files;
use hts_compiler::error::ProblemKind;
use hts_compiler::translations::{compile, translatable};
use hts_compiler::DataFile;

#[test]
fn every_title_heading_and_sentence_of_the_seeds_has_an_english_translation() {
    let b = hts_compiler::compile_dir(&seeds_dir()).unwrap();
    let files = read_data_files(&seeds_dir(), "translations/en").unwrap();
    let en = compile(&b, &files).unwrap_or_else(|e| panic!("{e}"));
    let mut missing: Vec<String> = translatable(&b).into_keys().filter(|id| !id.contains("/t") && !en.contains_key(id)).collect();
    missing.sort();
    assert!(missing.is_empty(), "untranslated: {missing:?}");
    assert!(en["hunan-hts-h1"].starts_with("I. "), "{}", en["hunan-hts-h1"]);
}

#[test]
fn a_translation_of_changed_chinese_fails_the_build_naming_it() {
    let b = hts_compiler::compile_dir(&seeds_dir()).unwrap();
    let line = r#"{"id": "hunan-hts-0:1", "fp": "00000000", "zh": "…", "en": "Old text."}"#;
    let err = compile(&b, &[DataFile { path: "translations/en/hunan-hts.jsonl".into(), text: line.into() }]).unwrap_err();
    assert_eq!((err.problems[0].kind, err.problems[0].line), (ProblemKind::StaleReview, Some(1)));
    assert!(err.problems[0].message.contains("hunan-hts-0:1"));
    let gone = r#"{"id": "hunan-hts-99:1", "fp": "00000000", "en": "Gone."}"#;
    let err = compile(&b, &[DataFile { path: "translations/en/hunan-hts.jsonl".into(), text: gone.into() }]).unwrap_err();
    assert!(err.problems[0].message.contains("no longer has"));
}
