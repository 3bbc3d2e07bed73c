//! Quantitative targets: `年均增长20%以上`, `培育100家……骨干企业`, `到2015年……达到1157亿元`.
//!
//! A number counts as a target when it carries a unit of measure, sits in a target
//! context (a deadline year, 目标 in its section, or growth wording) and is not a
//! document number, a date or the threshold of a rule (`不超过500万元的部分`). Outside a
//! target context, a programme quantity counts too (`重点建设……等10个……产业集群`).
//!
//! Each target is read as a reader would quote it:
//! - **what is counted, and where**: the words of its own item. In a list
//!   (`国家级质检中心25个、省级质检中心60个`, `……等3个国家质检中心和……等16个省级质检中心`)
//!   each figure has its own item, and an item without a verb takes the verb phrase of the
//!   list's first item (`在全省规划建设省级质检中心`). Figures stated respectively
//!   (`城市和农村……达到20Mbps和4Mbps`) give each conjunct its figure (`城市……`, `农村……`).
//!   A place or subject list before the indicator stays (`中心城市、山东半岛蓝色经济区……`).
//! - **examples are not the indicator**: in `……发展A、B、C等4个重点领域` the indicator is the
//!   programme's items (`大力发展重点领域`), never `A`; descriptive modifiers are dropped
//!   (`100家创新能力较强……的骨干企业` → `骨干企业`) unless they are a criterion with a
//!   figure (`营业收入过亿元的骨干企业`).
//! - **how the value is bounded**, in [`Found::qualifier`]: `以上` `左右` `以下` `以内` written
//!   after the figure, else `不低于` `不少于` `超过` `突破` `达到` right before it, else `力争`
//!   in its clause.
//!
//! Matching folds traditional characters to simplified ([`crate::text::simplify_char`]) and
//! full-width forms to half width, one character for one, so `15萬個`, `超過` and `２０％`
//! read like `15万个`, `超过` and `20%`; indicator and clause keep the text as written.

use crate::text::simplify_char;
use hts_runtime::fold::fold_char;
use hts_runtime::model::TargetKind;

/// Units, folded, in the order they are tried (longer first where one is a prefix of
/// another). The unit of a target is given in this folded, simplified form.
const UNITS: [&str; 22] =
    ["万亿元", "亿元", "万元", "万人", "万户", "万个", "万家", "万项", "万件", "mbps", "%", "家", "个", "项", "件", "人", "户", "所", "座", "倍", "g", "支"];
const COUNT_UNITS: [&str; 15] = ["家", "个", "项", "件", "人", "户", "所", "座", "支", "万户", "万人", "万个", "万家", "万项", "万件"];
const GROWTH_WORDS: [&str; 4] = ["增长", "增速", "提高", "提升"];
const CONTEXT_WORDS: [&str; 6] = ["年均增长", "力争", "达到", "目标", "十二五", "十三五"];
const CLAUSE_BREAKS: [char; 7] = ['，', '；', '。', '：', ',', ';', ':'];
/// Words that separate the items of a list of figures.
const LIST_SEPARATORS: [char; 4] = ['、', '和', '及', '与'];
/// Bounds written after a figure (`500家以上`).
pub const QUALIFIERS_AFTER: [&str; 4] = ["以上", "左右", "以下", "以内"];
/// Bounds written right before a figure (`超过4000G`); `达到` last, as the weakest.
pub const QUALIFIERS_BEFORE: [&str; 5] = ["不低于", "不少于", "超过", "突破", "达到"];
/// A hedge on the whole clause (`力争建成20个……`), when no bound is written at the figure.
pub const STRIVE: &str = "力争";
/// Verbs that make a programme quantity of a `……等N个……` list.
const BUILD_VERBS: [&str; 7] = ["建设", "建成", "培育", "打造", "推进", "形成", "发展"];
/// Verbs that head an item's verb phrase (`在全省规划建设`, `重点培植`).
const VERBS: [&str; 16] = ["建设", "建成", "培育", "打造", "推进", "形成", "发展", "建立", "实现", "培养", "培植", "引进", "新增", "认定", "组建", "设立"];
/// A counted noun that is an action (`重大科技成果的转化与产业化`): its modifier is what
/// is counted and stays.
const ACTION_ENDINGS: [&str; 4] = ["化", "应用", "推广", "转化"];

/// One target read from a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// What is counted and where, in the text's words (`在全省规划建设省级质检中心`).
    pub indicator: String,
    /// The part of the sentence that states the target, as written: its own item in a
    /// list (`碳纤维等16个省级质检中心`), else its clause (`高技术服务业营业收入年均增长20%以上`).
    pub clause: String,
    pub value: f64,
    pub value_max: Option<f64>,
    /// The unit, folded: simplified and half width (`万个` for `萬個`, `%` for `％`).
    pub unit: String,
    pub year: Option<u16>,
    pub kind: TargetKind,
    /// How the value is bounded, as written (simplified): one of [`QUALIFIERS_AFTER`],
    /// [`QUALIFIERS_BEFORE`] or [`STRIVE`].
    pub qualifier: Option<String>,
    /// A programme quantity (`重点建设……等10个……产业集群`): the size of a plan's list, stated
    /// without a deadline, rather than a result to reach.
    pub programme: bool,
}

/// Folds a character for matching: traditional to simplified, full width to half, lower
/// case. One character for one.
fn fold(c: char) -> char {
    fold_char(simplify_char(c))
}

fn folded(s: &str) -> String {
    s.chars().map(fold).collect()
}

/// The deadline a sentence states: `到2015年` → 2015, `“十二五”期间/末期` → 2015.
pub fn deadline_year(s: &str) -> Option<u16> {
    let chars: Vec<char> = s.chars().map(fold).collect();
    for i in 0..chars.len() {
        if matches!(chars[i], '到' | '至' | '于') && i + 5 < chars.len() && chars[i + 5] == '年' {
            let year: String = chars[i + 1..i + 5].iter().collect();
            if let Ok(y) = year.parse::<u16>() {
                if (2000..=2100).contains(&y) {
                    return Some(y);
                }
            }
        }
    }
    let s: String = chars.into_iter().collect();
    if s.contains("十二五") {
        return Some(2015);
    }
    if s.contains("十三五") {
        return Some(2020);
    }
    None
}

/// Is this sentence (with its section path and the year carried from earlier sentences
/// of its provision) a place where targets are stated?
pub fn in_target_context(sentence: &str, path: &[String], carried_year: Option<u16>) -> bool {
    let sentence = folded(sentence);
    carried_year.is_some()
        || deadline_year(&sentence).is_some()
        || CONTEXT_WORDS.iter().any(|w| sentence.contains(w))
        || path.iter().any(|h| folded(h).contains("目标"))
}

/// A figure with its unit, in char positions of the sentence.
struct Figure {
    start: usize,
    /// After the unit.
    end: usize,
    value: f64,
    value_max: Option<f64>,
    unit: &'static str,
    programme: bool,
}

/// Extracts the targets of one sentence. `year` is the deadline in force. Outside a
/// target context (`in_context` false) only programme quantities count:
/// `重点建设……等10个……产业集群`.
pub fn extract(sentence: &str, year: Option<u16>, in_context: bool) -> Vec<Found> {
    let text: Vec<char> = sentence.chars().collect();
    let f: Vec<char> = text.iter().map(|&c| fold(c)).collect();
    let figures = figures(&f, in_context);
    let clauses: Vec<(usize, usize)> = figures.iter().map(|g| clause_bounds(&f, g.start, g.end)).collect();
    // Each figure's item: its clause, cut between the figures of a list.
    let mut items = clauses.clone();
    // The first figure of each figure's group of respective figures (`20Mbps和4Mbps`).
    let mut group: Vec<usize> = (0..figures.len()).collect();
    for k in 1..figures.len() {
        let (a, b) = (&figures[k - 1], &figures[k]);
        if clauses[k - 1] != clauses[k] {
            continue;
        }
        let from = a.end + qualifier_after(&f, a.end).map_or(0, |q| q.chars().count());
        if from < b.start && b.start - from == 1 && LIST_SEPARATORS.contains(&f[from]) && a.unit == b.unit {
            group[k] = group[k - 1];
            continue;
        }
        if let Some(sep) = (from..b.start).find(|&i| LIST_SEPARATORS.contains(&f[i])) {
            items[k - 1].1 = sep;
            items[k].0 = sep + 1;
        }
    }
    let mut found = Vec::new();
    // The verb phrase of the sentence's last count that had one (`在全省规划建设`).
    let mut verb_phrase: Option<String> = None;
    // The subject of the sentence's last level (`全省高技术服务业营业收入突破2000亿元`), for a
    // growth rate that follows it without one (`，年均增长20%以上`).
    let mut subject: Option<String> = None;
    for (n, g) in figures.iter().enumerate() {
        let first = group[n];
        let members: Vec<usize> = (0..figures.len()).filter(|&k| group[k] == first).collect();
        let last = *members.last().unwrap_or(&n);
        let (from, to) = (items[first].0, items[last].1);
        // Before the figure (the first of its group): the subject, or a verb phrase.
        let bs = strip_lead(&f, from, figures[first].start);
        let mut be = figures[first].start;
        let mut qualifier = qualifier_after(&f, g.end).map(str::to_string);
        if let Some(q) = QUALIFIERS_BEFORE.iter().find(|q| ends_with(&f, bs, be, q)) {
            be -= q.chars().count();
            qualifier.get_or_insert_with(|| q.to_string());
        }
        if qualifier.is_none() && find(&f, clauses[n].0, g.start, STRIVE).is_some() {
            qualifier = Some(STRIVE.to_string());
        }
        let mut before = (bs, be);
        // `……发展A、B、C等4个重点领域`: the examples are not the indicator.
        let examples = ends_with(&f, bs, be, "等");
        if examples {
            before.1 = verb_end(&f, bs, be).unwrap_or(bs);
        }
        while before.1 > before.0 && matches!(f[before.1 - 1], '等' | '和' | ' ') {
            before.1 -= 1;
        }
        // After the figure (the last of its group), up to the end of the item.
        let after_start = figures[last].end + qualifier_after(&f, figures[last].end).map_or(0, |q| q.chars().count());
        let after = trim(&f, after_start.min(to), to);
        let is_count = COUNT_UNITS.contains(&g.unit);
        let words = |(a, b): (usize, usize)| -> String { text[a..b].iter().collect() };
        let has_verb = verb_end(&f, before.0, before.1).is_some();
        let mut indicator = if is_count {
            let counted = if after.0 < after.1 { counted(&f, after) } else { (after.1, after.1) };
            let own = format!("{}{}", words(before), words(counted));
            match (&verb_phrase, has_verb) {
                (Some(phrase), false) if members.len() == 1 => format!("{phrase}{own}"),
                _ => own,
            }
        } else {
            let (bt, at) = (words(before), words(after));
            let growth = GROWTH_WORDS.iter().any(|w| folded(&bt).contains(w));
            let level = if !at.is_empty() && !growth {
                format!("{bt}{at}")
            } else if bt.is_empty() {
                at
            } else {
                bt
            };
            match folded(&level).strip_prefix("实现") {
                Some(rest) if !rest.is_empty() => level.chars().skip(2).collect(),
                _ => level,
            }
        };
        if is_count && has_verb {
            verb_phrase = verb_end(&f, before.0, before.1).map(|e| words((before.0, e)));
        }
        if members.len() > 1 {
            indicator = respective(&indicator, members.len(), members.iter().position(|&k| k == n).unwrap_or(0));
        }
        if !is_count {
            let growth_only = ["年均", "年增长", "增长", "同比"].iter().any(|w| folded(&indicator).starts_with(w));
            match &subject {
                Some(subject) if growth_only => indicator = format!("{subject}{indicator}"),
                _ if !GROWTH_WORDS.iter().any(|w| folded(&indicator).contains(w)) => subject = Some(indicator.clone()),
                _ => {}
            }
        }
        let clause = quoted(&words(trim(&f, from, to)));
        let kind = if g.unit == "%" && GROWTH_WORDS.iter().any(|w| folded(&indicator).contains(w)) {
            TargetKind::Growth
        } else if is_count {
            TargetKind::Count
        } else {
            TargetKind::Level
        };
        let unit = match g.unit {
            "mbps" => "Mbps",
            "g" => "G",
            u => u,
        };
        let programme = g.programme && !in_context;
        found.push(Found {
            indicator,
            clause,
            value: g.value,
            value_max: g.value_max,
            unit: unit.to_string(),
            year: if in_context { year } else { None },
            kind,
            qualifier,
            programme,
        });
    }
    found
}

/// Every figure with a unit that is a target here.
fn figures(f: &[char], in_context: bool) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < f.len() {
        if !f[i].is_ascii_digit() || (i > 0 && (f[i - 1].is_ascii_digit() || f[i - 1] == '.')) {
            i += 1;
            continue;
        }
        let (value, after_value) = read_number(f, i);
        let (value_max, after_range) = read_range_end(f, after_value);
        let Some(unit) = unit_at(f, after_range) else {
            i = after_value.max(i + 1);
            continue;
        };
        let end = after_range + unit.chars().count();
        let programme = i > 0 && f[i - 1] == '等' && COUNT_UNITS.contains(&unit) && BUILD_VERBS.iter().any(|v| clause_of(f, i, end).contains(v));
        if !is_not_a_target(f, i, end, unit) && (in_context || programme) {
            out.push(Figure { start: i, end, value, value_max, unit, programme });
        }
        i = end;
    }
    // A figure that qualifies what a later count of its clause counts is a criterion, not a
    // target: `培育营业收入超过5亿元的骨干企业30家`.
    let criterion = |a: &Figure| {
        f.get(a.end) == Some(&'的')
            && out.iter().any(|b| b.start > a.end && COUNT_UNITS.contains(&b.unit) && clause_bounds(f, a.start, a.end) == clause_bounds(f, b.start, b.end))
    };
    let keep: Vec<bool> = out.iter().map(|a| !criterion(a)).collect();
    out.into_iter().zip(keep).filter(|(_, k)| *k).map(|(a, _)| a).collect()
}

/// A number: digits, a decimal point, thousands separators (`1,157`).
fn read_number(chars: &[char], start: usize) -> (f64, usize) {
    let digit = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_digit());
    let mut end = start;
    let mut text = String::new();
    loop {
        if digit(end) {
            text.push(chars[end]);
            end += 1;
        } else if chars.get(end) == Some(&'.') && digit(end + 1) && !text.contains('.') {
            text.push('.');
            end += 1;
        } else if chars.get(end) == Some(&',') && (1..=3).all(|k| digit(end + k)) && !digit(end + 4) && !text.contains('.') {
            end += 1;
        } else {
            break;
        }
    }
    (text.parse().unwrap_or(0.0), end)
}

/// `10到15家`, `10-15家`, `10～15家`.
fn read_range_end(chars: &[char], at: usize) -> (Option<f64>, usize) {
    if at < chars.len() && matches!(chars[at], '到' | '-' | '~' | '至' | '—') && chars.get(at + 1).is_some_and(|c| c.is_ascii_digit()) {
        let (max, end) = read_number(chars, at + 1);
        return (Some(max), end);
    }
    (None, at)
}

fn unit_at(chars: &[char], at: usize) -> Option<&'static str> {
    UNITS.into_iter().find(|u| starts_with(chars, at, u))
}

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..).zip(word.chars()).all(|(i, c)| chars.get(i) == Some(&c))
}

fn ends_with(chars: &[char], from: usize, to: usize, word: &str) -> bool {
    let n = word.chars().count();
    to >= from + n && starts_with(chars, to - n, word)
}

/// The first position in `from..to` where `word` starts and ends within the range.
fn find(chars: &[char], from: usize, to: usize, word: &str) -> Option<usize> {
    let n = word.chars().count();
    (from..to).find(|&i| i + n <= to && starts_with(chars, i, word))
}

/// The end of the first verb of [`VERBS`] in `from..to`.
fn verb_end(chars: &[char], from: usize, to: usize) -> Option<usize> {
    VERBS.iter().filter_map(|v| find(chars, from, to, v).map(|i| (i, i + v.chars().count()))).min().map(|(_, end)| end)
}

fn qualifier_after(chars: &[char], at: usize) -> Option<&'static str> {
    QUALIFIERS_AFTER.into_iter().find(|q| starts_with(chars, at, q))
}

fn is_not_a_target(chars: &[char], start: usize, end: usize, unit: &str) -> bool {
    let before: String = chars[start.saturating_sub(4)..start].iter().collect();
    let after: String = chars[end..(end + 3).min(chars.len())].iter().collect();
    let clause = clause_of(chars, start, end);
    // Thresholds of a rule, not goals: `不超过500万元的部分`, `减按15%的税率`.
    let threshold = after.starts_with("的部分")
        || after.starts_with("的税率")
        || (before.ends_with("不超过") && after.starts_with('的'))
        || ["税率", "所得", "即可", "标准的", "执行"].iter().any(|w| clause.contains(w));
    // Bandwidth units only with bandwidth: `4000G` but not `3G网络`.
    let stray_bandwidth = unit == "g" && !clause.contains("带宽");
    let letter_before = start > 0 && chars[start - 1].is_ascii_alphabetic();
    threshold || stray_bandwidth || letter_before || before.ends_with('〔') || before.ends_with('[')
}

/// The clause around chars `start..end`: between clause breaks.
fn clause_bounds(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let from = chars[..start].iter().rposition(|c| CLAUSE_BREAKS.contains(c)).map_or(0, |p| p + 1);
    let to = chars[end..].iter().position(|c| CLAUSE_BREAKS.contains(c)).map_or(chars.len(), |p| end + p);
    (from, to)
}

fn clause_of(chars: &[char], start: usize, end: usize) -> String {
    let (from, to) = clause_bounds(chars, start, end);
    chars[from..to].iter().collect()
}

fn trim(chars: &[char], mut from: usize, mut to: usize) -> (usize, usize) {
    while from < to && (chars[from].is_whitespace() || chars[from] == '\u{3000}') {
        from += 1;
    }
    while to > from && (chars[to - 1].is_whitespace() || chars[to - 1] == '\u{3000}') {
        to -= 1;
    }
    (from, to)
}

/// A clause without an unbalanced quotation mark at its start (`”期间……` → `期间……`).
fn quoted(clause: &str) -> String {
    let mut s = clause;
    loop {
        if let Some(rest) = s.strip_prefix('”') {
            s = rest;
        } else if s.starts_with('“') && !s.contains('”') {
            s = &s['“'.len_utf8()..];
        } else {
            return s.to_string();
        }
    }
}

/// Drops what leads into the indicator without being part of it: a deadline
/// (`到2015年`, `“十二五”期间`), `力争`, `即`, punctuation.
fn strip_lead(f: &[char], mut from: usize, to: usize) -> usize {
    loop {
        let year_at = |i: usize| i + 5 <= to && f[i..i + 4].iter().all(char::is_ascii_digit) && f[i + 4] == '年';
        if starts_with(f, from, STRIVE) && from + 2 <= to {
            from += 2;
        } else if from < to && matches!(f[from], '即' | '，' | '、' | ' ' | '\u{3000}') {
            from += 1;
        } else if from < to && matches!(f[from], '到' | '至') && year_at(from + 1) {
            from += 6;
            from += usize::from(from < to && matches!(f[from], '底' | '末'));
        } else if year_at(from) {
            from += 5;
            from += usize::from(from < to && matches!(f[from], '底' | '末'));
        } else if let Some(end) = plan_period_end(f, from, to) {
            from = end;
        } else {
            return from;
        }
    }
}

/// The end of `“十二五”期间` / `十二五时期` / `“十二五”末` at `from`.
fn plan_period_end(f: &[char], from: usize, to: usize) -> Option<usize> {
    let five = (from + 1..(from + 6).min(to)).find(|&i| f[i] == '五' && matches!(f[i - 1], '二' | '三' | '四'))?;
    let mut end = five + 1;
    if f.get(end) == Some(&'”') || f.get(end) == Some(&'"') {
        end += 1;
    }
    ["期间", "时期", "末期", "末", ""].iter().find(|p| starts_with(f, end, p)).map(|p| end + p.chars().count()).filter(|&e| e <= to && e > from)
}

/// What a count counts, after its figure: the noun after the last `的`, keeping a
/// modifier that is a criterion (`营业收入过亿元的骨干企业`) or the thing an action counts
/// (`重大科技成果的转化与产业化`).
fn counted(f: &[char], (from, to): (usize, usize)) -> (usize, usize) {
    let from = if f.get(from) == Some(&'的') { from + 1 } else { from };
    let Some(de) = (from..to).rev().find(|&i| f[i] == '的') else { return (from, to) };
    let modifier = &f[from..de];
    let criterion = modifier.iter().any(|c| c.is_ascii_digit() || matches!(c, '亿' | '万'));
    let action = ACTION_ENDINGS.iter().any(|e| ends_with(f, de + 1, to, e));
    if criterion || action {
        (from, to)
    } else {
        (de + 1, to)
    }
}

/// The indicator of member `k` of `n` figures stated respectively: `城市和农村互联网带宽`
/// gives `城市互联网带宽` and `农村互联网带宽` when the subject opens with `n` parallel
/// conjuncts of up to four characters; else the subject as it is.
fn respective(subject: &str, n: usize, k: usize) -> String {
    let chars: Vec<char> = subject.chars().collect();
    let f: Vec<char> = chars.iter().map(|&c| fold(c)).collect();
    let seps: Vec<usize> = (0..f.len()).filter(|&i| LIST_SEPARATORS.contains(&f[i])).take(n - 1).collect();
    if seps.len() < n - 1 {
        return subject.to_string();
    }
    let width = seps[0];
    let mut starts = vec![0];
    starts.extend(seps.iter().map(|s| s + 1));
    let parallel = (1..n - 1).all(|j| seps[j] - starts[j] == width);
    let last = starts[n - 1];
    if width == 0 || width > 4 || !parallel || chars.len() <= last + width {
        return subject.to_string();
    }
    let head: String = chars[last + width..].iter().collect();
    let conjunct: String = chars[starts[k]..starts[k] + width].iter().collect();
    format!("{conjunct}{head}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Found {
        let t = extract(s, deadline_year(s).or(Some(2015)), true);
        assert_eq!(t.len(), 1, "{s}: {t:?}");
        t.into_iter().next().unwrap()
    }

    fn indicators(t: &[Found]) -> Vec<&str> {
        t.iter().map(|t| t.indicator.as_str()).collect()
    }

    #[test]
    fn reads_a_growth_target_with_its_deadline() {
        let s = "“十二五”期间，高技术服务业营业收入年均增长20%以上。";
        let year = deadline_year(s);
        assert_eq!(year, Some(2015));
        let t = extract(s, year, true);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].value, t[0].unit.as_str(), t[0].kind), (20.0, "%", TargetKind::Growth));
        assert_eq!(t[0].indicator, "高技术服务业营业收入年均增长");
        assert_eq!(t[0].qualifier.as_deref(), Some("以上"));
        // A plan period glued to the indicator, and its quotation marks kept in the clause.
        let t = one("“十二五”期间高技术服务业营业收入年均增长20%以上。");
        assert_eq!((t.indicator.as_str(), t.clause.as_str()), ("高技术服务业营业收入年均增长", "“十二五”期间高技术服务业营业收入年均增长20%以上"));
    }

    #[test]
    fn reads_counts_ranges_and_full_width_units() {
        let t = one("形成10到15家产业特色鲜明、比较优势突出的高技术服务产业基地和创新集聚区；");
        assert_eq!((t.value, t.value_max, t.unit.as_str()), (10.0, Some(15.0), "家"));
        assert_eq!(t.indicator, "形成高技术服务产业基地和创新集聚区");
        let t = extract("互联网出省带宽超过4000Ｇ，行政村100％通宽带，城市带宽达到20Ｍｂｐｓ和4Ｍｂｐｓ。", Some(2015), true);
        let units: Vec<_> = t.iter().map(|t| (t.value, t.unit.as_str())).collect();
        assert_eq!(units, vec![(4000.0, "G"), (100.0, "%"), (20.0, "Mbps"), (4.0, "Mbps")]);
        assert_eq!(indicators(&t), vec!["互联网出省带宽", "行政村通宽带", "城市带宽", "城市带宽"]);
        let qualifiers: Vec<_> = t.iter().map(|t| t.qualifier.as_deref()).collect();
        assert_eq!(qualifiers, vec![Some("超过"), None, Some("达到"), Some("达到")]);
    }

    #[test]
    fn each_item_of_a_list_is_its_own_target_with_the_list_verb() {
        let t = extract("到2015年，在全省规划建设国家级质检中心25个、省级质检中心60个、区域性中心5个，检验检测公共技术服务平台30个。", Some(2015), true);
        assert_eq!(
            indicators(&t),
            vec!["在全省规划建设国家级质检中心", "在全省规划建设省级质检中心", "在全省规划建设区域性中心", "在全省规划建设检验检测公共技术服务平台"]
        );
        let clauses: Vec<_> = t.iter().map(|t| t.clause.as_str()).collect();
        assert_eq!(clauses, vec!["在全省规划建设国家级质检中心25个", "省级质检中心60个", "区域性中心5个", "检验检测公共技术服务平台30个"]);
        // Two programme items joined by 和, each with its own example and words.
        let t = extract("加快建设节能环保墙体材料等3个国家质检中心和碳纤维等16个省级质检中心。", None, false);
        assert_eq!(indicators(&t), vec!["加快建设国家质检中心", "加快建设省级质检中心"]);
        let clauses: Vec<_> = t.iter().map(|t| t.clause.as_str()).collect();
        assert_eq!(clauses, vec!["加快建设节能环保墙体材料等3个国家质检中心", "碳纤维等16个省级质检中心"]);
        assert!(t.iter().all(|t| t.programme && t.year.is_none()));
        // The verb of the first item carries to items that have none.
        let t = extract(
            "到2015年，实现100项重大科技成果的转化与产业化，1000项共性技术成果推广应用，建立20个科技成果转化示范基地，100个科技成果转化示范企业。",
            Some(2015),
            true,
        );
        assert_eq!(indicators(&t), vec!["实现重大科技成果的转化与产业化", "实现共性技术成果推广应用", "建立科技成果转化示范基地", "建立科技成果转化示范企业"]);
    }

    #[test]
    fn figures_stated_respectively_go_to_their_own_conjunct() {
        let t = extract("到“十二五”末期，城市和农村互联网带宽基本能力达到20Ｍｂｐｓ和4Ｍｂｐｓ。", Some(2015), true);
        assert_eq!(indicators(&t), vec!["城市互联网带宽基本能力", "农村互联网带宽基本能力"]);
        assert!(t.iter().all(|t| t.clause == "城市和农村互联网带宽基本能力达到20Ｍｂｐｓ和4Ｍｂｐｓ"));
        // A subject list is where the figure applies: it stays whole.
        let t = one("中心城市、山东半岛蓝色经济区高技术服务业实现营业收入年均增长25%以上。");
        assert_eq!(t.indicator, "中心城市、山东半岛蓝色经济区高技术服务业实现营业收入年均增长");
    }

    #[test]
    fn a_figure_that_qualifies_what_is_counted_is_not_a_target() {
        let t = one("到2015年，培育营业收入超过5亿元的骨干企业30家。");
        assert_eq!((t.indicator.as_str(), t.value, t.unit.as_str()), ("培育营业收入超过5亿元的骨干企业", 30.0, "家"));
    }

    #[test]
    fn a_growth_rate_without_a_subject_takes_the_level_before_it() {
        let t = extract("到2015年，全省高技术服务业营业收入突破2000亿元，年均增长20%以上；", Some(2015), true);
        assert_eq!(indicators(&t), vec!["全省高技术服务业营业收入", "全省高技术服务业营业收入年均增长"]);
        assert_eq!(t[1].kind, TargetKind::Growth);
    }

    #[test]
    fn qualifiers_are_kept_as_written() {
        let cases = [
            ("到2015年，全省知识产权中介服务机构达到500家以上。", "全省知识产权中介服务机构", Some("以上")),
            ("知识产权服务收入年增长率达到20%。", "知识产权服务收入年增长率", Some("达到")),
            ("专业技术骨干3000人左右。", "专业技术骨干", Some("左右")),
            ("到2015年，力争建成20个高技术服务业基地。", "建成高技术服务业基地", Some("力争")),
            ("到2015年，软件业务收入不低于500亿元。", "软件业务收入", Some("不低于")),
            ("电信业务总量累计达到1157亿元。", "电信业务总量累计", Some("达到")),
            ("实现电子商务年交易额1000亿元。", "电子商务年交易额", None),
        ];
        for (s, indicator, qualifier) in cases {
            let t = one(s);
            assert_eq!((t.indicator.as_str(), t.qualifier.as_deref()), (indicator, qualifier), "{s}");
        }
    }

    #[test]
    fn modifiers_go_unless_they_are_a_criterion() {
        assert_eq!(one("培育100家创新能力较强、服务水平较高、具有国内外影响力的高技术服务骨干企业；").indicator, "培育高技术服务骨干企业");
        assert_eq!(one("到2015年，力争打造200个特色鲜明的高技术服务业主题楼宇。").indicator, "打造高技术服务业主题楼宇");
        assert_eq!(one("到2015年，力争在优势领域重点培植100个营业收入过亿元的骨干企业。").indicator, "在优势领域重点培植营业收入过亿元的骨干企业");
    }

    #[test]
    fn document_numbers_dates_and_thresholds_are_not_targets() {
        for s in [
            "（国办发〔2011〕58号）",
            "到2015年，",
            "技术转让所得不超过500万元的部分，免征企业所得税。",
            "减按15%的税率征收企业所得税。",
            "发展3G网络。",
            "母公司注册资本达到500万元、有2个以上子公司即可。",
            "(国办发[2011]58号)",
        ] {
            assert!(extract(s, Some(2015), true).is_empty(), "{s}");
        }
    }

    #[test]
    fn programme_quantities_name_the_programme_items_not_an_example() {
        let s = "重点实施“411工程”，即大力发展信息服务、生物技术服务、研发设计服务、技术创新服务等4个重点领域，重点建设数字文化产业、新材料研发服务产业、工程机械服务产业等10个具有鲜明特色的高技术服务产业集群，着力推进国家超算长沙中心、中国移动电子商务基地建设等100个重点高技术服务项目。";
        let t = extract(s, None, false);
        assert_eq!(indicators(&t), vec!["大力发展重点领域", "重点建设高技术服务产业集群", "着力推进重点高技术服务项目"]);
        assert!(t.iter().all(|t| t.programme && t.year.is_none() && t.kind == TargetKind::Count));
        let t = extract("重点建设数字文化产业等10个高技术服务产业集群，支持2个以上企业。", None, false);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].value, t[0].year), (10.0, None));
        assert_eq!(t[0].indicator, "重点建设高技术服务产业集群");
    }

    #[test]
    fn traditional_characters_and_wan_yi_units() {
        let t = extract("到2015年，新增寬帶端口15萬個，軟件和信息服務業收入達到5.5萬億元，培育骨干企業超過1,200家。", Some(2015), true);
        let got: Vec<_> = t.iter().map(|t| (t.indicator.as_str(), t.value, t.unit.as_str(), t.qualifier.as_deref(), t.kind)).collect();
        assert_eq!(
            got,
            vec![
                ("新增寬帶端口", 15.0, "万个", None, TargetKind::Count),
                ("軟件和信息服務業收入", 5.5, "万亿元", Some("达到"), TargetKind::Level),
                ("培育骨干企業", 1200.0, "家", Some("超过"), TargetKind::Count),
            ]
        );
        let t = one("“十二五”期間，高技術服務業營業收入年均增長20％以上。");
        assert_eq!((t.indicator.as_str(), t.kind, t.year), ("高技術服務業營業收入年均增長", TargetKind::Growth, Some(2015)));
        assert!(in_target_context("軟件收入達到100億元。", &[], None));
        assert_eq!(deadline_year("到２０２０年"), Some(2020));
    }
}
