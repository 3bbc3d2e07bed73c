//! The forms official Chinese documents write their metadata in: responsibility clauses,
//! document numbers (`粤府办〔2012〕101号`), dates (`2012年10月12日`), issuers, titles and
//! addressee lines. Recognisers only: they return spans, never decide what a piece is.

use crate::catalog;

/// Before and after a `（……负责）` clause.
pub fn responsibility_cut(s: &str) -> Option<usize> {
    let (start, end) = responsibility_span(s)?;
    Some(if start > 0 { start } else { end })
}

/// Byte span of the first responsibility clause: `（省发展改革委、财政厅负责）`.
pub fn responsibility_span(s: &str) -> Option<(usize, usize)> {
    let mut search = 0;
    while let Some(rel) = s[search..].find('（') {
        let start = search + rel;
        let inner_start = start + '（'.len_utf8();
        let close = s[inner_start..].find(['（', '）'])? + inner_start;
        if s[close..].starts_with('）') {
            let inner = &s[inner_start..close];
            if is_responsibility(inner) {
                return Some((start, close + '）'.len_utf8()));
            }
        }
        search = inner_start;
    }
    None
}

fn is_responsibility(inner: &str) -> bool {
    let bodies = ["政府", "厅", "委", "局", "办", "部门"];
    let listed = !inner.contains(['，', '。', '；']) && inner.chars().count() <= 120;
    listed && (inner.ends_with("负责") || (inner.starts_with(['省', '各']) && bodies.iter().any(|b| inner.ends_with(b))))
}

/// `发布日期:2012-11-08粤府办……` → after the date.
pub fn publication_date_end(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("发布日期")?;
    let rest = rest.trim_start_matches([':', '：', ' ']);
    let date_len = rest.char_indices().take_while(|(_, c)| c.is_ascii_digit() || *c == '-').last().map(|(i, c)| i + c.len_utf8())?;
    Some(s.len() - rest.len() + date_len)
}

/// `粤府办〔2012〕101号` at the start of `s`, and its year.
pub fn doc_number_prefix(s: &str) -> Option<(&str, u16)> {
    let open = s.find('〔')?;
    let prefix = &s[..open];
    if prefix.is_empty() || prefix.chars().count() > 8 || !prefix.chars().all(is_han) {
        return None;
    }
    let after = &s[open + '〔'.len_utf8()..];
    let year: String = after.chars().take(4).collect();
    let year: u16 = year.parse().ok()?;
    let after = after.get(4..)?.strip_prefix('〕')?;
    let digits = after.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || !after[digits..].starts_with('号') {
        return None;
    }
    let end = s.len() - after.len() + digits + '号'.len_utf8();
    Some((&s[..end], year))
}

pub fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

pub const ISSUER_ENDINGS: [&str; 4] = ["人民政府办公厅", "人民政府", "办公厅", "委员会"];

/// `广东省人民政府办公厅2012年10月12日……`: cut after the issuer and after the date.
pub fn signature_date_cut(s: &str) -> Option<usize> {
    if let Some(len) = chinese_date_prefix(s) {
        return Some(len);
    }
    for ending in ISSUER_ENDINGS {
        if let Some(i) = s.find(ending) {
            let end = i + ending.len();
            let issuer = &s[..end];
            if issuer.chars().all(is_han) && issuer.chars().count() <= 24 && chinese_date_prefix(&s[end..]).is_some() {
                return Some(end);
            }
        }
    }
    None
}

/// Length of a `2012年10月12日` at the start of `s`.
pub fn chinese_date_prefix(s: &str) -> Option<usize> {
    parse_chinese_date(s).map(|(_, len)| len)
}

/// `2012年10月12日` → (`2012-10-12`, byte length).
pub fn parse_chinese_date(s: &str) -> Option<(String, usize)> {
    let mut rest = s;
    let mut parts = Vec::new();
    for unit in ['年', '月', '日'] {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || !rest[digits..].starts_with(unit) {
            return None;
        }
        parts.push(rest[..digits].parse::<u32>().ok()?);
        rest = &rest[digits + unit.len_utf8()..];
    }
    let iso = format!("{:04}-{:02}-{:02}", parts[0], parts[1], parts[2]);
    catalog::is_iso_date(&iso).then_some((iso, s.len() - rest.len()))
}

pub const TITLE_ENDINGS: [&str; 6] = ["实施意见", "意见", "通知", "办法", "方案", "规定"];

/// A document title glued to what follows: `关于加快发展高技术服务业的实施意见省发展改革委为……`.
pub fn title_end(s: &str) -> Option<usize> {
    if !s.starts_with("关于") && !s.contains("转发") {
        return None;
    }
    let stop = s.find(['，', '。', '《', '：']).unwrap_or(s.len());
    let head = &s[..stop];
    TITLE_ENDINGS.iter().filter_map(|e| head.rfind(e).map(|i| i + e.len())).max().filter(|&end| s[..end].chars().all(is_han))
}

/// An issuing body glued to the text it issues: `省发展改革委为贯彻落实……`.
pub fn issuer_end(s: &str) -> Option<usize> {
    if !s.starts_with('省') && !s.starts_with('市') {
        return None;
    }
    for body in ["委", "厅", "局", "办"] {
        if let Some(i) = s.find(body) {
            let end = i + body.len();
            let next = &s[end..];
            if s[..end].chars().count() <= 12 && s[..end].chars().all(is_han) && (next.starts_with('为') || next.starts_with("关于")) {
                return Some(end);
            }
        }
    }
    None
}

/// A title glued to the addressee: `……的通知各地级以上市人民政府，……：`.
pub fn addressee_start(s: &str) -> Option<usize> {
    if !s.contains('：') {
        return None;
    }
    TITLE_ENDINGS.iter().filter_map(|e| s.find(e).map(|i| i + e.len())).filter(|&i| s[i..].starts_with('各')).min()
}

/// The addressee glued to what follows: `各地级以上市人民政府，……各直属机构：省发展改革委……`.
pub fn addressee_end(s: &str) -> Option<usize> {
    if !s.starts_with('各') {
        return None;
    }
    let colon = s.find('：')?;
    let addressee = &s[..colon];
    let addressed = ["人民政府", "部门", "直属机构", "厅委", "委办"];
    addressed.iter().any(|a| addressee.contains(a)).then_some(colon + '：'.len_utf8())
}
