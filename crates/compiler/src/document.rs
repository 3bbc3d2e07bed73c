//! One document through the compiler's phases: [`pieces`](crate::pieces) (sentences and
//! the glued parts of damaged sources), [`assemble`](crate::assemble) (metadata, headings,
//! provisions, repeats), [`annotate`](crate::annotate) (tags, targets) and
//! [`metadata`](crate::metadata) (the text's metadata merged with the catalog).
//!
//! Nothing here knows any particular seed: every rule is about the form of the text.

use crate::annotate::{annotate, extract_targets};
use crate::assemble::assemble;
use crate::catalog::Entry;
use crate::error::Problem;
use crate::metadata::merge_metadata;
use crate::pieces::pieces;
use crate::review::{self, DataFile};
use crate::text::content_len;
use hts_runtime::model::*;

/// One document, compiled.
pub struct Compiled {
    pub document: Document,
    pub provisions: Vec<Provision>,
    pub targets: Vec<Target>,
}

/// Compiles one decoded document against its catalog entry.
pub fn compile_document(entry: &Entry, text: &str, review: Option<&DataFile>) -> Result<Compiled, Vec<Problem>> {
    let pieces = pieces(text);
    let assembled = assemble(&entry.id, &pieces);
    let trusted = assembled.out_of_order == 0;
    let provision_notes: Vec<ProvisionNote> = assembled
        .provisions
        .iter()
        .filter(|d| d.repeats_removed > 0 || d.out_of_order_heading)
        .map(|d| ProvisionNote { provision: d.id.clone(), repeats_removed: d.repeats_removed, out_of_order_heading: d.out_of_order_heading })
        .collect();
    let mut provisions: Vec<Provision> =
        assembled.provisions.into_iter().enumerate().map(|(position, draft)| annotate(entry, position, draft, trusted)).collect();
    let targets = extract_targets(&mut provisions);
    let review_problems = review.map(|file| review::apply(file, &mut provisions)).unwrap_or_default();
    let meta = match merge_metadata(entry, &assembled.meta, text) {
        Ok(meta) if review_problems.is_empty() => meta,
        Ok(_) => return Err(review_problems),
        Err(mut p) => {
            p.extend(review_problems);
            return Err(p);
        }
    };
    let quality_notes = quality_notes(&assembled.stats, assembled.out_of_order, assembled.headings.is_empty());
    let stats = DocumentStats {
        source_chars: content_len(text),
        provisions: provisions.len(),
        sentences: provisions.iter().map(|p| p.sentences.len()).sum(),
        ..assembled.stats
    };
    let document = Document {
        id: entry.id.clone(),
        province: entry.province.clone(),
        title: meta.title,
        issuer: meta.issuer,
        date: meta.date,
        doc_number: meta.doc_number,
        publication_date: meta.publication_date,
        source_file: entry.file.clone(),
        source_url: entry.source_url.clone(),
        addressee: assembled.meta.addressee.clone(),
        signature: assembled.meta.signature.clone(),
        notes: entry.notes.clone(),
        quality_notes,
        provision_notes,
        front_matter: assembled.meta.front_matter.clone(),
        outline: assembled.headings,
        stats,
    };
    Ok(Compiled { document, provisions, targets })
}

fn quality_notes(stats: &DocumentStats, out_of_order: usize, no_outline: bool) -> Vec<QualityNote> {
    let mut notes = Vec::new();
    if stats.repeated_sentences_removed > 0 {
        notes.push(QualityNote::RepeatsRemoved { sentences: stats.repeated_sentences_removed, chars: stats.repeated_chars_removed });
    }
    if out_of_order > 0 {
        notes.push(QualityNote::HeadingsOutOfOrder { places: out_of_order });
    }
    if no_outline {
        notes.push(QualityNote::NoOutline);
    }
    notes
}
