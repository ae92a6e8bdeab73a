//! Specs of any number of operations, made from the real one: its headers,
//! clouds, models and catalogue as they are, and its operations copied round
//! robin under new names and paths until there are enough. Written in one
//! file, or one file per operation, beside a copy of the documents.

use std::path::Path;

use serde_yaml::{Mapping, Value};

/// How the operations are spread over files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Every operation in one file.
    OneFile,
    /// One file per operation.
    FilePerOperation,
}

/// Writes a spec of `count` operations into `dir` (which must exist), with
/// the real spec's documents under `docs/en-us`.
pub fn write(dir: &Path, count: usize, layout: Layout) {
    let spec = partner_center_codegen::default_spec();
    let mut base = Mapping::new();
    let mut operations = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&spec)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let Value::Mapping(map) = serde_yaml::from_str(&text).unwrap() else {
            continue;
        };
        for (key, value) in map {
            match (key.as_str(), value) {
                (Some("operations"), Value::Sequence(ops)) => operations.extend(ops),
                (Some(_), Value::Sequence(items)) => {
                    let entry = base.entry(key).or_insert(Value::Sequence(Vec::new()));
                    if let Value::Sequence(all) = entry {
                        all.extend(items);
                    }
                }
                (_, value) => {
                    base.insert(key, value);
                }
            }
        }
    }
    let copies: Vec<Value> = (0..count)
        .map(|i| copy(&operations[i % operations.len()], i))
        .collect();
    write_yaml(&dir.join("base.yaml"), Value::Mapping(base));
    match layout {
        Layout::OneFile => write_yaml(&dir.join("operations.yaml"), operations_file(copies)),
        Layout::FilePerOperation => {
            for (i, op) in copies.into_iter().enumerate() {
                write_yaml(
                    &dir.join(format!("operation-{i:04}.yaml")),
                    operations_file(vec![op]),
                );
            }
        }
    }
    let docs = dir.join("docs/en-us");
    std::fs::create_dir_all(&docs).unwrap();
    for page in std::fs::read_dir(partner_center_codegen::default_docs()).unwrap() {
        let page = page.unwrap().path();
        std::fs::copy(&page, docs.join(page.file_name().unwrap())).unwrap();
    }
}

/// Operation `op` as the `i`th copy: its id, name, group and path made its
/// own; its contradictions and its responses' polls (which name the
/// original, or the operation polled) left out.
fn copy(op: &Value, i: usize) -> Value {
    let mut op = op.as_mapping().unwrap().clone();
    let suffix = |key: &str, op: &mut Mapping, sep: &str| {
        if let Some(Value::String(s)) = op.get_mut(key) {
            *s = format!("{s}{sep}{i}");
        }
    };
    suffix("id", &mut op, "_");
    suffix("name", &mut op, "");
    if let Some(Value::String(path)) = op.get_mut("path") {
        *path = path.replacen("/v1/", &format!("/v1/copy{i}/"), 1);
    }
    if let Some(Value::Mapping(group)) = op.get_mut("exactly_one_of")
        && let Some(Value::String(name)) = group.get_mut("name")
    {
        *name = format!("{name}{i}");
    }
    // Each failure's rule names the group by its name.
    if let Some(Value::Sequence(errors)) = op.get_mut("errors") {
        for error in errors {
            if let Some(Value::Mapping(when)) = error.get_mut("when") {
                for key in ["none_of", "several_of"] {
                    if let Some(Value::String(name)) = when.get_mut(key) {
                        *name = format!("{name}{i}");
                    }
                }
            }
        }
    }
    op.remove("contradictions");
    if let Some(Value::Sequence(responses)) = op.get_mut("responses") {
        for response in responses.iter_mut().filter_map(Value::as_mapping_mut) {
            response.remove("poll");
        }
    }
    Value::Mapping(op)
}

fn operations_file(ops: Vec<Value>) -> Value {
    let mut file = Mapping::new();
    file.insert(
        "description".into(),
        "Copies of the real spec's operations.".into(),
    );
    file.insert("operations".into(), Value::Sequence(ops));
    Value::Mapping(file)
}

fn write_yaml(path: &Path, value: Value) {
    std::fs::write(path, serde_yaml::to_string(&value).unwrap()).unwrap();
}
