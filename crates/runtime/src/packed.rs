//! The bundle as the app embeds it: the same [`Bundle`] as `data/policies.json`, packed
//! for the browser download, which is the site's budget.
//!
//! Policy documents repeat themselves and each other (provinces copy the State Council's
//! wording, and a corpus of several policies per province repeats whole passages), and
//! gzip only sees 32 KiB back. So every distinct string is stored once, a sentence is a
//! record (text, tags, targets) that provisions refer to by number, and what follows from
//! the rest is left out: a provision's text, province, position, path and departments.
//! [`pack`] unpacks its own output and compares before returning it, so a build never
//! embeds a bundle that reads back differently. Packing (at build time) writes with
//! `serde_json`; unpacking (in the browser) reads with the smaller [`crate::json`].
//!
//! Layout: two parts, embedded as two files (the JSON as a `str`, checked when the wasm is
//! compiled, not when it starts): a JSON document, and every distinct sentence, heading,
//! clause and note, numbered from 0 in order, coded by [`crate::packed_texts`]. The JSON
//! (arrays rather than keyed objects, to keep keys out of the download):
//!
//! ```text
//! { "format": "hts-packed-3", "schema_version": 1,
//!   "sentences": [Δtext | [Δtext, [tag]] | [Δtext, [tag], [target]] | [Δtext, [tag], [target], note]]
//!   "documents": [{ metadata fields (null ones left out), "stats": [5 numbers],
//!                   "outline":    [[id, level, text, Δfirst_provision]],
//!                   "quality_notes": [[code, number…]],
//!                   "provision_notes": [[id suffix, repeats removed, under an out-of-order heading 0|1]]  (when any),
//!                   "provisions": [[id | 0, Δheading | null | [text], [Δsentence], responsibility?, [department]?]] }],
//!   "fold":      string          optional: script pairs (traditional, simplified) for search
//! }
//! ```
//!
//! `Δ` is the difference from the previous number of its kind (a document's sentences
//! are mostly consecutive records, its provisions mostly under the same or the next
//! heading). Ids are written without their `document-` prefix, and a provision's id as `0`
//! when it is the one the compiler would give under its heading (see `Numbering`).
//! A provision's heading is the outline entry whose path (its own label under its
//! ancestors') is the provision's path, `null` for an empty path, or the path's text
//! numbers when no entry has it. A tag is `code:why` (why = `k` + phrase, `t` + value,
//! `r` = a reviewer's decision, or `h<i>` = heading `i` of the path); a target is
//! `[indicator, clause, value, value_max, unit, year, kind, qualifier]`. A record with a
//! fourth element was coded by review: the note's text number, or -1 for no note; a
//! sentence's id is its provision's id and its number (`…-3-2:1`), not stored.

use crate::json::{self, Json};
use crate::model::*;
use crate::taxonomy::taxonomy;
use std::collections::HashMap;

/// The format name written into every packed bundle.
pub const FORMAT: &str = "hts-packed-3";

/// Reads a packed bundle (its JSON and its coded texts) back into the full [`Bundle`].
pub fn unpack(json: &str, texts: &[u8]) -> Result<Bundle, String> {
    unpack_with_fold(json, texts).map(|(bundle, _)| bundle)
}

/// The bundle and its `fold` field: the script pairs searching this corpus needs (a
/// string of traditional and simplified characters, pairwise, for
/// [`crate::fold::add_script_pairs`]; empty when the bundle has none).
pub fn unpack_with_fold(json: &str, texts: &[u8]) -> Result<(Bundle, String), String> {
    let v = json::parse(json).map_err(|e| format!("the embedded bundle is not JSON: {e}"))?;
    if v.get("format").and_then(Json::as_str) != Some(FORMAT) {
        return Err(format!("the embedded bundle is not in the {FORMAT} format"));
    }
    let texts = crate::packed_texts::decode(texts)?;
    let fold = string(&v, "fold");
    Ok((Unpacker::new(&v, texts.split_terminator('\0').collect()).bundle(&v)?, fold))
}

// ------------------------------------------------------------ shared with the packer

/// What packing and unpacking derive alike, document by document: a provision's heading
/// as the difference from the previous provision's, and its id as the compiler numbers it
/// (its heading's key, `h2-1` → `2-1`, or `0` before any heading; then `.2`, `.3` … for
/// later provisions with the same key).
#[derive(Default)]
pub struct Numbering {
    last_heading: i64,
    uses: HashMap<String, usize>,
}

impl Numbering {
    pub fn heading_delta(&mut self, i: usize) -> i64 {
        let delta = i as i64 - self.last_heading;
        self.last_heading = i as i64;
        delta
    }

    pub fn heading_at(&mut self, delta: i64) -> i64 {
        self.last_heading += delta;
        self.last_heading
    }

    /// The id suffix predicted for a provision under the heading with this id suffix.
    pub fn provision_id(&mut self, heading_id: Option<&str>) -> String {
        let key = heading_id.map_or("0", |h| {
            let h = h.strip_prefix('h').unwrap_or(h);
            h.split('.').next().unwrap_or(h)
        });
        match self.uses.get_mut(key) {
            Some(n) => {
                *n += 1;
                numbered(key, '.', *n)
            }
            None => {
                self.uses.insert(key.to_string(), 1);
                key.to_string()
            }
        }
    }
}

/// `code:why`: `h<i>` when the reason is heading `i` of the path, else the kind's initial
/// (`h`, `k`, `t`, `r`) and the phrase.
pub fn tag(r: &TagReason, path: &[String]) -> String {
    let why = match path.iter().position(|h| *h == r.matched).filter(|_| r.kind == ReasonKind::Heading) {
        Some(i) => format!("h{i}"),
        None => format!("{}{}", r.kind.as_str().get(..1).unwrap_or_default(), r.matched),
    };
    format!("{}:{why}", r.code)
}

/// Each outline entry's path: its label under its ancestors' (by level).
pub fn outline_paths(outline: &[Heading]) -> Vec<Vec<&str>> {
    let mut stack: Vec<&Heading> = Vec::new();
    outline
        .iter()
        .map(|h| {
            while stack.last().is_some_and(|top| top.level >= h.level) {
                stack.pop();
            }
            stack.push(h);
            stack.iter().map(|h| h.text.as_str()).collect()
        })
        .collect()
}

// ---------------------------------------------------------------------------- unpacking

struct Unpacker<'a> {
    texts: Vec<&'a str>,
    records: &'a [Json],
    /// Each record's text number, summed from the differences.
    record_texts: Vec<i64>,
    last_record: i64,
}

/// What a document's provisions are read against.
struct DocumentContext<'d> {
    doc: &'d Document,
    paths: Vec<Vec<String>>,
    numbering: Numbering,
}

impl<'a> Unpacker<'a> {
    fn new(v: &'a Json, texts: Vec<&'a str>) -> Self {
        let records = array(v, "sentences");
        let record_texts = records
            .iter()
            .scan(0i64, |last, r| {
                *last += r.as_i64().or_else(|| int(r, 0)).unwrap_or(0);
                Some(*last)
            })
            .collect();
        Unpacker { texts, records, record_texts, last_record: 0 }
    }

    fn text(&self, i: i64) -> Result<String, String> {
        usize::try_from(i).ok().and_then(|i| self.texts.get(i)).map(|s| s.to_string()).ok_or_else(|| format!("text {i} is missing"))
    }

    fn bundle(mut self, v: &Json) -> Result<Bundle, String> {
        let schema_version = v.get("schema_version").and_then(Json::as_u64).unwrap_or(0) as u32;
        let mut bundle = Bundle { schema_version, documents: Vec::new(), provisions: Vec::new(), targets: Vec::new() };
        for d in array(v, "documents") {
            let doc = self.document(d)?;
            let paths = outline_paths(&doc.outline).into_iter().map(|p| p.into_iter().map(str::to_string).collect()).collect();
            let mut context = DocumentContext { doc: &doc, paths, numbering: Numbering::default() };
            for (position, p) in array(d, "provisions").iter().enumerate() {
                let provision = self.provision(p, position, &mut context, &mut bundle.targets)?;
                bundle.provisions.push(provision);
            }
            bundle.documents.push(doc);
        }
        Ok(bundle)
    }

    /// One provision; the targets its sentences state go to `targets`.
    fn provision(&mut self, p: &Json, position: usize, context: &mut DocumentContext, targets: &mut Vec<Target>) -> Result<Provision, String> {
        let doc = context.doc;
        let heading = match p.at(1) {
            Some(Json::Number(_)) => usize::try_from(context.numbering.heading_at(int(p, 1).unwrap_or(0))).ok().filter(|&i| i < context.paths.len()),
            _ => None,
        };
        let path = match (heading, p.at(1)) {
            (Some(i), _) => context.paths[i].clone(),
            (None, Some(Json::Array(labels))) => labels.iter().map(|l| self.text(l.as_i64().unwrap_or(-1))).collect::<Result<_, _>>()?,
            _ => Vec::new(),
        };
        let prefix = doc.id.len() + 1;
        let predicted = context.numbering.provision_id(heading.and_then(|i| doc.outline[i].id.get(prefix..)));
        let id = joined(&doc.id, '-', p.at(0).and_then(Json::as_str).unwrap_or(&predicted));
        let mut sentences = Vec::new();
        for delta in p.at(2).map(Json::items).unwrap_or_default() {
            self.last_record += delta.as_i64().unwrap_or(0);
            let index = usize::try_from(self.last_record).ok().filter(|&i| i < self.records.len());
            let index = index.ok_or_else(|| format!("sentence record {} is missing", self.last_record))?;
            let (sentence, stated) = self.record(index, &path, &id, numbered(&id, ':', sentences.len() + 1))?;
            sentences.push(sentence);
            targets.extend(stated);
        }
        let responsibility = match int(p, 3) {
            Some(i) if i >= 0 => Some(self.text(i)?),
            _ => None,
        };
        let departments = match p.at(4) {
            Some(list) => list.items().iter().map(|d| d.as_str().unwrap_or_default().to_string()).collect(),
            None => responsibility.as_deref().map(departments).unwrap_or_default(),
        };
        Ok(Provision {
            text: sentences.iter().map(|s| s.text.as_str()).collect(),
            id,
            doc: doc.id.clone(),
            province: doc.province.clone(),
            position,
            path,
            departments,
            responsibility,
            sentences,
        })
    }

    fn document(&self, d: &Json) -> Result<Document, String> {
        let id = string(d, "id");
        let stat = |i: usize| d.get("stats").and_then(|s| int(s, i)).unwrap_or(0) as usize;
        let mut first = 0i64;
        let mut outline = Vec::new();
        for h in array(d, "outline") {
            first += int(h, 3).unwrap_or(0);
            outline.push(Heading {
                id: joined(&id, '-', h.at(0).and_then(Json::as_str).unwrap_or_default()),
                level: int(h, 1).unwrap_or(0) as u8,
                text: self.text(int(h, 2).unwrap_or(-1))?,
                first_provision: first.max(0) as usize,
            });
        }
        Ok(Document {
            province: string(d, "province"),
            title: optional(d, "title"),
            issuer: optional(d, "issuer"),
            date: optional(d, "date"),
            doc_number: optional(d, "doc_number"),
            publication_date: optional(d, "publication_date"),
            source_file: string(d, "source_file"),
            source_url: optional(d, "source_url"),
            addressee: optional(d, "addressee"),
            signature: optional(d, "signature"),
            notes: optional(d, "notes"),
            quality_notes: array(d, "quality_notes").iter().map(quality_note).collect::<Result<_, _>>()?,
            provision_notes: array(d, "provision_notes")
                .iter()
                .map(|n| ProvisionNote {
                    provision: format!("{id}-{}", n.at(0).and_then(Json::as_str).unwrap_or_default()),
                    repeats_removed: int(n, 1).unwrap_or(0).max(0) as usize,
                    out_of_order_heading: int(n, 2) == Some(1),
                })
                .collect(),
            front_matter: strings(d, "front_matter"),
            outline,
            stats: DocumentStats {
                source_chars: stat(0),
                provisions: stat(1),
                sentences: stat(2),
                repeated_sentences_removed: stat(3),
                repeated_chars_removed: stat(4),
            },
            id,
        })
    }

    /// Sentence record `index` under a provision's path, and the targets it states.
    fn record(&self, index: usize, path: &[String], provision: &str, id: String) -> Result<(Sentence, Vec<Target>), String> {
        let r = &self.records[index];
        let (coded_by, note) = match int(r, 3) {
            Some(n) if n >= 0 => (CodedBy::Review, Some(self.text(n)?)),
            Some(_) => (CodedBy::Review, None),
            None => (CodedBy::Rules, None),
        };
        let text = self.text(self.record_texts[index])?;
        let mut s = Sentence { id, text, domains: Vec::new(), tools: Vec::new(), reasons: Vec::new(), coded_by, note };
        for t in r.at(1).map(Json::items).unwrap_or_default() {
            let t = t.as_str().unwrap_or_default();
            let (code, why) = t.split_once(':').unwrap_or((t, ""));
            let mut chars = why.chars();
            let kind = chars.next();
            let rest = chars.as_str();
            let (kind, matched) = match kind {
                Some('h') => (ReasonKind::Heading, rest.parse::<usize>().ok().and_then(|i| path.get(i).cloned()).unwrap_or_else(|| rest.into())),
                Some('t') => (ReasonKind::Target, rest.to_string()),
                Some('r') => (ReasonKind::Review, rest.to_string()),
                _ => (ReasonKind::Keyword, rest.to_string()),
            };
            let list = if taxonomy().domain(code).is_some() { &mut s.domains } else { &mut s.tools };
            list.push(code.to_string());
            s.reasons.push(TagReason { code: code.to_string(), kind, matched });
        }
        let targets = r
            .at(2)
            .map(Json::items)
            .unwrap_or_default()
            .iter()
            .map(|t| {
                let field = |i: usize| t.at(i).and_then(Json::as_str).unwrap_or_default().to_string();
                Target {
                    provision: provision.to_string(),
                    indicator: field(0),
                    text: field(1),
                    value: t.at(2).and_then(Json::as_f64).unwrap_or(0.0),
                    value_max: t.at(3).and_then(Json::as_f64),
                    unit: field(4),
                    year: t.at(5).and_then(Json::as_u64).map(|y| y as u16),
                    kind: TargetKind::parse(&field(6)).unwrap_or(TargetKind::Level),
                    qualifier: t.at(7).and_then(Json::as_str).map(str::to_string),
                }
            })
            .collect();
        Ok((s, targets))
    }
}

/// `prefix`, `separator` and `suffix` as one string. Unpacking makes one per provision and
/// sentence (14,000 at 100 documents) while the wasm still runs unoptimised, and `format!`
/// would take each through `core::fmt`'s dynamic formatting.
fn joined(prefix: &str, separator: char, suffix: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + 1 + suffix.len());
    out.push_str(prefix);
    out.push(separator);
    out.push_str(suffix);
    out
}

/// [`joined`] with a number.
fn numbered(prefix: &str, separator: char, n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    joined(prefix, separator, std::str::from_utf8(&digits[at..]).unwrap_or_default())
}

fn int(v: &Json, i: usize) -> Option<i64> {
    v.at(i).and_then(Json::as_i64)
}
fn array<'a>(v: &'a Json, key: &str) -> &'a [Json] {
    v.get(key).map(Json::items).unwrap_or_default()
}
fn string(v: &Json, key: &str) -> String {
    v.get(key).and_then(Json::as_str).unwrap_or_default().to_string()
}
fn optional(v: &Json, key: &str) -> Option<String> {
    v.get(key).and_then(Json::as_str).map(str::to_string)
}
fn strings(v: &Json, key: &str) -> Vec<String> {
    array(v, key).iter().map(|x| x.as_str().unwrap_or_default().to_string()).collect()
}

fn quality_note(v: &Json) -> Result<QualityNote, String> {
    let code = v.at(0).and_then(Json::as_str).unwrap_or_default();
    let numbers: Vec<usize> = v.items().iter().skip(1).map(|n| n.as_u64().unwrap_or(0) as usize).collect();
    QualityNote::from_parts(code, &numbers).ok_or_else(|| format!("unknown quality note {code}"))
}
