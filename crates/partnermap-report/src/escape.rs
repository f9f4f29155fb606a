//! Escaping, one function per output language. Every piece of data that reaches a file goes
//! through one of these, because names and notes come from people and may contain anything.

/// Text made safe to place in HTML element content or a quoted attribute value.
///
/// ```
/// use partnermap_report::escape::html;
/// assert_eq!(html(r#"<script>alert("1")</script> & 'co'"#),
///     "&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;co&#39;");
/// assert_eq!(html("nul\0bell\u{7}"), "nul bell ");
/// ```
pub fn html(text: &str) -> String {
    partnermap_core::write::escape_markup(text, false)
}

/// Text made literal in Markdown: characters that would start markup, raw HTML or end a table
/// cell are backslash-escaped, and line breaks become spaces so a cell or item stays on its
/// line. An underscore that could open or close emphasis (not inside a word) is escaped, and
/// so is a text that starts like a list item or a heading underline, since it may begin a line
/// (a letter's signature does).
///
/// ```
/// use partnermap_report::escape::markdown;
/// assert_eq!(markdown("<script>|*x*|\nnext"), r"\<script\>\|\*x\*\| next");
/// assert_eq!(markdown("nul\0tab\t"), "nul tab ");
/// assert_eq!(markdown("_x_ #1 average_degree"), r"\_x\_ \#1 average_degree");
/// assert_eq!(markdown("- item"), r"\- item");
/// ```
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if text.starts_with(['-', '+', '=']) {
        out.push('\\');
    }
    let chars: Vec<char> = text.chars().collect();
    let in_word = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|c| c.is_alphanumeric())
    };
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '`' | '*' | '#' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '_' if !(in_word(i.checked_sub(1)) && in_word(Some(i + 1))) => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push(' '),
            c if c.is_control() => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}
