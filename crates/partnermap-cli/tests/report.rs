//! `partnermap report` driven through the real binary: the Markdown golden file, the files in
//! the folder, the safety rules, and the HTML page as a browser sees it.

mod common;

use assert_cmd::Command;
use common::{assert_golden, workspace_path};
use predicates::prelude::*;
use std::path::{Path, PathBuf};

const INJECTED: &str = "<script>alert(1)</script>";

/// The report command with Graphviz turned off, so results do not depend on whether `dot` is
/// installed on the machine running the tests.
fn report(input: &Path, out: &Path) -> Command {
    let mut command = Command::cargo_bin("partnermap").unwrap();
    command
        .arg("report")
        .arg(input)
        .arg("--out")
        .arg(out)
        .env("PARTNERMAP_NO_GRAPHVIZ", "1");
    command
}

/// A copy of the example in `dir`, optionally with an organization whose name is markup.
fn example_copy(dir: &Path, inject: bool) -> PathBuf {
    let data = dir.join("forest-city");
    std::fs::create_dir_all(&data).unwrap();
    for file in ["coalition.toml", "organizations.csv", "partnerships.csv"] {
        std::fs::copy(
            workspace_path("data/forest-city").join(file),
            data.join(file),
        )
        .unwrap();
    }
    if inject {
        let mut organizations = std::fs::read_to_string(data.join("organizations.csv")).unwrap();
        organizations.push_str(&format!(
            "injected,{INJECTED},nonprofit,existing,People experiencing housing instability or homelessness,Housing stability,,,,,\"<img src=x onerror=alert(2)>\",,,,,,,,\n"
        ));
        std::fs::write(data.join("organizations.csv"), organizations).unwrap();
        let mut partnerships = std::fs::read_to_string(data.join("partnerships.csv")).unwrap();
        partnerships.push_str("fc-wdb,injected,informal,2,,,\n");
        std::fs::write(data.join("partnerships.csv"), partnerships).unwrap();
    }
    data
}

#[test]
fn markdown_matches_the_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report");
    report(&workspace_path("data/forest-city"), &out)
        .arg("--quiet")
        .assert()
        .success()
        .stderr("");
    let markdown = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert_golden("report-forest-city.md", &markdown);
}

/// `--since` twice: what changed since the 2025 survey (the diff's tables and the change map)
/// and the three surveys over time (the trend's tables and chart).
#[test]
fn markdown_since_earlier_surveys_matches_the_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report");
    report(&workspace_path("data/forest-city"), &out)
        .arg("--since")
        .arg(workspace_path("data/forest-city-2024"))
        .arg("--since")
        .arg(workspace_path("data/forest-city-2025"))
        .arg("--quiet")
        .assert()
        .success()
        .stderr("");
    let markdown = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert_golden("report-forest-city-since.md", &markdown);
    assert!(markdown.contains("## What changed since 2025-11-01"));
    let change_map = std::fs::read_to_string(out.join("maps/changes.dot")).unwrap();
    assert!(change_map.contains("Northside Literacy\\nCouncil\\n[left]"));
    let chart = std::fs::read_to_string(out.join("maps/trend.svg")).unwrap();
    assert!(chart.starts_with("<svg"));
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("What changed since 2025-11-01"));
    assert!(html.contains("Members and partners providing each priority"));
}

#[test]
fn writes_every_file_and_the_maps_sources() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report");
    report(&workspace_path("data/forest-city"), &out)
        .assert()
        .success()
        .stdout(predicate::str::contains("report.html"));
    for file in [
        "report.html",
        "report.md",
        "metrics.json",
        "organizations.csv",
        "gaps.csv",
        "invite.csv",
    ] {
        assert!(out.join(file).is_file(), "{file} is missing");
    }
    let metrics: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    assert_eq!(metrics["network"]["organizations"], 31);
    assert_eq!(metrics["organizations"].as_array().unwrap().len(), 31);
    let organizations = std::fs::read_to_string(out.join("organizations.csv")).unwrap();
    assert_eq!(organizations.lines().count(), 1 + 31);
    assert!(organizations
        .lines()
        .next()
        .unwrap()
        .contains(",betweenness,"));
    let invite = std::fs::read_to_string(out.join("invite.csv")).unwrap();
    assert!(invite.contains("Forest City Transit Authority,"));
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("PARTNERMAP_NO_GRAPHVIZ"));
    assert!(html.contains("apt-get install graphviz"));
    // No leftovers from the staging folder next to --out.
    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(entries.len(), 1);
}

#[test]
fn output_is_the_same_on_every_run() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for out in [&a, &b] {
        report(&workspace_path("data/forest-city"), out)
            .assert()
            .success();
    }
    for file in [
        "report.html",
        "report.md",
        "metrics.json",
        "organizations.csv",
    ] {
        assert_eq!(
            std::fs::read(a.join(file)).unwrap(),
            std::fs::read(b.join(file)).unwrap(),
            "{file} differs between runs"
        );
    }
}

#[test]
fn refuses_to_write_over_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let data = example_copy(dir.path(), false);
    for out in [data.clone(), data.join("report"), dir.path().to_path_buf()] {
        report(&data, &out)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("refusing to write the report"));
    }
    assert!(!data.join("report").exists());
    assert_eq!(std::fs::read_dir(&data).unwrap().count(), 3);
}

#[test]
fn replaces_a_previous_report_but_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("thesis.docx"), "precious").unwrap();
    report(&workspace_path("data/forest-city"), &out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "does not look like a partnermap report",
        ));
    assert_eq!(
        std::fs::read_to_string(out.join("thesis.docx")).unwrap(),
        "precious"
    );
    std::fs::remove_file(out.join("thesis.docx")).unwrap();
    report(&workspace_path("data/forest-city"), &out)
        .assert()
        .success();
    std::fs::write(out.join("stale.txt"), "from last time").unwrap();
    report(&workspace_path("data/forest-city"), &out)
        .assert()
        .success();
    assert!(!out.join("stale.txt").exists());
    assert!(out.join("report.html").is_file());
}

/// Debian's `chromium`, or another Chromium on PATH.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

fn run_chromium(browser: &Path, profile: &Path, args: &[String]) -> std::process::Output {
    std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn html_has_every_section_and_keeps_injected_names_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let data = example_copy(dir.path(), true);
    let out = dir.path().join("report");
    report(&data, &out).assert().success();
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();

    // The page as written: the names are escaped and nothing can be fetched or run.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.contains("<img"));
    for external in ["http://", "https://", "@import", "url("] {
        assert!(!html.contains(external), "the page refers to {external}");
    }
    assert!(html.contains("@media print"));
    assert!(html.contains("name=\"viewport\""));

    let Some(browser) = chromium() else {
        eprintln!(
            "chromium is not installed: skipping the browser check (apt-get install chromium)"
        );
        return;
    };
    let page = format!("file://{}", out.join("report.html").display());
    let profile = tempfile::tempdir().unwrap();
    let dump = run_chromium(
        &browser,
        profile.path(),
        &["--dump-dom".to_string(), page.clone()],
    );
    assert!(dump.status.success(), "{dump:?}");
    let dom = String::from_utf8(dump.stdout).unwrap();
    for id in [
        "coalition",
        "coverage",
        "table-1",
        "table-2",
        "table-3",
        "table-4",
        "brokers",
        "metrics",
        "maps",
    ] {
        assert!(
            dom.contains(&format!("<section id=\"{id}\">")),
            "section {id} is missing"
        );
    }
    for heading in [
        "Table 1. Existing partners",
        "Table 2. Potential partners",
        "Table 3. How each partner benefits the coalition",
        "Table 4. Invite plan",
        "Population × domain",
        "Density 0.",
        "Warm introductions: People involved in the criminal legal system",
    ] {
        assert!(dom.contains(heading), "{heading} is missing");
    }
    // Priorities, gaps, the heat table, Tables 1 to 4 and the organizations' metrics.
    assert_eq!(dom.matches("<table").count(), 8, "a table is missing");
    assert!(dom.contains("<table class=\"heat\">"));
    assert!(dom.contains("<td class=\"uncovered\">"));
    for map in ["landscape", "coverage", "partnerships"] {
        assert!(
            dom.contains(&format!("Graphviz source: maps/{map}.dot")),
            "map {map} is missing"
        );
    }
    // The browser parsed the injected names as text: they are still escaped in the DOM and
    // no script or image element exists.
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!dom.to_lowercase().contains("<script"));
    assert!(!dom.contains("<img"));

    let screenshot = out.join("screenshot.png");
    let shot = run_chromium(
        &browser,
        profile.path(),
        &[
            format!("--screenshot={}", screenshot.display()),
            "--window-size=1280,2400".to_string(),
            "--hide-scrollbars".to_string(),
            page,
        ],
    );
    assert!(shot.status.success(), "{shot:?}");
    let png = std::fs::read(&screenshot).unwrap();
    assert!(png.starts_with(b"\x89PNG"), "the screenshot is not a PNG");
    assert!(png.len() > 20_000, "the screenshot looks blank");
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

#[test]
fn maps_are_inline_svg_when_graphviz_is_installed() {
    if !on_path("dot") {
        eprintln!("Graphviz is not installed: skipping the drawn maps (apt-get install graphviz)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = example_copy(dir.path(), true);
    let out = dir.path().join("report");
    let mut command = Command::cargo_bin("partnermap").unwrap();
    command
        .args(["report", "--quiet", "--out"])
        .arg(&out)
        .arg(&data)
        .env_remove("PARTNERMAP_NO_GRAPHVIZ")
        .assert()
        .success();
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    // The gap picture on the first page, then the three maps.
    assert_eq!(html.matches("<figure class=\"map\">\n<svg").count(), 4);
    let first_page = &html[..html.find("<section id=\"coverage\">").unwrap()];
    assert_eq!(
        first_page.matches("<figure class=\"map\">\n<svg").count(),
        1
    );
    // The injected organization is the one provider of homelessness services: named, as text.
    assert!(first_page.contains("thin: 1 provider"));
    assert!(first_page.contains("&lt;script&gt;alert(1)&lt;/script&gt;</text>"));
    assert!(
        !html.contains("<?xml"),
        "the SVG's XML declaration must not be inlined"
    );
    assert!(!html.contains("apt-get install graphviz"));
    let markdown = std::fs::read_to_string(out.join("report.md")).unwrap();
    for map in ["gaps", "landscape", "coverage", "partnerships"] {
        for extension in ["dot", "svg", "png"] {
            assert!(out.join(format!("maps/{map}.{extension}")).is_file());
        }
        assert!(markdown.contains(&format!("](maps/{map}.svg)")));
    }
}

/// Every value of `attribute="…"` in `html`, in order.
fn attribute_values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let opening = format!("{attribute}=\"");
    html.match_indices(&opening)
        .filter(|(at, _)| {
            // A whole attribute name, not the end of a longer one (`data-id`, `xlink:href` is
            // asked for by its full name).
            html[..*at]
                .chars()
                .last()
                .is_some_and(|c| c.is_whitespace())
        })
        .filter_map(|(at, _)| {
            let value = &html[at + opening.len()..];
            value.find('"').map(|end| &value[..end])
        })
        .collect()
}

#[test]
fn map_nodes_and_table_rows_link_to_each_other_in_the_browser() {
    if !on_path("dot") {
        eprintln!("Graphviz is not installed: skipping the map links (apt-get install graphviz)");
        return;
    }
    let Some(browser) = chromium() else {
        eprintln!("chromium is not installed: skipping the map links (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let data = example_copy(dir.path(), true);
    let out = dir.path().join("report");
    Command::cargo_bin("partnermap")
        .unwrap()
        .args(["report", "--quiet", "--out"])
        .arg(&out)
        .arg(&data)
        .env_remove("PARTNERMAP_NO_GRAPHVIZ")
        .assert()
        .success();
    let profile = tempfile::tempdir().unwrap();
    let page = format!("file://{}", out.join("report.html").display());
    let dump = run_chromium(&browser, profile.path(), &["--dump-dom".to_string(), page]);
    assert!(dump.status.success(), "{dump:?}");
    let dom = String::from_utf8(dump.stdout).unwrap();

    let ids: std::collections::BTreeSet<&str> = attribute_values(&dom, "id").into_iter().collect();
    let mut targets: Vec<&str> = attribute_values(&dom, "xlink:href");
    targets.extend(attribute_values(&dom, "href"));
    let targets: Vec<&str> = targets
        .into_iter()
        .filter_map(|t| t.strip_prefix('#'))
        .collect();
    for target in &targets {
        assert!(ids.contains(target), "#{target} leads nowhere");
    }
    // 32 organizations (the example's 31 and the injected one); each has one row, and the
    // landscape and partnership maps show them all, the coverage map those serving someone.
    let rows: Vec<&&str> = ids.iter().filter(|id| id.starts_with("org-")).collect();
    assert_eq!(rows.len(), 32);
    let to_rows = targets.iter().filter(|t| t.starts_with("org-")).count();
    let to_nodes = |map: &str| {
        targets
            .iter()
            .filter(|t| t.starts_with(&format!("{map}-org-")))
            .count()
    };
    assert_eq!(to_nodes("landscape"), 32);
    assert_eq!(to_nodes("partnerships"), 32);
    assert!(to_nodes("coverage") > 20);
    assert_eq!(
        to_rows,
        to_nodes("landscape") + to_nodes("partnerships") + to_nodes("coverage"),
        "every node drawn links to its row"
    );
    assert!(ids.contains("landscape-org-injected") && ids.contains("org-injected"));
}
