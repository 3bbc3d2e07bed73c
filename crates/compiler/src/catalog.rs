//! The catalog (`seeds/catalog.json`): per seed file, the metadata that cannot be read
//! reliably from the text. Raw JSON is validated into [`Entry`] values; unknown stays
//! `null`, never guessed.

use crate::error::{Problem, ProblemKind};
use hts_runtime::taxonomy::taxonomy;
use serde::Deserialize;

pub const CATALOG_FILE: &str = "catalog.json";

/// The fields a catalog entry must give, with an example, for error messages.
pub const ENTRY_TEMPLATE: &str = r#"{ "file": "…", "id": "province-topic", "province": "<code from taxonomy.md>", "title": null, "issuer": null, "date": null, "doc_number": null, "publication_date": null, "source_url": null, "notes": null }"#;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub file: String,
    pub id: String,
    pub province: String,
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub date: Option<String>,
    pub doc_number: Option<String>,
    pub publication_date: Option<String>,
    /// The official text online (`https://…`); `None` when unknown, never guessed.
    pub source_url: Option<String>,
    pub notes: Option<String>,
}

#[derive(Deserialize)]
struct RawCatalog {
    documents: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    file: Option<String>,
    id: Option<String>,
    province: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    issuer: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    doc_number: Option<String>,
    #[serde(default)]
    publication_date: Option<String>,
    #[serde(default)]
    source_url: Option<String>,
    #[serde(default)]
    notes: Option<String>,
}

/// Parses and validates the catalog: the usable entries and every problem found (a
/// build fails on any problem, but keeps checking the rest to report them all).
pub fn parse(json: &str) -> (Vec<Entry>, Vec<Problem>) {
    match parse_raw(json) {
        Ok(raw) => validate_all(raw),
        Err(p) => (Vec::new(), p),
    }
}

fn parse_raw(json: &str) -> Result<RawCatalog, Vec<Problem>> {
    serde_json::from_str(json).map_err(|e| {
        vec![Problem::new(
            CATALOG_FILE,
            ProblemKind::Catalog,
            format!("not a valid catalog ({e}): it must be {{\"documents\": [ENTRY, …]}} with each ENTRY like {ENTRY_TEMPLATE}"),
        )
        .at_line(e.line())]
    })
}

fn validate_all(raw: RawCatalog) -> (Vec<Entry>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    for (index, raw) in raw.documents.into_iter().enumerate() {
        if let Some(entry) = validate(index, raw, &mut problems) {
            if entries.iter().any(|e| e.id == entry.id) {
                problems.push(Problem::new(
                    CATALOG_FILE,
                    ProblemKind::DuplicateId,
                    format!("document id \"{}\" is used twice (entry {} for {}): give each document its own id", entry.id, index + 1, entry.file),
                ));
            }
            if entries.iter().any(|e| e.file == entry.file) {
                problems.push(Problem::new(CATALOG_FILE, ProblemKind::Catalog, format!("file {} has two entries: keep one", entry.file)));
            }
            entries.push(entry);
        }
    }
    (entries, problems)
}

fn validate(index: usize, raw: RawEntry, problems: &mut Vec<Problem>) -> Option<Entry> {
    let place = format!("entry {}{}", index + 1, raw.file.as_deref().map(|f| format!(" ({f})")).unwrap_or_default());
    let missing: Vec<&str> = [("file", &raw.file), ("id", &raw.id), ("province", &raw.province)]
        .into_iter()
        .filter(|(_, v)| v.as_deref().is_none_or(|s| s.trim().is_empty()))
        .map(|(name, _)| name)
        .collect();
    if !missing.is_empty() {
        problems.push(Problem::new(
            CATALOG_FILE,
            ProblemKind::Catalog,
            format!("{place} lacks {}: every entry needs file, id and province, like {ENTRY_TEMPLATE}", missing.join(", ")),
        ));
        return None;
    }
    let entry = Entry {
        file: raw.file.unwrap_or_default(),
        id: raw.id.unwrap_or_default(),
        province: raw.province.unwrap_or_default(),
        title: raw.title,
        issuer: raw.issuer,
        date: raw.date,
        doc_number: raw.doc_number,
        publication_date: raw.publication_date,
        source_url: raw.source_url,
        notes: raw.notes,
    };
    if !is_url_safe_id(&entry.id) {
        problems.push(Problem::new(
            CATALOG_FILE,
            ProblemKind::Catalog,
            format!("{place}: id \"{}\" must be lowercase letters, digits and '-' (it appears in shared links)", entry.id),
        ));
    }
    if taxonomy().province(&entry.province).is_none() {
        problems.push(Problem::new(
            CATALOG_FILE,
            ProblemKind::UnknownProvince,
            format!("{place}: unknown province code \"{}\": use one of the 34 codes of taxonomy.md section 1 (e.g. hunan, shaanxi, neimenggu)", entry.province),
        ));
    }
    for (name, value) in [("date", &entry.date), ("publication_date", &entry.publication_date)] {
        if let Some(v) = value {
            if !is_iso_date(v) {
                problems.push(Problem::new(
                    CATALOG_FILE,
                    ProblemKind::BadDate,
                    format!("{place}: {name} \"{v}\" is not a date YYYY-MM-DD: write it like 2013-07-25, or null when unknown"),
                ));
            }
        }
    }
    if let Some(url) = &entry.source_url {
        if !is_web_url(url) {
            problems.push(Problem::new(
                CATALOG_FILE,
                ProblemKind::Catalog,
                format!("{place}: source_url \"{url}\" is not a web address: write the official page as https://…, or null when unknown"),
            ));
        }
    }
    Some(entry)
}

/// An `http(s)://host/…` address without spaces or quotes (it becomes a link).
fn is_web_url(s: &str) -> bool {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>')))
}

fn is_url_safe_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 40 && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return false };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else { return false };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    (1900..=2100).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days[(m - 1) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_dates() {
        assert!(is_iso_date("2013-07-25"));
        assert!(is_iso_date("2012-02-29"));
        assert!(!is_iso_date("2013-02-29"));
        assert!(!is_iso_date("2013年7月25日"));
        assert!(!is_iso_date("2013-7-25"));
    }

    #[test]
    fn reports_every_problem_of_every_entry() {
        let json = r#"{"documents":[
            {"file":"a.txt","id":"a","province":"atlantis","date":"2013-13-01"},
            {"file":"b.txt","id":"a","province":"hunan"},
            {"file":"c.txt","province":"hunan"}]}"#;
        let (_, problems) = parse(json);
        let kinds: Vec<_> = problems.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, vec![ProblemKind::UnknownProvince, ProblemKind::BadDate, ProblemKind::DuplicateId, ProblemKind::Catalog]);
        assert!(problems[0].message.contains("atlantis"));
        assert!(problems[3].message.contains("lacks id"), "{}", problems[3].message);
    }

    #[test]
    fn source_url_is_optional_and_must_be_a_web_address() {
        let json = r#"{"documents":[
            {"file":"a.txt","id":"a","province":"hunan","source_url":"https://www.hunan.gov.cn/x.html"},
            {"file":"b.txt","id":"b","province":"hunan"},
            {"file":"c.txt","id":"c","province":"hunan","source_url":"javascript:alert(1)"}]}"#;
        let (entries, problems) = parse(json);
        assert_eq!(entries[0].source_url.as_deref(), Some("https://www.hunan.gov.cn/x.html"));
        assert_eq!(entries[1].source_url, None);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("source_url"), "{}", problems[0].message);
    }

    #[test]
    fn malformed_json_names_the_line() {
        let (_, problems) = parse("{\"documents\": [\n{\"file\": }\n]}");
        assert_eq!(problems[0].line, Some(2));
    }
}
