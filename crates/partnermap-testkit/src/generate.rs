//! Large partner networks for tests that need one, as project folders: the structure of
//! `../shared/bench/gen_network.py` (which the benchmarks use), so a test sees what a
//! statewide directory looks like without the benchmark's files beside the clone.
//!
//! Organizations live in neighbourhoods of about 200, each leaning towards a few populations
//! and domains; partnerships follow preferential attachment, mostly inside a neighbourhood,
//! half of the later ones closing a triangle, one in five crossing neighbourhoods. Average
//! degree is about 6. The same `n` and `seed` give the same folder.

use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

const TYPES: &[&str] = &[
    "community-based-nonprofit",
    "community-based-nonprofit",
    "community-based-nonprofit",
    "public-agency",
    "school",
    "faith-based",
    "business",
    "financial-institution",
    "anchor-institution",
    "american-job-center",
    "employment-network",
];
const STATUSES: &[&str] = &[
    "existing",
    "existing",
    "existing",
    "potential",
    "potential",
    "keep-informed",
];
const POPULATIONS: &[&str] = &[
    "people-of-color",
    "people-with-disabilities",
    "english-language-learners",
    "young-people",
    "residents-with-low-incomes",
    "people-involved-in-the-criminal-legal-system",
];
const DOMAINS: &[&str] = &[
    "housing-affordability",
    "economic-inclusion",
    "digital-access",
    "employment-opportunities",
    "financial-security",
    "access-to-health-services",
    "transportation-access",
    "effective-public-education",
];
const KINDS: &[&str] = &[
    "formal-mou",
    "informal",
    "referral",
    "co-enrollment",
    "funding",
];

/// Writes a coalition of `n` organizations (at least 2) into the folder `dir`, which must exist.
pub fn network(n: usize, seed: u64, dir: &Path) -> std::io::Result<()> {
    let mut rng = Pcg64::seed_from_u64(seed);
    let hoods = (n / 200).max(1);
    let leaning: Vec<(Vec<&str>, Vec<&str>)> = (0..hoods)
        .map(|_| {
            let populations = POPULATIONS.sample(&mut rng, 3).copied().collect();
            (populations, DOMAINS.sample(&mut rng, 4).copied().collect())
        })
        .collect();
    let hood: Vec<usize> = (0..n).map(|_| rng.random_range(0..hoods)).collect();
    let mut organizations = String::from("id,name,type,status,populations,domains\n");
    for (i, &h) in hood.iter().enumerate() {
        let (kind, status) = match i {
            0 => ("workforce-board", "member"),
            _ => (
                *TYPES.choose(&mut rng).unwrap(),
                *STATUSES.choose(&mut rng).unwrap(),
            ),
        };
        let mut terms = |near: &[&'static str], all: &[&'static str], most: usize| {
            let count = rng.random_range(1..=most);
            let mut picked: Vec<&str> = (0..count)
                .map(|_| {
                    *if rng.random_bool(0.8) { near } else { all }
                        .choose(&mut rng)
                        .unwrap()
                })
                .collect();
            picked.sort_unstable();
            picked.dedup();
            picked.join(";")
        };
        let populations = terms(&leaning[h].0, POPULATIONS, 3);
        let domains = terms(&leaning[h].1, DOMAINS, 4);
        writeln!(
            organizations,
            "org-{i:06},Organization {i},{kind},{status},{populations},{domains}"
        )
        .unwrap();
    }
    let mut ends_in: Vec<Vec<usize>> = vec![Vec::new(); hoods];
    let mut ends: Vec<usize> = Vec::new();
    let mut partners: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut seen = HashSet::new();
    let mut partnerships = String::from("source,target,kind,strength\n");
    for i in 0..n {
        for k in 0..3 {
            let closing = k > 0 && !partners[i].is_empty() && rng.random_bool(0.5);
            let pool: &[usize] = if closing {
                partners[*partners[i].choose(&mut rng).unwrap()].as_slice()
            } else if rng.random_bool(0.8) && !ends_in[hood[i]].is_empty() {
                &ends_in[hood[i]]
            } else {
                &ends
            };
            let Some(&j) = pool.choose(&mut rng) else {
                break;
            };
            if j == i || !seen.insert((i.min(j), i.max(j))) {
                continue;
            }
            let (kind, strength) = (KINDS.choose(&mut rng).unwrap(), rng.random_range(1..=3));
            writeln!(partnerships, "org-{i:06},org-{j:06},{kind},{strength}").unwrap();
            partners[i].push(j);
            partners[j].push(i);
            for x in [i, j] {
                ends_in[hood[x]].push(x);
                ends.push(x);
            }
        }
        ends_in[hood[i]].push(i);
        ends.push(i);
    }
    let coalition = format!(
        "name = \"Generated coalition of {n} organizations\"\nconvener = \"org-000000\"\n\n[priorities]\npopulations = [\"people-with-disabilities\", \"english-language-learners\", \"young-people\"]\ndomains = [\"employment-opportunities\", \"digital-access\", \"transportation-access\"]\n"
    );
    std::fs::write(dir.join("coalition.toml"), coalition)?;
    std::fs::write(dir.join("organizations.csv"), organizations)?;
    std::fs::write(dir.join("partnerships.csv"), partnerships)
}
