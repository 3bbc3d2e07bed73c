//! Reviewed coding: the domains and tools a careful reader decided for each sentence,
//! following `docs/coding-guide.md`, kept as data beside the seeds
//! (`seeds/coding/<document id>.jsonl`, one sentence a line):
//!
//! ```text
//! {"sentence": "hunan-hts-2-2-3:1", "fp": "1ac6d32d", "text": "…", "domains": ["ip"], "tools": ["targets"], "note": "…"}
//! ```
//!
//! A review applies only to the sentence it was made for: its id names the sentence and
//! `fp` ([`fingerprint`]) its text. A review whose sentence is gone or whose text changed
//! is a build error naming the sentence, never applied silently; a sentence without a
//! review keeps the rules' tags (a new document). A line without `domains` and `tools` is a
//! sentence listed for review but not yet decided: checked like the others, applied to
//! nothing.

use crate::error::{Problem, ProblemKind};
use hts_runtime::model::{CodedBy, Provision, ReasonKind, TagReason};
use hts_runtime::taxonomy::taxonomy;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The folder of review files, under the seeds folder.
pub const CODING_DIR: &str = "coding";

/// A data file beside the seeds (a review or a translation), as read.
#[derive(Debug, Clone)]
pub struct DataFile {
    /// Relative to the seeds folder, e.g. `coding/hunan-hts.jsonl`.
    pub path: String,
    pub text: String,
}

/// The first 8 hex digits of the SHA-256 of a text: short, and changed by any edit.
pub fn fingerprint(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().take(4).map(|b| format!("{b:02x}")).collect()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    sentence: String,
    fp: String,
    #[allow(dead_code)]
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    domains: Option<Vec<String>>,
    #[serde(default)]
    tools: Option<Vec<String>>,
    #[serde(default)]
    note: Option<String>,
}

/// A review as read, with the line it came from.
struct Review {
    line: usize,
    fp: String,
    /// Domains and tools, `None` while the sentence awaits its review.
    decision: Option<(Vec<String>, Vec<String>)>,
    note: Option<String>,
}

/// Applies a document's review file to its provisions, replacing the rules' tags of every
/// reviewed sentence. Returns the problems found (bad lines, unknown codes, stale reviews).
pub fn apply(file: &DataFile, provisions: &mut [Provision]) -> Vec<Problem> {
    let (reviews, mut problems) = parse(file);
    let mut used = HashMap::new();
    for p in provisions.iter_mut() {
        for s in p.sentences.iter_mut() {
            let Some(r) = reviews.get(&s.id) else { continue };
            used.insert(s.id.clone(), ());
            let current = fingerprint(&s.text);
            if r.fp != current {
                problems.push(
                    Problem::new(
                        &file.path,
                        ProblemKind::StaleReview,
                        format!(
                            "the review of sentence {} was made for another text (fingerprint {}, the sentence now has {current}: \"{}\"): read the sentence again and update its line, with \"fp\": \"{current}\"",
                            s.id, r.fp, s.text
                        ),
                    )
                    .at_line(r.line),
                );
                continue;
            }
            let Some((domains, tools)) = &r.decision else { continue };
            let reason = |code: &String| TagReason { code: code.clone(), kind: ReasonKind::Review, matched: String::new() };
            s.reasons = domains.iter().chain(tools).map(reason).collect();
            s.domains = domains.clone();
            s.tools = tools.clone();
            s.coded_by = CodedBy::Review;
            s.note = r.note.clone();
        }
    }
    let mut stale: Vec<(&String, &Review)> = reviews.iter().filter(|(id, _)| !used.contains_key(*id)).collect();
    stale.sort_by_key(|(_, r)| r.line);
    for (id, r) in stale {
        problems.push(
            Problem::new(
                &file.path,
                ProblemKind::StaleReview,
                format!("the review names sentence {id}, which this document no longer has (its text or outline changed): remove the line, or review the sentence under its new id"),
            )
            .at_line(r.line),
        );
    }
    problems
}

fn parse(file: &DataFile) -> (HashMap<String, Review>, Vec<Problem>) {
    let mut reviews = HashMap::new();
    let mut problems = Vec::new();
    let t = taxonomy();
    for (index, raw) in file.text.lines().enumerate() {
        let line = index + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let bad = |message: String| Problem::new(&file.path, ProblemKind::BadReview, message).at_line(line);
        let l: Line = match serde_json::from_str(raw) {
            Ok(l) => l,
            Err(e) => {
                problems.push(bad(format!(
                    "not a review line ({e}): write {{\"sentence\": id, \"fp\": fingerprint, \"domains\": [codes], \"tools\": [codes]}} (see docs/coding-guide.md)"
                )));
                continue;
            }
        };
        let decision = match (l.domains, l.tools) {
            (Some(domains), Some(tools)) => Some((domains, tools)),
            (None, None) => None,
            _ => {
                problems.push(bad(format!("sentence {} has domains or tools but not both: write both (an empty list is a decision)", l.sentence)));
                continue;
            }
        };
        let (domains, tools) = decision.as_ref().map(|(d, t)| (d.as_slice(), t.as_slice())).unwrap_or_default();
        let unknown: Vec<&String> = domains.iter().filter(|c| t.domain(c).is_none()).chain(tools.iter().filter(|c| t.tool(c).is_none())).collect();
        if !unknown.is_empty() {
            problems.push(bad(format!("unknown code(s) {unknown:?} for sentence {}: domains and tools are the codes of taxonomy.md", l.sentence)));
            continue;
        }
        let review = Review { line, fp: l.fp, decision, note: l.note.filter(|n| !n.trim().is_empty()) };
        if let Some(first) = reviews.insert(l.sentence.clone(), review) {
            problems.push(bad(format!("sentence {} is reviewed twice (first on line {}): keep one line", l.sentence, first.line)));
        }
    }
    (reviews, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_the_first_eight_hex_digits_of_sha256() {
        // sha256("abc") = ba7816bf…
        assert_eq!(fingerprint("abc"), "ba7816bf");
    }
}
