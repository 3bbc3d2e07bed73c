//! The content of the views as HTML text: result cards, the targets table, the compare
//! matrices and the reader. The app sets it as an element's content (`inner_html`) and
//! handles its links and buttons by delegation (`data-nav`, `data-action`); the compiler
//! writes the same markup into the prerendered pages, so the hand-over cannot differ.
//!
//! Why text and not `view!`: every distinct Leptos view compiles its own render, update
//! and drop code, and the content views were most of the wasm (measured on this app: the
//! cards, targets, compare and reader views as Leptos views ≈ 60 kB gzip; as this module,
//! see `scripts/bench`'s breakdown). A renderer is plain string code, tested natively.
//!
//! Safety: text and attribute values go through [`Html::text`] and the attribute lists,
//! which escape; raw markup can only be a `&'static str` written in this crate.

mod card;
pub mod compare;
pub mod controls;
pub mod notes;
pub mod reader;
pub mod shell;
pub mod targets;

pub use card::{card, provenance, results, rows, share_link, Row};

use crate::search::{Corpus, Query};
use crate::translation::Translation;
use crate::url::{Lang, State};

/// Everything a renderer reads: the corpus, the state of the page, the parsed query and
/// the English edition when the page shows English.
pub struct Page<'a> {
    pub corpus: &'a Corpus,
    pub state: &'a State,
    pub query: &'a Query,
    /// The English edition, when the page is in English and it is loaded.
    pub en: Option<&'a Translation>,
    /// The page's absolute address without query or fragment (citations link to it); in a
    /// prerendered page, the site's root relative to it (`./`, or `../` from `docs/`).
    pub base: &'a str,
    /// The provision or heading named by the fragment.
    pub highlight: Option<&'a str>,
    /// Written into prerendered pages: no `data-testid` (the tests see the app's DOM only)
    /// and links to the static readers.
    pub prerender: bool,
}

impl Page<'_> {
    pub fn lang(&self) -> Lang {
        self.state.lang
    }

    /// `tr` in the page's language.
    pub fn tr(&self, zh: &'static str, en: &'static str) -> &'static str {
        crate::labels::tr(self.state.lang, zh, en)
    }
}

/// An HTML writer that escapes every text and attribute value.
#[derive(Default)]
pub struct Html {
    out: String,
}

/// Text escaped for HTML content and for quoted attribute values. The text between the
/// five characters is copied a run at a time: a character at a time, escaping was a
/// tenth of a first visit's start (its wasm runs unoptimised then).
pub fn escape_into(out: &mut String, s: &str) {
    let mut run = 0;
    for (i, byte) in s.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // An ASCII byte is never inside a character: both ends are boundaries.
        out.push_str(s.get(run..i).unwrap_or_default());
        out.push_str(entity);
        run = i + 1;
    }
    out.push_str(s.get(run..).unwrap_or_default());
}

/// [`escape_into`] a new string.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

impl Html {
    pub fn new() -> Html {
        Html { out: String::with_capacity(16 * 1024) }
    }

    /// `<tag name="value" …>`; an attribute whose name is empty is left out (so a list
    /// can hold optional ones).
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Html {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            if name.is_empty() {
                continue;
            }
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
        self.out.push('>');
        self
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Html {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// An element holding only text.
    pub fn element(&mut self, tag: &'static str, attrs: &[(&'static str, &str)], text: &str) -> &mut Html {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Html {
        escape_into(&mut self.out, text);
        self
    }

    /// Markup written in this crate.
    pub fn raw(&mut self, markup: &'static str) -> &mut Html {
        self.out.push_str(markup);
        self
    }

    /// `text` with the char ranges wrapped in `<mark>`.
    pub fn marked(&mut self, text: &str, ranges: &[(usize, usize)]) -> &mut Html {
        if ranges.is_empty() {
            return self.text(text);
        }
        let mut at = 0;
        let mut chars = text.char_indices().map(|(b, _)| b).chain([text.len()]);
        let mut byte_of = Vec::new();
        byte_of.extend(&mut chars);
        let last = byte_of.len() - 1;
        for &(s, e) in ranges {
            let (s, e) = (s.min(last).max(at), e.min(last));
            if e <= s {
                continue;
            }
            self.text(text.get(byte_of[at]..byte_of[s]).unwrap_or_default());
            self.raw("<mark>").text(text.get(byte_of[s]..byte_of[e]).unwrap_or_default()).raw("</mark>");
            at = e;
        }
        self.text(text.get(byte_of[at]..).unwrap_or_default())
    }

    pub fn len(&self) -> usize {
        self.out.len()
    }

    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// `data-testid`, or no attribute in a prerendered page.
pub(crate) fn testid(page: &Page) -> &'static str {
    if page.prerender {
        ""
    } else {
        "data-testid"
    }
}

/// The state's address (`?…`, or `?` for the default state).
pub(crate) fn href(state: &State) -> String {
    let q = crate::url::encode(state);
    if q.is_empty() {
        "?".to_string()
    } else {
        q
    }
}

/// A link to a state of the app: [`href`], or from a prerendered page, `index.html` at
/// the site's root ([`Page::base`]) with the state's query.
pub(crate) fn app_href(page: &Page, state: &State) -> String {
    if page.prerender {
        format!("{}index.html{}", page.base, crate::url::encode(state))
    } else {
        href(state)
    }
}

/// [`href`] with a fragment.
pub(crate) fn href_at(state: &State, anchor: &str) -> String {
    format!("{}#{}", href(state), crate::url::percent_encode(anchor))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(escape(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        // Runs of text between them, of any script, at either end or none.
        for (text, escaped) in [("", ""), ("知识产权", "知识产权"), ("&知<识>", "&amp;知&lt;识&gt;"), ("“20%”以上'", "“20%”以上&#39;")]
        {
            assert_eq!(escape(text), escaped);
        }
        let mut h = Html::new();
        h.open("a", &[("href", "?q=\"><script>"), ("", "left out")]).text("<b>").close("a");
        assert_eq!(h.finish(), "<a href=\"?q=&quot;&gt;&lt;script&gt;\">&lt;b&gt;</a>");
    }

    #[test]
    fn marks_char_ranges_and_escapes_inside_them() {
        let mut h = Html::new();
        h.marked("质押<融资>质押", &[(0, 2), (3, 5), (1, 4)]);
        assert_eq!(h.finish(), "<mark>质押</mark>&lt;<mark>融资</mark>&gt;质押");
        let mut h = Html::new();
        h.marked("abc", &[(1, 99)]);
        assert_eq!(h.finish(), "a<mark>bc</mark>");
        let mut h = Html::new();
        h.marked("<质押>", &[]);
        assert_eq!(h.finish(), "&lt;质押&gt;");
    }
}
