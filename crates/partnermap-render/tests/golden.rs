//! Golden DOT for every view of the Forest City example, byte for byte, and proof that
//! Graphviz draws each one without a complaint. `UPDATE_GOLDEN=1 cargo test` rewrites the
//! golden files after an intended change; review the diff before committing it.

use partnermap_core::Coalition;
use partnermap_core::Landscape;
use partnermap_render::{to_dot, Annotations, Coverage, CoverageClass, GroupBy, MapOptions, View};
use partnermap_testkit::assert_golden;
use std::path::{Path, PathBuf};
use std::process::Command;

fn forest_city() -> Coalition {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/forest-city");
    partnermap_core::load(&folder)
        .expect("the example loads")
        .coalition
}

fn index(coalition: &Coalition, id: &str) -> usize {
    Landscape::build(coalition)
        .organization(id)
        .expect("known id")
}

/// Fixed annotations standing in for an analysis, so every mark the renderer can draw
/// appears in some golden file.
fn annotations(coalition: &Coalition) -> Annotations {
    let mut annotations = Annotations::default_for(coalition);
    for (id, centrality) in [("fc-ajc", 0.62), ("fc-wdb", 0.48), ("greater-hope", 0.41)] {
        annotations.centrality[index(coalition, id)] = centrality;
    }
    for id in ["fc-ajc", "greater-hope"] {
        annotations.brokers[index(coalition, id)] = true;
    }
    for id in ["fc-wdb", "greater-hope", "library"] {
        annotations.cut_points[index(coalition, id)] = true;
    }
    let classes = [
        (CoverageClass::Covered, 5),
        (CoverageClass::Covered, 3),
        (CoverageClass::Covered, 5),
        (CoverageClass::Thin, 1),
        (CoverageClass::Uncovered, 0),
        (CoverageClass::Covered, 6),
        (CoverageClass::Reachable, 0),
        (CoverageClass::Covered, 17),
    ];
    annotations.coverage = classes
        .iter()
        .map(|&(class, providers)| Some(Coverage { class, providers }))
        .collect();
    let wdb = index(coalition, "fc-wdb");
    let ajc = index(coalition, "fc-ajc");
    annotations.paths = vec![
        vec![wdb, ajc, index(coalition, "ability-works")],
        vec![wdb, ajc, index(coalition, "goodwill")],
        vec![
            wdb,
            index(coalition, "library"),
            index(coalition, "transit"),
        ],
    ];
    annotations
}

/// Every view once, plus the groupings, named as their golden files.
fn maps(coalition: &Coalition) -> Vec<(&'static str, MapOptions)> {
    let ego = View::Ego {
        org: index(coalition, "fc-ajc"),
        depth: 2,
    };
    let population = View::Population {
        population: "people-with-disabilities".to_string(),
    };
    let mut by_type = MapOptions::new(View::Partnerships);
    by_type.group_by = GroupBy::Type;
    let mut by_status = MapOptions::new(View::Coverage);
    by_status.group_by = GroupBy::Status;
    let mut top = MapOptions::new(View::Landscape);
    top.top = Some(8);
    vec![
        ("landscape", MapOptions::new(View::Landscape)),
        ("partnerships", MapOptions::new(View::Partnerships)),
        ("coverage", MapOptions::new(View::Coverage)),
        ("ego", MapOptions::new(ego)),
        ("population", MapOptions::new(population)),
        ("partnerships-by-type", by_type),
        ("coverage-by-status", by_status),
        ("landscape-top-8", top),
    ]
}

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.dot"))
}

#[test]
fn every_view_matches_its_golden_file() {
    let coalition = forest_city();
    let annotations = annotations(&coalition);
    for (name, options) in maps(&coalition) {
        assert_golden(
            golden(name),
            &to_dot(&Landscape::build(&coalition), &annotations, &options),
        );
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let coalition = forest_city();
    let annotations = annotations(&coalition);
    for (_, options) in maps(&coalition) {
        assert_eq!(
            to_dot(&Landscape::build(&coalition), &annotations, &options),
            to_dot(
                &Landscape::build(&coalition.clone()),
                &annotations.clone(),
                &options.clone()
            )
        );
    }
}

#[test]
fn maps_without_analysis_still_parse() {
    let coalition = forest_city();
    let neutral = Annotations::default_for(&coalition);
    for (name, options) in maps(&coalition) {
        let dot = to_dot(&Landscape::build(&coalition), &neutral, &options);
        assert!(graphviz_rust::parse(&dot).is_ok(), "{name} does not parse");
    }
}

fn dot_available() -> bool {
    Command::new("dot").arg("-V").output().is_ok()
}

#[test]
fn graphviz_draws_every_view_without_warnings() {
    if !dot_available() {
        eprintln!("note: Graphviz's dot is not installed; checked the DOT only (CI installs it)");
        return;
    }
    let coalition = forest_city();
    let annotations = annotations(&coalition);
    let folder = tempfile::tempdir().unwrap();
    let folder = folder.path();
    for (name, options) in maps(&coalition) {
        let input = folder.join(format!("{name}.dot"));
        std::fs::write(
            &input,
            to_dot(&Landscape::build(&coalition), &annotations, &options),
        )
        .unwrap();
        for format in ["svg", "png"] {
            let output = Command::new("dot")
                .arg(format!("-T{format}"))
                .arg(&input)
                .output()
                .expect("dot runs");
            assert!(output.status.success(), "{name}.{format} failed");
            assert!(!output.stdout.is_empty(), "{name}.{format} is empty");
            assert!(
                output.stderr.is_empty(),
                "dot warned on {name}.{format}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
}

/// A chain-and-branches network of `n` organizations, each tied to an earlier one.
fn large(n: usize) -> Coalition {
    use partnermap_core::{Organization, OrganizationType, Partnership, PartnershipKind};
    let mut coalition = Coalition::new("Large");
    coalition.priorities.populations.push("young-people".into());
    for i in 0..n {
        let kind = OrganizationType::ALL[i % OrganizationType::ALL.len()];
        coalition.organizations.push(Organization::new(
            &format!("o{i}"),
            &format!("Organization {i}"),
            kind,
        ));
        if i > 0 {
            coalition.partnerships.push(Partnership {
                source: format!("o{i}"),
                target: format!("o{}", (i * 7) % i),
                kind: PartnershipKind::ALL[i % PartnershipKind::ALL.len()],
                strength: (i % 3) as u8 + 1,
                directed: i % 2 == 0,
                since: None,
                notes: None,
                weight: None,
                trust: None,
                value: None,
                frequency: None,
                relation: None,
                attributes: Default::default(),
            });
        }
    }
    coalition
}

#[test]
fn large_networks_switch_engine_and_top_keeps_them_small() {
    let coalition = large(400);
    let mut annotations = Annotations::default_for(&coalition);
    for (i, c) in annotations.centrality.iter_mut().enumerate() {
        *c = (i % 97) as f64 / 96.0;
    }
    let mut options = MapOptions::new(View::Landscape);
    assert_eq!(
        partnermap_render::layout_for(&Landscape::build(&coalition), &annotations, &options),
        partnermap_render::Layout::Sfdp
    );
    let dot = to_dot(&Landscape::build(&coalition), &annotations, &options);
    options.top = Some(20);
    let top = to_dot(&Landscape::build(&coalition), &annotations, &options);
    assert_eq!(
        partnermap_render::layout_for(&Landscape::build(&coalition), &annotations, &options),
        partnermap_render::Layout::Dot
    );
    // The 20 most central are those at 96/96, 95/96, … : indices 96, 193, 290, 387, then 95…
    assert!(top.contains("o96[") && top.contains("o387[") && !top.contains("o0["));
    assert_eq!(top.matches("[label=\"Organization ").count(), 20);
    assert!(top.contains("Young people"));
    if !dot_available() {
        eprintln!("note: Graphviz's dot is not installed; checked the DOT only");
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("large.dot");
    std::fs::write(&input, dot).unwrap();
    let output = Command::new("dot")
        .arg("-Tsvg")
        .arg(&input)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
