use super::super::network::WEIGHT_HINT;
use super::super::testing::{as_warning, error, folder};
use super::*;

fn read_file(text: &str) -> (Read, String, tempfile::TempDir) {
    let dir = folder(&[("g.graphml", text)]);
    let path = dir.path().join("g.graphml");
    (read_graphml(&path), path.display().to_string(), dir)
}

const HEADER: &str = "<?xml version='1.0' encoding='utf-8'?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

#[test]
fn networkx_graphml_keeps_data_and_defaults() {
    let (read, _, _dir) = read_file(&format!(
        "{HEADER}  <key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n  \
         <key id=\"d1\" for=\"node\" attr.name=\"agency\" attr.type=\"int\"><default>0</default></key>\n  \
         <key id=\"d2\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"><default>1.0</default></key>\n  \
         <key id=\"d3\" for=\"edge\" attr.name=\"collab\" attr.type=\"long\"/>\n  \
         <graph edgedefault=\"undirected\">\n    \
         <node id=\"0\"><data key=\"d0\">Caf&#233; &amp; Co</data><data key=\"d1\">2</data></node>\n    \
         <node id=\"1\"/>\n    \
         <edge source=\"0\" target=\"1\"><data key=\"d2\">2.5</data><data key=\"d3\">3</data></edge>\n    \
         <edge source=\"1\" target=\"0\" directed=\"true\"/>\n  \
         </graph>\n</graphml>\n"
    ));
    assert_eq!(read.diagnostics, []);
    let coalition = read.coalition.unwrap();
    let orgs: Vec<(&str, &str)> = coalition
        .organizations
        .iter()
        .map(|o| (o.id.as_str(), o.name.as_str()))
        .collect();
    assert_eq!(orgs, [("café-co", "Café & Co"), ("1", "1")]);
    assert_eq!(
        coalition.organizations[0].attributes,
        Attributes::from([("agency".to_string(), "2".to_string())])
    );
    assert_eq!(coalition.organizations[1].attributes["agency"], "0");
    let ties: Vec<(&str, &str, bool, Option<f64>)> = coalition
        .partnerships
        .iter()
        .map(|p| (p.source.as_str(), p.target.as_str(), p.directed, p.weight))
        .collect();
    assert_eq!(
        ties,
        [
            ("café-co", "1", false, Some(2.5)),
            ("1", "café-co", true, Some(1.0))
        ]
    );
    assert_eq!(coalition.partnerships[0].attributes["collab"], "3");
    assert!(coalition.partnerships[1].attributes.is_empty());
    assert_eq!(read.origins.organizations[1].line, Some(9));
    assert_eq!(read.origins.partnerships[1].line, Some(11));
}

#[test]
fn edgedefault_directed_or_absent_makes_arcs() {
    for graph in ["<graph edgedefault=\"directed\">", "<graph>"] {
        let (read, _, _dir) = read_file(&format!(
            "{HEADER}{graph}<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"/><edge source=\"b\" target=\"a\" directed=\"false\"/></graph></graphml>"
        ));
        assert_eq!(read.diagnostics, []);
        let coalition = read.coalition.unwrap();
        let directed: Vec<bool> = coalition.partnerships.iter().map(|p| p.directed).collect();
        assert_eq!(directed, [true, false]);
        assert_eq!(coalition.partnerships[0].weight, None);
    }
}

#[test]
fn yed_labels_name_the_nodes() {
    let (read, _, _dir) = read_file(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:y=\"http://www.yworks.com/xml/graphml\" xmlns:yed=\"http://www.yworks.com/xml/yed/3\">\n\
         <key for=\"node\" id=\"d5\" attr.name=\"description\" attr.type=\"string\"/>\n\
         <key for=\"node\" id=\"d6\" yfiles.type=\"nodegraphics\"/>\n\
         <key for=\"edge\" id=\"d10\" yfiles.type=\"edgegraphics\"/>\n\
         <graph edgedefault=\"directed\" id=\"G\">\n\
         <node id=\"n0\"><data key=\"d5\">food bank</data><data key=\"d6\"><y:ShapeNode><y:Geometry height=\"30.0\" width=\"30.0\" x=\"0\" y=\"0\"/><y:Fill color=\"#FFCC00\" transparent=\"false\"/><y:NodeLabel alignment=\"center\" visible=\"true\">\n  Eastside Pantry\n</y:NodeLabel><y:Shape type=\"rectangle\"/></y:ShapeNode></data></node>\n\
         <node id=\"n1\"><data key=\"d6\"><y:ShapeNode><y:NodeLabel>Legal Aid</y:NodeLabel></y:ShapeNode></data></node>\n\
         <node id=\"n2\"/>\n\
         <edge id=\"e0\" source=\"n0\" target=\"n1\"><data key=\"d10\"><y:PolyLineEdge><y:EdgeLabel>refers</y:EdgeLabel></y:PolyLineEdge></data></edge>\n\
         </graph>\n</graphml>\n",
    );
    assert_eq!(read.diagnostics, []);
    let coalition = read.coalition.unwrap();
    let names: Vec<&str> = coalition
        .organizations
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(names, ["Eastside Pantry", "Legal Aid", "n2"]);
    assert_eq!(
        coalition.organizations[0].attributes["description"],
        "food bank"
    );
    assert_eq!(coalition.organizations[1].attributes.len(), 0);
    let tie = &coalition.partnerships[0];
    assert_eq!(
        (tie.source.as_str(), tie.target.as_str(), tie.directed),
        ("eastside-pantry", "legal-aid", true)
    );
    assert!(tie.attributes.is_empty());
}

#[test]
fn a_name_key_names_the_node_when_there_is_no_label() {
    let (read, _, _dir) = read_file(&format!(
        "{HEADER}<key id=\"n\" for=\"all\" attr.name=\"name\" attr.type=\"string\"/>\n\
         <graph edgedefault=\"undirected\"><node id=\"0\"><data key=\"n\">Medici</data></node><node id=\"1\"><data key=\"n\"></data></node></graph></graphml>"
    ));
    assert_eq!(read.diagnostics, []);
    let coalition = read.coalition.unwrap();
    let names: Vec<&str> = coalition
        .organizations
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(names, ["Medici", "1"]);
    assert!(coalition.organizations[0].attributes.is_empty());
}

#[test]
fn malformed_graphml_reports_every_problem_with_line_and_field() {
    let (read, file, _dir) = read_file(&format!(
        "{HEADER}<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n\
         <key id=\"w\" for=\"edge\" attr.name=\"weight\"/>\n\
         <graph edgedefault=\"sideways\">\n\
         <node/>\n\
         <node id=\"a\"/>\n\
         <node id=\"a\"/>\n\
         <node id=\"b\"><data key=\"zz\">1</data></node>\n\
         <edge source=\"a\" target=\"nowhere\"/>\n\
         <edge target=\"a\"/>\n\
         <edge source=\"a\" target=\"b\" directed=\"maybe\"/>\n\
         <edge source=\"a\" target=\"b\"><data key=\"w\">-2</data></edge>\n\
         </graph></graphml>\n"
    ));
    assert_eq!(
        read.diagnostics,
        [
            error(&file, Some(4), Some("id"), "the key id w is declared twice (first on line 3)", Some("give every key its own id")),
            error(&file, Some(5), Some("edgedefault"), "edgedefault \"sideways\" is neither directed nor undirected", Some("write <graph edgedefault=\"undirected\"> or <graph edgedefault=\"directed\">")),
            error(&file, Some(6), Some("id"), "the node has no id", Some(SHAPE_HINT)),
            error(&file, Some(8), Some("id"), "the node id a is used twice (first on line 7)", Some("give every node its own id")),
            as_warning(error(&file, Some(9), Some("key"), "the data key zz is not declared; its value is kept under that id", Some("declare it in <graphml>: <key id=\"zz\" for=\"node\" attr.name=\"…\" attr.type=\"string\"/>"))),
            error(&file, Some(10), Some("target"), "the edge's target nowhere is not the id of a node", Some(SHAPE_HINT)),
            error(&file, Some(11), Some("source"), "the edge has no source", Some(SHAPE_HINT)),
            error(&file, Some(12), Some("directed"), "directed \"maybe\" is neither true nor false", Some("write directed=\"true\" or directed=\"false\" (or leave it out to follow the graph's edgedefault)")),
            error(&file, Some(13), Some("weight"), "weight \"-2\" is not a positive number", Some(WEIGHT_HINT)),
        ]
    );
    let (read, file, _dir) = read_file("<gexf><graph/></gexf>");
    assert_eq!(
        read.diagnostics,
        [error(&file, Some(1), None, "the document is <gexf>, not <graphml>", Some("a GraphML file holds <graphml><graph edgedefault=\"undirected\"> <node id=\"a\"/> … </graph></graphml>"))]
    );
    assert!(read.coalition.is_none());
    let (read, file, _dir) = read_file(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n  <!ENTITY a \"aaaaaaaaaa\">\n  <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n  <!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n<graphml><graph><node id=\"&x;&b;\"/></graph></graphml>\n",
    );
    assert!(read.coalition.is_none());
    assert_eq!(read.diagnostics.len(), 1);
    assert_eq!(
        (read.diagnostics[0].file.as_str(), read.diagnostics[0].line),
        (file.as_str(), Some(2))
    );
    assert!(read.diagnostics[0].message.contains("<!ENTITY"));
}
