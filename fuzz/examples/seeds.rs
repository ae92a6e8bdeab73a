//! Writes the seed corpus of each fuzz target (`corpus/<target>/seed-*`)
//! from the project itself: the spec's files (and the generator's fixture
//! of every shape), the pages it lists, and the example responses of those
//! pages, as the project's own reader reads
//! them. Run it after the spec or the pages change:
//!
//! ```text
//! cargo +nightly run --manifest-path fuzz/Cargo.toml --example seeds
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use partner_center_codegen::docs::{self, Page};
use partner_center_codegen::model::{Operation, Type};
use partner_center_fuzz::{CLIENT_OPERATIONS, CLIENT_STATUSES, RESPONSE_TYPES, join, root};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = root();
    let spec = root.join("spec");
    let api = partner_center_codegen::load_api(&spec)?;
    let corpus = root.join("fuzz/corpus");
    let mut seeds: BTreeMap<(&str, String), Vec<u8>> = BTreeMap::new();

    // spec: the whole spec as one input, and each file alone.
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&spec)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let name = file_name(&path);
            files.push((name, std::fs::read(&path)?));
        }
    }
    files.sort();
    seeds.insert(("spec", "all".into()), join(&files));
    for (name, bytes) in &files {
        seeds.insert(("spec", stem(name)), bytes.clone());
    }
    // The generator's fixture of every shape the format has: one file.
    let fixture = root.join("codegen/tests/fixtures/every-shape/spec.yaml");
    seeds.insert(("spec", "every-shape".into()), std::fs::read(fixture)?);

    // docs: each page the spec lists, named.
    let en_us = spec.join("docs/en-us");
    for document in &api.documents {
        let bytes = std::fs::read(en_us.join(&document.file))?;
        let seed = join(&[(document.file.clone(), bytes)]);
        seeds.insert(("docs", stem(&document.file)), seed);
    }

    // response and client: every example response of an operation page.
    for document in &api.documents {
        let page = Page::read(&en_us.join(&document.file))?;
        for message in docs::messages(&api, &document.file, &page) {
            if message.is_request {
                continue;
            }
            let Ok(response) = docs::parse_response(&message.text) else {
                continue;
            };
            let body = response.served_body().into_bytes();
            if body.is_empty() {
                continue;
            }
            // One of each operation and status: the failures of one
            // page differ in their words only.
            let name = format!("{}-{}", message.op.id, response.status);
            if seeds.contains_key(&("response", name.clone())) {
                continue;
            }
            if let Some(which) = response_type(message.op, response.status) {
                let mut seed = vec![which];
                seed.extend_from_slice(&body);
                seeds.insert(("response", name.clone()), seed);
            }
            for (which, followed) in client_calls(message.op, response.status) {
                let mut seed = vec![which];
                seed.extend_from_slice(&body);
                let name = if followed {
                    format!("{name}-followed")
                } else {
                    name.clone()
                };
                seeds.insert(("client", name), seed);
            }
        }
    }

    for target in ["spec", "docs", "response", "client"] {
        let dir = corpus.join(target);
        std::fs::create_dir_all(&dir)?;
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if file_name(&path).starts_with("seed-") {
                std::fs::remove_file(path)?;
            }
        }
    }
    let mut total = 0;
    for ((target, name), bytes) in &seeds {
        total += bytes.len();
        std::fs::write(corpus.join(target).join(format!("seed-{name}")), bytes)?;
    }
    println!("{} seeds, {total} bytes", seeds.len());
    Ok(())
}

/// The `response` target's first byte for what `op` answers with `status`.
fn response_type(op: &Operation, status: u16) -> Option<u8> {
    let name = if status >= 400 {
        "ErrorBody".to_string()
    } else {
        let response = op.responses.iter().find(|r| r.status == status)?;
        match response.body.as_ref()? {
            Type::Model(name) => name.clone(),
            Type::Collection(item) => match &**item {
                Type::Model(name) => format!("ResourceCollection<{name}>"),
                _ => return None,
            },
            _ => return None,
        }
    };
    let index = RESPONSE_TYPES.iter().position(|t| *t == name)?;
    u8::try_from(index).ok()
}

/// The `client` target's first bytes for calls of `op` answered `status`,
/// each saying whether the call follows the listing's next links.
fn client_calls(op: &Operation, status: u16) -> Vec<(u8, bool)> {
    let status = CLIENT_STATUSES
        .iter()
        .position(|s| *s == status)
        .or_else(|| CLIENT_STATUSES.iter().position(|s| *s == 400))
        .unwrap_or(0);
    let followed = format!("{}, followed", op.id);
    CLIENT_OPERATIONS
        .iter()
        .enumerate()
        .filter(|(_, o)| **o == op.id || **o == followed)
        .filter_map(|(call, o)| Some((u8::try_from(status << 3 | call).ok()?, *o == followed)))
        .collect()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn stem(name: &str) -> String {
    name.rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .to_string()
}
