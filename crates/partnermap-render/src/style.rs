//! The visual encoding (colours, outlines, lines) and the escaping that keeps any text safe
//! inside DOT. Every colour here was chosen to survive colour-blindness and greyscale
//! printing well enough for a wall map; names and labels always carry the meaning as well.

use crate::annotations::CoverageClass;
use graphviz_rust::dot_structures::{Attribute, Id};
use partnermap_core::{PartnershipKind, Status};

/// Outline style and width per status: the closer to the coalition, the heavier the line.
pub(crate) fn status_outline(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::Member => ("solid", "3.5"),
        Status::Existing => ("solid", "1.2"),
        Status::Potential => ("dashed", "1.8"),
        Status::KeepInformed => ("dotted", "1.8"),
    }
}

/// Line colour and style per partnership kind, from Paul Tol's dark-on-white colours; the
/// style differs too, so kinds stay apart in greyscale.
pub(crate) fn kind_line(kind: PartnershipKind) -> (&'static str, &'static str) {
    use PartnershipKind as K;
    match kind {
        K::FormalMou => ("#332288", "solid"),
        K::Informal => ("#555555", "dashed"),
        K::Referral => ("#117733", "solid"),
        K::CoEnrollment => ("#44AA99", "solid"),
        K::Funding => ("#882255", "solid"),
        K::Subcontract => ("#AA4499", "dashed"),
        K::DataSharing => ("#999933", "dotted"),
        K::Other => ("#000000", "dotted"),
    }
}

/// Line width for a strength of 1 (weak) to 3 (strong).
pub(crate) fn strength_width(strength: u8) -> &'static str {
    match strength {
        0 | 1 => "1",
        2 => "2.5",
        _ => "4.5",
    }
}

/// The words for a strength, as the legend shows them.
pub(crate) fn strength_label(strength: u8) -> &'static str {
    match strength {
        0 | 1 => "Weak (1)",
        2 => "Working (2)",
        _ => "Strong (3)",
    }
}

/// Fill and text colour per coverage class: a warm-to-cool scale that reads as
/// worse-to-better for every common colour-vision type (Paul Tol's vibrant colours, with his
/// pale blue for covered so the populations needing attention stand out).
pub(crate) fn coverage_colours(class: CoverageClass) -> (&'static str, &'static str) {
    match class {
        CoverageClass::Uncovered => ("#CC3311", "#FFFFFF"),
        CoverageClass::Reachable => ("#EE7733", "#000000"),
        CoverageClass::Thin => ("#EECC66", "#000000"),
        CoverageClass::Covered => ("#BBCCEE", "#000000"),
    }
}

/// Colour and style of a serves line in the coverage view, by the provider's status.
pub(crate) fn serves_line(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::Member | Status::Existing => (MUTED, "solid"),
        Status::Potential => (LIGHT_LINE, "dashed"),
        Status::KeepInformed => (LIGHT_LINE, "dotted"),
    }
}

/// Colour of the serves and works-in lines behind the partnerships.
pub(crate) const LIGHT_LINE: &str = "#B8B8B8";
/// Colour of warm-introduction paths: none of the kind colours use magenta.
pub(crate) const PATH_LINE: &str = "#EE3377";
/// Fill of population nodes that carry no coverage class.
pub(crate) const POPULATION_FILL: &str = "#F4F4F4";
/// Fill of domain nodes.
pub(crate) const DOMAIN_FILL: &str = "#E8E8E8";
/// Text and outline colour for secondary elements.
pub(crate) const MUTED: &str = "#555555";
/// One font list that every platform resolves to a legible sans-serif.
pub(crate) const FONT: &str = "Helvetica,Arial,sans-serif";

/// A quoted DOT string for `text`, shown exactly as written when used as a label.
///
/// DOT itself only treats `\"` specially, but Graphviz then reads labels as escape strings
/// (`\n`, `\N`, `\l`…) and decodes HTML entities, so backslashes and ampersands are escaped
/// too. Line breaks become `\n` so a label keeps its lines; other control characters cannot
/// be drawn and become spaces.
///
/// ```
/// use partnermap_render::quote_label;
/// assert_eq!(quote_label("a\"b\\c & d\ne"), r#""a\"b\\c &amp; d\ne""#);
/// ```
pub fn quote_label(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '&' => quoted.push_str("&amp;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => quoted.push_str("\\n"),
            c if c.is_control() => quoted.push(' '),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// An attribute whose value is label text.
pub(crate) fn label(name: &str, text: &str) -> Attribute {
    Attribute(Id::Plain(name.to_string()), Id::Escaped(quote_label(text)))
}

/// An attribute with a fixed value from this crate (colours, styles, numbers). Quoted all the
/// same, so the DOT never depends on which values happen to be bare words.
pub(crate) fn attr(name: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(name.to_string()), Id::Escaped(quote_label(value)))
}

/// Text for a Graphviz HTML-like label: markup characters and brackets become entities, line breaks
/// `<br/>`, other control characters spaces, so any name is shown exactly as written.
///
/// ```
/// use partnermap_render::html_label_text;
/// assert_eq!(html_label_text("<b>A & B</b>\n\"C\""), "&lt;b&gt;A &amp; B&lt;/b&gt;<br/>&quot;C&quot;");
/// ```
pub fn html_label_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            // Graphviz's HTML lexer rejects some text starting with a bracket.
            '[' => escaped.push_str("&#91;"),
            ']' => escaped.push_str("&#93;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => escaped.push_str("<br/>"),
            c if c.is_control() => escaped.push(' '),
            c => escaped.push(c),
        }
    }
    escaped
}

/// The anchor of an organization's row in a page, `org-` and its id with every character
/// other than an ASCII letter, digit or `-` written as `_` and its hexadecimal code point and
/// `.`: always a valid HTML id and URL fragment, and distinct ids stay distinct.
///
/// ```
/// use partnermap_render::org_anchor;
/// assert_eq!(org_anchor("fc-ajc"), "org-fc-ajc");
/// assert_eq!(org_anchor("a b_é"), "org-a_20.b_5f._e9.");
/// ```
pub fn org_anchor(id: &str) -> String {
    let mut anchor = String::from("org-");
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            anchor.push(c);
        } else {
            anchor.push_str(&format!("_{:x}.", c as u32));
        }
    }
    anchor
}

/// Outline colour of organizations whose departure cuts off more than one other.
pub(crate) const CUT_POINT_LINE: &str = "#CC3311";
/// Outline colour of every other organization.
pub(crate) const OUTLINE: &str = "#222222";
