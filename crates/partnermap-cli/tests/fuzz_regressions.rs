//! Every input the fuzzers found (`fuzz/regressions/`, one folder per target) through the same
//! check its fuzz target runs, so that a crash fixed stays fixed; and the seed corpus, the
//! bundled example and the real data sets' files, through the reader checks.

mod common;
use common::workspace_path;
use partnermap_testkit::fuzz;

#[test]
fn every_input_the_fuzzers_found_passes_its_check() {
    let ran = fuzz::run_regressions(&workspace_path("fuzz/regressions"));
    eprintln!("{ran} fuzz-found inputs checked");
}

#[test]
fn the_seed_files_pass_the_reader_checks() {
    let example = workspace_path("data/forest-city");
    let mut folder = Vec::new();
    for (i, name) in ["coalition.toml", "organizations.csv", "partnerships.csv"]
        .iter()
        .enumerate()
    {
        if i > 0 {
            folder.push(0xFF);
        }
        folder.extend(std::fs::read(example.join(name)).unwrap());
    }
    fuzz::read("folder", &folder);
    for name in ["Quote \"q\" =1+2 <script>", "nul\0ctl\u{7}", "a -> b {c}"] {
        fuzz::write_names(name.as_bytes());
    }
}
