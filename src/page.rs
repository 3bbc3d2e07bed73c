//! The page: the frame of [`hts_runtime::render::shell`], written when the language or the
//! view changes, and its hosts, each an element whose content a render effect sets from a
//! memo of markup ([`hts_runtime::render`]'s renderers). A keystroke rewrites the hosts
//! whose markup changed, nothing else.
//!
//! Why effects over host elements and not `view!`: the views were already markup from the
//! runtime (see its module comment), and what was left of Leptos views (the layout, eleven
//! hosts, the search box) compiled into 31 kB of tachys code and ~60 kB of per-closure
//! render code for the app crate (`scripts/bench`'s breakdown, before this change). Leptos
//! still runs the state: signals, memos, render effects and the window's event listeners.

use crate::browser;
use crate::lazy;
use crate::state::Ctx;
use hts_runtime::labels::{count_provisions, tr};
use hts_runtime::render::notes::{self, Edition};
use hts_runtime::render::shell::{self, Host};
use hts_runtime::render::{self, compare, controls, escape, reader, targets, Page};
use hts_runtime::search::{Facet, Query};
use hts_runtime::url::{Lang, View};
use leptos::prelude::*;

/// Results are rendered a page at a time, so a keystroke costs the same at 5 documents
/// and at 500; of a page, the first screen comes at once and the rest a frame later.
pub const PAGE: usize = 50;
/// The cards of the first frame (`hts_compiler::prerender` renders as many): a 1920×1080
/// screen shows five, a 1280×800 one three, a phone one or two.
const FIRST_SCREEN: usize = 6;

impl Ctx {
    /// Calls `f` with what the renderers read, now (tracked: a caller in a reactive
    /// context re-runs when any of it changes).
    pub fn with_page(&self, f: &dyn Fn(&Page) -> String) -> String {
        let base = browser::absolute_url("", None);
        let en = self.english();
        self.state.with(|state| {
            // Parsed for each render: microseconds, and one memo type less in the wasm.
            let query = &Query::parse(&state.q);
            self.highlight.with(|highlight| f(&Page { corpus: self.corpus, state, query, en, base: &base, highlight: highlight.as_deref(), prerender: false }))
        })
    }
}

/// Writes the page into `app` and keeps it in step with the state.
pub fn mount(ctx: Ctx, app: web_sys::Element) {
    // Bumped each time the frame is written: every host writes its markup again.
    let frame = RwSignal::new(0usize);
    let mut shown_view = None;
    let mut effects = vec![RenderEffect::new(move |_| {
        let (_lang, view) = (ctx.lang.get(), ctx.view.get());
        // A view opened afresh starts from its first page, its default sort, no original.
        if shown_view != Some(view) {
            shown_view = Some(view);
            ctx.shown.set(PAGE);
            ctx.sort.set(Default::default());
            ctx.show_original.set(None);
        }
        let open = filters_open(&app);
        browser::replace_content(&app, &untrack(|| ctx.with_page(&|page| shell::layout(page, open))));
        frame.update(|n| *n = n.wrapping_add(1));
    })];
    for (host, markup) in hosts(ctx) {
        effects.push(RenderEffect::new(move |_| {
            frame.track();
            if host.view().is_some_and(|v| v != ctx.view.get()) {
                return;
            }
            markup.with(|html| browser::set_html(host.id(), html));
        }));
    }
    effects.push(list_host(ctx, frame));
    effects.push(search_box_value(ctx, frame));
    effects.extend(page_effects(ctx));
    // The page lives as long as the tab.
    std::mem::forget(effects);
}

/// On the first render, phones start with the filters folded away (results first); after
/// that, the panel stays as the reader left it.
fn filters_open(app: &web_sys::Element) -> bool {
    match app.query_selector("details.filters-panel").ok().flatten() {
        Some(panel) => panel.has_attribute("open"),
        // A media query, not `innerWidth`: that forces a layout of the page just replaced
        // (6 ms of a first visit's start here).
        None => browser::media_matches("(min-width: 900px)"),
    }
}

/// The box shows the query of the state (Back, a link) unless it already does: typing is
/// never interrupted.
fn search_box_value(ctx: Ctx, frame: RwSignal<usize>) -> RenderEffect<()> {
    RenderEffect::new(move |_| {
        frame.track();
        ctx.filters.with(|s| browser::set_value("search-input", &s.q));
    })
}

/// The results list: written like any host, and again once settled (the rest of the page,
/// even when its markup is the same), then marked for the benchmark (the first screen is on
/// the page, layout included) and with whether the whole page of results is rendered.
fn list_host(ctx: Ctx, frame: RwSignal<usize>) -> RenderEffect<()> {
    let markup = list(ctx);
    RenderEffect::new(move |_| {
        frame.track();
        if ctx.view.get() != View::Provisions {
            return;
        }
        let settled = ctx.settled.get();
        markup.with(|html| browser::set_html(Host::List.id(), html));
        list_written(ctx, settled);
    })
}

fn list_written(ctx: Ctx, settled: bool) {
    let complete = settled || ctx.results.with_untracked(Vec::len) <= FIRST_SCREEN;
    browser::set_attribute(Host::List.id(), "data-complete", if complete { "true" } else { "false" });
    browser::settle_layout();
    browser::mark("hts:results-updated");
    if settled {
        browser::mark("hts:results-complete");
    }
}

/// A memo of markup. Every one shares this instantiation of `Memo<String>` (each
/// distinct memo closure would compile its own copy of the memo's code).
fn markup(render: impl Fn() -> String + Send + Sync + 'static) -> Memo<String> {
    let render: Box<dyn Fn() -> String + Send + Sync> = Box::new(render);
    Memo::new(move |_| render())
}

/// Markup that follows the state once the page has settled: while a change is being
/// shown (the frame of a keystroke) it keeps its last markup, so that frame renders the
/// results only; the facets, tabs and toolbars follow a frame later, with the rest of
/// the list.
fn after_results(ctx: Ctx, render: impl Fn() -> String + Send + Sync + 'static) -> Memo<String> {
    let render: Box<dyn Fn() -> String + Send + Sync> = Box::new(render);
    Memo::new(move |prev: Option<&String>| match prev {
        Some(markup) if !ctx.settled.get() => markup.clone(),
        _ => render(),
    })
}

/// Every host and its markup. A memo is computed only while its host is on the page.
fn hosts(ctx: Ctx) -> Vec<(Host, Memo<String>)> {
    let hosted = !browser::is_file();
    vec![
        (Host::Header, after_results(ctx, move || ctx.with_page(&controls::header))),
        (Host::QueryNotes, markup(move || query_notes(ctx))),
        (
            Host::FilterCount,
            markup(move || match ctx.filters.with(|s| s.provinces.len() + s.domains.len() + s.tools.len()) {
                0 => String::new(),
                // Two arms, not `str::replace` on one template: that (with `&str` patterns in
                // two other places) brought a substring searcher and its slicing panics into
                // the main wasm, 6.4 kB gzip measured.
                n if ctx.lang.get() == Lang::En => format!(" ({n})"),
                n => format!("（{n}）"),
            }),
        ),
        (Host::Facets, after_results(ctx, move || facets(ctx))),
        (Host::Notice, markup(move || notice(ctx))),
        (Host::Chips, after_results(ctx, move || ctx.with_page(&controls::chips))),
        (Host::Edition, markup(move || notes::edition_note(ctx.lang.get(), ctx.view.get(), edition(ctx)))),
        (Host::Footer, after_results(ctx, move || ctx.with_page(&|page| controls::footer(page, hosted)))),
        (Host::Count, markup(move || escape(&count_provisions(ctx.lang.get(), ctx.results.with(Vec::len))))),
        (Host::Toolbar, after_results(ctx, move || toolbar(ctx))),
        (Host::Companions, markup(move || companions(ctx))),
        (Host::More, markup(move || more(ctx))),
        (Host::Matrices, markup(move || lazy::view(ctx, |v| v.matrices, true))),
        (Host::Side, markup(move || lazy::view(ctx, |v| v.side_by_side, false))),
        (Host::Targets, markup(move || lazy::view(ctx, |v| v.targets, true))),
        (Host::Documents, markup(move || lazy::view(ctx, |v| v.documents, true))),
    ]
}

/// The ignored parts of the link, then what it asks for that the corpus lacks.
fn notice(ctx: Ctx) -> String {
    let ignored = ctx.ignored.with(|ignored| notes::notice(ctx.lang.get(), ignored));
    let on_page = |id: &str| document().get_element_by_id(id).is_some();
    ignored + &ctx.with_page(&|page| notes::gaps(page, &on_page))
}

fn query_notes(ctx: Ctx) -> String {
    let lang = ctx.lang.get();
    let en = ctx.searched_edition();
    let q = ctx.filters.with(|s| Query::parse(&s.q));
    notes::query_notes(lang, &q, &ctx.corpus.unmapped_in(&q, en))
}

/// The facets with their live counts (under the other filters, in the edition searched).
fn facets(ctx: Ctx) -> String {
    let en = ctx.searched_edition();
    let counts = ctx.filters.with(|s| ctx.corpus.counts_in(s, en));
    ctx.with_page(&|page| controls::facets(page, &counts))
}

fn edition(ctx: Ctx) -> Edition {
    match (ctx.en_loaded.get(), ctx.en_failed.get()) {
        (true, _) => Edition::Loaded,
        (false, true) => Edition::Failed,
        (false, false) => Edition::Loading,
    }
}

fn toolbar(ctx: Ctx) -> String {
    let switch = match ctx.view.get() {
        View::Provisions => controls::Switch::Grouping,
        View::Compare => controls::Switch::Shares,
        View::Targets | View::Documents => return String::new(),
    };
    ctx.with_page(&|page| controls::toolbar(page, switch))
}

/// The general-measures offer, a hidden linked provision, or the empty state.
fn companions(ctx: Ctx) -> String {
    let en = ctx.searched_edition();
    let extra = ctx.filters.with(|s| ctx.corpus.general_also_in(s, en));
    ctx.results.with(|r| {
        ctx.with_page(&|page| {
            let mut html = controls::general_offer(page, extra) + &controls::hidden_link(page, r);
            if r.is_empty() {
                html += &controls::empty(page, en);
            }
            html
        })
    })
}

/// Where the linked provision (`#id`) is in the results: always rendered, however far
/// down it is.
fn linked(ctx: Ctx) -> Option<usize> {
    let target = ctx.highlight.with(|h| h.as_deref().and_then(|id| ctx.corpus.index_of(id)))?;
    ctx.results.with(|r| r.iter().position(|&i| i == target))
}

/// How many results the list shows when settled: the pages asked for, the linked one
/// included.
fn limit(ctx: Ctx) -> usize {
    ctx.shown.get().max(linked(ctx).map_or(0, |p| p + 1))
}

fn list(ctx: Ctx) -> Memo<String> {
    // A new search starts again from the first page (set only when more were shown).
    std::mem::forget(RenderEffect::new(move |_| {
        ctx.results.track();
        if ctx.shown.get_untracked() != PAGE {
            ctx.shown.set(PAGE);
        }
    }));
    markup(move || {
        let limit = limit(ctx);
        let rendered = if ctx.settled.get() { limit } else { limit.min(FIRST_SCREEN.max(linked(ctx).map_or(0, |p| p + 1))) };
        let rows = ctx.results.with(|r| render::rows(ctx.corpus, r, ctx.state.with(|s| s.group_by_province), rendered));
        ctx.with_page(&|page| render::results(page, &rows))
    })
}

fn more(ctx: Ctx) -> String {
    let remaining = ctx.results.with(Vec::len).saturating_sub(limit(ctx));
    notes::show_more(ctx.lang.get(), remaining.min(PAGE), remaining)
}

/// The renderers of the views loaded on first use ([`crate::lazy`]): only the split
/// function that returns them names them, so their code goes into its module.
pub fn lazy_views() -> lazy::Views {
    lazy::Views { matrices, side_by_side, targets: targets_table, documents }
}

/// The compare matrices (recomputed with the markup: each memo type costs the download
/// more than a recount costs the shares toggle).
fn matrices(ctx: Ctx) -> String {
    let en = ctx.searched_edition();
    let (d, t) = ctx.filters.with(|s| (ctx.corpus.matrix_in(s, Facet::Domain, en), ctx.corpus.matrix_in(s, Facet::Tool, en)));
    ctx.with_page(&|page| compare::matrices(page, &d, &t))
}

fn side_by_side(ctx: Ctx) -> String {
    ctx.results.with(|r| ctx.with_page(&|page| compare::side_by_side(page, r)))
}

/// The targets of the matching provisions, in the chosen order.
fn targets_table(ctx: Ctx) -> String {
    let sort = ctx.sort.get();
    let rows = ctx.results.with(|r| targets::rows(ctx.corpus, r, sort));
    ctx.with_page(&|page| targets::view(page, &rows, sort))
}

/// The open document's reader, or the documents with a provision matching the filters
/// (all of them without filters), each with how many of its provisions match, and the
/// empty state when none does.
fn documents(ctx: Ctx) -> String {
    match ctx.doc().and_then(|id| ctx.document(&id)) {
        Some(doc) => {
            let original = ctx.show_original.with_untracked(|d| d.as_deref() == Some(doc.id.as_str()));
            ctx.with_page(&|page| reader::reader(page, doc, original))
        }
        None => {
            // A document opened again starts without the original.
            ctx.show_original.set(None);
            let matching = ctx.results.with(|r| reader::matching(ctx.corpus, r));
            let en = ctx.searched_edition();
            let empty = ctx.results.with(Vec::is_empty);
            ctx.with_page(&|page| {
                let html = reader::documents(page, &matching);
                if empty {
                    html + &controls::empty(page, en)
                } else {
                    html
                }
            })
        }
    }
}

/// What follows the state outside the page's body: the document's language and title,
/// loading the English edition, and scrolling to a fragment.
fn page_effects(ctx: Ctx) -> [RenderEffect<()>; 2] {
    let title = RenderEffect::new(move |_| {
        let lang = ctx.lang.get();
        let code = if lang == Lang::En { "en" } else { "zh-CN" };
        if let Some(root) = document().document_element() {
            browser::write_attribute(&root, "lang", code);
        }
        // The title names the view (and the document being read), then the site.
        let site = tr(lang, "高技术服务业政策浏览器", "HTS Policy Explorer");
        let view = match ctx.view.get() {
            View::Provisions => tr(lang, "条文检索", "Provisions"),
            View::Compare => tr(lang, "省际对比", "Compare provinces"),
            View::Targets => tr(lang, "量化目标", "Quantitative targets"),
            View::Documents => tr(lang, "文件列表", "Documents"),
        };
        let doc = ctx.doc().and_then(|id| ctx.document(&id)).map(|d| hts_runtime::export::display_title_in(d, lang, ctx.english()));
        let title = match doc {
            Some(d) => format!("{d} · {site}"),
            None => format!("{view} · {site}"),
        };
        if document().title() != title {
            document().set_title(&title);
        }
        // The English edition is loaded when English is first chosen, never before.
        if lang == Lang::En {
            ctx.load_english();
        }
    });

    // A fragment scrolls to its provision once it is rendered.
    let scroll = RenderEffect::new(move |_| {
        if let Some(id) = ctx.highlight.get() {
            ctx.state.track();
            // The English arriving re-renders the texts, and a view loaded on first use
            // renders when its code arrives: keep the linked one in view.
            ctx.en_loaded.track();
            ctx.lazy_loaded.track();
            request_animation_frame(move || {
                browser::scroll_to(&id);
            });
        }
    });
    [title, scroll]
}
