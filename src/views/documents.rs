//! The documents view: the list of documents with their metadata, and the reader of
//! one document (`doc=`): table of contents, every provision with an anchor, search
//! terms marked, quality notes first.

use crate::components::english::{self, NOT_TRANSLATED};
use crate::components::marked::marked;
use crate::i18n::{self, tx};
use crate::state::use_ctx;
use hts_runtime::model::{CodedBy, Document};
use hts_runtime::translation::Translation;
use hts_runtime::url::{Lang, State};
use leptos::prelude::*;

#[component]
pub fn DocumentsView() -> impl IntoView {
    let ctx = use_ctx();
    // The reader is rebuilt when the English edition arrives (it renders it statically).
    move || match ctx.doc.get() {
        Some(id) => view! { <Reader id en=ctx.english()/> }.into_any(),
        None => view! { <DocumentList/> }.into_any(),
    }
}

/// The documents with a provision matching the filters (all of them without filters),
/// each with how many of its provisions match.
#[component]
fn DocumentList() -> impl IntoView {
    let ctx = use_ctx();
    let matching = Memo::new(move |_| {
        let mut per_doc: Vec<(usize, usize)> = Vec::new();
        ctx.results.with(|r| {
            for (d, doc) in ctx.corpus.bundle.documents.iter().enumerate() {
                let n = r.iter().filter(|&&i| ctx.corpus.provision(i).doc == doc.id).count();
                if n > 0 {
                    per_doc.push((d, n));
                }
            }
        });
        per_doc
    });
    let summary = move || {
        let (docs, all) = (matching.with(Vec::len), ctx.corpus.bundle.documents.len());
        match ctx.lang.get() {
            Lang::Zh => format!("{all} 份文件中 {docs} 份有符合条件的条文"),
            Lang::En => format!("{docs} of {all} documents have matching provisions"),
        }
    };
    view! {
        <section class="documents">
            <h2>{tx("文件列表", "Documents")}</h2>
            <p class="hint" data-testid="document-summary">{summary}</p>
            <ul class="doc-list">
                // A handful of documents: redrawn whole, no keyed list to compile.
                {move || matching.get().into_iter().map(|(d, matches)| view! {
                    <li><DocumentCard doc=&ctx.corpus.bundle.documents[d] matches/></li>
                }).collect_view()}
            </ul>
            {move || matching.with(Vec::is_empty).then(|| view! { <crate::views::provisions::EmptyResults/> })}
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
                <dt>{i18n::tr(lang, "官方原文", "Official text")}</dt>
                {match &doc.source_url {
                    Some(url) => view! {
                        <dd data-field="source_url"><a href=url.clone() rel="noopener noreferrer" target="_blank" data-testid="source-url">{url.clone()}</a></dd>
                    }.into_any(),
                    None => view! {
                        <dd class="unknown" data-field="source_url">{i18n::tr(lang, "未知（目录未载链接）", "unknown (no link in the catalog)")}</dd>
                    }.into_any(),
                }}
                {row("来源文件", "Source file", doc.source_file.clone(), "source_file")}
                {row("条文数", "Provisions", doc.stats.provisions.to_string(), "provisions")}
            </dl>
        }
    }
}

/// How much of a document's coding a reviewer decided: "121 of 121 sentences reviewed".
fn review_share(doc: &'static Document) -> impl IntoView {
    let ctx = use_ctx();
    let sentences = || ctx.corpus.bundle.provisions.iter().filter(|p| p.doc == doc.id).flat_map(|p| p.sentences.iter());
    let total = sentences().count();
    let reviewed = sentences().filter(|s| s.coded_by == CodedBy::Review).count();
    let all = total > 0 && reviewed == total;
    move || {
        let text = match ctx.lang.get() {
            Lang::Zh => format!("编码审核：{total} 句中 {reviewed} 句已人工审核{}", if all { "" } else { "，其余为关键词规则建议" }),
            Lang::En => {
                format!("Coding: {reviewed} of {total} sentences reviewed{}", if all { "" } else { "; the rest suggested by keyword rules (not reviewed)" })
            }
        };
        view! { <p class="review-share" class:partial=!all data-testid="review-share" data-reviewed=reviewed data-total=total>{text}</p> }
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
fn DocumentCard(doc: &'static Document, matches: usize) -> impl IntoView {
    let ctx = use_ctx();
    let href = move || ctx.state.with(|s| ctx.href(&State { doc: Some(doc.id.clone()), ..s.clone() }));
    let open = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        ctx.update(|s| s.doc = Some(doc.id.clone()));
    };
    view! {
        <article class="doc-card" data-testid="document" data-id=doc.id.clone() data-province=doc.province.clone() data-matches=matches>
            <h3><a href=href on:click=open data-testid=format!("open-{}", doc.id)>{move || i18n::document_title(ctx.lang.get(), doc)}</a></h3>
            <p class="doc-matches" data-testid="document-matches">{move || match ctx.lang.get() {
                Lang::Zh => format!("{matches} / {} 条条文符合当前筛选", doc.stats.provisions),
                Lang::En => format!("{matches} of {} provisions match the filters", doc.stats.provisions),
            }}</p>
            {metadata_rows(doc)}
            {review_share(doc)}
            {doc.notes.clone().map(|n| view! { <p class="doc-notes" data-testid="doc-notes">{n}</p> })}
            {quality_notes(doc)}
        </article>
    }
}

#[component]
fn Reader(id: String, en: Option<&'static Translation>) -> impl IntoView {
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
    // In English the texts are the translation, the Chinese beside them on wide screens
    // and one click away on narrow ones.
    let show_original = RwSignal::new(false);
    let toc = doc
        .outline
        .iter()
        .map(|h| {
            let target = h.id.clone();
            let go = move |ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                crate::browser::scroll_to(&target);
            };
            let (text, lang) = in_edition(en, &h.id, &h.text);
            view! { <li class=format!("toc-{}", h.level)><a href=format!("#{}", h.id) on:click=go lang=lang>{text}</a></li> }
        })
        .collect_view();
    let total = provisions.len();
    let mut body = Vec::new();
    for (k, &i) in provisions.iter().enumerate() {
        for h in doc.outline.iter().filter(|h| h.first_provision == k) {
            body.push(heading(h, en).into_any());
        }
        body.push(view! { <ReaderProvision index=i en/> }.into_any());
    }
    for h in doc.outline.iter().filter(|h| h.first_provision >= total) {
        body.push(heading(h, en).into_any());
    }
    let metadata_text = move |key: &str, zh: Option<String>, class: &'static str| {
        zh.map(|zh| {
            let key = format!("{}:{key}", doc.id);
            bilingual(en, &key, &zh, class, None)
        })
    };
    let addressee = metadata_text("addressee", doc.addressee.clone(), "addressee");
    let signature = metadata_text("signature", doc.signature.clone(), "signature");
    let title = move || english::document_title(ctx.lang.get(), doc, en);
    let title_lang = move || if en.is_some() || (ctx.lang.get() == Lang::En && doc.title.is_none()) { "en" } else { "zh-CN" };
    let original_title = en.and(doc.title.clone()).map(|t| view! { <p class="original-title" lang="zh-CN">{t}</p> });
    let toggle = {
        en.is_some().then(|| {
            view! {
                <button class="action original-toggle" data-testid="show-original" aria-pressed=move || show_original.get().to_string()
                    on:click=move |_| show_original.update(|s| *s = !*s)>
                    {move || if show_original.get() { "Hide the Chinese original" } else { "Show the Chinese original" }}
                </button>
            }
        })
    };
    view! {
        <section class="reader" data-testid="reader" data-doc=doc.id.clone()
            class:bilingual=en.is_some() class:show-original=show_original>
            <a class="back" href=back_href on:click=back>{tx("← 返回文件列表", "← All documents")}</a>
            <h2 lang=title_lang>{title}</h2>
            {original_title}
            {quality_notes(doc)}
            {metadata_rows(doc)}
            {review_share(doc)}
            <button class="action" data-testid="copy-bibtex" on:click=move |_| {
                let lang = ctx.lang.get_untracked();
                let link = crate::browser::absolute_url(&ctx.href(&State { doc: Some(doc.id.clone()), view: hts_runtime::url::View::Documents, ..State::default() }), None);
                crate::browser::copy(&hts_runtime::export::bibtex(doc, lang, &link), i18n::tr(lang, "复制 BibTeX：", "Copy the BibTeX entry:"));
            }>{tx("复制 BibTeX", "Copy BibTeX")}</button>
            <nav class="toc" aria-label=tx("目录", "Contents")>
                <h3>{tx("目录", "Contents")}</h3>
                <ol>{toc}</ol>
            </nav>
            {toggle}
            <div class="document-text">
                {addressee}
                {body}
                {signature}
                {doc.date.clone().map(|d| view! { <p class="signature">{d}</p> })}
            </div>
        </section>
    }
    .into_any()
}

/// A text in the edition of the moment: the English (with its language) when there is
/// one, else the Chinese (said so when English was asked for).
fn in_edition(en: Option<&'static Translation>, id: &str, zh: &str) -> (String, &'static str) {
    match en.map(|t| t.get(id)) {
        None => (zh.to_string(), "zh-CN"),
        Some(Some(t)) => (t.to_string(), "en"),
        Some(None) => (format!("{zh}{NOT_TRANSLATED}"), "zh-CN"),
    }
}

/// One text of the reader (a heading, the addressee, the signature): the Chinese, and in
/// English the translation before it (the original beside it on wide screens, hidden on
/// narrow ones until asked for). One element type for every case keeps the download small.
fn bilingual(en: Option<&'static Translation>, id: &str, zh: &str, class: &'static str, level: Option<u8>) -> impl IntoView {
    let english = en.map(|_| {
        let (text, lang) = in_edition(en, id, zh);
        view! { <span class="en" lang=lang>{text}</span> }
    });
    let class = if en.is_some() { format!("{class} pair") } else { class.to_string() };
    view! {
        <div class=class role=level.map(|_| "heading")>
            {english}<span class="zh" lang="zh-CN">{zh.to_string()}</span>
        </div>
    }
    .attr("aria-level", level.map(|l| l.to_string()))
}

fn heading(h: &'static hts_runtime::model::Heading, en: Option<&'static Translation>) -> impl IntoView {
    // The anchor sits on a wrapper, so it stays on one element whatever the edition.
    view! {
        <div id=h.id.clone() class="doc-h-anchor" data-testid="reader-heading">
            {bilingual(en, &h.id, &h.text, "doc-h", Some((h.level + 2).min(5)))}
        </div>
    }
}

#[component]
fn ReaderProvision(index: usize, en: Option<&'static Translation>) -> impl IntoView {
    let ctx = use_ctx();
    let p = ctx.corpus.provision(index);
    let id = p.id.clone();
    let highlighted = {
        let id = id.clone();
        move || ctx.highlight.with(|h| h.as_deref() == Some(id.as_str()))
    };
    let responsibility = p.responsibility.clone().filter(|r| *r != p.text);
    let chinese = {
        let responsibility = responsibility.clone();
        move || {
            view! {
                {ctx.query.with(|q| marked(&p.text, &q.highlights(&p.text)))}
                {responsibility.clone().map(|r| view! { <span class="responsibility">{r}</span> })}
            }
        }
    };
    // In English: the sentences' translations (a sentence without one in Chinese, said
    // so), the responsibility clause as written; a provision that is only a clause has no
    // sentence, and shows it.
    let english = en.map(|t| {
        let sentences = move || {
            ctx.query.with(|q| {
                p.sentences
                    .iter()
                    .map(|s| {
                        let (text, lang, missing) = match t.get(&s.id) {
                            Some(e) => (e, None, None),
                            None => (s.text.as_str(), Some("zh-CN"), Some(NOT_TRANSLATED)),
                        };
                        view! { <span lang=lang>{marked(text, &q.highlights(text))}{missing}" "</span> }
                    })
                    .collect_view()
            })
        };
        let clause = if p.sentences.is_empty() { Some(p.text.clone()) } else { responsibility.clone() };
        view! {
            <p class="en" lang="en" data-testid="translated">
                {sentences}
                {clause.map(|r| view! { <span class="responsibility" lang="zh-CN">{r}</span> })}
            </p>
        }
    });
    view! {
        <div class="reader-provision" class:pair=en.is_some() id=id.clone() data-testid="reader-provision" data-id=id
            class:highlighted=highlighted>
            {english}
            <p class="zh" lang="zh-CN">{chinese}</p>
        </div>
    }
}
