//! The trend over Forest City's three surveys (2024, 2025, 2026) as the chart draws it: SVG that
//! parses as XML, one line per series with a point per survey, the same bytes on every run; and
//! the report's "What changed since" section.

use partnermap_core::{Coalition, Landscape};
use partnermap_report::chart::{lines, trend_chart};
use partnermap_report::history::history;
use partnermap_report::{analyse, analyse_network, markdown, Options};
use std::path::Path;

fn load(folder: &str) -> Coalition {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(folder);
    partnermap_core::load(&path)
        .expect("the example loads")
        .coalition
}

fn surveys() -> Vec<Coalition> {
    [
        "data/forest-city-2024",
        "data/forest-city-2025",
        "data/forest-city",
    ]
    .map(load)
    .into()
}

#[test]
fn the_chart_has_one_line_per_series_with_a_point_per_survey() {
    let surveys = surveys();
    let landscapes: Vec<Landscape> = surveys.iter().map(Landscape::build).collect();
    let trend = partnermap_analysis::trend::trend(&landscapes);
    let svg = trend_chart(&trend).unwrap();
    assert_eq!(
        svg,
        trend_chart(&trend).unwrap(),
        "the same bytes every time"
    );
    let (network, priorities) = lines(&trend);
    let series = network.len() + priorities.len();
    assert_eq!(network.len(), 2);
    assert_eq!(priorities.len(), trend.priorities.len());
    let mut reader = quick_xml::Reader::from_str(&svg);
    let mut polylines = Vec::new();
    let mut texts = Vec::new();
    loop {
        match reader.read_event().expect("the chart is well-formed XML") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                let series_line = e
                    .try_get_attribute("stroke-width")
                    .unwrap()
                    .is_some_and(|w| w.value.as_ref() == b"2");
                if e.name().as_ref() == b"polyline" && series_line {
                    let points = e
                        .try_get_attribute("points")
                        .unwrap()
                        .expect("a polyline has points");
                    let points = String::from_utf8_lossy(&points.value)
                        .split_whitespace()
                        .count();
                    polylines.push(points);
                }
            }
            quick_xml::events::Event::Text(t) => texts.push(t.decode().unwrap().into_owned()),
            _ => {}
        }
    }
    assert_eq!(polylines.len(), series, "one polyline per series");
    assert!(polylines.iter().all(|&points| points == 3), "{polylines:?}");
    for label in ["2024-11-01", "2025-11-01", "2026-11-01", "partnerships"] {
        assert!(
            texts.iter().any(|t| t.trim() == label),
            "{label} is written"
        );
    }
}

#[test]
fn the_report_says_what_changed_since_the_last_survey_and_over_time() {
    let surveys = surveys();
    let landscapes: Vec<Landscape> = surveys.iter().map(Landscape::build).collect();
    let now = &landscapes[2];
    let mut analysis = analyse(now, &Options::default());
    analysis.history = history(&landscapes[..2], now, &analyse_network(now), false).unwrap();
    let document = partnermap_report::document(now, &analysis, &[]);
    let section = &document.sections[1];
    assert_eq!(section.id, "changes");
    assert_eq!(section.title, "What changed since 2025-11-01");
    let text = markdown::render(&document);
    assert!(text.contains("**Northside Literacy Council**: left"));
    assert!(text.contains("maps/changes.dot"));
    assert!(text.contains("![Organizations and partnerships, and how many"));
    let files = partnermap_report::files(now, &analysis, &[]);
    let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert!(names.contains(&"maps/changes.dot") && names.contains(&"maps/trend.svg"));
}

#[test]
fn a_hostile_date_is_inert_in_the_csv_and_well_formed_in_the_chart() {
    let mut coalitions = surveys();
    coalitions[0].as_of = Some("=HYPERLINK(\"x\")\u{1}<b>".to_string());
    let landscapes: Vec<Landscape> = coalitions.iter().map(Landscape::build).collect();
    let trend = partnermap_analysis::trend::trend(&landscapes);
    let csv = String::from_utf8(partnermap_report::tables::trend(&trend)).unwrap();
    assert!(
        csv.starts_with("section,subject,field,\"'=HYPERLINK"),
        "{}",
        csv.lines().next().unwrap()
    );
    let svg = trend_chart(&trend).unwrap();
    let mut reader = quick_xml::Reader::from_str(&svg);
    while !matches!(
        reader.read_event().expect("well-formed XML"),
        quick_xml::events::Event::Eof
    ) {}
    assert!(svg.contains("=HYPERLINK(&quot;x&quot;) &lt;b&gt;"));
}
