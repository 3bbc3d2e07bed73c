//! URL and history sync: the URL is the truth. Every change of state is written to the
//! address bar (a deliberate action pushes a history entry; a search being typed pushes
//! one and then replaces it, so Back leaves the search for the state before it, not for
//! the one before that); Back, Forward and a new fragment are read back by
//! `crate::actions`.

use crate::browser::{self, History};
use crate::state::Ctx;
use hts_runtime::search::Corpus;
use hts_runtime::url::{self, State};
use leptos::prelude::*;

impl Ctx {
    /// Applies a new state and writes it to the URL (dropping the fragment). A replace
    /// (typing) is written after the results are on screen, once for a burst of
    /// keystrokes: the history API can take milliseconds, and a keystroke has one frame.
    pub fn navigate(&self, next: State, mode: History) {
        self.highlight.set(None);
        self.unsettle();
        match mode {
            History::Push => {
                self.end_typing();
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
        // After the frame that shows the results; not if a deliberate change wrote the
        // address meanwhile.
        browser::after_paint(move || {
            if !ctx.url_write_pending.get_untracked() {
                return;
            }
            ctx.url_write_pending.set(false);
            let query = ctx.state.with_untracked(url::encode);
            // Typing that leaves the address as it is (spaces only: no search) makes no
            // history entry; the next keystroke that changes it starts the search's.
            if query == browser::search() && browser::hash().is_none() {
                return;
            }
            let mode = if ctx.typed_entry.get_untracked() { History::Replace } else { History::Push };
            ctx.typed_entry.set(true);
            browser::write_url(&query, None, mode);
        });
    }

    /// Ends the search being typed: the next keystroke starts a history entry of its own,
    /// and a write still waiting is dropped (the caller writes the whole state).
    pub fn end_typing(&self) {
        self.typed_entry.set(false);
        self.url_write_pending.set(false);
    }

    /// Opens a state at an anchor (`#provision-id`), as a deliberate action.
    pub fn navigate_to_anchor(&self, next: State, anchor: &str) {
        self.unsettle();
        self.end_typing();
        browser::write_url(&url::encode(&next), Some(anchor), History::Push);
        self.state.set(next);
        self.highlight.set(Some(anchor.to_string()));
    }

    /// Follows an in-app link (`?query#fragment`, as the renderers write them), as a
    /// deliberate action.
    pub fn follow(&self, href: &str) {
        let (query, fragment) = match href.split_once('#') {
            Some((q, f)) => (q, Some(url::fragment_decode(f))),
            None => (href, None),
        };
        let next = url::decode(query, &doc_ids(self.corpus)).state;
        match fragment {
            Some(anchor) => self.navigate_to_anchor(next, &anchor),
            None => self.navigate(next, History::Push),
        }
    }

    /// Changes the state with one of its edits (`|s| s.toggle(…)`), as a deliberate action.
    pub fn update(&self, edit: impl FnOnce(&mut State)) {
        let mut next = self.state.get_untracked();
        edit(&mut next);
        self.navigate(next, History::Push);
    }
}

fn doc_ids(corpus: &Corpus) -> Vec<&str> {
    corpus.bundle.documents.iter().map(|d| d.id.as_str()).collect()
}

/// The state the address bar holds now.
pub fn read_location(corpus: &Corpus) -> url::Decoded {
    url::decode(&browser::search(), &doc_ids(corpus))
}
