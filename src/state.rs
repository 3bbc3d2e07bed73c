//! The app's state: one source of truth (the URL [`State`]), the corpus, and the memos
//! every view derives from them, passed to the page and the actions as [`Ctx`] (`Copy`).
//!
//! Each memo reads only what it needs: the results derive from [`Ctx::filters`] (the facets and the query) and [`Ctx::english_search`] (an
//! English page searches the translation too), so a change of view, document or grouping
//! never searches again, and a change of language only once the English is loaded.

use hts_runtime::render::targets::Sort;
use hts_runtime::search::Corpus;
use hts_runtime::translation::Translation;
use hts_runtime::url::{Decoded, Ignored, Lang, State, View};
use leptos::prelude::*;
use std::sync::OnceLock;

/// The corpus compiled by `build.rs`, parsed once.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        Corpus::from_packed(include_str!(concat!(env!("OUT_DIR"), "/policies.json")), include_bytes!(concat!(env!("OUT_DIR"), "/policies.texts")))
            .unwrap_or_else(|e| wasm_bindgen::throw_str(&e))
    })
}

/// The English edition, read once a visit and kept for good (see [`Ctx::load_english`]).
static EDITION: OnceLock<Translation> = OnceLock::new();

/// The English edition, once loaded (untracked: [`Ctx::en_loaded`] says when).
pub fn edition() -> Option<&'static Translation> {
    EDITION.get()
}

/// Everything the page and the actions need. `Copy`: signals and a static.
/// Changes of state go through the methods of [`crate::url_sync`] (`update`, `navigate`),
/// which keep the address bar in step.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub corpus: &'static Corpus,
    pub state: RwSignal<State>,
    /// Parts of the URL that were ignored, shown in the notice.
    pub ignored: RwSignal<Vec<Ignored>>,
    /// The provision or heading named by the fragment, highlighted.
    pub highlight: RwSignal<Option<String>>,
    /// The part of the state that decides the results ([`State::filters`]).
    pub filters: Memo<State>,
    pub results: Memo<Vec<usize>>,
    /// Searches run over the English edition too: the page is in English and has it.
    pub english_search: Memo<bool>,
    pub lang: Memo<Lang>,
    pub view: Memo<View>,
    /// A typed change waits to be written to the URL.
    pub url_write_pending: RwSignal<bool>,
    /// The search being typed has its history entry: the burst's first write pushed one,
    /// the rest replace it. False again after any other change of state.
    pub typed_entry: RwSignal<bool>,
    /// False from a change of state until the frame after it: lists render their first
    /// screen at once and the rest of the page a frame later, so no frame is long.
    pub settled: RwSignal<bool>,
    /// The English edition is loaded (see [`Ctx::load_english`]): [`edition`] has it.
    pub en_loaded: RwSignal<bool>,
    /// The English edition could not be loaded: the page stays Chinese and says so.
    pub en_failed: RwSignal<bool>,
    /// What the views keep while they are shown (reset when one is opened), here so
    /// that the one click handler of `crate::actions` can change it: how many results
    /// the list shows (a page more at each "show more"), the document whose reader shows
    /// the Chinese original on narrow screens, and the targets table's sort.
    pub shown: RwSignal<usize>,
    pub show_original: RwSignal<Option<String>>,
    pub sort: RwSignal<Sort>,
    en_requested: RwSignal<bool>,
    /// The views' module ([`crate::lazy`]): loaded, or failed to load.
    pub lazy_loaded: RwSignal<bool>,
    pub lazy_failed: RwSignal<bool>,
}

impl Ctx {
    /// The state and its memos, from a decoded URL and its fragment.
    pub fn new(corpus: &'static Corpus, decoded: Decoded, highlight: Option<String>) -> Ctx {
        let state = RwSignal::new(decoded.state);
        let filters = Memo::new(move |_| state.with(State::filters));
        let lang = Memo::new(move |_| state.with(|s| s.lang));
        let en_loaded = RwSignal::new(false);
        let english_search = Memo::new(move |_| lang.get() == Lang::En && en_loaded.get());
        // The edition searched, read when `english_search` says so (tracked through it).
        let searched = move || if english_search.get() { edition() } else { None };
        Ctx {
            corpus,
            state,
            ignored: RwSignal::new(decoded.ignored),
            highlight: RwSignal::new(highlight),
            filters,
            results: Memo::new(move |_| {
                let en = searched();
                filters.with(|f| corpus.search_in(f, en))
            }),
            english_search,
            lang,
            view: Memo::new(move |_| state.with(|s| s.view)),
            url_write_pending: RwSignal::new(false),
            typed_entry: RwSignal::new(false),
            settled: RwSignal::new(true),
            en_loaded,
            en_failed: RwSignal::new(false),
            shown: RwSignal::new(0),
            show_original: RwSignal::new(None),
            sort: RwSignal::new(Sort::default()),
            en_requested: RwSignal::new(false),
            lazy_loaded: RwSignal::new(false),
            lazy_failed: RwSignal::new(false),
        }
    }

    /// Marks the page as changing; it settles after the next frame is painted.
    pub fn unsettle(&self) {
        if !self.settled.get_untracked() {
            return;
        }
        self.settled.set(false);
        let settled = self.settled;
        crate::browser::after_paint(move || settled.set(true));
    }

    /// Loads the English edition, once: from the page (`offline.html` inlines it) or
    /// from `data/policies.en.json` beside the page. Until it is there, pages show the
    /// Chinese with a note.
    pub fn load_english(&self) {
        if self.en_requested.get_untracked() {
            return;
        }
        self.en_requested.set(true);
        if let Some(text) = crate::browser::inline_text("hts-en") {
            self.set_english(&text);
            return;
        }
        let ctx = *self;
        leptos::task::spawn_local(async move {
            match crate::browser::fetch_text("./data/policies.en.json").await {
                Some(text) => ctx.set_english(&text),
                None => ctx.en_failed.set(true),
            }
        });
    }

    fn set_english(&self, text: &str) {
        match Translation::from_json(text) {
            // Kept in `EDITION` for good, so every view borrows it freely.
            Ok(t) => {
                let _ = EDITION.set(t);
                self.en_loaded.set(true);
            }
            Err(e) => {
                web_sys::console::warn_1(&e.into());
                self.en_failed.set(true);
            }
        }
    }

    /// The English of a text by id, when the reader chose English and it is loaded
    /// (tracks both).
    pub fn english(&self) -> Option<&'static Translation> {
        if self.lang.get() == Lang::En && self.en_loaded.get() {
            edition()
        } else {
            None
        }
    }

    /// The English edition when searches run over it (tracked).
    pub fn searched_edition(&self) -> Option<&'static Translation> {
        if self.english_search.get() {
            edition()
        } else {
            None
        }
    }

    /// [`Ctx::english`], untracked (for event handlers).
    pub fn english_untracked(&self) -> Option<&'static Translation> {
        if self.lang.get_untracked() == Lang::En {
            edition()
        } else {
            None
        }
    }

    /// The id of the document open in the reader (`doc=`; tracks the state).
    pub fn doc(&self) -> Option<String> {
        self.state.with(|s| s.doc.clone())
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&'static hts_runtime::model::Document> {
        self.corpus.bundle.documents.iter().find(|d| d.id == id)
    }
}
