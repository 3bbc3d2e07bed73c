//! Codes and labels of `taxonomy.md`: provinces, service domains, policy tools; and the
//! English of the units quantitative targets are stated in (`亿元`, the counting words).
//! The lists are data (`data/taxonomy.json`, embedded in the compact form `build.rs`
//! writes), so a label fix is not a code change.

use std::sync::OnceLock;

#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub provinces: Vec<Province>,
    pub domains: Vec<Label>,
    pub families: Vec<Label>,
    pub tools: Vec<Tool>,
    /// A unit in Chinese and in English (a counting word, `个`, is "count").
    pub units: Vec<(String, String)>,
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

/// The taxonomy compiled into the binary: `data/taxonomy.json` as the build script
/// writes it for the browser (sections of tab-separated lines, see `build.rs`), read
/// without the JSON reader.
pub fn taxonomy() -> &'static Taxonomy {
    static CELL: OnceLock<Taxonomy> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut sections = include_str!(concat!(env!("OUT_DIR"), "/taxonomy.tsv")).split('\u{c}');
        let mut rows = || sections.next().unwrap_or_default().lines().map(|line| line.split('\t').map(str::to_string));
        fn label(mut f: impl Iterator<Item = String>) -> Label {
            Label { code: f.next().unwrap_or_default(), zh: f.next().unwrap_or_default(), en: f.next().unwrap_or_default() }
        }
        let provinces = rows()
            .map(|mut f| {
                let Label { code, zh, en } = label(f.by_ref());
                Province { code, zh, en, short: f.collect() }
            })
            .collect();
        let domains = rows().map(label).collect();
        let families = rows().map(label).collect();
        let tools = rows()
            .map(|mut f| {
                let family = f.next().unwrap_or_default();
                let Label { code, zh, en } = label(f);
                Tool { family, code, zh, en }
            })
            .collect();
        let units = rows().map(|mut f| (f.next().unwrap_or_default(), f.next().unwrap_or_default())).collect();
        Taxonomy { provinces, domains, families, tools, units }
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
    /// The English of a unit written in Chinese, if the list has it.
    pub fn unit_en(&self, zh: &str) -> Option<&str> {
        self.units.iter().find(|(z, _)| z == zh).map(|(_, en)| en.as_str())
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
