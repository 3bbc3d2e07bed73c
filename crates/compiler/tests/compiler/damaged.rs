//! A damaged source: repeated passages, headings out of order, a glued page header.

use crate::common::*;
use hts_compiler::text::content_len;
use hts_runtime::model::QualityNote;

#[test]
fn repeated_sentences_are_removed_once_and_reported() {
    let b = compile_fixture("damaged").unwrap();
    let d = document(&b, "test-damaged");
    let all: Vec<&str> = b.provisions.iter().flat_map(|p| p.sentences.iter().map(|s| s.text.as_str())).collect();
    let once = |needle: &str| all.iter().filter(|s| s.contains(needle)).count();
    assert_eq!(once("坚持市场驱动"), 1);
    assert_eq!(once("推进检验检测机构整合重组"), 1);
    let repeated = "坚持市场驱动、创新发展的原则，重点发展高技术的延伸服务。推进检验检测机构整合重组，形成检验检测公共服务平台体系。福建省人民政府办公厅转发省发展改革委关于加快发展高技术服务业实施意见的通知";
    assert_eq!(d.stats.repeated_sentences_removed, 3);
    assert_eq!(d.stats.repeated_chars_removed, content_len(repeated));
    assert_eq!(d.quality_notes[0], QualityNote::RepeatsRemoved { sentences: 3, chars: content_len(repeated) });
}

#[test]
fn headings_out_of_order_are_noted_and_tags_come_from_content() {
    let b = compile_fixture("damaged").unwrap();
    let d = document(&b, "test-damaged");
    assert!(d.quality_notes.iter().any(|n| matches!(n, QualityNote::HeadingsOutOfOrder { .. })), "{:?}", d.quality_notes);
    // Sits under （二）知识产权服务 in the source, but says nothing of IP: no `ip` from the heading.
    let p = provision_with(&b, "发展知识产权代理服务");
    assert_eq!(p.domains(), vec!["ip"]);
    assert_eq!(p.sentences[0].reasons[0].kind, hts_runtime::model::ReasonKind::Keyword);
}

#[test]
fn the_glued_header_yields_metadata() {
    let b = compile_fixture("damaged").unwrap();
    let d = document(&b, "test-damaged");
    assert_eq!(d.title.as_deref(), Some("福建省人民政府办公厅转发省发展改革委关于加快发展高技术服务业实施意见的通知"));
    assert_eq!(d.doc_number.as_deref(), Some("闽政办〔2012〕9号"));
    assert_eq!(d.publication_date.as_deref(), Some("2012-11-08"));
    assert_eq!(d.date.as_deref(), Some("2012-10-12"));
    assert_eq!(d.issuer.as_deref(), Some("福建省人民政府办公厅"));
    assert_eq!(d.addressee.as_deref(), Some("各设区市人民政府，省直各单位："));
    let p = provision_with(&b, "完善价格政策");
    assert_eq!(p.departments, vec!["省物价局"]);
    assert_eq!(p.tools(), vec!["costs"]);
}

#[test]
fn the_repair_notes_name_the_provisions_it_touched() {
    for bundle in [hts_compiler::compile_dir(&seeds_dir()).unwrap(), compile_fixture("damaged").unwrap()] {
        for d in &bundle.documents {
            let repeats: usize = d.provision_notes.iter().map(|n| n.repeats_removed).sum();
            assert_eq!(repeats, d.stats.repeated_sentences_removed, "{}: every removed repeat is noted on a provision", d.id);
            let out_of_order = d.quality_notes.iter().any(|n| matches!(n, hts_runtime::model::QualityNote::HeadingsOutOfOrder { .. }));
            assert_eq!(d.provision_notes.iter().any(|n| n.out_of_order_heading), out_of_order, "{}", d.id);
            for n in &d.provision_notes {
                assert!(bundle.provisions.iter().any(|p| p.id == n.provision && p.doc == d.id), "{} names a provision of {}", n.provision, d.id);
            }
            if !d.provision_notes.is_empty() {
                assert!(d.provision_notes.len() < d.stats.provisions, "{}: the note is not on every provision", d.id);
            }
        }
    }
}
