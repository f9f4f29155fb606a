//! The report as Markdown, for a wiki or a repository: the same document as the HTML page,
//! with the maps linked as files under `maps/`.

use crate::document::{Block, Document, Table};
use crate::escape::markdown as esc;
use std::fmt::Write as _;

/// Lays the document out as Markdown.
///
/// ```
/// use partnermap_report::document::Document;
/// let document = Document { title: "A <b>".into(), subtitle: vec![], sections: vec![] };
/// assert_eq!(partnermap_report::markdown::render(&document), "# A \\<b\\>\n\n");
/// ```
pub fn render(document: &Document) -> String {
    let mut out = format!("# {}\n\n", esc(&document.title));
    if !document.subtitle.is_empty() {
        let _ = writeln!(out, "{}\n", esc(&document.subtitle.join(" ")));
    }
    for section in &document.sections {
        let _ = writeln!(out, "## {}\n", esc(&section.title));
        for block in &section.blocks {
            self::block(&mut out, block);
        }
    }
    out
}

fn block(out: &mut String, block: &Block) {
    match block {
        Block::Heading(text) => {
            let _ = writeln!(out, "### {}\n", esc(text));
        }
        Block::Paragraph(text) => {
            let _ = writeln!(out, "{}\n", esc(text));
        }
        Block::Note(text) => {
            let _ = writeln!(out, "> {}\n", esc(text));
        }
        Block::List(items) => {
            for item in items {
                let _ = match &item.lead {
                    Some(lead) if item.text.is_empty() => writeln!(out, "- **{}**", esc(lead)),
                    Some(lead) => writeln!(out, "- **{}**: {}", esc(lead), esc(&item.text)),
                    None => writeln!(out, "- {}", esc(&item.text)),
                };
                for detail in &item.details {
                    let _ = writeln!(out, "  - {}", esc(detail));
                }
            }
            out.push('\n');
        }
        Block::Table(table) => self::table(out, table),
        Block::Map(map) => {
            let title = esc(&map.title);
            let _ = match map.svg {
                Some(_) => writeln!(out, "![{title}](maps/{}.svg)\n", map.name),
                None => writeln!(
                    out,
                    "**{title}**: Graphviz source [maps/{0}.dot](maps/{0}.dot)\n",
                    map.name
                ),
            };
        }
    }
}

fn table(out: &mut String, table: &Table) {
    let row = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&row(table.header.iter().map(|h| esc(h)).collect()));
    out.push_str(&format!("|{}\n", "---|".repeat(table.header.len())));
    for cells in &table.rows {
        out.push_str(&row(cells
            .iter()
            .map(|c| {
                // Links to the report's files (letters/01-name.md, paths the report made:
                // nothing to escape); places in the page exist only in HTML.
                let files: Vec<String> = c
                    .links
                    .iter()
                    .filter(|l| !l.target.starts_with('#'))
                    .map(|l| format!("[{}]({})", esc(&l.text), l.target))
                    .collect();
                if files.is_empty() {
                    esc(&c.text)
                } else {
                    files.join(", ")
                }
            })
            .collect()));
    }
    out.push('\n');
}
