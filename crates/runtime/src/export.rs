//! What leaves the app as text: CSV and JSON exports of results, and citations.

use crate::json;
use crate::model::{Document, Provision, Target};
use crate::search::Corpus;
use crate::url::Lang;

/// A citation: 《title》 (document number), outline path, province, date; unknown parts
/// are said to be unknown.
pub fn citation(doc: &Document, p: &Provision, province_label: &str, lang: Lang) -> String {
    let path = if p.path.is_empty() {
        match lang {
            Lang::Zh => "序言".to_string(),
            Lang::En => "preamble".to_string(),
        }
    } else {
        p.path.join(" ")
    };
    let unknown = match lang {
        Lang::Zh => "日期不详",
        Lang::En => "date unknown",
    };
    let date = doc.date.clone().unwrap_or_else(|| unknown.to_string());
    let number = doc.doc_number.as_ref().map(|n| format!("（{n}）")).unwrap_or_default();
    let title = match (&doc.title, lang) {
        (Some(t), _) => format!("《{t}》{number}"),
        (None, Lang::Zh) => format!("{}（原文未载标题）{number}", untitled(province_label, lang)),
        (None, Lang::En) => format!("{} (title not in the source){number}", untitled(province_label, lang)),
    };
    match lang {
        Lang::Zh => format!("{title}，{path}，{province_label}，{date}。"),
        Lang::En => format!("{title}, {path}, {province_label}, {date}."),
    }
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
    fn negative_half_keeps_its_sign() {
        // Regression: −0.5 was formatted "0.5" (the sign lived on the whole part, 0).
        assert_eq!(super::figure(-0.5), "-0.5");
        assert_eq!(super::figure(-0.05), "-0.05");
        assert_eq!(super::figure(-2.75), "-2.75");
        assert_eq!(super::figure(-3.0), "-3");
        assert_eq!(super::figure(-0.001), "0");
    }
}
