//! The report as a small document tree of plain text. Content is decided once, here; the HTML
//! and Markdown writers only lay it out, so the two files always say the same thing, and
//! escaping happens in exactly one place per format because no block ever holds markup.

use partnermap_analysis::coverage::Class;

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The page title (the coalition's name and "report").
    pub title: String,
    /// Lines under the title, such as the data's date.
    pub subtitle: Vec<String>,
    /// The sections, in reading order.
    pub sections: Vec<Section>,
}

/// A numbered part of the report, with an anchor.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Anchor id, stable across runs (`coverage`, `table-1`, …).
    pub id: &'static str,
    /// Heading.
    pub title: String,
    /// Content.
    pub blocks: Vec<Block>,
}

/// One piece of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A sub-heading inside a section.
    Heading(String),
    /// A paragraph of plain text.
    Paragraph(String),
    /// A highlighted remark (what to do, what is missing).
    Note(String),
    /// A bulleted list; each item may start with a bold lead-in.
    List(Vec<Item>),
    /// A table.
    Table(Table),
    /// A map drawn from the landscape.
    Map(MapBlock),
}

/// A list item: an optional bold lead-in followed by text.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Bold start, such as a term or an organization.
    pub lead: Option<String>,
    /// The rest.
    pub text: String,
    /// Points under the item, such as the reasons behind it.
    pub details: Vec<String>,
}

impl Item {
    /// An item with a bold lead-in.
    ///
    /// ```
    /// let item = partnermap_report::document::Item::led("Density 0.12", "12% of possible partnerships exist");
    /// assert_eq!(item.lead.as_deref(), Some("Density 0.12"));
    /// ```
    pub fn led(lead: impl Into<String>, text: impl Into<String>) -> Item {
        Item {
            lead: Some(lead.into()),
            text: text.into(),
            details: Vec::new(),
        }
    }

    /// A plain item.
    ///
    /// ```
    /// let item = partnermap_report::document::Item::plain("Young people");
    /// assert!(item.lead.is_none() && item.details.is_empty());
    /// ```
    pub fn plain(text: impl Into<String>) -> Item {
        Item {
            lead: None,
            text: text.into(),
            details: Vec::new(),
        }
    }
}

/// A table. `heat` tables colour each cell by its coverage class.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column headings.
    pub header: Vec<String>,
    /// Rows of cells, each as long as the header.
    pub rows: Vec<Vec<Cell>>,
}

/// A table cell: text, and a coverage class when the cell shows one (heat tables, class
/// columns).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    /// What the cell says.
    pub text: String,
    /// The coverage class it stands for, coloured in HTML.
    pub class: Option<Class>,
    /// On a row's first cell: the anchor the row is reached by (its HTML id), such as
    /// `org-fc-ajc` for an organization's row, which the maps' nodes link to.
    pub anchor: Option<String>,
    /// What the cell points to, in order: places in the same page (the maps' nodes) or files
    /// of the report (an invitee's letter); `text` says the same in words for the writers that
    /// cannot link.
    pub links: Vec<Link>,
}

/// A link from a cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The words shown.
    pub text: String,
    /// Where it leads: `#ID` for a place in the same page, or a file of the report relative to
    /// its folder (`letters/01-name.md`). Made by the report, never from the data.
    pub target: String,
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell {
            text,
            ..Cell::default()
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::from(text.to_string())
    }
}

/// A map in the report: the DOT file is always there, the SVG only when Graphviz drew it.
#[derive(Debug, Clone, PartialEq)]
pub struct MapBlock {
    /// File stem under `maps/` (`landscape`, `coverage`, `partnerships`).
    pub name: &'static str,
    /// Caption.
    pub title: String,
    /// The drawn map, when Graphviz is installed and was allowed to run.
    pub svg: Option<String>,
}
