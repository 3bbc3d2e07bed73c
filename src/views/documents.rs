//! The documents view: the list of documents with their metadata, and the reader of
//! one document (`doc=`): table of contents, every provision with an anchor, search
//! terms marked, quality notes first. The markup is `hts_runtime::render::reader`'s;
//! its links and buttons are followed by `crate::rendered`.

use crate::rendered::{host, markup};
use crate::state::{use_ctx, Ctx};
use hts_runtime::render::{controls, reader};
use leptos::prelude::*;

/// The open document's reader, or the documents with a provision matching the filters
/// (all of them without filters), each with how many of its provisions match, and the
/// empty state when none does.
pub fn documents_view() -> impl IntoView {
    let ctx = use_ctx();
    ctx.show_original.set_value(None);
    host(
        "",
        "",
        markup(move || match ctx.doc.get().and_then(|id| ctx.document(&id)) {
            Some(doc) => {
                let original = ctx.show_original.with_value(|d| d.as_deref() == Some(doc.id.as_str()));
                ctx.with_page(&|page| reader::reader(page, doc, original))
            }
            None => {
                // A document opened again starts without the original.
                ctx.show_original.set_value(None);
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
        }),
    )
}

/// On narrow screens the Chinese original shows on request: the button turns it on in
/// the page at once (keeping its focus), and the choice is kept for the renders that
/// follow (a new search, a linked provision) while this document is open.
pub fn toggle_original(ctx: Ctx, button: &web_sys::Element) {
    let shown = ctx.show_original.with_value(Option::is_none);
    ctx.show_original.set_value(if shown { ctx.doc.get_untracked() } else { None });
    if let Ok(Some(section)) = button.closest(".reader") {
        let class = section.class_name();
        let others = class.split_whitespace().filter(|c| *c != "show-original");
        let mut next = others.collect::<Vec<_>>().join(" ");
        if shown {
            next.push_str(" show-original");
        }
        section.set_class_name(&next);
    }
    let _ = button.set_attribute("aria-pressed", if shown { "true" } else { "false" });
    button.set_text_content(Some(reader::original_toggle_label(shown)));
}
