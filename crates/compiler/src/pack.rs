//! Packing the bundle for the browser: the writer of the `hts-packed-3` format, whose
//! layout and reader are in [`hts_runtime::packed`]. [`pack`] unpacks its own output and
//! compares before returning it, so a build never embeds a bundle that reads back
//! differently.

use hts_runtime::model::{departments, *};
use hts_runtime::packed::{outline_paths, tag, unpack_with_fold, Numbering, FORMAT};
use serde_json::{json, Value};
use std::collections::HashMap;

/// A packed bundle: its JSON and its texts, coded ([`hts_runtime::packed_texts`]).
#[derive(Debug)]
pub struct Packed {
    pub json: String,
    pub texts: Vec<u8>,
}

impl Packed {
    /// Bytes in all.
    pub fn len(&self) -> usize {
        self.json.len() + self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Packs a bundle, with the script pairs searching it needs ([`crate::text::fold_pairs`]
/// of every text it stores) in its `fold` field; an error (never expected for a compiled
/// bundle) says what would not read back the same.
pub fn pack(bundle: &Bundle) -> Result<Packed, String> {
    let mut packer = Packer::default();
    let mut value = packer.bundle(bundle)?;
    let fold = crate::text::fold_pairs(packer.texts.iter().map(String::as_str));
    if let (false, Value::Object(map)) = (fold.is_empty(), &mut value) {
        map.insert("fold".into(), json!(fold));
    }
    let packed = Packed { json: value.to_string(), texts: hts_runtime::packed_texts::encode(packer.texts.iter().map(String::as_str))? };
    match unpack_with_fold(&packed.json, &packed.texts) {
        Ok((_, back)) if back != fold => Err("the packed bundle's script pairs would read back differently".into()),
        Ok((back, _)) if &back == bundle => Ok(packed),
        Ok((back, _)) => Err(format!("the packed bundle would read back differently ({})", first_difference(bundle, &back))),
        Err(e) => Err(format!("the packed bundle would not read back: {e}")),
    }
}

#[derive(Default)]
struct Packer {
    texts: Vec<String>,
    text_index: HashMap<String, usize>,
    records: Vec<Value>,
    record_index: HashMap<String, usize>,
    last_text: i64,
    last_record: i64,
}

impl Packer {
    fn bundle(&mut self, bundle: &Bundle) -> Result<Value, String> {
        let mut rest = bundle.provisions.as_slice();
        let mut targets = bundle.targets.as_slice();
        let mut documents = Vec::new();
        for doc in &bundle.documents {
            let n = rest.iter().take_while(|p| p.doc == doc.id).count();
            let (mine, others) = rest.split_at(n);
            rest = others;
            documents.push(self.document(doc, mine, &mut targets)?);
        }
        if !rest.is_empty() || !targets.is_empty() {
            return Err("provisions or targets out of document order".into());
        }
        Ok(json!({ "format": FORMAT, "schema_version": bundle.schema_version, "sentences": self.records, "documents": documents }))
    }

    fn text(&mut self, s: &str) -> usize {
        if let Some(&i) = self.text_index.get(s) {
            return i;
        }
        self.texts.push(s.to_string());
        self.text_index.insert(s.to_string(), self.texts.len() - 1);
        self.texts.len() - 1
    }

    fn document(&mut self, doc: &Document, provisions: &[Provision], targets: &mut &[Target]) -> Result<Value, String> {
        let prefix = format!("{}-", doc.id);
        let suffix = |id: &str| id.strip_prefix(&prefix).map(str::to_string).ok_or_else(|| format!("id {id} is not under document {}", doc.id));
        let mut v = match serde_json::to_value(doc) {
            Ok(Value::Object(m)) => m,
            _ => return Err(format!("document {} does not serialise", doc.id)),
        };
        v.retain(|_, x| !x.is_null());
        let s = &doc.stats;
        v.insert("stats".into(), json!([s.source_chars, s.provisions, s.sentences, s.repeated_sentences_removed, s.repeated_chars_removed]));
        let mut outline = Vec::new();
        let mut last_first = 0i64;
        for h in &doc.outline {
            outline.push(json!([suffix(&h.id)?, h.level, self.text(&h.text), h.first_provision as i64 - last_first]));
            last_first = h.first_provision as i64;
        }
        v.insert("outline".into(), outline.into());
        let notes: Vec<Value> = doc
            .quality_notes
            .iter()
            .map(|n| json!([n.code()].into_iter().map(Value::from).chain(n.numbers().into_iter().map(Value::from)).collect::<Vec<_>>()))
            .collect();
        v.insert("quality_notes".into(), json!(notes));
        if !doc.provision_notes.is_empty() {
            let notes: Vec<Value> = doc
                .provision_notes
                .iter()
                .map(|n| Ok(json!([suffix(&n.provision)?, n.repeats_removed, u8::from(n.out_of_order_heading)])))
                .collect::<Result<_, String>>()?;
            v.insert("provision_notes".into(), json!(notes));
        }
        let paths = outline_paths(&doc.outline);
        let mut numbering = Numbering::default();
        let mut packed = Vec::new();
        for (position, p) in provisions.iter().enumerate() {
            if p.position != position || p.province != doc.province {
                return Err(format!("provision {} is out of place", p.id));
            }
            let heading = if p.path.is_empty() { None } else { paths.iter().rposition(|path| *path == p.path) };
            let heading_field = match heading {
                Some(i) => json!(numbering.heading_delta(i)),
                None if p.path.is_empty() => Value::Null,
                None => json!(p.path.iter().map(|h| self.text(h)).collect::<Vec<_>>()),
            };
            let id = suffix(&p.id)?;
            let predicted = numbering.provision_id(heading.map(|i| &doc.outline[i].id[prefix.len()..]));
            let id_field = if id == predicted { json!(0) } else { json!(id) };
            let mine = take_targets(p, targets);
            packed.push(self.provision(p, id_field, heading_field, mine)?);
        }
        v.insert("provisions".into(), packed.into());
        Ok(Value::Object(v))
    }

    fn provision(&mut self, p: &Provision, id: Value, heading: Value, mut targets: &[Target]) -> Result<Value, String> {
        let mut refs = Vec::new();
        for s in &p.sentences {
            let n = targets.iter().take_while(|t| s.text.contains(&t.text)).count();
            let (mine, others) = targets.split_at(n);
            targets = others;
            let record = self.record(s, &p.path, mine);
            refs.push(record as i64 - self.last_record);
            self.last_record = record as i64;
        }
        if !targets.is_empty() {
            return Err(format!("a target of provision {} is in none of its sentences", p.id));
        }
        let mut out = vec![id, heading, json!(refs)];
        let derived = p.responsibility.as_deref().map(departments).unwrap_or_default();
        if p.responsibility.is_some() || derived != p.departments {
            out.push(p.responsibility.as_deref().map_or(json!(-1), |r| json!(self.text(r))));
        }
        if derived != p.departments {
            out.push(json!(p.departments));
        }
        Ok(Value::Array(out))
    }

    /// The record number of a sentence with its tags and targets, stored at first use.
    fn record(&mut self, s: &Sentence, path: &[String], targets: &[Target]) -> usize {
        let tags: Vec<String> = s.reasons.iter().map(|r| tag(r, path)).collect();
        let targets: Vec<Value> =
            targets.iter().map(|t| json!([t.indicator, t.text, t.value, t.value_max, t.unit, t.year, t.kind.as_str(), t.qualifier])).collect();
        let review = (s.coded_by == CodedBy::Review).then(|| s.note.as_deref().map_or(-1, |n| self.text(n) as i64));
        let key = json!([s.text, tags, targets, review]).to_string();
        if let Some(&i) = self.record_index.get(&key) {
            return i;
        }
        let text = self.text(&s.text) as i64;
        let delta = text - self.last_text;
        self.last_text = text;
        let record = match (tags.is_empty(), targets.is_empty(), review) {
            (_, _, Some(note)) => json!([delta, tags, targets, note]),
            (true, true, None) => json!(delta),
            (_, true, None) => json!([delta, tags]),
            _ => json!([delta, tags, targets]),
        };
        self.records.push(record);
        self.record_index.insert(key, self.records.len() - 1);
        self.records.len() - 1
    }
}

/// The leading targets that belong to this provision.
fn take_targets<'a>(p: &Provision, targets: &mut &'a [Target]) -> &'a [Target] {
    let n = targets.iter().take_while(|t| t.provision == p.id).count();
    let (mine, rest) = targets.split_at(n);
    *targets = rest;
    mine
}

fn first_difference(a: &Bundle, b: &Bundle) -> String {
    if let Some((x, _)) = a.provisions.iter().zip(&b.provisions).find(|(x, y)| x != y) {
        return format!("provision {}", x.id);
    }
    if let Some((x, _)) = a.documents.iter().zip(&b.documents).find(|(x, y)| x != y) {
        return format!("document {}", x.id);
    }
    "targets or counts".into()
}
