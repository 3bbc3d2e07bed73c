//! One provision: where it comes from, its text with the filtered sentences emphasised
//! and the search terms marked, its tags with their reasons, and the share actions.
//!
//! Labels are rendered once, in the language of the moment: lists key their cards by
//! language too, so a card is rebuilt when the language changes. Few reactive parts per
//! card keep a keystroke's re-render within a frame.

use crate::browser;
use crate::components::english::{self, NOT_TRANSLATED};
use crate::components::marked::marked;
use crate::i18n::{self, tr};
use crate::state::use_ctx;
use hts_runtime::export::{citation, matched_sentences, Style};
use hts_runtime::model::{CodedBy, Provision, ReasonKind, Sentence, TagReason};
use hts_runtime::translation::Translation;
use hts_runtime::url::{Lang, State, View};
use leptos::prelude::*;

#[component]
pub fn ProvisionCard(index: usize) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let p = ctx.corpus.provision(index);
    let doc = ctx.document(&p.doc).expect("every provision has its document");
    let id = p.id.clone();
    let highlighted = {
        let id = id.clone();
        move || ctx.highlight.with(|h| h.as_deref() == Some(id.as_str()))
    };
    // The reader link keeps the current filters and search when clicked; its href (for
    // a new tab) is the plain link, so keystrokes never rewrite it.
    let reader_href = format!("?view=documents&doc={}#{}", p.doc, hts_runtime::url::percent_encode(&id));
    let open_reader = {
        let id = id.clone();
        move |ev: leptos::ev::MouseEvent| {
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                return;
            }
            ev.prevent_default();
            let next = ctx.state.with_untracked(|s| State { view: View::Documents, doc: Some(p.doc.clone()), ..s.clone() });
            ctx.navigate_to_anchor(next, &id);
        }
    };
    let emphasis = Memo::new(move |_| ctx.filters.with(|s| ctx.corpus.emphasised_sentences(index, s)));
    // The sentences, the filtered ones emphasised and the search terms marked: in
    // Chinese, or in English (a sentence without one in Chinese, said so). One element
    // type for both keeps the download small.
    let sentences = move |en: Option<&'static Translation>| {
        let emphasis = emphasis.get();
        ctx.query.with(|q| {
            p.sentences
                .iter()
                .zip(emphasis)
                .map(|(s, emph)| {
                    let (text, lang, missing) = match en.map(|t| t.get(&s.id)) {
                        None => (s.text.as_str(), None, None),
                        Some(Some(t)) => (t, None, None),
                        Some(None) => (s.text.as_str(), Some("zh-CN"), Some(NOT_TRANSLATED)),
                    };
                    let space = en.map(|_| " ");
                    view! { <span class="sentence" class:dim=!emph lang=lang>{marked(text, &q.highlights(text))}{missing}{space}</span> }
                })
                .collect_view()
        })
    };
    // Static: the list rebuilds its cards when the English edition arrives.
    let en = if lang == Lang::En { ctx.en.get_untracked() } else { None };
    let original = en.map(|_| {
        view! {
            <details class="original" data-testid="original">
                <summary>"Chinese original"</summary>
                <p class="text" lang="zh-CN">{move || sentences(None)}</p>
            </details>
        }
    });
    let title = english::document_title(lang, doc, en);
    let path = english::path(ctx, lang, p, en);
    // The provision's citation (GB/T 7714), with its link: unique per provision.
    let cite = citation(ctx.corpus, index, Style::GbT7714, lang, &browser::absolute_url("", Some(&p.id)), None);
    let head_lang = if en.is_some() || lang == Lang::En && doc.title.is_none() { "en" } else { "zh-CN" };
    let path_lang = if en.is_some() || p.path.is_empty() { "en" } else { "zh-CN" };
    let text_lang = if en.is_some() { "en" } else { "zh-CN" };
    view! {
        <article class="provision" data-testid="provision" data-id=id.clone() data-province=p.province.clone() data-citation=cite
            id=id class:highlighted=highlighted>
            <header class="provision-head">
                <span class=format!("badge province-{}", p.province)>{i18n::province(lang, &p.province)}</span>
                <a class="doc-link" href=reader_href on:click=open_reader title=tr(lang, "在原文中查看", "Read in the document") lang=head_lang>
                    {title}
                </a>
                <span class="path" lang=path_lang>{path}</span>
            </header>
            <p class="text" lang=text_lang>{move || sentences(en)}</p>
            {original}
            {(!p.departments.is_empty()).then(|| view! {
                <p class="departments" data-testid="departments">
                    <span class="label">{tr(lang, "责任单位：", "Responsible: ")}</span>
                    <span lang="zh-CN">{p.departments.join("、")}</span>
                </p>
            })}
            <Tags index lang/>
            {doc.provision_notes.iter().find(|n| n.provision == p.id).map(|n| view! {
                <p class="quality" data-testid="quality-note">
                    <span aria-hidden="true">"⚠ "</span>
                    {repair_note(lang, n)}
                </p>
            })}
            <Actions index lang/>
        </article>
    }
}

/// What the repair did to this provision, in words; the document's own notes are in
/// the documents view, once.
fn repair_note(lang: Lang, n: &hts_runtime::model::ProvisionNote) -> String {
    let mut parts =
        vec![tr(lang, "来源文本在此处有缺陷，已自动修复，请核对原文：", "The source text is damaged here and was repaired; check the original:").to_string()];
    if n.repeats_removed > 0 {
        parts.push(match lang {
            Lang::Zh => format!("删除了重复出现的 {} 句（保留首次出现）。", n.repeats_removed),
            Lang::En => {
                format!("{} repeated sentence{} removed (the first occurrence kept).", n.repeats_removed, if n.repeats_removed == 1 { "" } else { "s" })
            }
        });
    }
    if n.out_of_order_heading {
        parts.push(
            tr(lang, "所在标题编号顺序错乱，条文位置可能不是原始顺序。", "It sits under a heading numbered out of order: its place may not be the original.")
                .to_string(),
        );
    }
    parts.join(if lang == Lang::Zh { "" } else { " " })
}

fn reason_text(lang: Lang, r: &TagReason) -> String {
    let kind = match r.kind {
        ReasonKind::Heading => tr(lang, "所在标题：", "Under heading: "),
        ReasonKind::Target => tr(lang, "量化目标：", "Quantitative target: "),
        ReasonKind::Keyword => tr(lang, "关键词：", "Keyword: "),
        ReasonKind::Review => tr(lang, "人工审核", "Reviewed"),
    };
    if r.matched.is_empty() {
        kind.trim_end_matches(['：', ':', ' ']).to_string()
    } else {
        format!("{kind}{}", r.matched)
    }
}

/// Who decided a tag of a provision, in words: reviewed when every sentence that carries
/// it was coded by a reviewer (with the reviewer's notes), else suggested by the keyword
/// rules (with the rule's reason). Never empty.
fn provenance(lang: Lang, p: &Provision, code: &str) -> (bool, String) {
    let carriers: Vec<&Sentence> = p.sentences.iter().filter(|s| s.domains.iter().chain(&s.tools).any(|c| c == code)).collect();
    let reviewed = !carriers.is_empty() && carriers.iter().all(|s| s.coded_by == CodedBy::Review);
    if reviewed {
        let notes: Vec<&str> = carriers.iter().filter_map(|s| s.note.as_deref()).collect();
        let label = tr(lang, "人工审核编码", "reviewed coding");
        let text = if notes.is_empty() { label.to_string() } else { format!("{label}{}{}", tr(lang, "：", ": "), notes.join(" · ")) };
        return (true, text);
    }
    let label = tr(lang, "关键词规则建议（未经审核）", "suggested by keyword rules (not reviewed)");
    let reason = carriers.iter().filter(|s| s.coded_by == CodedBy::Rules).flat_map(|s| s.reasons.iter()).find(|r| r.code == code);
    match reason {
        Some(r) => (false, format!("{label}{}{}", tr(lang, "。", ". "), reason_text(lang, r))),
        None => (false, label.to_string()),
    }
}

/// Domain and tool tags: reviewed tags solid, rule-suggested tags dashed; who decided
/// (and why) shows on hover and on keyboard focus.
#[component]
fn Tags(index: usize, lang: Lang) -> impl IntoView {
    let ctx = use_ctx();
    let p = ctx.corpus.provision(index);
    let domains = ctx.corpus.provision_domains(index).iter().map(|c| (c, "domain", i18n::domain(lang, c)));
    let tools = ctx.corpus.provision_tools(index).iter().map(|c| (c, "tool", i18n::tool(lang, c)));
    view! {
        <ul class="tags" aria-label=tr(lang, "标签", "Tags")>
            {domains.chain(tools).map(|(code, kind, label)| {
                let (reviewed, why) = provenance(lang, p, code);
                let class = format!("tag {kind} {}", if reviewed { "reviewed" } else { "suggested" });
                view! {
                    <li><span class=class tabindex="0" data-code=code.clone() data-coded-by=if reviewed { "review" } else { "rules" }
                        data-reason=why.clone() title=why>{label}</span></li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Actions(index: usize, lang: Lang) -> impl IntoView {
    let ctx = use_ctx();
    let p = ctx.corpus.provision(index);
    let copied = RwSignal::new(None::<&'static str>);
    // Says "copied" when the clipboard took it (not after the prompt of `browser::copy`).
    let flash = move |what: &'static str, done: bool| {
        if !done {
            return;
        }
        copied.set(Some(what));
        gloo::timers::callback::Timeout::new(2000, move || copied.set(None)).forget();
    };
    let copy_link = move |_| {
        let query = ctx.state.with_untracked(hts_runtime::url::encode);
        // From offline.html the link is a file:// address: it opens only on this computer.
        let local = window().location().protocol().is_ok_and(|p| p == "file:");
        let label = if local {
            tr(lang, "复制链接（本地文件链接，仅本机可打开）：", "Copy the link (a local file link: it opens only on this computer):")
        } else {
            tr(lang, "复制链接：", "Copy the link:")
        };
        flash(if local { "local" } else { "link" }, browser::copy(&browser::absolute_url(&query, Some(&p.id)), label));
    };
    // The citation in a style, quoting the sentences that meet the filters (if any).
    let copy_citation = move |style: Style| {
        let quote = ctx.filters.with_untracked(|s| matched_sentences(ctx.corpus, index, s).join(""));
        let link = browser::absolute_url("", Some(&p.id));
        let text = citation(ctx.corpus, index, style, lang, &link, (!quote.is_empty()).then_some(quote.as_str()));
        flash(if style == Style::Plain { "plain" } else { "citation" }, browser::copy(&text, tr(lang, "复制引用：", "Copy the citation:")));
    };
    view! {
        <div class="actions">
            <button class="action" data-testid="copy-link" on:click=copy_link>
                {move || match copied.get() {
                    Some("link") => tr(lang, "已复制链接", "Link copied"),
                    Some("local") => tr(lang, "已复制本地文件链接：仅本机可打开，分享请用网站地址", "Copied a local file link: it opens only on this computer; share the website's address instead"),
                    _ => tr(lang, "复制链接", "Copy link"),
                }}
            </button>
            <button class="action" data-testid="copy-citation" on:click=move |_| copy_citation(Style::GbT7714)>
                {move || if copied.get() == Some("citation") { tr(lang, "已复制引用", "Citation copied") } else { tr(lang, "复制引用（GB/T 7714）", "Copy citation (GB/T 7714)") }}
            </button>
            <button class="action" data-testid="copy-citation-plain" on:click=move |_| copy_citation(Style::Plain)>
                {move || if copied.get() == Some("plain") { tr(lang, "已复制引用", "Citation copied") } else { tr(lang, "复制简式引用", "Copy plain citation") }}
            </button>
        </div>
    }
}
