//! Search, facet filtering and live counts over a compiled [`Bundle`].
//!
//! The [`Corpus`] folds every provision's searchable text once (full/half width, Latin
//! case, traditional characters to simplified), so a keystroke costs one substring scan per provision and term. Folding maps
//! one char to one char, so match positions found in folded text highlight the original.

use crate::fold::fold;
use crate::model::{Bundle, Provision, Sentence};
use crate::synonyms::{key_word, lexicon};
use crate::taxonomy::taxonomy;
use crate::url::State;
use std::collections::HashMap;

/// A parsed full-text query: every term must match; a term matches when any of its
/// alternatives occurs. An English word or phrase known to the [`lexicon`] (`patent`,
/// `intellectual property`, `Guangdong`) adds its Chinese terms as alternatives; a phrase
/// in quotes, or words that together spell a known phrase, are one term. Traditional and
/// simplified characters fold alike ([`fold`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    pub terms: Vec<Vec<String>>,
    readings: Vec<(String, Vec<String>)>,
    unmapped: Vec<String>,
}

impl Query {
    pub fn parse(q: &str) -> Query {
        let lexicon = lexicon();
        let mut query = Query::default();
        for (words, quoted) in tokens(q) {
            let mut i = 0;
            while i < words.len() {
                // The longest run of words (all of a quoted phrase) the lexicon knows.
                let longest = if quoted { words.len() - i } else { lexicon.longest.min(words.len() - i) };
                let known = (1..=longest).rev().find_map(|n| {
                    let key: Vec<&str> = words[i..i + n].iter().map(|w| key_word(w)).collect();
                    lookup(&lexicon.terms, &key.join(" ")).map(|zh| (n, zh))
                });
                let n = match known {
                    Some((n, zh)) => {
                        let typed = words[i..i + n].join(" ");
                        let mut alternatives = vec![fold(&typed)];
                        alternatives.extend(zh.iter().map(|z| fold(z)));
                        query.terms.push(alternatives);
                        query.readings.push((typed, zh.clone()));
                        n
                    }
                    None => {
                        let n = if quoted { words.len() - i } else { 1 };
                        let typed = words[i..i + n].join(" ");
                        let folded = fold(&typed);
                        if is_latin_word(&typed) {
                            query.unmapped.push(typed);
                        } else if folded.chars().zip(typed.chars()).any(|(f, t)| f != crate::fold::fold_char(t)) {
                            // Another script: say it was searched in both.
                            query.readings.push((typed, vec![folded.clone()]));
                        }
                        query.terms.push(vec![folded]);
                        n
                    }
                };
                i += n;
            }
        }
        query
    }
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
    /// How the query was read: each word or phrase that was mapped (or folded from
    /// traditional characters), as typed, with the Chinese terms it searched for.
    pub fn readings(&self) -> &[(String, Vec<String>)] {
        &self.readings
    }
    /// Latin-letter words (English or pinyin) with no Chinese term: searched as written.
    pub fn unmapped(&self) -> &[String] {
        &self.unmapped
    }
    /// Every term occurs in the folded text.
    pub fn matches(&self, folded: &str) -> bool {
        self.terms.iter().all(|alts| alts.iter().any(|a| folded.contains(a.as_str())))
    }
    /// Char ranges `[start, end)` of matches in `text`, merged and sorted.
    pub fn highlights(&self, text: &str) -> Vec<(usize, usize)> {
        let folded: Vec<char> = fold(text).chars().collect();
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

/// The query's words, width and case folded, in groups: each quoted phrase (`"…"`, `“…”`,
/// `「…」`) a group marked `true`, the words between quotes a group marked `false`.
fn tokens(q: &str) -> Vec<(Vec<String>, bool)> {
    let q: String = q.chars().map(crate::fold::fold_char).collect();
    let mut groups = Vec::new();
    let mut rest = q.as_str();
    let quote_open = |c: char| matches!(c, '"' | '“' | '「');
    while !rest.is_empty() {
        let (before, after) = rest.split_at(rest.find(quote_open).unwrap_or(rest.len()));
        groups.push((before.split_whitespace().map(str::to_string).collect::<Vec<_>>(), false));
        let Some(open) = after.chars().next() else { break };
        let inner = &after[open.len_utf8()..];
        let close = inner.find(['"', '”', '」']).unwrap_or(inner.len());
        groups.push((inner[..close].split_whitespace().map(str::to_string).collect(), true));
        rest = inner.get(close..).map_or("", |r| r.get(r.chars().next().map_or(0, char::len_utf8)..).unwrap_or(""));
    }
    groups.retain(|(words, _)| !words.is_empty());
    groups
}

/// A lexicon entry for `key`, or for its singular (`subsidies` → `subsidy`, `loans` →
/// `loan`).
fn lookup<'a>(terms: &'a HashMap<String, Vec<String>>, key: &str) -> Option<&'a Vec<String>> {
    terms.get(key).or_else(|| {
        let singular = key.strip_suffix("ies").map(|s| format!("{s}y")).or_else(|| key.strip_suffix('s').map(str::to_string))?;
        terms.get(&singular)
    })
}

/// Letters of the Latin alphabet (two at least), perhaps with `-`, `'`, `&` and spaces: an
/// English or pinyin word or phrase, not a number, unit or code (`20%`, `5G`).
fn is_latin_word(s: &str) -> bool {
    s.chars().filter(char::is_ascii_alphabetic).count() >= 2 && s.chars().all(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '\'' | '&' | ' '))
}

fn merge(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
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
    /// Each provision's paragraph number under its heading (from 1), for citations.
    paragraphs: Vec<usize>,
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
        // Counted per (document, path), so a section re-opened later goes on counting.
        // (One string key: the browser compiles one kind of map.)
        let mut seen: HashMap<String, usize> = HashMap::new();
        let paragraphs = bundle
            .provisions
            .iter()
            .map(|p| {
                let n = seen.entry(format!("{}\u{1f}{}", p.doc, p.path.join("\u{1f}"))).or_insert(0);
                *n += 1;
                *n
            })
            .collect();
        Corpus { bundle, folded, by_id, domains, tools, provinces, paragraphs }
    }

    /// The paragraph number of provision `i` under its heading, from 1: with the
    /// document and the outline path, it names the provision uniquely.
    pub fn paragraph(&self, i: usize) -> usize {
        self.paragraphs[i]
    }

    /// The provinces the corpus has documents from, each once, in document order.
    pub fn provinces(&self) -> &[String] {
        &self.provinces
    }

    /// The corpus from the embedded (packed) bundle, see [`crate::packed`].
    /// Registers the bundle's script pairs for folding ([`crate::fold`]) first.
    pub fn from_json(json: &str) -> Result<Corpus, String> {
        let (bundle, script_pairs) = crate::packed::unpack_with_fold(json)?;
        crate::fold::add_script_pairs(&script_pairs);
        Ok(Corpus::new(bundle))
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

    /// Does provision `i` match every active filter but `skip`? Province and query apply
    /// to the whole provision; domain and tool filters meet in a sentence.
    fn matches(&self, i: usize, state: &State, query: &Query, skip: Option<Facet>) -> bool {
        let p = &self.bundle.provisions[i];
        let domains: &[String] = if skip == Some(Facet::Domain) { &[] } else { &state.domains };
        let tools: &[String] = if skip == Some(Facet::Tool) { &[] } else { &state.tools };
        (skip == Some(Facet::Province) || state.provinces.is_empty() || state.provinces.contains(&p.province))
            && (domains.is_empty() && tools.is_empty() || p.sentences.iter().any(|s| domain_fits(s, domains) && tool_fits(s, tools)))
            && (query.is_empty() || query.matches(&self.folded[i]))
    }

    /// The codes of `facet` that provision `i` would match with, each once, under the
    /// other facet's filter and the query (not the province filter): the domains (or
    /// [`GENERAL`]) of its sentences that carry a selected tool, or the tools and their
    /// families of its sentences that carry a selected domain. Empty when the query
    /// does not match. For `Facet::Province`, the provision's province.
    fn met_codes(&self, i: usize, state: &State, query: &Query, facet: Facet) -> Vec<String> {
        let p = &self.bundle.provisions[i];
        if !query.is_empty() && !query.matches(&self.folded[i]) {
            return Vec::new();
        }
        let t = taxonomy();
        let mut out: Vec<String> = Vec::new();
        let mut add = |c: &str| {
            if !out.iter().any(|o| o == c) {
                out.push(c.to_string());
            }
        };
        match facet {
            Facet::Province => add(&p.province),
            Facet::Domain => {
                for s in p.sentences.iter().filter(|s| tool_fits(s, &state.tools)) {
                    if s.domains.is_empty() {
                        add(GENERAL);
                    }
                    s.domains.iter().for_each(|d| add(d));
                }
            }
            Facet::Tool => {
                for s in p.sentences.iter().filter(|s| domain_fits(s, &state.domains)) {
                    for code in &s.tools {
                        add(code);
                        if let Some(tool) = t.tool(code) {
                            add(&tool.family);
                        }
                    }
                }
            }
        }
        out
    }

    pub fn provision_domains(&self, i: usize) -> &[String] {
        &self.domains[i]
    }
    pub fn provision_tools(&self, i: usize) -> &[String] {
        &self.tools[i]
    }

    /// For each facet, how many provisions each option would give with the other
    /// facets' filters (and the query) as they are: the number the results would show
    /// if that option alone were selected in its facet. Domains include [`GENERAL`].
    pub fn counts(&self, state: &State) -> Counts {
        let t = taxonomy();
        let query = Query::parse(&state.q);
        let mut counts = Counts::default();
        for p in &t.provinces {
            counts.provinces.insert(p.code.clone(), 0);
        }
        for d in t.domains.iter().map(|d| d.code.as_str()).chain([GENERAL]) {
            counts.domains.insert(d.to_string(), 0);
        }
        for code in t.tools.iter().map(|x| &x.code).chain(t.families.iter().map(|f| &f.code)) {
            counts.tools.insert(code.clone(), 0);
        }
        for i in 0..self.bundle.provisions.len() {
            if self.matches(i, state, &query, Some(Facet::Province)) {
                *counts.provinces.entry(self.bundle.provisions[i].province.clone()).or_default() += 1;
            }
            let province = &self.bundle.provisions[i].province;
            if !state.provinces.is_empty() && !state.provinces.contains(province) {
                continue;
            }
            for d in self.met_codes(i, state, &query, Facet::Domain) {
                *counts.domains.entry(d).or_default() += 1;
            }
            for c in self.met_codes(i, state, &query, Facet::Tool) {
                *counts.tools.entry(c).or_default() += 1;
            }
        }
        counts
    }

    /// When a domain filter is active without [`GENERAL`]: how many more provisions the
    /// results would have with it (the general measures that also apply). `None` when
    /// there is nothing to offer.
    pub fn general_also(&self, state: &State) -> Option<usize> {
        if state.domains.is_empty() || state.domains.iter().any(|d| d == GENERAL) {
            return None;
        }
        let query = Query::parse(&state.q);
        let mut with = state.clone();
        with.domains.push(GENERAL.to_string());
        let n = (0..self.bundle.provisions.len()).filter(|&i| self.matches(i, &with, &query, None) && !self.matches(i, state, &query, None)).count();
        (n > 0).then_some(n)
    }

    /// Which sentences of provision `i` meet the active domain and tool filters (all of
    /// them when neither is active): these are emphasised, the rest dimmed.
    pub fn emphasised_sentences(&self, i: usize, state: &State) -> Vec<bool> {
        let p = &self.bundle.provisions[i];
        if state.domains.is_empty() && state.tools.is_empty() {
            return vec![true; p.sentences.len()];
        }
        p.sentences.iter().map(|s| domain_fits(s, &state.domains) && tool_fits(s, &state.tools)).collect()
    }

    /// Provision counts per (province, code) for a compare matrix of `facet` (domains,
    /// with [`GENERAL`], or tools and families): under every filter but the province
    /// filter and `facet`'s own, whose selection the code replaces. A cell's count is
    /// the number of results of [`State::open_cell`] for it.
    pub fn matrix(&self, state: &State, facet: Facet) -> Matrix {
        let query = Query::parse(&state.q);
        let mut out = Matrix::default();
        for i in 0..self.bundle.provisions.len() {
            let province = &self.bundle.provisions[i].province;
            for c in self.met_codes(i, state, &query, facet) {
                *out.0.entry(Matrix::key(province, &c)).or_insert(0) += 1;
            }
        }
        out
    }

    /// How many provisions each province has (all of them, no filter): the
    /// denominator of the compare view's shares.
    pub fn province_totals(&self) -> HashMap<String, usize> {
        let mut out = HashMap::new();
        for p in &self.bundle.provisions {
            *out.entry(p.province.clone()).or_insert(0) += 1;
        }
        out
    }
}

/// A compare matrix: provision counts per (province, code). Keyed by one string (the
/// browser then has one kind of map, keyed by strings, to compile).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Matrix(HashMap<String, usize>);

impl Matrix {
    fn key(province: &str, code: &str) -> String {
        format!("{province}\u{1f}{code}")
    }
    /// The count of a cell (0 for an empty one).
    pub fn get(&self, province: &str, code: &str) -> usize {
        self.0.get(&Matrix::key(province, code)).copied().unwrap_or(0)
    }
    /// The largest count.
    pub fn max(&self) -> usize {
        self.0.values().copied().max().unwrap_or(0)
    }
}

/// The `domain` value for sentences with no service domain (综合, general measures).
pub const GENERAL: &str = "general";

/// Does sentence `s` carry one of the `wanted` domains (no domain, for [`GENERAL`])?
/// True when nothing is wanted.
fn domain_fits(s: &Sentence, wanted: &[String]) -> bool {
    wanted.is_empty() || wanted.iter().any(|w| if w == GENERAL { s.domains.is_empty() } else { s.domains.contains(w) })
}

/// Does sentence `s` carry one of the `wanted` tools (or a tool of a wanted family)?
/// True when nothing is wanted.
fn tool_fits(s: &Sentence, wanted: &[String]) -> bool {
    let t = taxonomy();
    wanted.is_empty() || s.tools.iter().any(|c| wanted.iter().any(|w| t.tool_matches(w, c)))
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

    /// A sentence as (domains, tools).
    type Tags<'a> = (&'a [&'a str], &'a [&'a str]);

    /// A corpus of provisions given as (province, sentences).
    fn corpus(provisions: &[(&str, &[Tags])]) -> Corpus {
        let codes = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let provisions = provisions
            .iter()
            .enumerate()
            .map(|(n, (province, sentences))| Provision {
                id: format!("{province}-{n}"),
                doc: format!("{province}-doc"),
                province: province.to_string(),
                position: n,
                path: vec![],
                text: format!("条文{n}"),
                departments: vec![],
                responsibility: None,
                sentences: sentences
                    .iter()
                    .enumerate()
                    .map(|(k, (d, t))| crate::model::Sentence {
                        id: format!("{province}-{n}:{k}"),
                        text: format!("句{k}"),
                        domains: codes(d),
                        tools: codes(t),
                        reasons: vec![],
                        coded_by: Default::default(),
                        note: None,
                    })
                    .collect(),
            })
            .collect();
        Corpus::new(Bundle { schema_version: 1, documents: vec![], provisions, targets: vec![] })
    }

    fn state(provinces: &[&str], domains: &[&str], tools: &[&str]) -> State {
        let v = |c: &[&str]| c.iter().map(|s| s.to_string()).collect();
        State { provinces: v(provinces), domains: v(domains), tools: v(tools), ..State::default() }
    }

    fn sample() -> Corpus {
        corpus(&[
            // 0: testing and tax meet in no sentence.
            ("hunan", &[(&["testing"], &["platforms"]), (&[], &["tax"])]),
            // 1: testing and tax meet in sentence 1.
            ("hunan", &[(&["it"], &["tax"]), (&["testing", "ip"], &["tax", "talent"])]),
            // 2: a general measure (no domain) with finance.
            ("jilin", &[(&[], &["finance"])]),
            // 3: a testing sentence without tools, a general one with talent.
            ("jilin", &[(&["testing"], &[]), (&[], &["talent"])]),
        ])
    }

    #[test]
    fn domain_and_tool_filters_meet_in_a_sentence() {
        let c = sample();
        assert_eq!(c.search(&state(&[], &["testing"], &["tax"])), vec![1]);
        assert_eq!(c.search(&state(&[], &["testing"], &[])), vec![0, 1, 3]);
        assert_eq!(c.search(&state(&[], &[], &["environment"])), vec![0, 1, 2]);
        assert_eq!(c.emphasised_sentences(1, &state(&[], &["testing"], &["tax"])), vec![false, true]);
        assert_eq!(c.emphasised_sentences(0, &state(&[], &[], &[])), vec![true, true]);
        // Sentence 0 of provision 3 is testing without talent; sentence 1 talent without a domain.
        assert!(c.search(&state(&[], &["testing"], &["talent"])) == vec![1]);
    }

    #[test]
    fn general_selects_sentences_without_a_domain() {
        let c = sample();
        assert_eq!(c.search(&state(&[], &["general"], &[])), vec![0, 2, 3]);
        assert_eq!(c.search(&state(&[], &["general"], &["talent"])), vec![3]);
        assert_eq!(c.search(&state(&[], &["testing", "general"], &["tax", "finance"])), vec![0, 1, 2]);
        assert_eq!(c.emphasised_sentences(3, &state(&[], &["general"], &["talent"])), vec![false, true]);
        // The offer: general measures that also apply, exactly what adding `general` adds.
        let s = state(&[], &["testing"], &["tax", "finance"]);
        assert_eq!(c.general_also(&s), Some(2));
        assert_eq!(c.general_also(&state(&[], &["testing", "general"], &["tax"])), None);
        assert_eq!(c.general_also(&state(&[], &[], &["tax"])), None);
        assert_eq!(c.counts(&s).domains["general"], 2);
    }

    #[test]
    fn a_count_is_the_result_count_of_that_option_alone() {
        let c = sample();
        let t = taxonomy();
        for s in [state(&[], &[], &[]), state(&["hunan"], &["testing"], &["tax"]), state(&[], &["general"], &["supply"]), state(&["jilin"], &[], &["talent"])] {
            let counts = c.counts(&s);
            for d in t.domains.iter().map(|d| d.code.as_str()).chain([GENERAL]) {
                let alone = State { domains: vec![d.to_string()], ..s.clone() };
                assert_eq!(counts.domains[d], c.search(&alone).len(), "{s:?} {d}");
            }
            for code in t.tools.iter().map(|x| &x.code).chain(t.families.iter().map(|f| &f.code)) {
                let alone = State { tools: vec![code.clone()], ..s.clone() };
                assert_eq!(counts.tools[code], c.search(&alone).len(), "{s:?} {code}");
            }
        }
    }

    #[test]
    fn a_matrix_cell_counts_what_its_click_opens() {
        let c = sample();
        let t = taxonomy();
        for s in [state(&["hunan"], &["testing"], &["tax", "finance"]), state(&[], &["general"], &[]), state(&[], &[], &["talent"])] {
            for facet in [Facet::Domain, Facet::Tool] {
                let m = c.matrix(&s, facet);
                let codes: Vec<String> = match facet {
                    Facet::Domain => t.domains.iter().map(|d| d.code.clone()).chain([GENERAL.to_string()]).collect(),
                    _ => t.tools.iter().map(|x| x.code.clone()).chain(t.families.iter().map(|f| f.code.clone())).collect(),
                };
                for p in ["hunan", "jilin"] {
                    for code in &codes {
                        let mut opened = s.clone();
                        opened.open_cell(p, facet, code);
                        let n = m.get(p, code);
                        assert_eq!(n, c.search(&opened).len(), "{s:?} {p} {code}");
                    }
                }
            }
        }
        // The case: the row key replaces the tool filter.
        let m = c.matrix(&state(&[], &[], &["tax", "finance"]), Facet::Tool);
        assert_eq!(m.get("jilin", "talent"), 1);
        assert_eq!(c.province_totals()["jilin"], 2);
    }

    #[test]
    fn phrases_are_one_term_and_say_how_they_were_read() {
        let q = Query::parse("Intellectual Property  venture capital R&D subsidies");
        assert_eq!(q.terms.len(), 4, "{:?}", q.terms);
        assert_eq!(q.terms[0], vec!["intellectual property", "知识产权"]);
        assert!(q.terms[1].contains(&"创业投资".to_string()));
        assert_eq!(q.terms[2], vec!["r&d", "研发"]);
        assert!(q.terms[3].contains(&"补助".to_string()), "plural");
        let readings: Vec<&str> = q.readings().iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(readings, ["intellectual property", "venture capital", "r&d", "subsidies"]);
        assert!(q.unmapped().is_empty());
        // Quoted phrases, in ASCII or Chinese quotes, are one term; a known phrase in
        // them is read, an unknown one searched as written.
        let q = Query::parse("\"income tax\" “value-added tax” \"quantum leap\" 孵化");
        assert_eq!(q.terms.len(), 4, "{:?}", q.terms);
        assert_eq!(q.terms[0], vec!["income tax", "所得税"]);
        assert_eq!(q.terms[1], vec!["value-added tax", "增值税"]);
        assert_eq!(q.terms[2], vec!["quantum leap"]);
        assert_eq!(q.terms[3], vec!["孵化"]);
        assert_eq!(q.unmapped(), ["quantum leap"]);
        // Provinces and the taxonomy's own labels; an unknown English or pinyin word is
        // said to be unmapped, numbers and units are not words.
        let q = Query::parse("Guangdong Shenzhen inner mongolia blockchain zhuanli 20% 5G");
        assert_eq!(q.terms[0], vec!["guangdong", "广东"]);
        assert_eq!(q.terms[1], vec!["shenzhen", "深圳"]);
        assert_eq!(q.terms[2], vec!["inner mongolia", "内蒙古"]);
        assert_eq!(q.unmapped(), ["blockchain", "zhuanli"]);
        assert!(Query::parse("Testing and certification").terms[0].contains(&"检验检测".to_string()));
        assert!(Query::parse("").is_empty() && Query::parse(" \"\" ").is_empty());
    }

    #[test]
    fn traditional_and_simplified_queries_find_each_other() {
        crate::fold::add_script_pairs("識识產产權权檢检驗验測测");
        let simplified = fold("加强知识产权服务，检验检测");
        let traditional = fold("加強知識產權服務，檢驗檢測");
        for q in ["知識產權", "知识产权", "檢驗檢測", "检验检测"] {
            let q = Query::parse(q);
            assert!(q.matches(&simplified) && q.matches(&traditional), "{:?}", q.terms);
        }
        let q = Query::parse("知識產權");
        assert_eq!(q.readings(), [("知識產權".to_string(), vec!["知识产权".to_string()])]);
        assert!(Query::parse("知识产权").readings().is_empty());
        // One char for one: the highlight is exact in either script.
        assert_eq!(q.highlights("加強知識產權服務"), vec![(2, 6)]);
        assert_eq!(Query::parse("检验").highlights("檢驗檢測"), vec![(0, 2)]);
    }

    #[test]
    fn highlights_are_char_ranges_in_the_original() {
        let q = Query::parse("20% 质押");
        assert_eq!(q.highlights("增长２０％，质押质押"), vec![(2, 5), (6, 10)]);
    }
}
