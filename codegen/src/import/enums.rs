//! The enums a description lists where the table says `string`: quoted
//! words (`"none", "reseller" or "advisor"`) or lines `value - meaning`
//! (`group1 - All products ...`). Each becomes an open enum proposed for a
//! person to accept or turn back into `string`; one list of values on a
//! page is one enum, named after the shortest of the properties that use it.

use heck::ToUpperCamelCase;

use super::Importer;
use crate::spec::raw::{Origin, RawModel, RawValue};

/// The values a description lists, when it lists at least two.
pub(super) fn listed(description: &str) -> Option<Vec<RawValue>> {
    dashed(description).or_else(|| quoted(description))
}

/// Words in quotes: `"none", "managed," or "federated"`.
fn quoted(description: &str) -> Option<Vec<RawValue>> {
    let normalized = description.replace(['“', '”'], "\"");
    let mut values: Vec<RawValue> = Vec::new();
    for (i, part) in normalized.split('"').enumerate() {
        let value = part.trim().trim_end_matches([',', '.']).replace("\\_", "_");
        if i % 2 == 1 && is_word(&value) && !values.iter().any(|v| v.value == value) {
            values.push(RawValue {
                value,
                description: String::new(),
            });
        }
    }
    (values.len() >= 2).then_some(values)
}

/// Lines `value - meaning`, each value with its meaning.
fn dashed(description: &str) -> Option<Vec<RawValue>> {
    let values: Vec<RawValue> = description
        .lines()
        .filter_map(|line| {
            let (value, meaning) = line.trim().split_once(" - ")?;
            let value = value.trim().trim_matches('`');
            is_word(value).then(|| RawValue {
                value: value.to_string(),
                description: meaning.trim().to_string(),
            })
        })
        .collect();
    (values.len() >= 2).then_some(values)
}

fn is_word(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 40
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// The enum of `values` for the property `property` of `model` (at
/// `file:line`): named after the property when its name has two words,
/// else after both. The same values on the same page are one enum, under
/// the shortest name proposed for it. Its name.
pub(super) fn enum_for(
    im: &mut Importer<'_>,
    model: &str,
    property: &str,
    values: Vec<RawValue>,
    (file, line): (&str, usize),
) -> String {
    let own = property.to_upper_camel_case();
    let two_words = own.chars().skip(1).any(char::is_uppercase);
    let name = if two_words {
        own
    } else {
        format!("{model}{own}")
    };
    let same = |m: &RawModel| {
        m.origin == Origin::Prose
            && m.doc == file
            && m.values.len() == values.len()
            && m.values
                .iter()
                .zip(&values)
                .all(|(a, b)| a.value == b.value)
    };
    if let Some(existing) = im.models.iter_mut().find(|m| same(m)) {
        if name.len() < existing.name.len() && !im.names.contains(&name) {
            let old = std::mem::replace(&mut existing.name, name.clone());
            im.names.insert(name.clone());
            im.renames.push((old, name.clone()));
        }
        return existing.name.clone();
    }
    if im.has_model(&name) {
        return name;
    }
    let undescribed = values.iter().any(|v| v.description.is_empty());
    let what = if undescribed {
        "its values' descriptions, and whether it is an enum"
    } else {
        "whether it is an enum"
    };
    im.push_model(RawModel {
        name: name.clone(),
        decide: Some(format!(
            "an enum the description of {model}.{property} lists: {what} ({file}:{line})"
        )),
        doc: file.to_string(),
        origin: Origin::Prose,
        heading: None,
        description: format!("The values of {model}.{property}."),
        properties: Vec::new(),
        values,
        extends: None,
        discriminator: None,
        chosen_by: Vec::new(),
        variants: Vec::new(),
        rate_limit: None,
        contradictions: Vec::new(),
    });
    name
}

/// `ty` with the model `old` (a whole word of it) named `new`.
pub(super) fn renamed(ty: &str, old: &str, new: &str) -> String {
    let mut out = String::with_capacity(ty.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        out.push_str(if word == old { new } else { word });
        word.clear();
    };
    for c in ty.chars() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(values: Option<Vec<RawValue>>) -> Vec<String> {
        values.into_iter().flatten().map(|v| v.value).collect()
    }

    #[test]
    fn lists_in_descriptions() {
        let quoted = listed("The type: \"none\", \"managed,\" or \"federated\".");
        assert_eq!(words(quoted), ["none", "managed", "federated"]);
        assert!(listed("Such as \"en-us\".").is_none());
        assert_eq!(words(listed("A “User” or a “Tenant”")), ["User", "Tenant"]);
        let dashed = listed("Groups.\n\ngroup1 - All products.\n\ngroup2 - Minecraft.").unwrap();
        assert_eq!(
            (dashed[1].value.as_str(), dashed[1].description.as_str()),
            ("group2", "Minecraft.")
        );
        assert_eq!(
            renamed("[CustomerUserState]", "CustomerUserState", "UserState"),
            "[UserState]"
        );
        assert_eq!(
            renamed("map<UserStates>", "UserState", "X"),
            "map<UserStates>"
        );
    }
}
