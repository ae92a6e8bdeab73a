//! What the examples say of the drafted models: each example body is
//! walked with its type, and every object of a model tells which of its
//! properties it has. A property an example shows missing or null is
//! optional; the JSON name is the one the responses write (the tables often
//! write PascalCase); a property only a response shows is added
//! (`origin: example`); and a value of another kind than the table's type
//! (text where the table says `int`) is marked for a person.

use std::collections::HashMap;

use serde_json::Value;

use super::types::{self, kind_fits};
use super::{Importer, Marks, resource};
use crate::spec::raw::{Origin, RawProperty};

/// An example body and the type the draft gives it.
#[derive(Debug, Clone)]
pub(super) struct Body {
    pub file: String,
    pub line: usize,
    pub ty: String,
    pub value: Value,
    /// A request's body, whose keys the service reads without regard to case.
    pub request: bool,
}

/// What the examples showed of one model.
#[derive(Debug, Default)]
struct Seen {
    /// How many objects of the model the examples hold.
    objects: usize,
    keys: HashMap<String, Key>,
}

/// One key of a model's objects.
#[derive(Debug)]
struct Key {
    /// As a response writes it, else as a request does.
    response: Option<String>,
    request: Option<String>,
    /// In how many objects it has a value (not null).
    present: usize,
    /// Its first value, and where.
    sample: Value,
    file: String,
    line: usize,
}

/// A name as the examples and the tables are matched: without case or `_`.
fn norm(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// What the example bodies kept by `exchange` show of each model (by its
/// place in the draft's models).
fn learn(im: &Importer<'_>) -> HashMap<usize, Seen> {
    let index: HashMap<&str, usize> = im
        .models
        .iter()
        .enumerate()
        .map(|(i, m)| (m.name.as_str(), i))
        .collect();
    let walker = Walker { im, index: &index };
    let mut seen = HashMap::new();
    for body in &im.bodies {
        walker.walk(&body.ty, &body.value, body, &mut seen);
    }
    seen
}

/// Adds the properties only a response shows to their models: then the
/// examples are walked again, into the models those properties name.
pub(super) fn discover(im: &mut Importer<'_>) {
    let mut added: Vec<(usize, String, Key, usize)> = Vec::new();
    for (m, mut seen) in learn(im) {
        let model = &im.models[m];
        for p in &model.properties {
            seen.keys.remove(&norm(&p.name));
        }
        for (k, key) in seen.keys.drain() {
            if key.response.is_some() {
                added.push((m, k, key, seen.objects));
            }
        }
    }
    added.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    for (m, _, key, objects) in added {
        let name = key.response.clone().unwrap_or_default();
        let typed = types::of_value(im, &name, &key.sample, &key.file, key.line);
        let mut marks = Marks::default();
        let what = format!(
            "`{name}` is shown by the example only, not by the table: its description, or leave it out"
        );
        marks.add(&key.file, key.line, what);
        if let Some(why) = typed.why {
            marks.add(&key.file, key.line, why);
        }
        if let Some(model) = im.models.get_mut(m) {
            model.properties.push(RawProperty {
                name,
                decide: marks.into_decide(),
                documented_as: None,
                ty: typed.ty,
                optional: key.present < objects,
                origin: Origin::Example,
                rust_name: None,
                description: String::new(),
            });
        }
    }
}

/// What the examples say of the tables' properties: missing or null is
/// optional, the JSON name is the responses' spelling, and a value of
/// another kind than the table's type is marked.
pub(super) fn apply(im: &mut Importer<'_>) {
    for (m, mut seen) in learn(im) {
        let model = &mut im.models[m];
        for p in &mut model.properties {
            let Some(key) = seen.keys.remove(&norm(&p.name)) else {
                p.optional = true;
                continue;
            };
            // A request's PascalCase (`CompanyName`) is the service's camelCase.
            let request = key.request.as_deref().map(resource::json_name);
            if let Some(name) = key.response.clone().or(request).filter(|n| *n != p.name) {
                let documented = p.documented_as.take().unwrap_or_else(|| p.name.clone());
                p.name = name;
                p.documented_as = Some(documented);
            }
            p.optional |= key.present < seen.objects;
            if !kind_fits(&p.ty, &key.sample) {
                let mut marks = Marks::default();
                let value: String = key.sample.to_string().chars().take(40).collect();
                let what = format!(
                    "the table types `{}` as `{}`, but the example gives {value}",
                    p.name, p.ty
                );
                marks.add(&key.file, key.line, what);
                marks.onto(&mut p.decide);
            }
        }
    }
    im.bodies.clear();
    // A table's spelling is kept only where it differs beyond case.
    for p in im.models.iter_mut().flat_map(|m| &mut m.properties) {
        if p.documented_as
            .as_ref()
            .is_some_and(|d| d.eq_ignore_ascii_case(&p.name))
        {
            p.documented_as = None;
        }
    }
}

struct Walker<'a, 'k> {
    im: &'a Importer<'k>,
    index: &'a HashMap<&'a str, usize>,
}

impl Walker<'_, '_> {
    /// `value` as of type `ty`: each object of a model is counted.
    fn walk(&self, ty: &str, value: &Value, body: &Body, seen: &mut HashMap<usize, Seen>) {
        if let Some(item) = ty.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            for v in value.as_array().into_iter().flatten() {
                self.walk(item, v, body, seen);
            }
        } else if let Some((collection, item)) = self.im.known.collection_type(ty) {
            // The envelope's own properties, its item list of the item type.
            for (name, ty) in &collection.properties {
                let ty = if ty == "[T]" {
                    format!("[{item}]")
                } else {
                    ty.clone()
                };
                if let Some(v) = value.get(name) {
                    self.walk(&ty, v, body, seen);
                }
            }
        } else if let Some(item) = ty.strip_prefix("map<").and_then(|t| t.strip_suffix('>')) {
            for v in value.as_object().into_iter().flat_map(|o| o.values()) {
                self.walk(item, v, body, seen);
            }
        } else if let (Some(&m), Some(object)) = (self.index.get(ty), value.as_object()) {
            let model = &self.im.models[m];
            let entry = seen.entry(m).or_default();
            entry.objects += 1;
            for (k, v) in object {
                let key = entry.keys.entry(norm(k)).or_insert_with(|| Key {
                    response: None,
                    request: None,
                    present: 0,
                    sample: v.clone(),
                    file: body.file.clone(),
                    line: body.line,
                });
                let spelling = if body.request {
                    &mut key.request
                } else {
                    &mut key.response
                };
                spelling.get_or_insert_with(|| k.clone());
                if !v.is_null() {
                    key.present += 1;
                    if key.sample.is_null() {
                        key.sample = v.clone();
                    }
                }
            }
            let children: Vec<(String, &Value)> = object
                .iter()
                .filter_map(|(k, v)| {
                    let p = model.properties.iter().find(|p| norm(&p.name) == norm(k))?;
                    Some((p.ty.clone(), v))
                })
                .collect();
            for (ty, v) in children {
                self.walk(&ty, v, body, seen);
            }
        }
    }
}
