//! Sentence tagging with service domains and policy tools.
//!
//! The vocabulary is data (`data/rules.json`): each domain has heading phrases and
//! keywords, each tool keywords, and each rule exclusion phrases. An occurrence inside an
//! excluded phrase does not count, which keeps passing words from becoming measures
//! (`以市场需求为导向` is not demand cultivation). Every tag keeps the phrase that caused it.

use crate::text::simplify;
use hts_runtime::model::{ReasonKind, TagReason};
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
pub struct Rules {
    pub domains: Vec<DomainRule>,
    pub tools: Vec<ToolRule>,
}

#[derive(Debug, Deserialize)]
pub struct DomainRule {
    pub code: String,
    pub headings: Vec<String>,
    pub keywords: Vec<String>,
    pub exclude: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct ToolRule {
    pub code: String,
    pub keywords: Vec<String>,
    pub exclude: Vec<String>,
}

pub fn rules() -> &'static Rules {
    static CELL: OnceLock<Rules> = OnceLock::new();
    CELL.get_or_init(|| serde_json::from_str(include_str!("../data/rules.json")).expect("data/rules.json is valid (checked by a unit test)"))
}

/// Tags of one sentence.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tags {
    pub domains: Vec<String>,
    pub tools: Vec<String>,
    pub reasons: Vec<TagReason>,
}

impl Tags {
    pub fn add(&mut self, is_domain: bool, code: &str, kind: ReasonKind, matched: &str) {
        let list = if is_domain { &mut self.domains } else { &mut self.tools };
        if list.iter().any(|c| c == code) {
            return;
        }
        list.push(code.to_string());
        self.reasons.push(TagReason { code: code.to_string(), kind, matched: matched.to_string() });
    }
}

/// Tags a sentence from its outline path (when the document's headings can be trusted)
/// and its own words. Rules match the simplified fold of both ([`simplify`]), so a
/// document in traditional characters gets the same tags; a heading reason keeps the
/// heading as written.
pub fn tag_sentence(sentence: &str, path: &[String], headings_trusted: bool) -> Tags {
    let rules = rules();
    let mut tags = Tags::default();
    let sentence = simplify(sentence);
    let sentence = sentence.as_ref();
    let folded_path: Vec<_> = path.iter().map(|h| simplify(h)).collect();
    for rule in &rules.domains {
        let from_heading = headings_trusted
            .then(|| path.iter().zip(&folded_path).find(|(_, folded)| first_match(folded, &rule.headings, &rule.exclude).is_some()).map(|(h, _)| h))
            .flatten();
        if let Some(heading) = from_heading {
            tags.add(true, &rule.code, ReasonKind::Heading, heading);
        } else if let Some(k) = first_match(sentence, &rule.keywords, &rule.exclude) {
            tags.add(true, &rule.code, ReasonKind::Keyword, k);
        }
    }
    for rule in &rules.tools {
        if let Some(k) = first_match(sentence, &rule.keywords, &rule.exclude) {
            tags.add(false, &rule.code, ReasonKind::Keyword, k);
        }
    }
    tags
}

/// The first keyword with an occurrence in `text` that no exclusion phrase covers.
pub fn first_match<'a>(text: &str, keywords: &'a [String], exclude: &[String]) -> Option<&'a str> {
    let excluded: Vec<(usize, usize)> = exclude.iter().flat_map(|x| text.match_indices(x.as_str()).map(|(i, m)| (i, i + m.len()))).collect();
    keywords.iter().map(String::as_str).find(|k| text.match_indices(k).any(|(i, m)| !excluded.iter().any(|&(s, e)| s <= i && i + m.len() <= e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> Tags {
        tag_sentence(s, &[], true)
    }

    #[test]
    fn rules_file_names_only_taxonomy_codes() {
        let t = hts_runtime::taxonomy::taxonomy();
        for r in &rules().domains {
            assert!(t.domain(&r.code).is_some(), "{}", r.code);
        }
        for r in &rules().tools {
            assert!(t.tool(&r.code).is_some(), "{}", r.code);
        }
        assert_eq!(rules().domains.len(), 10);
        assert_eq!(rules().tools.len(), 16);
    }

    #[test]
    fn a_listed_domain_counts() {
        let t = tag("在信息技术服务、检验检测服务、知识产权服务等领域开展政府购买服务。");
        for d in ["it", "testing", "ip"] {
            assert!(t.domains.contains(&d.to_string()), "{d} in {:?}", t.domains);
        }
        assert!(t.tools.contains(&"procurement".to_string()));
    }

    #[test]
    fn a_passing_word_is_not_a_measure() {
        let t = tag("以市场需求为导向，以创新为动力。");
        assert!(!t.tools.contains(&"demonstration".to_string()), "{:?}", t.tools);
        assert!(!t.tools.contains(&"procurement".to_string()));
        let t = tag("实施“智慧吉林”顶层设计统领下的“宽带吉林工程”。");
        assert!(!t.domains.contains(&"design".to_string()));
    }

    #[test]
    fn headings_give_domains_only_when_trusted() {
        let path = vec!["二、重点任务".to_string(), "（二）知识产权服务".to_string()];
        let s = "构建服务体系。";
        let trusted = tag_sentence(s, &path, true);
        assert_eq!(trusted.domains, vec!["ip"]);
        assert_eq!(trusted.reasons[0].kind, ReasonKind::Heading);
        assert_eq!(trusted.reasons[0].matched, "（二）知识产权服务");
        assert!(tag_sentence(s, &path, false).domains.is_empty());
    }

    #[test]
    fn traditional_characters_get_the_same_tags() {
        let simplified = tag("在检验检测服务、知识产权服务等领域开展政府购买服务，减按15%的税率征收企业所得税。");
        let traditional = tag("在檢驗檢測服務、知識產權服務等領域開展政府購買服務，減按15%的稅率徵收企業所得稅。");
        assert_eq!(traditional.domains, simplified.domains);
        assert_eq!(traditional.tools, simplified.tools);
        let path = vec!["二、重點任務".to_string(), "（二）知識產權服務".to_string()];
        let t = tag_sentence("構建服務體系。", &path, true);
        assert_eq!(t.domains, vec!["ip"]);
        assert_eq!(t.reasons[0].matched, "（二）知識產權服務", "the heading as written");
    }

    #[test]
    fn every_tag_records_why() {
        let t = tag("对符合条件的高技术服务企业，减按15%的税率征收企业所得税。");
        assert_eq!(t.tools, vec!["tax"]);
        assert_eq!(t.reasons[0].matched, "所得税");
    }
}
