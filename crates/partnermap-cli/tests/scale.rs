//! Output a person can still read at any size: the report of a generated 20,000-organization
//! network stays under 5 MB, and every table in it either lists all its rows or says how many
//! it leaves out, and where they all are. Not timed: speed is measured in benchmarks
//! (docs/performance.md).

use assert_cmd::Command;
use partnermap_core::{Coalition, Status};

/// Each `<table>` of the page: the `id` of its section, its body rows, and the N of the
/// "and N more: all of them in …" note right after it, if any.
fn tables(html: &str) -> Vec<(String, usize, Option<usize>)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<table") {
        let section = rest[..start].rfind("<section id=\"").map(|at| {
            let id = &rest[at + 13..];
            id[..id.find('"').unwrap()].to_string()
        });
        let end = start + rest[start..].find("</table>").unwrap();
        let body = &rest[start..end];
        let rows = body[body.find("<tbody>").unwrap()..].matches("<tr").count();
        let after = rest[end..].trim_start_matches("</table>\n</div>\n");
        let more = after
            .strip_prefix("<p class=\"note\">and ")
            .map(|note| note[..note.find(' ').unwrap()].parse().unwrap());
        found.push((section.unwrap_or_default(), rows, more));
        rest = &rest[end..];
    }
    found
}

#[test]
fn the_report_of_20000_organizations_stays_readable() {
    let dir = tempfile::tempdir().unwrap();
    let network = dir.path().join("network");
    std::fs::create_dir(&network).unwrap();
    partnermap_testkit::generate::network(20_000, 1, &network).unwrap();
    let out = dir.path().join("report");
    Command::cargo_bin("partnermap")
        .unwrap()
        .arg("report")
        .arg(&network)
        .arg("--out")
        .arg(&out)
        .env("PARTNERMAP_NO_GRAPHVIZ", "1")
        .assert()
        .success();
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        html.len() < 5_000_000,
        "report.html is {} bytes",
        html.len()
    );
    let markdown = std::fs::metadata(out.join("report.md")).unwrap().len();
    assert!(markdown < 5_000_000, "report.md is {markdown} bytes");

    let coalition: Coalition = partnermap_core::load(&network).unwrap().coalition;
    let count = |keep: &dyn Fn(Status) -> bool| {
        coalition
            .organizations
            .iter()
            .filter(|o| keep(o.status))
            .count()
    };
    let priorities = &coalition.priorities;
    let longest = [
        &priorities.populations,
        &priorities.domains,
        &priorities.assets,
    ]
    .iter()
    .map(|terms| terms.len())
    .max()
    .unwrap();
    let expected = [
        ("coalition", longest),
        ("coverage", priorities.populations.len()),
        ("table-1", count(&|s| s.is_in_network())),
        ("table-2", count(&|s| !s.is_in_network())),
        ("table-3", count(&|s| s != Status::KeepInformed)),
        ("metrics", coalition.organizations.len()),
    ];
    let found = tables(&html);
    assert_eq!(found.len(), expected.len(), "{found:?}");
    for ((section, rows, more), (id, total)) in found.iter().zip(expected) {
        assert_eq!(section, id);
        assert_eq!(
            rows + more.unwrap_or(0),
            total,
            "{section}: {rows} rows and {more:?} more"
        );
        assert!(*rows <= 100, "{section} shows {rows} rows");
        assert_eq!(more.is_some(), *rows < total, "{section}");
    }
}
