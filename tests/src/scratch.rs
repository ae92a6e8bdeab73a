//! The generated crate of another spec, built outside the workspace: "a
//! spec that validates generates a crate that compiles" is only proven by
//! compiling. A scratch workspace holds the hand-written runtime of
//! `generated/` and the generator's modules of any spec in place of the
//! real spec's, and is built offline with the workspace's lock file, as
//! downstream crates build it.

use std::path::{Path, PathBuf};

use partner_center_codegen::GeneratedFile;

use crate::{offline_cargo, root};

/// A workspace of one member, `generated`: the runtime, and the modules
/// last [`write`](ScratchCrate::write)n. One scratch crate can build many
/// specs' modules in turn: only what changed is compiled again.
pub struct ScratchCrate {
    dir: tempfile::TempDir,
}

impl ScratchCrate {
    /// The runtime, without generated modules yet. Its manifest is the
    /// workspace's, without the other members and without profiles (as the
    /// downstream example is built, so that all share what they compile).
    pub fn new() -> ScratchCrate {
        let root = root();
        let dir = tempfile::tempdir().unwrap();
        let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
        let mut kept = Vec::new();
        let mut in_profile = false;
        for line in manifest.lines() {
            if line.starts_with('[') {
                in_profile = line.starts_with("[profile");
            }
            if in_profile || line.starts_with("exclude") {
                continue;
            }
            kept.push(if line.starts_with("members") {
                "members = [\"generated\"]"
            } else {
                line
            });
        }
        std::fs::write(dir.path().join("Cargo.toml"), kept.join("\n")).unwrap();
        std::fs::copy(root.join("Cargo.lock"), dir.path().join("Cargo.lock")).unwrap();
        let crate_dir = dir.path().join("generated");
        std::fs::create_dir_all(&crate_dir).unwrap();
        std::fs::copy(
            root.join("generated/Cargo.toml"),
            crate_dir.join("Cargo.toml"),
        )
        .unwrap();
        copy_runtime(&root.join("generated/src"), &crate_dir.join("src"));
        copy_runtime(&root.join("generated/tests"), &crate_dir.join("tests"));
        ScratchCrate { dir }
    }

    fn api(&self) -> PathBuf {
        self.dir.path().join("generated/src/api")
    }

    /// Puts `files` in place of the generated modules, and nothing else.
    pub fn write(&self, files: &[GeneratedFile]) {
        let api = self.api();
        if api.exists() {
            std::fs::remove_dir_all(&api).unwrap();
        }
        for file in files {
            let path = api.join(&file.name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, &file.contents).unwrap();
        }
    }

    /// Builds the crate with `features`; what cargo said when it fails or
    /// warns.
    pub fn build(&self, features: &[&str]) -> Result<(), String> {
        let mut command = offline_cargo(self.dir.path());
        command.args(["build", "--quiet", "-p", "partner-center"]);
        if !features.is_empty() {
            command.args(["--features", &features.join(",")]);
        }
        let out = command.output().expect("run cargo");
        let stderr = String::from_utf8_lossy(&out.stderr);
        if !out.status.success() {
            return Err(format!("does not build ({features:?}):\n{stderr}"));
        }
        if stderr.contains("warning") {
            return Err(format!("has warnings ({features:?}):\n{stderr}"));
        }
        Ok(())
    }

    /// Builds the crate as downstream crates build it, and with its test
    /// server.
    pub fn build_all(&self) -> Result<(), String> {
        self.build(&[])?;
        self.build(&["test-server"])
    }
}

impl Default for ScratchCrate {
    fn default() -> Self {
        ScratchCrate::new()
    }
}

/// Copies the hand-written runtime (every file under `from` but the
/// generated `api/`) into `to`.
fn copy_runtime(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_file() {
            std::fs::copy(&path, target).unwrap();
        } else if path.file_name().unwrap() != "api" {
            copy_runtime(&path, &target);
        }
    }
}
