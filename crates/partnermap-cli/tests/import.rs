//! `partnermap import`: a directory with its own columns and words becomes a project folder
//! through a mapping file; what the mapping leaves out is listed once per word.

mod common;

use assert_cmd::Command;
use common::{assert_golden, workspace_path};
use std::path::Path;

fn partnermap() -> Command {
    Command::cargo_bin("partnermap").unwrap()
}

fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

#[test]
fn the_orange_county_directory_imports_as_67_organizations_with_cities_and_populations() {
    let directory = workspace_path("../shared/data/real/oc-map-my-cbo/map_my_cbo_table.csv");
    if !directory.exists() {
        eprintln!(
            "note: {} is missing; skipping the real-data test",
            directory.display()
        );
        return;
    }
    let mapping = workspace_path("data/oc-map-my-cbo/mapping.toml");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("oc");
    partnermap()
        .arg("import")
        .arg(&directory)
        .arg("--mapping")
        .arg(&mapping)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stderr(format!("Wrote {}: 67 organizations\n", out.display()));
    let coalition = partnermap_core::load(&out).unwrap().coalition;
    assert_eq!(coalition.organizations.len(), 67);
    let lgbtq = coalition
        .organizations
        .iter()
        .find(|o| o.name == "LGBTQ Center OC")
        .unwrap();
    // 34 rows of the directory, one per city served.
    let cities = lgbtq.location.city.as_deref().unwrap();
    assert_eq!(cities.split("; ").count(), 34);
    assert!(cities.starts_with("Aliso Viejo; Anaheim; Brea"));
    assert_eq!(
        lgbtq.populations,
        [
            "asian-american-pacific-islander-residents",
            "black-residents",
            "hispanic-latino-residents",
            "middle-eastern-and-north-african-residents",
            "lgbtq",
            "immigrants-and-refugees",
            "english-language-learners",
            "older-adults"
        ]
    );
    let cambodian = coalition
        .organizations
        .iter()
        .find(|o| o.name == "The Cambodian Family Community Center")
        .unwrap();
    // "Media (TV, radio, newspapers)" is one mapped value, not three words.
    assert!(cambodian.assets.contains(&"media-outreach".to_string()));
    assert_eq!(
        cambodian.website, None,
        "the directory's \"None\" is no website"
    );
    let ell = coalition
        .organizations
        .iter()
        .filter(|o| {
            o.populations
                .contains(&"english-language-learners".to_string())
        })
        .count();
    // As many as the directory has organizations listing "Limited English speaking ability".
    assert_eq!(ell, 50);
    partnermap().arg("gaps").arg(&out).assert().success();

    // The same mapping without its line for "Limited English speaking ability".
    let text = std::fs::read_to_string(&mapping).unwrap();
    let partial: String = text
        .lines()
        .filter(|l| !l.starts_with("\"Limited English"))
        .map(|l| format!("{l}\n"))
        .collect();
    let partial_path = dir.path().join("partial.toml");
    std::fs::write(&partial_path, partial).unwrap();
    let failed = partnermap()
        .arg("import")
        .arg(&directory)
        .arg("--mapping")
        .arg(&partial_path)
        .arg("--out")
        .arg(dir.path().join("not-written"))
        .assert()
        .code(2);
    assert_eq!(
        stderr(&failed)
            .replace(&directory.display().to_string(), "map_my_cbo_table.csv")
            .replace(&partial_path.display().to_string(), "partial.toml"),
        "error: map_my_cbo_table.csv, line 2, field \"Population demographic characteristics\": \"Limited English speaking ability\" (881 rows) is not a population of the vocabulary, nor mapped in partial.toml\n  \
         hint: the closest population is \"English-language learners\"; add under [terms]: \"Limited English speaking ability\" = \"English-language learners\", or declare it under [vocabulary] populations\n\
         1 error in the input: nothing was analysed.\n"
    );
    assert!(!dir.path().join("not-written").exists());

    let suggested = partnermap()
        .arg("import")
        .arg(&directory)
        .arg("--suggest-mapping")
        .assert()
        .success();
    assert_golden(
        "import-suggested-oc.toml",
        &String::from_utf8(suggested.get_output().stdout.clone()).unwrap(),
    );
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn rows_of_one_organization_merge_and_conflicts_and_unmapped_words_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let directory = write(
        dir.path(),
        "directory.csv",
        "Agency,Town,Serves,Kind,Phone\n\
         Casa,North,\"ELL, Seniors\",nonprofit,555-1\n\
         Casa,South,\"Youth, Seniors\",nonprofit,555-2\n\
         Hope Church,North,\"Seniors, Vets\",church,N/A\n",
    );
    let mapping = write(
        dir.path(),
        "mapping.toml",
        "[columns]\nname = \"Agency\"\ncity = \"Town\"\npopulations = \"Serves\"\ntype = \"Kind\"\ncontact = \"Phone\"\n\
         [split]\nseparator = \",\"\nempty = [\"N/A\"]\n",
    );
    let failed = partnermap()
        .arg("import")
        .arg(&directory)
        .args(["--mapping"])
        .arg(&mapping)
        .args(["--out"])
        .arg(dir.path().join("out"))
        .assert()
        .code(2);
    assert_eq!(
        stderr(&failed)
            .replace(&dir.path().display().to_string(), "."),
        "error: ./directory.csv, line 2, field \"Serves\": \"Seniors\" (3 rows) is not a population of the vocabulary, nor mapped in ./mapping.toml\n  \
         hint: no population is close (the nearest is \"Residents with low incomes\"): map it under [terms] or declare it under [vocabulary] populations\n\
         error: ./directory.csv, line 3, field \"contact\": contact \"555-2\" here, but \"555-1\" on line 2 for the same organization\n  \
         hint: rows with the same name are one organization: give them one value, or map this column to notes\n\
         error: ./directory.csv, line 4, field \"Serves\": \"Vets\" (1 row) is not a population of the vocabulary, nor mapped in ./mapping.toml\n  \
         hint: no population is close (the nearest is \"English-language learners\"): map it under [terms] or declare it under [vocabulary] populations\n\
         3 errors in the input: nothing was analysed.\n"
    );

    std::fs::write(
        &mapping,
        "[coalition]\nname = \"North and South\"\n[columns]\nname = \"Agency\"\ncity = \"Town\"\npopulations = \"Serves\"\ntype = \"Kind\"\nnotes = \"Phone\"\n\
         [split]\nseparator = \",\"\nempty = [\"N/A\"]\n[terms]\n\"Vets\" = \"Veterans\"\n[vocabulary]\npopulations = [\"Older adults\", \"Veterans\"]\n\
         [terms.\"Seniors\"]\n",
    )
    .unwrap();
    let failed = partnermap()
        .arg("import")
        .arg(&directory)
        .arg("--mapping")
        .arg(&mapping)
        .arg("--out")
        .arg(dir.path().join("out"))
        .assert()
        .code(2);
    assert!(
        stderr(&failed).contains("mapping.toml, line 16: data did not match any variant"),
        "{}",
        stderr(&failed)
    );

    std::fs::write(
        &mapping,
        "[coalition]\nname = \"North and South\"\n[columns]\nname = \"Agency\"\ncity = \"Town\"\npopulations = \"Serves\"\ntype = \"Kind\"\nnotes = \"Phone\"\n\
         [split]\nseparator = \",\"\nempty = [\"N/A\"]\n[defaults]\nstatus = \"potential\"\n\
         [terms]\n\"Vets\" = \"Veterans\"\n\"Seniors\" = \"Older adults\"\n[vocabulary]\npopulations = [\"Older adults\", \"Veterans\"]\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    partnermap()
        .arg("import")
        .arg(&directory)
        .arg("--mapping")
        .arg(&mapping)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let coalition = partnermap_core::load(&out).unwrap().coalition;
    assert_eq!(coalition.name, "North and South");
    // Id, type, populations, city and notes of each organization.
    type Shown<'a> = (
        &'a str,
        &'a str,
        Vec<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
    );
    let shown: Vec<Shown> = coalition
        .organizations
        .iter()
        .map(|o| {
            (
                o.id.as_str(),
                o.kind.id(),
                o.populations.iter().map(String::as_str).collect(),
                o.location.city.as_deref(),
                o.notes.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            (
                "casa",
                "community-based-nonprofit",
                vec!["english-language-learners", "older-adults", "young-people"],
                Some("North; South"),
                Some("555-1; 555-2")
            ),
            (
                "hope-church",
                "faith-based",
                vec!["older-adults", "veterans"],
                Some("North"),
                None
            ),
        ]
    );
}

#[test]
fn a_mapping_naming_unknown_fields_or_columns_is_corrected_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let directory = write(dir.path(), "d.csv", "Organization Name,City\nA,B\n");
    let mapping = write(
        dir.path(),
        "m.toml",
        "[columns]\nname = \"Organisation Name\"\ncitty = \"City\"\n[defaults]\ntype = \"nonprofit\"\n",
    );
    let failed = partnermap()
        .arg("import")
        .arg(&directory)
        .arg("--mapping")
        .arg(&mapping)
        .arg("--out")
        .arg(dir.path().join("out"))
        .assert()
        .code(2);
    assert_eq!(
        stderr(&failed).replace(&dir.path().display().to_string(), "."),
        "error: ./m.toml, field \"columns.citty\": unknown field \"citty\"\n  hint: did you mean \"city\"?\n\
         error: ./m.toml, field \"columns.name\": the directory has no column \"Organisation Name\"\n  hint: did you mean \"Organization Name\"?\n\
         2 errors in the input: nothing was analysed.\n"
    );
}

#[test]
fn ntee_codes_become_domains_through_the_built_in_table() {
    let dir = tempfile::tempdir().unwrap();
    let directory = write(
        dir.path(),
        "irs.csv",
        "Name,NTEE\nJobs Now,J22\nShelter,L41; J\nMuseum,A20\nOdd,J2x2\n",
    );
    let mapping = write(
        dir.path(),
        "m.toml",
        "[columns]\nname = \"Name\"\nntee = \"NTEE\"\n[defaults]\ntype = \"nonprofit\"\n",
    );
    let out = dir.path().join("out");
    let run = || {
        partnermap()
            .arg("import")
            .arg(&directory)
            .arg("--mapping")
            .arg(&mapping)
            .arg("--out")
            .arg(&out)
            .assert()
    };
    let failed = run().code(2);
    assert_eq!(
        stderr(&failed).replace(&dir.path().display().to_string(), "."),
        "error: ./irs.csv, line 5, field \"NTEE\": \"J2x2\" (1 row) is not an NTEE code\n  \
         hint: an NTEE code is a letter and up to two digits, e.g. J22; docs/start.md lists the domains they give\n\
         1 error in the input: nothing was analysed.\n"
    );
    std::fs::write(
        &directory,
        "Name,NTEE\nJobs Now,J22\nShelter,L41; J\nMuseum,A20\n",
    )
    .unwrap();
    run().success();
    let coalition = partnermap_core::load(&out).unwrap().coalition;
    let domains: Vec<Vec<&str>> = coalition
        .organizations
        .iter()
        .map(|o| o.domains.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        domains,
        [
            vec!["employment-opportunities", "jobs-paying-living-wages"],
            vec!["housing-stability", "employment-opportunities"],
            vec![],
        ]
    );
}
