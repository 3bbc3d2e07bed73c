//! English search words and their Chinese terms (`data/synonyms.json`). A file of its
//! own, so the browser, which searches but never tags, carries no tagging rules.

use crate::json::{self, Json};
use std::collections::HashMap;
use std::sync::OnceLock;

pub fn synonyms() -> &'static HashMap<String, Vec<String>> {
    static CELL: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    CELL.get_or_init(|| {
        let v = json::parse(include_str!("../data/synonyms.json")).unwrap_or(Json::Null);
        let mut out = HashMap::new();
        for (word, terms) in v.get("synonyms").map(|m| m.members()).unwrap_or_default() {
            out.insert(word.clone(), terms.items().iter().filter_map(|t| t.as_str().map(str::to_string)).collect());
        }
        out
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn synonyms_file_parses_and_maps_patent() {
        assert_eq!(super::synonyms().get("patent").map(Vec::as_slice), Some(&["专利".to_string()][..]));
    }
}
