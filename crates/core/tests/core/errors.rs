//! Bad input gives one build error listing every problem, each naming its file.

use crate::common::*;
use hts_core::error::ProblemKind;

#[test]
fn every_problem_is_listed_with_its_file_and_what_to_do() {
    let err = compile_fixture("bad-catalog").unwrap_err();
    let found: Vec<(ProblemKind, &str)> = err.problems.iter().map(|p| (p.kind, p.file.as_str())).collect();
    assert!(found.contains(&(ProblemKind::DuplicateId, "catalog.json")), "{err}");
    assert!(found.contains(&(ProblemKind::UnknownProvince, "catalog.json")), "{err}");
    assert!(found.contains(&(ProblemKind::BadDate, "catalog.json")), "{err}");
    assert!(found.contains(&(ProblemKind::MissingFile, "catalog.json")), "{err}");
    assert!(found.contains(&(ProblemKind::Empty, "empty.txt")), "{err}");
    assert!(found.contains(&(ProblemKind::Encoding, "gbk.txt")), "{err}");
    let text = err.to_string();
    assert!(text.contains("gone.txt, which is not in the seeds folder"), "{text}");
    assert!(text.contains("2013-02-30"), "{text}");
}

#[test]
fn a_seed_without_catalog_entry_says_which_fields_to_add() {
    let bytes = "一、总则\n加快发展。\n".as_bytes().to_vec();
    let seeds = vec![hts_core::compile::Seed { file: "new.txt".into(), bytes }];
    let err = hts_core::compile_corpus(r#"{"documents": []}"#, &seeds).unwrap_err();
    assert_eq!(err.problems[0].kind, ProblemKind::MissingCatalogEntry);
    assert_eq!(err.problems[0].file, "new.txt");
    for field in ["\"file\": \"new.txt\"", "\"id\"", "\"province\"", "\"date\"", "\"doc_number\""] {
        assert!(err.problems[0].message.contains(field), "{}", err.problems[0].message);
    }
}

#[test]
fn text_contradicting_the_catalog_names_both_values() {
    let err = compile_fixture("contradiction").unwrap_err();
    let text = err.to_string();
    assert!(text.contains("sig.txt"), "{text}");
    assert!(text.contains("date = \"2013-01-01\" but the text says \"2013-07-25\""), "{text}");
    assert!(text.contains("province = \"jiangsu\" but the text says \"zhejiang\""), "{text}");
}
