//! Golden DOT for every view of the Forest City example, byte for byte, and proof that
//! Graphviz draws each one without a complaint. `UPDATE_GOLDEN=1 cargo test` rewrites the
//! golden files after an intended change; review the diff before committing it.

use partnermap_core::Coalition;
use partnermap_core::Landscape;
use partnermap_render::{
    to_dot, Annotations, BrokerRank, Coverage, CoverageClass, GroupBy, Layout, MapOptions, View,
};
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
    // Seven ranked brokers: a map of up to fifty organizations marks the first five it shows.
    let ranking = [
        "fc-ajc",
        "greater-hope",
        "fc-wdb",
        "library",
        "chamber",
        "interfaith-pantry",
        "st-marks",
    ];
    for (place, id) in ranking.into_iter().enumerate() {
        annotations.brokers[index(coalition, id)] = Some(BrokerRank {
            place,
            reason: format!("bridges {} groups & <more>", 7 - place),
        });
    }
    // A cut point that strands one partner is not marked; those that strand more are.
    for (id, stranded) in [("fc-wdb", 3), ("greater-hope", 2), ("library", 1)] {
        annotations.cut_off[index(coalition, id)] = stranded;
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
    let mut slide = MapOptions::new(View::Coverage);
    slide.aspect = Some(partnermap_render::Aspect::Wide);
    slide.page = Some("coverage".to_string());
    vec![
        ("landscape", MapOptions::new(View::Landscape)),
        ("partnerships", MapOptions::new(View::Partnerships)),
        ("coverage", MapOptions::new(View::Coverage)),
        ("ego", MapOptions::new(ego)),
        ("population", MapOptions::new(population)),
        ("partnerships-by-type", by_type),
        ("coverage-by-status", by_status),
        ("landscape-top-8", top),
        ("coverage-16x9-in-a-page", slide),
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

/// The map as Graphviz lays it out (`dot -Tjson`): every object's attributes, positions and
/// bounding boxes.
fn laid_out(dot: &str, engine: Layout) -> serde_json::Value {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("map.dot");
    std::fs::write(&input, dot).unwrap();
    let output = Command::new("dot")
        .arg("-Tjson")
        .arg(format!("-K{engine}"))
        .arg(&input)
        .output()
        .expect("dot runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("dot writes JSON")
}

fn number(value: &serde_json::Value, key: &str) -> f64 {
    value[key]
        .as_str()
        .and_then(|text| text.parse().ok())
        .unwrap_or_else(|| panic!("{key} is missing in {value}"))
}

/// Organization nodes (named `o<index>`) of a laid-out map.
fn organization_nodes(graph: &serde_json::Value) -> Vec<&serde_json::Value> {
    graph["objects"]
        .as_array()
        .map(|objects| {
            objects
                .iter()
                .filter(|o| {
                    o["name"].as_str().is_some_and(|name| {
                        name.strip_prefix('o')
                            .is_some_and(|rest| rest.parse::<usize>().is_ok())
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_key_takes_at_most_a_fifth_of_the_picture_under_every_engine() {
    if !dot_available() {
        eprintln!("note: Graphviz's dot is not installed; key sizes not measured (CI installs it)");
        return;
    }
    let coalition = forest_city();
    let annotations = annotations(&coalition);
    let landscape = Landscape::build(&coalition);
    for (name, mut options) in maps(&coalition) {
        for engine in Layout::ALL {
            options.layout = Some(engine);
            let graph = laid_out(&to_dot(&landscape, &annotations, &options), engine);
            let bb: Vec<f64> = graph["bb"]
                .as_str()
                .unwrap()
                .split(',')
                .map(|x| x.parse().unwrap())
                .collect();
            let picture = (bb[2] - bb[0]) * (bb[3] - bb[1]);
            // The key is the graph's label; Graphviz reports its size in inches.
            let key = number(&graph, "lwidth") * number(&graph, "lheight") * 72.0 * 72.0;
            assert!(
                key <= picture / 5.0,
                "{name} with {engine}: the key is {:.0}% of the picture",
                100.0 * key / picture
            );
        }
    }
}

#[test]
fn the_ego_views_organization_is_drawn_as_no_other_node() {
    if !dot_available() {
        eprintln!("note: Graphviz's dot is not installed; ego style not checked (CI installs it)");
        return;
    }
    let coalition = forest_city();
    let annotations = annotations(&coalition);
    let ajc = index(&coalition, "fc-ajc");
    let options = MapOptions::new(View::Ego { org: ajc, depth: 2 });
    let graph = laid_out(
        &to_dot(&Landscape::build(&coalition), &annotations, &options),
        Layout::Dot,
    );
    let style = |node: &serde_json::Value| -> Vec<String> {
        [
            "shape",
            "style",
            "penwidth",
            "color",
            "peripheries",
            "fontsize",
        ]
        .iter()
        .map(|key| node[*key].as_str().unwrap_or("").to_string())
        .collect()
    };
    let nodes = organization_nodes(&graph);
    assert_eq!(
        nodes.len(),
        22,
        "the Job Center and everyone two steps away"
    );
    let focus = nodes
        .iter()
        .find(|n| n["name"] == format!("o{ajc}"))
        .expect("the Job Center is drawn");
    let others: Vec<_> = graph["objects"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o.get("pos").is_some() && o["name"] != format!("o{ajc}"))
        .collect();
    assert!(others.len() >= 21);
    for other in others {
        assert_ne!(
            style(focus),
            style(other),
            "{} looks like the focus",
            other["name"]
        );
    }
}

/// How many organizations a laid-out map marks as brokers (the double outline).
fn marked_brokers(graph: &serde_json::Value) -> usize {
    organization_nodes(graph)
        .iter()
        .filter(|n| n["peripheries"] == "2")
        .count()
}

#[test]
fn no_map_marks_more_than_five_brokers_or_a_tenth_of_a_large_one() {
    if !dot_available() {
        eprintln!("note: Graphviz's dot is not installed; marks not counted (CI installs it)");
        return;
    }
    let coalition = forest_city();
    let annotations = annotations(&coalition);
    let landscape = Landscape::build(&coalition);
    for (name, options) in maps(&coalition) {
        let graph = laid_out(&to_dot(&landscape, &annotations, &options), Layout::Dot);
        let shown = organization_nodes(&graph).len();
        let marked = marked_brokers(&graph);
        assert!(marked <= 5, "{name} marks {marked} brokers");
        // Seven are ranked, so every map showing five of them marks exactly five.
        if name == "landscape" {
            assert_eq!((shown, marked), (31, 5));
        }
    }
    // Every organization ranked: 400 on the map, 60 of them with --top 60.
    let large = large(400);
    let mut annotations = Annotations::default_for(&large);
    for (place, rank) in annotations.brokers.iter_mut().enumerate() {
        *rank = Some(BrokerRank {
            place,
            reason: "ranked".to_string(),
        });
    }
    let landscape = Landscape::build(&large);
    for (top, expected) in [(None, 40), (Some(60), 6), (Some(20), 5)] {
        let mut options = MapOptions::new(View::Partnerships);
        options.top = top;
        let graph = laid_out(&to_dot(&landscape, &annotations, &options), Layout::Sfdp);
        assert_eq!(marked_brokers(&graph), expected, "top {top:?}");
    }
}

#[test]
fn every_organization_node_says_what_it_is_on_hover() {
    if !dot_available() {
        eprintln!("note: Graphviz's dot is not installed; tooltips not checked (CI installs it)");
        return;
    }
    let coalition = forest_city();
    let annotations = annotations(&coalition);
    let landscape = Landscape::build(&coalition);
    for (name, options) in maps(&coalition) {
        let graph = laid_out(&to_dot(&landscape, &annotations, &options), Layout::Dot);
        let nodes = organization_nodes(&graph);
        assert!(!nodes.is_empty(), "{name} draws no organization");
        for node in nodes {
            let tooltip = node["tooltip"].as_str().unwrap_or("");
            assert!(
                tooltip.contains("Serves: ") && tooltip.contains("Partners: "),
                "{name}: {} has the tooltip {tooltip:?}",
                node["name"]
            );
        }
    }
    let ajc = index(&coalition, "fc-ajc");
    let graph = laid_out(
        &to_dot(
            &landscape,
            &annotations,
            &MapOptions::new(View::Partnerships),
        ),
        Layout::Dot,
    );
    let tooltip = organization_nodes(&graph)
        .into_iter()
        .find(|n| n["name"] == format!("o{ajc}"))
        .and_then(|n| n["tooltip"].as_str())
        .unwrap()
        .to_string();
    // As the DOT holds it: Graphviz turns \n into line breaks and &amp; into & when drawing.
    let lines = [
        "Forest City American Job Center",
        "American Job Center, member",
        "Serves: Residents with low incomes, People with disabilities, Young people, People of color",
        "Works in: Employment opportunities, Opportunities for income",
        "Partners: 7; betweenness rank 1 of 31",
        "Broker no. 1: bridges 7 groups &amp; <more>",
    ];
    assert_eq!(tooltip, lines.join("\\n"));
}
