//! Which calls of the documents the spec describes. A call is a
//! request-syntax row of a page or, on a page without one, the request line
//! of a "Request example" section (the webhook registration page writes its
//! calls only so). Each is a row of an operation documented on its page,
//! paired as the documents check pairs them, or on a page the spec leaves
//! out on purpose (`left_out`), or missing.

use std::path::Path;

use super::operation::row_owners;
use crate::diag::Error;
use crate::docs::{Page, SyntaxRow, call_rows, example_calls, is_call_of, syntax_rows};
use crate::model::{Api, Operation};

/// The calls of a folder of pages, against the spec.
#[derive(Debug, Default)]
pub struct Coverage {
    /// Every call found, by page name, then in the page's order.
    pub calls: Vec<Call>,
    /// Pages the spec leaves out that have no call in the folder (gone,
    /// renamed, or not an operation page): entries to remove.
    pub stale_left_out: Vec<String>,
}

/// One call of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub file: String,
    pub line: usize,
    pub method: String,
    /// As the page writes it after `{baseURL}`.
    pub uri: String,
    pub by: By,
}

/// What describes a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum By {
    /// The operation of this id.
    Operation(String),
    /// Nothing: its page is left out on purpose.
    LeftOut,
    /// Nothing: a call the spec misses.
    Missing,
}

impl Coverage {
    /// The calls the spec misses.
    pub fn missing(&self) -> impl Iterator<Item = &Call> {
        self.calls.iter().filter(|c| c.by == By::Missing)
    }

    /// How many calls are described by the spec's operations.
    pub fn described(&self) -> usize {
        let ops = self
            .calls
            .iter()
            .filter(|c| matches!(c.by, By::Operation(_)));
        ops.count()
    }

    /// How many calls are on pages left out on purpose.
    pub fn left_out(&self) -> usize {
        self.calls.iter().filter(|c| c.by == By::LeftOut).count()
    }
}

/// Reads every page (`*.md`) of `folder` and pairs its calls with the spec.
pub fn coverage(api: &Api, folder: &Path) -> Result<Coverage, Error> {
    let io = |e| Error::io(folder, e);
    let mut files: Vec<String> = std::fs::read_dir(folder)
        .map_err(io)?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()
        .map_err(io)?;
    files.retain(|f| f.ends_with(".md"));
    files.sort();
    let mut out = Coverage::default();
    for file in &files {
        let path = folder.join(file);
        let page = Page::read(&path).map_err(|e| Error::io(&path, e))?;
        out.calls.extend(page_calls(api, file, &page));
    }
    out.stale_left_out = api
        .left_out
        .iter()
        .filter(|l| !out.calls.iter().any(|c| c.file == l.file))
        .map(|l| l.file.clone())
        .collect();
    Ok(out)
}

/// The calls of one page, each with what describes it.
fn page_calls(api: &Api, file: &str, page: &Page) -> Vec<Call> {
    // On a page without request-syntax rows, the calls are its examples'.
    let from_table = !syntax_rows(page).is_empty();
    let rows = if from_table {
        call_rows(page)
    } else {
        example_calls(page)
    };
    let ops: Vec<&Operation> = api
        .operations
        .iter()
        .filter(|o| o.documented_on(file))
        .collect();
    let left_out = api.left_out.iter().any(|l| l.file == file);
    let owners = if from_table {
        row_owners(&rows, &ops, file)
    } else {
        rows.iter().map(|r| example_owner(api, &ops, r)).collect()
    };
    rows.into_iter()
        .zip(owners)
        .map(|(row, owner)| Call {
            file: file.to_string(),
            line: row.line,
            by: match owner {
                Some(i) => By::Operation(ops[i].id.clone()),
                None if left_out => By::LeftOut,
                None => By::Missing,
            },
            method: row.method,
            uri: row.uri,
        })
        .collect()
}

/// The operation an example's request line is a call of, as the example
/// readers pair them.
fn example_owner(api: &Api, ops: &[&Operation], row: &SyntaxRow) -> Option<usize> {
    ops.iter()
        .position(|o| is_call_of(api, o, &row.method, row.path()))
}
