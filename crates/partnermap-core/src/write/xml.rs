//! Escaping for markup: what the XML writers (GraphML, GEXF) and the report's HTML share, so
//! any value reads back as written, in an attribute value or between tags.

/// `text` escaped for XML: [`escape_markup`] with tabs and line breaks as character references
/// (an attribute value would otherwise turn them into spaces, and a parser would turn `\r\n`
/// into `\n`), and the control characters XML 1.0 cannot hold at all as U+FFFD, the
/// replacement character.
///
/// ```
/// use partnermap_core::write::xml_escape;
/// assert_eq!(xml_escape("a<b & \"c\"\n"), "a&lt;b &amp; &quot;c&quot;&#10;");
/// assert_eq!(xml_escape("bell\u{7}"), "bell\u{fffd}");
/// ```
pub fn xml_escape(text: &str) -> String {
    escape_markup(text, true)
}

/// `text` made safe in markup element content or a quoted attribute value: `& < > " '` as
/// references (`&#39;` for the apostrophe, which HTML and XML both read); with `xml`, also
/// what [`xml_escape`] says, and without it (HTML) control characters other than tab and line
/// feed as spaces.
///
/// ```
/// use partnermap_core::write::escape_markup;
/// assert_eq!(escape_markup("'a'\n", false), "&#39;a&#39;\n");
/// ```
pub fn escape_markup(text: &str, xml: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' if xml => out.push_str(&format!("&#{};", c as u32)),
            c if xml && ((c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}') => {
                out.push('\u{FFFD}')
            }
            // Control characters (NUL, bell, …) are not allowed in HTML text.
            c if !xml && c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
