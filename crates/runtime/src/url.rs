//! The shareable URL contract (`taxonomy.md` section 4): all explorer state lives in the
//! query string. Decoding never fails: whatever a link holds, the valid parts are kept
//! and the rest is reported as [`Ignored`] so the page can say what it dropped.

use crate::taxonomy::taxonomy;

/// Longest `q` kept; a longer one is cut (and reported) so no link can stall the page.
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
}

impl State {
    pub fn has_filters(&self) -> bool {
        !self.provinces.is_empty() || !self.domains.is_empty() || !self.tools.is_empty() || !self.q.trim().is_empty()
    }
    pub fn cleared(&self) -> State {
        State { view: self.view, lang: self.lang, doc: self.doc.clone(), group_by_province: self.group_by_province, ..State::default() }
    }
}

/// A part of a URL that was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub key: String,
    pub value: String,
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
        match key.as_str() {
            "province" => add_codes(&value, &mut state.provinces, ignored, "province", |c| t.province(c).is_some()),
            "domain" => add_codes(&value, &mut state.domains, ignored, "domain", |c| t.domain(c).is_some()),
            "tool" => add_codes(&value, &mut state.tools, ignored, "tool", |c| t.is_tool_or_family(c)),
            "q" => {
                let clean: String = value.chars().filter(|c| !c.is_control()).collect();
                if clean.chars().count() > MAX_QUERY_CHARS {
                    ignored.push(Ignored { key: "q".into(), value: format!("{}…", clean.chars().take(20).collect::<String>()) });
                    state.q = clean.chars().take(MAX_QUERY_CHARS).collect();
                } else {
                    state.q = clean;
                }
            }
            "view" => match View::from_code(&value) {
                Some(v) => state.view = v,
                None => ignored.push(Ignored { key, value }),
            },
            "doc" if docs.contains(&value.as_str()) => state.doc = Some(value),
            "lang" if value == "zh" || value == "en" => state.lang = if value == "en" { Lang::En } else { Lang::Zh },
            "group" if value == "province" => state.group_by_province = true,
            "doc" | "lang" | "group" => ignored.push(Ignored { key, value }),
            // Unknown keys never matter (e.g. tracking parameters).
            _ => {}
        }
    }
    out
}

fn add_codes(value: &str, into: &mut Vec<String>, ignored: &mut Vec<Ignored>, key: &str, known: impl Fn(&str) -> bool) {
    for code in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        if !known(code) {
            ignored.push(Ignored { key: key.to_string(), value: code.to_string() });
        } else if !into.iter().any(|c| c == code) {
            into.push(code.to_string());
        }
    }
}

/// Encodes a state as `?key=value&…` in a fixed key order, or `""` for the default state.
pub fn encode(state: &State) -> String {
    let mut parts = Vec::new();
    for (key, codes) in [("province", &state.provinces), ("domain", &state.domains), ("tool", &state.tools)] {
        if !codes.is_empty() {
            let values: Vec<String> = codes.iter().map(|c| percent_encode(c)).collect();
            parts.push(format!("{key}={}", values.join(",")));
        }
    }
    if !state.q.is_empty() {
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
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Percent-decoding that never fails: a malformed escape is kept as written, `+` is a
/// space, invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push(h * 16 + l);
                        i += 3;
                    }
                    _ => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
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
        };
        assert_eq!(decode(&encode(&s), &DOCS).state, s);
        assert_eq!(encode(&State::default()), "");
    }
}
