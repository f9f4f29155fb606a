//! The report as one self-contained HTML page: inline CSS and SVG, nothing fetched, no script.
//! The Content-Security-Policy forbids scripts and network access outright, so even a bug in
//! escaping could not make the page run code or call home.

use crate::document::{Block, Cell, Document, Item, MapBlock, Table};
use crate::escape::html as esc;
use std::fmt::Write as _;

const STYLE: &str = r#"
:root { --ink: #1d2430; --muted: #5b6472; --line: #d5dae1; --band: #f4f6f9; --accent: #1f5fa8;
  --uncovered: #f6c9c4; --reachable: #fbdcae; --thin: #fff1b3; --covered: #cfe9d4; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, nav, main, footer { max-width: 75rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 2rem; border-bottom: 3px solid var(--accent); padding-bottom: 1rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; }
.sub { margin: 0; color: var(--muted); }
nav ol { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: .75rem 0; margin: 0;
  list-style: none; font-size: .95rem; }
nav a { color: var(--accent); text-decoration: none; }
nav a:hover { text-decoration: underline; }
section { padding: 1rem 0 .5rem; border-top: 1px solid var(--line); }
h2 { font-size: 1.45rem; margin: .5rem 0 .75rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
p, ul { margin: .5rem 0 .75rem; max-width: 60rem; }
li { margin: .2rem 0; }
.note { background: #eef4fb; border-left: 4px solid var(--accent); padding: .6rem .9rem; max-width: 60rem; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: .5rem 0 1rem;
  border: 1px solid var(--line); border-radius: 4px; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
th { background: var(--band); font-weight: 600; position: sticky; top: 0; }
td { min-width: 7rem; }
td:first-child, th:first-child { min-width: 12rem; }
tbody tr:nth-child(even) td:not([class]) { background: #fafbfc; }
td.uncovered { background: var(--uncovered); }
td.reachable { background: var(--reachable); }
td.thin { background: var(--thin); }
td.covered { background: var(--covered); }
table.heat td:not(:first-child) { text-align: center; min-width: 6rem; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; list-style: none; font-size: .85rem; }
.legend li { padding: .1rem .6rem; border-radius: 3px; border: 1px solid var(--line); }
figure.map { margin: 1rem 0 1.5rem; border: 1px solid var(--line); border-radius: 4px; padding: .5rem; overflow-x: auto; }
figure.map svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { color: var(--muted); font-size: .9rem; margin-top: .4rem; }
footer { color: var(--muted); font-size: .85rem; padding-top: 1rem; padding-bottom: 2rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  h1 { font-size: 1.5rem; }
  header, nav, main, footer { padding: 0 .75rem; }
  header { padding-top: 1rem; }
  td:first-child, th:first-child { min-width: 9rem; }
}
@media print {
  body { font-size: 10.5pt; }
  nav { display: none; }
  header, main, footer { max-width: none; padding: 0; }
  section { break-inside: auto; border-top: none; }
  h2, h3 { break-after: avoid; }
  h2 { break-before: page; }
  section:first-of-type h2 { break-before: auto; }
  tr, figure.map { break-inside: avoid; }
  .table-wrap, figure.map { overflow: visible; border: none; }
  th { position: static; }
  td, th { min-width: 0; }
  a { color: inherit; text-decoration: none; }
  td, .legend li { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

pub(crate) fn render(document: &Document) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
        esc(&document.title),
        esc(&document.title)
    );
    if !document.subtitle.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"sub\">{}</p>",
            esc(&document.subtitle.join(" "))
        );
    }
    // One pass writes each section's contents entry and its body.
    let mut main = String::new();
    out.push_str("</header>\n<nav aria-label=\"Contents\">\n<ol>\n");
    for section in &document.sections {
        let (id, title) = (section.id, esc(&section.title));
        let _ = writeln!(out, "<li><a href=\"#{id}\">{title}</a></li>");
        let _ = writeln!(main, "<section id=\"{id}\">\n<h2>{title}</h2>");
        for block in &section.blocks {
            self::block(&mut main, block);
        }
        main.push_str("</section>\n");
    }
    out.push_str("</ol>\n</nav>\n<main>\n");
    out.push_str(&main);
    out.push_str("</main>\n<footer>\n<p>Made with partnermap from the coalition's own data. Every table is also in the CSV and JSON files beside this page.</p>\n</footer>\n</body>\n</html>\n");
    out
}

fn block(out: &mut String, block: &Block) {
    match block {
        Block::Heading(text) => {
            let _ = writeln!(out, "<h3>{}</h3>", esc(text));
        }
        Block::Paragraph(text) => {
            let _ = writeln!(out, "<p>{}</p>", esc(text));
        }
        Block::Note(text) => {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(text));
        }
        Block::List(items) => {
            out.push_str("<ul>\n");
            for item in items {
                list_item(out, item);
            }
            out.push_str("</ul>\n");
        }
        Block::Table(table) => self::table(out, table),
        Block::Map(map) => self::map(out, map),
    }
}

fn list_item(out: &mut String, item: &Item) {
    out.push_str("<li>");
    match &item.lead {
        Some(lead) if item.text.is_empty() => {
            let _ = write!(out, "<strong>{}</strong>", esc(lead));
        }
        Some(lead) => {
            let _ = write!(out, "<strong>{}</strong>: {}", esc(lead), esc(&item.text));
        }
        None => out.push_str(&esc(&item.text)),
    }
    if !item.details.is_empty() {
        out.push_str("\n<ul>\n");
        for detail in &item.details {
            let _ = writeln!(out, "<li>{}</li>", esc(detail));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</li>\n");
}

fn table(out: &mut String, table: &Table) {
    // A table whose every data cell carries a class is the population × domain heat table.
    let heat = !table.rows.is_empty()
        && table
            .rows
            .iter()
            .all(|row| row.iter().skip(1).all(|c| c.class.is_some()));
    if heat {
        out.push_str("<ul class=\"legend\" aria-label=\"Colour key\">");
        for class in partnermap_analysis::coverage::Class::ALL {
            let _ = write!(out, "<li class=\"{0}\">{0}</li>", class.id());
        }
        out.push_str("</ul>\n");
    }
    let _ = write!(
        out,
        "<div class=\"table-wrap\">\n<table{}>\n<thead><tr>",
        if heat { " class=\"heat\"" } else { "" }
    );
    for name in &table.header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(name));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        match row.first().and_then(|c| c.anchor.as_deref()) {
            Some(anchor) => {
                let _ = write!(out, "<tr id=\"{}\">", esc(anchor));
            }
            None => out.push_str("<tr>"),
        }
        for cell in row {
            self::cell(out, cell);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

fn cell(out: &mut String, cell: &Cell) {
    let content = if cell.links.is_empty() {
        esc(&cell.text)
    } else {
        let links: Vec<String> = cell
            .links
            .iter()
            .map(|l| format!("<a href=\"{}\">{}</a>", esc(&l.target), esc(&l.text)))
            .collect();
        links.join(", ")
    };
    match cell.class {
        Some(class) => {
            let _ = write!(out, "<td class=\"{}\">{content}</td>", class.id());
        }
        None => {
            let _ = write!(out, "<td>{content}</td>");
        }
    }
}

fn map(out: &mut String, map: &MapBlock) {
    out.push_str("<figure class=\"map\">\n");
    match &map.svg {
        Some(svg) => {
            out.push_str(inline_svg(svg));
            out.push('\n');
        }
        None => {
            let _ = writeln!(out, "<p>Graphviz source: maps/{}.dot</p>", esc(map.name));
        }
    }
    let _ = writeln!(
        out,
        "<figcaption>{}</figcaption>\n</figure>",
        esc(&map.title)
    );
}

/// Graphviz's SVG starts with an XML declaration and a DOCTYPE, which are not allowed inside
/// an HTML page; the drawing itself starts at `<svg`.
fn inline_svg(svg: &str) -> &str {
    let start = svg.find("<svg").unwrap_or(svg.len());
    svg[start..].trim_end()
}
