//! Quantitative targets: `年均增长20%以上`, `培育100家……骨干企业`, `到2015年……达到1157亿元`.
//!
//! A number counts as a target when it carries a unit of measure, sits in a target
//! context (a deadline year, 目标 in its section, or growth wording) and is not a
//! document number, a date or the threshold of a rule (`不超过500万元的部分`).

use hts_runtime::fold::fold_char;
use hts_runtime::model::TargetKind;

/// Units in the order they are tried (longer first where one is a prefix of another).
const UNITS: [&str; 16] = ["亿元", "万元", "万人", "万户", "mbps", "%", "家", "个", "项", "人", "户", "所", "座", "倍", "g", "支"];
const COUNT_UNITS: [&str; 9] = ["家", "个", "项", "人", "户", "所", "座", "支", "万户"];
const GROWTH_WORDS: [&str; 4] = ["增长", "增速", "提高", "提升"];
const CONTEXT_WORDS: [&str; 6] = ["年均增长", "力争", "达到", "目标", "十二五", "十三五"];
const CLAUSE_BREAKS: [char; 5] = ['，', '；', '。', '：', ','];

/// One target read from a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub indicator: String,
    /// The clause that states the target, e.g. `高技术服务业营业收入年均增长20%以上`.
    pub clause: String,
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: String,
    pub year: Option<u16>,
    pub kind: TargetKind,
    /// How the value is bounded, as written (`以上`, `左右`, `超过`, `不低于`, `达到` …).
    pub qualifier: Option<String>,
}

/// The deadline a sentence states: `到2015年` → 2015, `“十二五”期间/末期` → 2015.
pub fn deadline_year(s: &str) -> Option<u16> {
    let chars: Vec<char> = s.chars().collect();
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
    carried_year.is_some()
        || deadline_year(sentence).is_some()
        || CONTEXT_WORDS.iter().any(|w| sentence.contains(w))
        || path.iter().any(|h| h.contains("目标"))
}

const BUILD_VERBS: [&str; 7] = ["建设", "建成", "培育", "打造", "推进", "形成", "发展"];

/// Extracts the targets of one sentence. `year` is the deadline in force. Outside a
/// target context (`in_context` false) only programme quantities count:
/// `重点建设……等10个……产业集群`.
pub fn extract(sentence: &str, year: Option<u16>, in_context: bool) -> Vec<Found> {
    let folded: Vec<char> = sentence.chars().map(fold_char).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        if !folded[i].is_ascii_digit() || (i > 0 && (folded[i - 1].is_ascii_digit() || folded[i - 1] == '.')) {
            i += 1;
            continue;
        }
        let (value, after_value) = read_number(&folded, i);
        let (value_max, after_range) = read_range_end(&folded, after_value);
        let Some(unit) = unit_at(&folded, after_range) else {
            i = after_value.max(i + 1);
            continue;
        };
        let end = after_range + unit.chars().count();
        let programme = i > 0 && folded[i - 1] == '等' && COUNT_UNITS.contains(&unit) && BUILD_VERBS.iter().any(|v| clause_of(&folded, i, end).contains(v));
        if is_not_a_target(&folded, i, end, unit) || !(in_context || programme) {
            i = end;
            continue;
        }
        let indicator = indicator(&folded, sentence, i, end, unit);
        let clause = original_clause(sentence, i, end);
        let kind = if unit == "%" && GROWTH_WORDS.iter().any(|w| indicator.contains(w)) {
            TargetKind::Growth
        } else if COUNT_UNITS.contains(&unit) {
            TargetKind::Count
        } else {
            TargetKind::Level
        };
        let unit = match unit {
            "mbps" => "Mbps",
            "g" => "G",
            u => u,
        };
        found.push(Found { indicator, clause, value, value_max, unit: unit.to_string(), year: if in_context { year } else { None }, kind, qualifier: None });
        i = end;
    }
    found
}

fn read_number(chars: &[char], start: usize) -> (f64, usize) {
    let mut end = start;
    while end < chars.len() && (chars[end].is_ascii_digit() || (chars[end] == '.' && chars.get(end + 1).is_some_and(|c| c.is_ascii_digit()))) {
        end += 1;
    }
    let text: String = chars[start..end].iter().collect();
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
    UNITS.into_iter().find(|u| {
        let u: Vec<char> = u.chars().collect();
        chars.len() >= at + u.len() && chars[at..at + u.len()] == u[..]
    })
}

fn is_not_a_target(chars: &[char], start: usize, end: usize, unit: &str) -> bool {
    let before: String = chars[start.saturating_sub(4)..start].iter().collect();
    let after: String = chars[end..(end + 3).min(chars.len())].iter().collect();
    let clause = clause_of(chars, start, end);
    // Thresholds of a rule, not goals: `不超过500万元的部分`, `减按15%的税率`.
    let threshold = after.starts_with("的部分") || after.starts_with("的税率") || (before.ends_with("不超过") && after.starts_with('的'))
        || ["税率", "所得", "即可", "标准的", "执行"].iter().any(|w| clause.contains(w));
    // Bandwidth units only with bandwidth: `4000G` but not `3G网络`.
    let stray_bandwidth = unit == "g" && !clause.contains("带宽");
    let letter_before = start > 0 && chars[start - 1].is_ascii_alphabetic();
    threshold || stray_bandwidth || letter_before || before.ends_with('〔')
}

/// The clause around chars `start..end`, as written (not folded).
fn original_clause(sentence: &str, start: usize, end: usize) -> String {
    let chars: Vec<char> = sentence.chars().collect();
    clause_of(&chars, start, end).trim_start_matches(['“', '”']).to_string()
}

fn clause_of(chars: &[char], start: usize, end: usize) -> String {
    let from = chars[..start].iter().rposition(|c| CLAUSE_BREAKS.contains(c)).map_or(0, |p| p + 1);
    let to = chars[end..].iter().position(|c| CLAUSE_BREAKS.contains(c)).map_or(chars.len(), |p| end + p);
    chars[from..to].iter().collect()
}

/// The indicator in words. A count names what is counted, after the figure
/// (`培育100家……的高技术服务骨干企业` → `培育高技术服务骨干企业`) or before it
/// (`省级质检中心60个`); a rate or level names the clause around it.
fn indicator(folded: &[char], sentence: &str, start: usize, end: usize, unit: &str) -> String {
    let chars: Vec<char> = sentence.chars().collect();
    let is_break = |c: &char| CLAUSE_BREAKS.contains(c) || *c == '、';
    let from = chars[..start].iter().rposition(is_break).map_or(0, |p| p + 1);
    let to = chars[end..].iter().position(|c| CLAUSE_BREAKS.contains(c)).map_or(chars.len(), |p| end + p);
    let before: String = chars[from..start].iter().collect();
    // Up to an earlier figure of the same clause: `达到20Mbps和4Mbps` → `达到`.
    let before = match before.find(|c: char| fold_char(c).is_ascii_digit()) {
        Some(i) => before[..i].to_string(),
        None => before,
    };
    let before = strip_deadline(before.trim()).trim_end_matches(['等', '和']).to_string();
    let after: String = chars[end..to].iter().collect();
    let after = after.trim_start_matches(['以', '上', '左', '右', '的']).to_string();
    let figure_ends_clause = folded.get(end).is_none_or(|c| is_break(c) || *c == '以' || *c == '左');
    if COUNT_UNITS.contains(&unit) && !figure_ends_clause {
        let counted = after.rsplit('的').next().filter(|c| !c.is_empty()).unwrap_or(&after).to_string();
        return format!("{before}{counted}");
    }
    if unit == "%" && !after.is_empty() && !GROWTH_WORDS.iter().any(|w| before.contains(w)) {
        return format!("{before}{after}");
    }
    if before.is_empty() {
        after
    } else {
        before
    }
}

/// Drops a leading `到2015年，` / `力争` from an indicator.
fn strip_deadline(s: &str) -> String {
    let mut s = s.to_string();
    for prefix in ["力争", "到", "至"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.to_string();
        }
    }
    if s.len() >= 5 && s.chars().take(4).all(|c| c.is_ascii_digit()) && s.chars().nth(4) == Some('年') {
        s = s.chars().skip(5).collect();
    }
    // `“十二五”期间高技术服务业……` → `高技术服务业……`.
    for period in ["期间", "时期", "末期", "末"] {
        if let Some(i) = s.find(period).filter(|&i| s[..i].contains('五')) {
            s = s[i + period.len()..].to_string();
            break;
        }
    }
    s.trim_start_matches(['，', '底', '末']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_growth_target_with_its_deadline() {
        let s = "“十二五”期间，高技术服务业营业收入年均增长20%以上。";
        let year = deadline_year(s);
        assert_eq!(year, Some(2015));
        let t = extract(s, year, true);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].value, t[0].unit.as_str(), t[0].kind), (20.0, "%", TargetKind::Growth));
        assert_eq!(t[0].indicator, "高技术服务业营业收入年均增长");
    }

    #[test]
    fn reads_counts_ranges_and_full_width_units() {
        let t = extract("形成10到15家产业特色鲜明、比较优势突出的高技术服务产业基地和创新集聚区；", Some(2015), true);
        assert_eq!((t[0].value, t[0].value_max, t[0].unit.as_str()), (10.0, Some(15.0), "家"));
        assert_eq!(t[0].indicator, "形成高技术服务产业基地和创新集聚区");
        let t = extract("互联网出省带宽超过4000Ｇ，行政村100％通宽带，城市带宽达到20Ｍｂｐｓ和4Ｍｂｐｓ。", Some(2015), true);
        let units: Vec<_> = t.iter().map(|t| (t.value, t.unit.as_str())).collect();
        assert_eq!(units, vec![(4000.0, "G"), (100.0, "%"), (20.0, "Mbps"), (4.0, "Mbps")]);
        assert_eq!(t[1].indicator, "行政村通宽带");
        assert_eq!(t[3].indicator, "城市带宽达到");
        let t = extract("规划建设国家级质检中心25个、省级质检中心60个。", Some(2015), true);
        let named: Vec<_> = t.iter().map(|t| t.indicator.as_str()).collect();
        assert_eq!(named, vec!["规划建设国家级质检中心", "省级质检中心"]);
    }

    #[test]
    fn document_numbers_dates_and_thresholds_are_not_targets() {
        for s in ["（国办发〔2011〕58号）", "到2015年，", "技术转让所得不超过500万元的部分，免征企业所得税。", "减按15%的税率征收企业所得税。", "发展3G网络。", "母公司注册资本达到500万元、有2个以上子公司即可。"] {
            assert!(extract(s, Some(2015), true).is_empty(), "{s}");
        }
    }

    #[test]
    fn programme_quantities_count_outside_a_target_context() {
        let t = extract("重点建设数字文化产业等10个高技术服务产业集群，支持2个以上企业。", None, false);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].value, t[0].year), (10.0, None));
        assert_eq!(t[0].indicator, "重点建设数字文化产业高技术服务产业集群");
    }
}
