//! What leaves the app as text: CSV and JSON exports of results, and citations.
//!
//! In English, the `*_in` functions take the English edition (`en`, ignored in Chinese)
//! and use it where it has a text: the document's title (labelled “unofficial
//! translation”, the Chinese title kept beside it), the outline path, the quoted
//! sentences; the exports add English columns beside the Chinese originals. Where the
//! translation lacks a text, the English field is empty (CSV) or `null` (JSON) and a
//! citation keeps the Chinese: nothing is made up. With `en` = `None` they write exactly
//! what the plain functions write.

use crate::json;
use crate::model::{Document, Provision, Sentence, Target};
use crate::search::Corpus;
use crate::translation::Translation;
use crate::url::{Lang, State};

/// The label of a translated title or quotation.
const UNOFFICIAL: &str = "unofficial translation";

/// The English edition when it applies: in English, when it is there.
pub(crate) fn english(lang: Lang, en: Option<&Translation>) -> Option<&Translation> {
    en.filter(|_| lang == Lang::En)
}

/// The two citation styles of a provision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// GB/T 7714-2015, the Chinese norm for references (an online official document).
    GbT7714,
    /// A plain sentence: issuer, title (number), date, place, link.
    Plain,
}

/// A document's display title: its title, or what it is, marked as untitled (never an
/// invented title).
pub fn display_title(doc: &Document, lang: Lang) -> String {
    match (&doc.title, lang) {
        (Some(t), _) => t.clone(),
        (None, Lang::Zh) => format!("{}（原文未载标题）", untitled(&province_label(&doc.province, lang), lang)),
        (None, Lang::En) => format!("{} (title not in the source)", untitled(&province_label(&doc.province, lang), lang)),
    }
}

/// [`display_title`], in English the title's translation when there is one (unlabelled:
/// label it “unofficial translation” where it is shown).
pub fn display_title_in(doc: &Document, lang: Lang, en: Option<&Translation>) -> String {
    english(lang, en).and_then(|en| en.title(doc)).map_or_else(|| display_title(doc, lang), str::to_string)
}

/// The English beside a document's original title in the English exports: the title's
/// translation, or for a document the source gives no title, what it is
/// ([`display_title`] in English); `None` for a title without a translation.
fn title_en(doc: &Document, en: &Translation) -> Option<String> {
    match &doc.title {
        Some(_) => en.title(doc).map(str::to_string),
        None => Some(display_title(doc, Lang::En)),
    }
}

/// The English of a document's issuer, when the edition has it.
fn issuer_en<'a>(doc: &Document, en: &'a Translation) -> Option<&'a str> {
    doc.issuer.as_ref().and_then(|_| en.get(&format!("{}:issuer", doc.id)))
}

fn province_label(code: &str, lang: Lang) -> String {
    crate::taxonomy::taxonomy().province(code).map_or_else(|| code.to_string(), |p| if lang == Lang::Zh { p.zh.clone() } else { p.en.clone() })
}

/// A provision's outline path joined by `sep`, or the preamble's name.
fn path_label(p: &Provision, lang: Lang, sep: &str) -> String {
    match (p.path.is_empty(), lang) {
        (true, Lang::Zh) => "序言".to_string(),
        (true, Lang::En) => "Preamble".to_string(),
        (false, _) => p.path.join(sep),
    }
}

/// Where provision `i` sits: its outline path (or the preamble) and its paragraph under
/// that heading: `三、保障措施 （二）拓展融资渠道 第2段`.
pub fn place(corpus: &Corpus, i: usize, lang: Lang) -> String {
    let p = corpus.provision(i);
    let path = path_label(p, lang, " ");
    match lang {
        Lang::Zh => format!("{path} 第{}段", corpus.paragraph(i)),
        Lang::En => format!("{path}, paragraph {}", corpus.paragraph(i)),
    }
}

/// [`place`], in English with the outline path's translation (headings joined by ` › `)
/// when every heading has one.
pub fn place_in(corpus: &Corpus, i: usize, lang: Lang, en: Option<&Translation>) -> String {
    match english(lang, en).and_then(|en| corpus.path_en(i, en)) {
        Some(path) if !path.is_empty() => format!("{}, paragraph {}", path.join(" › "), corpus.paragraph(i)),
        _ => place(corpus, i, lang),
    }
}

/// The citation of provision `i`: unique per provision (its path and paragraph), with
/// the document's display title, issuer, number and date (unknown ones said so), the
/// `link` (the page's address with `#id`) and, optionally, a quotation.
pub fn citation(corpus: &Corpus, i: usize, style: Style, lang: Lang, link: &str, quote: Option<&str>) -> String {
    citation_in(corpus, i, style, lang, link, quote, None)
}

/// [`citation`], in English with the English edition `en`:
///
/// - a translated title is labelled: GB/T 7714 gives it as the parallel title after the
///   Chinese one (`广东省…的通知 = Circular of … [unofficial translation]: 粤府办〔2013〕61号[EB/OL]. …`),
///   the plain style with the original after its label (`“Circular of …” [unofficial
///   translation; original: 广东省…的通知] (粤府办〔2013〕61号), …`);
///   an untitled document keeps its English description, an untranslated title its Chinese;
/// - the place is [`place_in`] (the English outline path);
/// - a quotation without Han characters (the English of the quoted sentences, from
///   [`matched_sentences_in`]) is labelled `Quoted (unofficial translation): “…”`, a
///   Chinese one (the original) `Quoted: “…”`.
///
/// The issuer reads in English where the edition has it, the source's name in brackets
/// (`General Office of the Hunan Provincial People's Government (湖南省人民政府办公厅)`);
/// the number and date stay as the source gives them.
pub fn citation_in(corpus: &Corpus, i: usize, style: Style, lang: Lang, link: &str, quote: Option<&str>, en: Option<&Translation>) -> String {
    let p = corpus.provision(i);
    let Some(doc) = corpus.bundle.documents.iter().find(|d| d.id == p.doc) else { return String::new() };
    let zh = lang == Lang::Zh;
    let en = english(lang, en);
    let title = display_title(doc, lang);
    let title_en = en.and_then(|en| en.title(doc));
    let issuer = match (doc.issuer.as_deref(), en.and_then(|en| issuer_en(doc, en))) {
        (Some(original), Some(english)) => format!("{english} ({original})"),
        (Some(original), None) => original.to_string(),
        (None, _) => if zh { "发文机关不详" } else { "issuer unknown" }.to_string(),
    };
    let date = doc.date.clone().unwrap_or_else(|| if zh { "日期不详" } else { "date unknown" }.to_string());
    let place = place_in(corpus, i, lang, en);
    let quote = quote.map(|q| match (zh, en.is_some() && !crate::search::has_han(q)) {
        (true, _) => format!("引文：“{q}”"),
        (false, false) => format!("Quoted: “{q}”"),
        (false, true) => format!("Quoted ({UNOFFICIAL}): “{q}”"),
    });
    let mut out = match (style, zh) {
        (Style::GbT7714, _) => {
            let number = doc.doc_number.as_ref().map(|n| format!(": {n}")).unwrap_or_default();
            let title = title_en.map_or(title.clone(), |t| format!("{title} = {t} [{UNOFFICIAL}]"));
            format!("{issuer}. {title}{number}[EB/OL]. ({date}). {place}. {link}.")
        }
        (Style::Plain, true) => {
            let number = doc.doc_number.as_ref().map(|n| format!("（{n}）")).unwrap_or_default();
            format!("{issuer}：《{title}》{number}，{date}，{place}。{link}")
        }
        (Style::Plain, false) => {
            let number = doc.doc_number.as_ref().map(|n| format!(" ({n})")).unwrap_or_default();
            // The translation, labelled, with the original title a reader can trace.
            let title = title_en.map_or(format!("“{title}”"), |t| format!("“{t}” [{UNOFFICIAL}; original: {title}]"));
            format!("{issuer}, {title}{number}, {date}, {place}. {link}")
        }
    };
    if let Some(q) = quote {
        out.push(' ');
        out.push_str(&q);
    }
    out
}

/// A whole document as a BibTeX entry (`@misc`, key = document id); unknown fields are
/// left out, never guessed. `link` is the document's address in the explorer.
pub fn bibtex(doc: &Document, lang: Lang, link: &str) -> String {
    bibtex_in(doc, lang, link, None)
}

/// [`bibtex`], in English with the English edition `en`: a translated title is the
/// `title`, labelled (`{Circular of … [unofficial translation]}`), and the Chinese title
/// is kept as biblatex's `origtitle`; the `author` (the issuer) reads in English with the
/// source's name in brackets.
pub fn bibtex_in(doc: &Document, lang: Lang, link: &str, en: Option<&Translation>) -> String {
    let esc = |s: &str| s.replace(['{', '}'], "");
    let title = format!("{{{}}}", esc(&display_title(doc, lang)));
    let mut fields = match english(lang, en).and_then(|en| en.title(doc)) {
        Some(t) => vec![("title", format!("{{{} [{UNOFFICIAL}]}}", esc(t))), ("origtitle", title)],
        None => vec![("title", title)],
    };
    if let Some(i) = &doc.issuer {
        // In English the issuer's English, the source's name in brackets (as citations).
        let author = match english(lang, en).and_then(|en| issuer_en(doc, en)) {
            Some(english) => format!("{english} ({i})"),
            None => i.clone(),
        };
        fields.push(("author", format!("{{{}}}", esc(&author))));
    }
    if let Some(d) = &doc.date {
        fields.push(("year", d.get(..4).unwrap_or(d).to_string()));
        fields.push(("date", d.clone()));
    }
    if let Some(n) = &doc.doc_number {
        fields.push(("number", esc(n)));
    }
    fields.push(("url", doc.source_url.clone().unwrap_or_else(|| link.to_string())));
    fields.push(("note", esc(&format!("{}; HTS Policy Explorer: {link}", province_label(&doc.province, Lang::En)))));
    let body: Vec<String> = fields.into_iter().map(|(k, v)| format!("  {k} = {{{v}}}")).collect();
    format!("@misc{{{},\n{}\n}}", doc.id, body.join(",\n"))
}

/// The sentences of provision `i` that meet the filters, when a domain or tool filter
/// is active (the emphasised ones); none otherwise.
pub fn matched_sentences<'a>(corpus: &'a Corpus, i: usize, state: &State) -> Vec<&'a str> {
    matched(corpus, i, state).iter().map(|s| s.text.as_str()).collect()
}

/// [`matched_sentences`], in English (`state.lang`) with the English edition `en`: their
/// translations when every one of them has one, otherwise the Chinese originals.
pub fn matched_sentences_in<'a>(corpus: &'a Corpus, i: usize, state: &State, en: Option<&'a Translation>) -> Vec<&'a str> {
    english(state.lang, en).and_then(|en| matched_en(corpus, i, state, en)).unwrap_or_else(|| matched_sentences(corpus, i, state))
}

/// The sentences of [`matched_sentences`].
fn matched<'a>(corpus: &'a Corpus, i: usize, state: &State) -> Vec<&'a Sentence> {
    if state.domains.is_empty() && state.tools.is_empty() {
        return Vec::new();
    }
    let p = corpus.provision(i);
    p.sentences.iter().zip(corpus.emphasised_sentences(i, state)).filter(|(_, e)| *e).map(|(s, _)| s).collect()
}

/// The translations of the matched sentences, `None` unless every one has one.
fn matched_en<'a>(corpus: &'a Corpus, i: usize, state: &State, en: &'a Translation) -> Option<Vec<&'a str>> {
    matched(corpus, i, state).iter().map(|s| en.get(&s.id)).collect()
}

/// Labels of domain or tool codes in the interface language.
fn labels(codes: &[String], lang: Lang) -> String {
    let t = crate::taxonomy::taxonomy();
    let label = |c: &String| {
        let pair = t.domain(c).map(|d| (&d.zh, &d.en)).or_else(|| t.tool(c).map(|x| (&x.zh, &x.en))).or_else(|| t.family(c).map(|f| (&f.zh, &f.en)));
        match pair {
            Some((zh, en)) => {
                if lang == Lang::Zh {
                    zh.clone()
                } else {
                    en.clone()
                }
            }
            None if c == crate::search::GENERAL => {
                if lang == Lang::Zh {
                    "综合".into()
                } else {
                    "General measures".into()
                }
            }
            None => c.clone(),
        }
    };
    codes.iter().map(label).collect::<Vec<_>>().join(if lang == Lang::Zh { "；" } else { "; " })
}

/// The results as a researcher's table: readable column labels in the interface
/// language, one row per provision with the document's display title, issuer, date and
/// number, the provision's path and paragraph, its link (`base` + `#id`), the matched
/// sentences and the citation (GB/T 7714). UTF-8 with a BOM, RFC 4180.
pub fn results_csv(corpus: &Corpus, indices: &[usize], state: &State, base: &str) -> String {
    results_csv_in(corpus, indices, state, base, None)
}

/// [`results_csv`], in English with the English edition `en`: the same columns (the
/// Chinese originals, the document title as the Chinese edition names it; the citation
/// is [`citation_in`]'s), then four more: `Document title (English, unofficial
/// translation)` (for a document without a title, what it is: `Jilin: … (title not in
/// the source)`), `Path (English)` (headings joined by ` > `, `Preamble`), `Text
/// (English, unofficial translation)`, `Matched sentences (English)` and `Issuer
/// (English, unofficial translation)`, each empty where the translation lacks a part of it.
pub fn results_csv_in(corpus: &Corpus, indices: &[usize], state: &State, base: &str, en: Option<&Translation>) -> String {
    let lang = state.lang;
    let en = english(lang, en);
    let head: &[&str] = if lang == Lang::Zh {
        &[
            "编号",
            "省份",
            "文件标题",
            "发文机关",
            "成文日期",
            "文号",
            "位置",
            "段",
            "链接",
            "条文",
            "符合条件的句子",
            "服务领域",
            "政策工具",
            "责任单位",
            "引用（GB/T 7714）",
        ]
    } else {
        &[
            "ID",
            "Province",
            "Document title",
            "Issuer",
            "Date",
            "Document number",
            "Path",
            "Paragraph",
            "Link",
            "Text",
            "Matched sentences",
            "Service domains",
            "Policy tools",
            "Responsible departments",
            "Citation (GB/T 7714)",
        ]
    };
    let added = [
        "Document title (English, unofficial translation)",
        "Path (English)",
        "Text (English, unofficial translation)",
        "Matched sentences (English)",
        "Issuer (English, unofficial translation)",
    ];
    let mut out = String::from("\u{FEFF}");
    csv_line(&mut out, head.iter().chain(en.map_or(&[][..], |_| &added[..])).map(|s| s.to_string()));
    for &i in indices {
        let p = corpus.provision(i);
        let Some(doc) = corpus.bundle.documents.iter().find(|d| d.id == p.doc) else { continue };
        let link = crate::url::cite_link(base, lang, &p.id);
        let path = path_label(p, lang, " > ");
        // With the English column beside it, the title column is the original's.
        let title_lang = if en.is_some() { Lang::Zh } else { lang };
        let mut row = vec![
            p.id.clone(),
            province_label(&p.province, lang),
            display_title(doc, title_lang),
            doc.issuer.clone().unwrap_or_default(),
            doc.date.clone().unwrap_or_default(),
            doc.doc_number.clone().unwrap_or_default(),
            path,
            corpus.paragraph(i).to_string(),
            link.clone(),
            p.text.clone(),
            matched_sentences(corpus, i, state).join(" "),
            labels(corpus.provision_domains(i), lang),
            labels(corpus.provision_tools(i), lang),
            p.departments.join(if lang == Lang::Zh { "、" } else { "; " }),
            citation_in(corpus, i, Style::GbT7714, lang, &link, None, en),
        ];
        if let Some(en) = en {
            row.push(title_en(doc, en).unwrap_or_default());
            row.push(corpus.path_en(i, en).map(|path| if path.is_empty() { "Preamble".to_string() } else { path.join(" > ") }).unwrap_or_default());
            row.push(en.provision_text(p).unwrap_or_default());
            row.push(matched_en(corpus, i, state, en).map(|m| m.join(" ")).unwrap_or_default());
            row.push(issuer_en(doc, en).unwrap_or_default().to_string());
        }
        csv_line(&mut out, row.into_iter());
    }
    out
}

/// The results as JSON, codes rather than labels: per provision the bundle's record
/// (as [`to_json`] writes it) with the document's metadata, paragraph, link, matched
/// sentence ids and both citations.
pub fn results_json(corpus: &Corpus, indices: &[usize], state: &State, base: &str) -> String {
    results_json_in(corpus, indices, state, base, None)
}

/// [`results_json`], in English with the English edition `en`: the citations are
/// [`citation_in`]'s, and each record ends with `document_title_en` (as in
/// [`results_csv_in`]), `path_en` (the headings, `[]` for the preamble), `text_en` and
/// `issuer_en`, each `null` where the translation lacks a part of it. The other fields stay the
/// Chinese originals.
pub fn results_json_in(corpus: &Corpus, indices: &[usize], state: &State, base: &str, en: Option<&Translation>) -> String {
    let en = english(state.lang, en);
    let mut out = String::new();
    json::write_list(&mut out, indices, |out, &i| {
        let p = corpus.provision(i);
        let doc = corpus.bundle.documents.iter().find(|d| d.id == p.doc);
        let link = crate::url::cite_link(base, state.lang, &p.id);
        let opt = |out: &mut String, name: &str, v: Option<&String>| {
            out.push_str(&format!(",\"{name}\":"));
            match v {
                Some(v) => json::write_str(out, v),
                None => out.push_str("null"),
            }
        };
        out.push_str("{\"provision\":");
        provision_json(out, p);
        out.push_str(",\"document_title\":");
        let title_lang = if en.is_some() { Lang::Zh } else { state.lang };
        json::write_str(out, &doc.map(|d| display_title(d, title_lang)).unwrap_or_default());
        opt(out, "issuer", doc.and_then(|d| d.issuer.as_ref()));
        opt(out, "date", doc.and_then(|d| d.date.as_ref()));
        opt(out, "doc_number", doc.and_then(|d| d.doc_number.as_ref()));
        opt(out, "source_url", doc.and_then(|d| d.source_url.as_ref()));
        out.push_str(&format!(",\"paragraph\":{},\"link\":", corpus.paragraph(i)));
        json::write_str(out, &link);
        let matched: Vec<String> = if state.domains.is_empty() && state.tools.is_empty() {
            Vec::new()
        } else {
            p.sentences.iter().zip(corpus.emphasised_sentences(i, state)).filter(|(_, e)| *e).map(|(s, _)| s.id.clone()).collect()
        };
        out.push_str(",\"matched_sentences\":");
        json::write_strs(out, &matched);
        out.push_str(",\"citation_gbt7714\":");
        json::write_str(out, &citation_in(corpus, i, Style::GbT7714, state.lang, &link, None, en));
        out.push_str(",\"citation\":");
        json::write_str(out, &citation_in(corpus, i, Style::Plain, state.lang, &link, None, en));
        if let Some(en) = en {
            opt(out, "document_title_en", doc.and_then(|d| title_en(d, en)).as_ref());
            out.push_str(",\"path_en\":");
            match corpus.path_en(i, en) {
                Some(path) => json::write_strs(out, &path),
                None => out.push_str("null"),
            }
            opt(out, "text_en", en.provision_text(p).as_ref());
            opt(out, "issuer_en", doc.and_then(|d| issuer_en(d, en)).map(str::to_string).as_ref());
        }
        out.push('}');
    });
    out
}

/// A table as CSV (BOM, header row, RFC 4180): for the compare matrices and targets.
pub fn table_csv(head: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{FEFF}");
    csv_line(&mut out, head.iter().cloned());
    for r in rows {
        csv_line(&mut out, r.iter().cloned());
    }
    out
}

/// A table as JSON: an array of objects keyed by `keys` (codes, not labels); an empty
/// field (what the table does not know) is `null`.
pub fn table_json(keys: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    json::write_list(&mut out, rows, |out, row| {
        out.push('{');
        for (n, (k, v)) in keys.iter().zip(row).enumerate() {
            if n > 0 {
                out.push(',');
            }
            json::write_str(out, k);
            out.push(':');
            if v.is_empty() {
                out.push_str("null");
            } else if is_plain_number(v) {
                out.push_str(v);
            } else {
                json::write_str(out, v);
            }
        }
        out.push('}');
    });
    out
}

/// `0`, `12`, `-3`, `12.5`: written as a JSON number; anything else is a string.
fn is_plain_number(v: &str) -> bool {
    let digits = v.strip_prefix('-').unwrap_or(v);
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    let all = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all(whole) && all(frac) && (whole == "0" || !whole.starts_with('0'))
}

fn csv_line(out: &mut String, fields: impl Iterator<Item = String>) {
    let line: Vec<String> = fields.map(|f| csv_field(&f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// How a document whose title the source does not give is named: by what it is, never
/// with an invented title.
pub fn untitled(province_label: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{province_label}关于加快发展高技术服务业的意见"),
        Lang::En => format!("{province_label}: opinion on accelerating the high-tech service industry"),
    }
}

struct Row<'a> {
    id: &'a str,
    province: &'a str,
    document: &'a str,
    document_title: Option<&'a str>,
    path: String,
    text: &'a str,
    domains: String,
    tools: String,
    departments: String,
}

fn rows<'a>(corpus: &'a Corpus, indices: &[usize]) -> Vec<Row<'a>> {
    indices
        .iter()
        .map(|&i| {
            let p = corpus.provision(i);
            let doc = corpus.bundle.documents.iter().find(|d| d.id == p.doc);
            Row {
                id: &p.id,
                province: &p.province,
                document: &p.doc,
                document_title: doc.and_then(|d| d.title.as_deref()),
                path: p.path.join(" > "),
                text: &p.text,
                domains: corpus.provision_domains(i).join(";"),
                tools: corpus.provision_tools(i).join(";"),
                departments: p.departments.join(";"),
            }
        })
        .collect()
}

/// RFC 4180 CSV with a header row and a UTF-8 BOM (so spreadsheet programs read Chinese).
pub fn to_csv(corpus: &Corpus, indices: &[usize]) -> String {
    let mut out = String::from("\u{FEFF}id,province,document,document_title,path,text,domains,tools,departments\r\n");
    for r in rows(corpus, indices) {
        let fields = [r.id, r.province, r.document, r.document_title.unwrap_or(""), &r.path, r.text, &r.domains, &r.tools, &r.departments];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_field(s: &str) -> String {
    // A leading = + - @ would be a formula in a spreadsheet, and so would a tab or a
    // carriage return before one (OWASP's list): quote it as text.
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky || s.contains([',', '"', '\n', '\r']) {
        let body = if risky { format!("'{s}") } else { s.to_string() };
        format!("\"{}\"", body.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The matching provisions as they are in the bundle, in a JSON array: the same bytes
/// as `serde_json` writes for them (tested), written by hand to keep `serde_json` out of
/// the browser download.
pub fn to_json(corpus: &Corpus, indices: &[usize]) -> String {
    let mut out = String::new();
    json::write_list(&mut out, indices, |out, &i| provision_json(out, corpus.provision(i)));
    out
}

fn provision_json(out: &mut String, p: &Provision) {
    let field = |out: &mut String, name: &str, value: &str| {
        out.push_str(&format!(",\"{name}\":"));
        json::write_str(out, value);
    };
    out.push_str("{\"id\":");
    json::write_str(out, &p.id);
    field(out, "doc", &p.doc);
    field(out, "province", &p.province);
    out.push_str(&format!(",\"position\":{},\"path\":", p.position));
    json::write_strs(out, &p.path);
    field(out, "text", &p.text);
    out.push_str(",\"departments\":");
    json::write_strs(out, &p.departments);
    out.push_str(",\"responsibility\":");
    match &p.responsibility {
        Some(r) => json::write_str(out, r),
        None => out.push_str("null"),
    }
    out.push_str(",\"sentences\":");
    json::write_list(out, &p.sentences, |out, s| {
        out.push_str("{\"id\":");
        json::write_str(out, &s.id);
        field(out, "text", &s.text);
        out.push_str(",\"domains\":");
        json::write_strs(out, &s.domains);
        out.push_str(",\"tools\":");
        json::write_strs(out, &s.tools);
        out.push_str(",\"reasons\":");
        json::write_list(out, &s.reasons, |out, r| {
            out.push_str("{\"code\":");
            json::write_str(out, &r.code);
            field(out, "kind", r.kind.as_str());
            field(out, "matched", &r.matched);
            out.push('}');
        });
        field(out, "coded_by", s.coded_by.as_str());
        if let Some(note) = &s.note {
            field(out, "note", note);
        }
        out.push('}');
    });
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_json_writes_numbers_as_numbers_and_nothing_as_null() {
        let rows = vec![vec!["hunan".to_string(), "12".into(), "12.5".into(), "007".into(), "".into()]];
        assert_eq!(table_json(&["p", "n", "s", "x", "e"], &rows), r#"[{"p":"hunan","n":12,"s":12.5,"x":"007","e":null}]"#);
        assert!(table_csv(&["a".into()], &[vec!["=1".into()]]).ends_with("\"'=1\"\r\n"));
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(csv_field("简单"), "简单");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=1+1"), "\"'=1+1\"");
    }

    #[test]
    fn csv_formula_guard_covers_tab_and_carriage_return() {
        // Regression: a field starting with a tab or a carriage return went out unguarded.
        assert_eq!(csv_field("\t=1+1"), "\"'\t=1+1\"");
        assert_eq!(csv_field("\r=1+1"), "\"'\r=1+1\"");
        for lead in ['=', '+', '-', '@', '\t', '\r'] {
            assert!(csv_field(&format!("{lead}x")).starts_with("\"'"), "{lead:?}");
        }
    }
}

/// A target's value as a reader would quote it, with its bound: `≥ 500` for 以上 and
/// 不低于, `> 500` for 超过, `≤` for 以下, `about 3,000` / `约 3000` for 左右, `10–15` for a range.
pub fn target_value(t: &Target, lang: Lang) -> String {
    let value = match t.value_max {
        Some(max) => format!("{}–{}", figure(t.value), figure(max)),
        None => figure(t.value),
    };
    let bound = match (t.qualifier.as_deref(), lang) {
        (Some("以上" | "不低于" | "不少于"), _) => "≥ ",
        (Some("超过" | "突破" | "逾"), _) => "> ",
        (Some("以下" | "以内" | "不超过"), _) => "≤ ",
        (Some("左右" | "约"), Lang::Zh) => "约 ",
        (Some("左右" | "约"), Lang::En) => "about ",
        _ => "",
    };
    format!("{bound}{value}")
}

/// `20`, `2.5`, `0.75`: a figure for display, without float formatting machinery (which
/// would weigh on the browser download).
pub fn figure(v: f64) -> String {
    let hundredths = (v * 100.0).round() as i64;
    // The sign apart: the whole part of −0.5 is 0, which has none.
    let sign = if hundredths < 0 { "-" } else { "" };
    let (whole, frac) = (hundredths.unsigned_abs() / 100, hundredths.unsigned_abs() % 100);
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

/// `n` as a percentage of `total` with one decimal (`12.5`, `0.0`), in integers: no float
/// formatting in the browser. A half rounds up, as JavaScript's `toFixed` does.
pub fn percent(n: usize, total: usize) -> String {
    let (n, total) = (n as u64, total.max(1) as u64);
    let tenths = (n * 2000 + total) / (2 * total);
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod target_value_tests {
    use super::*;
    use crate::model::TargetKind;

    fn target(value: f64, value_max: Option<f64>, qualifier: Option<&str>) -> Target {
        let (provision, indicator, text, unit) = (String::new(), String::new(), String::new(), "家".to_string());
        Target { provision, indicator, text, value, value_max, unit, year: None, kind: TargetKind::Count, qualifier: qualifier.map(str::to_string) }
    }

    #[test]
    fn a_target_value_keeps_its_bound() {
        assert_eq!(target_value(&target(500.0, None, Some("以上")), Lang::Zh), "≥ 500");
        assert_eq!(target_value(&target(3000.0, None, Some("左右")), Lang::En), "about 3000");
        assert_eq!(target_value(&target(3000.0, None, Some("左右")), Lang::Zh), "约 3000");
        assert_eq!(target_value(&target(100.0, None, Some("超过")), Lang::En), "> 100");
        assert_eq!(target_value(&target(10.0, Some(15.0), None), Lang::En), "10–15");
        assert_eq!(target_value(&target(20.0, None, Some("达到")), Lang::En), "20");
    }
}

#[cfg(test)]
mod figure_tests {
    #[test]
    fn formats_figures() {
        assert_eq!(super::figure(20.0), "20");
        assert_eq!(super::figure(2.5), "2.5");
        assert_eq!(super::figure(0.75), "0.75");
        assert_eq!(super::figure(1157.0), "1157");
    }

    #[test]
    fn formats_percentages_with_one_decimal() {
        assert_eq!(super::percent(1, 16), "6.3");
        assert_eq!(super::percent(0, 7), "0.0");
        assert_eq!(super::percent(7, 7), "100.0");
        assert_eq!(super::percent(1, 3), "33.3");
        assert_eq!(super::percent(2, 3), "66.7");
        assert_eq!(super::percent(0, 0), "0.0");
    }

    #[test]
    fn negative_half_keeps_its_sign() {
        // Regression: −0.5 was formatted "0.5" (the sign lived on the whole part, 0).
        assert_eq!(super::figure(-0.5), "-0.5");
        assert_eq!(super::figure(-0.05), "-0.05");
        assert_eq!(super::figure(-2.75), "-2.75");
        assert_eq!(super::figure(-3.0), "-3");
        assert_eq!(super::figure(-0.001), "0");
    }
}
