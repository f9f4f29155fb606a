//! `partnermap letters` on real files: golden letters for Forest City, what every letter must
//! say, the Word files saying the same (and the PDF LibreOffice makes of them), a bare
//! organization, custom templates and their errors, escaping, and `report --letters`.

mod common;

use assert_cmd::Command;
use common::{assert_golden, workspace_path};
use std::io::Read;
use std::path::Path;

fn partnermap() -> Command {
    let mut command = Command::cargo_bin("partnermap").unwrap();
    command.env("PARTNERMAP_NO_GRAPHVIZ", "1");
    command
}

/// Runs `letters` into `out` and returns the letters as (file stem, Markdown), in order.
fn write_letters(input: &Path, out: &Path, extra: &[&str]) -> Vec<(String, String)> {
    partnermap()
        .arg("letters")
        .arg(input)
        .arg("--out")
        .arg(out)
        .args(extra)
        .assert()
        .success();
    let mut names: Vec<String> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".md").map(str::to_string))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|stem| {
            let text = std::fs::read_to_string(out.join(format!("{stem}.md"))).unwrap();
            (stem, text)
        })
        .collect()
}

/// letters.csv rows as (organization, contact, sender, subject, file); no cell of the test data
/// holds a comma or a quote.
fn mail_merge(out: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(out.join("letters.csv")).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("organization,contact,sender,subject,file")
    );
    lines
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

/// The plain text of each paragraph and list item of a letter's Markdown, as a reader sees it.
fn markdown_paragraphs(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    for block in markdown.split("\n\n") {
        let mut paragraph = Vec::new();
        for line in block.lines() {
            if let Some(item) = line.strip_prefix("- ") {
                out.push(plain(item));
            } else {
                paragraph.push(plain(line));
            }
        }
        if !paragraph.is_empty() {
            out.push(paragraph.join(" "));
        }
    }
    out
}

/// A line of the letters' Markdown without its bold marks and backslash escapes.
fn plain(line: &str) -> String {
    let line = line.replace("**", "");
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

/// The text of each paragraph of a Word file's `word/document.xml` (bullets dropped), and how
/// many paragraphs start a new page.
fn docx_paragraphs(path: &Path) -> (Vec<String>, usize) {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut paragraphs, mut pages) = (Vec::new(), 0);
    let (mut current, mut in_text) = (String::new(), false);
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            quick_xml::events::Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            quick_xml::events::Event::Empty(e) if e.name().as_ref() == b"w:pageBreakBefore" => {
                pages += 1
            }
            quick_xml::events::Event::Text(t) if in_text => {
                current += &t.xml10_content().unwrap();
            }
            quick_xml::events::Event::GeneralRef(r) if in_text => {
                let name = String::from_utf8(r.to_vec()).unwrap();
                current += match name.as_str() {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity {other}"),
                };
            }
            quick_xml::events::Event::End(e) if e.name().as_ref() == b"w:p" => {
                let text = std::mem::take(&mut current);
                paragraphs.push(text.strip_prefix("•  ").unwrap_or(&text).to_string());
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    (paragraphs, pages)
}

fn forest_city_letters() -> (tempfile::TempDir, Vec<(String, String)>) {
    let dir = tempfile::tempdir().unwrap();
    let letters = write_letters(
        &workspace_path("data/forest-city"),
        &dir.path().join("letters"),
        &[],
    );
    (dir, letters)
}

#[test]
fn forest_city_letters_match_the_golden_files() {
    let (dir, letters) = forest_city_letters();
    let out = dir.path().join("letters");
    assert_eq!(letters.len(), 10, "5 invitations and 5 updates");
    for (stem, text) in &letters {
        assert_golden(&format!("letters/forest-city/{stem}.md"), text);
    }
    assert_golden(
        "letters/forest-city/letters.csv",
        &std::fs::read_to_string(out.join("letters.csv")).unwrap(),
    );
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    let mut expected: Vec<String> = letters
        .iter()
        .flat_map(|(stem, _)| [format!("{stem}.docx"), format!("{stem}.md")])
        .chain(["letters.csv".to_string(), "letters.docx".to_string()])
        .collect();
    expected.sort();
    assert_eq!(written, expected);
}

#[test]
fn every_letter_names_invitee_and_sender_and_every_invitation_a_gap_and_a_first_step() {
    let (dir, letters) = forest_city_letters();
    let rows = mail_merge(&dir.path().join("letters"));
    assert_eq!(rows.len(), letters.len());
    for ((stem, text), row) in letters.iter().zip(&rows) {
        let (organization, sender, subject, file) = (&row[0], &row[2], &row[3], &row[4]);
        assert_eq!(file, &format!("{stem}.docx"));
        assert!(text.contains(&format!("**To:** {organization}")), "{stem}");
        assert!(text.contains(&format!("**From:** {sender}, for")), "{stem}");
        assert!(
            text.ends_with(&format!("With best wishes,\n\n{sender}\n")),
            "{stem}"
        );
        if subject.starts_with("An invitation") {
            let gaps = text.lines().filter(|l| {
                l.starts_with("- ")
                    && (l.ends_with(": nobody in the coalition covers this yet.")
                        || l.contains(": today the coalition relies on "))
            });
            assert!(gaps.count() >= 1, "{stem} names no gap");
            assert!(text.contains("As a first small step, we would like to meet with you"));
            assert!(text.contains("A memorandum of understanding can come later"));
        } else {
            assert_eq!(subject, "News from Forest City Mobility Coalition");
            assert!(
                text.contains("We are not asking anything of you now."),
                "{stem}"
            );
        }
    }
    // The warm path of the issue's example: the church that knows the reentry network signs.
    let reentry = &letters[0].1;
    assert!(reentry.contains("**From:** Greater Hope AME Church, for"));
    assert!(reentry.contains("Our organizations already work together."));
    assert!(reentry.contains(
        "- People involved in the criminal legal system: nobody in the coalition covers this yet."
    ));
    assert!(reentry.contains("It fits work you already lead: Fair-chance hiring pledge."));
}

/// What a letter must never contain: a placeholder, a sentence with a hole, an empty item.
fn assert_no_empty_sentence(stem: &str, text: &str) {
    for word in ["None", "none", "N/A", "null", "undefined", "TODO"] {
        assert!(!text.contains(word), "{stem} says {word:?}:\n{text}");
    }
    for hole in [
        "  ", " .", " ,", ",.", "..", ": .", "()", "Dear ,", "- \n", "-\n", ":\n\n\n", ", ,",
    ] {
        assert!(!text.contains(hole), "{stem} has {hole:?}:\n{text}");
    }
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if line.ends_with(':') {
            let next = lines[i + 1..].iter().find(|l| !l.is_empty());
            assert!(
                next.is_some_and(|l| l.starts_with("- ")),
                "{stem}: {line:?} introduces no list"
            );
        }
    }
    for paragraph in markdown_paragraphs(text) {
        assert!(
            !paragraph.trim().is_empty(),
            "{stem} has an empty paragraph"
        );
    }
}

#[test]
fn no_letter_has_an_empty_sentence() {
    let (_dir, letters) = forest_city_letters();
    for (stem, text) in &letters {
        assert_no_empty_sentence(stem, text);
    }
}

/// A coalition whose only invitee has no contact and no Table 3 notes, no purpose, and no
/// partnership with anyone.
fn bare_project(dir: &Path, invitee: &str) -> std::path::PathBuf {
    let project = dir.join("bare");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(
        project.join("coalition.toml"),
        "name = \"Riverside Youth Jobs Coalition\"\nconvener = \"board\"\n\n[priorities]\npopulations = [\"Young people\"]\ndomains = [\"Employment opportunities\"]\n",
    )
    .unwrap();
    std::fs::write(
        project.join("organizations.csv"),
        format!(
            "id,name,type,status,populations,domains\nboard,Riverside Workforce Board,workforce development board,member,,Employment opportunities\nbare,\"{}\",community-based nonprofit,potential,Young people,\n",
            invitee.replace('"', "\"\"")
        ),
    )
    .unwrap();
    std::fs::write(
        project.join("partnerships.csv"),
        "source,target,kind,strength\n",
    )
    .unwrap();
    project
}

#[test]
fn an_organization_with_no_notes_and_no_contact_gets_a_letter_that_reads_well() {
    let dir = tempfile::tempdir().unwrap();
    let project = bare_project(dir.path(), "Riverside Youth Center");
    let letters = write_letters(&project, &dir.path().join("letters"), &[]);
    assert_eq!(letters.len(), 1);
    let (stem, text) = &letters[0];
    assert_eq!(stem, "01-riverside-youth-center");
    assert_eq!(
        text,
        "**To:** Riverside Youth Center

**From:** Riverside Workforce Board, for Riverside Youth Jobs Coalition

**Subject:** An invitation to join Riverside Youth Jobs Coalition

Dear colleagues at Riverside Youth Center,

I am writing to invite Riverside Youth Center to join Riverside Youth Jobs Coalition, a coalition that Riverside Workforce Board is bringing together.

We are writing to you because your work would fill gaps in what the coalition covers today:

- Young people: nobody in the coalition covers this yet.

As a first small step, we would like to meet with you for an hour, to hear what Riverside Youth Center does and to tell you what the coalition's members do. If it suits you, we could then take on one shared project on Young people. A memorandum of understanding can come later, once we know how we work best together.

Thank you for considering it; I would be glad to hear from you.

With best wishes,

Riverside Workforce Board
"
    );
    assert_no_empty_sentence(stem, text);
}

#[test]
fn a_recorded_contact_is_who_the_letter_is_addressed_to() {
    let dir = tempfile::tempdir().unwrap();
    let project = bare_project(dir.path(), "Riverside Youth Center");
    let organizations = project.join("organizations.csv");
    let table = std::fs::read_to_string(&organizations).unwrap();
    let table = table
        .replacen("populations,domains\n", "populations,domains,contact\n", 1)
        .replace("Young people,\n", "Young people,,Ms. Rivera\n");
    std::fs::write(&organizations, table).unwrap();
    let out = dir.path().join("letters");
    let letters = write_letters(&project, &out, &[]);
    let text = &letters[0].1;
    assert!(
        text.starts_with("**To:** Ms. Rivera, Riverside Youth Center\n"),
        "{text}"
    );
    assert!(text.contains("\nDear Ms. Rivera,\n"), "{text}");
    assert_eq!(mail_merge(&out)[0][1], "Ms. Rivera");
}

#[test]
fn each_word_file_says_what_its_markdown_says() {
    let (dir, letters) = forest_city_letters();
    let out = dir.path().join("letters");
    let mut all = Vec::new();
    for (stem, text) in &letters {
        let expected = markdown_paragraphs(text);
        let (found, pages) = docx_paragraphs(&out.join(format!("{stem}.docx")));
        assert_eq!(found, expected, "{stem}.docx");
        assert_eq!(pages, 0);
        all.extend(expected);
    }
    let (found, pages) = docx_paragraphs(&out.join("letters.docx"));
    assert_eq!(found, all, "letters.docx holds every letter in order");
    assert_eq!(
        pages,
        letters.len() - 1,
        "each letter after the first starts a page"
    );
}

#[test]
fn markup_in_a_name_stays_text_in_markdown_word_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let name = "=HYPERLINK(1) <b>Youth</b> _Hub_ [x](y) #1";
    let project = bare_project(dir.path(), name);
    let out = dir.path().join("letters");
    let letters = write_letters(&project, &out, &[]);
    let (stem, text) = &letters[0];
    assert!(text.contains(r"**To:** \=HYPERLINK(1) \<b\>Youth\</b\> \_Hub\_ \[x\](y) \#1"));
    let (paragraphs, _) = docx_paragraphs(&out.join(format!("{stem}.docx")));
    assert_eq!(paragraphs[0], format!("To: {name}"));
    let csv = std::fs::read_to_string(out.join("letters.csv")).unwrap();
    assert!(
        csv.lines().nth(1).unwrap().starts_with("'=HYPERLINK(1)"),
        "{csv}"
    );
}

#[test]
fn word_files_convert_to_pdf_with_the_same_sentences() {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|tool| {
        std::process::Command::new(tool)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let pdftotext = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    let Some(soffice) = soffice.filter(|_| pdftotext) else {
        eprintln!("LibreOffice or pdftotext is not installed: skipping the PDF check (apt-get install libreoffice-writer poppler-utils)");
        return;
    };
    let (dir, letters) = forest_city_letters();
    let out = dir.path().join("letters");
    let profile = dir.path().join("profile");
    let converted = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(out.join("letters.docx"))
        .output()
        .unwrap();
    assert!(converted.status.success(), "{converted:?}");
    let text = std::process::Command::new("pdftotext")
        .arg(dir.path().join("letters.pdf"))
        .arg("-")
        .output()
        .unwrap();
    assert!(text.status.success());
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let pdf = words(&String::from_utf8_lossy(&text.stdout));
    for (stem, letter) in &letters {
        for paragraph in markdown_paragraphs(letter) {
            assert!(
                pdf.contains(&words(&paragraph)),
                "{stem}: {paragraph:?} not in the PDF"
            );
        }
    }
}

#[test]
fn a_custom_template_lays_the_letters_out() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("short.md");
    std::fs::write(
        &template,
        "Dear {{ invitee.name }}: {{ gaps | length }} gap(s), from {{ sender.name }}.\n",
    )
    .unwrap();
    let project = bare_project(dir.path(), "Riverside Youth Center");
    let letters = write_letters(
        &project,
        &dir.path().join("letters"),
        &["--template", template.to_str().unwrap()],
    );
    assert_eq!(
        letters[0].1,
        "Dear Riverside Youth Center: 1 gap(s), from Riverside Workforce Board.\n"
    );
}

#[test]
fn an_unknown_variable_in_a_template_is_an_error_naming_it_and_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("mine.md");
    std::fs::write(
        &template,
        "Dear {{ invitee.name }},\n\n{{ invitee.nme }} and more\n",
    )
    .unwrap();
    let out = dir.path().join("letters");
    let assert = partnermap()
        .arg("letters")
        .arg(workspace_path("data/forest-city"))
        .arg("--out")
        .arg(&out)
        .arg("--template")
        .arg(&template)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.starts_with(&format!(
            "error: {}, line 3: unknown variable `invitee.nme`",
            template.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("hint: the variables are listed in docs/letters.md"));
    assert!(!out.exists(), "nothing is written");

    // A value that may be missing, printed outside an {% if %}, is refused rather than
    // printed as "none".
    std::fs::write(&template, "To {{ invitee.contact }}\n").unwrap();
    let assert = partnermap()
        .arg("letters")
        .arg(workspace_path("data/forest-city"))
        .arg("--out")
        .arg(&out)
        .arg("--template")
        .arg(&template)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains(", line 1: invalid operation: a value that may be missing is printed outside an {% if %}"),
        "{stderr}"
    );
}

#[test]
fn print_template_writes_the_built_in_template() {
    let assert = partnermap()
        .args(["letters", "--print-template"])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&assert.get_output().stdout),
        partnermap_report::letters::BUILTIN_TEMPLATE
    );
}

#[test]
fn a_folder_that_is_not_a_letters_folder_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    partnermap()
        .arg("letters")
        .arg(workspace_path("data/forest-city"))
        .arg("--out")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "does not look like a partnermap letters folder (no letters.csv)",
        ));
    assert!(dir.path().join("notes.txt").exists());
}

#[test]
fn report_letters_writes_them_and_table_4_links_each_invitee_to_its_letter() {
    let (dir, letters) = forest_city_letters();
    let report = dir.path().join("report");
    partnermap()
        .arg("report")
        .arg(workspace_path("data/forest-city"))
        .arg("--out")
        .arg(&report)
        .arg("--letters")
        .assert()
        .success();
    for (stem, text) in &letters {
        let written = std::fs::read_to_string(report.join(format!("letters/{stem}.md"))).unwrap();
        assert_eq!(&written, text, "{stem}");
    }
    let markdown = std::fs::read_to_string(report.join("report.md")).unwrap();
    assert!(markdown.contains(
        "| [1. Second Chance Reentry Network](letters/01-second-chance-reentry-network.md) | Greater Hope AME Church |"
    ));
    let html = std::fs::read_to_string(report.join("report.html")).unwrap();
    assert!(html.contains(
        "<td><a href=\"letters/05-forest-city-urban-league.md\">5. Forest City Urban League</a></td>"
    ));
}

#[test]
fn docs_letters_lists_every_template_variable() {
    let docs = std::fs::read_to_string(workspace_path("docs/letters.md")).unwrap();
    let coalition = partnermap_core::load(&workspace_path("data/forest-city"))
        .unwrap()
        .coalition;
    let landscape = partnermap_core::Landscape::build(&coalition);
    let plan = partnermap_analysis::invite::plan(&landscape, 5, false);
    let coverage = partnermap_analysis::coverage::coverage(&landscape);
    let letters = partnermap_report::letters::letters(&landscape, &coverage, &plan);
    let value = serde_json::to_value(&letters[0]).unwrap();
    let mut variables = Vec::new();
    for (key, field) in value.as_object().unwrap() {
        match field {
            serde_json::Value::Object(inner) => {
                variables.extend(inner.keys().map(|k| format!("{key}.{k}")))
            }
            serde_json::Value::Array(items) => {
                variables.push(key.clone());
                let one = key.trim_end_matches('s');
                if let Some(serde_json::Value::Object(inner)) = items.first() {
                    variables.extend(inner.keys().map(|k| format!("{one}.{k}")));
                }
            }
            _ => variables.push(key.clone()),
        }
    }
    assert!(variables.contains(&"gap.only".to_string()));
    for variable in variables {
        assert!(
            docs.contains(&format!("| `{variable}` |")),
            "docs/letters.md does not list `{variable}`"
        );
    }
}
