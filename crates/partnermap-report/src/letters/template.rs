//! Letters laid out by a minijinja template: the built-in one or the user's. Every value a
//! template prints is escaped as Markdown text, an unknown variable is an error naming it and
//! its line (minijinja's strict undefined behaviour), and so is a missing value printed outside
//! an `{% if %}`, so no letter ever says "None" or leaves a hole.

use super::Letter;
use minijinja::value::{Serde, Value};
use minijinja::{Environment, ErrorKind, UndefinedBehavior};

/// The built-in letter template, as `partnermap letters --print-template` writes it.
pub const BUILTIN_TEMPLATE: &str = include_str!("letter.md");

const NAME: &str = "letter";

/// A template that was read and compiled.
pub struct Template {
    env: Environment<'static>,
    shown_as: String,
}

/// A template that cannot be compiled, or that asks for a variable letters do not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{template}{}: {message}\n  hint: the variables are listed in docs/letters.md; `partnermap letters --print-template` writes the built-in template to start from", line.map(|l| format!(", line {l}")).unwrap_or_default())]
pub struct TemplateError {
    /// The template, as the user named it.
    pub template: String,
    /// The line of the template, when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl Template {
    /// The built-in template.
    pub fn builtin() -> Template {
        Template::new("the built-in letter template", BUILTIN_TEMPLATE.to_string())
            .expect("the built-in template compiles")
    }

    /// A template file of the user's.
    pub fn read(path: &std::path::Path) -> Result<Template, TemplateError> {
        let shown_as = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(source) => Template::new(&shown_as, source),
            Err(e) => Err(TemplateError {
                template: shown_as,
                line: None,
                message: format!("cannot read the template: {e}"),
            }),
        }
    }

    /// A template of the user's; `shown_as` names it in errors (usually its path).
    ///
    /// ```
    /// use partnermap_report::letters::Template;
    /// let error = Template::new("my.md", "Dear {{ invitee.name }\n".into()).err().unwrap();
    /// assert_eq!((error.template.as_str(), error.line), ("my.md", Some(1)));
    /// ```
    pub fn new(shown_as: &str, source: String) -> Result<Template, TemplateError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_debug(true);
        env.set_syntax(
            minijinja::syntax::SyntaxConfig::builder()
                .trim_blocks(true)
                .lstrip_blocks(true)
                .build()
                .expect("the default delimiters are valid"),
        );
        env.set_formatter(|out, _state, value| {
            if value.is_none() || value.is_undefined() {
                return Err(minijinja::Error::new(
                    ErrorKind::InvalidOperation,
                    "a value that may be missing is printed outside an {% if %}",
                ));
            }
            let text = value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_string);
            out.write_str(&crate::escape::markdown(&text))
                .map_err(|_| minijinja::Error::new(ErrorKind::WriteFailure, "cannot write"))
        });
        env.add_filter("sentence", sentence);
        env.add_filter("and_list", and_list);
        env.add_template_owned(NAME, source)
            .map_err(|e| error(shown_as, &e))?;
        Ok(Template {
            env,
            shown_as: shown_as.to_string(),
        })
    }

    /// One letter as Markdown.
    pub fn render(&self, letter: &Letter) -> Result<String, TemplateError> {
        let template = self
            .env
            .get_template(NAME)
            .expect("the template was added under this name");
        let text = template.render(Value::from(Serde(letter))).map_err(|e| {
            let mut found = error(&self.shown_as, &e);
            found.message += &format!(" (in the letter to {})", letter.invitee.name);
            found
        })?;
        Ok(tidy(&text))
    }
}

fn error(shown_as: &str, e: &minijinja::Error) -> TemplateError {
    let detail = e.detail().unwrap_or_default();
    let message = match e.kind() {
        ErrorKind::UndefinedError => match detail.split('`').nth(1) {
            Some(name) => format!("unknown variable `{name}`"),
            None => "unknown variable".to_string(),
        },
        kind if detail.is_empty() => kind.to_string(),
        kind => format!("{kind}: {detail}"),
    };
    TemplateError {
        template: shown_as.to_string(),
        line: e.line(),
        message,
    }
}

/// Text as a sentence: a full stop added unless it already ends like one.
fn sentence(text: String) -> String {
    let text = text.trim();
    if text.is_empty() || text.ends_with(['.', '!', '?', '"', '\u{201d}', ')']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// "A, B and C".
fn and_list(items: Vec<String>) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// Paragraphs left out leave no gap: at most one blank line anywhere, none at the ends, no
/// trailing spaces.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(line);
            out.push('\n');
            blank = false;
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_sentences_read_as_english() {
        assert_eq!(and_list(vec![]), "");
        assert_eq!(and_list(vec!["A".into()]), "A");
        assert_eq!(
            and_list(vec!["A".into(), "B".into(), "C".into()]),
            "A, B and C"
        );
        assert_eq!(sentence(" Wants jobs ".into()), "Wants jobs.");
        assert_eq!(sentence("Done.".into()), "Done.");
        assert_eq!(tidy("\n\na  \n\n\n\nb\n\n"), "a\n\nb\n");
    }
}
