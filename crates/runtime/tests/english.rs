//! The English edition over the real seeds and their real translation (compiled by the
//! compiler crate, a dev-dependency): search and highlights in the translation, English
//! citations and exports, and the Chinese outputs unchanged.

use hts_runtime::export::*;
use hts_runtime::search::{Corpus, Query};
use hts_runtime::translation::Translation;
use hts_runtime::url::{decode, Lang, State};
use std::sync::OnceLock;

fn seeds_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| Corpus::new(hts_compiler::compile_dir(&seeds_dir()).unwrap_or_else(|e| panic!("{e}"))))
}

/// `data/policies.en.json` as the site ships it, read as the browser reads it.
fn en() -> &'static Translation {
    static T: OnceLock<Translation> = OnceLock::new();
    T.get_or_init(|| {
        let files = hts_compiler::corpus::read_data_files(&seeds_dir(), "translations/en").unwrap();
        let texts = hts_compiler::translations::compile(&corpus().bundle, &files).unwrap_or_else(|e| panic!("{e}"));
        Translation::from_json(&hts_compiler::translations::to_json("en", &texts)).unwrap()
    })
}

fn q(q: &str) -> State {
    State { q: q.to_string(), lang: Lang::En, ..State::default() }
}

/// Provision `i`'s translated path headings and sentences.
fn english_of(i: usize) -> Vec<&'static str> {
    let c = corpus();
    let mut texts = c.path_en(i, en()).unwrap();
    texts.extend(en().sentences(c.provision(i)).into_iter().flatten());
    texts
}

#[test]
fn english_search_finds_a_word_only_the_translation_has() {
    let c = corpus();
    // `logistics`: no synonym maps it, the Chinese does not have it, the translation does.
    let query = Query::parse("Logistics");
    assert_eq!(query.unmapped(), ["logistics"]);
    assert!(c.search(&q("Logistics")).is_empty());
    let found = c.search_in(&q("Logistics"), Some(en()));
    assert!(!found.is_empty());
    for &i in &found {
        assert!(english_of(i).iter().any(|t| t.to_ascii_lowercase().contains("logistics")), "{}", c.provision(i).id);
    }
    assert!(c.unmapped_in(&query, Some(en())).is_empty(), "found in the translation: not unmapped");
    assert_eq!(c.unmapped_in(&query, None), ["logistics"]);
    assert_eq!(c.counts_in(&q("logistics"), Some(en())).provinces.values().sum::<usize>(), found.len());
    // The translation adds to the Chinese search, never takes away.
    for text in ["patent", "质押", "cloud computing", "IT", "20%", "知識產權"] {
        let (zh, both) = (c.search(&q(text)), c.search_in(&q(text), Some(en())));
        assert!(zh.iter().all(|i| both.contains(i)), "{text}");
    }
    // A short word is a whole word: `IP` is not in “relationship” or “ownership” (which the
    // translation has), so it finds what its Chinese term finds.
    let inside = (0..c.bundle.provisions.len()).filter(|&i| english_of(i).iter().any(|t| t.to_ascii_lowercase().contains("ip"))).count();
    assert!(inside > 10, "{inside}");
    assert_eq!(c.search_in(&q("ip"), Some(en())), c.search(&q("ip")));
}

#[test]
fn highlights_mark_the_hits_in_the_translation() {
    let c = corpus();
    let query = Query::parse("logistics");
    for i in c.search_in(&q("logistics"), Some(en())) {
        let hits: Vec<String> =
            english_of(i).iter().flat_map(|t| query.highlights(t).into_iter().map(|(s, e)| t.chars().skip(s).take(e - s).collect::<String>())).collect();
        assert!(!hits.is_empty() && hits.iter().all(|h| h.eq_ignore_ascii_case("logistics")), "{hits:?}");
    }
    // A Chinese query marks nothing in the English.
    let i = c.index_of("hunan-hts-3-2").unwrap();
    for t in en().sentences(c.provision(i)).into_iter().flatten() {
        assert!(Query::parse("质押 知识产权").highlights(t).is_empty(), "{t}");
    }
}

#[test]
fn an_english_citation_has_the_translated_title_path_and_quote() {
    let c = corpus();
    let i = c.index_of("guangdong-hts-1-1").unwrap();
    let doc = c.bundle.documents.iter().find(|d| d.id == "guangdong-hts").unwrap();
    let (zh_title, en_title) = (doc.title.clone().unwrap(), en().title(doc).unwrap());
    assert!(en_title.starts_with("Circular of the General Office"), "{en_title}");
    let link = "https://example.org/#guangdong-hts-1-1";
    // The issuer in English, the source's name beside it.
    const ISSUER: &str = "General Office of the Guangdong Provincial People's Government (广东省人民政府办公厅)";
    let gbt = citation_in(c, i, Style::GbT7714, Lang::En, link, None, Some(en()));
    let path = "I. Overall approach and work goals › (1) Overall approach, paragraph 1";
    assert_eq!(place_in(c, i, Lang::En, Some(en())), path);
    assert_eq!(gbt, format!("{ISSUER}. {zh_title} = {en_title} [unofficial translation]: 粤府办〔2012〕101号[EB/OL]. (2012-10-12). {path}. {link}."));
    let plain = citation_in(c, i, Style::Plain, Lang::En, link, None, Some(en()));
    assert_eq!(plain, format!("{ISSUER}, “{en_title}” [unofficial translation; original: {zh_title}] (粤府办〔2012〕101号), 2012-10-12, {path}. {link}"));
    // The quote: the English of the matched sentences, labelled; the Chinese, as the original.
    let state = State { lang: Lang::En, ..decode("?domain=ip&tool=finance", &[]).state };
    let j = c.search_in(&state, Some(en()))[0];
    let quote = matched_sentences_in(c, j, &state, Some(en())).join(" ");
    let emphasised = c.provision(j).sentences.iter().zip(c.emphasised_sentences(j, &state)).filter(|(_, e)| *e);
    assert_eq!(quote, emphasised.map(|(s, _)| en().get(&s.id).unwrap()).collect::<Vec<_>>().join(" "));
    let cited = citation_in(c, j, Style::Plain, Lang::En, link, Some(&quote), Some(en()));
    assert!(cited.ends_with(&format!("Quoted (unofficial translation): “{quote}”")), "{cited}");
    let original = matched_sentences(c, j, &state).join("");
    assert!(citation_in(c, j, Style::Plain, Lang::En, link, Some(&original), Some(en())).ends_with(&format!("Quoted: “{original}”")));
    // An untitled document keeps its English description; its path is translated.
    let h = c.index_of("hunan-hts-3-2").unwrap();
    let gbt = citation_in(c, h, Style::GbT7714, Lang::En, link, None, Some(en()));
    assert!(gbt.contains("(title not in the source)[EB/OL]") && !gbt.contains("unofficial") && !gbt.contains("第1段"), "{gbt}");
    assert!(gbt.contains(&format!("{}, paragraph 1", c.path_en(h, en()).unwrap().join(" › "))), "{gbt}");
    // Still unique per provision, in both styles.
    for style in [Style::GbT7714, Style::Plain] {
        let mut seen = std::collections::HashSet::new();
        for i in 0..c.bundle.provisions.len() {
            let cite = citation_in(c, i, style, Lang::En, "", None, Some(en()));
            assert!(seen.insert(cite.clone()), "two provisions cite as {cite}");
        }
    }
    let bib = bibtex_in(doc, Lang::En, "https://example.org/", Some(en()));
    assert!(bib.contains(&format!("title = {{{{{en_title} [unofficial translation]}}}}")) && bib.contains(&format!("origtitle = {{{{{zh_title}}}}}")), "{bib}");
    assert!(bib.contains(&format!("author = {{{{{ISSUER}}}}}")), "{bib}");
    assert_eq!(display_title_in(doc, Lang::En, Some(en())), en_title);
}

/// RFC 4180 records (quoted fields, `""` escapes, CRLF), the BOM dropped.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field, mut quoted) = (Vec::new(), Vec::new(), String::new(), false);
    let mut chars = text.trim_start_matches('\u{FEFF}').chars().peekable();
    while let Some(ch) = chars.next() {
        match (ch, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(ch),
        }
    }
    rows
}

#[test]
fn the_english_exports_have_both_texts() {
    let c = corpus();
    let state = q("");
    let all: Vec<usize> = (0..c.bundle.provisions.len()).collect();
    let rows = parse_csv(&results_csv_in(c, &all, &state, "https://example.org/", Some(en())));
    let head = &rows[0];
    assert_eq!(head.len(), 20);
    assert_eq!(head[9], "Text");
    assert_eq!(
        head[15..],
        [
            "Document title (English, unofficial translation)",
            "Path (English)",
            "Text (English, unofficial translation)",
            "Matched sentences (English)",
            "Issuer (English, unofficial translation)"
        ]
    );
    assert_eq!(rows.len(), all.len() + 1);
    for (row, &i) in rows[1..].iter().zip(&all) {
        let p = c.provision(i);
        assert_eq!(row.len(), 20);
        assert_eq!(row[9], p.text, "the Chinese original is kept");
        assert_eq!(row[17], en().provision_text(p).unwrap());
        assert!(!row[17].is_empty() && !row[17].contains(|ch: char| ('\u{4e00}'..='\u{9fff}').contains(&ch)), "{}", row[17]);
        let expected_path = if p.path.is_empty() { "Preamble".to_string() } else { c.path_en(i, en()).unwrap().join(" > ") };
        assert_eq!(row[16], expected_path);
        // The title columns: the original (as the Chinese edition names it) and its English.
        let doc = c.bundle.documents.iter().find(|d| d.id == p.doc).unwrap();
        assert_eq!(row[2], display_title(doc, Lang::Zh));
        // The issuer's English where the source names one (some give none: unknown).
        assert_eq!(row[19].is_empty(), doc.issuer.is_none(), "{}", row[19]);
        assert!(row[19].is_empty() || row[19].ends_with("Government"), "{}", row[19]);
        match &doc.title {
            Some(_) => assert_eq!(row[15], en().title(doc).unwrap(), "Guangdong's title in English"),
            None => assert!(row[15].ends_with("(title not in the source)"), "an untitled document said so in English: {}", row[15]),
        }
        assert!(row[14].contains(", paragraph "), "{}", row[14]);
    }
    // JSON: the same, as fields.
    let json: serde_json::Value = serde_json::from_str(&results_json_in(c, &all, &state, "https://example.org/", Some(en()))).unwrap();
    for (record, &i) in json.as_array().unwrap().iter().zip(&all) {
        let p = c.provision(i);
        assert_eq!(record["provision"]["text"], p.text.as_str());
        assert_eq!(record["text_en"], en().provision_text(p).unwrap().as_str());
        assert_eq!(record["path_en"].as_array().unwrap().len(), p.path.len());
        assert!(record["document_title_en"].as_str().is_some_and(|t| !t.is_empty() && t.is_ascii()), "{record}");
        assert!(record["document_title"].as_str().is_some_and(|t| !t.is_ascii()), "the original: {record}");
    }
}

#[test]
fn a_missing_translation_leaves_the_english_fields_empty() {
    let c = corpus();
    let none = Translation::from_json(r#"{"lang":"en","texts":{}}"#).unwrap();
    let state = State { lang: Lang::En, ..decode("?domain=ip&tool=finance", &[]).state };
    let rows = c.search(&state);
    let csv = parse_csv(&results_csv_in(c, &rows, &state, "https://example.org/", Some(&none)));
    for row in &csv[1..] {
        // An untitled document is still said to be one; no title, path or text is made up.
        assert!(row[15].is_empty() || row[15].ends_with("(title not in the source)"), "{}", row[15]);
        assert_eq!(row[16..], ["", "", "", ""], "nothing invented");
        assert!(!row[10].is_empty(), "the Chinese matched sentences are there");
    }
    let json: serde_json::Value = serde_json::from_str(&results_json_in(c, &rows, &state, "", Some(&none))).unwrap();
    assert!(json[0]["text_en"].is_null() && json[0]["path_en"].is_null());
    let i = rows[0];
    assert_eq!(matched_sentences_in(c, i, &state, Some(&none)), matched_sentences(c, i, &state), "the original, not an empty quote");
    assert_eq!(citation_in(c, i, Style::GbT7714, Lang::En, "", None, Some(&none)), citation(c, i, Style::GbT7714, Lang::En, "", None));
}

#[test]
fn the_chinese_outputs_are_unchanged() {
    let c = corpus();
    let all: Vec<usize> = (0..c.bundle.provisions.len()).collect();
    for url in ["?domain=ip&tool=finance", "?lang=en&domain=ip&tool=finance", "?q=专利", "?lang=en"] {
        let state = decode(url, &[]).state;
        // In Chinese the English edition is not used; without it nothing changes in English.
        let en = (state.lang == Lang::Zh).then(en);
        let base = "https://example.org/";
        assert_eq!(results_csv_in(c, &all, &state, base, en), results_csv(c, &all, &state, base), "{url}");
        assert_eq!(results_json_in(c, &all, &state, base, en), results_json(c, &all, &state, base), "{url}");
        assert_eq!(c.search_in(&state, None), c.search(&state));
        for &i in &all {
            for style in [Style::GbT7714, Style::Plain] {
                assert_eq!(citation_in(c, i, style, state.lang, base, Some("引"), en), citation(c, i, style, state.lang, base, Some("引")));
            }
            assert_eq!(place_in(c, i, state.lang, en), place(c, i, state.lang));
            assert_eq!(matched_sentences_in(c, i, &state, en), matched_sentences(c, i, &state));
        }
        for doc in &c.bundle.documents {
            assert_eq!(bibtex_in(doc, state.lang, base, en), bibtex(doc, state.lang, base));
            assert_eq!(display_title_in(doc, state.lang, en), display_title(doc, state.lang));
        }
    }
}
