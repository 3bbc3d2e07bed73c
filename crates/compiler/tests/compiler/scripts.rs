//! Any document, any script: a document in traditional characters, one with half-width
//! punctuation, one saved as GB18030 or UTF-16 (and the traditional one as Big5) each
//! compile into the outline, metadata, departments and targets a reader would agree with.
//! The fixtures were written for these tests from the forms official documents use.

use crate::common::*;
use encoding_rs::{BIG5, GB18030};
use hts_compiler::error::ProblemKind;
use hts_compiler::forms;
use hts_compiler::text::{decode_seed, SourceEncoding};
use hts_compiler::Seed;
use hts_runtime::model::{Bundle, TargetKind};

fn headings(b: &Bundle) -> Vec<(u8, &str)> {
    b.documents[0].outline.iter().map(|h| (h.level, h.text.as_str())).collect()
}

/// (indicator, value, unit, qualifier, year) of a target.
type Row<'a> = (&'a str, f64, &'a str, Option<&'a str>, Option<u16>);

/// Every target as a [`Row`].
fn targets(b: &Bundle) -> Vec<Row<'_>> {
    b.targets.iter().map(|t| (t.indicator.as_str(), t.value, t.unit.as_str(), t.qualifier.as_deref(), t.year)).collect()
}

/// The departments of the provision with `needle`, as the compiler's parsing reads its
/// responsibility clause.
fn departments_of(b: &Bundle, needle: &str) -> Vec<String> {
    let p = provision_with(b, needle);
    forms::departments(p.responsibility.as_deref().unwrap_or_else(|| panic!("{} has no responsibility clause", p.id)))
}

#[test]
fn a_document_in_traditional_characters() {
    let b = compile_fixture("traditional").unwrap_or_else(|e| panic!("{e}"));
    let d = document(&b, "liaoning-hts");
    assert_eq!(d.title.as_deref(), Some("遼寧省人民政府辦公廳關於加快發展高技術服務業的實施意見"));
    assert_eq!(d.issuer.as_deref(), Some("遼寧省人民政府辦公廳"));
    assert_eq!(d.doc_number.as_deref(), Some("遼政辦發〔2013〕45號"));
    assert_eq!(d.date.as_deref(), Some("2013-05-20"), "二〇一三年五月二十日");
    assert_eq!(d.addressee.as_deref(), Some("各市人民政府，省政府各廳委、各直屬機構："));
    assert!(d.quality_notes.is_empty(), "{:?}", d.quality_notes);
    assert_eq!(
        headings(&b),
        vec![
            (1, "一、總體要求"),
            (2, "（一）指導思想"),
            (2, "（二）發展目標"),
            (1, "二、重點任務"),
            (2, "（一）研發設計服務"),
            (2, "（二）檢驗檢測服務"),
            (2, "（三）知識產權服務"),
            (1, "三、保障措施"),
            (3, "1．加大財稅支持"),
            (3, "2．強化人才支撐"),
        ]
    );
    // Every responsibility form, kept as written and read into departments.
    assert_eq!(departments_of(&b, "研發設計中心"), vec!["省科技廳", "省發展改革委", "省財政廳"]);
    assert_eq!(departments_of(&b, "質檢中心"), vec!["省質監局", "省科技廳"]);
    assert_eq!(departments_of(&b, "專利申請量"), vec!["省知識產權局", "省財政廳", "省工商局"]);
    assert_eq!(provision_with(&b, "質檢中心").responsibility.as_deref(), Some("(責任單位:省質監局、省科技廳)"));
    assert!(!provision_with(&b, "質檢中心").text.contains("責任單位"), "the clause leaves the display text");
    // Targets with 億/萬 units, 萬 numbers and traditional qualifiers; a funding amount
    // outside a target context is not a target.
    assert_eq!(
        targets(&b),
        vec![
            ("全省高技術服務業營業收入", 2000.0, "亿元", Some("突破"), Some(2015)),
            ("全省高技術服務業營業收入年均增長", 20.0, "%", Some("以上"), Some(2015)),
            ("培育營業收入超過億元的骨幹企業", 100.0, "家", Some("左右"), Some(2015)),
            ("新增寬帶端口", 15.0, "万个", None, Some(2015)),
            ("全省信息服務業規模", 1.2, "万亿元", Some("达到"), Some(2020)),
            ("建成省級以上研發設計中心", 50.0, "个", Some("以上"), Some(2015)),
            ("加快建設國家級質檢中心", 5.0, "个", None, None),
            ("加快建設省級質檢中心", 12.0, "个", None, None),
            ("全省專利申請量", 3.0, "万件", Some("达到"), Some(2015)),
            ("知識產權服務機構", 200.0, "家", Some("超过"), Some(2015)),
            ("引進和培養高端人才", 1000.0, "人", Some("左右"), Some(2015)),
        ]
    );
    assert_eq!(b.targets[1].kind, TargetKind::Growth);
}

#[test]
fn traditional_province_names_are_checked_against_the_catalog() {
    let text = std::fs::read(fixture("traditional").join("liaoning.txt")).unwrap();
    let seeds = vec![Seed { file: "liaoning.txt".into(), bytes: text }];
    let catalog = r#"{"documents": [{"file": "liaoning.txt", "id": "x", "province": "jilin"}]}"#;
    let err = hts_compiler::compile_corpus(catalog, &seeds).unwrap_err();
    assert!(err.to_string().contains("province = \"jilin\" but the text says \"liaoning\""), "{err}");
}

#[test]
fn a_document_with_half_width_punctuation() {
    let b = compile_fixture("half-width").unwrap_or_else(|e| panic!("{e}"));
    let d = document(&b, "hunan-halfwidth");
    assert_eq!(d.doc_number.as_deref(), Some("湘政办发[2014]12号"));
    assert_eq!(d.publication_date.as_deref(), Some("2014-03-12"));
    assert_eq!((d.issuer.as_deref(), d.date.as_deref()), (Some("湖南省人民政府办公厅"), Some("2014-03-05")));
    assert_eq!(d.addressee.as_deref(), Some("各市州人民政府,省政府各厅委、各直属机构:"));
    assert_eq!(
        headings(&b),
        vec![
            (1, "一、总体要求"),
            (2, "(一)指导思想"),
            (2, "(二)发展目标"),
            (1, "二、 重点任务"),
            (2, "(一)信息技术服务"),
            (3, "1. 软件服务"),
            (3, "2. 信息安全服务"),
            (2, "(二)电子商务服务"),
        ]
    );
    // `一、总体要求(一)指导思想。以……`: heading, sub-heading and body of one line.
    assert_eq!(provision_with(&b, "以创新驱动为核心").path, vec!["一、总体要求", "(一)指导思想"]);
    // `1. 软件服务:支持……`: the title ends at the half-width colon.
    assert_eq!(provision_with(&b, "云计算").text, "支持软件企业开展云计算服务,到2015年软件业务收入达到800亿元。");
    assert_eq!(departments_of(&b, "云计算"), vec!["省经济和信息化委", "省科技厅"]);
    assert_eq!(departments_of(&b, "信息安全测评"), vec!["省公安厅", "省通信管理局", "省经济和信息化委"]);
    // A labelled clause on a line of its own belongs to the provision above it.
    assert_eq!(departments_of(&b, "电子商务示范基地"), vec!["省商务厅", "省发展改革委"]);
    // `;` ends a sentence, `,` a clause.
    assert_eq!(provision_with(&b, "培育骨干企业").sentences.len(), 2);
    assert_eq!(
        targets(&b),
        vec![
            ("高技术服务业营业收入年均增长", 18.0, "%", Some("以上"), Some(2015)),
            ("培育骨干企业", 50.0, "家", Some("以上"), Some(2015)),
            ("软件业务收入", 800.0, "亿元", Some("达到"), Some(2015)),
        ]
    );
}

/// The bundle without its quality notes (where a conversion is reported).
fn without_notes(mut b: Bundle) -> Bundle {
    for d in &mut b.documents {
        d.quality_notes.clear();
    }
    b
}

fn compile_bytes(folder: &str, file: &str, bytes: Vec<u8>) -> Bundle {
    let catalog = std::fs::read_to_string(fixture(folder).join("catalog.json")).unwrap();
    let seeds = vec![Seed { file: file.into(), bytes }];
    hts_compiler::compile_corpus(&catalog, &seeds).unwrap_or_else(|e| panic!("{e}"))
}

fn encode(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "every character has a {} form", encoding.name());
    bytes.into_owned()
}

#[test]
fn a_document_saved_as_gb18030_or_utf16_compiles_as_its_utf8_text() {
    let utf8 = compile_fixture("encodings").unwrap_or_else(|e| panic!("{e}"));
    let d = document(&utf8, "jiangxi-hts");
    assert_eq!((d.doc_number.as_deref(), d.date.as_deref()), (Some("赣府厅发〔2012〕66号"), Some("2012-08-20")));
    assert_eq!(d.outline.len(), 7);
    assert_eq!(departments_of(&utf8, "数字出版"), vec!["省新闻出版局", "省文化厅"]);
    // A criterion of what is counted (`超过5亿元的`) is not a target; a tax rate is not either.
    let found: Vec<_> = targets(&utf8).into_iter().map(|(i, v, u, ..)| (i, v, u)).collect();
    assert_eq!(
        found,
        vec![("全省高技术服务业营业收入年均增长", 22.0, "%"), ("建成省级高技术服务业集聚区", 10.0, "个"), ("培育营业收入超过5亿元的骨干企业", 30.0, "家")]
    );

    let text = std::fs::read_to_string(fixture("encodings").join("jiangxi.txt")).unwrap();
    let gb18030 = encode(GB18030, &text);
    let mut utf16le = vec![0xFF, 0xFE];
    utf16le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut utf16be = vec![0xFE, 0xFF];
    utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    for (bytes, from) in [(gb18030, SourceEncoding::Gb18030), (utf16le, SourceEncoding::Utf16Le), (utf16be, SourceEncoding::Utf16Be)] {
        assert_eq!(decode_seed("jiangxi.txt", &bytes).unwrap().converted_from, Some(from));
        assert_eq!(without_notes(compile_bytes("encodings", "jiangxi.txt", bytes)), without_notes(utf8.clone()), "{from:?}");
    }
}

#[test]
fn a_traditional_document_saved_as_big5_compiles_as_its_utf8_text() {
    let utf8 = compile_fixture("traditional").unwrap_or_else(|e| panic!("{e}"));
    // Big5 has no 〇; documents saved in it write ○.
    let text = std::fs::read_to_string(fixture("traditional").join("liaoning.txt")).unwrap().replace('〇', "○");
    let big5 = encode(BIG5, &text);
    assert_eq!(decode_seed("liaoning.txt", &big5).unwrap().converted_from, Some(SourceEncoding::Big5));
    let b = compile_bytes("traditional", "liaoning.txt", big5);
    assert_eq!(document(&b, "liaoning-hts").date.as_deref(), Some("2013-05-20"));
    let mut expected = without_notes(utf8);
    expected.documents[0].front_matter.iter_mut().for_each(|f| *f = f.replace('〇', "○"));
    // 〇 is a letter (counted), ○ a symbol (not).
    expected.documents[0].stats.source_chars -= 1;
    assert_eq!(without_notes(b), expected);
}

#[test]
fn a_file_valid_in_no_encoding_still_names_the_problem() {
    let err = compile_fixture("bad-catalog").unwrap_err();
    let p = err.problems.iter().find(|p| p.file == "gbk.txt" && p.kind == ProblemKind::Encoding).unwrap();
    assert!(p.message.contains("GB18030") && p.message.contains("iconv"), "{}", p.message);
}

/// Every letter and digit of each source is in its bundle: metadata, headings, sentences
/// or responsibility clauses, as written (no folding leaks into the text).
#[test]
fn nothing_of_these_sources_is_lost_or_folded() {
    use hts_compiler::text::is_content;
    use std::collections::HashMap;
    let count = |texts: &[&str]| {
        let mut m: HashMap<char, usize> = HashMap::new();
        texts.iter().flat_map(|t| t.chars()).filter(|c| is_content(*c)).for_each(|c| *m.entry(c).or_default() += 1);
        m
    };
    for (folder, file) in [("traditional", "liaoning.txt"), ("half-width", "halfwidth.txt"), ("encodings", "jiangxi.txt")] {
        let b = compile_fixture(folder).unwrap_or_else(|e| panic!("{e}"));
        let d = &b.documents[0];
        let mut out: Vec<&str> = Vec::new();
        out.extend(d.addressee.as_deref());
        out.extend(d.signature.as_deref());
        out.extend(d.front_matter.iter().map(String::as_str));
        out.extend(d.outline.iter().map(|h| h.text.as_str()));
        for p in &b.provisions {
            out.extend(p.sentences.iter().map(|s| s.text.as_str()));
            out.extend(p.responsibility.as_deref());
        }
        let source = std::fs::read_to_string(fixture(folder).join(file)).unwrap();
        assert_eq!(count(&out), count(&[source.as_str()]), "{folder}");
    }
}

/// The compiler's reading of responsibility clauses gives the seeds' departments
/// unchanged, so the runtime can derive departments with it.
#[test]
fn the_new_departments_parsing_keeps_the_seeds_departments() {
    let b = hts_compiler::compile_dir(&seeds_dir()).unwrap_or_else(|e| panic!("{e}"));
    let mut clauses = 0;
    for p in &b.provisions {
        if let Some(r) = &p.responsibility {
            assert_eq!(forms::departments(r), p.departments, "{}", p.id);
            clauses += 1;
        }
    }
    assert!(clauses >= 10);
}

#[test]
fn a_document_in_traditional_characters_gets_its_domains_and_tools() {
    let b = compile_fixture("traditional").unwrap_or_else(|e| panic!("{e}"));
    let tags = |needle: &str| {
        let p = provision_with(&b, needle);
        (p.domains().iter().map(|s| s.to_string()).collect::<Vec<_>>(), p.tools().iter().map(|s| s.to_string()).collect::<Vec<_>>())
    };
    assert!(tags("研發設計中心").0.contains(&"design".to_string()), "{:?}", tags("研發設計中心"));
    assert!(tags("質檢中心").0.contains(&"testing".to_string()), "{:?}", tags("質檢中心"));
    assert!(tags("專利申請量").0.contains(&"ip".to_string()), "{:?}", tags("專利申請量"));
    assert!(tags("專項資金").1.contains(&"funding".to_string()), "{:?}", tags("專項資金"));
    assert!(tags("高端人才").1.contains(&"talent".to_string()), "{:?}", tags("高端人才"));
    let tagged = b.provisions.iter().flat_map(|p| &p.sentences).filter(|s| !s.domains.is_empty() || !s.tools.is_empty()).count();
    assert!(tagged >= 6, "{tagged} sentences tagged");
}

#[test]
fn search_folds_scripts_over_the_packed_bundle() {
    use hts_runtime::search::{Corpus, Query};
    use hts_runtime::url::State;
    // The traditional fixture and a simplified seed in one corpus: the packed bundle
    // carries the script pairs both need, and the corpus registers them.
    let trad = compile_fixture("traditional").unwrap_or_else(|e| panic!("{e}"));
    let packed = hts_compiler::pack::pack(&trad).unwrap();
    let fold = hts_runtime::packed::unpack_with_fold(&packed.json, &packed.texts).unwrap().1;
    assert!(fold.contains("權权") && fold.contains("產产"), "{fold}");
    assert!(fold.chars().count() < 2 * 1000, "only the pairs this corpus needs: {}", fold.chars().count() / 2);
    let corpus = Corpus::from_packed(&packed.json, &packed.texts).unwrap();
    let count = |q: &str| corpus.search(&State { q: q.into(), ..State::default() }).len();
    assert!(count("知识产权") > 0);
    assert_eq!(count("知识产权"), count("知識產權"));
    assert_eq!(count("检验检测"), count("檢驗檢測"));
    assert_eq!(count("intellectual property"), count("知识产权"));
    let p = provision_with(&trad, "專利申請量");
    assert_eq!(Query::parse("专利申请").highlights(&p.text), Query::parse("專利申請").highlights(&p.text));
}
