//! How good the keyword rules are: their tags measured against the reviewed coding, per
//! code and overall (micro-averaged over sentence × code decisions). This is the accuracy
//! a reader gets for a document nobody has reviewed yet; `rules_accuracy` prints it.

use hts_runtime::model::{Bundle, CodedBy};
use hts_runtime::taxonomy::taxonomy;
use std::collections::HashMap;

/// True and false positives and false negatives of one code (or of all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_positives)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_negatives)
    }
    pub fn f1(&self) -> f64 {
        ratio(2 * self.true_positives, 2 * self.true_positives + self.false_positives + self.false_negatives)
    }
    fn add(&mut self, other: Score) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The rules' scores against the review, over the sentences that were reviewed.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub sentences: usize,
    /// Per domain code, in taxonomy order.
    pub domains: Vec<(String, Score)>,
    /// Per tool code, in taxonomy order.
    pub tools: Vec<(String, Score)>,
    pub all_domains: Score,
    pub all_tools: Score,
}

/// Compares `rules` (compiled without reviews) with `reviewed` (the same seeds, with
/// them), sentence by sentence id.
pub fn measure(rules: &Bundle, reviewed: &Bundle) -> Report {
    let by_id: HashMap<&str, (&[String], &[String])> =
        rules.provisions.iter().flat_map(|p| &p.sentences).map(|s| (s.id.as_str(), (s.domains.as_slice(), s.tools.as_slice()))).collect();
    let mut domains: HashMap<&str, Score> = HashMap::new();
    let mut tools: HashMap<&str, Score> = HashMap::new();
    let mut sentences = 0;
    for s in reviewed.provisions.iter().flat_map(|p| &p.sentences).filter(|s| s.coded_by == CodedBy::Review) {
        let Some((rule_domains, rule_tools)) = by_id.get(s.id.as_str()) else { continue };
        sentences += 1;
        score(&mut domains, rule_domains, &s.domains);
        score(&mut tools, rule_tools, &s.tools);
    }
    let t = taxonomy();
    let list = |codes: Vec<&str>, scores: &HashMap<&str, Score>| -> Vec<(String, Score)> {
        codes.into_iter().map(|c| (c.to_string(), scores.get(c).copied().unwrap_or_default())).collect()
    };
    let mut report = Report {
        sentences,
        domains: list(t.domains.iter().map(|d| d.code.as_str()).collect(), &domains),
        tools: list(t.tools.iter().map(|d| d.code.as_str()).collect(), &tools),
        ..Report::default()
    };
    report.domains.iter().for_each(|(_, s)| report.all_domains.add(*s));
    report.tools.iter().for_each(|(_, s)| report.all_tools.add(*s));
    report
}

fn score<'a>(scores: &mut HashMap<&'a str, Score>, suggested: &'a [String], decided: &'a [String]) {
    for c in suggested {
        let s = scores.entry(c).or_default();
        if decided.contains(c) {
            s.true_positives += 1;
        } else {
            s.false_positives += 1;
        }
    }
    for c in decided.iter().filter(|c| !suggested.contains(c)) {
        scores.entry(c).or_default().false_negatives += 1;
    }
}

/// The report as a plain-text table.
pub fn to_table(r: &Report) -> String {
    let mut out = format!("Rules against the reviewed coding, {} sentences\n", r.sentences);
    out.push_str(&format!("{:<16} {:>5} {:>5} {:>5} {:>9} {:>6} {:>5}\n", "code", "TP", "FP", "FN", "precision", "recall", "F1"));
    let row = |out: &mut String, code: &str, s: &Score| {
        out.push_str(&format!(
            "{:<16} {:>5} {:>5} {:>5} {:>9.2} {:>6.2} {:>5.2}\n",
            code,
            s.true_positives,
            s.false_positives,
            s.false_negatives,
            s.precision(),
            s.recall(),
            s.f1()
        ));
    };
    for (code, s) in &r.domains {
        row(&mut out, code, s);
    }
    row(&mut out, "ALL DOMAINS", &r.all_domains);
    for (code, s) in &r.tools {
        row(&mut out, code, s);
    }
    row(&mut out, "ALL TOOLS", &r.all_tools);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_count_agreements_extra_and_missing_tags() {
        let mut scores = HashMap::new();
        let suggested = vec!["finance".to_string(), "talent".to_string()];
        let decided = vec!["platforms".to_string(), "talent".to_string()];
        score(&mut scores, &suggested, &decided);
        assert_eq!(scores["talent"], Score { true_positives: 1, false_positives: 0, false_negatives: 0 });
        assert_eq!(scores["finance"].false_positives, 1);
        assert_eq!(scores["platforms"].false_negatives, 1);
        let s = Score { true_positives: 3, false_positives: 1, false_negatives: 2 };
        assert_eq!((s.precision(), s.recall()), (0.75, 0.6));
        assert!((s.f1() - 6.0 / 9.0).abs() < 1e-9);
    }
}
