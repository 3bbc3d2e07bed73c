//! Phase 1: the text cut into pieces, sentences first, then further where a damaged
//! source glued things together (a responsibility clause followed by the next item, a
//! signature followed by a date and a title, a web-page header).

use crate::forms::*;
use crate::text::{is_content, is_space, simplify, split_sentences};

/// A piece of text with the paragraph (source line) it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub line: usize,
    pub text: String,
}

/// Cuts the text into pieces: sentences, then the glued parts of damaged sentences.
pub fn pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        for part in split_separators(line) {
            for sentence in split_sentences(part) {
                for piece in split_glued(sentence) {
                    out.push(Piece { line: index + 1, text: piece.to_string() });
                }
            }
        }
    }
    out
}

/// Decorative rules (`━━━━`) separate parts of a page header; they are not text.
fn split_separators(line: &str) -> Vec<&str> {
    let is_rule = |c: char| matches!(c, '━' | '─' | '═' | '—' | '＝' | '=' | '*' | '＊');
    let mut parts = Vec::new();
    let mut start = 0;
    let mut run_start = None;
    let mut run_len = 0;
    for (i, c) in line.char_indices() {
        if is_rule(c) {
            run_start.get_or_insert(i);
            run_len += 1;
        } else {
            if run_len >= 3 {
                parts.push(&line[start..run_start.unwrap_or(i)]);
                start = i;
            }
            run_start = None;
            run_len = 0;
        }
    }
    if run_len >= 3 {
        parts.push(&line[start..run_start.unwrap_or(line.len())]);
    } else {
        parts.push(&line[start..]);
    }
    parts.into_iter().map(|p| p.trim_matches(is_space)).filter(|p| !p.is_empty()).collect()
}

/// Splits a sentence where a damaged source glued separate things together.
pub fn split_glued(sentence: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = sentence.trim_matches(is_space);
    while !rest.is_empty() {
        match first_cut(rest) {
            Some(cut) if cut > 0 && cut < rest.len() => {
                out.push(rest[..cut].trim_matches(is_space));
                rest = rest[cut..].trim_matches(is_space);
            }
            _ => {
                out.push(rest);
                break;
            }
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

/// The byte offset of the first place to cut `s`, if any.
fn first_cut(s: &str) -> Option<usize> {
    [
        responsibility_cut(s),
        simplify(s).find("发布日期"),
        publication_date_end(s),
        signature_date_cut(s),
        title_end(s),
        issuer_end(s),
        addressee_start(s),
        addressee_end(s),
    ]
    .into_iter()
    .flatten()
    // Not before closing punctuation alone: `（……负责）。` stays one piece.
    .filter(|&i| i > 0 && i < s.len() && s[i..].chars().any(is_content))
    .min()
}
