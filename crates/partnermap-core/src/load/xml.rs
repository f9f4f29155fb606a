//! The XML that the GraphML and GEXF readers share: the document read with quick-xml into a
//! small tree of elements, each with its line. No DTD is ever read: a `<!DOCTYPE>` declaring
//! entities is refused (no entity expansion, no external file is opened), only the five
//! predefined entities and character references are decoded, and elements may nest only
//! [`MAX_DEPTH`] deep.

use super::network::Network;
use super::read_text;
use crate::diagnostic::Diagnostic;
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::collections::HashMap;
use std::path::Path;

/// How deeply elements may nest (yEd's `graphml > graph > node > data > y:ShapeNode >
/// y:NodeLabel` needs six; nested graphs a few more each).
pub(super) const MAX_DEPTH: usize = 64;

/// The hint for a document that is not well-formed XML.
const SYNTAX_HINT: &str = "the file is not well-formed XML: check the tags around this line (every <tag> closed by </tag>, attribute values in quotes)";

/// An element: its local name (the prefix, as in `y:NodeLabel` or `viz:color`, dropped), its
/// attributes as written (`attr.name`, `xmlns:y`), its child elements, its text, its line.
#[derive(Debug, Default)]
pub(super) struct Element {
    pub(super) name: String,
    pub(super) attributes: Vec<(String, String)>,
    pub(super) children: Vec<Element>,
    pub(super) text: String,
    pub(super) line: usize,
}

impl Element {
    /// The value of the attribute written `name`.
    pub(super) fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements called `name`.
    pub(super) fn children_named<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The first child element called `name`.
    pub(super) fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The first element called `name` among this one's descendants, depth first.
    pub(super) fn descendant(&self, name: &str) -> Option<&Element> {
        self.children.iter().find_map(|c| {
            if c.name == name {
                Some(c)
            } else {
                c.descendant(name)
            }
        })
    }
}

/// Turns byte offsets into 1-based lines, for offsets that only grow.
struct Lines<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl Lines<'_> {
    fn at(&mut self, offset: u64) -> usize {
        let offset = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        if offset >= self.offset {
            self.line += self.text[self.offset..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.offset = offset;
            self.line
        } else {
            super::line_of(self.text, offset)
        }
    }
}

/// Parses `text`; returns the root element, or `None` when the document cannot be trusted (not
/// well-formed, entities declared, nested too deep, no element), with the problems in
/// `diagnostics`. Problems inside attribute values and text are reported and reading goes on.
pub(super) fn parse(text: &str, file: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Element> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut lines = Lines {
        text: text.as_bytes(),
        offset: 0,
        line: 1,
    };
    let error = |line: usize, message: String, hint: &str| {
        Diagnostic::error(file, message)
            .at_line(Some(line))
            .with_hint(hint)
    };
    // The open elements, innermost last.
    let mut open: Vec<Element> = Vec::new();
    let mut root = None;
    loop {
        let start = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let line = lines.at(reader.error_position());
                diagnostics.push(error(
                    line,
                    format!("not well-formed XML: {e}"),
                    SYNTAX_HINT,
                ));
                return None;
            }
        };
        let line = lines.at(start);
        match event {
            Event::DocType(doctype) => {
                let declared = String::from_utf8_lossy(doctype.as_ref()).to_ascii_uppercase();
                if declared.contains("<!ENTITY") {
                    diagnostics.push(error(
                        line,
                        "the document declares entities (<!ENTITY …> in its <!DOCTYPE>), which partnermap does not read".to_string(),
                        "remove the <!DOCTYPE …> declaration: GraphML and GEXF need no DTD, and entities can expand without bound or read other files",
                    ));
                    return None;
                }
            }
            Event::Start(tag) | Event::Empty(tag) if open.len() + 1 > MAX_DEPTH => {
                let name = String::from_utf8_lossy(tag.name().as_ref()).into_owned();
                diagnostics.push(error(
                    line,
                    format!("elements nest more than {MAX_DEPTH} deep (at <{name}>)"),
                    "GraphML and GEXF networks need a few levels (graph, node, data): the rest of the file is not read",
                ));
                return None;
            }
            Event::Start(tag) => open.push(element(&tag, line, file, diagnostics)),
            Event::Empty(tag) => {
                let element = element(&tag, line, file, diagnostics);
                match open.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None => {
                        root.get_or_insert(element);
                    }
                }
            }
            Event::End(_) => {
                let Some(element) = open.pop() else {
                    // quick-xml reports an end tag without a start; this is never reached.
                    continue;
                };
                match open.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None => {
                        root.get_or_insert(element);
                    }
                }
            }
            Event::Text(content) => {
                if let Some(current) = open.last_mut() {
                    current
                        .text
                        .push_str(&String::from_utf8_lossy(content.as_ref()));
                }
            }
            Event::CData(content) => {
                if let Some(current) = open.last_mut() {
                    current
                        .text
                        .push_str(&String::from_utf8_lossy(content.as_ref()));
                }
            }
            Event::GeneralRef(reference) => {
                let name = String::from_utf8_lossy(reference.as_ref()).into_owned();
                let decoded = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => resolve_xml_entity(&name).map(str::to_string),
                    Err(_) => None,
                };
                match decoded {
                    Some(decoded) => {
                        if let Some(current) = open.last_mut() {
                            current.text.push_str(&decoded);
                        }
                    }
                    None => diagnostics.push(error(
                        line,
                        format!("the entity &{name}; is not defined"),
                        ENTITY_HINT,
                    )),
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if let Some(innermost) = open.last() {
        diagnostics.push(error(
            innermost.line,
            format!("the element <{}> is never closed", innermost.name),
            "close every <tag> with </tag> (is the file cut short?)",
        ));
        return None;
    }
    if root.is_none() {
        diagnostics.push(
            Diagnostic::error(file, "the file holds no XML element")
                .with_hint("a GraphML file holds <graphml><graph>…</graph></graphml>; a GEXF file <gexf><graph>…</graph></gexf>"),
        );
    }
    root
}

/// The hint for an entity reference that is not one of XML's own.
const ENTITY_HINT: &str =
    "XML defines only &amp; &lt; &gt; &quot; &apos; and character references such as &#233;: write the character itself";

/// An element from its start tag, its attribute values decoded.
fn element(
    tag: &BytesStart<'_>,
    line: usize,
    file: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Element {
    let mut attributes = Vec::new();
    for attribute in tag.attributes() {
        let attribute = match attribute {
            Ok(attribute) => attribute,
            Err(e) => {
                diagnostics.push(
                    Diagnostic::error(file, format!("a malformed attribute: {e}"))
                        .at_line(Some(line))
                        .with_hint(SYNTAX_HINT),
                );
                continue;
            }
        };
        let key = String::from_utf8_lossy(attribute.key.as_ref()).into_owned();
        match attribute.normalized_value(XmlVersion::Implicit1_0) {
            Ok(value) => attributes.push((key, value.into_owned())),
            Err(e) => diagnostics.push(
                Diagnostic::error(file, format!("the value of {key} cannot be read: {e}"))
                    .at_line(Some(line))
                    .in_field(key)
                    .with_hint(ENTITY_HINT),
            ),
        }
    }
    Element {
        name: String::from_utf8_lossy(tag.local_name().as_ref()).into_owned(),
        attributes,
        children: Vec::new(),
        text: String::new(),
        line,
    }
}

/// The document of an XML network file (GraphML, GEXF): its text read and parsed, its root
/// checked to be `<root>` and to hold a `<graph>`. Every problem goes to `network`'s
/// diagnostics, with `hint` saying what such a file holds; `None` when it cannot be read.
pub(super) fn network_document(
    path: &Path,
    root: &str,
    hint: &str,
    network: &mut Network,
) -> Option<Element> {
    let text = read_text(path, &mut network.diagnostics)?;
    let file = network.file.clone();
    let document = parse(&text, &file, &mut network.diagnostics)?;
    let problem = if document.name != root {
        format!("the document is <{}>, not <{root}>", document.name)
    } else if document.child("graph").is_none() {
        "the file has no <graph>".to_string()
    } else {
        return Some(document);
    };
    network.diagnostics.push(
        Diagnostic::error(&file, problem)
            .at_line(Some(document.line))
            .with_hint(hint),
    );
    None
}

/// `element`'s attribute `name`; when it has none, `None` and an error "the {what} has no
/// {name}" with `hint` (an example of the element written in full).
pub(super) fn required<'e>(
    element: &'e Element,
    name: &str,
    what: &str,
    hint: &str,
    network: &mut Network,
) -> Option<&'e str> {
    let value = element.attribute(name);
    if value.is_none() {
        network.error(
            element.line,
            name,
            format!("the {what} has no {name}"),
            hint,
        );
    }
    value
}

/// The id of an XML `<node>`, or `None` with the problem reported when it has none or repeats
/// one read before (`ids`: node id to organization and line).
pub(super) fn node_id<'a>(
    node: &'a Element,
    ids: &HashMap<&str, (usize, usize)>,
    hint: &str,
    network: &mut Network,
) -> Option<&'a str> {
    let (problem, hint) = match node.attribute("id") {
        None => ("the node has no id".to_string(), hint),
        Some(id) => match ids.get(id) {
            None => return Some(id),
            Some(&(_, first)) => (
                format!("the node id {id} is used twice (first on line {first})"),
                "give every node its own id",
            ),
        },
    };
    network.diagnostics.push(
        Diagnostic::error(&network.file, problem)
            .at_line(Some(node.line))
            .in_field("id")
            .with_hint(hint),
    );
    None
}

/// The organizations an XML `<edge>`'s `source` and `target` name, by the ids its nodes were
/// read with (`ids`: node id to organization and line); a missing or unknown end is reported
/// and left `None`.
pub(super) fn edge_ends(
    edge: &Element,
    ids: &HashMap<&str, (usize, usize)>,
    hint: &str,
    network: &mut Network,
) -> [Option<usize>; 2] {
    let mut ends = [None, None];
    for (slot, key) in ["source", "target"].into_iter().enumerate() {
        let problem = match edge.attribute(key) {
            None => format!("the edge has no {key}"),
            Some(id) => match ids.get(id) {
                Some(&(org, _)) => {
                    ends[slot] = Some(org);
                    continue;
                }
                None => format!("the edge's {key} {id} is not the id of a node"),
            },
        };
        network.diagnostics.push(
            Diagnostic::error(&network.file, problem)
                .at_line(Some(edge.line))
                .in_field(key)
                .with_hint(hint),
        );
    }
    ends
}

#[cfg(test)]
mod tests;
