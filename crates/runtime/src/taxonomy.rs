//! Codes and labels of `taxonomy.md`: provinces, service domains, policy tools.
//! The lists are data (`data/taxonomy.json`), so a label fix is not a code change.

use std::sync::OnceLock;

#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub provinces: Vec<Province>,
    pub domains: Vec<Label>,
    pub families: Vec<Label>,
    pub tools: Vec<Tool>,
}

#[derive(Debug, Clone)]
pub struct Province {
    pub code: String,
    pub zh: String,
    pub en: String,
    /// Short names as they appear in running text (`湖南`).
    pub short: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Label {
    pub code: String,
    pub zh: String,
    pub en: String,
}

#[derive(Debug, Clone)]
pub struct Tool {
    pub family: String,
    pub code: String,
    pub zh: String,
    pub en: String,
}

/// The taxonomy compiled into the binary.
pub fn taxonomy() -> &'static Taxonomy {
    static CELL: OnceLock<Taxonomy> = OnceLock::new();
    CELL.get_or_init(|| {
        // Read with the small `json` reader, not derived impls: less code in the browser
        // download. A unit test checks the file parses.
        let v = crate::json::parse(include_str!("../data/taxonomy.json")).unwrap_or(crate::json::Json::Null);
        let s = |x: &crate::json::Json, k: &str| x.get(k).and_then(|v| v.as_str()).unwrap_or_default().to_string();
        let items = |k: &str| v.get(k).map(|a| a.items().to_vec()).unwrap_or_default();
        let label = |x: &crate::json::Json| Label { code: s(x, "code"), zh: s(x, "zh"), en: s(x, "en") };
        Taxonomy {
            provinces: items("provinces")
                .iter()
                .map(|x| Province {
                    code: s(x, "code"),
                    zh: s(x, "zh"),
                    en: s(x, "en"),
                    short: x.get("short").map(|a| a.items().iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default(),
                })
                .collect(),
            domains: items("domains").iter().map(label).collect(),
            families: items("families").iter().map(label).collect(),
            tools: items("tools").iter().map(|x| Tool { family: s(x, "family"), code: s(x, "code"), zh: s(x, "zh"), en: s(x, "en") }).collect(),
        }
    })
}

impl Taxonomy {
    pub fn province(&self, code: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.code == code)
    }
    pub fn domain(&self, code: &str) -> Option<&Label> {
        self.domains.iter().find(|d| d.code == code)
    }
    pub fn tool(&self, code: &str) -> Option<&Tool> {
        self.tools.iter().find(|t| t.code == code)
    }
    pub fn family(&self, code: &str) -> Option<&Label> {
        self.families.iter().find(|f| f.code == code)
    }
    /// Tools of one family, in taxonomy order.
    pub fn tools_of<'a>(&'a self, family: &'a str) -> impl Iterator<Item = &'a Tool> + 'a {
        self.tools.iter().filter(move |t| t.family == family)
    }
    /// A `tool` URL value is a tool code or a family code.
    pub fn is_tool_or_family(&self, code: &str) -> bool {
        self.tool(code).is_some() || self.family(code).is_some()
    }
    /// Does the tool filter value `wanted` (tool or family) cover tool `code`?
    pub fn tool_matches(&self, wanted: &str, code: &str) -> bool {
        wanted == code || self.tool(code).is_some_and(|t| t.family == wanted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_all_34_divisions_with_unique_codes() {
        let t = taxonomy();
        assert_eq!(t.provinces.len(), 34);
        let mut codes: Vec<_> = t.provinces.iter().map(|p| p.code.as_str()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 34);
        assert_eq!(t.province("shaanxi").unwrap().zh, "陕西省");
        assert_eq!(t.province("shanxi").unwrap().zh, "山西省");
    }

    #[test]
    fn has_ten_domains_and_sixteen_tools_in_three_families() {
        let t = taxonomy();
        assert_eq!(t.domains.len(), 10);
        assert_eq!(t.tools.len(), 16);
        assert_eq!(t.tools_of("demand").count(), 4);
        assert!(t.tool_matches("environment", "tax"));
        assert!(!t.tool_matches("supply", "tax"));
        assert!(t.is_tool_or_family("market-access"));
    }
}
