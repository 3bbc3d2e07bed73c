//! The bundle: the data set the compiler writes and the app reads (`data/policies.json`).
//! Field names are a public contract, documented in the README.

use serde::{Deserialize, Serialize};

/// Bumped whenever a field changes meaning or disappears.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub schema_version: u32,
    pub documents: Vec<Document>,
    pub provisions: Vec<Provision>,
    pub targets: Vec<Target>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub province: String,
    pub title: Option<String>,
    pub issuer: Option<String>,
    /// Issue (signature) date, ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    pub doc_number: Option<String>,
    pub publication_date: Option<String>,
    pub source_file: String,
    /// The addressee line (`各市州……：`), metadata rather than a provision.
    pub addressee: Option<String>,
    /// Signature lines as written at the end (or head) of the document.
    pub signature: Option<String>,
    pub notes: Option<String>,
    /// What the compiler had to do to this source (duplicates removed, order doubts).
    pub quality_notes: Vec<String>,
    /// Text of the source that is neither a provision nor a heading (page headers,
    /// forwarding notices): kept so that nothing is lost.
    pub front_matter: Vec<String>,
    /// The table of contents: every heading in document order.
    pub outline: Vec<Heading>,
    pub stats: DocumentStats,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Heading {
    /// Anchor id, unique in the bundle.
    pub id: String,
    /// 1 for `一、`, 2 for `（一）`, 3 for `1.`, 4 for `（1）`.
    pub level: u8,
    pub text: String,
    /// Position of the first provision after it (the reader puts the heading there).
    pub first_provision: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentStats {
    pub source_chars: usize,
    pub provisions: usize,
    pub sentences: usize,
    pub repeated_sentences_removed: usize,
    pub repeated_chars_removed: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provision {
    pub id: String,
    pub doc: String,
    /// Province code, copied from the document for cheap filtering.
    pub province: String,
    /// Position in the document, from 0.
    pub position: usize,
    /// Outline path, e.g. `["三、保障措施", "（二）拓展融资渠道"]`.
    pub path: Vec<String>,
    /// Display text: sentences joined, responsibility clauses removed.
    pub text: String,
    /// Responsible departments from a closing `（……负责）`.
    pub departments: Vec<String>,
    /// The responsibility clause as written, kept searchable.
    pub responsibility: Option<String>,
    pub sentences: Vec<Sentence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub text: String,
    pub domains: Vec<String>,
    pub tools: Vec<String>,
    /// Why each tag was given, in the order of `domains` then `tools`.
    pub reasons: Vec<TagReason>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagReason {
    pub code: String,
    /// `heading` (the section it sits under), `keyword` (a phrase in the sentence)
    /// or `target` (a quantitative target was extracted).
    pub kind: String,
    pub matched: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub provision: String,
    /// The indicator in words, e.g. `高技术服务业营业收入年均增长`.
    pub indicator: String,
    /// The clause that states it, as written (`……年均增长20%以上`).
    pub text: String,
    pub value: f64,
    /// Upper bound when the text gives a range (`10到15家`).
    pub value_max: Option<f64>,
    pub unit: String,
    pub year: Option<u16>,
    /// `growth` for growth rates, `count` for counted targets, `level` otherwise.
    pub kind: String,
}

impl Provision {
    /// Union of the sentences' domain codes, in first-seen order.
    pub fn domains(&self) -> Vec<&str> {
        union(self.sentences.iter().flat_map(|s| s.domains.iter()))
    }
    /// Union of the sentences' tool codes, in first-seen order.
    pub fn tools(&self) -> Vec<&str> {
        union(self.sentences.iter().flat_map(|s| s.tools.iter()))
    }
}

fn union<'a>(codes: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for c in codes {
        if !out.contains(&c.as_str()) {
            out.push(c);
        }
    }
    out
}
