//! Search, facet filtering and live counts over a compiled [`Bundle`].
//!
//! The [`Corpus`] folds every provision's searchable text once (full/half width, Latin
//! case, traditional characters to simplified), so a keystroke costs one substring scan per provision and term. Folding maps
//! one char to one char, so match positions found in folded text highlight the original.
//!
//! **The matching rule** (in the folded Chinese text). A term matches where it occurs,
//! with one exception: a term that begins or ends with a Latin letter (a–z, and accented
//! Latin letters, after folding: `ＩＰ` is `ip`) matches only as a whole word at that end,
//! a word being a run of Latin letters. So the character just before the match must not
//! be a Latin letter when the term begins with one, nor the one just after it when the
//! term ends with one; anything else ends a word: a space, punctuation, a digit, a CJK
//! character, the start or end of the text. `IP` finds `IP核`, `ＩＰ地址`, `（IP）` and `TCP/IP`
//! but not `ＩＰＴＶ`, `VoIP` or `IPv6`; `mbps` finds `20Ｍｂｐｓ` (digits are not letters, and
//! the corpus glues units to figures: `4000Ｇ`, `20Ｍｂｐｓ`); `IC设计` is found by `IC`. A
//! term's ends that are not Latin letters are not checked, so Chinese terms and numbers keep
//! substring matching (`20%` in `120%`, `设计` in `IC设计`), and a mixed term is checked at
//! its Latin end only (`ip核` is found in `ＩＰ核`, not in `chip核`). The English edition is
//! matched by its own word rule ([`Query::highlights`]). Hits, highlights and
//! [`Query::narrows`] all follow the rule (`crate::fold::Finder::term`).
//!
//! With the English edition ([`Translation`]), the `*_in` functions also look in each
//! provision's English (its translated outline headings and sentences): a query term
//! matches a provision when it occurs in the Chinese as today, or, as a word, in the
//! English (see [`Query::highlights`]). Without it (`None`), they are the plain functions.

use crate::fold::{fold, Finder};
use crate::model::{Bundle, Heading, Provision, Sentence};
use crate::synonyms::{key_word, lexicon};
use crate::taxonomy::taxonomy;
use crate::translation::Translation;
use crate::url::State;
use std::collections::HashMap;

/// A parsed full-text query: every term must match; a term matches when any of its
/// alternatives occurs. An English word or phrase known to the [`lexicon`] (`patent`,
/// `intellectual property`, `Guangdong`) adds its Chinese terms as alternatives; words that
/// together spell a known phrase are one term. A phrase in quotes is one term whatever its
/// words, as in Chinese (`“知识产权 质押”`): the lexicon's Chinese terms when it knows the
/// whole phrase, otherwise the phrase as written, its words together and in order (never
/// split into the words the lexicon knows). Traditional and simplified characters fold
/// alike ([`fold`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    pub terms: Vec<Vec<String>>,
    readings: Vec<(String, Vec<String>)>,
    unmapped: Vec<String>,
}

impl Query {
    pub fn parse(q: &str) -> Query {
        // The lexicon is built on first use (or by `Corpus::prepare_search`): not for the
        // empty query of a first render (in a fresh page it cost several milliseconds).
        if q.trim().is_empty() {
            return Query::default();
        }
        let lexicon = lexicon();
        let mut query = Query::default();
        for (words, quoted) in tokens(q) {
            let mut i = 0;
            while i < words.len() {
                // The longest run of words the lexicon knows; of a quoted phrase, only all
                // of it: a phrase in quotes is one term, never split into the words the
                // lexicon knows (`"financing pledge"` is not `financing` and `pledge`).
                let longest = lexicon.longest.min(words.len() - i);
                let sizes = if quoted { words.len() - i..=words.len() - i } else { 1..=longest };
                let known = sizes.rev().find_map(|n| {
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
    /// With the English edition they are searched in the English too: see
    /// [`Corpus::unmapped_in`] for those that the English does not have either.
    pub fn unmapped(&self) -> &[String] {
        &self.unmapped
    }
    /// Whether every folded text this query matches is matched by a query of the terms
    /// `wider` too (so a search for it need look only among `wider`'s hits): each of
    /// `wider`'s terms is implied by one of this query's, a term implying another when each
    /// of its alternatives contains one of the other's as that one is matched, a Latin word
    /// as a word (`知识产权` narrows `知识`; `知识 质押` narrows `质押`; `ip核` narrows `ip`,
    /// `ip` does not narrow `i`). Where the other's match reaches an end of the alternative,
    /// the alternative's own match says what is beyond it: a Latin letter at that end has
    /// none next to it in the text. Not for the English edition, matched by word.
    pub fn narrows(&self, wider: &[Vec<String>]) -> bool {
        let implies = |term: &Vec<String>, other: &Vec<String>| term.iter().all(|a| other.iter().any(|b| Finder::term(b).is_in(a)));
        wider.iter().all(|other| self.terms.iter().any(|term| implies(term, other)))
    }
    /// Every term occurs in the folded text (a Latin word as a word, see the module).
    pub fn matches(&self, folded: &str) -> bool {
        matches_either(&self.finders(), folded, &[])
    }
    /// Each term's alternatives prepared for scanning many texts (see [`Finder`]).
    fn finders(&self) -> Vec<Vec<Finder<'_>>> {
        self.terms.iter().map(|alts| alts.iter().map(|a| Finder::term(a)).collect()).collect()
    }
    /// Char ranges `[start, end)` of matches in `text`, merged and sorted: in a Chinese
    /// text (width, case and script folded; a Latin term as a word, see the module), or in an English one (a text without Han
    /// characters, such as a translation), where the terms are found as words, ASCII case
    /// aside: `IP` in “IP services”, not in “relationship”; a term of at most three chars
    /// only as a whole word, a longer one also as a word's beginning (`patent` in
    /// “patents”). Chinese terms find nothing in English text.
    pub fn highlights(&self, text: &str) -> Vec<(usize, usize)> {
        // No terms, nothing to fold: the default view's cards.
        if self.terms.is_empty() {
            return Vec::new();
        }
        let mut ranges = Vec::new();
        if !has_han(text) {
            for alt in self.terms.iter().flatten() {
                let n = alt.chars().count();
                ranges.extend(in_english(text, alt).map(|b| text.get(..b).map_or(0, |t| t.chars().count())).map(|s| (s, s + n)));
            }
            return merge(ranges);
        }
        let folded: Vec<char> = fold(text).chars().collect();
        let letter = |i: Option<usize>| i.and_then(|i| folded.get(i)).is_some_and(|&c| crate::fold::is_latin_letter(c));
        for alt in self.terms.iter().flatten() {
            let needle: Vec<char> = alt.chars().collect();
            if needle.is_empty() || needle.len() > folded.len() {
                continue;
            }
            // A Latin letter at an end of the term must end a word there (as `Finder::term`).
            let left = needle.first().is_some_and(|&c| crate::fold::is_latin_letter(c));
            let right = needle.last().is_some_and(|&c| crate::fold::is_latin_letter(c));
            for start in 0..=folded.len() - needle.len() {
                let end = start + needle.len();
                if folded[start..end] == needle[..] && !(left && letter(start.checked_sub(1))) && !(right && letter(Some(end))) {
                    ranges.push((start, end));
                }
            }
        }
        merge(ranges)
    }
}

/// Every term (its alternatives' [`Query::finders`]) occurs in the folded Chinese text,
/// or as a word in one of the English texts.
fn matches_either(terms: &[Vec<Finder>], folded: &str, english: &[&str]) -> bool {
    terms.iter().all(|alts| alts.iter().any(|a| a.is_in(folded) || english.iter().any(|t| in_english(t, a.needle()).next().is_some())))
}

/// Byte offsets where the folded `needle` occurs in the English `text`, ASCII case aside,
/// as a word: a needle that begins with a Latin letter or digit only at the start of a
/// word (`ip` not in `relationship`), one of at most three chars only as a whole word
/// (`it` not in `items`, `tax` not in `taxation`: a mapped word's Chinese terms find
/// those), a longer one also as a word's beginning (`patent` finds `patents`).
fn in_english<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let (hay, needle) = (text.as_bytes(), needle.as_bytes());
    let n = needle.len();
    let short = n <= 3;
    let word = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    (0..(hay.len() + 1).saturating_sub(n)).filter(move |&s| {
        n > 0
            && hay[s..s + n].eq_ignore_ascii_case(needle)
            && (!word(needle.first()) || !word(hay.get(s.wrapping_sub(1))))
            && (!short || !word(needle.last()) || !word(hay.get(s + n)))
    })
}

/// Does `text` have a Han character (Chinese, not an English translation)?
pub(crate) fn has_han(text: &str) -> bool {
    text.chars().any(is_han)
}

/// Whether `c` is a Han character (CJK ideographs and their extensions).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// The query's words, width and case folded, in groups: each quoted phrase (`"…"`, `“…”`,
/// `「…」`) a group marked `true`, the words between quotes a group marked `false`.
fn tokens(q: &str) -> Vec<(Vec<String>, bool)> {
    // One pass over the chars (no slicing): a quote closes the group and opens the next,
    // a space or the end closes a word.
    let mut groups: Vec<(Vec<String>, bool)> = vec![(Vec::new(), false)];
    let mut word = String::new();
    for c in q.chars().map(crate::fold::fold_char).chain([' ']) {
        let quoted = groups.last().is_some_and(|g| g.1);
        let quote = if quoted { matches!(c, '"' | '”' | '」') } else { matches!(c, '"' | '“' | '「') };
        if !quote && !c.is_whitespace() {
            word.push(c);
            continue;
        }
        if let Some(group) = groups.last_mut().filter(|_| !word.is_empty()) {
            group.0.push(std::mem::take(&mut word));
        }
        if quote {
            groups.push((Vec::new(), !quoted));
        }
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

fn merge(ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    // Sorted through the one instantiation of the sort code (see `crate::sort_indices`).
    let mut order: Vec<usize> = (0..ranges.len()).collect();
    crate::sort_indices(&mut order, &|a, b| ranges[a].cmp(&ranges[b]));
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in order.into_iter().map(|i| ranges[i]) {
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
    /// The searchable text of each provision, folded: computed by the first search with
    /// a query (or [`Corpus::prepare_search`]), not on start, where it was most of the
    /// time to the first results at 100 documents.
    folded: std::sync::OnceLock<Vec<String>>,
    /// Provision id → index, for links, targets and anchors.
    by_id: HashMap<String, usize>,
    domains: Vec<Vec<String>>,
    tools: Vec<Vec<String>>,
    /// The corpus's provinces, each once, in document order.
    provinces: Vec<String>,
    /// Each provision's paragraph number under its heading (from 1), for citations.
    paragraphs: Vec<usize>,
    /// The last queries' hits in the Chinese (see [`Corpus::hits`]).
    recent: std::sync::Mutex<Vec<KeptHits>>,
    /// For each character, which provisions' folded text has it (a bit per provision):
    /// a text can hold a term only if it has all of its characters.
    /// (Sorted pairs, not a map: a `HashMap<char, _>` cost the wasm 0.4 kB gzip more and
    /// built slower, 22 against 16 ms natively at 100 documents.)
    chars: std::sync::OnceLock<Vec<(char, Vec<u64>)>>,
}

/// A query's terms and which provisions they match.
type KeptHits = (Vec<Vec<String>>, Vec<bool>);

/// How many queries' hits [`Corpus::hits`] keeps: a word typed and erased again.
const RECENT: usize = 8;

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
                let mut key = p.doc.clone();
                for part in &p.path {
                    key.push('\u{1f}');
                    key.push_str(part);
                }
                let n = seen.entry(key).or_insert(0);
                *n += 1;
                *n
            })
            .collect();
        Corpus {
            bundle,
            folded: std::sync::OnceLock::new(),
            by_id,
            domains,
            tools,
            provinces,
            paragraphs,
            recent: Default::default(),
            chars: Default::default(),
        }
    }

    /// Folds the searchable texts, indexes their characters and builds the lexicon now
    /// (the app calls it once the first results are on screen, so the first keystroke
    /// does not wait for them).
    pub fn prepare_search(&self) {
        self.chars();
        lexicon();
    }

    /// Forgets the kept hits of earlier queries ([`Corpus::hits`]): a benchmark's next
    /// search is then a query typed afresh.
    pub fn forget_kept_hits(&self) {
        self.recent.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clear();
    }

    fn chars(&self) -> &[(char, Vec<u64>)] {
        self.chars.get_or_init(|| {
            let folded = self.folded();
            let words = folded.len().div_ceil(64);
            // A character's bits are found through a table over the Basic Multilingual
            // Plane, which holds every Chinese character of these texts: a binary search
            // per character was 38 ms of a first visit at 100 documents, the wasm not yet
            // optimised. The rare others are kept in order as they come.
            let mut slot_of = vec![0u32; 0x1_0000];
            let mut bits: Vec<Vec<u64>> = Vec::new();
            let mut beyond: Vec<(char, Vec<u64>)> = Vec::new();
            for (i, text) in folded.iter().enumerate() {
                for c in text.chars() {
                    let word = match slot_of.get_mut(c as usize) {
                        Some(slot) => {
                            if *slot == 0 {
                                bits.push(vec![0; words]);
                                *slot = bits.len() as u32;
                            }
                            &mut bits[*slot as usize - 1][i / 64]
                        }
                        None => {
                            let at = beyond.binary_search_by_key(&c, |(k, _)| *k).unwrap_or_else(|at| {
                                beyond.insert(at, (c, vec![0; words]));
                                at
                            });
                            &mut beyond[at].1[i / 64]
                        }
                    };
                    *word |= 1 << (i % 64);
                }
            }
            let mut index: Vec<(char, Vec<u64>)> = Vec::with_capacity(bits.len() + beyond.len());
            for (code, &slot) in slot_of.iter().enumerate() {
                if let (Some(c), Some(b)) = (char::from_u32(code as u32), (slot as usize).checked_sub(1).and_then(|s| bits.get_mut(s))) {
                    index.push((c, std::mem::take(b)));
                }
            }
            index.extend(beyond);
            index
        })
    }

    /// The provisions whose folded text has every character of one alternative of each
    /// term (a bit per provision): only these can match the terms.
    fn candidates(&self, terms: &[Vec<String>]) -> Vec<u64> {
        let index = self.chars();
        let words = self.bundle.provisions.len().div_ceil(64);
        let mut all = vec![!0u64; words];
        for term in terms {
            let mut any = vec![0u64; words];
            for alternative in term {
                let mut has = vec![!0u64; words];
                for c in alternative.chars() {
                    match index.binary_search_by_key(&c, |(k, _)| *k) {
                        Ok(at) => has.iter_mut().zip(&index[at].1).for_each(|(h, b)| *h &= b),
                        Err(_) => has.fill(0),
                    }
                }
                any.iter_mut().zip(&has).for_each(|(a, h)| *a |= h);
            }
            all.iter_mut().zip(&any).for_each(|(a, x)| *a &= x);
        }
        all
    }

    fn folded(&self) -> &[String] {
        self.folded.get_or_init(|| self.bundle.provisions.iter().map(searchable).collect())
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
    pub fn from_packed(json: &str, texts: &[u8]) -> Result<Corpus, String> {
        let (bundle, script_pairs) = crate::packed::unpack_with_fold(json, texts)?;
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

    /// The headings of provision `p`'s outline path, outermost first, from its document's
    /// outline; `None` when they are not there as the path names them.
    pub fn path_headings<'a>(&'a self, p: &Provision) -> Option<Vec<&'a Heading>> {
        let doc = self.bundle.documents.iter().find(|d| d.id == p.doc)?;
        let mut stack: Vec<&Heading> = Vec::new();
        for h in doc.outline.iter().filter(|h| h.first_provision <= p.position) {
            stack.retain(|o| o.level < h.level);
            stack.push(h);
        }
        (stack.len() == p.path.len() && stack.iter().zip(&p.path).all(|(h, t)| h.text == *t)).then_some(stack)
    }

    /// Provision `i`'s outline path in English, outermost first (empty for the preamble);
    /// `None` unless every heading of it has a translation.
    pub fn path_en<'a>(&'a self, i: usize, en: &'a Translation) -> Option<Vec<&'a str>> {
        self.path_translations(i, en).into_iter().collect()
    }

    /// The translation of each heading of provision `i`'s path, if it has one. A heading
    /// is found by its text in the document's outline (the translation is keyed by id
    /// and text, so any heading with this text has this translation): a damaged outline,
    /// where [`Corpus::path_headings`] finds none, still gives the English path.
    fn path_translations<'a>(&'a self, i: usize, en: &'a Translation) -> Vec<Option<&'a str>> {
        let p = self.provision(i);
        let outline = self.bundle.documents.iter().find(|d| d.id == p.doc).map_or(&[][..], |d| &d.outline[..]);
        p.path.iter().map(|t| outline.iter().find(|h| h.text == *t).and_then(|h| en.get(&h.id))).collect()
    }

    /// What a search looks in in English: provision `i`'s translated path headings and
    /// sentences (those that have a translation).
    fn english<'a>(&'a self, i: usize, en: &'a Translation) -> Vec<&'a str> {
        let sentences = self.provision(i).sentences.iter().map(|s| en.get(&s.id));
        self.path_translations(i, en).into_iter().chain(sentences).flatten().collect()
    }

    /// Which provisions the query matches (every one when it is empty): in the Chinese,
    /// and with `en` also in the English.
    ///
    /// In the Chinese alone, the hits of the last few queries are kept: a query seen again
    /// (a keystroke erased, the facet counts after the results) is not scanned again, and
    /// one that narrows a kept query ([`Query::narrows`]: typing on) scans only that
    /// query's hits. Of those, only texts with every character of the terms are scanned
    /// ([`Corpus::candidates`]). At 100 documents the scan was most of a keystroke's own
    /// time (a browser profile: 2 of ~3 ms).
    fn hits(&self, query: &Query, en: Option<&Translation>) -> Vec<bool> {
        let count = self.bundle.provisions.len();
        if query.is_empty() {
            return vec![true; count];
        }
        let terms = query.finders();
        let folded = self.folded();
        if let Some(en) = en {
            return (0..count).map(|i| matches_either(&terms, &folded[i], &self.english(i, en))).collect();
        }
        let mut recent = self.recent.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(k) = recent.iter().position(|(t, _)| *t == query.terms) {
            let kept = recent.remove(k);
            let hits = kept.1.clone();
            recent.push(kept);
            return hits;
        }
        // The narrowest kept query this one narrows: its hits are the only candidates.
        let within = recent.iter().filter(|(t, _)| query.narrows(t)).map(|(_, h)| h).min_by_key(|h| h.iter().filter(|&&x| x).count());
        let candidates = self.candidates(&query.terms);
        let candidate = |i: usize| candidates[i / 64] & (1 << (i % 64)) != 0 && within.is_none_or(|w| w[i]);
        let hits: Vec<bool> = (0..count).map(|i| candidate(i) && matches_either(&terms, &folded[i], &[])).collect();
        if recent.len() == RECENT {
            recent.remove(0);
        }
        recent.push((query.terms.clone(), hits.clone()));
        hits
    }

    /// Indices of the provisions matching the state, in document order.
    pub fn search(&self, state: &State) -> Vec<usize> {
        self.search_in(state, None)
    }

    /// [`Corpus::search`], the query also searched in the English edition `en`.
    pub fn search_in(&self, state: &State, en: Option<&Translation>) -> Vec<usize> {
        let hits = self.hits(&Query::parse(&state.q), en);
        (0..self.bundle.provisions.len()).filter(|&i| self.matches(i, state, &hits, None)).collect()
    }

    /// The query's [`Query::unmapped`] words that, with the English edition, its English
    /// does not have either (a word it has is searched there, not just "as written");
    /// without it (`None`), all of them.
    pub fn unmapped_in(&self, query: &Query, en: Option<&Translation>) -> Vec<String> {
        let Some(en) = en else { return query.unmapped().to_vec() };
        let english: Vec<&str> = (0..self.bundle.provisions.len()).flat_map(|i| self.english(i, en)).collect();
        query.unmapped().iter().filter(|w| !english.iter().any(|t| in_english(t, w).next().is_some())).cloned().collect()
    }

    /// Does provision `i` match every active filter but `skip`? Province and query (`hits`,
    /// from `Corpus::hits`) apply to the whole provision; domain and tool filters meet in
    /// a sentence.
    fn matches(&self, i: usize, state: &State, hits: &[bool], skip: Option<Facet>) -> bool {
        let p = &self.bundle.provisions[i];
        let domains: &[String] = if skip == Some(Facet::Domain) { &[] } else { &state.domains };
        let tools: &[String] = if skip == Some(Facet::Tool) { &[] } else { &state.tools };
        (skip == Some(Facet::Province) || state.provinces.is_empty() || state.provinces.contains(&p.province))
            && (domains.is_empty() && tools.is_empty() || p.sentences.iter().any(|s| domain_fits(s, domains) && tool_fits(s, tools)))
            && hits[i]
    }

    /// The codes of `facet` that provision `i` would match with, each once, under the
    /// other facet's filter and the query (not the province filter): the domains (or
    /// [`GENERAL`]) of its sentences that carry a selected tool, or the tools and their
    /// families of its sentences that carry a selected domain. Empty when the query
    /// does not match. For `Facet::Province`, the provision's province.
    ///
    /// Written into `out` (cleared first), borrowed: the counts call this for every
    /// provision at each keystroke, and a new string per code was most of their time.
    fn met_codes<'a>(&'a self, i: usize, state: &State, hits: &[bool], facet: Facet, out: &mut Vec<&'a str>) {
        out.clear();
        let p = &self.bundle.provisions[i];
        if !hits[i] {
            return;
        }
        let t = taxonomy();
        let mut add = |c: &'a str| {
            if !out.contains(&c) {
                out.push(c);
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
        self.counts_in(state, None)
    }

    /// [`Corpus::counts`], the query also searched in the English edition `en`.
    pub fn counts_in(&self, state: &State, en: Option<&Translation>) -> Counts {
        let t = taxonomy();
        let hits = self.hits(&Query::parse(&state.q), en);
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
        let mut met = Vec::new();
        for i in 0..self.bundle.provisions.len() {
            let province = &self.bundle.provisions[i].province;
            if self.matches(i, state, &hits, Some(Facet::Province)) {
                count(&mut counts.provinces, province);
            }
            if !state.provinces.is_empty() && !state.provinces.contains(province) {
                continue;
            }
            self.met_codes(i, state, &hits, Facet::Domain, &mut met);
            met.iter().for_each(|d| count(&mut counts.domains, d));
            self.met_codes(i, state, &hits, Facet::Tool, &mut met);
            met.iter().for_each(|c| count(&mut counts.tools, c));
        }
        counts
    }

    /// When a domain filter is active without [`GENERAL`]: how many more provisions the
    /// results would have with it (the general measures that also apply). `None` when
    /// there is nothing to offer.
    pub fn general_also(&self, state: &State) -> Option<usize> {
        self.general_also_in(state, None)
    }

    /// [`Corpus::general_also`], the query also searched in the English edition `en`.
    pub fn general_also_in(&self, state: &State, en: Option<&Translation>) -> Option<usize> {
        if state.domains.is_empty() || state.domains.iter().any(|d| d == GENERAL) {
            return None;
        }
        let hits = self.hits(&Query::parse(&state.q), en);
        let mut with = state.clone();
        with.domains.push(GENERAL.to_string());
        let n = (0..self.bundle.provisions.len()).filter(|&i| self.matches(i, &with, &hits, None) && !self.matches(i, state, &hits, None)).count();
        (n > 0).then_some(n)
    }

    /// Which sentences of provision `i` meet the active domain and tool filters (all of
    /// them when neither is active): these are emphasised, the rest dimmed. The query
    /// plays no part (it applies to the whole provision), so there is no `_in` variant.
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
        self.matrix_in(state, facet, None)
    }

    /// [`Corpus::matrix`], the query also searched in the English edition `en`.
    pub fn matrix_in(&self, state: &State, facet: Facet, en: Option<&Translation>) -> Matrix {
        let hits = self.hits(&Query::parse(&state.q), en);
        let mut out = Matrix::default();
        let (mut met, mut key) = (Vec::new(), String::new());
        for i in 0..self.bundle.provisions.len() {
            let province = &self.bundle.provisions[i].province;
            self.met_codes(i, state, &hits, facet, &mut met);
            for c in &met {
                Matrix::key_into(&mut key, province, c);
                count(&mut out.0, &key);
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

/// One more for `code`: a key is made only the first time (options are there from the start).
fn count(counts: &mut HashMap<String, usize>, code: &str) {
    match counts.get_mut(code) {
        Some(n) => *n += 1,
        None => {
            counts.insert(code.to_string(), 1);
        }
    }
}

/// A compare matrix: provision counts per (province, code). Keyed by one string (the
/// browser then has one kind of map, keyed by strings, to compile).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Matrix(HashMap<String, usize>);

impl Matrix {
    fn key(province: &str, code: &str) -> String {
        let mut key = String::new();
        Matrix::key_into(&mut key, province, code);
        key
    }
    fn key_into(key: &mut String, province: &str, code: &str) {
        key.clear();
        key.push_str(province);
        key.push('\u{1f}');
        key.push_str(code);
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
                        ..Default::default()
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
        // The issue's case: the row key replaces the tool filter.
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
        // Regression: a quoted phrase whose first word the lexicon knows was split into
        // words (`financing` → 融资 and `pledge` → 质押, found anywhere). It is one term,
        // searched as written, like any phrase the lexicon does not know whole.
        let q = Query::parse("\"financing pledge\" “Pledge  Financing”");
        assert_eq!(q.terms, vec![vec!["financing pledge".to_string()], vec!["pledge financing".to_string()]]);
        assert_eq!(q.unmapped(), ["financing pledge", "pledge financing"]);
        assert!(q.readings().is_empty());
        // Unquoted, the same words are two terms, each read.
        assert_eq!(Query::parse("financing pledge").terms, vec![vec!["financing", "融资"], vec!["pledge", "质押"]]);
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

    /// Hunan: provision 0 under the heading 一、总体要求 (with a general measure and an IT
    /// sentence), provision 1 in the preamble; Jilin: provision 2, untranslated. With a
    /// hand-made English edition (no translation for provision 2).
    fn bilingual() -> (Corpus, Translation) {
        let sentence = |id: &str, text: &str, domains: &[&str]| crate::model::Sentence {
            id: id.to_string(),
            text: text.to_string(),
            domains: domains.iter().map(|d| d.to_string()).collect(),
            tools: vec!["platforms".to_string()],
            reasons: vec![],
            coded_by: Default::default(),
            note: None,
        };
        let provision = |id: &str, province: &str, position: usize, path: &[&str], sentences: Vec<crate::model::Sentence>| Provision {
            id: id.to_string(),
            doc: format!("{province}-doc"),
            province: province.to_string(),
            position,
            path: path.iter().map(|h| h.to_string()).collect(),
            text: sentences.iter().map(|s| s.text.as_str()).collect(),
            departments: vec![],
            responsibility: None,
            sentences,
        };
        let document = |province: &str, outline: Vec<Heading>| crate::model::Document {
            id: format!("{province}-doc"),
            province: province.to_string(),
            outline,
            ..Default::default()
        };
        let heading = Heading { id: "hunan-h1".into(), level: 1, text: "一、总体要求".into(), first_provision: 1 };
        let provisions = vec![
            provision("hunan-p", "hunan", 0, &[], vec![sentence("hunan-p:1", "加强知识产权保护。", &["ip"])]),
            provision(
                "hunan-1",
                "hunan",
                1,
                &["一、总体要求"],
                vec![sentence("hunan-1:1", "发展现代物流和航运。", &[]), sentence("hunan-1:2", "推进云计算。", &["it"])],
            ),
            provision("jilin-1", "jilin", 0, &[], vec![sentence("jilin-1:1", "发展现代物流。", &[])]),
        ];
        let documents = vec![document("hunan", vec![heading]), document("jilin", vec![])];
        let en = Translation::from_json(
            r#"{"lang":"en","texts":{"hunan-p:1":"Strengthen IP protection and build relationships.",
            "hunan-h1":"I. Overall requirements","hunan-1:1":"Develop modern Logistics and shipping.","hunan-1:2":"Promote cloud computing."}}"#,
        )
        .unwrap();
        (Corpus::new(Bundle { schema_version: 1, documents, provisions, targets: vec![] }), en)
    }

    fn q(q: &str) -> State {
        State { q: q.to_string(), ..State::default() }
    }

    #[test]
    fn a_query_narrows_the_queries_it_implies() {
        let terms = |q: &str| Query::parse(q).terms;
        assert!(Query::parse("知识产权").narrows(&terms("知识")));
        assert!(Query::parse("知识 质押").narrows(&terms("质押")));
        assert!(Query::parse("知识产权 质押").narrows(&terms("质押 知识")));
        assert!(!Query::parse("知识").narrows(&terms("知识产权")));
        assert!(!Query::parse("质押").narrows(&terms("知识 质押")));
        // A word with alternatives narrows a query only through each of them.
        assert!(!Query::parse("patent").narrows(&terms("专利")), "{:?}", terms("patent"));
        assert!(Query::parse("专利").narrows(&terms("专")));
        // Latin words are matched as words, so a longer word does not narrow a shorter one
        // it begins with: `ipx` matches `ipx`, where `ip` finds nothing.
        assert!(!Query::parse("ipx").narrows(&terms("ip")));
        assert!(!Query::parse("ip").narrows(&terms("i")));
        assert!(Query::parse("ip核").narrows(&terms("ip")));
        assert!(Query::parse("tcp/ip").narrows(&terms("ip")) && Query::parse("tcp/ip").narrows(&terms("tcp")));
        assert!(Query::parse("20mbps").narrows(&terms("mbps")));
    }

    /// The kept hits and the character index of `Corpus::hits` (typing on scans only the
    /// last hits, a query seen again is not scanned, only texts with the terms' characters
    /// are): every query gives what a fresh corpus and a scan of every text give.
    #[test]
    fn kept_hits_give_what_a_fresh_scan_gives() {
        let texts = [
            "知识产权质押融资。",
            "发展知识服务。",
            "产权交易市场。",
            "检验检测认证。",
            "融资担保体系。",
            "专利导航 patent pools。",
            "发展ＩＰＴＶ、IC设计。",
            "ＩＰ核与ＩＣ。",
            "知識產權保護。",
            "𠀋𡈽之地，知识产权。",
        ];
        // The traditional text's pairs, registered before any folding: other tests register
        // them too, and one doing so between the index and the scan failed this test.
        crate::fold::add_script_pairs("識识產产權权");
        let make = || {
            let provisions = texts
                .iter()
                .enumerate()
                .map(|(n, text)| Provision {
                    id: format!("hunan-{n}"),
                    doc: "hunan-doc".into(),
                    province: "hunan".into(),
                    position: n,
                    path: vec![],
                    text: text.to_string(),
                    departments: vec![],
                    responsibility: None,
                    sentences: vec![crate::model::Sentence { id: format!("hunan-{n}:1"), text: text.to_string(), ..Default::default() }],
                })
                .collect();
            Corpus::new(Bundle { schema_version: 1, documents: vec![], provisions, targets: vec![] })
        };
        let kept = make();
        let scanned = |query: &str| -> Vec<usize> {
            let q = Query::parse(query);
            make().bundle.provisions.iter().enumerate().filter(|(_, p)| q.matches(&searchable(p))).map(|(i, _)| i).collect()
        };
        let typed = [
            "知",
            "知识",
            "知识产",
            "知识产权",
            "知识产",
            "知识",
            "知",
            "",
            "融",
            "融资",
            "融资 知识",
            "知识 融资担保",
            "融资",
            "patent",
            "专利",
            "专",
            "產權",
            "产权",
            "权",
            "检验",
            "检验检测",
            "检",
            "知识产权 质押",
            "知识产权",
            // Latin terms are words: typing on from a word to a longer one (`ip` → `ipt`
            // → `iptv`) finds what a fresh scan finds, not only the shorter word's hits.
            "i",
            "ip",
            "ipt",
            "iptv",
            "ip",
            "ip核",
            "ic",
            "ic设计",
            "pool",
            "pools",
            // Characters beyond the Basic Multilingual Plane, indexed apart.
            "𡈽",
            "𠀋𡈽",
            "𠀋 产权",
        ];
        for query in typed {
            assert_eq!(kept.search(&q(query)), make().search(&q(query)), "{query}");
            assert_eq!(kept.search(&q(query)), scanned(query), "{query}: a scan of every text");
        }
    }

    #[test]
    fn english_search_runs_over_the_translation() {
        let (c, en) = bilingual();
        // `logistics` has no Chinese term: only the translation has it.
        assert_eq!(Query::parse("logistics").unmapped(), ["logistics"]);
        assert_eq!(c.search(&q("logistics")), Vec::<usize>::new());
        assert_eq!(c.search_in(&q("LOGISTICS"), Some(&en)), vec![1]);
        // The outline path's translation is searched; terms may meet across languages.
        assert_eq!(c.search_in(&q("requirements"), Some(&en)), vec![1]);
        assert_eq!(c.search_in(&q("requirements 物流"), Some(&en)), vec![1]);
        // The Chinese is still searched, and the synonyms still apply: jilin-1 has no English.
        assert_eq!(c.search_in(&q("物流"), Some(&en)), vec![1, 2]);
        assert_eq!(c.search_in(&q("cloud"), Some(&en)), c.search(&q("cloud")));
        // A short word only as a whole word: `ip` is not in “relationships” or “shipping”.
        assert_eq!(c.search_in(&q("ip"), Some(&en)), vec![0]);
        assert_eq!(c.search_in(&q("ship"), Some(&en)), vec![1]);
        assert_eq!(c.search_in(&q("relation"), Some(&en)), vec![0], "a longer word may begin one");
        // A quoted phrase matches where its words are together and in order, not where
        // each word is (regression: `"ip relationships"` was `ip` and `relationships`).
        assert_eq!(c.search_in(&q("\"ip protection\""), Some(&en)), vec![0]);
        assert_eq!(c.search_in(&q("\"ip relationships\""), Some(&en)), Vec::<usize>::new());
        assert_eq!(c.search_in(&q("\"protection ip\""), Some(&en)), Vec::<usize>::new());
        assert_eq!(c.search_in(&q("ip relationships"), Some(&en)), vec![0], "unquoted, two terms");
        assert_eq!(Query::parse("\"IP protection\"").highlights("Strengthen IP protection, IP and protection."), vec![(11, 24)]);
        // Without the translation, or with an empty query, nothing changes.
        for s in [q(""), q("物流"), q("ip"), state(&["hunan"], &[], &["platforms"])] {
            assert_eq!(c.search_in(&s, None), c.search(&s));
            assert_eq!(c.counts_in(&s, None), c.counts(&s));
        }
        assert_eq!(c.search_in(&q(""), Some(&en)), vec![0, 1, 2]);
    }

    #[test]
    fn counts_and_matrices_follow_the_english_search() {
        let (c, en) = bilingual();
        let t = taxonomy();
        let s = q("logistics");
        let counts = c.counts_in(&s, Some(&en));
        assert_eq!((counts.provinces["hunan"], counts.provinces["jilin"]), (1, 0));
        for d in t.domains.iter().map(|d| d.code.as_str()).chain([GENERAL]) {
            let alone = State { domains: vec![d.to_string()], ..s.clone() };
            assert_eq!(counts.domains[d], c.search_in(&alone, Some(&en)).len(), "{d}");
        }
        assert_eq!(counts.domains[GENERAL], 1);
        assert_eq!(c.counts(&s).domains[GENERAL], 0);
        let m = c.matrix_in(&s, Facet::Domain, Some(&en));
        assert_eq!((m.get("hunan", "it"), m.get("hunan", GENERAL), m.get("jilin", GENERAL)), (1, 1, 0));
        assert_eq!(c.matrix(&s, Facet::Domain).max(), 0);
        let it = State { domains: vec!["it".into()], ..s.clone() };
        assert_eq!((c.general_also_in(&it, Some(&en)), c.general_also(&it)), (None, None), "the same provision");
        let ip = State { domains: vec!["ip".into()], q: "logistics".into(), ..State::default() };
        assert_eq!(c.search_in(&ip, Some(&en)), Vec::<usize>::new());
        assert_eq!(c.general_also_in(&ip, Some(&en)), Some(1));
    }

    #[test]
    fn a_word_the_translation_has_is_not_unmapped_with_it() {
        let (c, en) = bilingual();
        let query = Query::parse("logistics blockchain patent");
        assert_eq!(query.unmapped(), ["logistics", "blockchain"]);
        assert_eq!(c.unmapped_in(&query, None), ["logistics", "blockchain"]);
        assert_eq!(c.unmapped_in(&query, Some(&en)), ["blockchain"]);
    }

    #[test]
    fn path_headings_spell_the_path() {
        let (c, en) = bilingual();
        let ids = |i: usize| c.path_headings(c.provision(i)).map(|h| h.iter().map(|h| h.id.clone()).collect::<Vec<_>>());
        assert_eq!((ids(0), ids(1)), (Some(vec![]), Some(vec!["hunan-h1".to_string()])));
        assert_eq!((c.path_en(0, &en), c.path_en(1, &en)), (Some(vec![]), Some(vec!["I. Overall requirements"])));
        assert_eq!(c.path_en(1, &Translation::default()), None, "untranslated");
        // A path the outline does not spell (a damaged outline) has no headings.
        let mut b = c.bundle.clone();
        b.provisions[1].path = vec!["二、别的".into()];
        let damaged = Corpus::new(b);
        assert_eq!(damaged.path_headings(damaged.provision(1)), None);
        assert_eq!(damaged.path_en(1, &en), None, "no heading has this text");
        // A heading found by its text where the outline's order does not give it.
        let mut b = c.bundle.clone();
        b.documents[0].outline[0].first_provision = 2;
        let reordered = Corpus::new(b);
        assert_eq!(reordered.path_headings(reordered.provision(1)), None);
        assert_eq!(reordered.path_en(1, &en), Some(vec!["I. Overall requirements"]));
        assert_eq!(reordered.search_in(&q("requirements"), Some(&en)), vec![1]);
    }

    #[test]
    fn highlights_in_english_text_are_words_ascii_case_aside() {
        let q = Query::parse("IP logistics");
        let text = "Logistics, IP and relationships: ip.";
        assert_eq!(q.highlights(text), vec![(0, 9), (11, 13), (33, 35)]);
        assert_eq!(Query::parse("patent").highlights("Patents, compatent"), vec![(0, 6)]);
        assert_eq!(Query::parse("\"cloud computing\"").highlights("Promote Cloud Computing."), vec![(8, 23)]);
        // A Chinese query finds nothing in English, an English one its words in Chinese text.
        assert!(Query::parse("物流 知识产权").highlights("Modern logistics and IP").is_empty());
        assert_eq!(Query::parse("IP").highlights("知识产权（IP）"), vec![(0, 4), (5, 7)]);
        // In Chinese text a Latin term is a whole word too: digits and CJK characters end
        // a word, letters do not (regression: `IP` marked the ＩＰ of ＩＰＴＶ, `cp` the CP of ICP).
        assert_eq!(Query::parse("mbps").highlights("达到20Ｍｂｐｓ"), vec![(4, 8)]);
        assert_eq!(Query::parse("cp").highlights("ICP许可"), vec![]);
        assert_eq!(Query::parse("IP").highlights("ＩＰＴＶ、ＩＰ核，IP地址"), vec![(5, 7), (9, 11)]);
        assert_eq!(Query::parse("ip核").highlights("ＩＰ核与chip核"), vec![(0, 3)]);
    }

    #[test]
    fn highlights_are_char_ranges_in_the_original() {
        let q = Query::parse("20% 质押");
        assert_eq!(q.highlights("增长２０％，质押质押"), vec![(2, 5), (6, 10)]);
    }
}
