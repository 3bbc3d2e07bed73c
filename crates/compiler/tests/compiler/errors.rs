//! Bad input gives one build error listing every problem, each naming its file.

use crate::common::*;
use hts_compiler::error::ProblemKind;

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
    assert!(found.contains(&(ProblemKind::Encoding, "binary.txt")), "{err}");
    assert!(found.contains(&(ProblemKind::MissingCatalogEntry, "orphan.txt")), "{err}");
    let text = err.to_string();
    assert!(text.contains("gone.txt, which is not in the seeds folder"), "{text}");
    assert!(text.contains("2013-02-30"), "{text}");
}

#[test]
fn a_seed_without_catalog_entry_says_which_fields_to_add() {
    let bytes = "一、总则\n加快发展。\n".as_bytes().to_vec();
    let seeds = vec![hts_compiler::Seed { file: "new.txt".into(), bytes }];
    let err = hts_compiler::compile_corpus(r#"{"documents": []}"#, &seeds).unwrap_err();
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

#[test]
fn a_10_mb_file_compiles() {
    // Unique numbered items, so nothing is removed as a repeat: the real work for 10 MB.
    let mut text = String::from("各市州人民政府：\n一、重点任务\n");
    let mut n = 0;
    while text.len() < 10 * 1024 * 1024 {
        n += 1;
        text.push_str(&format!("（{}）第{n}项措施。支持企业开展研发设计服务，对第{n}批项目给予资金奖励，到2015年培育{n}家骨干企业。\n", n % 99 + 1));
    }
    let seeds = vec![hts_compiler::Seed { file: "huge.txt".into(), bytes: text.into_bytes() }];
    let catalog = r#"{"documents": [{"file": "huge.txt", "id": "huge", "province": "hubei"}]}"#;
    let started = std::time::Instant::now();
    let bundle = hts_compiler::compile_corpus(catalog, &seeds).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("10 MB, {n} items: compiled in {:.1} s", started.elapsed().as_secs_f64());
    assert_eq!(bundle.provisions.len(), n);
    assert!(bundle.targets.len() >= n);
}
