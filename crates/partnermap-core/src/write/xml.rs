//! What the XML writers (GraphML, GEXF) share: escaping text so any value reads back as
//! written, in an attribute value or between tags.

/// `text` escaped for XML: the five special characters as entities, tabs and line breaks as
/// character references (an attribute value would otherwise turn them into spaces, and a
/// parser would turn `\r\n` into `\n`). Control characters XML 1.0 cannot hold at all become
/// U+FFFD, the replacement character.
///
/// ```
/// use partnermap_core::write::xml_escape;
/// assert_eq!(xml_escape("a<b & \"c\"\n"), "a&lt;b &amp; &quot;c&quot;&#10;");
/// assert_eq!(xml_escape("bell\u{7}"), "bell\u{fffd}");
/// ```
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
