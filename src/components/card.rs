//! One provision: where it comes from, its text with the filtered sentences emphasised
//! and the search terms marked, its tags with their reasons, and the share actions.
//!
//! Labels are rendered once, in the language of the moment: lists key their cards by
//! language too, so a card is rebuilt when the language changes. Few reactive parts per
//! card keep a keystroke's re-render within a frame.

use crate::browser;
use crate::components::marked::marked;
use crate::i18n::{self, tr};
use crate::state::use_ctx;
use hts_runtime::export::citation;
use hts_runtime::model::{ReasonKind, TagReason};
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
    let sentences = move || {
        let emphasis = emphasis.get();
        ctx.query.with(|q| {
            p.sentences
                .iter()
                .zip(emphasis)
                .map(|(s, emph)| view! { <span class="sentence" class:dim=!emph>{marked(&s.text, &q.highlights(&s.text))}</span> })
                .collect_view()
        })
    };
    let path = if p.path.is_empty() { tr(lang, "序言", "Preamble").to_string() } else { p.path.join(" › ") };
    view! {
        <article class="provision" data-testid="provision" data-id=id.clone() data-province=p.province.clone()
            id=id class:highlighted=highlighted>
            <header class="provision-head">
                <span class=format!("badge province-{}", p.province)>{i18n::province(lang, &p.province)}</span>
                <a class="doc-link" href=reader_href on:click=open_reader title=tr(lang, "在原文中查看", "Read in the document")>
                    {i18n::document_title(lang, doc)}
                </a>
                <span class="path">{path}</span>
            </header>
            <p class="text" lang="zh-CN">{sentences}</p>
            {(!p.departments.is_empty()).then(|| view! {
                <p class="departments" data-testid="departments">
                    <span class="label">{tr(lang, "责任单位：", "Responsible: ")}</span>
                    <span lang="zh-CN">{p.departments.join("、")}</span>
                </p>
            })}
            <Tags index lang/>
            {(!doc.quality_notes.is_empty()).then(|| view! {
                <p class="quality" data-testid="quality-note">
                    <span aria-hidden="true">"⚠ "</span>
                    {tr(lang, "来源文本有缺陷，已自动修复，请核对原文：", "The source text is damaged and was repaired; check the original: ")}
                    {doc.quality_notes.iter().map(|n| n.describe(lang)).collect::<Vec<_>>().join(" ")}
                </p>
            })}
            <Actions index lang/>
        </article>
    }
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

/// Domain and tool tags; the reason shows on hover and on keyboard focus.
#[component]
fn Tags(index: usize, lang: Lang) -> impl IntoView {
    let ctx = use_ctx();
    let p = ctx.corpus.provision(index);
    let first_reason = move |code: &str| p.sentences.iter().flat_map(|s| s.reasons.iter()).find(|r| r.code == code);
    let domains = ctx.corpus.provision_domains(index).iter().map(|c| (c, "tag domain", i18n::domain(lang, c)));
    let tools = ctx.corpus.provision_tools(index).iter().map(|c| (c, "tag tool", i18n::tool(lang, c)));
    view! {
        <ul class="tags" aria-label=tr(lang, "标签", "Tags")>
            {domains.chain(tools).map(|(code, class, label)| {
                let why = first_reason(code).map(|r| reason_text(lang, r)).unwrap_or_default();
                view! { <li><span class=class tabindex="0" data-code=code.clone() data-reason=why.clone() title=why>{label}</span></li> }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Actions(index: usize, lang: Lang) -> impl IntoView {
    let ctx = use_ctx();
    let p = ctx.corpus.provision(index);
    let doc = ctx.document(&p.doc).expect("every provision has its document");
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
        flash("link", browser::copy(&browser::absolute_url(&query, Some(&p.id)), tr(lang, "复制链接：", "Copy the link:")));
    };
    let copy_citation = move |_| {
        let text = citation(doc, p, &i18n::province(lang, &p.province), lang);
        flash("citation", browser::copy(&text, tr(lang, "复制引用：", "Copy the citation:")));
    };
    view! {
        <div class="actions">
            <button class="action" data-testid="copy-link" on:click=copy_link>
                {move || if copied.get() == Some("link") { tr(lang, "已复制链接", "Link copied") } else { tr(lang, "复制链接", "Copy link") }}
            </button>
            <button class="action" data-testid="copy-citation" on:click=copy_citation>
                {move || if copied.get() == Some("citation") { tr(lang, "已复制引用", "Citation copied") } else { tr(lang, "复制引用", "Copy citation") }}
            </button>
        </div>
    }
}
