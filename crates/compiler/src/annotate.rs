//! Phase 3: sentences get their domain and tool tags, provisions their targets.

use crate::assemble::Draft;
use crate::catalog::Entry;
use crate::tagging::{tag_sentence, Tags};
use crate::targets;
use hts_runtime::model::*;

pub fn annotate(entry: &Entry, position: usize, draft: Draft, headings_trusted: bool) -> Provision {
    let mut sentences: Vec<Sentence> = draft
        .sentences
        .iter()
        .map(|s| {
            let Tags { domains, tools, reasons } = tag_sentence(s, &draft.path, headings_trusted);
            Sentence { id: String::new(), text: s.clone(), domains, tools, reasons, coded_by: CodedBy::Rules, note: None }
        })
        .collect();
    for (n, s) in sentences.iter_mut().enumerate() {
        s.id = format!("{}:{}", draft.id, n + 1);
    }
    let departments = draft.responsibility.as_deref().map(departments).unwrap_or_default();
    Provision {
        id: draft.id,
        doc: entry.id.clone(),
        province: entry.province.clone(),
        position,
        path: draft.path,
        text: draft.sentences.concat(),
        departments,
        responsibility: draft.responsibility,
        sentences,
    }
}

/// Extracts targets and tags their sentences with the `targets` tool.
pub fn extract_targets(provisions: &mut [Provision]) -> Vec<Target> {
    let mut out = Vec::new();
    for p in provisions.iter_mut() {
        let mut year: Option<u16> = None;
        for s in p.sentences.iter_mut() {
            let own_year = targets::deadline_year(&s.text);
            let in_context = targets::in_target_context(&s.text, &p.path, year.or(own_year));
            if in_context {
                year = own_year.or(year);
            }
            for f in targets::extract(&s.text, year, in_context) {
                if !s.tools.iter().any(|t| t == "targets") {
                    s.tools.push("targets".to_string());
                    s.reasons.push(TagReason { code: "targets".into(), kind: ReasonKind::Target, matched: format!("{}{}", fmt_value(f.value), f.unit) });
                }
                out.push(Target {
                    provision: p.id.clone(),
                    indicator: f.indicator,
                    text: f.clause,
                    value: f.value,
                    value_max: f.value_max,
                    unit: f.unit,
                    year: f.year,
                    kind: if f.programme { TargetKind::Programme } else { f.kind },
                    qualifier: f.qualifier,
                });
            }
        }
    }
    out
}

fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
