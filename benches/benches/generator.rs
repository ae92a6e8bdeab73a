//! The generator at 1, 100 and 1,000 operations (synthetic specs made from
//! the real one), with every operation in one file and with one file per
//! operation: `generate` (load, validate, read the documents' examples,
//! emit, format) and `check` (the same, then compared with a written
//! output). After divan's table: the peak memory of generating 1,000
//! operations, and how long the generated crate of the real spec takes to
//! compile (debug, its dependencies built).
#![allow(clippy::unwrap_used)] // benchmark scaffolding

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Instant;

use divan::Bencher;
use partner_center_benches::alloc;
use partner_center_benches::synthetic::{self, Layout};
use partner_center_codegen::{generate, output};

const SIZES: [usize; 3] = [1, 100, 1000];
const LAYOUTS: [Layout; 2] = [Layout::OneFile, Layout::FilePerOperation];

/// A synthetic spec per size and layout, and its output written once.
struct Spec {
    dir: tempfile::TempDir,
    out: PathBuf,
}

static SPECS: LazyLock<Vec<(usize, Layout, Spec)>> = LazyLock::new(|| {
    let mut specs = Vec::new();
    for size in SIZES {
        for layout in LAYOUTS {
            let dir = tempfile::tempdir().unwrap();
            let spec = dir.path().join("spec");
            std::fs::create_dir(&spec).unwrap();
            synthetic::write(&spec, size, layout);
            let out = dir.path().join("out");
            output::write(&out, &generate(&spec).unwrap()).unwrap();
            specs.push((size, layout, Spec { dir, out }));
        }
    }
    specs
});

fn spec(size: usize, layout: Layout) -> (PathBuf, &'static Path) {
    let (_, _, s) = SPECS
        .iter()
        .find(|(n, l, _)| *n == size && *l == layout)
        .unwrap();
    (s.dir.path().join("spec"), &s.out)
}

#[divan::bench(args = SIZES, sample_count = 15, sample_size = 1)]
fn generate_one_file(bencher: Bencher, size: usize) {
    let (spec, _) = spec(size, Layout::OneFile);
    bencher.bench(|| generate(&spec).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 15, sample_size = 1)]
fn generate_file_per_operation(bencher: Bencher, size: usize) {
    let (spec, _) = spec(size, Layout::FilePerOperation);
    bencher.bench(|| generate(&spec).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 15, sample_size = 1)]
fn check_one_file(bencher: Bencher, size: usize) {
    let (spec, out) = spec(size, Layout::OneFile);
    bencher.bench(|| {
        let drift = output::check(out, &generate(&spec).unwrap()).unwrap();
        assert!(drift.is_empty());
    });
}

#[divan::bench(args = SIZES, sample_count = 15, sample_size = 1)]
fn check_file_per_operation(bencher: Bencher, size: usize) {
    let (spec, out) = spec(size, Layout::FilePerOperation);
    bencher.bench(|| {
        let drift = output::check(out, &generate(&spec).unwrap()).unwrap();
        assert!(drift.is_empty());
    });
}

/// The most memory generating 1,000 operations holds at once: the peak of
/// the process's resident set, the synthetic specs it holds included.
fn peak_memory() {
    for layout in LAYOUTS {
        let (spec, _) = spec(1000, layout);
        if !alloc::reset_peak() {
            println!("peak memory: not measured (no /proc/self/clear_refs)");
            return;
        }
        let files = generate(&spec).unwrap();
        let peak = alloc::peak().unwrap_or_default();
        drop(files);
        println!(
            "peak resident memory generating 1000 operations ({layout:?}): {:.1} MB",
            peak as f64 / 1e6
        );
    }
}

/// Builds the real spec's crate as a dependency is built (a copy, with the
/// workspace's dependencies and profiles, without incremental compilation,
/// which cargo uses for workspace members only) and says how long the crate
/// itself took, its dependencies built. They are built once, by the first
/// run, in `target/bench-compile/target`.
fn compile_time() {
    let root = partner_center_codegen::workspace_root();
    let base = root.join("target/bench-compile");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let build = |dir: &Path| {
        let started = Instant::now();
        let status = std::process::Command::new(&cargo)
            .args(["build", "--offline", "--quiet", "-p", "partner-center"])
            .current_dir(dir)
            .env("CARGO_TARGET_DIR", base.join("target"))
            .env("CARGO_INCREMENTAL", "0")
            .status()
            .unwrap();
        assert!(status.success());
        started.elapsed()
    };
    let copy = |name: &str| {
        let dir = base.join(name);
        let _ = std::fs::remove_dir_all(&dir);
        copy_dir(&root.join("generated"), &dir.join("generated"));
        std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
        std::fs::write(
            dir.join("Cargo.toml"),
            "[workspace]\nresolver = \"3\"\nmembers = [\"generated\"]\n\n[workspace.package]\nedition = \"2024\"\nrust-version = \"1.95\"\nlicense = \"MIT OR Apache-2.0\"\n\n[workspace.lints.rust]\nmissing_docs = \"warn\"\n\n[workspace.dependencies]\n"
                .to_string()
                + &workspace_dependencies(&root),
        )
        .unwrap();
        dir
    };
    // The first build may compile the dependencies; then the crate alone,
    // in fresh copies.
    build(&copy("warm"));
    let mut took: Vec<f64> = (0..3)
        .map(|i| build(&copy(&format!("measured-{i}"))).as_secs_f64())
        .collect();
    took.sort_by(f64::total_cmp);
    println!(
        "the generated crate ({} operations) compiles in {:.2} s (median of 3; debug, as a dependency: not incremental; its dependencies built)",
        partner_center_codegen::load_api(&partner_center_codegen::default_spec())
            .unwrap()
            .operations
            .len(),
        took[1]
    );
}

/// The `[workspace.dependencies]` table of the workspace's manifest and
/// its profiles (the dev profile builds line tables only, as the workspace
/// does).
fn workspace_dependencies(root: &Path) -> String {
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let start =
        manifest.find("[workspace.dependencies]").unwrap() + "[workspace.dependencies]".len();
    manifest[start..].to_string()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

fn main() {
    LazyLock::force(&SPECS);
    divan::main();
    peak_memory();
    compile_time();
}
