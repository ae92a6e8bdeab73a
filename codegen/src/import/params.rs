//! The parameters of a request-syntax row: names from its URI template
//! (path segments `{name}`, query pairs `name={name}`), types, whether
//! required, and descriptions from the page's URI-parameter table; a name
//! the table does not have is typed from the examples' values and marked.

use super::rows::RowExamples;
use super::types::{self, Typed};
use super::{Importer, Marks};
use crate::docs::{SyntaxRow, Table, required_word, uuid_like};
use crate::spec::raw::{Encoding, Origin, RawParam};

/// The columns of the URI-parameter table: name, type, required, description.
fn columns(table: &Table) -> [Option<usize>; 4] {
    let find = |names: &[&str]| {
        table
            .header
            .iter()
            .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
    };
    let last = table.header.len().checked_sub(1);
    [
        find(&["name", "parameter"]).or(Some(0)),
        find(&["type"]).or(Some(1)),
        find(&["required"]),
        find(&["description"]).or(last),
    ]
}

/// A name as the table and the template compare it: without case, `-` or `_`.
fn key(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '-' && *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The URI-parameter table of a page, and which of its rows are taken.
pub(super) struct ParamTable<'a> {
    table: Option<&'a Table>,
    /// Rows whose name is no name of any request-syntax row, in order:
    /// the table names differently what a row names (`country-code` for
    /// `{country}`), taken by the row's names the table lacks, in order.
    spare: std::collections::VecDeque<usize>,
    used: Vec<bool>,
}

impl<'a> ParamTable<'a> {
    /// The table `table` of a page with the request-syntax rows `rows`.
    pub fn new(table: Option<&'a Table>, rows: &[SyntaxRow]) -> ParamTable<'a> {
        let names: std::collections::HashSet<String> = rows
            .iter()
            .flat_map(template_names)
            .map(|n| key(&n))
            .collect();
        let count = table.map_or(0, |t| t.rows.len());
        let spare = (0..count)
            .filter(|&r| table.is_some_and(|t| !names.contains(&key(&name_cell(t, r)))))
            .collect();
        ParamTable {
            table,
            spare,
            used: vec![false; count],
        }
    }

    /// The row of `name`: the one of that name, else the next spare one,
    /// and whether it was paired by place.
    fn row_of(&mut self, name: &str) -> Option<(&'a Table, usize, bool)> {
        let t = self.table?;
        let by_name = (0..t.rows.len()).find(|&r| key(&name_cell(t, r)) == key(name));
        let (r, paired) = match by_name {
            Some(r) => (r, false),
            None => (self.spare.pop_front()?, true),
        };
        self.used[r] = true;
        Some((t, r, paired))
    }

    /// The rows no request-syntax row took: name and line.
    pub fn left(&self) -> Vec<(String, usize)> {
        let Some(t) = self.table else {
            return Vec::new();
        };
        (0..t.rows.len())
            .filter(|&r| !self.used[r])
            .map(|r| (name_cell(t, r), t.rows[r].line))
            .collect()
    }
}

impl ParamTable<'_> {
    /// The cell of column `column` (name, type, required, description) of
    /// the row named `name`.
    fn row_cell(&self, name: &str, column: usize) -> Option<String> {
        let t = self.table?;
        let c = columns(t)[column]?;
        let r = (0..t.rows.len()).find(|&r| key(&name_cell(t, r)) == key(name))?;
        t.rows[r].cells.get(c).map(|s| s.trim().to_string())
    }
}

fn name_cell(t: &Table, r: usize) -> String {
    let n = columns(t)[0].unwrap_or(0);
    t.rows[r]
        .cells
        .get(n)
        .map(|c| c.trim().to_string())
        .unwrap_or_default()
}

/// The parameter names of a row's URI template: path, then query.
fn template_names(row: &SyntaxRow) -> Vec<String> {
    let path = row
        .path()
        .split('/')
        .filter_map(|s| Some(s.strip_prefix('{')?.strip_suffix('}')?.to_string()));
    path.chain(row.query().into_iter().map(|(n, _)| n))
        .collect()
}

/// The path and query parameters of a row: names from the template, types,
/// requirement and descriptions from the table.
pub(super) fn params(
    im: &mut Importer<'_>,
    file: &str,
    row: &SyntaxRow,
    table: &mut ParamTable<'_>,
    examples: &RowExamples,
    marks: &mut Marks,
) -> (Vec<RawParam>, Vec<RawParam>) {
    let in_path: Vec<(usize, String)> = row
        .path()
        .split('/')
        .enumerate()
        .filter_map(|(i, s)| Some((i, s.strip_prefix('{')?.strip_suffix('}')?.to_string())))
        .collect();
    let mut path = Vec::new();
    for (segment, name) in in_path {
        let sample = examples.path_value(segment);
        let at = Place {
            file,
            line: row.line,
            in_path: true,
            extra: false,
        };
        path.push(param(im, at, table, &name, sample.as_deref()));
    }
    let mut query = Vec::new();
    for (name, value) in row.query() {
        if !(value.starts_with('{') && value.ends_with('}')) {
            let what = format!(
                "the query `{name}={value}` has a fixed value: the spec has no constant query"
            );
            marks.add(file, row.line, what);
        }
        let sample = examples.query_value(&name);
        let at = Place {
            file,
            line: row.line,
            in_path: false,
            extra: false,
        };
        query.push(param(im, at, table, &name, sample.as_deref()));
    }
    (path, query)
}

/// The rows of the table no request-syntax row took: as optional query
/// parameters where the table does not say they are required and they are
/// no GUID (an id belongs in a path), each marked; the others by name and line.
pub(super) fn left_over(
    im: &mut Importer<'_>,
    file: &str,
    table: &mut ParamTable<'_>,
    examples: &RowExamples,
) -> (Vec<RawParam>, Vec<(String, usize)>) {
    let mut proposed = Vec::new();
    let mut left = Vec::new();
    for (name, line) in table.left() {
        // A table without a "Required" column leaves them to the syntax.
        let optional = table
            .row_cell(&name, 2)
            .is_none_or(|c| required_word(&c) == Some(false));
        let guid = table
            .row_cell(&name, 1)
            .is_some_and(|c| c.to_ascii_lowercase().contains("guid"));
        if !optional || guid {
            left.push((name, line));
            continue;
        }
        let sample = examples.query_value(&name);
        let at = Place {
            file,
            line,
            in_path: false,
            extra: true,
        };
        let mut p = param(im, at, table, &name, sample.as_deref());
        let mut marks = Marks::default();
        let what = format!(
            "`{name}` is in the URI-parameter table, not in the request syntax: proposed as an optional query parameter"
        );
        marks.add(file, line, what);
        marks.onto(&mut p.decide);
        proposed.push(p);
    }
    (proposed, left)
}

/// Where a parameter is read: the page, its row's line, path or query.
#[derive(Clone, Copy)]
struct Place<'a> {
    file: &'a str,
    line: usize,
    in_path: bool,
    /// A row of the table the syntax does not have: optional unless it says.
    extra: bool,
}

fn param(
    im: &mut Importer<'_>,
    at: Place<'_>,
    table: &mut ParamTable<'_>,
    name: &str,
    sample: Option<&str>,
) -> RawParam {
    let Place { file, in_path, .. } = at;
    let mut own = Marks::default();
    let Some((t, r, paired)) = table.row_of(name) else {
        own.add(
            file,
            at.line,
            format!("`{name}` is not in the URI-parameter table: its type and description"),
        );
        let ty = match sample {
            Some(v) if uuid_like(v) => "guid",
            Some(v) if v.parse::<i64>().is_ok() => "int",
            _ => "string",
        };
        return RawParam {
            name: name.to_string(),
            decide: own.into_decide(),
            documented_as: None,
            ty: ty.into(),
            required: true,
            repeated: false,
            encoding: Encoding::Text,
            origin: Origin::Example,
            rust_name: None,
            description: String::new(),
        };
    };
    if paired {
        let what = format!(
            "the URI-parameter table has no `{name}`: its row `{}`, in the same place, is taken for it",
            name_cell(t, r)
        );
        own.add(file, t.rows[r].line, what);
    }
    let [n, ty_col, req_col, desc_col] = columns(t);
    let cells = &t.rows[r].cells;
    let cell = |c: Option<usize>| {
        c.and_then(|c| cells.get(c))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let line = t.rows[r].line;
    let documented = cell(n);
    let description = cell(desc_col);
    let links = &t.rows[r].links;
    let Typed { mut ty, why } = types::of_cell(im, &cell(ty_col), links, file);
    if let Some(why) = why {
        own.add(file, line, why);
    }
    // "A GUID formatted string": a GUID, as the examples' values are.
    if ty == "string" && description.to_ascii_lowercase().contains("guid") {
        ty = "guid".into();
    }
    let date_only = sample.is_some_and(|v| v.len() == 10 && v.as_bytes().get(4) == Some(&b'-'));
    if !in_path
        && (ty == "date-time" || ty == "string")
        && (date_only || description.to_ascii_lowercase().contains("yyyy-mm-dd"))
    {
        ty = "date".into();
    }
    let encoding = if cell(ty_col).eq_ignore_ascii_case("filter") {
        Encoding::Json
    } else {
        Encoding::Text
    };
    let required = match (required_word(&cell(req_col)), req_col) {
        (Some(r), _) => r,
        (None, _) if in_path => true,
        (None, _) if at.extra => false,
        (None, Some(_)) => {
            let what = format!(
                "whether `{name}` is required: the table says `{}`",
                cell(req_col)
            );
            own.add(file, line, what);
            true
        }
        (None, None) => {
            let what =
                format!("whether `{name}` is required: the table has no \"Required\" column");
            own.add(file, line, what);
            true
        }
    };
    if in_path && !required {
        own.add(
            file,
            line,
            format!("the table says `{name}` is not required, but it is part of the path"),
        );
    }
    if description.is_empty() {
        own.add(
            file,
            line,
            "the parameter's description: the table gives none",
        );
    }
    RawParam {
        name: name.to_string(),
        decide: own.into_decide(),
        documented_as: (!documented.eq_ignore_ascii_case(name)).then_some(documented),
        ty,
        required: in_path || required,
        repeated: false,
        encoding,
        origin: Origin::Table,
        rust_name: None,
        description,
    }
}
