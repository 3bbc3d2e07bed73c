//! Every numbering style, headings with their body in one paragraph, metadata lines.

use crate::common::*;

#[test]
fn recognises_the_outline_at_four_levels() {
    let b = compile_fixture("numbering").unwrap();
    let d = document(&b, "test-styles");
    let outline: Vec<(u8, &str)> = d.outline.iter().map(|h| (h.level, h.text.as_str())).collect();
    assert_eq!(
        outline,
        vec![
            (1, "一、总体要求"),
            (2, "（一）指导思想"),
            (2, "（二）发展目标"),
            (1, "二、重点任务"),
            (2, "（一）知识产权服务"),
            (3, "1、专利代理"),
            (3, "2.商标服务"),
            (3, "3．版权服务"),
            (4, "（1）数字版权"),
            (4, "（2）"),
            (1, "三、保障措施"),
        ]
    );
    assert!(d.quality_notes.is_empty(), "{:?}", d.quality_notes);
}

#[test]
fn a_heading_and_its_body_in_one_paragraph_become_path_and_text() {
    let b = compile_fixture("numbering").unwrap();
    let p = provision_with(&b, "以科学发展观为指导");
    assert_eq!(p.path, vec!["一、总体要求", "（一）指导思想"]);
    assert_eq!(p.text, "以科学发展观为指导，加快发展高技术服务业。");
    let p = provision_with(&b, "建设数字版权交易平台");
    assert_eq!(p.path, vec!["二、重点任务", "（一）知识产权服务", "3．版权服务", "（1）数字版权"]);
    assert_eq!(p.id, "test-styles-2-1-3-1");
}

#[test]
fn addressee_signature_and_date_are_metadata_and_the_preamble_a_provision() {
    let b = compile_fixture("numbering").unwrap();
    let d = document(&b, "test-styles");
    assert_eq!(d.addressee.as_deref(), Some("各市州人民政府，省政府各部门："));
    assert_eq!(d.issuer.as_deref(), Some("湖北省人民政府办公厅"));
    assert_eq!(d.date.as_deref(), Some("2013-05-06"));
    let preamble = &provisions_of(&b, "test-styles")[0];
    assert!(preamble.path.is_empty());
    assert!(preamble.text.starts_with("为贯彻落实"));
    assert!(!b.provisions.iter().any(|p| p.text.contains("湖北省人民政府办公厅") || p.text.contains("2013年5月6日")));
}

#[test]
fn responsibility_clauses_become_departments_and_leave_the_text() {
    let b = compile_fixture("numbering").unwrap();
    let p = provision_with(&b, "软件著作权登记服务");
    assert_eq!(p.departments, vec!["省版权局", "省知识产权局"]);
    assert!(!p.text.contains("负责"));
    assert_eq!(p.responsibility.as_deref(), Some("（省版权局、知识产权局负责）"));
}

#[test]
fn targets_are_read_with_their_deadline_and_thresholds_are_not() {
    let b = compile_fixture("numbering").unwrap();
    let t: Vec<(f64, &str, Option<u16>)> = b.targets.iter().map(|t| (t.value, t.unit.as_str(), t.year)).collect();
    assert_eq!(t, vec![(18.0, "%", Some(2015)), (50.0, "家", Some(2015))]);
    let tax = provision_with(&b, "减按15%的税率");
    assert_eq!(tax.tools(), vec!["tax"]);
}

#[test]
fn a_document_without_outline_is_compiled_as_paragraphs_with_a_note() {
    let b = compile_fixture("no-outline").unwrap();
    assert_eq!(b.provisions.len(), 2);
    assert!(b.documents[0].quality_notes.contains(&hts_runtime::model::QualityNote::NoOutline));
}

#[test]
fn bom_crlf_cr_and_full_width_spaces_are_accepted_silently() {
    let lf = std::fs::read_to_string(fixture("numbering").join("styles.txt")).unwrap();
    let catalog = std::fs::read_to_string(fixture("numbering").join("catalog.json")).unwrap();
    let compile = |text: String| {
        let seeds = vec![hts_compiler::Seed { file: "styles.txt".into(), bytes: text.into_bytes() }];
        hts_compiler::compile_corpus(&catalog, &seeds).unwrap_or_else(|e| panic!("{e}"))
    };
    let reference = compile(lf.clone());
    for variant in [format!("\u{FEFF}{lf}"), lf.replace('\n', "\r\n"), lf.replace('\n', "\r"), lf.replace("　　", "\u{3000}\u{3000}\u{3000} ")] {
        let b = compile(variant);
        assert_eq!(b.provisions, reference.provisions);
        assert!(b.documents[0].quality_notes.is_empty());
    }
}
