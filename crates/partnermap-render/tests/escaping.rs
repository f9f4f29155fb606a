//! Organization names are whatever people typed into a spreadsheet. Whatever they are, the
//! DOT must parse, must not grow extra nodes or edges, and Graphviz must draw the name.

use graphviz_rust::dot_structures::{Graph, Id, Stmt};
use partnermap_core::{Coalition, Organization, OrganizationType, Partnership, PartnershipKind};
use partnermap_render::{quote_label, to_dot, Annotations, MapOptions, View};
use proptest::prelude::*;
use std::io::Write;
use std::process::{Command, Stdio};

fn coalition_with(name: &str) -> Coalition {
    let mut coalition = Coalition::new(name);
    coalition.as_of = Some(name.to_string());
    let mut odd = Organization::new("odd", name, OrganizationType::Other);
    odd.populations.push("young-people".into());
    coalition.priorities.populations.push("young-people".into());
    coalition.organizations.push(odd);
    coalition.organizations.push(Organization::new(
        "plain",
        "Plain",
        OrganizationType::School,
    ));
    coalition.partnerships.push(Partnership {
        source: "odd".into(),
        target: "plain".into(),
        kind: PartnershipKind::Referral,
        strength: 2,
        directed: true,
        since: None,
        notes: None,
        weight: None,
        trust: None,
        value: None,
        frequency: None,
        relation: None,
        attributes: Default::default(),
    });
    coalition
}

fn dot_for(name: &str) -> String {
    let coalition = coalition_with(name);
    to_dot(
        &partnermap_core::Landscape::build(&coalition),
        &Annotations::default_for(&coalition),
        &MapOptions::new(View::Landscape),
    )
}

/// Long names are wrapped at spaces; the characters are otherwise the name's own.
fn unwrapped(quoted: &str) -> String {
    quoted.replace("\\n", " ")
}

/// The label of node `o0` and the number of edges outside the legend, as parsed.
fn organization_label_and_edges(graph: &Graph) -> (Option<String>, usize) {
    let Graph::DiGraph { stmts, .. } = graph else {
        panic!("maps are digraphs")
    };
    let mut label = None;
    let mut edges = 0;
    for stmt in stmts {
        match stmt {
            Stmt::Node(node) if node.id.0 == Id::Plain("o0".into()) => {
                label = node.attributes.iter().find_map(|a| match (&a.0, &a.1) {
                    (Id::Plain(key), Id::Escaped(value)) if key == "label" => Some(value.clone()),
                    _ => None,
                });
            }
            Stmt::Edge(_) => edges += 1,
            _ => {}
        }
    }
    (label, edges)
}

fn graphviz_svg(dot: &str) -> Option<(bool, String)> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(dot.as_bytes())
        .expect("dot reads its input");
    let output = child.wait_with_output().expect("dot finishes");
    Some((
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    ))
}

#[test]
fn an_injection_attempt_stays_one_label() {
    let name = "x\"]; a -> b; c [label=\"";
    let dot = dot_for(name);
    let graph = graphviz_rust::parse(&dot).expect("parses");
    let (label, edges) = organization_label_and_edges(&graph);
    assert_eq!(label, Some(quote_label(name)));
    assert_eq!(
        edges, 2,
        "one serves edge and one partnership, nothing injected"
    );
    match graphviz_svg(&dot) {
        Some((ok, svg)) => {
            assert!(ok);
            assert!(
                svg.contains("x&quot;]; a &#45;&gt; b; c [label=&quot;"),
                "{svg}"
            );
        }
        None => eprintln!("note: Graphviz's dot is not installed; checked the DOT only"),
    }
}

#[test]
fn markup_backslashes_emoji_and_right_to_left_text_show_as_written() {
    for (name, shown) in [
        ("AT&T <Foundation>", "AT&amp;T &lt;Foundation&gt;"),
        (r"C:\N\G\l path\", r"C:\N\G\l path\"),
        ("Food 🥫 Bank", "Food 🥫 Bank"),
        ("جمعية الخير", "جمعية الخير"),
        ("&amp; literally", "&amp;amp; literally"),
    ] {
        let dot = dot_for(name);
        assert!(graphviz_rust::parse(&dot).is_ok(), "{name}");
        if let Some((ok, svg)) = graphviz_svg(&dot) {
            assert!(ok, "{name}");
            assert!(svg.contains(&format!(">{shown}</text>")), "{name}: {svg}");
        }
    }
}

#[test]
fn a_line_break_in_a_name_becomes_a_line_break_on_the_map() {
    let dot = dot_for("Two\r\nLines");
    assert!(dot.contains(r#"label="Two\nLines""#));
    if let Some((ok, svg)) = graphviz_svg(&dot) {
        assert!(ok);
        assert!(svg.contains(">Two</text>") && svg.contains(">Lines</text>"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_name_gives_dot_that_parses_and_draws(name in any::<String>()) {
        let dot = dot_for(&name);
        let graph = graphviz_rust::parse(&dot);
        prop_assert!(graph.is_ok(), "does not parse: {dot}");
        let (label, edges) = organization_label_and_edges(&graph.unwrap());
        prop_assert_eq!(label.map(|l| unwrapped(&l)), Some(unwrapped(&quote_label(&name))));
        prop_assert_eq!(edges, 2);
        if let Some((ok, _)) = graphviz_svg(&dot) {
            prop_assert!(ok, "Graphviz rejected: {}", dot);
        }
    }

    #[test]
    fn names_with_dot_syntax_give_dot_that_parses_and_draws(
        name in r#"[a-z"\\\[\]{};=<>&\n\r -]{0,40}"#
    ) {
        let dot = dot_for(&name);
        let graph = graphviz_rust::parse(&dot);
        prop_assert!(graph.is_ok(), "does not parse: {dot}");
        let (label, edges) = organization_label_and_edges(&graph.unwrap());
        prop_assert_eq!(label.map(|l| unwrapped(&l)), Some(unwrapped(&quote_label(&name))));
        prop_assert_eq!(edges, 2);
        if let Some((ok, _)) = graphviz_svg(&dot) {
            prop_assert!(ok, "Graphviz rejected: {}", dot);
        }
    }
}
