//! Times each metric on a generated partner network.
//!
//! ```text
//! python3 ../shared/bench/gen_network.py 20000 net20k --seed 1
//! cargo run --release -p partnermap-analysis --example bench_metrics -- net20k/edges.csv
//! ```
//!
//! The argument is an `edges.csv` with header `source,target` (extra columns ignored) or a folder
//! holding one. Organization names are numbered in order of first appearance. Prints the seconds
//! each metric takes, then the time of [`analyze`] computing all of them together. Above
//! [`AnalysisOptions::default`]'s sampling threshold the exact betweenness pass is skipped (as
//! `analyze` skips it) unless `--exact` is given. With `--directed` each row is also read as an
//! arc source → target (docs/bench/directed.py writes such a file) and the directed path
//! metrics, eigenvector and [`analyze_directed`] are timed too.
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use partnermap_analysis::metrics::{
    analyze, analyze_directed, brokerage, clustering, communities, connectivity, cores, paths,
    spectral, structural_holes, AnalysisOptions, Network,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let force_exact = args.iter().any(|a| a == "--exact");
    let directed = args.iter().any(|a| a == "--directed");
    let arg = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .ok_or("usage: bench_metrics EDGES_CSV_OR_DIR [--exact] [--directed]")?;
    let mut path = PathBuf::from(arg);
    if path.is_dir() {
        path.push("edges.csv");
    }
    let start = Instant::now();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut edges = Vec::new();
    for record in csv::Reader::from_path(&path)?.records() {
        let record = record?;
        let mut id = |name: &str| {
            let next = ids.len();
            *ids.entry(name.to_string()).or_insert(next)
        };
        let (a, b) = (id(&record[0]), id(&record[1]));
        edges.push((a, b, 1.0));
    }
    let net = Network::from_edges(ids.len(), &edges);
    println!(
        "{} organizations, {} partnerships, {} threads",
        net.len(),
        net.partnership_count(),
        rayon::current_num_threads()
    );
    report("load", start);

    let t = Instant::now();
    let _ = connectivity::components(&net);
    report("components", t);
    let error = AnalysisOptions::default().betweenness_error;
    let t = Instant::now();
    let estimate = paths::sampled_betweenness(&net, error, 1);
    report(&format!("betweenness estimated from pairs, ±{error}"), t);
    if force_exact || net.len() <= AnalysisOptions::default().sample_above {
        let t = Instant::now();
        let exact = paths::path_metrics(&net).betweenness;
        report("exact betweenness+closeness+diameter", t);
        let worst = exact
            .iter()
            .zip(&estimate)
            .map(|(x, e)| (x - e).abs())
            .fold(0.0, f64::max);
        let top = |b: &[f64]| {
            let mut order: Vec<usize> = (0..b.len()).collect();
            order.sort_by(|&x, &y| b[y].total_cmp(&b[x]));
            order.truncate(20);
            order
        };
        let (exact_top, estimate_top) = (top(&exact), top(&estimate));
        let shared = estimate_top
            .iter()
            .filter(|v| exact_top.contains(v))
            .count();
        println!(
            "  estimated betweenness: largest error {worst:.5} (bound {error}); {shared} of the exact top 20 in the estimated top 20"
        );
    }
    if directed {
        let arcs = Network::from_arcs(ids.len(), &edges);
        let t = Instant::now();
        let _ = paths::directed_path_metrics(&arcs);
        report("directed betweenness+closeness (in)", t);
        let t = Instant::now();
        let _ = paths::directed_closeness(&arcs);
        report("directed closeness only (bit-parallel)", t);
        let t = Instant::now();
        let _ = spectral::eigenvector_centrality(&arcs, 10_000, spectral::TIGHT_TOLERANCE);
        report("directed eigenvector (tol 1e-12)", t);
        let t = Instant::now();
        let _ = analyze_directed(&net, &arcs, &AnalysisOptions::default());
        report("TOTAL analyze_directed() (all metrics)", t);
    }
    let t = Instant::now();
    let sampled = paths::sampled_distance_metrics(&net, 2000, 1);
    report("closeness+diameter estimated, 2000 pivots", t);
    // The exact pass is O(n·m/64): hours at a million organizations.
    if net.len() <= 200_000 {
        let t = Instant::now();
        let exact = paths::distance_metrics(&net);
        report("closeness+diameter only (bit-parallel)", t);
        let errors: Vec<f64> = exact
            .closeness
            .iter()
            .zip(&sampled.closeness)
            .filter(|(x, _)| **x > 0.0)
            .map(|(x, e)| (e - x).abs() / x)
            .collect();
        println!(
            "  estimated closeness: mean relative error {:.4}, largest {:.4}; diameter {} (exact {}), average path length {:.4} (exact {:.4})",
            errors.iter().sum::<f64>() / errors.len().max(1) as f64,
            errors.iter().copied().fold(0.0, f64::max),
            sampled.diameter,
            exact.diameter,
            sampled.average_path_length,
            exact.average_path_length
        );
    }
    let t = Instant::now();
    let _ = spectral::eigenvector_centrality(&net, 10_000, spectral::TIGHT_TOLERANCE);
    report("eigenvector (tol 1e-12)", t);
    let t = Instant::now();
    let _ = structural_holes::structural_holes(&net, false);
    report("constraint+effective size+hierarchy", t);
    let t = Instant::now();
    let _ = clustering::clustering(&net);
    report("clustering+transitivity", t);
    let t = Instant::now();
    let _ = cores::core_number(&net);
    report("core number", t);
    let t = Instant::now();
    let _ = connectivity::cuts(&net);
    report("articulation points+bridges", t);
    let t = Instant::now();
    let _ = communities::louvain(&net);
    report(
        &format!(
            "communities (Louvain, {} orders)",
            communities::order_count(&net)
        ),
        t,
    );
    let t = Instant::now();
    let arcs: Vec<(usize, usize)> = edges
        .iter()
        .flat_map(|&(a, b, _)| [(a, b), (b, a)])
        .collect();
    let groups: Vec<usize> = (0..net.len()).map(|v| v % 5).collect();
    let _ = brokerage::brokerage(net.len(), &arcs, &groups);
    report("brokerage (5 arbitrary groups)", t);
    let t = Instant::now();
    let _ = analyze(&net);
    report("TOTAL analyze() (all metrics)", t);
    Ok(())
}

/// Prints wall time and this process's CPU time (user + system, from /proc on Linux) since the
/// last report: on a shared machine CPU time is the steadier figure.
fn report(what: &str, since: Instant) {
    static LAST_CPU: std::sync::Mutex<f64> = std::sync::Mutex::new(0.0);
    let cpu = cpu_seconds();
    let mut last = LAST_CPU.lock().expect("not poisoned");
    println!(
        "{:<45} {:>9.3} s wall {:>9.3} s cpu",
        what,
        since.elapsed().as_secs_f64(),
        cpu - *last
    );
    *last = cpu;
}

fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<f64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    if f.len() > 12 {
        (f[11] + f[12]) / 100.0
    } else {
        f64::NAN
    }
}
