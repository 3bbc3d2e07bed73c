//! `search_bench SEEDS_DIR`: native time of the core's search + filter + facet counts,
//! the work a keystroke costs before rendering. Prints median and p95 per query.

use hts_runtime::search::Corpus;
use hts_runtime::url::State;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let seeds = std::env::args().nth(1).unwrap_or_else(|| "seeds".into());
    let t = Instant::now();
    let bundle = hts_compiler::compile_dir(std::path::Path::new(&seeds)).map_err(|e| e.to_string())?;
    let compile_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let packed = hts_compiler::pack::pack(&bundle)?;
    let pack_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let corpus = Corpus::from_packed(&packed.json, &packed.texts)?;
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    // As the app does once the first results are painted.
    let t = Instant::now();
    corpus.prepare_search();
    let prepare_ms = t.elapsed().as_secs_f64() * 1e3;
    let distinct: std::collections::HashSet<&str> = bundle.provisions.iter().flat_map(|p| p.sentences.iter().map(|s| s.text.as_str())).collect();
    let sentences: usize = bundle.provisions.iter().map(|p| p.sentences.len()).sum();
    println!("corpus {seeds}: {sentences} sentences, {} distinct", distinct.len());
    println!(
        "corpus {seeds}: {} documents, {} provisions; data set {} KiB, embedded bundle {} KiB; compile {compile_ms:.1} ms, pack {pack_ms:.1} ms, unpack+index {load_ms:.1} ms, search prepared after the first paint (folding, character index, lexicon) {prepare_ms:.1} ms",
        corpus.bundle.documents.len(),
        corpus.bundle.provisions.len(),
        hts_compiler::output::to_json(&bundle).unwrap().len() / 1024,
        packed.len() / 1024
    );
    let cases: [(&str, State); 5] = [
        ("no filter", State::default()),
        ("q=服务", State { q: "服务".into(), ..State::default() }),
        ("q=知识产权 质押", State { q: "知识产权 质押".into(), ..State::default() }),
        ("tool=finance&q=20%", State { tools: vec!["finance".into()], q: "20%".into(), ..State::default() }),
        (
            "province=hunan,jilin&domain=ip&tool=environment",
            State { provinces: vec!["hunan".into(), "jilin".into()], domains: vec!["ip".into()], tools: vec!["environment".into()], ..State::default() },
        ),
    ];
    println!("{:<50} {:>8} {:>12} {:>12}", "search + filter + counts", "results", "median µs", "p95 µs");
    for (name, state) in cases {
        let mut times = Vec::new();
        let mut n = 0;
        for _ in 0..200 {
            // Each time a query typed afresh, not one the corpus has the hits of.
            corpus.forget_kept_hits();
            let t = Instant::now();
            n = corpus.search(&state).len();
            std::hint::black_box(corpus.counts(&state));
            times.push(t.elapsed().as_secs_f64() * 1e6);
        }
        times.sort_by(f64::total_cmp);
        println!("{name:<50} {n:>8} {:>12.0} {:>12.0}", times[times.len() / 2], times[times.len() * 95 / 100]);
    }
    Ok(())
}
