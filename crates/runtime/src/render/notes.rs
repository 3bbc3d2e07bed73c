//! The page's small notes as markup: the notice of ignored URL parts, what a link asks
//! for that the corpus does not have, the English
//! edition's note, how the query was read, and the show-more button. They were Leptos
//! components; as text they share the app's one host (`crate::rendered::host` in the
//! app) and its delegated click handler (`data-action`), which measured 3.2 kB gzip less
//! wasm for the four of them.

use super::{Html, Page};
use crate::labels::{self, tr};
use crate::search::Query;
use crate::url::{Ignored, Lang, Reason, State, View, MAX_QUERY_CHARS};

/// The parts of the URL that were ignored (unrecognised, listed) or cut (a query too
/// long, said in a sentence of its own), with a button that dismisses the notice
/// (`data-action="dismiss-notice"`); nothing when there were none.
pub fn notice(lang: Lang, ignored: &[Ignored]) -> String {
    if ignored.is_empty() {
        return String::new();
    }
    let mut h = Html::new();
    h.raw("<div class=\"notice\" role=\"status\" data-testid=\"notice\"><span>");
    let unrecognised: Vec<&Ignored> = ignored.iter().filter(|i| i.reason == Reason::Unrecognised).collect();
    if !unrecognised.is_empty() {
        h.text(tr(lang, "链接中的以下内容无法识别，已忽略：", "These parts of the link were not recognised and were ignored: "));
        for (n, part) in unrecognised.iter().enumerate() {
            if n > 0 {
                h.raw(", ");
            }
            h.text(&part.key).raw("=").text(&part.value);
        }
    }
    // Each reason a sentence of its own, after the list of what was not recognised.
    // The list ends without a stop; a sentence ends with its own.
    let (mut after_list, mut said) = (!unrecognised.is_empty(), false);
    let sentences = [
        (
            Reason::Garbled,
            "notice-garbled",
            tr(
                lang,
                "链接中的检索词编码不完整（可能被截断），无法识别的部分已略去。",
                "The link's search was not validly encoded (perhaps cut short); the unreadable part was left out.",
            )
            .to_string(),
        ),
        (
            Reason::TooLong,
            "notice-too-long",
            match lang {
                Lang::Zh => format!("检索词过长（最多 {MAX_QUERY_CHARS} 字），已截取前 {MAX_QUERY_CHARS} 字。"),
                Lang::En => format!("The search was longer than {MAX_QUERY_CHARS} characters; its first {MAX_QUERY_CHARS} are searched."),
            },
        ),
    ];
    for (reason, id, text) in sentences {
        if ignored.iter().any(|i| i.reason == reason) {
            if after_list {
                h.text(tr(lang, "。", ". "));
            } else if said {
                h.text(tr(lang, "", " "));
            }
            h.raw("<span data-testid=\"").raw(id).raw("\">").text(&text).raw("</span>");
            (after_list, said) = (false, true);
        }
    }
    h.raw("</span><button class=\"link-button\" data-action=\"dismiss-notice\">");
    h.text(tr(lang, "知道了", "Dismiss")).raw("</button></div>");
    h.finish()
}

/// Where the English edition is in its loading.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Edition {
    Loading,
    Loaded,
    Failed,
}

/// The note above a view that shows translated text (provisions, documents) in English:
/// unofficial, the original one click away; or that the English is loading (the Chinese
/// shows meanwhile); or that it could not be loaded.
pub fn edition_note(lang: Lang, view: View, edition: Edition) -> String {
    if lang != Lang::En || !matches!(view, View::Provisions | View::Documents) {
        return String::new();
    }
    let (class, testid, role, strong, text) = match edition {
        Edition::Loaded => ("edition-note", "unofficial-translation", "note", "Unofficial translation. ", TRANSLATED),
        Edition::Failed => ("edition-note failed", "en-failed", "status", "", FAILED),
        Edition::Loading => ("edition-note loading", "en-loading", "status", "", LOADING),
    };
    let mut h = Html::new();
    h.open("p", &[("class", class), ("role", role), ("lang", "en"), ("data-testid", testid)]);
    h.element("strong", &[], strong).text(text).close("p");
    h.finish()
}

const TRANSLATED: &str =
    "Provisions, headings, titles and names are shown in an unofficial English translation; the Chinese original is authoritative and one click away.";
const FAILED: &str = "The English translation could not be loaded: the texts are shown in the Chinese original.";
const LOADING: &str = "Loading English… the Chinese original is shown meanwhile.";

/// Under the search box: how the query was read (`patent → 专利`) and which English or
/// pinyin words (`unmapped`) had no Chinese term and were searched as written.
pub fn query_notes(lang: Lang, query: &Query, unmapped: &[String]) -> String {
    let mut h = Html::new();
    if !query.readings().is_empty() {
        h.raw("<p class=\"query-reading\" data-testid=\"query-reading\">").text(tr(lang, "检索的是：", "Searched for: "));
        for (n, (typed, terms)) in query.readings().iter().enumerate() {
            if n > 0 {
                h.text(tr(lang, "；", "; "));
            }
            h.text(typed).raw(" → ").text(&terms.join(" / "));
        }
        h.raw("</p>");
    }
    if !unmapped.is_empty() {
        h.raw("<p class=\"query-unmapped\" data-testid=\"query-unmapped\">").text(tr(lang, "没有与", "No Chinese term known for "));
        for (n, word) in unmapped.iter().enumerate() {
            if n > 0 {
                h.text(tr(lang, "、", ", "));
            }
            h.raw("“").text(word).raw("”");
        }
        h.text(tr(lang, "对应的中文词，已按原文检索。", "; searched as written.")).raw("</p>");
    }
    h.finish()
}

/// The button under a list that shows its next `next` rows (`data-action="show-more"`),
/// `remaining` being the rows not shown; nothing when none are left.
pub fn show_more(lang: Lang, next: usize, remaining: usize) -> String {
    if remaining == 0 {
        return String::new();
    }
    let text = match lang {
        Lang::Zh => format!("再显示 {next} 条（还有 {remaining} 条）"),
        Lang::En => format!("Show {next} more ({remaining} left)"),
    };
    let mut h = Html::new();
    h.element("button", &[("class", "action more"), ("data-testid", "show-more"), ("data-action", "show-more")], &text);
    h.finish()
}

/// What the link asks for that the corpus does not have, said above the view: a selected
/// province with no document (its views would only be empty), and a fragment that names
/// no provision or heading (`#…`: the page would open at the top without a word) and
/// nothing else on the page (`on_page`: the skip link's `#main`).
pub fn gaps(page: &Page, on_page: &dyn Fn(&str) -> bool) -> String {
    let (corpus, lang) = (page.corpus, page.lang());
    let docs = &corpus.bundle.documents;
    let mut h = Html::new();
    let present = corpus.provinces();
    let absent: Vec<String> = page.state.provinces.iter().filter(|p| !present.contains(p)).map(|p| labels::province(lang, p)).collect();
    if !absent.is_empty() {
        let present: Vec<String> = present.iter().map(|p| labels::province(lang, p)).collect();
        let text = match lang {
            Lang::Zh => format!("语料中没有{}的文件；现有文件来自：{}。", absent.join("、"), present.join("、")),
            Lang::En => format!("The corpus has no document from {}; its documents are from {}.", absent.join(", "), present.join(", ")),
        };
        h.element("p", &[("class", "notice"), ("role", "status"), ("data-testid", "absent-provinces")], &text);
    }
    let Some(id) = page.highlight else { return h.finish() };
    // The document a provision or heading belongs to.
    let owner = corpus
        .index_of(id)
        .map(|i| corpus.provision(i).doc.as_str())
        .or_else(|| docs.iter().find(|d| d.outline.iter().any(|o| o.id == id)).map(|d| d.id.as_str()));
    match owner {
        None if !on_page(id) => {
            let text = match lang {
                Lang::Zh => format!("链接中的位置 #{id} 不是语料中的条文或标题，页面从头显示。"),
                Lang::En => format!("The link's #{id} names no provision or heading in the corpus; the page opens at its top."),
            };
            h.element("p", &[("class", "notice"), ("role", "status"), ("data-testid", "unknown-anchor")], &text);
        }
        // A place this view does not show (a paragraph linked on the compare view, another
        // document's in the reader): said so, with the way to it. The provisions view has
        // its own notice for one the filters hide.
        Some(doc) if !shows(page.state, doc, corpus.index_of(id).is_some()) => {
            let to = match (page.state.view, corpus.index_of(id)) {
                (View::Compare | View::Targets, Some(_)) => page.state.at_view(View::Provisions),
                _ => State { view: View::Documents, doc: Some(doc.to_string()), ..page.state.clone() },
            };
            let text = match lang {
                Lang::Zh => format!("链接中的位置 #{id} 不在此视图中。"),
                Lang::En => format!("The link's #{id} is not in this view. "),
            };
            h.open("p", &[("class", "notice"), ("role", "status"), ("data-testid", "anchor-elsewhere")]).text(&text);
            h.element("a", &[("href", &super::href_at(&to, id)), ("data-nav", "")], page.tr("前往查看", "Go to it")).close("p");
        }
        _ => {}
    }
    h.finish()
}

/// Whether a view in `state` shows the places of document `doc`: the provisions view its
/// provisions (`provision`), the reader of that document all of them.
fn shows(state: &State, doc: &str, provision: bool) -> bool {
    match state.view {
        View::Provisions => provision,
        View::Documents => state.doc.as_deref() == Some(doc),
        View::Compare | View::Targets => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notice_lists_the_ignored_parts_escaped() {
        let ignored = [Ignored::unrecognised("province", "<x>"), Ignored::unrecognised("view", "map")];
        let html = notice(Lang::En, &ignored);
        assert!(html.contains("ignored: province=&lt;x&gt;, view=map</span>"), "{html}");
        assert!(html.contains("data-action=\"dismiss-notice\">Dismiss</button>"));
        assert_eq!(notice(Lang::Zh, &[]), "");
    }

    #[test]
    fn notice_says_a_too_long_query_was_cut_not_unrecognised() {
        // Regression: a query over 200 characters was listed as "not recognised" (`q=质质…`).
        let decoded = crate::url::decode(&format!("?q={}", crate::url::percent_encode(&"质".repeat(300))), &[]);
        let zh = notice(Lang::Zh, &decoded.ignored);
        assert!(zh.contains(">检索词过长（最多 200 字），已截取前 200 字。</span>"), "{zh}");
        assert!(!zh.contains("无法识别") && !zh.contains("q="), "{zh}");
        let en = notice(Lang::En, &decoded.ignored);
        assert!(en.contains(">The search was longer than 200 characters; its first 200 are searched.</span>"), "{en}");
        assert!(!en.contains("not recognised"), "{en}");
        // With unrecognised parts too: both, each said as what it is.
        let decoded = crate::url::decode(&format!("?view=map&q={}", "a".repeat(201)), &[]);
        let en = notice(Lang::En, &decoded.ignored);
        assert!(en.contains("were ignored: view=map. <span data-testid=\"notice-too-long\">The search was longer"), "{en}");
        let zh = notice(Lang::Zh, &decoded.ignored);
        assert!(zh.contains("已忽略：view=map。<span data-testid=\"notice-too-long\">检索词过长"), "{zh}");
    }

    #[test]
    fn edition_note_only_on_translated_views_in_english() {
        assert_eq!(edition_note(Lang::Zh, View::Provisions, Edition::Loaded), "");
        assert_eq!(edition_note(Lang::En, View::Compare, Edition::Loaded), "");
        let loaded = edition_note(Lang::En, View::Documents, Edition::Loaded);
        assert!(
            loaded.starts_with("<p class=\"edition-note\" role=\"note\" lang=\"en\" data-testid=\"unofficial-translation\"><strong>Unofficial"),
            "{loaded}"
        );
        assert!(edition_note(Lang::En, View::Provisions, Edition::Loading).contains("data-testid=\"en-loading\"><strong></strong>Loading"));
        assert!(edition_note(Lang::En, View::Provisions, Edition::Failed).contains("edition-note failed"));
    }

    #[test]
    fn query_notes_say_how_the_query_was_read() {
        assert_eq!(query_notes(Lang::Zh, &Query::parse("专利"), &[]), "");
        let html = query_notes(Lang::Zh, &Query::parse("专利"), &["foo".into(), "bar".into()]);
        assert_eq!(html, "<p class=\"query-unmapped\" data-testid=\"query-unmapped\">没有与“foo”、“bar”对应的中文词，已按原文检索。</p>");
        let html = query_notes(Lang::En, &Query::parse("专利"), &["foo".into()]);
        assert!(html.ends_with(">No Chinese term known for “foo”; searched as written.</p>"), "{html}");
    }

    #[test]
    fn show_more_counts_what_is_left() {
        assert_eq!(show_more(Lang::Zh, 50, 0), "");
        assert!(show_more(Lang::Zh, 50, 70).ends_with(">再显示 50 条（还有 70 条）</button>"));
        assert!(show_more(Lang::En, 3, 3).ends_with(">Show 3 more (3 left)</button>"));
    }

    #[test]
    fn notice_says_a_garbled_query_was_read_as_far_as_it_could_be() {
        use crate::url::decode;
        // A link cut inside 识 (`%E8%AF` of `%E8%AF%86`).
        let d = decode("?q=%E7%9F%A5%E8%AF&view=map", &[]);
        assert_eq!(d.state.q, "知");
        let zh = notice(Lang::Zh, &d.ignored);
        assert!(zh.contains("view=map。<span data-testid=\"notice-garbled\">链接中的检索词编码不完整"), "{zh}");
        let long = format!("?q={}%E8%AF", "a".repeat(230));
        let en = notice(Lang::En, &decode(&long, &[]).ignored);
        assert!(en.contains("the unreadable part was left out.</span> <span data-testid=\"notice-too-long\">The search was longer"), "{en}");
    }
}
