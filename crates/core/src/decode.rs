//! Reads a bundle from JSON through `serde_json::Value` and plain code, rather than
//! derived `Deserialize` impls: the derived code for nine nested types costs the browser
//! download more than the data itself saves. Same result, checked by a test.

use crate::model::*;
use serde_json::{Map, Value};
use crate::taxonomy::taxonomy;
use std::collections::HashMap;

/// Parses bundle JSON. Missing optional fields read as empty or `null`.
pub fn bundle_from_json(json: &str) -> Result<Bundle, serde_json::Error> {
    let v: Value = serde_json::from_str(json)?;
    Ok(bundle(&v))
}

fn s(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or_default().to_string()
}
fn opt(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}
fn n(v: &Value, key: &str) -> usize {
    v.get(key).and_then(Value::as_u64).unwrap_or(0) as usize
}
fn list<T>(v: &Value, key: &str, f: impl Fn(&Value) -> T) -> Vec<T> {
    v.get(key).and_then(Value::as_array).map(|a| a.iter().map(f).collect()).unwrap_or_default()
}
fn strings(v: &Value, key: &str) -> Vec<String> {
    list(v, key, |x| x.as_str().unwrap_or_default().to_string())
}

fn bundle(v: &Value) -> Bundle {
    let documents = list(v, "documents", document);
    let mut provisions = list(v, "provisions", provision);
    // The embedded form leaves out what follows from the rest: restore it.
    let mut position = HashMap::new();
    for p in &mut provisions {
        if p.text.is_empty() {
            p.text = p.sentences.iter().map(|s| s.text.as_str()).collect();
        }
        if p.province.is_empty() {
            p.province = documents.iter().find(|d| d.id == p.doc).map(|d| d.province.clone()).unwrap_or_default();
        }
        let next = position.entry(p.doc.clone()).or_insert(0usize);
        p.position = *next;
        *next += 1;
    }
    Bundle { schema_version: n(v, "schema_version") as u32, documents, provisions, targets: list(v, "targets", target) }
}

fn document(v: &Value) -> Document {
    let empty = Value::Object(Map::new());
    let st = v.get("stats").unwrap_or(&empty);
    Document {
        id: s(v, "id"),
        province: s(v, "province"),
        title: opt(v, "title"),
        issuer: opt(v, "issuer"),
        date: opt(v, "date"),
        doc_number: opt(v, "doc_number"),
        publication_date: opt(v, "publication_date"),
        source_file: s(v, "source_file"),
        addressee: opt(v, "addressee"),
        signature: opt(v, "signature"),
        notes: opt(v, "notes"),
        quality_notes: strings(v, "quality_notes"),
        front_matter: strings(v, "front_matter"),
        outline: list(v, "outline", |h| Heading { id: s(h, "id"), level: n(h, "level") as u8, text: s(h, "text"), first_provision: n(h, "first_provision") }),
        stats: DocumentStats {
            source_chars: n(st, "source_chars"),
            provisions: n(st, "provisions"),
            sentences: n(st, "sentences"),
            repeated_sentences_removed: n(st, "repeated_sentences_removed"),
            repeated_chars_removed: n(st, "repeated_chars_removed"),
        },
    }
}

fn provision(v: &Value) -> Provision {
    let path = strings(v, "path");
    Provision {
        id: s(v, "id"),
        doc: s(v, "doc"),
        province: s(v, "province"),
        position: n(v, "position"),
        path: path.clone(),
        text: s(v, "text"),
        departments: strings(v, "departments"),
        responsibility: opt(v, "responsibility"),
        sentences: list(v, "sentences", |x| sentence(x, &path)),
    }
}

fn sentence(x: &Value, path: &[String]) -> Sentence {
    if x.get("tags").is_none() {
        return Sentence {
            text: s(x, "text"),
            domains: strings(x, "domains"),
            tools: strings(x, "tools"),
            reasons: list(x, "reasons", |r| TagReason { code: s(r, "code"), kind: s(r, "kind"), matched: s(r, "matched") }),
        };
    }
    // Embedded form: `code:why`, why = kind initial + phrase, `h<i>` = heading i of the path.
    let mut out = Sentence { text: s(x, "text"), domains: Vec::new(), tools: Vec::new(), reasons: Vec::new() };
    for tag in strings(x, "tags") {
        let (code, why) = tag.split_once(':').unwrap_or((tag.as_str(), ""));
        let mut chars = why.chars();
        let first = chars.next();
        let rest = chars.as_str();
        let (kind, matched) = match first {
            Some('h') => ("heading", rest.parse::<usize>().ok().and_then(|i| path.get(i).cloned()).unwrap_or_else(|| rest.into())),
            Some('t') => ("target", rest.into()),
            _ => ("keyword", rest.into()),
        };
        let list = if taxonomy().domain(code).is_some() { &mut out.domains } else { &mut out.tools };
        list.push(code.to_string());
        out.reasons.push(TagReason { code: code.to_string(), kind: kind.into(), matched });
    }
    out
}

fn target(v: &Value) -> Target {
    Target {
        provision: s(v, "provision"),
        indicator: s(v, "indicator"),
        text: s(v, "text"),
        value: v.get("value").and_then(Value::as_f64).unwrap_or(0.0),
        value_max: v.get("value_max").and_then(Value::as_f64),
        unit: s(v, "unit"),
        year: v.get("year").and_then(Value::as_u64).map(|y| y as u16),
        kind: s(v, "kind"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_what_serde_derive_reads() {
        let bundle = crate::compile_dir(&std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).unwrap();
        let json = crate::compile::to_json(&bundle);
        assert_eq!(super::bundle_from_json(&json).unwrap(), bundle);
        let embedded = crate::compile::to_embedded_json(&bundle);
        assert!(embedded.len() < json.len() * 4 / 5, "{} vs {}", embedded.len(), json.len());
        assert_eq!(super::bundle_from_json(&embedded).unwrap(), bundle);
        assert_eq!(serde_json::from_str::<crate::model::Bundle>(&json).unwrap(), bundle);
    }
}
