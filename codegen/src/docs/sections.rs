//! The parts of an operation page that follow the pages' template: the
//! request-syntax rows, the URI-parameter table, the text under a heading,
//! the "Applies to" line and the credentials of the prerequisites. The
//! documents check compares them with the spec and the importer drafts the
//! spec from them: both find them here, so that a page is read one way.

use super::{CodeBlock, Page, Paragraph, Row, Table, is_request_line, parse_request, query_pairs};
use crate::model::{Auth, METHODS};

/// A request-syntax row: the one naming `{baseURL}` (or the global base
/// URL itself, as one page writes it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxRow {
    pub line: usize,
    /// The first cell, as written (translated on localized pages).
    pub method: String,
    /// After `{baseURL}`, without the HTTP version.
    pub uri: String,
}

impl SyntaxRow {
    /// The URI without its query.
    pub fn path(&self) -> &str {
        self.uri.split_once('?').map_or(&self.uri, |(p, _)| p)
    }

    /// The names of the row's query, e.g. `mpnId` of `?mpnId={mpnId}`.
    pub fn query_names(&self) -> Vec<String> {
        self.query().into_iter().map(|(n, _)| n).collect()
    }

    /// The row's query as name and value pairs (`{size}` for `size={size}`).
    pub fn query(&self) -> Vec<(String, String)> {
        let query = self.uri.split_once('?').map_or("", |(_, q)| q);
        query_pairs(query)
    }
}

/// The global base URL, which one page writes in place of `{baseURL}`.
const GLOBAL_BASE: &str = "https://api.partnercenter.microsoft.com";

/// Every request-syntax row of the page, in its order.
pub fn syntax_rows(page: &Page) -> Vec<SyntaxRow> {
    let rows = page.tables.iter().flat_map(|t| &t.rows);
    rows.filter_map(|row| {
        Some(SyntaxRow {
            line: row.line,
            method: row.cells.first().cloned().unwrap_or_default(),
            uri: row_uri(row)?,
        })
    })
    .collect()
}

/// Which code blocks of a page hold its example messages: every block, but
/// on a page without a request-syntax row the reader finds (the webhook
/// registration page, which gives its calls by their examples) only those
/// under a heading that names an example ("Request example", "Response
/// example 2"): a message under another heading is no call of the API
/// (the webhook callback, which Partner Center posts to the partner's own
/// server). The documents check, the test server, the replay and the
/// coverage check all read examples through it.
pub fn example_blocks(page: &Page) -> impl Fn(&CodeBlock) -> bool + use<> {
    let from_examples = syntax_rows(page).is_empty();
    move |block| !from_examples || names_an_example(&block.heading)
}

/// "Request example", "Response example 2", "Request-response example 1"
/// (without regard to case); not "Example Partner Center API call", which
/// shows another page's call.
fn names_an_example(heading: &str) -> bool {
    let heading = heading.trim().to_ascii_lowercase();
    [
        "request example",
        "response example",
        "request-response example",
    ]
    .iter()
    .any(|kind| heading.starts_with(kind))
}

/// The calls of a page that has no request-syntax row, as its examples
/// write them: each request line of its example blocks ([`example_blocks`]),
/// its URI without scheme and host. None on a page with such rows.
pub fn example_calls(page: &Page) -> Vec<SyntaxRow> {
    if !syntax_rows(page).is_empty() {
        return Vec::new();
    }
    let examples = example_blocks(page);
    let blocks = page.code_blocks.iter().filter(|b| examples(b));
    let lines = blocks.flat_map(|b| (b.line + 1..).zip(b.text.lines()));
    lines
        .filter(|(_, line)| is_request_line(line))
        .filter_map(|(at, line)| {
            let request = parse_request(line).ok()?;
            // The recon page writes `/v1//invoices`: an empty segment is not one.
            let mut path = request.path().to_string();
            while path.contains("//") {
                path = path.replace("//", "/");
            }
            let uri = match request.query() {
                "" => path,
                q => format!("{path}?{q}"),
            };
            Some(SyntaxRow {
                line: at,
                method: request.method,
                uri,
            })
        })
        .collect()
}

/// The request-syntax rows that are calls: those whose first cell is an
/// HTTP method of [`METHODS`], in any case (`Delete`, as one page writes
/// it); the change log and the throttling guidance name `{baseURL}` in
/// tables of their own. The importer drafts them, the coverage check counts
/// them.
pub fn call_rows(page: &Page) -> Vec<SyntaxRow> {
    let mut rows = syntax_rows(page);
    rows.retain(|r| METHODS.contains(&r.method.trim().to_ascii_uppercase().as_str()));
    rows
}

/// The URI of a request-syntax row: after `{baseURL}`, to the first space.
fn row_uri(row: &Row) -> Option<String> {
    let after = row.cells.iter().find_map(|c| {
        c.split_once("{baseURL}")
            .map(|(_, rest)| rest)
            .or_else(|| c.trim().strip_prefix(GLOBAL_BASE))
    })?;
    Some(
        after
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string(),
    )
}

/// The table of URI parameters: the one under a "URI parameters" heading
/// (some pages put it after the request headers), else the first one after
/// the syntax and before the request's headers or body (found by their
/// English headings; on a translated page, the first one after the syntax).
pub fn params_table(page: &Page) -> Option<&Table> {
    let syntax = page
        .tables
        .iter()
        .position(|t| t.rows.iter().any(|r| row_uri(r).is_some()))?;
    let headed = page.tables[syntax + 1..].iter().find(|t| {
        ["uri parameters", "uri parameter"]
            .iter()
            .any(|name| t.heading.eq_ignore_ascii_case(name))
    });
    if headed.is_some() {
        return headed;
    }
    let after = page.tables[syntax].line;
    let end = page
        .headings
        .iter()
        .find(|h| {
            h.line > after
                && ["request headers", "request body", "request example"]
                    .iter()
                    .any(|name| h.text.eq_ignore_ascii_case(name))
        })
        .map_or(usize::MAX, |h| h.line);
    // A page of several syntax tables: the parameters come after them all.
    page.tables[syntax + 1..].iter().find(|t| {
        t.line < end && t.header.len() >= 3 && !t.rows.iter().any(|r| row_uri(r).is_some())
    })
}

/// What a "Required" cell says: `Some(true)` for yes, `Some(false)` for no.
pub fn required_word(cell: &str) -> Option<bool> {
    match cell.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" | "true" | "required" => Some(true),
        "n" | "no" | "false" | "optional" => Some(false),
        _ => None,
    }
}

/// The line of the heading `heading` (compared without case) and the
/// paragraphs under it, up to the next heading.
pub fn section<'p>(page: &'p Page, heading: &str) -> Option<(usize, Vec<&'p Paragraph>)> {
    let i = page
        .headings
        .iter()
        .position(|h| h.text.eq_ignore_ascii_case(heading))?;
    let start = page.headings[i].line;
    let end = page.headings.get(i + 1).map_or(usize::MAX, |h| h.line);
    let paragraphs = page
        .paragraphs
        .iter()
        .filter(|p| p.line > start && p.line < end)
        .collect();
    Some((start, paragraphs))
}

/// Whether `text` names the header `name` (without case) as a word of
/// its own: `If-Match` in "**If-Match**: ... is required", not in `X-If-Match`.
pub fn names_header(text: &str, name: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let name = name.to_ascii_lowercase();
    lower.match_indices(&name).any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + name.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-');
        boundary(before) && boundary(after)
    })
}

/// The "Applies to" line and the names it gives: separated by `|`, or a
/// list under it.
pub fn applies_to(page: &Page) -> Option<(&Paragraph, Vec<String>)> {
    let start = page.paragraphs.iter().position(|p| {
        p.text
            .get(..10)
            .is_some_and(|s| s.eq_ignore_ascii_case("applies to"))
    })?;
    let first = &page.paragraphs[start];
    let rest = first.text.split_once(':').map_or("", |(_, r)| r);
    let names = if rest.trim().is_empty() {
        page.paragraphs[start + 1..]
            .iter()
            .take_while(|p| p.in_list)
            .map(|p| p.text.clone())
            .collect()
    } else {
        rest.split('|')
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect()
    };
    Some((first, names))
}

/// The credentials the prerequisites accept: "App+User credentials only"
/// (some pages spell it "Application+User"), or both app-only and App+User;
/// the paragraph that says so.
pub fn credentials(page: &Page) -> Option<(&Paragraph, Auth)> {
    page.paragraphs.iter().find_map(|p| {
        // "app + user authentication" is App+User too.
        let text = p.text.to_ascii_lowercase().replace(" + ", "+");
        // "User credentials only" (the analytics pages): a user's token, as
        // App+User authentication gets it.
        if text.contains("with user credentials only") {
            return Some((p, Auth::AppUser));
        }
        if !text.contains("credentials") || !text.contains("app") {
            return None;
        }
        let both = text.contains("app-only")
            || text.contains("standalone app")
            || text.contains("app only");
        let auth = if both {
            Auth::AppOrAppUser
        } else if text.contains("app+user") || text.contains("application+user") {
            Auth::AppUser
        } else {
            return None;
        };
        Some((p, auth))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_tables_and_prose_of_the_template() {
        let text = "**Applies to**: Partner Center | Partner Center for Microsoft Cloud Germany\n\n\
            - Credentials: this scenario supports App+User credentials only.\n\n\
            ## Request syntax\n\n| Method | Request URI |\n|---|---|\n\
            | **GET** | [*{baseURL}*](urls.md)/v1/customers?size={size} HTTP/1.1 |\n\
            | GET | https://api.partnercenter.microsoft.com/v1/x/{id} |\n\n\
            ### URI parameters\n\n| Name | Type | Required | Description |\n|---|---|---|---|\n\
            | size | int | N | How many. |\n\n### Request headers\n\nNone here.\n\n### Request body\n\nNone.\n";
        let page = Page::parse(text);
        let rows = syntax_rows(&page);
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[0].method.as_str(), rows[0].path()),
            ("GET", "/v1/customers")
        );
        assert_eq!(rows[0].query_names(), ["size"]);
        assert_eq!(rows[1].path(), "/v1/x/{id}");
        let table = params_table(&page).map(|t| t.rows.len());
        assert_eq!(table, Some(1));
        assert_eq!(required_word(" N "), Some(false));
        let (_, body) = section(&page, "request body").unwrap();
        assert_eq!(body[0].text, "None.");
        let (_, clouds) = applies_to(&page).unwrap();
        assert_eq!(clouds.len(), 2);
        assert_eq!(credentials(&page).map(|c| c.1), Some(Auth::AppUser));
        let spelled = Page::parse(
            "- Credentials: this scenario supports authentication with Application+User credentials.\n",
        );
        assert_eq!(credentials(&spelled).map(|c| c.1), Some(Auth::AppUser));
        let spaced =
            Page::parse("- Credentials: this scenario supports app + user authentication.\n");
        assert_eq!(credentials(&spaced).map(|c| c.1), Some(Auth::AppUser));
        let user = Page::parse(
            "- Credentials as described. This scenario supports authentication with User credentials only.\n",
        );
        assert_eq!(credentials(&user).map(|c| c.1), Some(Auth::AppUser));
        assert!(names_header("- **If-Match**: is required", "if-match"));
        assert!(!names_header("X-If-Match-Not", "If-Match"));
    }
}
