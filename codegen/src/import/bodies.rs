//! The bodies of an operation: the request's (the "Request body"
//! section's own table, the model it links to, or the example's object
//! type) and each response's (the model the "Response" section links to or
//! the example's `attributes.objectType`, a listing as the collection of
//! its items); each example body is kept with its type for `examples`.

use serde_json::Value;

use super::examples::Body;
use super::library::TableRef;
use super::rows::RowExamples;
use super::types::{self, Typed};
use super::{Importer, Marks};
use crate::docs::{Page, Paragraph, parse_lenient, section};
use crate::spec::raw::RawBody;

/// The models a section's paragraphs link to.
pub(super) fn linked(im: &mut Importer<'_>, file: &str, paragraphs: &[&Paragraph]) -> Vec<String> {
    let mut out = Vec::new();
    for p in paragraphs {
        for t in &p.links {
            let table = im
                .library
                .resolve(file, t)
                .or_else(|| im.library.resolve_named(t, &p.text));
            if let Some(table) = table {
                let name = im.model_of(table);
                if !out.contains(&name) {
                    out.push(name);
                }
            }
        }
    }
    out
}

/// The models the "Response" section names: the ones it links to, else a
/// model of the resource pages its first paragraph names in words
/// (`returns a CountryInformation object`).
pub(super) fn named(im: &mut Importer<'_>, file: &str, paragraphs: &[&Paragraph]) -> Vec<String> {
    let links = linked(im, file, paragraphs);
    if !links.is_empty() {
        return links;
    }
    let Some(first) = paragraphs.first() else {
        return links;
    };
    let words = first.text.split(|c: char| !c.is_alphanumeric()).skip(1);
    let named = words
        .filter(|w| w.len() > 2 && w.starts_with(char::is_uppercase))
        .find_map(|w| im.library.find(file, w));
    named.map(|t| im.model_of(t)).into_iter().collect()
}

/// The request body: the model the example's object type names on a
/// resource page or the section links to, else the "Request body"
/// section's own table (a model of the operation's), or the example's shape.
pub(super) fn body(
    im: &mut Importer<'_>,
    page: &Page,
    file: &str,
    ex: &RowExamples,
    op_name: &str,
) -> Option<RawBody> {
    let (line, paragraphs) = section(page, "Request body")?;
    let text: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
    let text = text.join(" ");
    let lower = text.trim().trim_end_matches('.').to_ascii_lowercase();
    let none = matches!(lower.as_str(), "none" | "n/a" | "");
    let table = page
        .tables
        .iter()
        .find(|t| t.heading.eq_ignore_ascii_case("Request body") && t.header.len() >= 2);
    let example = ex.requests.iter().find(|(_, r)| !r.body.trim().is_empty());
    // The model the example names, where a resource page defines it.
    let defined = example.and_then(|(_, r)| {
        let value = parse_lenient(&r.body).ok()?.value;
        let name = types::object_type(&value)?.to_string();
        let table = im.library.find(file, &name).filter(|t| t.file != file)?;
        Some(im.model_of(table))
    });
    let mut own = Marks::default();
    let hint = format!("{op_name}Body");
    let link = linked(im, file, &paragraphs).into_iter().next();
    let typed = if let Some(model) = defined.or(link) {
        if let Some(t) = table {
            let what = format!(
                "the body is {model}, which the section or its example names, while the section's table (under `{}`) lists the properties the request needs",
                t.heading
            );
            own.add(file, t.line, what);
        }
        Some(Typed::from(model))
    } else if let Some(t) = table {
        let heading = page
            .headings
            .iter()
            .rev()
            .find(|h| h.line < t.line)
            .map_or(line, |h| h.line);
        let at = TableRef {
            file: file.to_string(),
            heading: t.heading.clone(),
            line: heading,
        };
        let name = im.model_named(at, &hint);
        let what = format!(
            "the name of the body's model (its table is under `{}`), proposed as `{name}`",
            t.heading
        );
        own.add(file, t.line, what);
        Some(Typed::from(name))
    } else if let Some((at, r)) = example {
        Some(example_type(im, &r.body, file, *at, &hint))
    } else if !none {
        own.add(
            file,
            line,
            "the body's model: the section describes it in words only",
        );
        Some(Typed::from("json".to_string()))
    } else {
        None
    };
    if let (true, Some((at, _))) = (none && typed.is_some(), example) {
        let what = format!(
            "the \"Request body\" section (line {line}) says none, but the example sends a body"
        );
        own.add(file, *at, what);
    }
    let typed = typed?;
    if let Some(why) = typed.why {
        own.add(file, line, why);
    }
    let description = paragraphs
        .first()
        .map(|p| p.text.clone())
        .filter(|_| !none)
        .unwrap_or_default();
    if description.is_empty() {
        own.add(file, line, "the body's description: the section gives none");
    }
    Some(RawBody {
        ty: typed.ty,
        decide: own.into_decide(),
        description,
    })
}

/// The type of an example body: its object type's model, a model drafted
/// from it (named `hint`), or the type of its value.
fn example_type(im: &mut Importer<'_>, text: &str, file: &str, line: usize, hint: &str) -> Typed {
    let value = match parse_lenient(text) {
        Ok(read) => read.value,
        Err(why) => {
            return Typed {
                ty: "json".into(),
                why: Some(format!("the example body is not JSON ({why}): its model")),
            };
        }
    };
    match &value {
        Value::Object(_) if types::object_type(&value).is_none() => {
            let name = super::resource::from_example(im, hint, &value, file, line);
            Typed {
                ty: name,
                why: Some(format!(
                    "the body's model, proposed as `{hint}` from the example"
                )),
            }
        }
        _ => types::of_value(im, hint, &value, file, line),
    }
}

/// The type of an example response's body; `links` are the models the
/// Response section names. `None` for an empty body.
pub(super) fn response_type(
    im: &mut Importer<'_>,
    text: &str,
    file: &str,
    line: usize,
    links: &[String],
    hint: &str,
) -> Option<Typed> {
    if text.trim().is_empty() {
        return None;
    }
    let Ok(read) = parse_lenient(text) else {
        return Some(example_type(im, text, file, line, hint));
    };
    let value = read.value;
    let envelope = im.known.collection_of(&value);
    let name = envelope.map(|(name, _)| name.to_string());
    let item = envelope.map(|(_, items)| items.first());
    let (shown, collection) = match item {
        // Items no link names and no `objectType` tells: a model of their own.
        Some(Some(first))
            if links.is_empty() && first.is_object() && types::object_type(first).is_none() =>
        {
            let name = super::resource::from_example(im, hint, first, file, line);
            let why = format!("the items' model, proposed as `{hint}` from the example");
            (
                Some(Typed {
                    ty: name,
                    why: Some(why),
                }),
                true,
            )
        }
        Some(Some(first)) => (Some(types::of_value(im, "items", first, file, line)), true),
        Some(None) => (None, true),
        None if value.get("attributes").is_some() => {
            (Some(types::of_value(im, hint, &value, file, line)), false)
        }
        None => (None, false),
    };
    // An item the example does not type says nothing against the section.
    let shown = shown.filter(|s| !(s.ty == "json" && s.why.is_some()));
    let typed = match (shown, links.first()) {
        (Some(s), Some(l)) if &s.ty != l => Typed {
            why: Some(format!(
                "the Response section names {l}, but the example shows {}",
                s.ty
            )),
            ty: s.ty,
        },
        (Some(s), _) => s,
        (None, Some(l)) => Typed {
            ty: l.clone(),
            why: None,
        },
        (None, None) if collection => Typed {
            ty: "json".into(),
            why: Some("the listing's items: no example item, no link".into()),
        },
        (None, None) => example_type(im, text, file, line, hint),
    };
    Some(if collection {
        Typed {
            ty: format!("{}<{}>", name.unwrap_or_default(), typed.ty),
            why: typed.why,
        }
    } else {
        typed
    })
}

/// Keeps an example body with its type, for what `examples` learns of the models.
pub(super) fn register(
    im: &mut Importer<'_>,
    file: &str,
    line: usize,
    ty: &str,
    text: &str,
    request: bool,
) {
    if let Ok(read) = parse_lenient(text) {
        im.bodies.push(Body {
            file: file.to_string(),
            line,
            ty: ty.to_string(),
            value: read.value,
            request,
        });
    }
}
