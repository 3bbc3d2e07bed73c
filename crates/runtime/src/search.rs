//! Search, facet filtering and live counts over a compiled [`Bundle`].
//!
//! The [`Corpus`] folds every provision's searchable text once (full/half width, Latin
//! case), so a keystroke costs one substring scan per provision and term. Folding maps
//! one char to one char, so match positions found in folded text highlight the original.

use crate::fold::fold;
use crate::model::{Bundle, Provision};
use crate::synonyms::synonyms;
use crate::taxonomy::taxonomy;
use crate::url::State;
use std::collections::HashMap;

/// A parsed full-text query: every term must match; a term matches when any of its
/// alternatives occurs (an English word adds its Chinese terms as alternatives).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    pub terms: Vec<Vec<String>>,
}

impl Query {
    pub fn parse(q: &str) -> Query {
        let synonyms = synonyms();
        let folded = fold(q);
        let terms = folded
            .split_whitespace()
            .map(|term| {
                let mut alternatives = vec![term.to_string()];
                if let Some(zh) = synonyms.get(term) {
                    alternatives.extend(zh.iter().map(|z| fold(z)));
                }
                alternatives
            })
            .collect();
        Query { terms }
    }
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
    /// Every term occurs in the folded text.
    pub fn matches(&self, folded: &str) -> bool {
        self.terms.iter().all(|alts| alts.iter().any(|a| folded.contains(a.as_str())))
    }
    /// Char ranges `[start, end)` of matches in `text`, merged and sorted.
    pub fn highlights(&self, text: &str) -> Vec<(usize, usize)> {
        let folded: Vec<char> = text.chars().map(crate::fold::fold_char).collect();
        let mut ranges = Vec::new();
        for alt in self.terms.iter().flatten() {
            let needle: Vec<char> = alt.chars().collect();
            if needle.is_empty() || needle.len() > folded.len() {
                continue;
            }
            for start in 0..=folded.len() - needle.len() {
                if folded[start..start + needle.len()] == needle[..] {
                    ranges.push((start, start + needle.len()));
                }
            }
        }
        merge(ranges)
    }
}

fn merge(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The bundle plus what searching needs, computed once.
pub struct Corpus {
    pub bundle: Bundle,
    folded: Vec<String>,
    /// Provision id → index, for links, targets and anchors.
    by_id: HashMap<String, usize>,
    domains: Vec<Vec<String>>,
    tools: Vec<Vec<String>>,
    /// The corpus's provinces, each once, in document order.
    provinces: Vec<String>,
}

/// Which facet a count is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Province,
    Domain,
    Tool,
}

/// Live counts per facet option under the other active filters.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Counts {
    pub provinces: HashMap<String, usize>,
    pub domains: HashMap<String, usize>,
    /// Tool and family codes.
    pub tools: HashMap<String, usize>,
}

impl Corpus {
    pub fn new(bundle: Bundle) -> Corpus {
        let folded = bundle.provisions.iter().map(searchable).collect();
        let by_id = bundle.provisions.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
        let domains = bundle.provisions.iter().map(|p| p.domains().iter().map(|s| s.to_string()).collect()).collect();
        let tools = bundle.provisions.iter().map(|p| p.tools().iter().map(|s| s.to_string()).collect()).collect();
        let mut provinces: Vec<String> = Vec::new();
        for d in &bundle.documents {
            if !provinces.contains(&d.province) {
                provinces.push(d.province.clone());
            }
        }
        Corpus { bundle, folded, by_id, domains, tools, provinces }
    }

    /// The provinces the corpus has documents from, each once, in document order.
    pub fn provinces(&self) -> &[String] {
        &self.provinces
    }

    /// The corpus from the embedded (packed) bundle, see [`crate::packed`].
    pub fn from_json(json: &str) -> Result<Corpus, String> {
        Ok(Corpus::new(crate::packed::unpack(json)?))
    }

    pub fn provision(&self, index: usize) -> &Provision {
        &self.bundle.provisions[index]
    }

    /// The index of the provision with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Indices of the provisions matching the state, in document order.
    pub fn search(&self, state: &State) -> Vec<usize> {
        let query = Query::parse(&state.q);
        (0..self.bundle.provisions.len()).filter(|&i| self.matches(i, state, &query, None)).collect()
    }

    /// Does provision `i` match every active filter but `skip`?
    fn matches(&self, i: usize, state: &State, query: &Query, skip: Option<Facet>) -> bool {
        let p = &self.bundle.provisions[i];
        (skip == Some(Facet::Province) || state.provinces.is_empty() || state.provinces.contains(&p.province))
            && (skip == Some(Facet::Domain) || state.domains.is_empty() || self.domains[i].iter().any(|d| state.domains.contains(d)))
            && (skip == Some(Facet::Tool) || state.tools.is_empty() || self.has_tool(i, &state.tools))
            && (query.is_empty() || query.matches(&self.folded[i]))
    }

    fn has_tool(&self, i: usize, wanted: &[String]) -> bool {
        let t = taxonomy();
        self.tools[i].iter().any(|code| wanted.iter().any(|w| t.tool_matches(w, code)))
    }

    pub fn provision_domains(&self, i: usize) -> &[String] {
        &self.domains[i]
    }
    pub fn provision_tools(&self, i: usize) -> &[String] {
        &self.tools[i]
    }

    /// For each facet, how many provisions each option would give with the other
    /// facets' filters (and the query) as they are.
    pub fn counts(&self, state: &State) -> Counts {
        let t = taxonomy();
        let query = Query::parse(&state.q);
        let mut counts = Counts::default();
        for p in &t.provinces {
            counts.provinces.insert(p.code.clone(), 0);
        }
        for d in &t.domains {
            counts.domains.insert(d.code.clone(), 0);
        }
        for code in t.tools.iter().map(|x| &x.code).chain(t.families.iter().map(|f| &f.code)) {
            counts.tools.insert(code.clone(), 0);
        }
        for i in 0..self.bundle.provisions.len() {
            if self.matches(i, state, &query, Some(Facet::Province)) {
                *counts.provinces.entry(self.bundle.provisions[i].province.clone()).or_default() += 1;
            }
            if self.matches(i, state, &query, Some(Facet::Domain)) {
                for d in &self.domains[i] {
                    *counts.domains.entry(d.clone()).or_default() += 1;
                }
            }
            if self.matches(i, state, &query, Some(Facet::Tool)) {
                let mut families: Vec<&str> = Vec::new();
                for code in &self.tools[i] {
                    *counts.tools.entry(code.clone()).or_default() += 1;
                    if let Some(tool) = t.tool(code) {
                        if !families.contains(&tool.family.as_str()) {
                            families.push(&tool.family);
                        }
                    }
                }
                for f in families {
                    *counts.tools.entry(f.to_string()).or_default() += 1;
                }
            }
        }
        counts
    }

    /// Which sentences of provision `i` carry the active domain/tool filters (all of
    /// them when none is active): these are emphasised, the rest dimmed.
    pub fn emphasised_sentences(&self, i: usize, state: &State) -> Vec<bool> {
        let t = taxonomy();
        let p = &self.bundle.provisions[i];
        if state.domains.is_empty() && state.tools.is_empty() {
            return vec![true; p.sentences.len()];
        }
        let fits = |s: &crate::model::Sentence, need_all: bool| {
            let d = state.domains.is_empty() || s.domains.iter().any(|d| state.domains.contains(d));
            let tl = state.tools.is_empty() || s.tools.iter().any(|c| state.tools.iter().any(|w| t.tool_matches(w, c)));
            let d_any = !state.domains.is_empty() && s.domains.iter().any(|d| state.domains.contains(d));
            let t_any = !state.tools.is_empty() && s.tools.iter().any(|c| state.tools.iter().any(|w| t.tool_matches(w, c)));
            if need_all {
                d && tl
            } else {
                d_any || t_any
            }
        };
        let strict: Vec<bool> = p.sentences.iter().map(|s| fits(s, true)).collect();
        if strict.iter().any(|&b| b) {
            strict
        } else {
            p.sentences.iter().map(|s| fits(s, false)).collect()
        }
    }

    /// Provision counts per (province, code) for the compare matrix, under the state's
    /// filters but without its province filter. Tool matrices also count families.
    pub fn matrix(&self, state: &State, facet: Facet) -> HashMap<(String, String), usize> {
        let t = taxonomy();
        let query = Query::parse(&state.q);
        let mut out = HashMap::new();
        for i in 0..self.bundle.provisions.len() {
            if !self.matches(i, state, &query, Some(Facet::Province)) {
                continue;
            }
            let province = &self.bundle.provisions[i].province;
            let mut codes: Vec<String> = match facet {
                Facet::Domain => self.domains[i].clone(),
                Facet::Tool => self.tools[i].clone(),
                Facet::Province => vec![],
            };
            if facet == Facet::Tool {
                for f in &t.families {
                    if self.tools[i].iter().any(|c| t.tool_matches(&f.code, c)) {
                        codes.push(f.code.clone());
                    }
                }
            }
            for c in codes {
                *out.entry((province.clone(), c)).or_insert(0) += 1;
            }
        }
        out
    }
}

/// What a search looks in: outline path, text and the responsibility clause.
fn searchable(p: &Provision) -> String {
    let mut s = p.path.join(" ");
    s.push('\n');
    s.push_str(&p.text);
    if let Some(r) = &p.responsibility {
        s.push_str(r);
    }
    fold(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_fold_width_and_case_and_map_english() {
        let q = Query::parse("２０％ MBPS patent");
        assert_eq!(q.terms[0], vec!["20%"]);
        assert_eq!(q.terms[1], vec!["mbps"]);
        assert_eq!(q.terms[2], vec!["patent", "专利"]);
        assert!(Query::parse("20%").matches(&fold("年均增长20％以上")));
        assert!(Query::parse("mbps").matches(&fold("达到20Ｍｂｐｓ")));
        assert!(!Query::parse("质押 孵化").matches("知识产权质押"));
    }

    #[test]
    fn highlights_are_char_ranges_in_the_original() {
        let q = Query::parse("20% 质押");
        assert_eq!(q.highlights("增长２０％，质押质押"), vec![(2, 5), (6, 10)]);
    }
}
