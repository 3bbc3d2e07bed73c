//! The shareable URL contract (`taxonomy.md` section 4): all explorer state lives in the
//! query string. Decoding never fails: whatever a link holds, the valid parts are kept
//! and the rest is reported as [`Ignored`] so the page can say what it dropped.

use crate::search::Facet;
use crate::taxonomy::taxonomy;

/// Longest `q` kept, in characters (Unicode scalar values, so a cut never splits one);
/// a longer one is cut to its first `MAX_QUERY_CHARS`, which are searched, and the page
/// says so ([`Reason::TooLong`]), so no link can stall the page.
pub const MAX_QUERY_CHARS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Provisions,
    Compare,
    Targets,
    Documents,
}

impl View {
    pub const ALL: [View; 4] = [View::Provisions, View::Compare, View::Targets, View::Documents];
    pub fn code(self) -> &'static str {
        match self {
            View::Provisions => "provisions",
            View::Compare => "compare",
            View::Targets => "targets",
            View::Documents => "documents",
        }
    }
    pub fn from_code(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// The whole explorer state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct State {
    pub provinces: Vec<String>,
    pub domains: Vec<String>,
    pub tools: Vec<String>,
    pub q: String,
    pub view: View,
    pub doc: Option<String>,
    pub lang: Lang,
    /// `group=province`: results grouped by province (an addition to the contract).
    pub group_by_province: bool,
    /// `measure=share`: the compare matrices show shares of each province's provisions
    /// instead of counts (an addition to the contract).
    pub shares: bool,
}

/// The edits the app makes, one method each (as in Leptos's todomvc): components say
/// what they want (`toggle`, `clear_facet`, …), the state knows how.
impl State {
    pub fn has_filters(&self) -> bool {
        !self.provinces.is_empty() || !self.domains.is_empty() || !self.tools.is_empty() || !self.q.trim().is_empty()
    }
    pub fn cleared(&self) -> State {
        State { view: self.view, lang: self.lang, doc: self.doc.clone(), group_by_province: self.group_by_province, shares: self.shares, ..State::default() }
    }
    /// The part of the state that decides which provisions match (the facets and the
    /// query): what search, counts and the compare matrix read. Memos derive from it, so
    /// a change of language, view, document or grouping does not search again.
    pub fn filters(&self) -> State {
        State { provinces: self.provinces.clone(), domains: self.domains.clone(), tools: self.tools.clone(), q: self.q.clone(), ..State::default() }
    }
    /// The same state showing another view.
    pub fn at_view(&self, view: View) -> State {
        State { view, ..self.clone() }
    }
    /// The selected codes of a facet.
    pub fn codes(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Province => &self.provinces,
            Facet::Domain => &self.domains,
            Facet::Tool => &self.tools,
        }
    }
    fn codes_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        match facet {
            Facet::Province => &mut self.provinces,
            Facet::Domain => &mut self.domains,
            Facet::Tool => &mut self.tools,
        }
    }
    pub fn is_selected(&self, facet: Facet, code: &str) -> bool {
        self.codes(facet).iter().any(|c| c == code)
    }
    /// Selects `code` in `facet`, or deselects it when it is selected.
    pub fn toggle(&mut self, facet: Facet, code: &str) {
        let codes = self.codes_mut(facet);
        match codes.iter().position(|c| c == code) {
            Some(i) => {
                codes.remove(i);
            }
            None => codes.push(code.to_string()),
        }
    }
    pub fn remove(&mut self, facet: Facet, code: &str) {
        self.codes_mut(facet).retain(|c| c != code);
    }
    pub fn clear_facet(&mut self, facet: Facet) {
        self.codes_mut(facet).clear();
    }
    pub fn clear_query(&mut self) {
        self.q.clear();
    }
    /// Drops every filter and the query; keeps the view, document, language and grouping.
    pub fn clear_filters(&mut self) {
        *self = self.cleared();
    }
    /// The provisions of one cell of the compare view: this province and this domain or
    /// tool, in the results.
    pub fn open_cell(&mut self, province: &str, facet: Facet, code: &str) {
        self.provinces = vec![province.to_string()];
        if facet != Facet::Province {
            *self.codes_mut(facet) = vec![code.to_string()];
        }
        self.view = View::Provisions;
    }
    pub fn switch_lang(&mut self) {
        self.lang = match self.lang {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
    }
    pub fn toggle_grouping(&mut self) {
        self.group_by_province = !self.group_by_province;
    }
    pub fn toggle_shares(&mut self) {
        self.shares = !self.shares;
    }
}

impl Facet {
    pub const ALL: [Facet; 3] = [Facet::Province, Facet::Domain, Facet::Tool];
    /// The facet's key in the URL (and in the page's test ids).
    pub fn key(self) -> &'static str {
        match self {
            Facet::Province => "province",
            Facet::Domain => "domain",
            Facet::Tool => "tool",
        }
    }
}

/// A part of a URL that was not used as written, and why (the notice says which).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub key: String,
    pub value: String,
    pub reason: Reason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// An unknown code or a bad value: dropped.
    Unrecognised,
    /// A `q` longer than [`MAX_QUERY_CHARS`]: its first `MAX_QUERY_CHARS` characters are
    /// searched (`value` is what was cut off, its first 20 characters).
    TooLong,
    /// A `q` whose percent-escapes are not UTF-8 (a link cut inside a character): what
    /// could be read is searched, the rest left out.
    Garbled,
}

impl Ignored {
    /// An unknown code or bad value of `key`.
    pub fn unrecognised(key: &str, value: &str) -> Ignored {
        Ignored { key: key.to_string(), value: value.to_string(), reason: Reason::Unrecognised }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decoded {
    pub state: State,
    pub ignored: Vec<Ignored>,
}

/// Decodes a query string (with or without the leading `?`). `docs` are the known
/// document ids.
pub fn decode(query: &str, docs: &[&str]) -> Decoded {
    let t = taxonomy();
    let mut out = Decoded::default();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(raw_key);
        let value = percent_decode(raw_value);
        let state = &mut out.state;
        let ignored = &mut out.ignored;
        if let Some(facet) = Facet::ALL.into_iter().find(|f| f.key() == key) {
            let known = |c: &str| match facet {
                Facet::Province => t.province(c).is_some(),
                Facet::Domain => t.domain(c).is_some() || c == crate::search::GENERAL,
                Facet::Tool => t.is_tool_or_family(c),
            };
            add_codes(&value, state.codes_mut(facet), ignored, facet.key(), known);
            continue;
        }
        match key.as_str() {
            "q" => {
                let mut clean: String = value.chars().filter(|c| !c.is_control()).collect();
                if clean.chars().any(|c| c == '\u{FFFD}') {
                    clean.retain(|c| c != '\u{FFFD}');
                    ignored.push(Ignored { key: "q".into(), value: String::new(), reason: Reason::Garbled });
                }
                if clean.trim().is_empty() {
                    // Only spaces: no search (a shared `q=%20%20`), so no `q` when written.
                    clean.clear();
                } else if clean.chars().count() > MAX_QUERY_CHARS {
                    // Spaces around the words are not part of the search: cut only what is.
                    clean = clean.trim().to_string();
                }
                if clean.chars().count() > MAX_QUERY_CHARS {
                    // Cut at a char, never inside one (a multibyte character or an escape
                    // decoded above), whatever the bytes of the link.
                    let mut chars = clean.chars();
                    state.q = chars.by_ref().take(MAX_QUERY_CHARS).collect();
                    let rest: String = chars.take(20).collect();
                    ignored.push(Ignored { key: "q".into(), value: format!("{rest}…"), reason: Reason::TooLong });
                } else {
                    state.q = clean;
                }
            }
            "view" => match View::from_code(&value) {
                Some(v) => state.view = v,
                None => ignored.push(Ignored::unrecognised(&key, &value)),
            },
            "doc" if docs.contains(&value.as_str()) => state.doc = Some(value),
            "lang" if value == "zh" || value == "en" => state.lang = if value == "en" { Lang::En } else { Lang::Zh },
            "group" if value == "province" => state.group_by_province = true,
            "measure" if value == "share" => state.shares = true,
            "measure" if value == "count" => state.shares = false,
            "doc" | "lang" | "group" | "measure" => ignored.push(Ignored::unrecognised(&key, &value)),
            // Unknown keys never matter (e.g. tracking parameters).
            _ => {}
        }
    }
    out
}

fn add_codes(value: &str, into: &mut Vec<String>, ignored: &mut Vec<Ignored>, key: &str, known: impl Fn(&str) -> bool) {
    for code in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        if !known(code) {
            ignored.push(Ignored::unrecognised(key, code));
        } else if !into.iter().any(|c| c == code) {
            into.push(code.to_string());
        }
    }
}

/// Encodes a state as `?key=value&…` in a fixed key order, or `""` for the default state.
/// A query of only spaces is no search and has no `q` (as typed, its spaces stay in the
/// state, and in the search box).
pub fn encode(state: &State) -> String {
    let mut parts = Vec::new();
    for facet in Facet::ALL {
        let codes = state.codes(facet);
        if !codes.is_empty() {
            let values: Vec<String> = codes.iter().map(|c| percent_encode(c)).collect();
            parts.push(format!("{}={}", facet.key(), values.join(",")));
        }
    }
    if !state.q.trim().is_empty() {
        parts.push(format!("q={}", percent_encode(&state.q)));
    }
    if state.view != View::Provisions {
        parts.push(format!("view={}", state.view.code()));
    }
    if let Some(doc) = &state.doc {
        parts.push(format!("doc={}", percent_encode(doc)));
    }
    if state.lang == Lang::En {
        parts.push("lang=en".to_string());
    }
    if state.group_by_province {
        parts.push("group=province".to_string());
    }
    if state.shares {
        parts.push("measure=share".to_string());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Percent-decoding of a query-string part that never fails: a malformed escape is kept
/// as written, `+` is a space (form encoding), invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(s: &str) -> String {
    decode_bytes(s, true)
}

/// Percent-decoding of a fragment (`#provision-id`): as [`percent_decode`], but `+` is a
/// plus, since form encoding applies to the query string only.
pub fn fragment_decode(s: &str) -> String {
    decode_bytes(s, false)
}

fn decode_bytes(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 3;
                }
                _ => {
                    out.push(b'%');
                    i += 1;
                }
            },
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// A provision's address for a citation or an export: the page `base`, `?lang=en` for
/// the English edition (a reader of the English citation opens the English page), and the
/// provision's fragment. No filters: a citation names the paragraph, not a search.
pub fn cite_link(base: &str, lang: Lang, id: &str) -> String {
    let query = if lang == Lang::En { "?lang=en" } else { "" };
    format!("{base}{query}#{}", percent_encode(id))
}

/// Encodes all but unreserved ASCII (and the comma, which separates codes only in
/// code lists, where codes never contain it).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS: [&str; 2] = ["hunan-hts", "jilin-hts"];

    #[test]
    fn decodes_the_contract_example() {
        let d = decode("?province=hunan,jilin&domain=ip&tool=tax,finance&q=%E8%B4%A8%E6%8A%BC", &DOCS);
        assert_eq!(d.state.provinces, vec!["hunan", "jilin"]);
        assert_eq!(d.state.domains, vec!["ip"]);
        assert_eq!(d.state.tools, vec!["tax", "finance"]);
        assert_eq!(d.state.q, "质押");
        assert!(d.ignored.is_empty());
    }

    #[test]
    fn key_order_and_unknown_keys_do_not_matter() {
        let a = decode("q=a&province=hunan&utm_source=x", &DOCS);
        let b = decode("province=hunan&q=a", &DOCS);
        assert_eq!(a, b);
    }

    #[test]
    fn unknown_codes_are_ignored_and_reported() {
        let d = decode("province=hunan,atlantis&tool=supply,nope&view=map&lang=fr&doc=zz", &DOCS);
        assert_eq!(d.state.provinces, vec!["hunan"]);
        assert_eq!(d.state.tools, vec!["supply"]);
        let ignored: Vec<_> = d.ignored.iter().map(|i| format!("{}={}", i.key, i.value)).collect();
        assert_eq!(ignored, vec!["province=atlantis", "tool=nope", "view=map", "lang=fr", "doc=zz"]);
    }

    #[test]
    fn malformed_percent_encoding_is_kept_as_text() {
        assert_eq!(percent_decode("%E8%B4"), "\u{FFFD}");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("a+b"), "a b");
    }

    #[test]
    fn round_trips_a_full_state() {
        let s = State {
            provinces: vec!["sichuan".into(), "hunan".into()],
            domains: vec!["ip".into()],
            tools: vec!["environment".into(), "tax".into()],
            q: "质押 20% a&b=c,d".into(),
            view: View::Targets,
            doc: Some("jilin-hts".into()),
            lang: Lang::En,
            group_by_province: true,
            shares: true,
        };
        assert_eq!(decode(&encode(&s), &DOCS).state, s);
        assert_eq!(encode(&State::default()), "");
    }

    #[test]
    fn fragment_plus_is_not_a_space() {
        // Regression: the fragment was decoded with the query decoder, so `#a+b` named `a b`.
        assert_eq!(fragment_decode("hunan-hts-3+2"), "hunan-hts-3+2");
        assert_eq!(fragment_decode("a%2Bb%20c"), "a+b c");
        assert_eq!(fragment_decode("%E8%B4%A8%zz"), "质%zz");
        assert_eq!(fragment_decode(&percent_encode("x+y z")), "x+y z");
        assert_eq!(percent_decode("a+b"), "a b");
    }

    #[test]
    fn edits_are_methods_of_the_state() {
        let mut s = State { lang: Lang::En, view: View::Targets, ..State::default() };
        s.toggle(Facet::Province, "hunan");
        s.toggle(Facet::Province, "jilin");
        s.toggle(Facet::Tool, "tax");
        assert_eq!(s.provinces, vec!["hunan", "jilin"]);
        assert!(s.is_selected(Facet::Tool, "tax"));
        s.toggle(Facet::Province, "hunan");
        assert_eq!(s.codes(Facet::Province), ["jilin"]);
        s.remove(Facet::Province, "jilin");
        assert!(s.provinces.is_empty());
        s.clear_facet(Facet::Tool);
        assert!(s.tools.is_empty());
        s.q = "专利".into();
        s.toggle(Facet::Domain, "ip");
        assert!(s.has_filters());
        s.clear_query();
        assert_eq!(s.q, "");
        s.clear_filters();
        assert!(!s.has_filters());
        assert_eq!((s.lang, s.view), (Lang::En, View::Targets));
        s.switch_lang();
        assert_eq!(s.lang, Lang::Zh);
        s.toggle_grouping();
        assert!(s.group_by_province);
        s.open_cell("sichuan", Facet::Tool, "finance");
        assert_eq!((s.provinces.as_slice(), s.tools.as_slice(), s.view), (&["sichuan".to_string()][..], &["finance".to_string()][..], View::Provisions));
        assert_eq!(s.at_view(View::Compare).view, View::Compare);
    }

    #[test]
    fn filters_ignore_what_does_not_change_the_results() {
        let s = State {
            provinces: vec!["hunan".into()],
            q: "税".into(),
            lang: Lang::En,
            view: View::Compare,
            doc: Some("jilin-hts".into()),
            group_by_province: true,
            ..State::default()
        };
        let mut other = s.clone();
        other.switch_lang();
        other.view = View::Targets;
        other.doc = None;
        other.toggle_grouping();
        assert_eq!(s.filters(), other.filters());
        assert_eq!(s.filters().provinces, s.provinces);
        assert_eq!(s.filters().q, s.q);
        other.toggle(Facet::Domain, "ip");
        assert_ne!(s.filters(), other.filters());
    }

    #[test]
    fn general_is_a_domain_value() {
        let d = decode("?domain=testing,general,nope", &DOCS);
        assert_eq!(d.state.domains, vec!["testing", "general"]);
        assert_eq!(d.ignored, vec![Ignored::unrecognised("domain", "nope")]);
        assert_eq!(encode(&d.state), "?domain=testing,general");
    }

    #[test]
    fn facet_keys_are_the_url_keys() {
        let s = decode("?province=hunan&domain=ip&tool=tax", &DOCS).state;
        for facet in Facet::ALL {
            assert_eq!(s.codes(facet).len(), 1, "{}", facet.key());
            assert!(encode(&s).contains(&format!("{}=", facet.key())));
        }
    }

    /// `q=` with `n` copies of `unit`, percent-encoded as a browser sends it.
    fn long_q(unit: &str, n: usize) -> String {
        format!("?q={}&province=hunan", percent_encode(&unit.repeat(n)))
    }

    #[test]
    fn a_too_long_query_is_cut_at_a_char_and_reported_as_too_long() {
        // Regression: a `q` over 200 characters was cut but reported as not recognised.
        for unit in ["质", "a", "😀", "e\u{301}", "知識", "%", "+"] {
            let n = 250;
            let d = decode(&long_q(unit, n), &DOCS);
            assert_eq!(d.state.q.chars().count(), MAX_QUERY_CHARS, "{unit}");
            assert!(unit.repeat(n).starts_with(&d.state.q), "{unit}: the first 200 characters");
            assert_eq!(d.state.provinces, vec!["hunan"], "{unit}: the rest of the link is read");
            assert_eq!(d.ignored.len(), 1, "{unit}");
            assert_eq!((d.ignored[0].key.as_str(), d.ignored[0].reason), ("q", Reason::TooLong), "{unit}");
        }
        // Exactly 200 is not cut; 201 is; a multibyte char across the limit is kept whole
        // or not at all, and a broken escape at the end is one replacement char.
        let d = decode(&long_q("质", MAX_QUERY_CHARS), &DOCS);
        assert_eq!((d.state.q.chars().count(), d.ignored.len()), (200, 0));
        let d = decode(&format!("?q={}%F0%9F%98%80", "a".repeat(199)), &DOCS);
        assert_eq!((d.state.q.chars().count(), d.ignored.len()), (200, 0));
        assert!(d.state.q.ends_with('😀'));
        let d = decode(&format!("?q={}%F0%9F%98%80b", "a".repeat(199)), &DOCS);
        assert_eq!(d.state.q, format!("{}😀", "a".repeat(199)));
        assert_eq!(d.ignored[0].reason, Reason::TooLong);
        let d = decode(&format!("?q={}%E8%B4", "质".repeat(200)), &DOCS);
        assert_eq!(d.state.q, "质".repeat(200), "the broken escape is the 201st char, cut");
        // Spaces around a query of 200 characters do not make it too long.
        let d = decode(&format!("?q=%20%20{}{}", "质".repeat(200), "%20".repeat(30)), &DOCS);
        assert_eq!((d.state.q.as_str(), d.ignored.len()), ("质".repeat(200).as_str(), 0));
        // Control characters do not count, and whatever is cut, encoding the state gives a
        // link that decodes to the same state, with nothing to report.
        let d = decode(&format!("?q={}", "%00a%07".repeat(300)), &DOCS);
        assert_eq!(d.state.q, "a".repeat(200));
        assert_eq!(decode(&encode(&d.state), &DOCS), Decoded { state: d.state.clone(), ignored: vec![] });
    }

    #[test]
    fn a_query_of_only_spaces_is_no_search() {
        // Regression: typing only spaces wrote `q=%20%20`, and a link with it kept them.
        let typed = State { q: "  ".into(), provinces: vec!["hunan".into()], ..State::default() };
        assert_eq!(encode(&typed), "?province=hunan");
        let blank = State { q: " \u{3000} ".into(), ..State::default() };
        assert_eq!((encode(&blank).as_str(), blank.has_filters()), ("", false));
        for blank in ["?q=%20%20", "?q=++", "?q=%E3%80%80%09%20", "?q=", "?q=%00%20"] {
            let d = decode(blank, &DOCS);
            assert_eq!(d.state, State::default(), "{blank}");
            assert!(d.ignored.is_empty(), "{blank}");
            assert_eq!(encode(&d.state), "", "{blank}: canonicalised away");
        }
        // A query with words keeps its spaces as typed (the box is written from the state).
        assert_eq!(decode("?q=%20%E4%B8%93%E5%88%A9%20", &DOCS).state.q, " 专利 ");
        assert_eq!(encode(&State { q: " 专利 ".into(), ..State::default() }), "?q=%20%E4%B8%93%E5%88%A9%20");
        // Also when too long: 300 spaces are no search, not a cut search.
        let d = decode(&format!("?q={}", "%20".repeat(300)), &DOCS);
        assert_eq!((d.state.q.as_str(), d.ignored.len()), ("", 0));
    }
}
