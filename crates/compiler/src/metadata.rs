//! Phase 4: what the text says (signature, date, document number, province) merged with
//! the catalog; a contradiction is a build error naming both values.

use crate::assemble::TextMeta;
use crate::catalog::Entry;
use crate::error::{Problem, ProblemKind};
use crate::text::simplify;
use hts_runtime::taxonomy::{taxonomy, Province};

pub struct Merged {
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub date: Option<String>,
    pub doc_number: Option<String>,
    pub publication_date: Option<String>,
}

/// Catalog and text agree, or the build fails naming both values.
pub fn merge_metadata(entry: &Entry, text_meta: &TextMeta, text: &str) -> Result<Merged, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut pick = |field: &str, catalog: &Option<String>, from_text: &Option<String>| -> Option<String> {
        match (catalog, from_text) {
            (Some(c), Some(t)) if c != t => {
                problems.push(contradiction(entry, field, c, t));
                Some(c.clone())
            }
            (Some(c), _) => Some(c.clone()),
            (None, t) => t.clone(),
        }
    };
    let merged = Merged {
        title: pick("title", &entry.title, &text_meta.title),
        issuer: pick("issuer", &entry.issuer, &text_meta.signature),
        date: pick("date", &entry.date, &text_meta.date),
        doc_number: pick("doc_number", &entry.doc_number, &text_meta.doc_number),
        publication_date: pick("publication_date", &entry.publication_date, &text_meta.publication_date),
    };
    if let Some(found) = province_named_by_text(text_meta, text) {
        if found != entry.province {
            problems.push(contradiction(entry, "province", &entry.province, &found));
        }
    }
    if problems.is_empty() {
        Ok(merged)
    } else {
        Err(problems)
    }
}

fn contradiction(entry: &Entry, field: &str, catalog: &str, text: &str) -> Problem {
    Problem::new(
        &entry.file,
        ProblemKind::Contradiction,
        format!("the catalog says {field} = \"{catalog}\" but the text says \"{text}\": correct the catalog entry for \"{}\" (or the seed)", entry.id),
    )
}

/// The province the text itself names: its signature's, or else the one whose name
/// the text uses most (at least twice) when the catalog's is never named. Names are
/// matched in simplified characters (`廣東`, `臺灣` read as `广东`, `台湾`).
fn province_named_by_text(meta: &TextMeta, text: &str) -> Option<String> {
    let provinces = &taxonomy().provinces;
    if let Some(sig) = &meta.signature {
        let sig = simplify(sig);
        if let Some(p) = provinces.iter().find(|p| p.short.iter().any(|s| sig.starts_with(s.as_str()))) {
            return Some(p.code.clone());
        }
    }
    let text = simplify(text);
    let count = |p: &Province| p.short.iter().map(|s| text.matches(s.as_str()).count()).sum::<usize>();
    let best = provinces.iter().map(|p| (count(p), p)).max_by_key(|(n, _)| *n)?;
    (best.0 >= 2).then(|| best.1.code.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provinces_are_named_in_either_script() {
        let meta = |sig: &str| TextMeta { signature: Some(sig.to_string()), ..TextMeta::default() };
        assert_eq!(province_named_by_text(&meta("廣東省人民政府辦公廳"), "").as_deref(), Some("guangdong"));
        assert_eq!(province_named_by_text(&meta("遼寧省人民政府"), "").as_deref(), Some("liaoning"));
        let text = "臺灣地區……臺灣的高技術服務業……";
        assert_eq!(province_named_by_text(&TextMeta::default(), text).as_deref(), Some("taiwan"));
        assert_eq!(province_named_by_text(&TextMeta::default(), "內蒙古自治區；內蒙古").as_deref(), Some("neimenggu"));
    }
}
