//! One provision: where it comes from, its text with the filtered sentences emphasised
//! and the search terms marked, its tags with their reasons, and the share actions.

use crate::app::tx;
use crate::app::{use_ctx, Ctx};
use crate::browser;
use crate::components::marked::marked;
use crate::i18n;
use hts_core::export::citation;
use hts_core::model::TagReason;
use hts_core::url::{Lang, State, View};
use leptos::prelude::*;

#[component]
pub fn ProvisionCard(index: usize) -> impl IntoView {
    let ctx = use_ctx();
    let p = ctx.corpus.provision(index);
    let doc = ctx.corpus.bundle.documents.iter().find(|d| d.id == p.doc).expect("every provision has its document");
    let id = p.id.clone();
    let highlighted = {
        let id = id.clone();
        move || ctx.highlight.with(|h| h.as_deref() == Some(id.as_str()))
    };
    let reader_href = {
        let id = id.clone();
        move || {
            let s = ctx.state.with(|s| State { view: View::Documents, doc: Some(p.doc.clone()), ..s.clone() });
            format!("{}#{}", ctx.href(&s), hts_core::url::percent_encode(&id))
        }
    };
    let emphasis = Memo::new(move |_| ctx.state.with(|s| ctx.corpus.emphasised_sentences(index, s)));
    let sentences = move || {
        let emphasis = emphasis.get();
        ctx.query.with(|q| {
            p.sentences
                .iter()
                .zip(emphasis)
                .map(|(s, emph)| {
                    let ranges = q.highlights(&s.text);
                    view! { <span class="sentence" class:dim=!emph>{marked(&s.text, &ranges)}</span> }
                })
                .collect_view()
        })
    };
    let path = move || {
        if p.path.is_empty() {
            ctx.t("序言", "Preamble").to_string()
        } else {
            p.path.join(" › ")
        }
    };
    view! {
        <article class="provision" data-testid="provision" data-id=id.clone() data-province=p.province.clone()
            id=id.clone() class:highlighted=highlighted>
            <header class="provision-head">
                <span class=format!("badge province-{}", p.province)>{move || i18n::province(ctx.lang.get(), &p.province)}</span>
                <a class="doc-link" href=reader_href title=tx("在原文中查看", "Read in the document")>
                    {move || i18n::document_title(ctx.lang.get(), doc)}
                </a>
                <span class="path">{path}</span>
            </header>
            <p class="text" lang="zh-CN">{sentences}</p>
            {(!p.departments.is_empty()).then(|| view! {
                <p class="departments" data-testid="departments">
                    <span class="label">{tx("责任单位：", "Responsible: ")}</span>
                    <span lang="zh-CN">{p.departments.join("、")}</span>
                </p>
            })}
            <Tags index/>
            {(!doc.quality_notes.is_empty()).then(|| view! {
                <p class="quality" data-testid="quality-note">
                    <span aria-hidden="true">"⚠ "</span>
                    {tx("来源文本有缺陷，已自动修复，请核对原文：", "The source text is damaged and was repaired; check the original: ")}
                    {doc.quality_notes.iter().map(|n| note_in(ctx.lang.get_untracked(), n)).collect::<Vec<_>>().join(" ")}
                </p>
            })}
            <Actions index/>
        </article>
    }
}

/// Quality notes are stored as "中文 / English"; show the half for the language.
pub fn note_in(lang: Lang, note: &str) -> String {
    match note.split_once(" / ") {
        Some((zh, en)) => if lang == Lang::En { en.to_string() } else { zh.to_string() },
        None => note.to_string(),
    }
}

fn reason_text(ctx: &Ctx, r: &TagReason) -> String {
    let lang = ctx.lang.get();
    let kind = match r.kind.as_str() {
        "heading" => i18n::tr(lang, "所在标题：", "Under heading: "),
        "target" => i18n::tr(lang, "量化目标：", "Quantitative target: "),
        _ => i18n::tr(lang, "关键词：", "Keyword: "),
    };
    format!("{kind}{}", r.matched)
}

#[component]
fn Tags(index: usize) -> impl IntoView {
    let ctx = use_ctx();
    let p = ctx.corpus.provision(index);
    let first_reason = move |code: &str| p.sentences.iter().flat_map(|s| s.reasons.iter()).find(|r| r.code == code).cloned();
    let domains = ctx.corpus.provision_domains(index).to_vec();
    let tools = ctx.corpus.provision_tools(index).to_vec();
    view! {
        <ul class="tags" aria-label=tx("标签", "Tags")>
            {domains.into_iter().map(|code| {
                let reason = first_reason(&code);
                let label = { let code = code.clone(); move || i18n::domain(ctx.lang.get(), &code) };
                let why = move || reason.as_ref().map(|r| reason_text(&ctx, r)).unwrap_or_default();
                view! { <li><span class="tag domain" tabindex="0" data-code=code.clone() data-reason=why.clone() title=why>{label}</span></li> }
            }).collect_view()}
            {tools.into_iter().map(|code| {
                let reason = first_reason(&code);
                let label = { let code = code.clone(); move || i18n::tool(ctx.lang.get(), &code) };
                let why = move || reason.as_ref().map(|r| reason_text(&ctx, r)).unwrap_or_default();
                view! { <li><span class="tag tool" tabindex="0" data-code=code.clone() data-reason=why.clone() title=why>{label}</span></li> }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Actions(index: usize) -> impl IntoView {
    let ctx = use_ctx();
    let p = ctx.corpus.provision(index);
    let doc = ctx.corpus.bundle.documents.iter().find(|d| d.id == p.doc).expect("document");
    let copied = RwSignal::new(None::<&'static str>);
    let flash = move |what: &'static str| {
        copied.set(Some(what));
        gloo::timers::callback::Timeout::new(2000, move || copied.set(None)).forget();
    };
    let copy_link = move |_| {
        let query = ctx.state.with(|s| hts_core::url::encode(s));
        browser::copy(&browser::absolute_url(&query, Some(&p.id)));
        flash("link");
    };
    let copy_citation = move |_| {
        let lang = ctx.lang.get_untracked();
        browser::copy(&citation(doc, p, &i18n::province(lang, &p.province), lang));
        flash("citation");
    };
    view! {
        <div class="actions">
            <button class="action" data-testid="copy-link" on:click=copy_link>
                {move || if copied.get() == Some("link") { ctx.t("已复制链接", "Link copied") } else { ctx.t("复制链接", "Copy link") }}
            </button>
            <button class="action" data-testid="copy-citation" on:click=copy_citation>
                {move || if copied.get() == Some("citation") { ctx.t("已复制引用", "Citation copied") } else { ctx.t("复制引用", "Copy citation") }}
            </button>
        </div>
    }
}
