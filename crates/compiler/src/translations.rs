//! Translations as data: the English of every title, heading, sentence, issuer, addressee
//! and signature (and target indicator and responsible department), kept beside the seeds
//! (`seeds/translations/<lang>/<document id>.jsonl`, one text a line) and shipped as a file
//! of its own that the app loads only when that language is chosen:
//!
//! ```text
//! {"id": "hunan-hts-2-2-3:1", "fp": "1ac6d32d", "zh": "…", "en": "…"}
//! ```
//!
//! Ids: a document id (its title), a heading id (`hunan-hts-h2-1`), a sentence id
//! (`hunan-hts-2-2-3:1`), `<document id>:issuer`, `<document id>:addressee`,
//! `<document id>:signature`, and a
//! target `<provision id>/t<n>` (its indicator), a responsible department
//! `<provision id>/d<n>` (its name, from the provision's 责任单位 clause). Like reviews, a translation is keyed by
//! id and the fingerprint of the Chinese it translates: one whose text is gone or
//! changed fails the build, naming it.

use crate::error::{BuildError, Problem, ProblemKind};
use crate::review::{fingerprint, DataFile};
use hts_runtime::model::Bundle;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// The folder of translations, under the seeds folder.
pub const TRANSLATIONS_DIR: &str = "translations";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    id: String,
    fp: String,
    #[allow(dead_code)]
    #[serde(default)]
    zh: Option<String>,
    en: String,
}

/// Every translatable text of the bundle by id: what a translation line may name.
pub fn translatable(bundle: &Bundle) -> HashMap<String, String> {
    let mut texts = HashMap::new();
    for d in &bundle.documents {
        if let Some(t) = &d.title {
            texts.insert(d.id.clone(), t.clone());
        }
        if let Some(i) = &d.issuer {
            texts.insert(format!("{}:issuer", d.id), i.clone());
        }
        if let Some(a) = &d.addressee {
            texts.insert(format!("{}:addressee", d.id), a.clone());
        }
        if let Some(s) = &d.signature {
            texts.insert(format!("{}:signature", d.id), s.clone());
        }
        for h in &d.outline {
            texts.insert(h.id.clone(), h.text.clone());
        }
    }
    for p in &bundle.provisions {
        for s in &p.sentences {
            texts.insert(s.id.clone(), s.text.clone());
        }
        for (k, d) in p.departments.iter().enumerate() {
            texts.insert(department_id(&p.id, k + 1), d.clone());
        }
    }
    let mut n_in: HashMap<&str, usize> = HashMap::new();
    for t in &bundle.targets {
        let n = n_in.entry(t.provision.as_str()).or_insert(0);
        *n += 1;
        texts.insert(target_id(&t.provision, *n), t.indicator.clone());
    }
    texts
}

/// The id of a provision's `n`-th responsible department (from 1).
pub fn department_id(provision: &str, n: usize) -> String {
    format!("{provision}/d{n}")
}

/// The id of a provision's `n`-th target (from 1).
pub fn target_id(provision: &str, n: usize) -> String {
    format!("{provision}/t{n}")
}

/// The English texts by id, checked against the bundle; every stale or bad line is a
/// problem. Lines with an empty translation are skipped (not yet translated).
pub fn compile(bundle: &Bundle, files: &[DataFile]) -> Result<BTreeMap<String, String>, BuildError> {
    let texts = translatable(bundle);
    let mut out = BTreeMap::new();
    let mut problems = Vec::new();
    for file in files {
        for (index, raw) in file.text.lines().enumerate() {
            if raw.trim().is_empty() {
                continue;
            }
            let problem = |kind, message: String| Problem::new(&file.path, kind, message).at_line(index + 1);
            let line: Line = match serde_json::from_str(raw) {
                Ok(l) => l,
                Err(e) => {
                    problems
                        .push(problem(ProblemKind::BadReview, format!("not a translation line ({e}): write {{\"id\": …, \"fp\": …, \"zh\": …, \"en\": …}}")));
                    continue;
                }
            };
            match texts.get(&line.id) {
                None => problems.push(problem(
                    ProblemKind::StaleReview,
                    format!("the translation names {}, which the corpus no longer has: remove the line, or translate the text under its new id", line.id),
                )),
                Some(zh) if fingerprint(zh) != line.fp => problems.push(problem(
                    ProblemKind::StaleReview,
                    format!(
                        "the translation of {} was made for another text (fingerprint {}, the text is now \"{zh}\" with {}): translate it again and update the line",
                        line.id,
                        line.fp,
                        fingerprint(zh)
                    ),
                )),
                Some(_) if line.en.trim().is_empty() => {}
                Some(_) => {
                    if out.insert(line.id.clone(), line.en).is_some() {
                        problems.push(problem(ProblemKind::BadReview, format!("{} is translated twice: keep one line", line.id)));
                    }
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(BuildError { problems })
    }
}

/// The translation file the app loads: `{"lang": "en", "texts": {id: text}}`.
pub fn to_json(lang: &str, texts: &BTreeMap<String, String>) -> String {
    serde_json::json!({ "lang": lang, "texts": texts }).to_string()
}
