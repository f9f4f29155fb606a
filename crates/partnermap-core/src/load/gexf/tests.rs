use super::super::network::WEIGHT_HINT;
use super::super::testing::{as_warning, error, folder};
use super::*;

/// A partnership as the tests compare it: source, target, directed, weight, relation.
type Shown<'a> = (&'a str, &'a str, bool, Option<f64>, Option<&'a str>);

fn read_file(text: &str) -> (Read, String, tempfile::TempDir) {
    let dir = folder(&[("g.gexf", text)]);
    let path = dir.path().join("g.gexf");
    (read_gexf(&path), path.display().to_string(), dir)
}

/// A Gephi export in the namespaces of `version`, with `graph` as its graph's attributes.
fn gephi(xmlns: &str, version: &str, graph: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <gexf xmlns=\"{xmlns}\" xmlns:viz=\"{xmlns}/viz\" version=\"{version}\">\n\
         <meta lastmodifieddate=\"2024-01-01\"><creator>Gephi 0.10</creator></meta>\n\
         <graph {graph} mode=\"static\">\n\
         <attributes class=\"node\" mode=\"static\">\n\
         <attribute id=\"agency\" title=\"Agency\" type=\"integer\"><default>0</default></attribute>\n\
         <attribute id=\"1\" title=\"sector\" type=\"string\"/>\n\
         </attributes>\n\
         <attributes class=\"edge\"><attribute id=\"c\" title=\"collab\" type=\"long\"/></attributes>\n\
         <nodes>\n\
         <node id=\"0\" label=\"Caf&#233; &amp; Co\"><attvalues><attvalue for=\"agency\" value=\"2\"/><attvalue for=\"1\" value=\"food\"/></attvalues><viz:size value=\"10\"/><viz:color r=\"228\" g=\"26\" b=\"28\"/></node>\n\
         <node id=\"1\"><viz:color r=\"0\" g=\"0\" b=\"255\" a=\"0.5\"/></node>\n\
         </nodes>\n\
         <edges>\n\
         <edge id=\"0\" source=\"0\" target=\"1\" weight=\"2.5\" kind=\"referral\" label=\"refers\"><attvalues><attvalue for=\"c\" value=\"3\"/></attvalues></edge>\n\
         <edge id=\"1\" source=\"1\" target=\"0\" type=\"directed\"/>\n\
         </edges>\n</graph>\n</gexf>\n"
    )
}

#[test]
fn gexf_1_2_and_1_3_keep_attribute_values_and_colours() {
    for (xmlns, version) in [
        ("http://www.gexf.net/1.2draft", "1.2"),
        ("http://gexf.net/1.3", "1.3"),
    ] {
        let (read, _, _dir) = read_file(&gephi(xmlns, version, "defaultedgetype=\"undirected\""));
        assert_eq!(read.diagnostics, [], "{version}");
        let coalition = read.coalition.unwrap();
        let orgs: Vec<(&str, &str)> = coalition
            .organizations
            .iter()
            .map(|o| (o.id.as_str(), o.name.as_str()))
            .collect();
        assert_eq!(orgs, [("café-co", "Café & Co"), ("1", "1")]);
        let attributes = |pairs: &[(&str, &str)]| -> Attributes {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        assert_eq!(
            coalition.organizations[0].attributes,
            attributes(&[
                ("Agency", "2"),
                ("sector", "food"),
                ("viz:color", "#e41a1c")
            ])
        );
        assert_eq!(
            coalition.organizations[1].attributes,
            attributes(&[("Agency", "0"), ("viz:color", "rgba(0,0,255,0.5)")])
        );
        let ties: Vec<Shown> = coalition
            .partnerships
            .iter()
            .map(|p| {
                (
                    p.source.as_str(),
                    p.target.as_str(),
                    p.directed,
                    p.weight,
                    p.relation.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            ties,
            [
                ("café-co", "1", false, Some(2.5), Some("referral")),
                ("1", "café-co", true, None, None)
            ]
        );
        assert_eq!(
            coalition.partnerships[0].attributes,
            attributes(&[("collab", "3"), ("label", "refers")])
        );
        assert_eq!(read.origins.organizations[1].line, Some(12));
        assert_eq!(read.origins.partnerships[1].line, Some(16));
    }
}

#[test]
fn defaultedgetype_directed_makes_arcs_unless_an_edge_says_otherwise() {
    let text = gephi("http://gexf.net/1.3", "1.3", "defaultedgetype=\"directed\"")
        .replace("type=\"directed\"/>", "type=\"mutual\"/>");
    let (read, _, _dir) = read_file(&text);
    assert_eq!(read.diagnostics, []);
    let directed: Vec<bool> = read
        .coalition
        .unwrap()
        .partnerships
        .iter()
        .map(|p| p.directed)
        .collect();
    assert_eq!(directed, [true, false]);
    // Without defaultedgetype, GEXF's default: undirected.
    let (read, _, _dir) = read_file(&gephi("http://gexf.net/1.3", "1.3", ""));
    assert!(!read.coalition.unwrap().partnerships[0].directed);
}

#[test]
fn malformed_gexf_reports_every_problem_with_line_and_field() {
    let (read, file, _dir) = read_file(
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n\
         <graph defaultedgetype=\"sideways\">\n\
         <attributes class=\"graph\"/>\n\
         <nodes>\n\
         <node label=\"A\"/>\n\
         <node id=\"a\"/>\n\
         <node id=\"a\"/>\n\
         <node id=\"b\"><attvalues><attvalue for=\"9\" value=\"x\"/></attvalues><viz:color r=\"300\" g=\"0\" b=\"0\"/></node>\n\
         </nodes>\n\
         <edges>\n\
         <edge source=\"a\" target=\"nowhere\"/>\n\
         <edge target=\"a\"/>\n\
         <edge source=\"a\" target=\"b\" type=\"sideways\"/>\n\
         <edge source=\"a\" target=\"b\" weight=\"0\"/>\n\
         </edges>\n</graph>\n</gexf>\n",
    );
    let type_hint = Some("write directed, undirected or mutual");
    assert_eq!(
        read.diagnostics,
        [
            error(&file, Some(2), Some("defaultedgetype"), "defaultedgetype \"sideways\" is not an edge type", type_hint),
            error(&file, Some(3), Some("class"), "attributes of class \"graph\" are neither node nor edge attributes", Some("write <attributes class=\"node\"> or <attributes class=\"edge\">")),
            error(&file, Some(5), Some("id"), "the node has no id", Some(SHAPE_HINT)),
            error(&file, Some(7), Some("id"), "the node id a is used twice (first on line 6)", Some("give every node its own id")),
            as_warning(error(&file, Some(8), Some("for"), "the attribute 9 is not declared; its value is kept under that id", Some("declare it in <attributes class=\"node\">: <attribute id=\"9\" title=\"…\" type=\"string\"/>"))),
            as_warning(error(&file, Some(8), Some("viz:color"), "the viz:color is not a colour; it is left out", Some("write <viz:color r=\"228\" g=\"26\" b=\"28\"/> (0 to 255, and a from 0 to 1) or hex=\"#e41a1c\""))),
            error(&file, Some(11), Some("target"), "the edge's target nowhere is not the id of a node", Some(SHAPE_HINT)),
            error(&file, Some(12), Some("source"), "the edge has no source", Some(SHAPE_HINT)),
            error(&file, Some(13), Some("type"), "type \"sideways\" is not an edge type", type_hint),
            error(&file, Some(14), Some("weight"), "weight \"0\" is not a positive number", Some(WEIGHT_HINT)),
        ]
    );
    let (read, file, _dir) = read_file("<graphml><graph/></graphml>");
    assert_eq!(
        read.diagnostics,
        [error(&file, Some(1), None, "the document is <graphml>, not <gexf>", Some("a GEXF file holds <gexf version=\"1.3\"><graph defaultedgetype=\"undirected\"><nodes>…</nodes><edges>…</edges></graph></gexf>"))]
    );
    let (read, _, _dir) = read_file(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE gexf [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<gexf><graph><nodes><node id=\"a\" label=\"&x;\"/></nodes></graph></gexf>\n",
    );
    assert!(read.coalition.is_none());
    assert_eq!(read.diagnostics.len(), 1);
    assert_eq!(read.diagnostics[0].line, Some(2));
    assert!(read.diagnostics[0].message.contains("<!ENTITY"));
}
