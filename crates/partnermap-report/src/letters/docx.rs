//! Letters as Word documents: the Markdown a template produced, read back with pulldown-cmark
//! so the Word file says exactly what the Markdown says. Escaped characters come back as the
//! text they stand for, and docx-rs writes every piece of text escaped for XML, so a name with
//! markup stays text here too.

use docx_rs::{BreakType, Docx, LineSpacing, Paragraph, Run, SpecialIndentType};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Half-points: 11 pt text, 14 pt headings.
const TEXT_SIZE: usize = 22;
const HEADING_SIZE: usize = 28;
/// Twentieths of a point after each paragraph, and a list's indent.
const SPACE_AFTER: u32 = 160;
const INDENT: i32 = 360;

/// One Word document holding `letters`, each starting on a new page.
pub(super) fn write(letters: &[&str]) -> Vec<u8> {
    let mut docx = Docx::new().default_size(TEXT_SIZE);
    for (n, letter) in letters.iter().enumerate() {
        for (i, paragraph) in paragraphs(letter).into_iter().enumerate() {
            docx = docx.add_paragraph(paragraph.page_break_before(n > 0 && i == 0));
        }
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .expect("writing a document to memory");
    bytes.into_inner()
}

/// The paragraphs of one letter: headings in bold, list items as bullets, bold and italic
/// kept, everything else as plain text.
fn paragraphs(markdown: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current: Option<Paragraph> = None;
    // An item's first paragraph continues the bullet's line.
    let mut bullet_waiting = false;
    let (mut bold, mut italic, mut heading, mut depth) = (0usize, 0usize, false, 0i32);
    let paragraph = |depth: i32| {
        let p = Paragraph::new().line_spacing(LineSpacing::new().after(SPACE_AFTER));
        if depth > 0 {
            p.indent(
                Some(INDENT * depth),
                Some(SpecialIndentType::Hanging(INDENT)),
                None,
                None,
            )
        } else {
            p
        }
    };
    let mut flush = |current: &mut Option<Paragraph>| {
        if let Some(p) = current.take() {
            out.push(p);
        }
    };
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Paragraph) if !std::mem::take(&mut bullet_waiting) => {
                flush(&mut current);
                current = Some(paragraph(depth));
            }
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut current);
                current = Some(paragraph(0));
                heading = true;
            }
            Event::Start(Tag::List(_)) => depth += 1,
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::Start(Tag::Item) => {
                flush(&mut current);
                current = Some(paragraph(depth).add_run(Run::new().add_text("•  ")));
                bullet_waiting = true;
            }
            Event::End(TagEnd::Heading(_)) => {
                heading = false;
                flush(&mut current);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                bullet_waiting = false;
                flush(&mut current);
            }
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                let mut run = Run::new().add_text(text.as_ref());
                if heading {
                    run = run.bold().size(HEADING_SIZE);
                }
                if bold > 0 {
                    run = run.bold();
                }
                if italic > 0 {
                    run = run.italic();
                }
                current = Some(current.unwrap_or_else(|| paragraph(depth)).add_run(run));
            }
            Event::SoftBreak => {
                current = current.map(|p| p.add_run(Run::new().add_text(" ")));
            }
            Event::HardBreak => {
                current = current.map(|p| p.add_run(Run::new().add_break(BreakType::TextWrapping)));
            }
            _ => {}
        }
    }
    flush(&mut current);
    out
}
