//! Escaping, one function per output language. Every piece of data that reaches a file goes
//! through one of these, because names and notes come from people and may contain anything.

/// Text made safe to place in HTML element content or a quoted attribute value.
///
/// ```
/// use partnermap_report::escape::html;
/// assert_eq!(html(r#"<script>alert("1")</script> & 'co'"#),
///     "&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;co&#39;");
/// ```
pub fn html(text: &str) -> String {
    partnermap_core::write::escape_markup(text, false)
}

/// Text made literal in Markdown: characters that would start markup, raw HTML or end a table
/// cell are backslash-escaped, and line breaks become spaces so a cell or item stays on its
/// line.
///
/// ```
/// use partnermap_report::escape::markdown;
/// assert_eq!(markdown("<script>|*x*|\nnext"), r"\<script\>\|\*x\*\| next");
/// ```
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}
