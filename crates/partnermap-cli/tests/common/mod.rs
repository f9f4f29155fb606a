//! Helpers shared by the CLI's integration tests.

use std::path::{Path, PathBuf};

/// A path relative to the workspace root, so tests run from any directory.
#[allow(dead_code)] // each test file is its own crate, and not every one reads the workspace's files
pub fn workspace_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

/// Compares `actual` byte for byte with the golden file `tests/golden/<name>` of this crate,
/// through the workspace's one golden helper (`UPDATE_GOLDEN=1` rewrites it).
#[track_caller]
#[allow(dead_code)] // each test file is its own crate, and not every one compares goldens
pub fn assert_golden(name: &str, actual: &str) {
    partnermap_testkit::assert_golden(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(name),
        actual,
    );
}
