//! A model's table on a resource page (or in an operation page's request
//! body): `Property | Type | Description` rows as properties, `Value |
//! Description` rows as an open enum's values; and the models only an
//! example shows, drafted from its JSON.

use heck::ToUpperCamelCase;
use serde_json::Value;

use super::library::TableRef;
use super::types::{self, Typed};
use super::{Importer, Marks, enums};
use crate::docs::{Page, Table, rate_limits, required_word};
use crate::spec::raw::{Origin, RawModel, RawProperty, RawValue};

/// A model's name from its heading: the heading itself when it is one
/// word, else its words joined (`Billing profile` -> `BillingProfile`).
pub(super) fn name_of(heading: &str) -> String {
    let word = heading
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_');
    if word && heading.starts_with(|c: char| c.is_ascii_alphabetic()) {
        heading.to_string()
    } else {
        heading.to_upper_camel_case()
    }
}

/// The column of a table whose header is one of `names` (without case).
fn column(table: &Table, names: &[&str]) -> Option<usize> {
    table
        .header
        .iter()
        .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
}

/// Whether a table describes a model: it has a `Type` column, or it lists
/// values (`Value | Description`).
fn is_model_table(table: &Table) -> bool {
    column(table, &["type"]).is_some() || is_enum_table(table) || is_key_table(table)
}

/// A filter's keys (`Key | Value`): names as the filter's JSON writes them.
fn is_key_table(table: &Table) -> bool {
    column(table, &["key"]) == Some(0) && table.header.len() >= 2
}

fn is_enum_table(table: &Table) -> bool {
    column(table, &["type"]).is_none()
        && table.header.len() >= 2
        && column(table, &["value", "member"]) == Some(0)
}

/// Queues every model table of a resource page given on its own; how many.
pub(super) fn whole_page(im: &mut Importer<'_>, page: &Page, file: &str) -> usize {
    let mut count = 0;
    for h in &page.headings {
        if page
            .tables
            .iter()
            .any(|t| t.heading == h.text && is_model_table(t))
        {
            im.model_of(TableRef {
                file: file.to_string(),
                heading: h.text.clone(),
                line: h.line,
            });
            count += 1;
        }
    }
    count
}

/// The model of `table`, named `name`.
pub(super) fn model(im: &mut Importer<'_>, page: &Page, at: &TableRef, name: &str) -> RawModel {
    let file = at.file.as_str();
    let mut marks = Marks::default();
    let table = page
        .tables
        .iter()
        .find(|t| t.heading == at.heading && t.line > at.line);
    let description = page
        .paragraphs
        .iter()
        .filter(|p| p.line > at.line && table.is_none_or(|t| p.line < t.line))
        // A note (`>[!NOTE]`) is no description.
        .find(|p| !p.text.starts_with("[!"))
        .map(|p| p.text.clone())
        .unwrap_or_default();
    if description.is_empty() {
        marks.add(
            file,
            at.line,
            "the model's description: no text under its heading",
        );
    }
    if name != at.heading {
        marks.add(
            file,
            at.line,
            format!(
                "the model's name, proposed from its heading `{}`",
                at.heading
            ),
        );
    }
    if let Some(other) = im.same_name(at, name) {
        marks.add(
            file,
            at.line,
            format!(
                "the name `{name}` is also the model of {}:{}",
                other.file, other.line
            ),
        );
    }
    let mut model = RawModel {
        name: name.to_string(),
        decide: None,
        doc: file.to_string(),
        origin: Origin::Table,
        heading: (name != at.heading).then(|| at.heading.clone()),
        description,
        properties: Vec::new(),
        values: Vec::new(),
        extends: None,
        discriminator: None,
        chosen_by: Vec::new(),
        variants: Vec::new(),
        rate_limit: None,
        contradictions: Vec::new(),
    };
    match table {
        Some(t) if is_enum_table(t) => model.values = values(t),
        Some(t) if is_model_table(t) => {
            model.properties = properties(im, t, file, name, &mut marks)
        }
        _ => marks.add(
            file,
            at.line,
            "no table of properties or values under the heading: the model's shape",
        ),
    }
    for stated in rate_limits(page).into_iter().filter(|s| s.resource == name) {
        match stated.limit {
            Ok(limit) => model.rate_limit = Some(limit),
            Err(words) => marks.add(
                file,
                stated.line,
                format!("the rate limit: `{words}` reads as no number of requests per span"),
            ),
        }
    }
    marks.onto(&mut model.decide);
    model
}

fn values(table: &Table) -> Vec<RawValue> {
    let description = column(table, &["description"]).unwrap_or(table.header.len() - 1);
    table
        .rows
        .iter()
        .filter_map(|r| {
            let value = r.cells.first()?.trim().to_string();
            let text = r.cells.get(description).cloned().unwrap_or_default();
            (!value.is_empty()).then_some(RawValue {
                value,
                description: text,
            })
        })
        .collect()
}

fn properties(
    im: &mut Importer<'_>,
    table: &Table,
    file: &str,
    model: &str,
    marks: &mut Marks,
) -> Vec<RawProperty> {
    let name_col = column(table, &["property", "name", "key", "field"]).unwrap_or(0);
    let type_col = column(table, &["type"]);
    let required_col = column(table, &["required"]);
    let description_col =
        column(table, &["description"]).unwrap_or(table.header.len().saturating_sub(1));
    let mut out: Vec<RawProperty> = Vec::new();
    // Each name (without case) and its first row's line.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for row in &table.rows {
        let cell = |i: usize| {
            row.cells
                .get(i)
                .map(|c| c.trim().to_string())
                .unwrap_or_default()
        };
        let documented = cell(name_col);
        if documented.is_empty() {
            continue;
        }
        let name = if is_key_table(table) {
            documented.clone()
        } else {
            json_name(&documented)
        };
        if let Some(first) = seen.get(&name.to_ascii_lowercase()) {
            let what = format!(
                "the table lists `{documented}` twice: which row holds (the first, line {first}, is kept)"
            );
            marks.add(file, row.line, what);
            continue;
        }
        seen.insert(name.to_ascii_lowercase(), row.line);
        let description = cell(description_col);
        let mut own = Marks::default();
        let Typed { mut ty, why } = match type_col {
            Some(c) => types::of_cell(im, &cell(c), &row.links, file),
            None => Typed {
                ty: "string".into(),
                why: Some("the table gives no type".into()),
            },
        };
        if let Some(why) = why {
            own.add(file, row.line, why);
        }
        if ty == "string"
            && let Some(values) = enums::listed(&description)
        {
            let words: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
            let words = words.join(", ");
            ty = enums::enum_for(im, model, &name, values, (file, row.line));
            own.add(file, row.line, format!("an enum of the values its description lists ({words}), proposed as `{ty}`: or keep `string`"));
        }
        if description.is_empty() {
            own.add(
                file,
                row.line,
                "the property's description: the table gives none",
            );
        }
        let optional = required_col.and_then(|c| required_word(&cell(c))) == Some(false)
            || type_col.is_some_and(|c| nullable(&cell(c)))
            || says_optional(&description);
        out.push(RawProperty {
            documented_as: (documented != name).then_some(documented),
            name,
            decide: own.into_decide(),
            ty,
            optional,
            origin: Origin::Table,
            rust_name: None,
            description,
        });
    }
    out
}

/// A type spelled as possibly missing: `nullable int`, `int?`.
fn nullable(cell: &str) -> bool {
    let cell = cell.trim().trim_matches('`');
    cell.to_ascii_lowercase().starts_with("nullable ") || cell.ends_with('?')
}

/// A description that says the property may be left out or null.
fn says_optional(description: &str) -> bool {
    let lower = description.to_ascii_lowercase();
    [
        "is optional",
        "optional field",
        "optional.",
        "is null",
        "be null",
        "value is null",
    ]
    .iter()
    .any(|s| lower.contains(s))
}

/// The JSON name of a table's property: the service writes camelCase
/// where the tables write PascalCase (`AddressLine1` is `addressLine1`);
/// the examples say better where they show it (`examples`).
pub(super) fn json_name(documented: &str) -> String {
    if documented.chars().all(|c| !c.is_lowercase()) {
        return documented.to_ascii_lowercase();
    }
    let mut chars = documented.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A model only an example shows (at `file:line`), drafted from its JSON
/// object: each key a property of the type its value has. Its name.
pub(super) fn from_example(
    im: &mut Importer<'_>,
    name: &str,
    value: &Value,
    file: &str,
    line: usize,
) -> String {
    if im.has_model(name) {
        return name.to_string();
    }
    // Reserved first: a property of the same model stops here.
    let at = im.models.len();
    im.push_model(RawModel {
        name: name.to_string(),
        decide: None,
        doc: file.to_string(),
        origin: Origin::Example,
        heading: None,
        description: String::new(),
        properties: Vec::new(),
        values: Vec::new(),
        extends: None,
        discriminator: None,
        chosen_by: Vec::new(),
        variants: Vec::new(),
        rate_limit: None,
        contradictions: Vec::new(),
    });
    let mut properties = Vec::new();
    if let Value::Object(map) = value {
        for (key, v) in map {
            let typed = types::of_value(im, key, v, file, line);
            let mut marks = Marks::default();
            if let Some(why) = typed.why {
                marks.add(file, line, why);
            }
            properties.push(RawProperty {
                name: key.clone(),
                decide: marks.into_decide(),
                documented_as: None,
                ty: typed.ty,
                optional: v.is_null(),
                origin: Origin::Table,
                rust_name: None,
                description: String::new(),
            });
        }
    }
    let mut marks = Marks::default();
    marks.add(file, line, "a model only the example shows: its description and its properties' descriptions, or a table that defines it");
    if let Some(m) = im.models.get_mut(at) {
        m.properties = properties;
        m.decide = marks.into_decide();
    }
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_values_and_json_names() {
        assert_eq!(name_of("Billing profile"), "BillingProfile");
        assert_eq!(name_of("CustomerUser"), "CustomerUser");
        assert_eq!(json_name("AddressLine1"), "addressLine1");
        assert_eq!(json_name("ETag"), "eTag");
        assert_eq!(json_name("ID"), "id");
        assert!(nullable("nullable int") && nullable("`int?`") && !nullable("int"));
        assert!(says_optional("The second line. This property is optional."));
        assert!(!says_optional("The city."));
    }
}
