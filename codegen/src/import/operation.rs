//! An operation page's request: one operation per request-syntax row, with
//! its method and URI template, the parameters of the template (typed and
//! described by the URI-parameter table), the headers the "Request
//! headers" section names, the clouds of the "Applies to" line and the
//! credentials of the prerequisites. The examples (body, responses,
//! failures) are read in `exchange`.

use heck::{ToSnakeCase, ToUpperCamelCase};

use super::library::TableRef;
use super::params::{self, ParamTable, params};
use super::{Importer, Known, Marks};
use super::{exchange, rows};
use crate::docs::{
    Page, SyntaxRow, applies_to, call_rows, credentials, names_header, params_table, section,
};
use crate::spec::raw::{Auth, Encoding, RawOperation, RawOperationHeader};

/// The operations of a page: none when it has no request-syntax row.
pub(super) fn read(im: &mut Importer<'_>, page: &Page, file: &str) -> Vec<RawOperation> {
    let rows: Vec<SyntaxRow> = call_rows(page);
    if rows.is_empty() {
        return Vec::new();
    }
    let (title_line, title) = title(page);
    let summary = summary(page);
    let examples = rows::examples(page, &rows);
    let mut table = ParamTable::new(params_table(page), &rows);
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let mut marks = Marks::default();
        let (id, name) = proposal(&title, &rows, i);
        marks.add(
            file,
            title_line,
            format!("the id and name, proposed from the title `{title}`"),
        );
        if rows.len() > 1 {
            marks.add(
                file,
                row.line,
                "the summary: the page's, for each of its request-syntax rows",
            );
        }
        let method = row.method.trim().to_ascii_uppercase();
        let path = row.path().trim().to_string();
        if !path.starts_with('/') {
            marks.add(
                file,
                row.line,
                format!("the request syntax's path `{path}` does not start with `/`"),
            );
        }
        let (path_params, query_params) =
            params(im, file, row, &mut table, &examples[i], &mut marks);
        let (clouds, auth) = clouds_and_auth(im.known, page, file, &mut marks);
        let mut op = RawOperation {
            id,
            name,
            decide: None,
            doc: file.to_string(),
            also_on: Vec::new(),
            also_rows: Vec::new(),
            summary: summary.as_ref().map(|(_, s)| s.clone()).unwrap_or_default(),
            method,
            path,
            clouds,
            auth,
            path_params,
            query_params,
            exactly_one_of: None,
            request_headers: headers(im.known, page, file),
            body: None,
            responses: Vec::new(),
            not_ready: None,
            errors: Vec::new(),
            contradictions: Vec::new(),
        };
        if summary.is_none() {
            marks.add(file, title_line, "the summary: no text under the title");
        }
        filter_models(im, page, file, &mut op);
        exchange::fill(im, page, file, row, &examples[i], &mut op, &mut marks);
        marks.onto(&mut op.decide);
        out.push(op);
    }
    // A page of one request: the table's other optional rows are its query.
    let (proposed, left) = match rows.len() {
        1 => params::left_over(im, file, &mut table, &examples[0]),
        _ => (Vec::new(), table.left()),
    };
    if let Some(first) = out.first_mut() {
        first.query_params.extend(proposed);
        let mut marks = Marks::default();
        for (name, line) in left {
            let what = format!(
                "the URI-parameter table lists `{name}`, which no request-syntax row has: a parameter the syntax leaves out, or one too many"
            );
            marks.add(file, line, what);
        }
        marks.onto(&mut first.decide);
    }
    out
}

/// A filter parameter (its JSON sent as text) is the model of the page's
/// filter table: the one under a heading that names a filter (`Filter
/// Syntax`), where there is one.
fn filter_models(im: &mut Importer<'_>, page: &Page, file: &str, op: &mut RawOperation) {
    let filters = op
        .query_params
        .iter_mut()
        .filter(|p| p.encoding == Encoding::Json);
    for p in filters {
        let table = page
            .tables
            .iter()
            .find(|t| t.heading.to_ascii_lowercase().contains("filter") && t.header.len() >= 2);
        let heading = table.and_then(|t| {
            page.headings
                .iter()
                .rev()
                .find(|h| h.line < t.line && h.text == t.heading)
        });
        let (Some(t), Some(h)) = (table, heading) else {
            continue;
        };
        let at = TableRef {
            file: file.to_string(),
            heading: h.text.clone(),
            line: h.line,
        };
        p.ty = im.model_named(at, &format!("{}Filter", op.name));
        // The spelling's own mark (a filter: its model) is answered here.
        let others: Vec<&str> = p
            .decide
            .as_deref()
            .map(|d| {
                d.split("; ")
                    .filter(|m| !m.starts_with("a filter:"))
                    .collect()
            })
            .unwrap_or_default();
        p.decide = (!others.is_empty()).then(|| others.join("; "));
        let mut marks = Marks::default();
        let what = format!(
            "the filter's model, proposed as `{}` from the table under `{}`",
            p.ty, t.heading
        );
        marks.add(file, t.line, what);
        marks.onto(&mut p.decide);
    }
}

/// The page's title and its line: the front matter's, else the first heading.
fn title(page: &Page) -> (usize, String) {
    let heading = page.headings.first();
    let line = heading.map_or(1, |h| h.line);
    let text = page
        .front_matter_value("title")
        .map(str::to_string)
        .or_else(|| heading.map(|h| h.text.clone()))
        .unwrap_or_default();
    (line, text)
}

/// The page's summary: the first paragraph under its title that is not the
/// "Applies to" line, byte for byte.
pub(super) fn summary(page: &Page) -> Option<(usize, String)> {
    let start = page.headings.first().map_or(0, |h| h.line);
    let end = page.headings.get(1).map_or(usize::MAX, |h| h.line);
    page.paragraphs
        .iter()
        .filter(|p| p.line > start && p.line < end && !p.in_list)
        .find(|p| {
            !p.text.to_ascii_lowercase().starts_with("applies to") && !p.text.starts_with("[!")
        })
        .map(|p| (p.line, p.text.clone()))
}

/// An id and a name from the title (`Get a customer by ID` ->
/// `get_customer_by_id`, `GetCustomerById`); on a page of several rows,
/// with the path's last words after them.
fn proposal(title: &str, rows: &[SyntaxRow], i: usize) -> (String, String) {
    let words: Vec<&str> = title
        .split_whitespace()
        .filter(|w| !["a", "an", "the"].contains(&w.to_ascii_lowercase().as_str()))
        .collect();
    let mut base = words.join(" ").replace("'s", "").replace('\u{2019}', "");
    if rows.len() > 1 {
        let last: Vec<&str> = rows[i]
            .path()
            .split('/')
            .filter(|s| !s.is_empty() && !s.starts_with('{'))
            .collect();
        if let Some(tail) = last.last() {
            base = format!("{base} {tail} {}", i + 1);
        }
    }
    (base.to_snake_case(), base.to_upper_camel_case())
}

/// The clouds of the "Applies to" line, by the spec's ids, and the
/// credentials of the prerequisites.
fn clouds_and_auth(
    known: &Known,
    page: &Page,
    file: &str,
    marks: &mut Marks,
) -> (Option<Vec<String>>, Option<Auth>) {
    let clouds = applies_to(page).map(|(p, names)| {
        names
            .iter()
            .filter_map(|name| {
                let id = known
                    .clouds
                    .iter()
                    .find(|(_, n)| n.eq_ignore_ascii_case(name.trim()));
                if id.is_none() {
                    marks.add(
                        file,
                        p.line,
                        format!(
                            "the \"Applies to\" line names `{name}`, which is no cloud of the spec"
                        ),
                    );
                }
                id.map(|(id, _)| id.clone())
            })
            .collect()
    });
    let auth = credentials(page).map(|(_, a)| a);
    (clouds, auth)
}

/// The headers of the "Request headers" section that not every call sends.
fn headers(known: &Known, page: &Page, file: &str) -> Vec<RawOperationHeader> {
    let Some((_, paragraphs)) = section(page, "Request headers") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, every_call) in &known.headers {
        if *every_call {
            continue;
        }
        let Some(p) = paragraphs.iter().find(|p| names_header(&p.text, name)) else {
            continue;
        };
        let lower = p.text.to_ascii_lowercase();
        let etag = lower.contains("etag");
        let mut marks = Marks::default();
        if etag {
            marks.add(file, p.line, format!("where the {name} value comes from: proposed as the body's attributes.etag, in quotes"));
        }
        out.push(RawOperationHeader {
            name: name.clone(),
            decide: marks.into_decide(),
            required: lower.contains("required"),
            from_body: etag.then(|| "attributes.etag".to_string()),
            quoted: etag && p.text.contains("\"<"),
            doc: None,
            description: p.text.clone(),
        });
    }
    out
}
