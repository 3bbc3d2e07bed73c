//! The English edition, loaded only when the reader chooses English: the texts of
//! `data/policies.en.json` (`{"lang": "en", "texts": {id: text}}`, written by
//! `hts_compiler::translations`) by the id of what they translate: a document id (its
//! title), a heading id, a sentence id, `<doc>:issuer`, `<doc>:addressee`, `<doc>:signature`, or a target
//! `<provision>/t<n>`. Unofficial: the page labels every translated text as such. A text
//! without a translation shows the Chinese with a note, never an empty space.

use crate::json;
use crate::model::{Document, Provision};
use std::collections::HashMap;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Translation {
    texts: HashMap<String, String>,
}

impl Translation {
    /// Reads the translation file; an error says what is wrong with it.
    pub fn from_json(text: &str) -> Result<Translation, String> {
        let v = json::parse(text).map_err(|e| format!("the translation is not JSON: {e}"))?;
        let texts = v.get("texts").ok_or("the translation has no \"texts\"")?;
        let texts = texts.members().iter().filter_map(|(k, v)| v.as_str().map(|t| (k.clone(), t.to_string()))).collect();
        Ok(Translation { texts })
    }

    /// The translation of the text with this id, if there is one.
    pub fn get(&self, id: &str) -> Option<&str> {
        self.texts.get(id).map(String::as_str)
    }

    /// A provision's translated sentences, `None` for each sentence without one.
    pub fn sentences<'a>(&'a self, p: &Provision) -> Vec<Option<&'a str>> {
        p.sentences.iter().map(|s| self.get(&s.id)).collect()
    }

    /// A document's title in English; `None` for a document without a title (there is
    /// nothing to translate) or whose title has no translation.
    pub fn title(&self, doc: &Document) -> Option<&str> {
        doc.title.as_ref()?;
        self.get(&doc.id)
    }

    /// A provision's text in English: its sentences' translations joined by spaces;
    /// `None` unless every sentence has one (a part would pass for the whole).
    pub fn provision_text(&self, p: &Provision) -> Option<String> {
        let parts: Option<Vec<&str>> = self.sentences(p).into_iter().collect();
        parts.map(|parts| parts.join(" "))
    }

    /// How many texts it has.
    /// The English name of provision `p`'s `k`-th responsible department (from 0).
    pub fn department(&self, p: &Provision, k: usize) -> Option<&str> {
        self.get(&format!("{}/d{}", p.id, k + 1))
    }

    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_texts_by_id_and_says_what_is_wrong() {
        let t = Translation::from_json(r#"{"lang":"en","texts":{"a-0:1":"Hello.","a-h1":"I. Overall approach"}}"#).unwrap();
        assert_eq!((t.get("a-0:1"), t.get("a-h1"), t.get("nope")), (Some("Hello."), Some("I. Overall approach"), None));
        assert_eq!(t.len(), 2);
        assert!(Translation::from_json("[]").unwrap_err().contains("texts"));
        assert!(Translation::from_json("nope").unwrap_err().contains("not JSON"));
    }
}
