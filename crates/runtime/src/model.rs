//! The bundle: the data set the compiler writes and the app reads (`data/policies.json`).
//! Field names are a public contract, documented in the README. The compiler writes it
//! with serde (feature `serde`); the browser reads the packed form with [`crate::packed`],
//! so serde stays out of the download.

/// Bumped whenever a field changes meaning or disappears.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Bundle {
    pub schema_version: u32,
    pub documents: Vec<Document>,
    pub provisions: Vec<Provision>,
    pub targets: Vec<Target>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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
    /// The official text online (the issuer's or a government portal's page), from the
    /// catalog; `null` when unknown: never guessed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub source_url: Option<String>,
    /// The addressee line (`各市州……：`), metadata rather than a provision.
    pub addressee: Option<String>,
    /// Signature lines as written at the end (or head) of the document.
    pub signature: Option<String>,
    pub notes: Option<String>,
    /// What the compiler had to do to this source (duplicates removed, order doubts).
    pub quality_notes: Vec<QualityNote>,
    /// The provisions that repair touched, each with what was done there (absent when
    /// none): the page puts a note on these cards only.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub provision_notes: Vec<ProvisionNote>,
    /// Text of the source that is neither a provision nor a heading (page headers,
    /// forwarding notices): kept so that nothing is lost.
    pub front_matter: Vec<String>,
    /// The table of contents: every heading in document order.
    pub outline: Vec<Heading>,
    pub stats: DocumentStats,
}

/// What the compiler had to do to a source, as data: the page words it in the reader's
/// language ([`QualityNote::describe`]). In the data set: `{"code": "repeats_removed",
/// "sentences": 33, "chars": 1511}`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "code", rename_all = "snake_case"))]
pub enum QualityNote {
    /// Repeated sentences or passages removed, the first occurrence kept.
    RepeatsRemoved { sentences: usize, chars: usize },
    /// Heading numbers out of order: domains are tagged by content, not by heading.
    HeadingsOutOfOrder { places: usize },
    /// No outline numbering recognised: provisions are the source's paragraphs.
    NoOutline,
    /// The source file was not UTF-8 and was converted (`from`: one of [`ENCODINGS`]).
    Converted { from: String },
}

/// Where the compiler's repair touched one provision. In the data set:
/// `{"provision": "jilin-hts-2-1", "repeats_removed": 2, "out_of_order_heading": false}`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ProvisionNote {
    pub provision: String,
    /// Repeated sentences (or a repeated heading that re-opened the section) removed
    /// within or just before this provision.
    pub repeats_removed: usize,
    /// The provision sits under a heading whose number is out of order.
    pub out_of_order_heading: bool,
}

/// The encodings a seed may be converted from, in the order the packed form numbers them.
pub const ENCODINGS: [&str; 4] = ["GB18030", "BIG5", "UTF-16LE", "UTF-16BE"];

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Heading {
    /// Anchor id, unique in the bundle.
    pub id: String,
    /// 1 for `一、`, 2 for `（一）`, 3 for `1.`, 4 for `（1）`.
    pub level: u8,
    pub text: String,
    /// Position of the first provision after it (the reader puts the heading there).
    pub first_provision: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DocumentStats {
    pub source_chars: usize,
    pub provisions: usize,
    pub sentences: usize,
    pub repeated_sentences_removed: usize,
    pub repeated_chars_removed: usize,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Sentence {
    /// `<provision id>:<n>`, n from 1: the key of reviewed coding and translations.
    pub id: String,
    pub text: String,
    pub domains: Vec<String>,
    pub tools: Vec<String>,
    /// Why each tag was given, in the order of `domains` then `tools`.
    pub reasons: Vec<TagReason>,
    /// Whether a careful reader decided the tags (`review`) or the keyword rules
    /// suggested them (`rules`, for sentences nobody has reviewed yet).
    pub coded_by: CodedBy,
    /// The reviewer's note on a hard call, if any.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub note: Option<String>,
}

/// Who decided a sentence's tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum CodedBy {
    /// Read and coded by a person, following `docs/coding-guide.md`.
    Review,
    /// Suggested by the keyword rules (`rules.json`); not checked.
    #[default]
    Rules,
}

/// Why a tag was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum ReasonKind {
    /// The section the sentence sits under (rules).
    Heading,
    /// A phrase in the sentence (rules).
    Keyword,
    /// A quantitative target was extracted from the sentence (rules).
    Target,
    /// A reviewer's decision.
    Review,
}

/// What a target counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum TargetKind {
    /// A growth rate.
    Growth,
    /// A number of things (enterprises, bases, people).
    Count,
    /// Any other level (revenue, bandwidth, a share).
    Level,
    /// The size of a plan's list (`重点建设……等10个……产业集群`): what the plan counts, not a
    /// result to reach.
    Programme,
}

impl CodedBy {
    pub fn as_str(self) -> &'static str {
        match self {
            CodedBy::Review => "review",
            CodedBy::Rules => "rules",
        }
    }
}

impl ReasonKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReasonKind::Heading => "heading",
            ReasonKind::Keyword => "keyword",
            ReasonKind::Target => "target",
            ReasonKind::Review => "review",
        }
    }
}

impl TargetKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Growth => "growth",
            TargetKind::Count => "count",
            TargetKind::Level => "level",
            TargetKind::Programme => "programme",
        }
    }

    pub fn parse(s: &str) -> Option<TargetKind> {
        [TargetKind::Growth, TargetKind::Count, TargetKind::Level, TargetKind::Programme].into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TagReason {
    pub code: String,
    pub kind: ReasonKind,
    /// The heading or phrase that caused a rule tag; empty for a reviewed tag.
    pub matched: String,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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
    pub kind: TargetKind,
    /// How the value is bounded, as written: `以上`, `左右`, `超过`, `不低于`, `达到` …
    pub qualifier: Option<String>,
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

/// `（省科技厅、发展改革委负责）` → `["省科技厅", "省发展改革委"]`: the 省 of the first
/// name applies to the whole list. Also `（責任單位：…）` and `（牵头单位：…；配合单位：…）`. Derived, not stored: the compiler and the unpacker
/// both call this.
pub fn departments(clause: &str) -> Vec<String> {
    /// [`RESPONSIBILITY_LABELS`], in both scripts.
    const LABELS: &str =
        "责任单位 責任單位 责任部门 責任部門 牵头单位 牽頭單位 牵头部门 牽頭部門 配合单位 配合單位 配合部门 配合部門 参与单位 參與單位 负责单位 負責單位";
    let inner = clause.trim().trim_start_matches(['（', '(']).trim_end_matches(['。', '；', ';', '.']).trim_end_matches(['）', ')']);
    let mut names: Vec<&str> = Vec::new();
    for part in inner.split(['；', ';']) {
        let mut part = part.trim();
        if let Some(rest) = LABELS.split(' ').find_map(|l| part.strip_prefix(l)) {
            part = rest.trim_start_matches(['：', ':', ' ']);
        }
        for suffix in ["负责", "負責"] {
            part = part.strip_suffix(suffix).unwrap_or(part);
        }
        let part = part.trim_end_matches(['…', '.', '等']);
        names.extend(part.split(['、', '，', ',']).map(|n| n.trim().trim_end_matches(['…', '等'])).filter(|n| !n.is_empty()));
    }
    let provincial = names.first().is_some_and(|n| n.starts_with('省'));
    let others = ["各", "市", "县", "縣", "区", "區", "国家", "國家", "中国", "中國", "中央"];
    let bare = |n: &str| !crate::fold::contains(n, "省") && !others.iter().any(|o| n.starts_with(o));
    names.into_iter().map(|n| if provincial && bare(n) { format!("省{n}") } else { n.to_string() }).collect()
}

impl QualityNote {
    /// The note's code, as in the data set.
    pub fn code(&self) -> &'static str {
        match self {
            QualityNote::RepeatsRemoved { .. } => "repeats_removed",
            QualityNote::HeadingsOutOfOrder { .. } => "headings_out_of_order",
            QualityNote::NoOutline => "no_outline",
            QualityNote::Converted { .. } => "converted",
        }
    }

    /// The note's numbers, in the order the packed form writes them.
    pub fn numbers(&self) -> Vec<usize> {
        match self {
            QualityNote::RepeatsRemoved { sentences, chars } => vec![*sentences, *chars],
            QualityNote::HeadingsOutOfOrder { places } => vec![*places],
            QualityNote::NoOutline => Vec::new(),
            QualityNote::Converted { from } => vec![ENCODINGS.iter().position(|e| e == from).unwrap_or(0)],
        }
    }

    /// The note from its code and numbers; `None` for an unknown code.
    pub fn from_parts(code: &str, numbers: &[usize]) -> Option<QualityNote> {
        let n = |i: usize| numbers.get(i).copied().unwrap_or(0);
        Some(match code {
            "repeats_removed" => QualityNote::RepeatsRemoved { sentences: n(0), chars: n(1) },
            "headings_out_of_order" => QualityNote::HeadingsOutOfOrder { places: n(0) },
            "no_outline" => QualityNote::NoOutline,
            "converted" => QualityNote::Converted { from: ENCODINGS.get(n(0)).unwrap_or(&ENCODINGS[0]).to_string() },
            _ => return None,
        })
    }

    /// The note in the reader's language.
    pub fn describe(&self, lang: crate::url::Lang) -> String {
        use crate::url::Lang::{En, Zh};
        match (self.clone(), lang) {
            (QualityNote::RepeatsRemoved { sentences, chars }, Zh) => {
                format!("原文有重复的句子或段落：已删除重复出现的 {sentences} 句（{chars} 字），保留首次出现。")
            }
            (QualityNote::RepeatsRemoved { sentences, chars }, En) => format!(
                "The source repeats sentences or passages: {sentences} repeated sentence{} ({chars} characters) removed, keeping the first occurrence.",
                if sentences == 1 { "" } else { "s" }
            ),
            (QualityNote::HeadingsOutOfOrder { places }, Zh) => {
                format!("原文标题编号顺序错乱（{places} 处），条文顺序可能不是原始顺序；本文件的领域按内容标注，不按所在标题。")
            }
            (QualityNote::HeadingsOutOfOrder { places }, En) => format!(
                "The source's heading numbers are out of order ({places} place{}): the order of provisions may not be the original, and domains are tagged by content rather than by heading.",
                if places == 1 { "" } else { "s" }
            ),
            (QualityNote::NoOutline, Zh) => "原文没有可识别的层级编号，按段落编为条文。".to_string(),
            (QualityNote::NoOutline, En) => "No outline numbering was recognised: provisions are the source's paragraphs.".to_string(),
            (QualityNote::Converted { from }, Zh) => format!("原文件为 {from} 编码，已转换为 UTF-8。"),
            (QualityNote::Converted { from }, En) => format!("The source file was in {from} and was converted to UTF-8."),
        }
    }
}
