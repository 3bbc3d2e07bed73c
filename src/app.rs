//! The root: one source of truth (the URL [`State`]), the corpus, and the memos every
//! view derives from them.

use crate::browser::{self, History};
use crate::components::{chips::ActiveFilters, facets::{Facets, SearchBox}, header::Header, notice::Notice};
use crate::i18n::{self, tr};
use crate::views::{compare::CompareView, documents::DocumentsView, provisions::ProvisionsView, targets::TargetsView};
use hts_runtime::search::{Corpus, Counts, Query};
use hts_runtime::url::{self, Ignored, Lang, State, View};
use leptos::prelude::*;
use std::sync::OnceLock;

/// The corpus compiled by `build.rs`, parsed once.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        Corpus::from_json(include_str!(concat!(env!("OUT_DIR"), "/policies.json"))).expect("the bundle written by build.rs parses")
    })
}

/// Everything a component needs, shared by context. `Copy`: signals and a static.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub corpus: &'static Corpus,
    pub state: RwSignal<State>,
    /// Parts of the URL that were ignored, shown in the notice.
    pub ignored: RwSignal<Vec<Ignored>>,
    /// The provision or heading named by the fragment, highlighted.
    pub highlight: RwSignal<Option<String>>,
    pub query: Memo<Query>,
    pub results: Memo<Vec<usize>>,
    pub counts: Memo<Counts>,
    pub lang: Memo<Lang>,
    /// A typed change waits to be written to the URL.
    pub url_write_pending: RwSignal<bool>,
    /// False from a change of state until the frame after it: lists render their first
    /// screen at once and the rest of the page a frame later, so no frame is long.
    pub settled: RwSignal<bool>,
}

impl Ctx {
    /// Applies a new state and writes it to the URL (dropping the fragment). A replace
    /// (typing) is written after the results are on screen, once for a burst of
    /// keystrokes: the history API can take milliseconds, and a keystroke has one frame.
    pub fn navigate(&self, next: State, mode: History) {
        self.highlight.set(None);
        self.unsettle();
        match mode {
            History::Push => {
                browser::write_url(&url::encode(&next), None, mode);
                self.state.set(next);
            }
            History::Replace => {
                self.state.set(next);
                self.schedule_url_write();
            }
        }
    }

    fn schedule_url_write(&self) {
        if self.url_write_pending.get_untracked() {
            return;
        }
        self.url_write_pending.set(true);
        let ctx = *self;
        gloo::timers::callback::Timeout::new(0, move || {
            ctx.url_write_pending.set(false);
            browser::write_url(&ctx.state.with_untracked(url::encode), None, History::Replace);
        })
        .forget();
    }

    /// Marks the page as changing; it settles after the next frame is painted.
    pub fn unsettle(&self) {
        if !self.settled.get_untracked() {
            return;
        }
        self.settled.set(false);
        let settled = self.settled;
        request_animation_frame(move || {
            gloo::timers::callback::Timeout::new(0, move || settled.set(true)).forget();
        });
    }

    /// Opens a state at an anchor (`#provision-id`), as a deliberate action.
    pub fn navigate_to_anchor(&self, next: State, anchor: &str) {
        self.unsettle();
        browser::write_url(&url::encode(&next), Some(anchor), History::Push);
        self.state.set(next);
        self.highlight.set(Some(anchor.to_string()));
    }

    /// Changes the state with `f`, as a deliberate action.
    pub fn update(&self, f: impl FnOnce(&mut State)) {
        let mut next = self.state.get_untracked();
        f(&mut next);
        self.navigate(next, History::Push);
    }

    /// The shareable query string of a state.
    pub fn href(&self, state: &State) -> String {
        let q = url::encode(state);
        if q.is_empty() {
            "?".to_string()
        } else {
            q
        }
    }

    pub fn t(&self, zh: &'static str, en: &'static str) -> &'static str {
        tr(self.lang.get(), zh, en)
    }
}

/// A reactive UI string in the current language. Every call site shares this one closure
/// type, which keeps the wasm small (each distinct closure is compiled separately).
pub fn tx(zh: &'static str, en: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_ctx().lang;
    move || tr(lang.get(), zh, en)
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

fn doc_ids(corpus: &Corpus) -> Vec<&str> {
    corpus.bundle.documents.iter().map(|d| d.id.as_str()).collect()
}

fn read_location(corpus: &Corpus) -> url::Decoded {
    url::decode(&browser::search(), &doc_ids(corpus))
}

#[component]
pub fn App() -> impl IntoView {
    let corpus = corpus();
    let decoded = read_location(corpus);
    let state = RwSignal::new(decoded.state);
    let ignored = RwSignal::new(decoded.ignored);
    let highlight = RwSignal::new(browser::hash());
    let query = Memo::new(move |_| state.with(|s| Query::parse(&s.q)));
    let results = Memo::new(move |_| state.with(|s| corpus.search(s)));
    let counts = Memo::new(move |_| state.with(|s| corpus.counts(s)));
    let lang = Memo::new(move |_| state.with(|s| s.lang));
    let ctx = Ctx { corpus, state, ignored, highlight, query, results, counts, lang, url_write_pending: RwSignal::new(false), settled: RwSignal::new(true) };
    provide_context(ctx);

    // Back and Forward: the URL is the truth.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let decoded = read_location(corpus);
        ctx.unsettle();
        ignored.set(decoded.ignored);
        highlight.set(browser::hash());
        state.set(decoded.state);
    });
    let _ = window_event_listener(leptos::ev::hashchange, move |_| highlight.set(browser::hash()));

    // The document language follows the interface language.
    Effect::new(move |_| {
        let code = if lang.get() == Lang::En { "en" } else { "zh-CN" };
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
        document().set_title(tr(lang.get(), "高技术服务业政策浏览器", "HTS Policy Explorer"));
    });

    // A fragment scrolls to its provision once it is rendered.
    Effect::new(move |_| {
        if let Some(id) = highlight.get() {
            state.track();
            request_animation_frame(move || {
                browser::scroll_to(&id);
            });
        }
    });

    // Marks for the benchmark: the first screen of results is on the page (layout
    // included) after the first render and after every change of state; then the page.
    Effect::new(move |_| {
        state.track();
        results.track();
        browser::settle_layout();
        browser::mark("hts:results-updated");
    });
    Effect::new(move |_| {
        if ctx.settled.get() {
            browser::settle_layout();
            browser::mark("hts:results-complete");
        }
    });

    // Phones start with the filters folded away, so results come first.
    let wide = window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(1280.0) >= 900.0;
    let active_filters = move || state.with(|s| s.provinces.len() + s.domains.len() + s.tools.len());

    let view = move || match state.with(|s| s.view) {
        View::Provisions => ProvisionsView().into_any(),
        View::Compare => CompareView().into_any(),
        View::Targets => TargetsView().into_any(),
        View::Documents => DocumentsView().into_any(),
    };

    view! {
        <a class="skip-link" href="#main">{tx("跳到内容", "Skip to content")}</a>
        <Header/>
        <div class="layout">
            <aside class="sidebar" aria-label=tx("检索与筛选", "Search and filters")>
                <SearchBox/>
                <details class="filters-panel" open=wide>
                    <summary data-testid="filters-toggle">
                        {tx("筛选条件", "Filters")}
                        {move || match active_filters() { 0 => String::new(), n => format!("（{n}）") }}
                    </summary>
                    <Facets/>
                </details>
            </aside>
            <main id="main" class="content" tabindex="-1">
                <Notice/>
                <ActiveFilters/>
                {view}
            </main>
        </div>
        <Footer/>
    }
}

/// Where the data comes from, named from the corpus itself, and the data set to download
/// (not from `offline.html`, which has no file beside it).
#[component]
fn Footer() -> impl IntoView {
    let ctx = use_ctx();
    let documents = ctx.corpus.bundle.documents.len();
    let sources = move || {
        let lang = ctx.lang.get();
        let names: Vec<String> = ctx.corpus.provinces().iter().map(|p| i18n::province(lang, p)).collect();
        match lang {
            Lang::Zh => format!("数据来源：{}的 {documents} 份加快发展高技术服务业实施意见（落实国办发〔2011〕58号）。标签由关键词规则生成，仅供检索参考；引用请以原文为准。", names.join("、")),
            Lang::En => format!("Sources: {documents} implementation opinions on accelerating the high-tech service industry, from {} (implementing State Council guidance 国办发〔2011〕58号). Tags come from keyword rules and guide retrieval; cite the original text.", names.join(", ")),
        }
    };
    let hosted = !browser::is_file();
    view! {
        <footer class="site-footer">
            <p>
                <span data-testid="sources">{sources}</span>
                {hosted.then(|| view! {
                    " "
                    <a href="data/policies.json" download="policies.json" data-testid="download-data">
                        {tx("下载数据集（JSON）", "Download the data set (JSON)")}
                    </a>
                })}
            </p>
        </footer>
    }
}
