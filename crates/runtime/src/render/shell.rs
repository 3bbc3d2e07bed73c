//! The page's frame as markup: the layout (skip link, search box, filters panel, content
//! area) and each view's frame, holding empty host elements ([`Host`]) that the app fills
//! from its state. The frame is written again only when the language or the view changes;
//! a keystroke rewrites just the hosts whose content changed.

use super::{testid, Html, Page};
use crate::url::View;

/// The host elements of the frame, by id: each holds one renderer's markup.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Host {
    Header,
    QueryNotes,
    FilterCount,
    Facets,
    Notice,
    Chips,
    Edition,
    Footer,
    /// The number of results (provisions view).
    Count,
    /// The view's toolbar (provisions and compare).
    Toolbar,
    /// The general-measures offer, a hidden linked provision or the empty state.
    Companions,
    List,
    More,
    Matrices,
    Side,
    Targets,
    Documents,
}

impl Host {
    pub fn id(self) -> &'static str {
        match self {
            Host::Header => "h-header",
            Host::QueryNotes => "h-query-notes",
            Host::FilterCount => "h-filter-count",
            Host::Facets => "h-facets",
            Host::Notice => "h-notice",
            Host::Chips => "h-chips",
            Host::Edition => "h-edition",
            Host::Footer => "h-footer",
            Host::Count => "result-count",
            Host::Toolbar => "h-toolbar",
            Host::Companions => "h-companions",
            Host::List => "h-list",
            Host::More => "h-more",
            Host::Matrices => "h-matrices",
            Host::Side => "h-side",
            Host::Targets => "h-targets",
            Host::Documents => "h-documents",
        }
    }

    /// The view whose frame holds this host (none: the layout's, always there).
    pub fn view(self) -> Option<View> {
        match self {
            Host::Count | Host::Companions | Host::List | Host::More => Some(View::Provisions),
            Host::Matrices | Host::Side => Some(View::Compare),
            Host::Targets => Some(View::Targets),
            Host::Documents => Some(View::Documents),
            // Two views have a toolbar: it is written by each.
            _ => None,
        }
    }
}

/// The search box; in a prerendered page its ids are prefixed `pre-` (the app's own box is
/// on the page in the same task that removes it).
pub fn search_box(h: &mut Html, page: &Page) {
    let id = if page.prerender { "pre-search" } else { "search-input" };
    h.open("div", &[("class", "search"), ("role", "search")]);
    h.element("label", &[("for", id)], page.tr("全文检索", "Full-text search"));
    let placeholder = page.tr("如：质押、孵化、20%、patent", "e.g. 质押, 孵化, 20%, patent");
    // Typing stops where a link's `q` is cut (`maxlength` counts UTF-16 units: never more
    // characters than that).
    let max = crate::url::MAX_QUERY_CHARS.to_string();
    h.open(
        "input",
        &[
            ("id", id),
            ("type", "search"),
            (testid(page), "search"),
            ("autocomplete", "off"),
            ("maxlength", &max),
            ("placeholder", placeholder),
            ("value", &page.state.q),
        ],
    );
    let hint =
        page.tr("多个词用空格分隔，须同时出现；英文短语可加引号", "Separate terms with spaces; all must match. Quote an English phrase to keep it whole");
    h.element("p", &[("class", "hint")], hint);
    if !page.prerender {
        h.raw("<div aria-live=\"polite\" id=\"h-query-notes\"></div>");
    }
    h.close("div");
}

/// The layout around the views: the skip link, the header, the search box and the filters
/// (folded away when `filters_open` is false: phones show the results first), the content
/// area with the view's frame, and the footer.
pub fn layout(page: &Page, filters_open: bool) -> String {
    let mut h = Html::new();
    let skip = page.tr("跳到内容", "Skip to content");
    h.element("a", &[("class", "skip-link"), ("href", "#main"), (testid(page), "skip-link"), ("data-action", "skip-to-main")], skip);
    // What a button did ("citation copied"), said to screen readers (`browser::announce`).
    if !page.prerender {
        h.raw("<div id=\"announce\" class=\"visually-hidden\" aria-live=\"polite\" data-testid=\"announce\"></div>");
    }
    h.raw("<div id=\"h-header\"></div><div class=\"layout\">");
    h.open("aside", &[("class", "sidebar"), ("aria-label", page.tr("检索与筛选", "Search and filters"))]);
    search_box(&mut h, page);
    h.open("details", &[("class", "filters-panel"), (if filters_open { "open" } else { "" }, "")]);
    h.open("summary", &[(testid(page), "filters-toggle")]).text(page.tr("筛选条件", "Filters"));
    h.raw("<span id=\"h-filter-count\"></span></summary><div class=\"facets\" id=\"h-facets\"></div></details></aside>");
    h.raw("<main id=\"main\" class=\"content\" tabindex=\"-1\"><div id=\"h-notice\"></div><div id=\"h-chips\"></div><div id=\"h-edition\"></div>");
    view_frame(&mut h, page);
    h.raw("</main></div><div id=\"h-footer\"></div>");
    h.finish()
}

/// The frame of the page's view.
fn view_frame(h: &mut Html, page: &Page) {
    match page.state.view {
        View::Provisions => {
            h.raw(
                "<section class=\"results\" aria-labelledby=\"result-count\"><div class=\"toolbar\">\
                 <h2 id=\"result-count\" class=\"result-count\" data-testid=\"result-count\" aria-live=\"polite\"></h2>\
                 <div class=\"toolbar-controls\" id=\"h-toolbar\"></div></div><div id=\"h-companions\"></div>\
                 <div class=\"list\" data-testid=\"result-list\" id=\"h-list\"></div><div id=\"h-more\"></div></section>",
            );
        }
        View::Compare => {
            h.raw("<section class=\"compare\">");
            h.element("h2", &[], page.tr("省际对比", "Compare provinces"));
            let hint = page.tr(
                "每格为该省、该行在其余筛选条件下的条文数（本表的行与省份筛选除外：列为所选省份，已选的行加粗标出），颜色越深数量越多；点击数字即打开正好这些条文。",
                "Each cell counts the provisions of that province and row under the other filters (not this table's own: the columns are the selected provinces, selected rows are marked); darker means more. A click opens exactly the provisions counted.",
            );
            h.element("p", &[("class", "hint")], hint);
            h.raw(
                "<div id=\"h-toolbar\"></div><div class=\"matrices\" data-testid=\"compare-matrices\" id=\"h-matrices\"></div>\
                 <div class=\"side\" data-testid=\"compare-side\" id=\"h-side\"></div></section>",
            );
        }
        View::Targets => {
            h.raw("<div class=\"targets\" id=\"h-targets\"></div>");
        }
        View::Documents => {
            h.raw("<div id=\"h-documents\"></div>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Bundle;
    use crate::search::{Corpus, Query};
    use crate::url::{Lang, State};

    fn layout_of(state: &State) -> String {
        let corpus = Corpus::new(Bundle::default());
        let query = Query::parse(&state.q);
        let page = Page { corpus: &corpus, state, query: &query, en: None, base: "", highlight: None, prerender: false };
        layout(&page, true)
    }

    const ALL: [Host; 17] = [
        Host::Header,
        Host::QueryNotes,
        Host::FilterCount,
        Host::Facets,
        Host::Notice,
        Host::Chips,
        Host::Edition,
        Host::Footer,
        Host::Count,
        Host::Toolbar,
        Host::Companions,
        Host::List,
        Host::More,
        Host::Matrices,
        Host::Side,
        Host::Targets,
        Host::Documents,
    ];

    #[test]
    fn each_view_frame_holds_exactly_its_hosts() {
        for view in View::ALL {
            let html = layout_of(&State { view, ..State::default() });
            for host in ALL {
                let present = html.matches(&format!(" id=\"{}\"", host.id())).count();
                let expected = match host {
                    Host::Toolbar => usize::from(matches!(view, View::Provisions | View::Compare)),
                    _ => usize::from(host.view().is_none_or(|v| v == view)),
                };
                assert_eq!(present, expected, "{host:?} in the {view:?} frame");
            }
        }
    }

    #[test]
    fn the_search_box_holds_the_query_escaped_and_follows_the_language() {
        let html = layout_of(&State { q: "\"><b>".into(), lang: Lang::En, ..State::default() });
        assert!(html.contains("value=\"&quot;&gt;&lt;b&gt;\""), "{html}");
        assert!(html.contains(">Full-text search<") && html.contains(">Skip to content<"));
        assert!(!html.contains("全文检索"));
    }
}
