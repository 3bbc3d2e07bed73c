//! Properties over every seed, counts that show unintended changes, and spot checks of
//! what a careful reader expects from the filters.

use crate::common::*;
use hts_compiler::text::{is_content, squash_spaces};
use hts_runtime::model::{Bundle, Document};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

fn bundle() -> &'static Bundle {
    static B: OnceLock<Bundle> = OnceLock::new();
    B.get_or_init(|| hts_compiler::compile_dir(&seeds_dir()).unwrap_or_else(|e| panic!("{e}")))
}

fn source(d: &Document) -> String {
    std::fs::read_to_string(seeds_dir().join(&d.source_file)).unwrap()
}

fn char_counts<'a>(texts: impl Iterator<Item = &'a str>) -> HashMap<char, usize> {
    let mut m = HashMap::new();
    for t in texts {
        for c in t.chars().filter(|c| is_content(*c)) {
            *m.entry(c).or_insert(0) += 1;
        }
    }
    m
}

/// Every string of the bundle that came from the document's text.
fn output_texts<'a>(b: &'a Bundle, d: &'a Document) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    out.extend(d.addressee.as_deref());
    out.extend(d.signature.as_deref());
    out.extend(d.front_matter.iter().map(String::as_str));
    out.extend(d.outline.iter().map(|h| h.text.as_str()));
    for p in provisions_of(b, &d.id) {
        out.extend(p.sentences.iter().map(|s| s.text.as_str()));
        if let Some(r) = &p.responsibility {
            if !p.sentences.iter().any(|s| &s.text == r) {
                out.push(r);
            }
        }
    }
    out
}

#[test]
fn nothing_is_lost_and_nothing_invented() {
    let b = bundle();
    for d in &b.documents {
        let src = source(d);
        let source_chars = char_counts(std::iter::once(src.as_str()));
        let output_chars = char_counts(output_texts(b, d).into_iter());
        for (c, n) in &output_chars {
            assert!(source_chars.get(c).copied().unwrap_or(0) >= *n, "{}: '{c}' appears more often than in the source", d.id);
        }
        let total = |m: &HashMap<char, usize>| m.values().sum::<usize>();
        assert_eq!(
            total(&source_chars),
            total(&output_chars) + d.stats.repeated_chars_removed,
            "{}: every character of the source is in the bundle or counted as a removed repeat",
            d.id
        );
    }
}

#[test]
fn every_sentence_comes_from_the_source_and_appears_once() {
    let b = bundle();
    for d in &b.documents {
        let src = squash_spaces(&source(d));
        let mut seen = HashSet::new();
        for p in provisions_of(b, &d.id) {
            for s in &p.sentences {
                let key = squash_spaces(&s.text);
                assert!(src.contains(&key), "{}: invented sentence {key}", p.id);
                assert!(key.chars().count() < 6 || seen.insert(key.clone()), "{}: sentence twice: {key}", p.id);
            }
        }
    }
}

#[test]
fn no_provision_is_empty_and_ids_are_unique_and_url_safe() {
    let b = bundle();
    let mut ids = HashSet::new();
    for p in &b.provisions {
        assert!(!p.text.trim().is_empty() && !p.sentences.is_empty(), "{} is empty", p.id);
        assert!(ids.insert(p.id.as_str()), "duplicate id {}", p.id);
        assert!(p.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'), "{}", p.id);
    }
    for d in &b.documents {
        for h in &d.outline {
            assert!(ids.insert(h.id.as_str()), "heading id {} collides", h.id);
        }
    }
}

#[test]
fn ids_are_stable_across_rebuilds() {
    let again = hts_compiler::compile_dir(&seeds_dir()).unwrap();
    assert_eq!(&again, bundle());
    // Ids are derived from the outline, not from a counter over the corpus.
    let p = provision_with(bundle(), "建立高技术服务业“绿色贷款通道”");
    assert_eq!(p.id, "hunan-hts-3-2");
}

/// (id, provisions, sentences, headings, targets): a change here must be deliberate.
#[test]
fn counts_per_document() {
    let b = bundle();
    let got: Vec<(String, usize, usize, usize, usize)> = b
        .documents
        .iter()
        .map(|d| {
            let targets = b.targets.iter().filter(|t| provisions_of(b, &d.id).iter().any(|p| p.id == t.provision)).count();
            (d.id.clone(), d.stats.provisions, d.stats.sentences, d.outline.len(), targets)
        })
        .collect();
    let expected: Vec<(String, usize, usize, usize, usize)> = EXPECTED_COUNTS.iter().map(|&(a, b, c, d, e)| (a.to_string(), b, c, d, e)).collect();
    assert_eq!(got, expected);
}

const EXPECTED_COUNTS: [(&str, usize, usize, usize, usize); 5] = [
    ("hunan-hts", 26, 121, 29, 14),
    ("jilin-hts", 29, 162, 24, 12),
    ("guangdong-hts", 29, 67, 29, 3),
    ("sichuan-hts", 18, 91, 17, 1),
    ("shandong-hts", 36, 116, 42, 6),
];

#[test]
fn provinces_and_metadata_are_what_the_texts_support() {
    let b = bundle();
    let provinces: Vec<(&str, &str)> = b.documents.iter().map(|d| (d.id.as_str(), d.province.as_str())).collect();
    assert_eq!(
        provinces,
        vec![("hunan-hts", "hunan"), ("jilin-hts", "jilin"), ("guangdong-hts", "guangdong"), ("sichuan-hts", "sichuan"), ("shandong-hts", "shandong")]
    );
    let gd = document(b, "guangdong-hts");
    assert_eq!(gd.doc_number.as_deref(), Some("粤府办〔2012〕101号"));
    assert_eq!(gd.date.as_deref(), Some("2012-10-12"));
    assert_eq!(gd.publication_date.as_deref(), Some("2012-11-08"));
    assert_eq!(document(b, "hunan-hts").date.as_deref(), Some("2013-07-25"));
    assert_eq!(document(b, "jilin-hts").date.as_deref(), Some("2012-11-23"));
    for unknown in ["sichuan-hts", "shandong-hts"] {
        let d = document(b, unknown);
        assert_eq!((d.date.as_deref(), d.doc_number.as_deref(), d.issuer.as_deref()), (None, None, None), "{unknown}");
    }
    assert_eq!(gd.quality_notes.len(), 2, "{:?}", gd.quality_notes);
    assert!(document(b, "hunan-hts").quality_notes.is_empty());
}

/// Tags of the sentence that contains `needle`.
fn tags_of(needle: &str) -> (Vec<String>, Vec<String>) {
    let s = bundle()
        .provisions
        .iter()
        .flat_map(|p| p.sentences.iter())
        .find(|s| s.text.contains(needle))
        .unwrap_or_else(|| panic!("no sentence contains {needle}"));
    (s.domains.clone(), s.tools.clone())
}

#[test]
fn filters_return_what_a_careful_reader_expects() {
    let has = |v: &[String], c: &str| v.iter().any(|x| x == c);
    // Tax incentives: named taxes, exemptions, the Western Development preferences.
    for s in ["减半征收企业所得税", "积极推进营业税改增值税", "用好国家西部大开发", "完善结构性减税政策"] {
        assert!(has(&tags_of(s).1, "tax"), "tax: {s}");
    }
    // Fee relief is a cost measure, not a tax incentive.
    let (_, tools) = tags_of("减免各类规费、手续费");
    assert!(has(&tools, "costs") && !has(&tools, "tax"), "{tools:?}");
    // Finance: loans, guarantees, listings; not a list of IP service types.
    for s in ["建立高技术服务业“绿色贷款通道”", "加快建立多层次担保体系", "积极推行知识产权质押融资"] {
        assert!(has(&tags_of(s).1, "finance"), "finance: {s}");
    }
    assert!(!has(&tags_of("培育评估、交易、转化、托管、投融资等").1, "finance"));
    // Domains: IP by its activities, testing by inspection, not by digital certificates.
    for s in ["积极支持高技术服务企业申请商标注册", "积极探索，尽快启动数字作品版权登记工作"] {
        assert!(has(&tags_of(s).0, "ip"), "ip: {s}");
    }
    assert!(has(&tags_of("提升出入境检验检疫能力").0, "testing"));
    assert!(!has(&tags_of("积极引导和扶持CA数字认证").0, "testing"));
    // A listed domain counts; a passing phrase is not a measure.
    let (domains, tools) = tags_of("鼓励政府部门将可外包的信息技术服务、检验检测服务、知识产权服务等业务发包给");
    for d in ["it", "testing", "ip"] {
        assert!(has(&domains, d), "{d}");
    }
    // Government outsourcing its own work is procurement, not the outsourcing tool (guide §4).
    assert!(has(&tools, "procurement") && !has(&tools, "outsourcing"), "{tools:?}");
    assert!(!has(&tags_of("以市场需求为导向，以创新为动力").1, "demonstration"));
}

/// (provision, indicator, value, value_max, unit, qualifier, year).
type TargetRow = (&'static str, &'static str, f64, Option<f64>, &'static str, Option<&'static str>, Option<u16>);

/// Every target of the seeds, read one by one against its sentence, as [`TargetRow`]s. What is counted and where, each
/// item of a list on its own, the programme's items rather than an example, the bound as
/// written.
const EXPECTED_TARGETS: [TargetRow; 36] = [
    ("hunan-hts-1-4", "全省高技术服务业营业收入年均增长", 20.0, None, "%", Some("以上"), Some(2015)),
    ("hunan-hts-2-2-3", "全省知识产权中介服务机构", 500.0, None, "家", Some("以上"), Some(2015)),
    ("hunan-hts-2-2-3", "知识产权服务收入年增长率", 20.0, None, "%", Some("达到"), Some(2015)),
    ("hunan-hts-2-2-4", "在全省规划建设国家级质检中心", 25.0, None, "个", None, Some(2015)),
    ("hunan-hts-2-2-4", "在全省规划建设省级质检中心", 60.0, None, "个", None, Some(2015)),
    ("hunan-hts-2-2-4", "在全省规划建设区域性中心", 5.0, None, "个", None, Some(2015)),
    ("hunan-hts-2-2-4", "在全省规划建设检验检测公共技术服务平台", 30.0, None, "个", None, Some(2015)),
    ("hunan-hts-2-2-5", "实现重大科技成果的转化与产业化", 100.0, None, "项", None, Some(2015)),
    ("hunan-hts-2-2-5", "实现共性技术成果推广应用", 1000.0, None, "项", None, Some(2015)),
    ("hunan-hts-2-2-5", "建立科技成果转化示范基地", 20.0, None, "个", None, Some(2015)),
    ("hunan-hts-2-2-5", "建立科技成果转化示范企业", 100.0, None, "个", None, Some(2015)),
    ("hunan-hts-2-3-1", "大力发展重点领域", 4.0, None, "个", None, None),
    ("hunan-hts-2-3-1", "重点建设高技术服务产业集群", 10.0, None, "个", None, None),
    ("hunan-hts-2-3-1", "着力推进重点高技术服务项目", 100.0, None, "个", None, None),
    ("jilin-hts-2-3", "高技术服务业营业收入年均增长", 18.0, None, "%", Some("以上"), Some(2015)),
    ("jilin-hts-3-3", "加快建设国家质检中心", 3.0, None, "个", None, None),
    ("jilin-hts-3-3", "加快建设省级质检中心", 16.0, None, "个", None, None),
    ("jilin-hts-3-5", "电信业务总量累计", 1157.0, None, "亿元", Some("达到"), Some(2015)),
    ("jilin-hts-3-5", "互联网出省带宽", 4000.0, None, "G", Some("超过"), Some(2015)),
    ("jilin-hts-3-5", "行政村通宽带", 100.0, None, "%", None, Some(2015)),
    ("jilin-hts-3-5", "城市互联网带宽基本能力", 20.0, None, "Mbps", Some("达到"), Some(2015)),
    ("jilin-hts-3-5", "农村互联网带宽基本能力", 4.0, None, "Mbps", Some("达到"), Some(2015)),
    ("jilin-hts-3-7", "重点培育电子商务应用示范企业", 20.0, None, "户", None, Some(2015)),
    ("jilin-hts-3-7", "电子商务年交易额", 1000.0, None, "亿元", None, Some(2015)),
    ("jilin-hts-4-6", "培养覆盖工业设计全行业的省级设计大师和青年设计大师", 150.0, None, "人", Some("以上"), Some(2015)),
    ("jilin-hts-4-6", "培养专业技术骨干", 3000.0, None, "人", Some("左右"), Some(2015)),
    ("guangdong-hts-1-2", "高技术服务业营业收入年均增长", 20.0, None, "%", Some("以上"), Some(2015)),
    ("guangdong-hts-1-2.2", "培育高技术服务骨干企业", 100.0, None, "家", None, Some(2015)),
    ("guangdong-hts-1-2.2", "形成高技术服务产业基地和创新集聚区", 10.0, Some(15.0), "家", None, Some(2015)),
    ("sichuan-hts-1.2", "高技术服务业营业收入年均增长", 20.0, None, "%", Some("以上"), Some(2015)),
    ("shandong-hts-1-3", "高技术服务业实现营业收入年均增长", 20.0, None, "%", Some("以上"), Some(2015)),
    ("shandong-hts-1-3", "中心城市、山东半岛蓝色经济区高技术服务业实现营业收入年均增长", 25.0, None, "%", Some("以上"), Some(2015)),
    ("shandong-hts-3-1-1", "建成高技术服务业基地", 20.0, None, "个", Some("力争"), Some(2015)),
    ("shandong-hts-3-1-2", "在重点区域建成高技术服务业专业化园区", 100.0, None, "个", Some("力争"), Some(2015)),
    ("shandong-hts-3-1-3", "打造高技术服务业主题楼宇", 200.0, None, "个", Some("力争"), Some(2015)),
    ("shandong-hts-3-3-1", "在优势领域重点培植营业收入过亿元的骨干企业", 100.0, None, "个", Some("力争"), Some(2015)),
];

#[test]
fn every_target_reads_as_a_reader_would_quote_it() {
    let b = bundle();
    let got: Vec<_> =
        b.targets.iter().map(|t| (t.provision.as_str(), t.indicator.as_str(), t.value, t.value_max, t.unit.as_str(), t.qualifier.as_deref(), t.year)).collect();
    assert_eq!(got, EXPECTED_TARGETS.to_vec());
    for t in &b.targets {
        let p = b.provisions.iter().find(|p| p.id == t.provision).unwrap();
        assert!(p.sentences.iter().any(|s| s.text.contains(&t.text)), "{}: the clause {} is in a sentence", p.id, t.text);
    }
    let text_of = |indicator: &str| b.targets.iter().find(|t| t.indicator == indicator).map(|t| t.text.as_str()).unwrap();
    // Two quality centres of a list, each with its own words.
    assert_eq!(text_of("加快建设国家质检中心"), "加快建设节能环保墙体材料等3个国家质检中心");
    assert_eq!(text_of("加快建设省级质检中心"), "碳纤维等16个省级质检中心");
    // Respective figures, one for the cities and one for the villages.
    assert_eq!(text_of("城市互联网带宽基本能力"), text_of("农村互联网带宽基本能力"));
}

#[test]
fn a_programme_quantity_is_labelled_as_one_not_as_a_result() {
    let b = bundle();
    let programme: Vec<&str> = b.targets.iter().filter(|t| t.kind == hts_runtime::model::TargetKind::Programme).map(|t| t.indicator.as_str()).collect();
    // A plan's list sized by `……等N个……` (the items named, no year to reach it by).
    assert_eq!(programme, ["大力发展重点领域", "重点建设高技术服务产业集群", "着力推进重点高技术服务项目", "加快建设国家质检中心", "加快建设省级质检中心"]);
}
