//! Test helpers shared by the partnermap crates' tests, and nothing else.
//!
//! This crate owns the one golden-file helper of the workspace, [`assert_golden`]: the
//! expected outputs people read (reports, maps, JSON contracts, tables, generated docs) are
//! kept as files and compared byte for byte. It also owns the checks the fuzz targets run
//! ([`fuzz`]), so that `cargo test` runs every input the fuzzers found through the same check,
//! and the generator of large networks ([`generate`]) for tests of what happens at size.
//! It is only ever a `[dev-dependencies]` entry (and the fuzz crate's dependency); no crate may
//! depend on it in a normal build, and it is never published.

use std::fmt::Write as _;
use std::path::Path;

pub mod fuzz;
pub mod generate;

/// The environment variable that refreshes golden files.
pub const UPDATE_VAR: &str = "UPDATE_GOLDEN";

/// How many lines of each side [`assert_golden`] shows around the first difference.
const CONTEXT: usize = 3;

/// Compares `actual` byte for byte with the golden file at `path`.
///
/// With `UPDATE_GOLDEN=1` (exactly `1`) in the environment it writes `actual` to `path`
/// instead, creating the folder if needed, so an intended change of output is one command and a
/// reviewable diff. Any other value of `UPDATE_GOLDEN` compares as usual. On a difference, or a
/// missing file, it panics with the first differing line, a few lines of context from both sides
/// and the command that refreshes the file.
#[track_caller]
pub fn assert_golden(path: impl AsRef<Path>, actual: &str) {
    let path = path.as_ref();
    if update_requested() {
        if std::fs::read(path).ok().as_deref() != Some(actual.as_bytes()) {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .unwrap_or_else(|e| panic!("cannot create {}: {e}", parent.display()));
            }
            std::fs::write(path, actual)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
            eprintln!("updated golden file {}", path.display());
        }
        return;
    }
    let expected = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => panic!(
            "cannot read golden file {}: {e}\n  hint: to create it, run `{}`{}",
            path.display(),
            refresh_command(),
            ignored_value_note()
        ),
    };
    if expected != actual.as_bytes() {
        let expected = String::from_utf8_lossy(&expected);
        panic!(
            "output differs from golden file {}\n{}  hint: if the change is intended, run `{}` and review the diff{}",
            path.display(),
            difference(&expected, actual),
            refresh_command(),
            ignored_value_note()
        );
    }
}

/// Whether the environment asks for golden files to be rewritten: `UPDATE_GOLDEN=1` exactly.
pub fn update_requested() -> bool {
    std::env::var_os(UPDATE_VAR).is_some_and(|v| v == "1")
}

/// A note for a failure message when `UPDATE_GOLDEN` is set to something other than `1`.
fn ignored_value_note() -> String {
    match std::env::var_os(UPDATE_VAR) {
        Some(value) if value != "1" => format!(
            "\n  note: {UPDATE_VAR}={value:?} is ignored; only {UPDATE_VAR}=1 rewrites golden files"
        ),
        _ => String::new(),
    }
}

/// The command that reruns this test binary with golden files refreshed, as precisely as the
/// environment allows (cargo sets `CARGO_PKG_NAME` when it runs a test).
fn refresh_command() -> String {
    let mut command = format!("{UPDATE_VAR}=1 cargo test");
    if let Ok(package) = std::env::var("CARGO_PKG_NAME") {
        command += &format!(" -p {package}");
        let test = std::env::current_exe().ok().and_then(|exe| {
            let stem = exe.file_stem()?.to_str()?.to_string();
            let (name, hash) = stem.rsplit_once('-')?;
            let is_hash = !hash.is_empty() && hash.chars().all(|c| c.is_ascii_hexdigit());
            (is_hash && name.replace('-', "_") != package.replace('-', "_"))
                .then(|| name.to_string())
        });
        if let Some(test) = test {
            command += &format!(" --test {test}");
        }
    }
    command
}

/// The first differing line, 1-based, with up to [`CONTEXT`] lines of both sides from there.
fn difference(expected: &str, actual: &str) -> String {
    let expected_lines: Vec<&str> = expected.split_inclusive('\n').collect();
    let actual_lines: Vec<&str> = actual.split_inclusive('\n').collect();
    let first = expected_lines
        .iter()
        .zip(&actual_lines)
        .position(|(e, a)| e != a)
        .unwrap_or(expected_lines.len().min(actual_lines.len()));
    let mut out = format!(
        "  first difference at line {} (expected {} lines, got {}):\n",
        first + 1,
        expected_lines.len(),
        actual_lines.len()
    );
    let show = |out: &mut String, sign: char, lines: &[&str]| {
        let shown = &lines[first.min(lines.len())..(first + CONTEXT).min(lines.len())];
        if shown.is_empty() {
            let _ = writeln!(out, "  {sign} (end of file)");
        }
        for line in shown {
            let _ = writeln!(out, "  {sign} {line:?}");
        }
    };
    show(&mut out, '-', &expected_lines);
    show(&mut out, '+', &actual_lines);
    out
}

#[cfg(test)]
mod tests {
    use super::difference;

    #[test]
    fn the_difference_starts_at_the_first_differing_line() {
        let text = difference("a\nb\nc\n", "a\nB\nc\n");
        assert!(text.contains("line 2 (expected 3 lines, got 3)"), "{text}");
        assert!(text.contains("- \"b\\n\""), "{text}");
        assert!(text.contains("+ \"B\\n\""), "{text}");
    }

    #[test]
    fn a_missing_final_newline_is_a_difference() {
        let text = difference("a\nb\n", "a\nb");
        assert!(text.contains("line 2"), "{text}");
        assert!(text.contains("+ \"b\""), "{text}");
    }

    #[test]
    fn a_longer_output_shows_the_extra_lines() {
        let text = difference("a\n", "a\nb\n");
        assert!(text.contains("line 2 (expected 1 lines, got 2)"), "{text}");
        assert!(text.contains("- (end of file)"), "{text}");
        assert!(text.contains("+ \"b\\n\""), "{text}");
    }
}
