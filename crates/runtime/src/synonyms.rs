//! English search words and their Chinese terms (`data/synonyms.json`, embedded in the
//! compact form `build.rs` writes). A file of its own, so the browser, which searches but
//! never tags, carries no tagging rules.
//!
//! [`lexicon`] is what a query is read with: the file's words and phrases, the taxonomy's
//! own English labels (`Intellectual property` → 知识产权服务, 知识产权) and the English
//! (and pinyin code) names of the 34 provinces (`Guangdong` → 广东), all in lower case.

use crate::taxonomy::taxonomy;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The file's words (lower case) and the Chinese terms of each, in file order: read from
/// the compact copy `build.rs` writes (`word term…` a line, tab-separated).
pub fn synonyms() -> impl Iterator<Item = (&'static str, Vec<String>)> {
    include_str!(concat!(env!("OUT_DIR"), "/synonyms.tsv")).lines().filter_map(|line| {
        let mut fields = line.split('\t');
        Some((fields.next()?, fields.map(str::to_string).collect()))
    })
}

/// Words and phrases (lower case, words separated by one space) and the Chinese terms
/// each searches for, and the most words a phrase has.
pub struct Lexicon {
    pub terms: HashMap<String, Vec<String>>,
    pub longest: usize,
}

pub fn lexicon() -> &'static Lexicon {
    static CELL: OnceLock<Lexicon> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut terms: HashMap<String, Vec<String>> = HashMap::new();
        let mut add = |english: &str, chinese: &[String]| {
            let key = english.to_ascii_lowercase().split_whitespace().map(key_word).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
            let list = terms.entry(key).or_default();
            // A term that contains one already listed would find nothing more.
            for zh in chinese {
                if !zh.is_empty() && !list.iter().any(|known| crate::fold::contains(zh, known)) {
                    list.push(zh.clone());
                }
            }
        };
        for (word, chinese) in synonyms() {
            add(word, &chinese);
        }
        let t = taxonomy();
        for p in &t.provinces {
            // `Tibet (Xizang)`: `tibet`, `xizang` and the whole name.
            add(&p.en, &p.short);
            add(&p.code, &p.short);
            if let Some((main, rest)) = p.en.split_once('(') {
                add(main.trim_end(), &p.short);
                add(rest.trim_end_matches(')'), &p.short);
            }
        }
        let labels = t.domains.iter().map(|d| (&d.en, &d.zh)).chain(t.tools.iter().map(|x| (&x.en, &x.zh)));
        for (en, zh) in labels {
            // The label, and its core: without a bracketed list or a closing 服务
            // (`要素成本（用地、价格、收费）` → 要素成本, `知识产权服务` → 知识产权).
            let core = zh.split('（').next().unwrap_or(zh);
            let core = core.strip_suffix("服务").filter(|c| c.chars().count() >= 2).unwrap_or(core);
            add(en, &[core.to_string(), zh.clone()]);
        }
        let longest = terms.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
        Lexicon { terms, longest }
    })
}

/// A word as the lexicon keys it: without the punctuation that sentences put around words
/// (`land,` → `land`, `(xizang)` → `xizang`); `r&d`, `e-commerce` and `xi'an` are kept.
pub fn key_word(w: &str) -> &str {
    w.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '"' | '“' | '”' | '，' | '、'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_file_parses_and_maps_patent() {
        assert_eq!(synonyms().find(|(word, _)| *word == "patent").map(|(_, terms)| terms), Some(vec!["专利".to_string()]));
    }

    #[test]
    fn the_lexicon_knows_provinces_and_taxonomy_labels() {
        let l = lexicon();
        let get = |k: &str| l.terms.get(k).cloned().unwrap_or_default();
        assert_eq!(get("guangdong"), vec!["广东"]);
        assert_eq!(get("inner mongolia"), vec!["内蒙古"]);
        assert_eq!(get("xizang"), vec!["西藏"]);
        assert_eq!(get("neimenggu"), vec!["内蒙古"]);
        assert_eq!(get("shenzhen"), vec!["深圳"]);
        assert!(get("intellectual property").contains(&"知识产权".to_string()));
        assert!(get("testing and certification").contains(&"检验检测".to_string()));
        assert!(get("land prices and fees").contains(&"要素成本".to_string()));
        for p in &taxonomy().provinces {
            let key: Vec<String> = p.en.to_ascii_lowercase().split_whitespace().map(|w| key_word(w).to_string()).collect();
            assert_eq!(get(&key.join(" ")), p.short, "{}", p.en);
        }
        assert!(l.longest >= 3);
    }
}
