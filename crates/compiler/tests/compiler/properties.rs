//! Property tests with a fixed seed: the URL codec round-trips every valid state and
//! survives any input; the compiler survives any text. No test dependency: a small
//! xorshift generator keeps runs reproducible.

use hts_compiler::catalog::Entry;
use hts_compiler::document::compile_document;
use hts_compiler::pieces::pieces;
use hts_runtime::taxonomy::taxonomy;
use hts_runtime::url::{decode, encode, Lang, State, View, MAX_QUERY_CHARS};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const CASES: usize = 5_000;
const DOCS: [&str; 3] = ["hunan-hts", "jilin-hts", "x-1"];

/// Characters that stress a codec: separators, escapes, CJK, combining marks, emoji,
/// RTL marks, markup.
const NASTY: [&str; 24] = [
    "&",
    "=",
    ",",
    "%",
    "%2",
    "%zz",
    "+",
    "#",
    "?",
    " ",
    "质押",
    "２０％",
    "e\u{301}",
    "😀",
    "\u{202E}",
    "\u{200F}",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"",
    "'",
    "\\",
    "/",
    "\u{FEFF}",
    "a",
];

fn random_codes(rng: &mut Rng, pool: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for _ in 0..rng.below(4) {
        let c = rng.pick(pool).clone();
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

fn random_text(rng: &mut Rng, max_parts: usize) -> String {
    (0..rng.below(max_parts)).map(|_| *rng.pick(&NASTY)).collect()
}

#[test]
fn decode_of_encode_is_the_state_for_every_valid_state() {
    let t = taxonomy();
    let provinces: Vec<String> = t.provinces.iter().map(|p| p.code.clone()).collect();
    let domains: Vec<String> = t.domains.iter().map(|d| d.code.clone()).chain([hts_runtime::search::GENERAL.to_string()]).collect();
    let tools: Vec<String> = t.tools.iter().map(|x| x.code.clone()).chain(t.families.iter().map(|f| f.code.clone())).collect();
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    for case in 0..CASES {
        let q: String = random_text(&mut rng, 6).chars().filter(|c| !c.is_control()).take(MAX_QUERY_CHARS).collect();
        // A query of only spaces is no search: it has no `q` in the URL, so the state a URL
        // can hold has an empty one instead.
        let q = if q.trim().is_empty() { String::new() } else { q };
        let state = State {
            provinces: random_codes(&mut rng, &provinces),
            domains: random_codes(&mut rng, &domains),
            tools: random_codes(&mut rng, &tools),
            q,
            view: *rng.pick(&View::ALL),
            doc: rng.chance(50).then(|| rng.pick(&DOCS).to_string()),
            lang: if rng.chance(50) { Lang::En } else { Lang::Zh },
            group_by_province: rng.chance(30),
            shares: rng.chance(30),
        };
        let url = encode(&state);
        let back = decode(&url, &DOCS);
        assert_eq!(back.state, state, "case {case}: {url}");
        assert!(back.ignored.is_empty(), "case {case}: {url} → {:?}", back.ignored);
    }
}

#[test]
fn decode_never_panics_and_keeps_only_valid_codes() {
    let keys = ["province", "domain", "tool", "q", "view", "doc", "lang", "group", "x", ""];
    let mut rng = Rng(0x0BAD_C0DE_0000_0002);
    for _ in 0..CASES {
        let query: String = (0..rng.below(6))
            .map(|_| format!("{}={}", rng.pick(&keys), random_text(&mut rng, 5)))
            .collect::<Vec<_>>()
            .join(if rng.chance(80) { "&" } else { "&&" });
        let d = decode(&query, &DOCS);
        let t = taxonomy();
        assert!(d.state.provinces.iter().all(|c| t.province(c).is_some()), "{query}");
        assert!(d.state.domains.iter().all(|c| t.domain(c).is_some()), "{query}");
        assert!(d.state.tools.iter().all(|c| t.is_tool_or_family(c)), "{query}");
        assert!(d.state.q.chars().count() <= MAX_QUERY_CHARS);
        assert!(!d.state.q.chars().any(char::is_control));
    }
}

#[test]
fn a_100_kb_query_is_cut_and_reported() {
    let long = "质".repeat(100_000 / 3);
    let d = decode(&format!("q={long}"), &DOCS);
    assert_eq!(d.state.q.chars().count(), MAX_QUERY_CHARS);
    assert_eq!(d.ignored[0].key, "q");
    assert_eq!(d.ignored[0].reason, hts_runtime::url::Reason::TooLong, "cut, not unrecognised");
}

/// Fragments of official prose and structure, mixed at random.
const TEXT_PARTS: [&str; 30] = [
    "一、",
    "（一）",
    "1、",
    "2.",
    "3．",
    "（1）",
    "(二)",
    "十二、",
    "。",
    "；",
    "：",
    "，",
    "！",
    "？",
    "\n",
    "\n\n",
    "　　",
    "加快发展高技术服务业",
    "（省发展改革委负责）",
    "（省科技厅、",
    "负责）",
    "到2015年",
    "年均增长20%以上",
    "培育100家",
    "湖南省人民政府办公厅",
    "2013年7月25日",
    "发布日期:2012-11-08",
    "粤府办〔2012〕101号",
    "━━━━",
    "各市州人民政府：",
];

#[test]
fn the_compiler_never_panics_on_arbitrary_text() {
    let entry = Entry {
        file: "random.txt".into(),
        id: "random".into(),
        province: "hunan".into(),
        title: None,
        issuer: None,
        date: None,
        doc_number: None,
        publication_date: None,
        source_url: None,
        notes: None,
    };
    let mut rng = Rng(0xFEED_FACE_0000_0003);
    for _ in 0..2_000 {
        let text: String = (0..rng.below(40)).map(|_| if rng.chance(85) { rng.pick(&TEXT_PARTS).to_string() } else { random_text(&mut rng, 2) }).collect();
        let _ = pieces(&text);
        if let Ok(compiled) = compile_document(&entry, &text, None) {
            for p in &compiled.provisions {
                assert!(!p.sentences.is_empty(), "empty provision from {text:?}");
            }
        }
    }
}
