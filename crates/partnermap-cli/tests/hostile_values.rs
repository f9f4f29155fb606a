//! Hostile values: names and notes as people paste them (quotes, braces, `->`, markup, `&`,
//! control characters, NUL, right-to-left marks, combining characters, emoji, formula prefixes,
//! a 1 MB name) through every writer. HTML and Markdown show them as text, DOT stays valid and
//! Graphviz draws the name, and no CSV cell starts a spreadsheet formula.

use std::path::Path;
use std::process::Command;

const CORPUS: &[&str] = &[
    "Quote \"q\" 's",
    "{braces} [brackets]",
    "a -> b -- c",
    "<script>alert(1)</script>",
    "Tom & Jerry &amp;",
    "ctl\u{1}\u{7}bell",
    "nul\u{0}byte",
    "\u{202e}right-to-left\u{200f} mark",
    "e\u{301}\u{301} combining",
    "emoji \u{1f389}\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}",
    "=HYPERLINK(\"http://example.com\",\"click\")",
    "+1 plus",
    "-2 minus",
    "@at sign",
    "\ttab first",
    "\rcarriage return first",
    "pipe | bar",
    "back\\slash \\N",
    "*star* _under_ `tick` # hash",
    "[link](http://example.com)",
];

/// A CSV field, quoted.
fn field(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// A project whose organizations are named (and noted, and contacted) by `names`.
fn project(dir: &Path, names: &[String]) {
    std::fs::write(
        dir.join("coalition.toml"),
        "name = \"<b>Hostile</b> & co\"\nconvener = \"o1\"\n[priorities]\npopulations = [\"Youth\"]\ndomains = [\"Housing affordability\"]\n",
    )
    .unwrap();
    let mut organizations = String::from("id,name,type,status,populations,domains,contact,notes\n");
    for (i, name) in names.iter().enumerate() {
        let status = if i % 3 == 0 { "potential" } else { "existing" };
        let populations = if i % 2 == 0 { "Youth" } else { "" };
        organizations += &format!(
            "o{i},{},community-based nonprofit,{status},{populations},Housing affordability,{},{}\n",
            field(name),
            field(name),
            field(name)
        );
    }
    std::fs::write(dir.join("organizations.csv"), organizations).unwrap();
    let mut partnerships = String::from("source,target,kind,notes\n");
    for (i, name) in names.iter().enumerate().skip(1) {
        partnerships += &format!("o{},o{i},referral,{}\n", i - 1, field(name));
    }
    std::fs::write(dir.join("partnerships.csv"), partnerships).unwrap();
}

fn partnermap(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_partnermap"))
        .env("NO_COLOR", "1")
        .arg("--quiet")
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[track_caller]
fn no_control_characters(what: &str, text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\t'))
        .collect();
    assert!(bad.is_empty(), "{what} holds control characters {bad:?}");
}

#[track_caller]
fn no_formula(what: &str, csv: &[u8]) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv);
    let mut cells = 0;
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            cells += 1;
            let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
            assert!(
                !risky || cell.parse::<f64>().is_ok(),
                "{what}: the cell {cell:?} starts a formula"
            );
        }
    }
    assert!(cells > 0, "{what} is empty");
}

/// Names as Graphviz and the HTML writer show them: control characters as spaces, runs of
/// white space as one.
fn shown(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What Graphviz draws for a label as `dot -Tjson` gives it (the attribute as written): escapes
/// resolved (`\\`, `\"`, a line break `\n`) and the `&amp;` the maps write for `&`.
fn drawn_text(label: &str) -> String {
    let mut text = String::new();
    let mut chars = label.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'l' | 'r') => text.push(' '),
                Some(other) => text.push(other),
                None => {}
            },
            (c, false) => text.push(c),
        }
    }
    text.replace("&amp;", "&")
}

#[test]
fn every_writer_shows_hostile_names_as_text_and_csv_starts_no_formula() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir(&input).unwrap();
    let names: Vec<String> = CORPUS.iter().map(|s| s.to_string()).collect();
    project(&input, &names);
    let input = input.to_str().unwrap();
    let out = dir.path().join("report");
    partnermap(&["report", input, "--out", out.to_str().unwrap()]);

    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    no_control_characters("report.html", &html);
    assert!(!html.contains("<script"), "report.html runs nothing");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;b&gt;Hostile&lt;/b&gt; &amp; co"));
    let markdown = std::fs::read_to_string(out.join("report.md")).unwrap();
    no_control_characters("report.md", &markdown);
    assert!(!markdown.contains("<script>") && markdown.contains(r"\<script\>alert(1)\</script\>"));
    for name in ["organizations.csv", "gaps.csv", "invite.csv"] {
        no_formula(name, &std::fs::read(out.join(name)).unwrap());
    }
    for command in [
        vec!["gaps", input, "--format", "csv"],
        vec!["metrics", input, "--format", "csv"],
        vec!["brokers", input, "--format", "csv"],
        vec!["invite", input, "--format", "csv"],
    ] {
        no_formula(&command.join(" "), partnermap(&command).as_bytes());
    }
    for command in [
        vec!["gaps", input],
        vec!["gaps", input, "--format", "md"],
        vec!["invite", input],
        vec!["brokers", input, "--format", "md"],
        vec!["metrics", input],
        vec!["validate", input],
    ] {
        no_control_characters(&command.join(" "), &partnermap(&command));
    }

    // DOT: Graphviz reads every map and draws each name as written.
    if Command::new("dot").arg("-V").output().is_err() {
        eprintln!("skipped the Graphviz half: dot is not installed");
        return;
    }
    let mut drawn = String::new();
    for map in ["landscape", "partnerships"] {
        let dot = out.join("maps").join(format!("{map}.dot"));
        let output = Command::new("dot")
            .args(["-Tjson"])
            .arg(&dot)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{map}.dot: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        for object in json["objects"].as_array().unwrap() {
            if let Some(label) = object["label"].as_str() {
                drawn += &shown(&drawn_text(label));
                drawn.push('\n');
            }
        }
    }
    for name in CORPUS {
        assert!(
            drawn.contains(&shown(name)),
            "the maps draw {name:?} as written"
        );
    }
}

#[test]
fn a_one_megabyte_name_goes_through_every_writer() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir(&input).unwrap();
    let long = "Very Long Name ".repeat(70_000);
    project(&input, &[long.clone(), "Short".into(), "Other".into()]);
    let out = dir.path().join("report");
    let input = input.to_str().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_partnermap"))
        .env("PARTNERMAP_NO_GRAPHVIZ", "1")
        .args(["--quiet", "report", input, "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains(long.trim()));
    no_formula(
        "gaps csv",
        partnermap(&["gaps", input, "--format", "csv"]).as_bytes(),
    );
}
