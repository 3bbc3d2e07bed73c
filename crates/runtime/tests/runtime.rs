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

#[test]
fn citations_are_unique_per_provision_and_carry_what_a_reader_needs() {
    use hts_runtime::export::{bibtex, citation, Style};
    use hts_runtime::url::Lang;
    let corpus = Corpus::new(seeds().clone());
    for style in [Style::GbT7714, Style::Plain] {
        for lang in [Lang::Zh, Lang::En] {
            let mut seen = std::collections::HashSet::new();
            for i in 0..seeds().provisions.len() {
                let c = citation(&corpus, i, style, lang, "", None);
                assert!(seen.insert(c.clone()), "{style:?} {lang:?}: two provisions cite as {c}");
            }
        }
    }
    let i = corpus.index_of("hunan-hts-3-2").unwrap();
    let link = "https://example.org/hts/#hunan-hts-3-2";
    let gbt = citation(&corpus, i, Style::GbT7714, Lang::Zh, link, Some("质押"));
    assert!(gbt.starts_with("湖南省人民政府办公厅. 湖南省关于加快发展高技术服务业的意见（原文未载标题）[EB/OL]. (2013-07-25). "), "{gbt}");
    assert!(gbt.contains("第1段") && gbt.contains(link) && gbt.ends_with("引文：“质押”"), "{gbt}");
    let plain = citation(&corpus, i, Style::Plain, Lang::En, link, None);
    assert!(plain.contains("paragraph 1") && plain.contains("2013-07-25") && plain.ends_with(link), "{plain}");
    let doc = &seeds().documents[0];
    let bib = bibtex(doc, Lang::Zh, "https://example.org/hts/?view=documents&doc=hunan-hts");
    assert!(bib.starts_with("@misc{hunan-hts,") && bib.contains("year = {2013}") && bib.ends_with('}'), "{bib}");
}

#[test]
fn the_results_export_has_readable_columns_and_what_a_citation_needs() {
    use hts_runtime::export::{results_csv, results_json};
    use hts_runtime::url::{decode, Lang};
    let corpus = Corpus::new(seeds().clone());
    let mut state = decode("?domain=ip&tool=finance", &[]).state;
    let rows = corpus.search(&state);
    assert!(!rows.is_empty());
    let csv = results_csv(&corpus, &rows, &state, "https://example.org/");
    let head = csv.lines().next().unwrap();
    assert!(
        head.contains("文件标题") && head.contains("发文机关") && head.contains("文号") && head.contains("链接") && head.contains("符合条件的句子"),
        "{head}"
    );
    assert_eq!(csv.lines().count(), rows.len() + 1);
    assert!(csv.contains("知识产权服务"), "labels, not codes");
    for line in csv.lines().skip(1) {
        let title = line.split(',').nth(2).unwrap();
        assert!(!title.is_empty(), "every row has a display title: {line}");
    }
    let untitled = |i: usize| seeds().documents.iter().any(|d| d.id == seeds().provisions[i].doc && d.title.is_none());
    assert_eq!(csv.contains("（原文未载标题）"), rows.iter().any(|&i| untitled(i)));
    state.lang = Lang::En;
    let csv = results_csv(&corpus, &rows, &state, "https://example.org/");
    assert!(csv.lines().next().unwrap().contains("Document title"));
    let json: serde_json::Value = serde_json::from_str(&results_json(&corpus, &rows, &state, "https://example.org/")).unwrap();
    let first = &json[0];
    assert_eq!(first["provision"]["id"], seeds().provisions[rows[0]].id.as_str());
    // An English export links to the English page.
    assert!(first["link"].as_str().unwrap().starts_with("https://example.org/?lang=en#"));
    assert!(!first["matched_sentences"].as_array().unwrap().is_empty());
    assert!(first["provision"]["sentences"][0]["domains"].is_array(), "codes in the JSON");
}

#[test]
fn the_issue_case_a_testing_firm_finds_the_general_measures() {
    use hts_runtime::url::decode;
    let corpus = Corpus::new(seeds().clone());
    let state = decode("?province=guangdong,shandong&domain=testing&tool=tax,finance,costs", &[]).state;
    let extra = corpus.general_also(&state).expect("general tax/finance/land measures apply to every firm");
    let with = decode("?province=guangdong,shandong&domain=testing,general&tool=tax,finance,costs", &[]).state;
    assert_eq!(corpus.search(&with).len(), corpus.search(&state).len() + extra);
    assert_eq!(
        corpus.counts(&state).domains["general"],
        corpus.search(&decode("?province=guangdong,shandong&domain=general&tool=tax,finance,costs", &[]).state).len()
    );
}

#[test]
fn a_link_to_a_province_without_documents_or_to_no_provision_is_told_so() {
    use hts_runtime::render::{notes::gaps, Page};
    use hts_runtime::search::Query;
    use hts_runtime::url::decode;
    let corpus = Corpus::new(seeds().clone());
    let docs: Vec<&str> = seeds().documents.iter().map(|d| d.id.as_str()).collect();
    let gap = |url: &str, highlight: Option<&str>| {
        let state = decode(url, &docs).state;
        let query = Query::parse("");
        let page = Page { corpus: &corpus, state: &state, query: &query, en: None, base: "", highlight, prerender: false };
        gaps(&page, &|id| id == "main")
    };
    let xizang = gap("?view=compare&province=xizang,hunan", None);
    assert!(xizang.contains("语料中没有西藏自治区的文件；现有文件来自：湖南省、吉林省、广东省、四川省、山东省。"), "{xizang}");
    assert!(!xizang.contains("湖南省的文件"), "a province with documents is not listed as absent");
    let english = gap("?lang=en&province=xizang", None);
    assert!(
        english.contains("The corpus has no document from Tibet (Xizang); its documents are from Hunan, Jilin, Guangdong, Sichuan, Shandong."),
        "{english}"
    );
    let nowhere = gap("", Some("nonexistent"));
    assert!(nowhere.contains("data-testid=\"unknown-anchor\"") && nowhere.contains("#nonexistent"), "{nowhere}");
    // A provision, a heading and an element of the page are places to go where the view
    // shows them.
    let heading = &seeds().documents[0].outline[0].id;
    for (url, known) in
        [("", "hunan-hts-3-2"), ("?view=documents&doc=hunan-hts", heading.as_str()), ("?view=documents&doc=hunan-hts", "hunan-hts-3-2"), ("", "main")]
    {
        assert_eq!(gap(url, Some(known)), "", "{url}#{known}");
    }
    assert_eq!(gap("?province=hunan", None), "");
    // Elsewhere, the view says so and leads there (regression: silently ignored).
    for (url, id, to) in [
        ("?view=compare&domain=ip", "shandong-hts-4-5", "?domain=ip#shandong-hts-4-5"),
        ("?view=targets&province=hunan", "shandong-hts-1-3", "?province=hunan#shandong-hts-1-3"),
        ("?view=documents&doc=hunan-hts", "shandong-hts-4-5", "?view=documents&amp;doc=shandong-hts#shandong-hts-4-5"),
        ("", heading.as_str(), "?view=documents&amp;doc=hunan-hts#hunan-hts-h1"),
    ] {
        let html = gap(url, Some(id));
        assert!(html.contains("data-testid=\"anchor-elsewhere\"") && html.contains(&format!("href=\"{to}\"")), "{url}#{id}: {html}");
    }
}
