use super::super::testing::error;
use super::*;

fn parsed(text: &str) -> (Option<Element>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    (parse(text, "f.xml", &mut diagnostics), diagnostics)
}

#[test]
fn elements_keep_their_lines_attributes_and_decoded_text() {
    let (root, diagnostics) = parsed(
        "<?xml version=\"1.0\"?>\n<!-- c -->\n<a x=\"1 &amp; 2\">\n  <y:b>Caf&#233; &lt;<![CDATA[&]]></y:b>\n  <c/>\n</a>\n",
    );
    assert_eq!(diagnostics, []);
    let root = root.unwrap();
    assert_eq!((root.name.as_str(), root.line), ("a", 3));
    assert_eq!(root.attribute("x"), Some("1 & 2"));
    let b = root.child("b").unwrap();
    assert_eq!((b.text.as_str(), b.line), ("Café <&", 4));
    assert_eq!(root.descendant("c").unwrap().line, 5);
}

#[test]
fn entity_declarations_are_refused_and_never_read() {
    let (root, diagnostics) = parsed(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE g [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n<g>&x;</g>\n",
    );
    assert!(root.is_none());
    assert_eq!(
        diagnostics,
        [error(
            "f.xml",
            Some(2),
            None,
            "the document declares entities (<!ENTITY …> in its <!DOCTYPE>), which partnermap does not read",
            Some("remove the <!DOCTYPE …> declaration: GraphML and GEXF need no DTD, and entities can expand without bound or read other files"),
        )]
    );
    let (root, diagnostics) = parsed("<g>\n&x;</g>");
    assert!(root.is_some());
    assert_eq!(
        diagnostics,
        [error(
            "f.xml",
            Some(2),
            None,
            "the entity &x; is not defined",
            Some(ENTITY_HINT)
        )]
    );
}

#[test]
fn broken_documents_name_the_line() {
    let (root, diagnostics) = parsed("<a>\n<b>\n</a>\n");
    assert!(root.is_none());
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].line, Some(3));
    assert!(diagnostics[0].message.starts_with("not well-formed XML: "));
    let (_, diagnostics) = parsed("<a>\n<b>\n");
    assert_eq!(
        diagnostics,
        [error(
            "f.xml",
            Some(2),
            None,
            "the element <b> is never closed",
            Some("close every <tag> with </tag> (is the file cut short?)")
        )]
    );
    let (root, diagnostics) = parsed(&"<a>".repeat(100_000));
    assert!(root.is_none());
    assert_eq!(
        diagnostics[0].message,
        "elements nest more than 64 deep (at <a>)"
    );
    assert_eq!(diagnostics.len(), 1);
    let (root, diagnostics) = parsed("just text");
    assert!(root.is_none());
    assert_eq!(diagnostics[0].message, "the file holds no XML element");
}
