//! The spec as OpenAPI (`openapi/partner-center.json`): it holds every
//! operation and model of the spec, an independent validator accepts it,
//! and an independent generator makes a client of it that compiles.
//!
//! The validator (openapi-spec-validator) and the generator
//! (openapi-python-client) are Python tools from PyPI, installed at pinned
//! versions into a virtual environment under `target/openapi-tools` the
//! first time (the machine's Python 3 and the package registry are all it
//! needs).
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use partner_center_codegen::model::Type;
use partner_center_codegen::openapi;
use partner_center_tests::replay::spec;
use partner_center_tests::root;
use serde_json::Value;

const TOOLS: [&str; 2] = [
    "openapi-spec-validator==0.7.2",
    "openapi-python-client==0.28.0",
];

fn document() -> Value {
    let text = std::fs::read_to_string(openapi::default_path()).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The virtual environment of the tools, made once.
fn tools() -> &'static Path {
    static VENV: OnceLock<PathBuf> = OnceLock::new();
    VENV.get_or_init(|| {
        let venv = root().join("target/openapi-tools");
        let python = venv.join("bin/python");
        let marker = venv.join(TOOLS.join(" ").replace(['=', ' '], "_"));
        if !marker.exists() {
            let made = Command::new("python3")
                .args(["-m", "venv"])
                .arg(&venv)
                .status()
                .expect("python3 runs (the machine's Python 3 makes the tools' environment)");
            assert!(made.success(), "python3 -m venv {}", venv.display());
            let out = Command::new(&python)
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                ])
                .args(TOOLS)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "pip install {TOOLS:?}:\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
            std::fs::write(&marker, "").unwrap();
        }
        venv
    })
}

#[test]
fn the_document_holds_every_operation_and_model_of_the_spec() {
    let doc = document();
    let api = spec();
    let mut ids = Vec::new();
    for item in doc["paths"].as_object().unwrap().values() {
        for op in item.as_object().unwrap().values() {
            match op.get("x-partner-center-operations") {
                Some(all) => {
                    ids.extend(all.as_array().unwrap().iter().map(|i| i.as_str().unwrap()))
                }
                None => ids.push(op["operationId"].as_str().unwrap()),
            }
        }
    }
    ids.sort_unstable();
    let mut expected: Vec<&str> = api.operations.iter().map(|o| o.id.as_str()).collect();
    expected.sort_unstable();
    assert_eq!(ids, expected, "every operation, once");
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for m in &api.models {
        assert!(schemas.contains_key(&m.name), "model {}", m.name);
    }
    // A collection of models is made concrete for each item model it carries.
    for o in &api.operations {
        for r in &o.responses {
            if let Some(Type::Collection(name, item)) = &r.body
                && let Type::Model(item) = &**item
            {
                let instance = format!("{name}_{item}");
                assert!(schemas.contains_key(&instance), "{}: {instance}", o.id);
                let items = &schemas[&instance]["properties"];
                assert!(
                    items
                        .to_string()
                        .contains(&format!("#/components/schemas/{item}")),
                    "{instance} holds {item}: {items}"
                );
            }
        }
    }
    assert_eq!(doc["openapi"], "3.0.3");
    assert_eq!(
        doc["servers"].as_array().unwrap().len(),
        api.clouds.len(),
        "a server per cloud"
    );
}

#[test]
fn an_independent_validator_accepts_the_document() {
    let out = Command::new(tools().join("bin/openapi-spec-validator"))
        .arg(openapi::default_path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.trim_end().ends_with(": OK"), "{said}");
}

#[test]
fn an_independent_generator_makes_a_client_that_compiles() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(tools().join("bin/openapi-python-client"))
        .args(["generate", "--meta", "none", "--path"])
        .arg(openapi::default_path())
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let package = dir.path().join("partner_center_rest_api_client");
    let python = tools().join("bin/python");
    let compiled = Command::new(&python)
        .args(["-m", "compileall", "-q"])
        .arg(&package)
        .status()
        .unwrap();
    assert!(compiled.success(), "the generated client compiles");
    // Every module of it imports, and has a function per operation.
    let script = "import importlib, pkgutil, sys\n\
        import partner_center_rest_api_client as p, partner_center_rest_api_client.api as api\n\
        n = 0\n\
        for m in pkgutil.walk_packages(api.__path__, api.__name__ + '.'):\n\
        \x20   mod = importlib.import_module(m.name)\n\
        \x20   n += hasattr(mod, 'sync_detailed')\n\
        print(n)";
    let imported = Command::new(&python)
        .args(["-c", script])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let operations: usize = String::from_utf8_lossy(&imported.stdout)
        .trim()
        .parse()
        .unwrap();
    let places: usize = document()["paths"]
        .as_object()
        .unwrap()
        .values()
        .map(|item| item.as_object().unwrap().len())
        .sum();
    assert_eq!(
        operations, places,
        "a function per operation of the document"
    );
}
