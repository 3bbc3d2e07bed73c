//! The words of the interface that the renderers and the app share: `tr(lang, "省份",
//! "Province")` picks one of a pair written together at the call site, so a missing
//! translation cannot hide; taxonomy labels come from `taxonomy.json`.

use crate::model::{Document, Provision};
use crate::search::{Corpus, Facet, GENERAL};
use crate::taxonomy::taxonomy;
use crate::translation::Translation;
use crate::url::Lang;

/// Said after a Chinese text shown where its English is missing.
pub const NOT_TRANSLATED: &str = " (not translated)";

/// The string of `lang`.
pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
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
    if code == GENERAL {
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

/// A catalog note written in both languages, Chinese then English
/// (`来源文本无标题……。The source text has no title…`), cut where the Chinese ends:
/// `(Some(chinese), Some(english))`. A note in one language is `(Some, None)` when it has
/// Han characters and `(None, Some)` when it has none.
pub fn split_note(note: &str) -> (Option<&str>, Option<&str>) {
    let wide = |c: char| crate::search::is_han(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '“' | '”');
    let Some((at, c)) = note.char_indices().rev().find(|&(_, c)| wide(c)) else { return (None, Some(note)) };
    // Checked: a panicking `split_at` pulls 4.2 kB (raw) of panic formatting into the wasm.
    let Some((zh, en)) = note.split_at_checked(at + c.len_utf8()) else { return (Some(note), None) };
    match en.trim() {
        en if en.chars().any(|c| c.is_ascii_alphabetic()) => (Some(zh.trim()), Some(en)),
        _ => (Some(note), None),
    }
}

/// A heading with its count in brackets: full-width in Chinese (`湖南省（26）`), Latin in
/// English (`Hunan (26)`).
pub fn with_count(lang: Lang, label: &str, n: usize) -> String {
    match lang {
        Lang::Zh => format!("{label}（{n}）"),
        Lang::En => format!("{label} ({n})"),
    }
}

pub fn count_provisions(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("共 {n} 条条文"),
        Lang::En => format!("{n} provision{}", if n == 1 { "" } else { "s" }),
    }
}

/// A document's display title: its English title when there is a translation, else its
/// title (with "(not translated)" in English); an untitled document is named by what it
/// is, marked as untitled (never an invented title).
pub fn document_title(lang: Lang, doc: &Document, en: Option<&Translation>) -> String {
    match (en, &doc.title) {
        (Some(en), Some(title)) => en.get(&doc.id).map(str::to_string).unwrap_or_else(|| format!("{title}{NOT_TRANSLATED}")),
        (_, Some(title)) => title.clone(),
        (_, None) => {
            let name = crate::export::untitled(&province(lang, &doc.province), lang);
            format!("{name}{}", tr(lang, "（原文未载标题）", " (title not in the source)"))
        }
    }
}

/// The language [`document_title`] is in: English for a translated title, and for an
/// untitled document's description in English; Chinese otherwise.
pub fn document_title_lang(lang: Lang, doc: &Document, en: Option<&Translation>) -> &'static str {
    match (en, &doc.title) {
        (Some(en), Some(_)) if en.get(&doc.id).is_some() => "en",
        (_, None) if lang == Lang::En => "en",
        _ => "zh-CN",
    }
}

/// A provision's outline path, ` › ` between headings, in English when there is a
/// translation of every heading on it (else in Chinese); the preamble by name.
pub fn path(corpus: &Corpus, lang: Lang, p: &Provision, en: Option<&Translation>) -> String {
    if p.path.is_empty() {
        return tr(lang, "序言", "Preamble").to_string();
    }
    match (en, corpus.index_of(&p.id)) {
        (Some(en), Some(i)) => corpus.path_en(i, en).map_or_else(|| p.path.join(" › "), |path| path.join(" › ")),
        _ => p.path.join(" › "),
    }
}

/// The language [`path`] is shown in: the preamble's name in the page's, a path in
/// English when every heading on it is translated.
pub fn path_lang(corpus: &Corpus, lang: Lang, p: &Provision, en: Option<&Translation>) -> &'static str {
    match (en, corpus.index_of(&p.id)) {
        _ if p.path.is_empty() => tr(lang, "zh-CN", "en"),
        (Some(en), Some(i)) if corpus.path_en(i, en).is_some() => "en",
        _ => "zh-CN",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bilingual_note_is_cut_where_the_chinese_ends() {
        assert_eq!(
            split_note("来源文本无标题；正文“现提出如下实施意见”。The source text has no title (unknown)."),
            (Some("来源文本无标题；正文“现提出如下实施意见”。"), Some("The source text has no title (unknown)."))
        );
        assert_eq!(split_note("原文未载标题（未知）。"), (Some("原文未载标题（未知）。"), None));
        assert_eq!(split_note("No title in the source."), (None, Some("No title in the source.")));
        // Latin digits alone are no English.
        assert_eq!(split_note("见第2条 2013"), (Some("见第2条 2013"), None));
    }
}
