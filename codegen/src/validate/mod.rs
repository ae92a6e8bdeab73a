//! Checks the spec as written and builds the model the emitters use. Every
//! problem found is reported, each at the file, line and column it concerns.
//!
//! One module per kind of item: `types` (type expressions and property
//! lists), `model` (models and the collection envelope), `operation` and
//! `path` (its path template and the rows it names), `failures` (an
//! operation's documented failures), `protocol` (headers, clouds, the error
//! catalogue, throttling), `contradictions` (of items and of whole pages),
//! `left_out` (pages not described, on purpose); this one holds the
//! documents, the checks every kind shares and what spans the whole spec
//! (names shared by the crate root); `undecided` refuses the `decide:`
//! marks of a draft.

mod contradictions;
mod exchange;
mod failures;
mod left_out;
mod model;
mod operation;
mod path;
mod poll;
mod protocol;
mod types;
mod undecided;
mod union;

use std::collections::{BTreeMap, HashMap};

use crate::diag::{Diagnostic, Error};
use crate::ident;
use crate::model::*;
use crate::spec::{Loaded, SourceFile};

pub(crate) use types::Names;

/// Validates a loaded spec into the model, or returns every problem found.
pub fn validate(loaded: &Loaded) -> Result<Api, Error> {
    let mut v = Validator::default();
    let files = || loaded.files.iter().zip(&loaded.parts);

    let mut documents: Vec<Document> = Vec::new();
    for (file, part) in files() {
        for d in &part.documents {
            let at = v.item(file, "documents", "file", &d.file);
            if documents.iter().any(|x| x.file == d.file) {
                v.error(file, at, format!("document `{}` is listed twice", d.file));
            }
            if d.index && documents.iter().any(|x| x.index) {
                v.error(
                    file,
                    at,
                    "only one document can be the resource index".into(),
                );
            }
            v.file_name(file, at, &d.file);
            v.non_empty(file, at, "title", &d.title);
            let contradictions = v.page_contradictions(file, at, &d.file, &d.contradictions);
            documents.push(Document {
                file: d.file.clone(),
                title: d.title.clone(),
                index: d.index,
                contradictions,
            });
        }
    }

    let areas = v.areas(loaded);
    for (file, part) in files() {
        v.undecided(file, part);
    }

    let mut headers = Vec::new();
    let mut clouds = Vec::new();
    for (file, part) in files() {
        for h in &part.headers {
            if let Some(h) = v.header(file, h, &documents, &headers) {
                headers.push(h);
            }
        }
        for c in &part.clouds {
            if let Some(c) = v.cloud(file, c, &documents, &clouds) {
                clouds.push(c);
            }
        }
    }

    if clouds.is_empty()
        && let Some(file) = loaded.files.first()
    {
        v.error(
            file,
            (1, 1),
            "the spec names no cloud: the client needs a base URL".into(),
        );
    }
    let names = Names::new(loaded, &documents, &headers, &clouds);
    let mut models = Vec::new();
    for (file, part) in files() {
        for m in &part.models {
            if let Some(m) = v.model(file, m, &names) {
                models.push(m);
            }
        }
    }
    models.sort_by(|a, b| a.name.cmp(&b.name));
    v.diagnostics.extend(model::rate_limit_consts(&models));
    v.diagnostics.extend(union::inherit(&mut models));
    let mut collections: Vec<Collection> = Vec::new();
    for (file, part) in files() {
        for raw in &part.collections {
            let at = v.item(file, "collections", "name", &raw.name);
            if collections.iter().any(|c| c.name == raw.name) {
                v.error(
                    file,
                    at,
                    format!("collection `{}` is listed twice", raw.name),
                );
            }
            collections.extend(v.collection(file, at, raw, &names, &models));
        }
    }
    collections.sort_by(|a, b| a.name.cmp(&b.name));

    let mut operations = Vec::new();
    for (file, part) in files() {
        for o in &part.operations {
            if let Some(o) = v.operation(file, o, &names, &models, &operations) {
                operations.push(o);
            }
        }
    }
    operations.sort_by(|a, b| a.id.cmp(&b.id));
    v.diagnostics
        .extend(union::choosers(&mut operations, &models));
    v.diagnostics.extend(poll::check(&mut operations, &models));

    let mut error_codes = None;
    let mut throttling = None;
    for (file, part) in files() {
        if let Some(raw) = &part.error_codes {
            let at = Validator::field(file, (1, 1), "error_codes", None);
            if error_codes.is_some() {
                v.error(file, at, "`error_codes` is given twice".into());
            }
            error_codes = Some(v.error_codes(file, at, raw, &documents));
        }
        if let Some(raw) = &part.throttling {
            let at = Validator::field(file, (1, 1), "throttling", None);
            if throttling.is_some() {
                v.error(file, at, "`throttling` is given twice".into());
            }
            throttling = Some(v.throttling(file, at, raw, &names));
        }
    }

    let left_out = v.left_out(loaded, &documents);

    if v.diagnostics.is_empty() {
        Ok(Api {
            documents,
            areas,
            headers,
            clouds,
            operations,
            models,
            collections,
            error_codes,
            throttling: throttling.flatten(),
            left_out,
        })
    } else {
        Err(Error::Spec(v.diagnostics))
    }
}

/// A position: (line, column).
type At = (usize, usize);

#[derive(Default)]
struct Validator {
    diagnostics: Vec<Diagnostic>,
    /// How many items with a given anchor line were seen per file and
    /// section, so that a repeated item is located at its own line.
    seen: HashMap<(std::path::PathBuf, String), usize>,
    /// Where each type name of the crate root is defined, for collisions.
    roots: BTreeMap<String, (std::path::PathBuf, At, String)>,
    /// The area of each spec file that has one.
    areas: HashMap<std::path::PathBuf, String>,
}

impl Validator {
    /// Locates an item of `section` (a top-level key) by its identifying
    /// `key: value` line.
    fn item(&mut self, file: &SourceFile, section: &str, key: &str, value: &str) -> At {
        let from = file.locate(section, None, 1, 0).map_or(1, |(line, _)| line);
        let id = (file.path.clone(), format!("{section}\0{key}\0{value}"));
        let nth = self.seen.entry(id).or_insert(0);
        let at = file
            .locate(key, Some(value), from, *nth)
            .unwrap_or((from, 1));
        *nth += 1;
        at
    }

    /// Locates a field of the item at `item`: the first `key:` line after it.
    fn field(file: &SourceFile, item: At, key: &str, value: Option<&str>) -> At {
        file.locate(key, value, item.0, 0).unwrap_or(item)
    }

    fn location(file: &SourceFile, at: At) -> Location {
        Location {
            file: file.path.clone(),
            line: at.0,
        }
    }

    fn error(&mut self, file: &SourceFile, at: At, message: String) {
        self.diagnostics.push(file.diagnostic(at, message));
    }

    fn field_error(&mut self, file: &SourceFile, item: At, key: &str, message: String) {
        let at = Self::field(file, item, key, None);
        self.error(file, at, message);
    }

    /// A name of `spec/docs/en-us` (which the crate's docs quote), or of the
    /// documents' folder.
    fn file_name(&mut self, file: &SourceFile, at: At, name: &str) {
        if name.trim().is_empty() || name.contains(['/', '\\']) || name.contains(char::is_control) {
            let message = format!(
                "document `{}` is not a file name of the documents' folder: no `/`, `\\` or control characters",
                name.escape_debug()
            );
            self.error(file, at, message);
        }
    }

    fn non_empty(&mut self, file: &SourceFile, item: At, key: &str, value: &str) {
        if value.trim().is_empty() {
            self.field_error(file, item, key, format!("`{key}` must not be empty"));
        }
    }

    /// The `status:` of the item at `item` must be in `range`.
    fn status(
        &mut self,
        file: &SourceFile,
        item: At,
        status: u16,
        range: std::ops::Range<u16>,
        label: &str,
        expected: &str,
    ) {
        if !range.contains(&status) {
            self.field_error(
                file,
                item,
                "status",
                format!("{label} {status} is not {expected}"),
            );
        }
    }

    fn doc_ref(&mut self, file: &SourceFile, item: At, doc: &str, known: &[Document]) {
        if !known.iter().any(|d| d.file == doc) {
            let at = Self::field(file, item, "doc", Some(doc));
            self.error(
                file,
                at,
                format!("unknown document `{doc}`: list it under `documents` first"),
            );
        }
    }

    fn ident(
        &mut self,
        file: &SourceFile,
        at: At,
        make: fn(&str) -> Result<String, String>,
        name: &str,
    ) -> Option<String> {
        match make(name) {
            Ok(ident) => Some(ident),
            Err(message) => {
                self.error(file, at, message);
                None
            }
        }
    }

    /// A type name of the crate root: unique, and not one the prelude or the
    /// runtime already gives.
    fn root_type(&mut self, file: &SourceFile, at: At, name: &str, owner: &str) {
        if let Some(why) = ident::reserved_type(name) {
            self.error(
                file,
                at,
                format!("{owner} would be the type `{name}`, {why}: rename it"),
            );
            return;
        }
        let entry = (file.path.clone(), at, owner.to_string());
        if let Some((_, _, other)) = self.roots.insert(name.to_string(), entry) {
            self.error(
                file,
                at,
                format!("{owner} and {other} would both be the type `{name}`: rename one"),
            );
        }
    }

    /// The areas of the spec: each file with operations or models is one,
    /// named after the file, described by its `description`.
    fn areas(&mut self, loaded: &Loaded) -> Vec<Area> {
        let mut areas: Vec<(Area, &SourceFile)> = Vec::new();
        for (file, part) in loaded.files.iter().zip(&loaded.parts) {
            if part.operations.is_empty() && part.models.is_empty() && part.collections.is_empty() {
                continue;
            }
            let stem = file
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let Some(ident) = self.ident(file, (1, 1), ident::area_ident, &stem) else {
                continue;
            };
            if let Some((_, other)) = areas.iter().find(|(a, _)| a.ident == ident) {
                let message = format!(
                    "this file and `{}` would both be the modules `{ident}` of their operations and models: rename one",
                    other.path.file_name().unwrap_or_default().to_string_lossy()
                );
                self.error(file, (1, 1), message);
            }
            let description = part.description.clone().unwrap_or_default();
            match file.locate("description", None, 1, 0) {
                Some(at) if at.1 == 1 => self.non_empty(file, at, "description", &description),
                _ if description.trim().is_empty() => self.error(
                    file,
                    (1, 1),
                    "a file with operations or models needs a `description`: the doc of their modules".into(),
                ),
                _ => {}
            }
            self.areas.insert(file.path.clone(), ident.clone());
            areas.push((Area { ident, description }, file));
        }
        let mut areas: Vec<Area> = areas.into_iter().map(|(a, _)| a).collect();
        areas.sort_by(|a, b| a.ident.cmp(&b.ident));
        areas
    }

    /// The area of `file`'s operations and models.
    fn area_of(&self, file: &SourceFile) -> String {
        self.areas.get(&file.path).cloned().unwrap_or_default()
    }
}

/// A located error about the item at `at` (its first column), for the
/// checks that span several items, made once every item is read.
pub(super) fn error_at(at: &Location, message: String) -> Diagnostic {
    Diagnostic {
        file: at.file.clone(),
        line: at.line,
        column: 1,
        message,
    }
}

fn same_ident(what: &str, name: &str, other: &str, ident: &str) -> String {
    format!(
        "{what} `{name}` and {what} `{other}` would both be the Rust identifier `{ident}`: rename one"
    )
}

/// RFC 9110 `tchar`.
pub(crate) fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}
