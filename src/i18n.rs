//! Interface language: the one translation mechanism. Every string is written in both
//! languages at its call site, so a missing translation cannot hide: `tr(lang, "省份",
//! "Province")` in the language given, and [`tx`], the same pair as a reactive view in
//! the language of the moment. Taxonomy labels come from `taxonomy.json`.

use crate::state::use_ctx;
use hts_runtime::search::Facet;
use hts_runtime::taxonomy::taxonomy;
use hts_runtime::url::Lang;
use leptos::prelude::*;

/// The string of `lang`.
pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// [`tr`] in the current language, reactive: a view that follows language switches.
/// Every call site shares this one closure type, which keeps the wasm small (each
/// distinct closure is compiled separately).
pub fn tx(zh: &'static str, en: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_ctx().lang;
    move || tr(lang.get(), zh, en)
}

fn pick(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

pub fn province(lang: Lang, code: &str) -> String {
    taxonomy().province(code).map(|p| pick(lang, &p.zh, &p.en)).unwrap_or_else(|| code.to_string())
}

pub fn domain(lang: Lang, code: &str) -> String {
    if code == hts_runtime::search::GENERAL {
        return tr(lang, "综合", "General measures").to_string();
    }
    taxonomy().domain(code).map(|d| pick(lang, &d.zh, &d.en)).unwrap_or_else(|| code.to_string())
}

/// A tool or a family.
pub fn tool(lang: Lang, code: &str) -> String {
    let t = taxonomy();
    if let Some(tool) = t.tool(code) {
        return pick(lang, &tool.zh, &tool.en);
    }
    t.family(code).map(|f| pick(lang, &f.zh, &f.en)).unwrap_or_else(|| code.to_string())
}

/// The label of an option of `facet`.
pub fn facet_option(lang: Lang, facet: Facet, code: &str) -> String {
    match facet {
        Facet::Province => province(lang, code),
        Facet::Domain => domain(lang, code),
        Facet::Tool => tool(lang, code),
    }
}

/// "unknown" for metadata the sources do not give.
pub fn or_unknown(lang: Lang, value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| tr(lang, "未知", "unknown").to_string())
}

/// A document's display title: its title, or what it is, marked as untitled.
pub fn document_title(lang: Lang, doc: &hts_runtime::model::Document) -> String {
    match &doc.title {
        Some(t) => t.clone(),
        None => {
            let name = hts_runtime::export::untitled(&province(lang, &doc.province), lang);
            format!("{name}{}", tr(lang, "（原文未载标题）", " (title not in the source)"))
        }
    }
}

pub fn count_provisions(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("共 {n} 条条文"),
        Lang::En => format!("{n} provision{}", if n == 1 { "" } else { "s" }),
    }
}
