//! The forms official Chinese documents write their metadata in: responsibility clauses,
//! document numbers (`粤府办〔2012〕101号`), dates (`2012年10月12日`), issuers, titles and
//! addressee lines. Recognisers only: they return spans, never decide what a piece is.
//!
//! Every recogniser reads traditional characters as simplified ([`simplify`] keeps byte
//! offsets) and half-width brackets and punctuation as full width, so `粵府辦〔2012〕101號`,
//! `(責任單位:省通信管理局)` and `發佈日期：` are read like their simplified forms; spans
//! are returned into the text as written.

use crate::catalog;
use crate::text::simplify;

const OPENERS: [char; 2] = ['（', '('];
const CLOSERS: [char; 2] = ['）', ')'];

/// Before and after a responsibility clause.
pub fn responsibility_cut(s: &str) -> Option<usize> {
    let (start, end) = responsibility_span(s)?;
    Some(if start > 0 { start } else { end })
}

/// Byte span of the first responsibility clause: `（省发展改革委、财政厅负责）`,
/// `(責任單位:省通信管理局、省工業和信息化廳)`, `（牵头单位：……；配合单位：……）`.
pub fn responsibility_span(s: &str) -> Option<(usize, usize)> {
    let folded = simplify(s);
    let mut search = 0;
    while let Some(rel) = folded[search..].find(OPENERS) {
        let start = search + rel;
        let inner_start = start + folded[start..].chars().next()?.len_utf8();
        let close = folded[inner_start..].find(|c: char| OPENERS.contains(&c) || CLOSERS.contains(&c))? + inner_start;
        let closer = folded[close..].chars().next()?;
        if CLOSERS.contains(&closer) && is_responsibility(&folded[inner_start..close]) {
            return Some((start, close + closer.len_utf8()));
        }
        search = inner_start;
    }
    None
}

/// The labels that introduce the bodies responsible (`责任单位：`), simplified.
pub const RESPONSIBILITY_LABELS: [&str; 8] = ["责任单位", "责任部门", "牵头单位", "牵头部门", "配合单位", "配合部门", "参与单位", "负责单位"];

/// Length of a responsibility label and its colon at the start of `folded` (simplified).
pub fn responsibility_label(folded: &str) -> Option<usize> {
    let label = RESPONSIBILITY_LABELS.iter().find(|l| folded.starts_with(*l))?;
    let colon = folded[label.len()..].chars().next().filter(|c| matches!(c, '：' | ':'))?;
    Some(label.len() + colon.len_utf8())
}

/// A paragraph that is a responsibility clause without brackets: `责任单位：省科技厅、……`.
pub fn is_labelled_responsibility(s: &str) -> bool {
    let folded = simplify(s);
    let inner = folded.trim_end_matches(['。', '；', ';', '.']);
    responsibility_label(inner).is_some() && is_responsibility(inner)
}

/// Is the inside of a bracket (simplified) a responsibility clause: a labelled list (its
/// parts may be separated by ；), or a list of bodies with no clause breaks that ends with
/// 负责 or, starting with 省/各, with a body.
fn is_responsibility(inner: &str) -> bool {
    if inner.is_empty() || inner.chars().count() > 160 || inner.contains('。') {
        return false;
    }
    if responsibility_label(inner).is_some() {
        return true;
    }
    let bodies = ["政府", "厅", "委", "局", "办", "部门"];
    let inner = inner.trim_end_matches(['…', '等']);
    !inner.contains(['，', '；', ',', ';'])
        && inner.chars().count() <= 120
        && (inner.ends_with("负责") || (inner.starts_with(['省', '各']) && bodies.iter().any(|b| inner.ends_with(b))))
}

/// The bodies a responsibility clause names: the runtime's [`hts_runtime::model::departments`]
/// (one implementation, so the compiler and the unpacker agree).
pub use hts_runtime::model::departments;

/// `发布日期:2012-11-08粤府办……` (also `發佈日期`) → after the date.
pub fn publication_date_end(s: &str) -> Option<usize> {
    let folded = simplify(s);
    let rest = folded.strip_prefix("发布日期")?;
    let rest = rest.trim_start_matches([':', '：', ' ']);
    let date_len = rest.char_indices().take_while(|(_, c)| c.is_ascii_digit() || *c == '-').last().map(|(i, c)| i + c.len_utf8())?;
    Some(s.len() - rest.len() + date_len)
}

/// The date of a `发布日期：2012-11-08` line (any script), if it is one.
pub fn publication_date(s: &str) -> Option<&str> {
    let folded = simplify(s);
    let rest = folded.strip_prefix("发布日期")?;
    let date = rest.trim_start_matches([':', '：', ' ']);
    catalog::is_iso_date(date).then(|| &s[s.len() - date.len()..])
}

const YEAR_OPENERS: [char; 4] = ['〔', '[', '［', '【'];
const YEAR_CLOSERS: [char; 4] = ['〕', ']', '］', '】'];

/// `粤府办〔2012〕101号` (also `粵府辦〔2012〕101號`, `粤府办[2012]101号`) at the start of
/// `s`, and its year.
pub fn doc_number_prefix(s: &str) -> Option<(&str, u16)> {
    let folded = simplify(s);
    let open = folded.find(YEAR_OPENERS)?;
    let prefix = &folded[..open];
    if prefix.is_empty() || prefix.chars().count() > 8 || !prefix.chars().all(is_han) {
        return None;
    }
    let after = &folded[open + folded[open..].chars().next()?.len_utf8()..];
    let year: String = after.chars().take(4).collect();
    let year: u16 = year.parse().ok()?;
    let after = after.get(4..)?;
    let after = &after[after.chars().next().filter(|c| YEAR_CLOSERS.contains(c))?.len_utf8()..];
    let digits = after.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || !after[digits..].starts_with('号') {
        return None;
    }
    let end = folded.len() - after.len() + digits + '号'.len_utf8();
    Some((&s[..end], year))
}

pub fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// How issuers' names end, simplified.
pub const ISSUER_ENDINGS: [&str; 4] = ["人民政府办公厅", "人民政府", "办公厅", "委员会"];

/// Does `text` (any script) end like an issuer's name?
pub fn ends_like_issuer(text: &str) -> bool {
    let folded = simplify(text);
    ISSUER_ENDINGS.iter().any(|e| folded.ends_with(e))
}

/// `广东省人民政府办公厅2012年10月12日……`: cut after the issuer and after the date.
pub fn signature_date_cut(s: &str) -> Option<usize> {
    if let Some(len) = chinese_date_prefix(s) {
        return Some(len);
    }
    let folded = simplify(s);
    for ending in ISSUER_ENDINGS {
        if let Some(i) = folded.find(ending) {
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

/// A digit written with ASCII or full-width digits or with Chinese numerals (`〇一二…九`,
/// also `○` and `零`).
fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        '〇' | '○' | '零' | 'Ｏ' => Some(0),
        _ => "一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32 + 1),
    }
}

/// A number at the start of `s`: digits (`2012`, `２０１２`, `二〇一二`), or, for months and
/// days, Chinese numerals with 十 (`十`, `十二`, `二十五`, `三十一`). Value and byte length.
fn date_number(s: &str, digits_only: bool) -> Option<(u32, usize)> {
    let mut value = 0;
    let mut len = 0;
    for c in s.chars() {
        match digit_value(c) {
            Some(d) => value = value * 10 + d,
            None => break,
        }
        len += c.len_utf8();
    }
    if !digits_only && s[len..].starts_with('十') {
        // `十二` / `二十五`: the digit before 十 is the tens (一 when none), after it the units.
        let tens = if len == 0 { 1 } else { value };
        if tens > 3 || s[..len].chars().count() > 1 {
            return None;
        }
        len += '十'.len_utf8();
        let units = s[len..].chars().next().and_then(|c| digit_value(c).filter(|&d| d > 0 && !c.is_ascii_digit()));
        value = tens * 10 + units.unwrap_or(0);
        len += if units.is_some() { 3 } else { 0 };
    }
    (len > 0).then_some((value, len))
}

/// `2012年10月12日` (also `２０１２年１０月１２日`, `二〇一二年十月十二日`) → (`2012-10-12`,
/// byte length).
pub fn parse_chinese_date(s: &str) -> Option<(String, usize)> {
    let mut rest = s;
    let mut parts = Vec::new();
    for (unit, digits_only) in [('年', true), ('月', false), ('日', false)] {
        let (value, len) = date_number(rest, digits_only)?;
        if !rest[len..].starts_with(unit) {
            return None;
        }
        parts.push(value);
        rest = &rest[len + unit.len_utf8()..];
    }
    let iso = format!("{:04}-{:02}-{:02}", parts[0], parts[1], parts[2]);
    catalog::is_iso_date(&iso).then_some((iso, s.len() - rest.len()))
}

/// How titles end, simplified.
pub const TITLE_ENDINGS: [&str; 6] = ["实施意见", "意见", "通知", "办法", "方案", "规定"];

/// Is `text` (any script, all 汉字) a title: `关于……的意见`, `……转发……的通知`,
/// `辽宁省人民政府办公厅关于……的实施意见`?
pub fn is_title(text: &str) -> bool {
    let folded = simplify(text);
    text.chars().all(is_han) && TITLE_ENDINGS.iter().any(|e| folded.ends_with(e)) && opens_like_title(&folded)
}

/// `关于……`, `……转发……`, or an issuer then `关于` (simplified).
fn opens_like_title(folded: &str) -> bool {
    let issuer_then_about = folded.find("关于").is_some_and(|i| {
        let issuer = &folded[..i];
        issuer.chars().count() <= 24 && (ISSUER_ENDINGS.iter().any(|e| issuer.ends_with(e)) || issuer.ends_with(['厅', '委', '局', '办']))
    });
    folded.starts_with("关于") || folded.contains("转发") || issuer_then_about
}

/// A document title glued to what follows: `关于加快发展高技术服务业的实施意见省发展改革委为……`.
pub fn title_end(s: &str) -> Option<usize> {
    let folded = simplify(s);
    if !opens_like_title(&folded) {
        return None;
    }
    let stop = folded.find(['，', '。', '《', '：', ',', ':']).unwrap_or(folded.len());
    let head = &folded[..stop];
    TITLE_ENDINGS.iter().filter_map(|e| head.rfind(e).map(|i| i + e.len())).max().filter(|&end| s[..end].chars().all(is_han))
}

/// An issuing body glued to the text it issues: `省发展改革委为贯彻落实……`.
pub fn issuer_end(s: &str) -> Option<usize> {
    if !s.starts_with('省') && !s.starts_with('市') {
        return None;
    }
    let folded = simplify(s);
    for body in ["委", "厅", "局", "办"] {
        if let Some(i) = folded.find(body) {
            let end = i + body.len();
            let next = &folded[end..];
            if s[..end].chars().count() <= 12 && s[..end].chars().all(is_han) && (next.starts_with('为') || next.starts_with("关于")) {
                return Some(end);
            }
        }
    }
    None
}

/// A title glued to the addressee: `……的通知各地级以上市人民政府，……：`.
pub fn addressee_start(s: &str) -> Option<usize> {
    if !s.contains(['：', ':']) {
        return None;
    }
    let folded = simplify(s);
    TITLE_ENDINGS.iter().filter_map(|e| folded.find(e).map(|i| i + e.len())).filter(|&i| s[i..].starts_with('各')).min()
}

/// The addressee glued to what follows: `各地级以上市人民政府，……各直属机构：省发展改革委……`.
pub fn addressee_end(s: &str) -> Option<usize> {
    if !s.starts_with('各') {
        return None;
    }
    let colon = s.find(['：', ':'])?;
    let addressee = simplify(&s[..colon]);
    let addressed = ["人民政府", "部门", "直属机构", "厅委", "委办"];
    addressed.iter().any(|a| addressee.contains(a)).then_some(colon + s[colon..].chars().next()?.len_utf8())
}

/// Is `text` an addressee line: `各市州人民政府，省政府各厅委、各直属机构：`?
pub fn is_addressee(text: &str) -> bool {
    text.starts_with('各') && text.ends_with(['：', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_text(s: &str) -> Option<&str> {
        responsibility_span(s).map(|(a, b)| &s[a..b])
    }

    #[test]
    fn responsibility_clauses_in_every_form() {
        assert_eq!(span_text("加快发展。（省发展改革委、财政厅负责）"), Some("（省发展改革委、财政厅负责）"));
        assert_eq!(span_text("推进宽带建设(責任單位:省通信管理局、省工業和信息化廳)"), Some("(責任單位:省通信管理局、省工業和信息化廳)"));
        assert_eq!(span_text("（牵头单位：省科技厅；配合单位：省财政厅、省教育厅）"), Some("（牵头单位：省科技厅；配合单位：省财政厅、省教育厅）"));
        assert_eq!(span_text("（省科技廳、財政廳負責）"), Some("（省科技廳、財政廳負責）"));
        for prose in ["（一）指导思想", "PCT（专利合作条约）", "（国家）", "（包括研发、设计，以及咨询负责）"] {
            assert_eq!(span_text(prose), None, "{prose}");
        }
        assert!(is_labelled_responsibility("责任单位：省科技厅、省财政厅。"));
        assert!(!is_labelled_responsibility("责任单位要加强协调，确保落实。"));
    }

    #[test]
    fn departments_of_every_form() {
        let cases: [(&str, &[&str]); 6] = [
            ("（省发展改革委、财政厅负责）", &["省发展改革委", "省财政厅"]),
            ("(責任單位:省通信管理局、省工業和信息化廳…)", &["省通信管理局", "省工業和信息化廳"]),
            ("（牵头单位：省科技厅；配合单位：财政厅、省教育厅）", &["省科技厅", "省财政厅", "省教育厅"]),
            ("（牽頭單位：省科技廳；配合單位：財政廳、人民銀行等）", &["省科技廳", "省財政廳", "省人民銀行"]),
            ("（省金融办、各市州人民政府、国家统计局湖南调查总队负责）", &["省金融办", "各市州人民政府", "国家统计局湖南调查总队"]),
            ("责任单位：省商务厅、省发展改革委。", &["省商务厅", "省发展改革委"]),
        ];
        for (clause, expected) in cases {
            assert_eq!(departments(clause), expected.to_vec(), "{clause}");
        }
    }

    #[test]
    fn document_numbers_dates_in_both_scripts_and_numerals() {
        assert_eq!(doc_number_prefix("粤府办〔2012〕101号"), Some(("粤府办〔2012〕101号", 2012)));
        assert_eq!(doc_number_prefix("粵府辦〔2012〕101號"), Some(("粵府辦〔2012〕101號", 2012)));
        assert_eq!(doc_number_prefix("湘政办发[2013]40号"), Some(("湘政办发[2013]40号", 2013)));
        assert_eq!(doc_number_prefix("国办发〔2011〕58"), None);
        assert_eq!(parse_chinese_date("2012年10月12日"), Some(("2012-10-12".to_string(), "2012年10月12日".len())));
        assert_eq!(parse_chinese_date("二〇一二年十月十二日").map(|d| d.0), Some("2012-10-12".to_string()));
        assert_eq!(parse_chinese_date("二○一三年七月二十五日").map(|d| d.0), Some("2013-07-25".to_string()));
        assert_eq!(parse_chinese_date("２０１３年７月３１日").map(|d| d.0), Some("2013-07-31".to_string()));
        assert_eq!(parse_chinese_date("2013年2月30日"), None);
        assert_eq!(parse_chinese_date("二〇一三年四十月一日"), None);
        assert_eq!(publication_date("發佈日期：2012-11-08"), Some("2012-11-08"));
        assert!(ends_like_issuer("臺灣省政府辦公廳") && ends_like_issuer("廣東省人民政府"));
        assert!(is_title("關於加快發展高技術服務業的實施意見"));
        assert!(is_title("遼寧省人民政府辦公廳關於加快發展高技術服務業的實施意見"));
        assert!(!is_title("加快发展高技术服务业的实施意见"));
    }
}
