//! `cargo codegen import`: drafts spec entries from operation pages and the
//! resource pages they link to, so that a person checks facts instead of
//! typing them. What the pages state is taken as they state it (every
//! description byte for byte, every item with its `doc:`); what they leave
//! open (names, a model only in prose, a type spelling no rule knows, a page
//! that disagrees with itself) is marked `decide:` with the page and line,
//! which validation refuses until a person decides.
//!
//! One module per concern: `library` (the pages read, links resolved),
//! `operation` (a request-syntax row: method, path, headers, clouds,
//! credentials), `params` (its URI-parameter table), `exchange` (its
//! examples: responses, failures), `bodies` (the request's and responses'
//! models), `resource` (a model's table), `enums` (the enums descriptions
//! list), `types` (type spellings to the spec's types), `examples` (what
//! the examples say of the models), `yaml` (the draft as the spec writes
//! it) and `append` (adding it to a file).

mod append;
mod bodies;
mod enums;
mod examples;
mod exchange;
mod known;
mod library;
mod operation;
mod params;
mod resource;
mod rows;
mod types;
mod yaml;

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Error};
use crate::docs::Page;
use crate::spec::raw::{RawDocument, RawModel, RawOperation};

pub use append::{Appended, append};
pub use known::Known;
pub use yaml::render;

use library::{Library, TableRef, file_name};

/// A draft of spec entries, in the order the pages give them.
#[derive(Debug, Default)]
pub struct Draft {
    /// What the draft's operations and models are about (a file's
    /// `description:`): the first page's own summary.
    pub description: String,
    pub documents: Vec<RawDocument>,
    pub operations: Vec<RawOperation>,
    pub models: Vec<RawModel>,
}

/// A draft, and the pages that could not be drafted, each with where.
#[derive(Debug)]
pub struct Imported {
    pub draft: Draft,
    pub errors: Vec<Diagnostic>,
}

impl Draft {
    /// How many `decide:` marks the draft has.
    pub fn decisions(&self) -> usize {
        crate::spec::raw::marks(&self.operations, &self.models).len()
    }
}

/// Drafts the spec entries of `pages`: the operations of operation pages,
/// the models they use (from the resource pages they link to, found in
/// `docs` or beside the pages), and every table of a resource page given
/// itself. A page that is neither is an error at its first line.
pub fn import(pages: &[PathBuf], docs: &Path, known: &Known) -> Result<Imported, Error> {
    let mut folders = vec![docs.to_path_buf()];
    for p in pages {
        let folder = p.parent().unwrap_or(Path::new(".")).to_path_buf();
        if !folders.contains(&folder) {
            folders.push(folder);
        }
    }
    let mut im = Importer::new(known, Library::new(folders));
    let mut errors = Vec::new();
    let mut given: HashSet<String> = HashSet::new();
    for path in pages {
        let page = Page::read(path).map_err(|e| Error::io(path, e))?;
        let file = file_name(path);
        // A page named twice is drafted once.
        if !given.insert(file.clone()) {
            continue;
        }
        let page = im.library.insert(&file, page);
        let ops = operation::read(&mut im, &page, &file);
        let drafted = if ops.is_empty() {
            resource::whole_page(&mut im, &page, &file)
        } else {
            ops.len()
        };
        im.operations.extend(ops);
        if drafted == 0 {
            errors.push(refused(path, &page));
            continue;
        }
        im.document(&file, &page);
        if im.description.is_empty() {
            im.description = operation::summary(&page)
                .map(|(_, s)| s)
                .unwrap_or_default();
        }
    }
    im.drain();
    examples::discover(&mut im);
    im.drain();
    examples::apply(&mut im);
    im.rename();
    let draft = Draft {
        description: im.description,
        documents: im.documents,
        operations: im.operations,
        models: im.models,
    };
    Ok(Imported { draft, errors })
}

/// Why a page gives no draft, where it says so: a "Request syntax"
/// heading whose table does not parse (a delimiter row of another width),
/// or no request-syntax row and no table of properties at all.
fn refused(path: &Path, page: &Page) -> Diagnostic {
    let syntax = page
        .headings
        .iter()
        .find(|h| h.text.eq_ignore_ascii_case("request syntax"));
    let (line, message) = match syntax {
        Some(h) => (
            h.line,
            "no row `METHOD | {baseURL}/...` under \"Request syntax\": its table does not parse as a table (is its delimiter row as wide as its header?)".to_string(),
        ),
        None => (
            1,
            "no request-syntax row (`METHOD | {baseURL}/...`) and no table of properties: not a page the importer can draft".to_string(),
        ),
    };
    Diagnostic {
        file: path.to_path_buf(),
        line,
        column: 1,
        message,
    }
}

/// What one `decide:` collects: each thing to decide with its place.
#[derive(Debug, Default, Clone)]
struct Marks(Vec<String>);

impl Marks {
    fn add(&mut self, file: &str, line: usize, what: impl std::fmt::Display) {
        // Written without `"` or `\`, so that validation finds the mark by its text.
        let what = what.to_string().replace('"', "'").replace('\\', "/");
        let mark = format!("{what} ({file}:{line})");
        if !self.0.contains(&mark) {
            self.0.push(mark);
        }
    }

    fn into_decide(self) -> Option<String> {
        (!self.0.is_empty()).then(|| self.0.join("; "))
    }

    /// Adds these marks to an item's `decide`.
    fn onto(self, decide: &mut Option<String>) {
        let mut all = Marks(decide.take().map(|d| vec![d]).unwrap_or_default());
        all.0.extend(self.0);
        *decide = all.into_decide();
    }
}

/// Models drafted at most in one import: the documents define about 400.
const MAX_MODELS: usize = 2000;

/// An import in progress: the pages, what is drafted, and the tables still
/// to draft as models.
struct Importer<'k> {
    known: &'k Known,
    library: Library,
    description: String,
    documents: Vec<RawDocument>,
    operations: Vec<RawOperation>,
    models: Vec<RawModel>,
    /// Each table drafted (or to draft) and the model's name.
    tables: HashMap<TableRef, String>,
    /// The first table of each model name.
    by_name: HashMap<String, TableRef>,
    /// The names of `models`.
    names: HashSet<String>,
    /// Models renamed after types named them: old name, new name.
    renames: Vec<(String, String)>,
    queue: VecDeque<(TableRef, String)>,
    /// The example bodies and their types, for `examples`.
    bodies: Vec<examples::Body>,
}

impl<'k> Importer<'k> {
    fn new(known: &'k Known, library: Library) -> Importer<'k> {
        Importer {
            known,
            library,
            description: String::new(),
            documents: Vec::new(),
            operations: Vec::new(),
            models: Vec::new(),
            tables: HashMap::new(),
            by_name: HashMap::new(),
            names: HashSet::new(),
            renames: Vec::new(),
            queue: VecDeque::new(),
            bodies: Vec::new(),
        }
    }

    /// Lists the page `file` among the draft's documents.
    fn document(&mut self, file: &str, page: &Page) {
        if self.documents.iter().any(|d| d.file == file) {
            return;
        }
        let title = page
            .front_matter_value("title")
            .map(str::to_string)
            .or_else(|| page.headings.first().map(|h| h.text.clone()))
            .unwrap_or_else(|| file.to_string());
        self.documents.push(RawDocument {
            file: file.to_string(),
            title,
            index: false,
            contradictions: Vec::new(),
        });
    }

    /// The model drafted from `table`: its name, the table queued to be
    /// drafted when it is new.
    fn model_of(&mut self, table: TableRef) -> String {
        let name = resource::name_of(&table.heading);
        self.model_named(table, &name)
    }

    /// The model only an example shows (at `file:line`), drafted from its
    /// JSON object `value`: its name. The types of its properties may draft
    /// more models: typing and drafting call each other through here.
    fn model_from_example(
        &mut self,
        name: &str,
        value: &serde_json::Value,
        file: &str,
        line: usize,
    ) -> String {
        resource::from_example(self, name, value, file, line)
    }

    /// The model drafted from `table`, named `name` when it is new.
    fn model_named(&mut self, table: TableRef, name: &str) -> String {
        if let Some(known) = self.tables.get(&table) {
            return known.clone();
        }
        self.tables.insert(table.clone(), name.to_string());
        self.by_name
            .entry(name.to_string())
            .or_insert_with(|| table.clone());
        self.queue.push_back((table, name.to_string()));
        name.to_string()
    }

    /// Another table whose model has the name `name`, if one has.
    fn same_name(&self, table: &TableRef, name: &str) -> Option<TableRef> {
        self.by_name.get(name).filter(|t| *t != table).cloned()
    }

    /// Whether a model of this name is drafted (or queued).
    fn has_model(&self, name: &str) -> bool {
        self.names.contains(name) || self.by_name.contains_key(name)
    }

    /// Adds a drafted model.
    fn push_model(&mut self, model: RawModel) {
        self.names.insert(model.name.clone());
        self.models.push(model);
    }

    /// Every type that names a renamed model, with its new name.
    fn rename(&mut self) {
        for (old, new) in std::mem::take(&mut self.renames) {
            let ops = self.operations.iter_mut();
            let types = ops.flat_map(|o| {
                let params = o
                    .path_params
                    .iter_mut()
                    .chain(&mut o.query_params)
                    .map(|p| &mut p.ty);
                let body = o.body.iter_mut().map(|b| &mut b.ty);
                let responses = o.responses.iter_mut().filter_map(|r| r.body.as_mut());
                params.chain(body).chain(responses).collect::<Vec<_>>()
            });
            let properties = self
                .models
                .iter_mut()
                .flat_map(|m| &mut m.properties)
                .map(|p| &mut p.ty);
            for ty in types.chain(properties) {
                *ty = enums::renamed(ty, &old, &new);
            }
        }
    }

    /// Drafts every queued table, and the tables they name in turn.
    fn drain(&mut self) {
        while let Some((table, name)) = self.queue.pop_front() {
            if self.models.len() >= MAX_MODELS {
                continue;
            }
            if let Some(page) = self.library.page(&table.file) {
                // Before the enums its drafting adds.
                let at = self.models.len();
                let model = resource::model(self, &page, &table, &name);
                self.document(&table.file, &page);
                self.names.insert(model.name.clone());
                self.models.insert(at, model);
            }
        }
    }
}
