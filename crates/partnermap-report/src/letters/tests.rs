use super::*;
use std::path::Path;

fn forest_city() -> partnermap_core::Coalition {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/forest-city");
    partnermap_core::load(&folder).unwrap().coalition
}

#[test]
fn show() {
    let coalition = forest_city();
    let landscape = Landscape::build(&coalition);
    let plan = partnermap_analysis::invite::plan(&landscape, 5, true);
    let coverage = partnermap_analysis::coverage::coverage(&landscape);
    let letters = letters(&landscape, &coverage, &plan);
    let t = Template::builtin();
    for l in &letters {
        println!("=== {}\n{}", l.file, t.render(l).unwrap());
    }
}
