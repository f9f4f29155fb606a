//! A document as plain text for a terminal: what every command prints by default. Columns are
//! aligned by characters, and with `colour` a table cell that stands for a coverage class is
//! coloured by it (red uncovered, yellow reachable, magenta thin, green covered). Without
//! colour the text carries no escape codes at all, so it can be piped and diffed.

use crate::document::{Block, Document, Table};
use partnermap_analysis::coverage::Class;
use std::fmt::Write as _;

/// Lays the document out as terminal text.
///
/// ```
/// use partnermap_report::document::{Block, Document, Section};
/// let document = Document {
///     title: "Demo: gaps".into(),
///     subtitle: vec!["as of 2026-11-01".into()],
///     sections: vec![Section { id: "x", title: "Coverage".into(), blocks: vec![Block::Paragraph("All covered.".into())] }],
/// };
/// assert_eq!(partnermap_report::text::render(&document, false),
///     "Demo: gaps\nas of 2026-11-01\n\nCoverage\n  All covered.\n");
/// ```
pub fn render(document: &Document, colour: bool) -> String {
    let mut out = format!("{}\n", clean(&document.title));
    for line in &document.subtitle {
        let _ = writeln!(out, "{}", clean(line));
    }
    for section in &document.sections {
        let _ = writeln!(out, "\n{}", clean(&section.title));
        for (i, block) in section.blocks.iter().enumerate() {
            if i > 0 && matches!(block, Block::Heading(_) | Block::Table(_)) {
                out.push('\n');
            }
            self::block(&mut out, block, colour);
        }
    }
    out
}

/// Control characters (an escape sequence in a name, a stray line break) would let data move
/// the cursor or recolour the terminal; they become spaces.
/// Text with every control character a space: the terminal's, and the chart's (XML forbids most
/// of them).
pub(crate) fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn block(out: &mut String, block: &Block, colour: bool) {
    match block {
        Block::Heading(text) => {
            let _ = writeln!(out, "  {}", clean(text));
        }
        Block::Paragraph(text) => {
            let _ = writeln!(out, "  {}", clean(text));
        }
        Block::Note(text) => {
            let _ = writeln!(out, "  Note: {}", clean(text));
        }
        Block::List(items) => {
            for item in items {
                let _ = match &item.lead {
                    Some(lead) if item.text.is_empty() => writeln!(out, "  - {}", clean(lead)),
                    Some(lead) => writeln!(out, "  - {}: {}", clean(lead), clean(&item.text)),
                    None => writeln!(out, "  - {}", clean(&item.text)),
                };
                for detail in &item.details {
                    let _ = writeln!(out, "      {}", clean(detail));
                }
            }
        }
        Block::Table(table) => self::table(out, table, colour),
        Block::Map(map) => {
            let _ = writeln!(out, "  {} (maps/{}.dot)", clean(&map.title), map.name);
        }
    }
}

/// The widest a column gets before its cells wrap onto more lines, so a list of providers does
/// not push the next column off the screen.
const COLUMN: usize = 40;

fn table(out: &mut String, table: &Table, colour: bool) {
    let header = table.header.iter().map(|h| clean(h));
    let body = table
        .rows
        .iter()
        .flat_map(|row| row.iter().map(|c| clean(&c.text)));
    let columns = table.header.len();
    let mut widths = vec![0; columns];
    for (at, text) in header.clone().chain(body).enumerate() {
        let c = at % columns;
        widths[c] = widths[c].max(text.chars().count().min(COLUMN));
    }
    let header: Vec<(String, Option<Class>)> = header.map(|h| (h, None)).collect();
    line(out, &header, &widths, colour);
    for row in &table.rows {
        let cells: Vec<(String, Option<Class>)> =
            row.iter().map(|c| (clean(&c.text), c.class)).collect();
        line(out, &cells, &widths, colour);
    }
}

/// One table row, over as many lines as its longest cell needs.
fn line(out: &mut String, cells: &[(String, Option<Class>)], widths: &[usize], colour: bool) {
    let wrapped: Vec<Vec<String>> = cells
        .iter()
        .zip(widths)
        .map(|((text, _), &width)| wrap(text, width))
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    for l in 0..height {
        let mut text_line = String::new();
        for (c, lines) in wrapped.iter().enumerate() {
            let piece = lines.get(l).map(String::as_str).unwrap_or("");
            let pad = " ".repeat(widths[c] - piece.chars().count());
            match cells[c].1 {
                Some(class) if colour && !piece.is_empty() => {
                    let _ = write!(text_line, "  {}{piece}\x1b[0m{pad}", code(class));
                }
                _ => {
                    let _ = write!(text_line, "  {piece}{pad}");
                }
            }
        }
        let _ = writeln!(out, "{}", text_line.trim_end());
    }
}

/// Splits text into lines of at most `width` characters, at spaces where it can.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let current = lines.last_mut().expect("never empty");
            let used = current.chars().count();
            let room = if used == 0 {
                width
            } else {
                width.saturating_sub(used + 1)
            };
            if word.len() <= room {
                if used > 0 {
                    current.push(' ');
                }
                current.extend(word);
                break;
            }
            if used > 0 {
                lines.push(String::new());
                continue;
            }
            // A word longer than the column is cut.
            current.extend(word.drain(..width.max(1)));
            lines.push(String::new());
        }
    }
    if lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

fn code(class: Class) -> &'static str {
    match class {
        Class::Uncovered => "\x1b[31m",
        Class::Reachable => "\x1b[33m",
        Class::Thin => "\x1b[35m",
        Class::Covered => "\x1b[32m",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Cell, Section};

    fn document(rows: Vec<Vec<Cell>>) -> Document {
        Document {
            title: "T".into(),
            subtitle: Vec::new(),
            sections: vec![Section {
                id: "s",
                title: "S".into(),
                blocks: vec![Block::Table(Table {
                    header: vec!["Priority".into(), "Class".into()],
                    rows,
                })],
            }],
        }
    }

    #[test]
    fn columns_align_by_characters_and_colour_only_when_asked() {
        let rows = vec![
            vec!["Young people".into(), "covered".into()],
            vec![
                "Résidents".into(),
                Cell {
                    text: "uncovered".into(),
                    class: Some(Class::Uncovered),
                    ..Cell::default()
                },
            ],
        ];
        let plain = render(&document(rows.clone()), false);
        assert_eq!(
            plain,
            "T\n\nS\n  Priority      Class\n  Young people  covered\n  Résidents     uncovered\n"
        );
        let coloured = render(&document(rows), true);
        assert!(coloured.contains("  Résidents     \x1b[31muncovered\x1b[0m\n"));
    }

    #[test]
    fn long_cells_wrap_at_spaces_within_their_column() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), [""]);
        let long = "Forest City American Job Center; Eastside Community Health Center";
        let text = render(&document(vec![vec![long.into(), "covered".into()]]), false);
        assert!(
            text.lines()
                .all(|l| l.chars().count() <= 2 + COLUMN + 2 + 8),
            "{text}"
        );
        assert!(text.contains("Forest City American Job Center;"));
    }

    #[test]
    fn control_characters_in_data_cannot_reach_the_terminal() {
        let rows = vec![vec!["\x1b[2Jgone\nnext".into(), "x".into()]];
        let text = render(&document(rows), false);
        assert!(!text.contains('\x1b'));
        assert!(text.contains(" [2Jgone next"));
    }
}
