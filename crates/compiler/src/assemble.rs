//! Phase 2: each piece classified (metadata, heading, responsibility clause, body
//! sentence) and body sentences grouped into provisions under their outline path. A
//! sentence seen before in the same document is dropped here (first occurrence kept, all
//! counted); a repeated heading re-opens its section.

use crate::forms::*;
use crate::outline::split_heading;
use crate::pieces::{split_glued, Piece};
use crate::text::{content_len, simplify, squash_spaces};
use hts_runtime::model::{DocumentStats, Heading};
use std::collections::{HashMap, HashSet};

/// Sentences shorter than this are never treated as repeats (`略。`).
const MIN_REPEAT_CHARS: usize = 6;

/// Metadata read from the text.
#[derive(Debug, Default, Clone)]
pub struct TextMeta {
    pub addressee: Option<String>,
    pub signature: Option<String>,
    pub date: Option<String>,
    pub doc_number: Option<String>,
    pub publication_date: Option<String>,
    pub title: Option<String>,
    pub front_matter: Vec<String>,
}

/// A provision before annotation.
#[derive(Debug, Default, Clone)]
pub struct Draft {
    pub id: String,
    pub path: Vec<String>,
    pub sentences: Vec<String>,
    pub responsibility: Option<String>,
    /// Repeats removed within it (or just before it: a re-opened section).
    pub repeats_removed: usize,
    /// Under a heading whose number is out of order.
    pub out_of_order_heading: bool,
}

pub struct Assembled {
    pub provisions: Vec<Draft>,
    pub headings: Vec<Heading>,
    pub meta: TextMeta,
    pub stats: DocumentStats,
    /// Headings whose number is not the successor of the previous sibling's.
    pub out_of_order: usize,
}

/// An open heading on the outline stack.
#[derive(Clone)]
struct Open {
    level: u8,
    number: u32,
    label: String,
    out_of_order: bool,
}

struct Assembler<'a> {
    doc: &'a str,
    stack: Vec<Open>,
    /// Heading keys (the path of labels) already in the outline.
    known_headings: HashSet<Vec<String>>,
    last_sibling: HashMap<Vec<String>, u32>,
    seen_sentences: HashSet<String>,
    id_counts: HashMap<String, usize>,
    current: Option<(usize, Draft)>,
    /// Repeats removed while no provision was open: noted on the next one.
    pending_repeats: usize,
    out: Assembled,
}

/// Groups pieces into provisions under the outline.
pub fn assemble(doc: &str, pieces: &[Piece]) -> Assembled {
    let mut a = Assembler {
        doc,
        stack: Vec::new(),
        known_headings: HashSet::new(),
        last_sibling: HashMap::new(),
        seen_sentences: HashSet::new(),
        id_counts: HashMap::new(),
        current: None,
        pending_repeats: 0,
        out: Assembled { provisions: Vec::new(), headings: Vec::new(), meta: TextMeta::default(), stats: DocumentStats::default(), out_of_order: 0 },
    };
    for piece in pieces {
        a.piece(piece.line, &piece.text);
    }
    a.close();
    if let Some(last) = a.out.provisions.last_mut() {
        last.repeats_removed += a.pending_repeats;
    }
    a.out
}

impl Assembler<'_> {
    fn piece(&mut self, line: usize, text: &str) {
        if let Some(h) = split_heading(text) {
            self.heading(h.marker.level, h.marker.number, h.label);
            if !h.body.is_empty() {
                for sentence in split_glued(h.body) {
                    self.piece(line, sentence);
                }
            }
            return;
        }
        if self.is_repeat(text) {
            return;
        }
        if self.metadata(text) {
            return;
        }
        // A whole piece that is a responsibility clause (a closing 。 aside), bracketed or
        // labelled (`责任单位：……`).
        let bare = text.trim_end_matches(['。', '；', ';', '.']);
        let whole =
            responsibility_span(bare).filter(|&(s, e)| s == 0 && e == bare.len()).or_else(|| is_labelled_responsibility(bare).then_some((0, bare.len())));
        if let Some((start, end)) = whole {
            let clause = &bare[start..end];
            match &mut self.current {
                Some((_, draft)) if draft.responsibility.is_none() => draft.responsibility = Some(clause.to_string()),
                // A clause whose provision is gone (a damaged source): a provision of its own.
                _ => {
                    self.body(line, clause);
                    if let Some((_, draft)) = &mut self.current {
                        draft.responsibility = Some(clause.to_string());
                    }
                }
            }
            self.close();
            return;
        }
        self.body(line, text);
    }

    /// Counts and drops a sentence already seen in this document.
    fn is_repeat(&mut self, text: &str) -> bool {
        let key = squash_spaces(text);
        if key.chars().count() < MIN_REPEAT_CHARS {
            return false;
        }
        if !self.seen_sentences.insert(key) {
            self.out.stats.repeated_sentences_removed += 1;
            self.out.stats.repeated_chars_removed += content_len(text);
            match &mut self.current {
                Some((_, draft)) => draft.repeats_removed += 1,
                None => self.pending_repeats += 1,
            }
            return true;
        }
        false
    }

    /// Recognises metadata pieces; returns whether `text` was one. Every metadata piece
    /// is kept verbatim (addressee and signature in their fields, the rest in
    /// `front_matter`), so nothing of the source is lost.
    fn metadata(&mut self, text: &str) -> bool {
        let before_body = self.out.provisions.is_empty() && self.current.is_none() && self.stack.is_empty();
        let meta = &mut self.out.meta;
        let all_han = text.chars().all(is_han);
        if let Some(date) = publication_date(text) {
            meta.publication_date.get_or_insert(date.to_string());
            meta.front_matter.push(text.to_string());
            return true;
        }
        if let Some((number, _)) = doc_number_prefix(text).filter(|(n, _)| n.len() == text.len()) {
            meta.doc_number.get_or_insert(number.to_string());
            meta.front_matter.push(text.to_string());
            return true;
        }
        if let Some((iso, _)) = parse_chinese_date(text).filter(|(_, len)| *len == text.len()) {
            meta.date.get_or_insert(iso);
            meta.front_matter.push(text.to_string());
            return true;
        }
        if all_han && text.chars().count() <= 24 && ends_like_issuer(text) {
            keep_first(&mut meta.signature, &mut meta.front_matter, text);
            return true;
        }
        if before_body && is_addressee(text) {
            keep_first(&mut meta.addressee, &mut meta.front_matter, text);
            return true;
        }
        let is_title = is_title(text);
        let is_issuer = all_han && text.chars().count() <= 12 && ["委", "厅", "局", "办"].iter().any(|e| simplify(text).ends_with(e));
        if self.stack.is_empty() && (is_title || is_issuer) {
            if is_title && meta.title.is_none() {
                meta.title = Some(text.to_string());
            }
            meta.front_matter.push(text.to_string());
            return true;
        }
        false
    }

    fn heading(&mut self, level: u8, number: u32, label: &str) {
        self.close();
        while self.stack.last().is_some_and(|o| o.level >= level) {
            self.stack.pop();
        }
        let parent: Vec<String> = self.stack.iter().map(|o| o.label.clone()).collect();
        let mut key = parent.clone();
        key.push(label.to_string());
        self.stack.push(Open { level, number, label: label.to_string(), out_of_order: false });
        if self.known_headings.contains(&key) {
            // A repeated heading re-opens its section (damaged sources repeat passages).
            self.out.stats.repeated_sentences_removed += 1;
            self.out.stats.repeated_chars_removed += content_len(label);
            self.pending_repeats += 1;
            return;
        }
        let sibling_key = {
            let mut k = parent;
            k.push(format!("level{level}"));
            k
        };
        let expected = self.last_sibling.get(&sibling_key).map_or(1, |n| n + 1);
        if number != expected {
            self.out.out_of_order += 1;
            if let Some(open) = self.stack.last_mut() {
                open.out_of_order = true;
            }
        }
        self.last_sibling.insert(sibling_key, number);
        self.known_headings.insert(key);
        let id = format!("{}-h{}", self.doc, self.number_key());
        let id = self.unique(id);
        let first_provision = self.out.provisions.len();
        self.out.headings.push(Heading { id, level, text: label.to_string(), first_provision });
    }

    fn body(&mut self, line: usize, text: &str) {
        if matches!(&self.current, Some((l, _)) if *l != line) {
            self.close();
        }
        if self.current.is_none() {
            let key = self.number_key();
            let id = self.unique(format!("{}-{}", self.doc, key));
            let path = self.stack.iter().map(|o| o.label.clone()).collect();
            let out_of_order_heading = self.stack.iter().any(|o| o.out_of_order);
            let repeats_removed = std::mem::take(&mut self.pending_repeats);
            self.current = Some((line, Draft { id, path, repeats_removed, out_of_order_heading, ..Draft::default() }));
        }
        if let Some((_, draft)) = &mut self.current {
            draft.sentences.push(text.to_string());
        }
    }

    fn close(&mut self) {
        if let Some((_, draft)) = self.current.take() {
            if !draft.sentences.is_empty() {
                self.out.provisions.push(draft);
            } else {
                self.pending_repeats += draft.repeats_removed;
            }
        }
    }

    /// `3-1-2` for the open headings' numbers, `0` before the first heading.
    fn number_key(&self) -> String {
        if self.stack.is_empty() {
            return "0".to_string();
        }
        self.stack.iter().map(|o| o.number.to_string()).collect::<Vec<_>>().join("-")
    }

    /// `base`, then `base.2`, `base.3` … for later provisions with the same key.
    fn unique(&mut self, base: String) -> String {
        let n = self.id_counts.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            base
        } else {
            format!("{base}.{n}")
        }
    }
}

/// The first value goes to its field, later different ones to the front matter.
fn keep_first(field: &mut Option<String>, front_matter: &mut Vec<String>, text: &str) {
    match field {
        None => *field = Some(text.to_string()),
        Some(_) => front_matter.push(text.to_string()),
    }
}
