//! The documents view: the list of documents with their metadata, and the reader of
//! one document (`doc=`): table of contents, every provision with an anchor, search
//! terms marked, quality notes first.

use crate::components::marked::marked;
use crate::i18n::{self, tx};
use crate::state::use_ctx;
use hts_runtime::model::Document;
use hts_runtime::url::State;
use leptos::prelude::*;

#[component]
pub fn DocumentsView() -> impl IntoView {
    let ctx = use_ctx();
    move || match ctx.doc.get() {
        Some(id) => view! { <Reader id/> }.into_any(),
        None => view! { <DocumentList/> }.into_any(),
    }
}

#[component]
fn DocumentList() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class="documents">
            <h2>{tx("文件列表", "Documents")}</h2>
            <ul class="doc-list">
                {ctx.corpus.bundle.documents.iter().map(|d| view! { <li><DocumentCard doc=d/></li> }).collect_view()}
            </ul>
        </section>
    }
}

fn metadata_rows(doc: &'static Document) -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let lang = ctx.lang.get();
        let row = |zh: &'static str, en: &'static str, value: String, field: &'static str| {
            let unknown = value == i18n::tr(lang, "未知", "unknown");
            view! { <dt>{i18n::tr(lang, zh, en)}</dt><dd class:unknown=unknown data-field=field>{value}</dd> }
        };
        view! {
            <dl class="meta">
                {row("省份", "Province", i18n::province(lang, &doc.province), "province")}
                {row("发文机关", "Issuer", i18n::or_unknown(lang, &doc.issuer), "issuer")}
                {row("成文日期", "Date", i18n::or_unknown(lang, &doc.date), "date")}
                {row("文号", "Document number", i18n::or_unknown(lang, &doc.doc_number), "doc_number")}
                {row("发布日期", "Published", i18n::or_unknown(lang, &doc.publication_date), "publication_date")}
                {row("来源文件", "Source file", doc.source_file.clone(), "source_file")}
                {row("条文数", "Provisions", doc.stats.provisions.to_string(), "provisions")}
            </dl>
        }
    }
}

fn quality_notes(doc: &'static Document) -> impl IntoView {
    let ctx = use_ctx();
    (!doc.quality_notes.is_empty()).then(|| {
        view! {
            <div class="quality" data-testid="doc-quality-notes" role="note">
                <strong>{tx("来源文本质量说明", "About the source text")}</strong>
                <ul>{move || doc.quality_notes.iter().map(|n| view! { <li>{n.describe(ctx.lang.get())}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

#[component]
fn DocumentCard(doc: &'static Document) -> impl IntoView {
    let ctx = use_ctx();
    let href = move || ctx.state.with(|s| ctx.href(&State { doc: Some(doc.id.clone()), ..s.clone() }));
    let open = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        ctx.update(|s| s.doc = Some(doc.id.clone()));
    };
    view! {
        <article class="doc-card" data-testid="document" data-id=doc.id.clone()>
            <h3><a href=href on:click=open data-testid=format!("open-{}", doc.id)>{move || i18n::document_title(ctx.lang.get(), doc)}</a></h3>
            {metadata_rows(doc)}
            {doc.notes.clone().map(|n| view! { <p class="doc-notes" data-testid="doc-notes">{n}</p> })}
            {quality_notes(doc)}
        </article>
    }
}

#[component]
fn Reader(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let Some(doc) = ctx.document(&id) else {
        return view! { <DocumentList/> }.into_any();
    };
    let provisions: Vec<usize> = (0..ctx.corpus.bundle.provisions.len()).filter(|&i| ctx.corpus.provision(i).doc == doc.id).collect();
    let back = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        ctx.update(|s| s.doc = None);
    };
    let back_href = move || ctx.state.with(|s| ctx.href(&State { doc: None, ..s.clone() }));
    let toc = doc
        .outline
        .iter()
        .map(|h| {
            let target = h.id.clone();
            let go = move |ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                crate::browser::scroll_to(&target);
            };
            view! { <li class=format!("toc-{}", h.level)><a href=format!("#{}", h.id) on:click=go>{h.text.clone()}</a></li> }
        })
        .collect_view();
    let total = provisions.len();
    let mut body = Vec::new();
    for (k, &i) in provisions.iter().enumerate() {
        for h in doc.outline.iter().filter(|h| h.first_provision == k) {
            body.push(heading(h).into_any());
        }
        body.push(view! { <ReaderProvision index=i/> }.into_any());
    }
    for h in doc.outline.iter().filter(|h| h.first_provision >= total) {
        body.push(heading(h).into_any());
    }
    view! {
        <section class="reader" data-testid="reader" data-doc=doc.id.clone()>
            <a class="back" href=back_href on:click=back>{tx("← 返回文件列表", "← All documents")}</a>
            <h2 lang="zh-CN">{move || i18n::document_title(ctx.lang.get(), doc)}</h2>
            {quality_notes(doc)}
            {metadata_rows(doc)}
            <nav class="toc" aria-label=tx("目录", "Contents")>
                <h3>{tx("目录", "Contents")}</h3>
                <ol>{toc}</ol>
            </nav>
            <div class="document-text" lang="zh-CN">
                {doc.addressee.clone().map(|a| view! { <p class="addressee">{a}</p> })}
                {body}
                {doc.signature.clone().map(|s| view! { <p class="signature">{s}</p> })}
                {doc.date.clone().map(|d| view! { <p class="signature">{d}</p> })}
            </div>
        </section>
    }
    .into_any()
}

fn heading(h: &hts_runtime::model::Heading) -> impl IntoView {
    let text = h.text.clone();
    match h.level {
        1 => view! { <h3 id=h.id.clone() class="doc-h">{text}</h3> }.into_any(),
        2 => view! { <h4 id=h.id.clone() class="doc-h">{text}</h4> }.into_any(),
        _ => view! { <h5 id=h.id.clone() class="doc-h">{text}</h5> }.into_any(),
    }
}

#[component]
fn ReaderProvision(index: usize) -> impl IntoView {
    let ctx = use_ctx();
    let p = ctx.corpus.provision(index);
    let id = p.id.clone();
    let highlighted = {
        let id = id.clone();
        move || ctx.highlight.with(|h| h.as_deref() == Some(id.as_str()))
    };
    let text = move || ctx.query.with(|q| marked(&p.text, &q.highlights(&p.text)));
    view! {
        <p class="reader-provision" id=id.clone() data-testid="reader-provision" data-id=id class:highlighted=highlighted>
            {text}
            {p.responsibility.clone().filter(|r| *r != p.text).map(|r| view! { <span class="responsibility">{r}</span> })}
        </p>
    }
}
