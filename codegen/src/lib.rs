//! The partner-center generator: reads the YAML spec of the Partner Center REST
//! API, checks it, and writes the client modules of the `partner-center` crate.
//!
//! The pipeline runs one way, a module per step:
//! [`spec::load`] → [`validate::validate`] → [`emit::jobs`] → [`output`].
//! [`import`] drafts spec entries from pages a person then checks.
//! [`docs`] reads the published documents the spec is checked against
//! (down to which operation each example shows); [`drift`] compares them
//! with the spec, and [`examples`] takes from them the responses the
//! generated test server answers. Both read the documents through
//! [`docs`]: generation never depends on the check.

// An internal tool (not published): its modules say what they hold, and its
// public items are for the CLI and the tests, not for users.
#![allow(missing_docs)]

pub mod diag;
pub mod docs;
pub mod drift;
pub mod emit;
pub mod examples;
pub mod ident;
pub mod import;
mod layout;
pub mod model;
pub mod openapi;
pub mod output;
mod parallel;
pub mod schema;
pub mod spec;
pub mod validate;

use std::path::{Path, PathBuf};

pub use diag::{Diagnostic, Error};
pub use output::{Drift, GeneratedFile};

/// The workspace root, where `spec/` and `generated/` live.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// The default spec folder: `spec/`.
pub fn default_spec() -> PathBuf {
    workspace_root().join("spec")
}

/// The default output folder: the generated modules of the `partner-center` crate.
pub fn default_out() -> PathBuf {
    workspace_root().join("generated").join("src").join("api")
}

/// The default documents folder: `spec/docs/en-us`.
pub fn default_docs() -> PathBuf {
    workspace_root().join("spec").join("docs").join("en-us")
}

/// Loads and validates the spec at `spec` (a file or a folder).
pub fn load_api(spec: &Path) -> Result<model::Api, Error> {
    let loaded = spec::load(spec)?;
    validate::validate(&loaded)
}

/// The documents of the spec at `spec` (a file or a folder): `docs/en-us`
/// beside its files.
pub fn docs_of(spec: &Path) -> PathBuf {
    let folder = if spec.is_dir() {
        spec
    } else {
        spec.parent().unwrap_or(Path::new("."))
    };
    folder.join("docs").join("en-us")
}

/// The OpenAPI document of the spec at `spec`, with the examples of its
/// documents ([`docs_of`]).
pub fn openapi_of(spec: &Path) -> Result<String, Error> {
    let api = load_api(spec)?;
    let examples = examples::Examples::read(&api, &docs_of(spec));
    Ok(openapi::render(&api, &examples))
}

/// Generates every file of the output folder from the spec at `spec`, in
/// memory, with the example responses of its documents ([`docs_of`]) for
/// the test server. Modules are emitted and formatted on as many threads
/// as the machine has; the files are the same bytes whatever their number.
pub fn generate(spec: &Path) -> Result<Vec<GeneratedFile>, Error> {
    let api = load_api(spec)?;
    let examples = examples::Examples::read(&api, &docs_of(spec));
    let jobs = emit::jobs(&api, &examples);
    let done = parallel::map(&jobs, |job| {
        let module = job();
        let outline = module.outline();
        output::render(module).map(|file| (outline, file))
    });
    let mut outlines = Vec::with_capacity(done.len() + 1);
    let mut files = Vec::with_capacity(done.len() + 1);
    for result in done {
        let (outline, file) = result?;
        outlines.push(outline);
        files.push(file);
    }
    files.push(output::render(emit::root(&outlines))?);
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}
