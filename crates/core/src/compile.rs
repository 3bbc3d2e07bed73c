//! The corpus compiler: seeds + catalog → [`Bundle`].
//!
//! A document goes through four steps, each a small function below:
//! 1. **pieces**: lines are cut into sentences, and sentences further where a damaged source
//!    glued things together (a responsibility clause followed by the next item, a signature
//!    followed by a date and a title, a web-page header);
//! 2. **assembly**: each piece is classified (metadata, heading, responsibility clause,
//!    body sentence) and body sentences are grouped into provisions under their outline
//!    path; repeated sentences are removed here (first occurrence kept, all counted);
//! 3. **annotation**: sentences get domain and tool tags, provisions their targets;
//! 4. **metadata**: what the text says (signature, date, document number, province) is
//!    merged with the catalog, and contradictions become build errors.
//!
//! Nothing here knows any particular seed: every rule is about the form of the text.

use crate::catalog::{self, Entry, CATALOG_FILE, ENTRY_TEMPLATE};
use crate::error::{BuildError, Problem, ProblemKind};
use crate::model::*;
use crate::outline::split_heading;
use crate::tagging::{tag_sentence, Tags};
use crate::targets;
use crate::taxonomy::taxonomy;
use crate::text::{content_len, decode, is_space, split_sentences, squash_spaces};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// A seed file as read from disk.
#[derive(Debug, Clone)]
pub struct Seed {
    pub file: String,
    pub bytes: Vec<u8>,
}

/// Sentences shorter than this are never treated as repeats (`略。`).
const MIN_REPEAT_CHARS: usize = 6;

/// Reads `dir/catalog.json` and every `dir/*.txt`, and compiles them.
pub fn compile_dir(dir: &Path) -> Result<Bundle, BuildError> {
    let fail = |message: String| BuildError { problems: vec![Problem::new(dir.display().to_string(), ProblemKind::Catalog, message)] };
    let catalog_path = dir.join(CATALOG_FILE);
    let catalog = std::fs::read_to_string(&catalog_path)
        .map_err(|e| fail(format!("cannot read {} ({e}): the seeds folder needs a catalog, {{\"documents\": [{ENTRY_TEMPLATE}]}}", catalog_path.display())))?;
    let mut seeds = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| fail(format!("cannot list the seeds folder: {e}")))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if !name.ends_with(".txt") {
            continue;
        }
        let bytes = std::fs::read(entry.path()).map_err(|e| fail(format!("cannot read {name}: {e}")))?;
        seeds.push(Seed { file: name, bytes });
    }
    seeds.sort_by(|a, b| a.file.cmp(&b.file));
    compile_corpus(&catalog, &seeds)
}

/// Compiles seeds in the order given (the catalog's order does not matter).
pub fn compile_corpus(catalog_json: &str, seeds: &[Seed]) -> Result<Bundle, BuildError> {
    let mut problems = Vec::new();
    let (entries, catalog_problems) = catalog::parse(catalog_json);
    // With a catalog that is not even JSON, "no entry" would be noise for every seed.
    let catalog_ok = !catalog_problems.iter().any(|p| p.line.is_some());
    problems.extend(catalog_problems);
    let mut bundle = Bundle { schema_version: SCHEMA_VERSION, documents: Vec::new(), provisions: Vec::new(), targets: Vec::new() };
    for seed in seeds {
        let entry = entries.iter().find(|e| e.file == seed.file);
        if entry.is_none() && catalog_ok {
            problems.push(Problem::new(
                &seed.file,
                ProblemKind::MissingCatalogEntry,
                format!("this seed has no entry in seeds/{CATALOG_FILE}: add {}", ENTRY_TEMPLATE.replacen('…', &seed.file, 1)),
            ));
        }
        let text = match decode(&seed.file, &seed.bytes) {
            Ok(text) => text,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        if let Some(entry) = entry {
            match compile_document(entry, &text) {
                Ok(compiled) => {
                    bundle.documents.push(compiled.document);
                    bundle.provisions.extend(compiled.provisions);
                    bundle.targets.extend(compiled.targets);
                }
                Err(p) => problems.extend(p),
            }
        }
    }
    for entry in &entries {
        if !seeds.iter().any(|s| s.file == entry.file) {
            problems.push(Problem::new(
                CATALOG_FILE,
                ProblemKind::MissingFile,
                format!("the entry for document \"{}\" names {}, which is not in the seeds folder: add the file or remove the entry", entry.id, entry.file),
            ));
        }
    }
    if problems.is_empty() {
        Ok(bundle)
    } else {
        Err(BuildError { problems })
    }
}

/// One document, compiled.
pub struct Compiled {
    pub document: Document,
    pub provisions: Vec<Provision>,
    pub targets: Vec<Target>,
}

/// Compiles one decoded document against its catalog entry.
pub fn compile_document(entry: &Entry, text: &str) -> Result<Compiled, Vec<Problem>> {
    let pieces = pieces(text);
    let assembled = assemble(&entry.id, &pieces);
    let trusted = assembled.out_of_order == 0;
    let mut provisions: Vec<Provision> = assembled
        .provisions
        .into_iter()
        .enumerate()
        .map(|(position, draft)| annotate(entry, position, draft, trusted))
        .collect();
    let targets = extract_targets(&mut provisions);
    let meta = merge_metadata(entry, &assembled.meta, text)?;
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
        addressee: assembled.meta.addressee.clone(),
        signature: assembled.meta.signature.clone(),
        notes: entry.notes.clone(),
        quality_notes,
        front_matter: assembled.meta.front_matter.clone(),
        outline: assembled.headings,
        stats,
    };
    Ok(Compiled { document, provisions, targets })
}

// ---------------------------------------------------------------- 1. pieces

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
fn split_glued(sentence: &str) -> Vec<&str> {
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
        find_after(s, "发布日期").map(|i| i - "发布日期".len()),
        publication_date_end(s),
        signature_date_cut(s),
        title_end(s),
        issuer_end(s),
        addressee_start(s),
        addressee_end(s),
    ]
    .into_iter()
    .flatten()
    .filter(|&i| i > 0 && i < s.len())
    .min()
}

fn find_after(s: &str, needle: &str) -> Option<usize> {
    s.find(needle).map(|i| i + needle.len())
}

/// Before and after a `（……负责）` clause.
fn responsibility_cut(s: &str) -> Option<usize> {
    let (start, end) = responsibility_span(s)?;
    Some(if start > 0 { start } else { end })
}

/// Byte span of the first responsibility clause: `（省发展改革委、财政厅负责）`.
pub fn responsibility_span(s: &str) -> Option<(usize, usize)> {
    let mut search = 0;
    while let Some(rel) = s[search..].find('（') {
        let start = search + rel;
        let inner_start = start + '（'.len_utf8();
        let close = s[inner_start..].find(['（', '）'])? + inner_start;
        if s[close..].starts_with('）') {
            let inner = &s[inner_start..close];
            if is_responsibility(inner) {
                return Some((start, close + '）'.len_utf8()));
            }
        }
        search = inner_start;
    }
    None
}

fn is_responsibility(inner: &str) -> bool {
    let bodies = ["政府", "厅", "委", "局", "办", "部门"];
    let listed = !inner.contains(['，', '。', '；']) && inner.chars().count() <= 120;
    listed && (inner.ends_with("负责") || (inner.starts_with(['省', '各']) && bodies.iter().any(|b| inner.ends_with(b))))
}

/// `发布日期:2012-11-08粤府办……` → after the date.
fn publication_date_end(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("发布日期")?;
    let rest = rest.trim_start_matches([':', '：', ' ']);
    let date_len = rest.char_indices().take_while(|(_, c)| c.is_ascii_digit() || *c == '-').last().map(|(i, c)| i + c.len_utf8())?;
    Some(s.len() - rest.len() + date_len)
}

/// `粤府办〔2012〕101号` at the start of `s`, and its year.
pub fn doc_number_prefix(s: &str) -> Option<(&str, u16)> {
    let open = s.find('〔')?;
    let prefix = &s[..open];
    if prefix.is_empty() || prefix.chars().count() > 8 || !prefix.chars().all(is_han) {
        return None;
    }
    let after = &s[open + '〔'.len_utf8()..];
    let year: String = after.chars().take(4).collect();
    let year: u16 = year.parse().ok()?;
    let after = after.get(4..)?.strip_prefix('〕')?;
    let digits = after.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || !after[digits..].starts_with('号') {
        return None;
    }
    let end = s.len() - after.len() + digits + '号'.len_utf8();
    Some((&s[..end], year))
}

pub(crate) fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

const ISSUER_ENDINGS: [&str; 4] = ["人民政府办公厅", "人民政府", "办公厅", "委员会"];

/// `广东省人民政府办公厅2012年10月12日……`: cut after the issuer and after the date.
fn signature_date_cut(s: &str) -> Option<usize> {
    if let Some(len) = chinese_date_prefix(s) {
        return Some(len);
    }
    for ending in ISSUER_ENDINGS {
        if let Some(i) = s.find(ending) {
            let end = i + ending.len();
            let issuer = &s[..end];
            if issuer.chars().all(is_han) && issuer.chars().count() <= 24 && chinese_date_prefix(&s[end..]).is_some() {
                return Some(end);
            }
        }
    }
    None
}

/// Length of a `2012年10月12日` at the start of `s`.
pub fn chinese_date_prefix(s: &str) -> Option<usize> {
    parse_chinese_date(s).map(|(_, len)| len)
}

/// `2012年10月12日` → (`2012-10-12`, byte length).
pub fn parse_chinese_date(s: &str) -> Option<(String, usize)> {
    let mut rest = s;
    let mut parts = Vec::new();
    for unit in ['年', '月', '日'] {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || !rest[digits..].starts_with(unit) {
            return None;
        }
        parts.push(rest[..digits].parse::<u32>().ok()?);
        rest = &rest[digits + unit.len_utf8()..];
    }
    let iso = format!("{:04}-{:02}-{:02}", parts[0], parts[1], parts[2]);
    catalog::is_iso_date(&iso).then_some((iso, s.len() - rest.len()))
}

const TITLE_ENDINGS: [&str; 6] = ["实施意见", "意见", "通知", "办法", "方案", "规定"];

/// A document title glued to what follows: `关于加快发展高技术服务业的实施意见省发展改革委为……`.
fn title_end(s: &str) -> Option<usize> {
    if !s.starts_with("关于") && !s.contains("转发") {
        return None;
    }
    let stop = s.find(['，', '。', '《', '：']).unwrap_or(s.len());
    let head = &s[..stop];
    TITLE_ENDINGS.iter().filter_map(|e| head.rfind(e).map(|i| i + e.len())).max().filter(|&end| s[..end].chars().all(is_han))
}

/// An issuing body glued to the text it issues: `省发展改革委为贯彻落实……`.
fn issuer_end(s: &str) -> Option<usize> {
    if !s.starts_with('省') && !s.starts_with('市') {
        return None;
    }
    for body in ["委", "厅", "局", "办"] {
        if let Some(i) = s.find(body) {
            let end = i + body.len();
            let next = &s[end..];
            if s[..end].chars().count() <= 12 && s[..end].chars().all(is_han) && (next.starts_with('为') || next.starts_with("关于")) {
                return Some(end);
            }
        }
    }
    None
}

/// A title glued to the addressee: `……的通知各地级以上市人民政府，……：`.
fn addressee_start(s: &str) -> Option<usize> {
    if !s.contains('：') {
        return None;
    }
    TITLE_ENDINGS.iter().filter_map(|e| s.find(e).map(|i| i + e.len())).filter(|&i| s[i..].starts_with('各')).min()
}

/// The addressee glued to what follows: `各地级以上市人民政府，……各直属机构：省发展改革委……`.
fn addressee_end(s: &str) -> Option<usize> {
    if !s.starts_with('各') {
        return None;
    }
    let colon = s.find('：')?;
    let addressee = &s[..colon];
    let addressed = ["人民政府", "部门", "直属机构", "厅委", "委办"];
    addressed.iter().any(|a| addressee.contains(a)).then_some(colon + '：'.len_utf8())
}

// ---------------------------------------------------------------- 2. assembly

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
        out: Assembled { provisions: Vec::new(), headings: Vec::new(), meta: TextMeta::default(), stats: DocumentStats::default(), out_of_order: 0 },
    };
    for piece in pieces {
        a.piece(piece.line, &piece.text);
    }
    a.close();
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
        if let Some((start, end)) = responsibility_span(text).filter(|&(s, e)| s == 0 && e == text.len()) {
            let clause = &text[start..end];
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
        if let Some(rest) = text.strip_prefix("发布日期") {
            let date = rest.trim_start_matches([':', '：', ' ']);
            if catalog::is_iso_date(date) {
                meta.publication_date.get_or_insert(date.to_string());
                meta.front_matter.push(text.to_string());
                return true;
            }
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
        if all_han && text.chars().count() <= 24 && ISSUER_ENDINGS.iter().any(|e| text.ends_with(e)) {
            keep_first(&mut meta.signature, &mut meta.front_matter, text);
            return true;
        }
        if before_body && text.starts_with('各') && text.ends_with('：') {
            keep_first(&mut meta.addressee, &mut meta.front_matter, text);
            return true;
        }
        let is_title = all_han && TITLE_ENDINGS.iter().any(|e| text.ends_with(e)) && (text.starts_with("关于") || text.contains("转发"));
        let is_issuer = all_han && text.chars().count() <= 12 && ["委", "厅", "局", "办"].iter().any(|e| text.ends_with(e));
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
        self.stack.push(Open { level, number, label: label.to_string() });
        if self.known_headings.contains(&key) {
            // A repeated heading re-opens its section (damaged sources repeat passages).
            self.out.stats.repeated_sentences_removed += 1;
            self.out.stats.repeated_chars_removed += content_len(label);
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
            self.current = Some((line, Draft { id, path, ..Draft::default() }));
        }
        if let Some((_, draft)) = &mut self.current {
            draft.sentences.push(text.to_string());
        }
    }

    fn close(&mut self) {
        if let Some((_, draft)) = self.current.take() {
            if !draft.sentences.is_empty() {
                self.out.provisions.push(draft);
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

// ---------------------------------------------------------------- 3. annotation

fn annotate(entry: &Entry, position: usize, draft: Draft, headings_trusted: bool) -> Provision {
    let sentences: Vec<Sentence> = draft
        .sentences
        .iter()
        .map(|s| {
            let Tags { domains, tools, reasons } = tag_sentence(s, &draft.path, headings_trusted);
            Sentence { text: s.clone(), domains, tools, reasons }
        })
        .collect();
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

/// `（省科技厅、发展改革委负责）` → `["省科技厅", "省发展改革委"]`: the 省 of the first
/// name applies to the whole list.
pub fn departments(clause: &str) -> Vec<String> {
    let inner = clause.trim_start_matches('（').trim_end_matches('）');
    let inner = inner.strip_suffix("负责").unwrap_or(inner);
    let names: Vec<&str> = inner.split(['、', '，', ',']).map(str::trim).filter(|n| !n.is_empty()).collect();
    let provincial = names.first().is_some_and(|n| n.starts_with('省'));
    names
        .into_iter()
        .map(|n| if provincial && !n.starts_with('省') && !n.starts_with('各') { format!("省{n}") } else { n.to_string() })
        .collect()
}

/// Extracts targets and tags their sentences with the `targets` tool.
fn extract_targets(provisions: &mut [Provision]) -> Vec<Target> {
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
                    s.reasons.push(TagReason { code: "targets".into(), kind: "target".into(), matched: format!("{}{}", fmt_value(f.value), f.unit) });
                }
                out.push(Target {
                    provision: p.id.clone(),
                    indicator: f.indicator,
                    text: f.clause,
                    value: f.value,
                    value_max: f.value_max,
                    unit: f.unit,
                    year: f.year,
                    kind: f.kind.to_string(),
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

// ---------------------------------------------------------------- 4. metadata

struct Merged {
    title: Option<String>,
    issuer: Option<String>,
    date: Option<String>,
    doc_number: Option<String>,
    publication_date: Option<String>,
}

/// Catalog and text agree, or the build fails naming both values.
fn merge_metadata(entry: &Entry, text_meta: &TextMeta, text: &str) -> Result<Merged, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut pick = |field: &str, catalog: &Option<String>, from_text: &Option<String>| -> Option<String> {
        match (catalog, from_text) {
            (Some(c), Some(t)) if c != t => {
                problems.push(contradiction(entry, field, c, t));
                Some(c.clone())
            }
            (Some(c), _) => Some(c.clone()),
            (None, t) => t.clone(),
        }
    };
    let merged = Merged {
        title: pick("title", &entry.title, &text_meta.title),
        issuer: pick("issuer", &entry.issuer, &text_meta.signature),
        date: pick("date", &entry.date, &text_meta.date),
        doc_number: pick("doc_number", &entry.doc_number, &text_meta.doc_number),
        publication_date: pick("publication_date", &entry.publication_date, &text_meta.publication_date),
    };
    if let Some(found) = province_named_by_text(text_meta, text) {
        if found != entry.province {
            problems.push(contradiction(entry, "province", &entry.province, &found));
        }
    }
    if problems.is_empty() {
        Ok(merged)
    } else {
        Err(problems)
    }
}

fn contradiction(entry: &Entry, field: &str, catalog: &str, text: &str) -> Problem {
    Problem::new(
        &entry.file,
        ProblemKind::Contradiction,
        format!("the catalog says {field} = \"{catalog}\" but the text says \"{text}\": correct the catalog entry for \"{}\" (or the seed)", entry.id),
    )
}

/// The province the text itself names: its signature's, or else the one whose name
/// the text uses most (at least twice) when the catalog's is never named.
fn province_named_by_text(meta: &TextMeta, text: &str) -> Option<String> {
    let provinces = &taxonomy().provinces;
    if let Some(sig) = &meta.signature {
        if let Some(p) = provinces.iter().find(|p| p.short.iter().any(|s| sig.starts_with(s.as_str()))) {
            return Some(p.code.clone());
        }
    }
    let count = |p: &crate::taxonomy::Province| p.short.iter().map(|s| text.matches(s.as_str()).count()).sum::<usize>();
    let best = provinces.iter().map(|p| (count(p), p)).max_by_key(|(n, _)| *n)?;
    (best.0 >= 2).then(|| best.1.code.clone())
}

fn quality_notes(stats: &DocumentStats, out_of_order: usize, no_outline: bool) -> Vec<String> {
    let mut notes = Vec::new();
    if stats.repeated_sentences_removed > 0 {
        notes.push(format!(
            "原文有重复的句子或段落：已删除重复出现的 {} 句（{} 字），保留首次出现。 / The source repeats sentences or passages: {} repeated sentence(s) ({} characters) were removed, keeping the first occurrence.",
            stats.repeated_sentences_removed, stats.repeated_chars_removed, stats.repeated_sentences_removed, stats.repeated_chars_removed
        ));
    }
    if out_of_order > 0 {
        notes.push(format!(
            "原文标题编号顺序错乱（{out_of_order} 处），条文顺序可能不是原始顺序；本文件的领域按内容标注，不按所在标题。 / The source's heading numbers are out of order ({out_of_order} place(s)): the order of provisions may not be the original, and domains are tagged by content rather than by heading."
        ));
    }
    if no_outline {
        notes.push("原文没有可识别的层级编号，按段落编为条文。 / No outline numbering was recognised: provisions are the source's paragraphs.".to_string());
    }
    notes
}

/// The bundle as shipped (`data/policies.json`): compact JSON, deterministic for
/// unchanged seeds.
pub fn to_json(bundle: &Bundle) -> String {
    serde_json::to_string(bundle).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
