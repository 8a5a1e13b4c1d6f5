//! Helpers shared by the CLI's integration tests.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared` beside the repository, when this checkout has it (CI does; a user's clone does not).
pub fn shared() -> Option<PathBuf> {
    let p = repo().join("../shared");
    if p.join("seeds").is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: {} is absent (the shared data sets live beside the repository in CI)", p.display());
        None
    }
}

/// Runs the marsad binary with `args`, from the repository root.
pub fn marsad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marsad")).args(args).current_dir(repo()).output().expect("the marsad binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
