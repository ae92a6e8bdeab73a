//! An operation's documented failures: each told apart by status, code,
//! source (and description where they share those), and the request its
//! page says gets it.

use std::collections::BTreeMap;

use super::{Validator, same_ident};
use crate::ident;
use crate::model::*;
use crate::spec::SourceFile;
use crate::spec::raw::{RawOperation, RawParam, RawWhen};

/// What a failure's `when` may name: the operation's parameters and headers.
#[derive(Clone, Copy)]
pub(super) struct Rules<'a> {
    pub(super) path: &'a [Param],
    pub(super) query: &'a [Param],
    pub(super) one_of: Option<&'a OneOf>,
    pub(super) headers: &'a [OperationHeader],
    /// The operation as written: a name whose own entry is in error is not
    /// reported again.
    pub(super) raw: &'a RawOperation,
}

impl Rules<'_> {
    /// The rule `when` names, if the operation can receive such a request.
    fn check(&self, when: &RawWhen) -> Result<When, String> {
        let rules = [
            when.malformed.clone().map(When::Malformed),
            when.missing.clone().map(When::Missing),
            when.none_of.clone().map(When::NoneOf),
            when.several_of.clone().map(When::SeveralOf),
            when.missing_header.clone().map(When::MissingHeader),
        ];
        let mut given = rules.into_iter().flatten();
        let (Some(rule), None) = (given.next(), given.next()) else {
            return Err(
                "`when` names one rule: `malformed`, `missing`, `none_of`, `several_of` or `missing_header`"
                    .into(),
            );
        };
        let group = self.one_of.map_or(&[][..], |g| &g.params[..]);
        match &rule {
            When::Malformed(name) => {
                let param = self
                    .path
                    .iter()
                    .chain(self.query)
                    .chain(group)
                    .find(|p| &p.name == name);
                let Some(param) = param else {
                    let written = self.raw.path_params.iter().chain(&self.raw.query_params);
                    return reported(written, name, &rule, "is not a parameter of the operation");
                };
                let checked = param.encoding == Encoding::Json
                    || matches!(
                        param.ty,
                        Type::Scalar(
                            ValueType::Guid
                                | ValueType::Int
                                | ValueType::Bool
                                | ValueType::Decimal
                                | ValueType::DateTime
                                | ValueType::Date
                        )
                    );
                if !checked {
                    return Err(format!("`{name}` is text: any value of it is well-formed"));
                }
            }
            When::Missing(name) => match self.query.iter().find(|p| &p.name == name) {
                Some(p) if p.required => {}
                Some(_) => {
                    return Err(format!(
                        "`{name}` is optional: leaving it out breaks no rule"
                    ));
                }
                None => {
                    let group = self.raw.exactly_one_of.as_ref().map(|g| &g.params[..]);
                    let written = self
                        .raw
                        .query_params
                        .iter()
                        .filter(|p| !group.unwrap_or_default().contains(&p.name));
                    let why = "is not a query parameter of the operation outside its group";
                    return reported(written, name, &rule, why);
                }
            },
            When::NoneOf(name) | When::SeveralOf(name) => {
                if self.one_of.is_none_or(|g| &g.name != name) {
                    return Err(format!(
                        "the operation has no `exactly_one_of` group `{name}`"
                    ));
                }
            }
            When::MissingHeader(name) => {
                match self
                    .headers
                    .iter()
                    .find(|h| h.name.eq_ignore_ascii_case(name))
                {
                    Some(h) if h.required => {}
                    Some(_) => {
                        return Err(format!(
                            "`{name}` is optional: leaving it out breaks no rule"
                        ));
                    }
                    None if self.raw.request_headers.iter().any(|h| &h.name == name) => {}
                    None => {
                        return Err(format!("`{name}` is not a request header of the operation"));
                    }
                }
            }
        }
        Ok(rule)
    }
}

/// `name` is none of the checked parameters the rule may name: an error,
/// unless it is one of `written`, whose own error is reported already.
fn reported<'p>(
    written: impl IntoIterator<Item = &'p RawParam>,
    name: &str,
    rule: &When,
    why: &str,
) -> Result<When, String> {
    if written.into_iter().any(|p| p.name == name) {
        Ok(rule.clone())
    } else {
        Err(format!("`{name}` {why}"))
    }
}

impl Validator {
    pub(super) fn errors(
        &mut self,
        file: &SourceFile,
        o: &RawOperation,
        responses: &[Response],
        rules: Rules<'_>,
    ) -> Vec<ErrorEntry> {
        let mut out: Vec<ErrorEntry> = Vec::new();
        for err in &o.errors {
            let eat = self.item(file, "operations", "id", &err.id);
            self.status(
                file,
                eat,
                err.status,
                400..600,
                "error status",
                "a 4xx or 5xx status",
            );
            if responses.iter().any(|r| r.status == err.status) {
                self.field_error(
                    file,
                    eat,
                    "status",
                    format!("status {} is a response of the operation", err.status),
                );
            }
            self.non_empty(file, eat, "description", &err.description);
            let code = err.code.as_ref().map(|c| c.as_text());
            match err.origin {
                Origin::Example => {
                    let example = err.example.as_deref().unwrap_or_default();
                    self.non_empty(file, eat, "example", example);
                    self.non_empty(
                        file,
                        eat,
                        "source",
                        err.source.as_deref().unwrap_or_default(),
                    );
                    if code.is_none() {
                        self.error(
                            file,
                            eat,
                            "an error shown by an example has its `code`".into(),
                        );
                    }
                }
                Origin::Prose
                    if code.is_some() || err.source.is_some() || err.example.is_some() =>
                {
                    let message = "an error the page only describes is told apart by its status: no `code`, `source` or `example`";
                    self.error(file, eat, message.into());
                }
                Origin::Prose => {
                    let twice = out
                        .iter()
                        .any(|x| x.origin == Origin::Prose && x.status == err.status);
                    if twice {
                        let message =
                            format!("two errors are told apart by status {} alone", err.status);
                        self.error(file, eat, message);
                    }
                }
                Origin::Table => {
                    self.field_error(
                        file,
                        eat,
                        "origin",
                        "an error comes from an example or from prose".into(),
                    );
                }
            }
            if out.iter().any(|x| x.id == err.id) {
                self.error(file, eat, format!("error `{}` is listed twice", err.id));
            }
            let key = (err.status, code.clone(), err.source.clone());
            if let Some(x) = out.iter().find(|x| {
                (x.status, x.code.clone(), x.source.clone()) == key
                    && x.description == err.description
            }) {
                let message = format!(
                    "error `{}` repeats `{}`: same status, code, source and description",
                    err.id, x.id
                );
                self.error(file, eat, message);
            }
            let when = err.when.as_ref().and_then(|w| {
                let wat = Self::field(file, eat, "when", None);
                let when = rules
                    .check(w)
                    .map_err(|message| self.error(file, wat, message))
                    .ok()?;
                if let Some(other) = out.iter().find(|x| x.when.as_ref() == Some(&when)) {
                    let message = format!("error `{}` already answers this request", other.id);
                    self.error(file, wat, message);
                }
                Some(when)
            });
            let Some(variant) = self.ident(file, eat, ident::type_ident, &err.id) else {
                continue;
            };
            if let Some(other) = out.iter().find(|x| x.variant == variant && x.id != err.id) {
                self.error(file, eat, same_ident("error", &err.id, &other.id, &variant));
            }
            if variant == "Other" {
                self.error(
                    file,
                    eat,
                    "error id `other` is reserved for undocumented failures".into(),
                );
            }
            out.push(ErrorEntry {
                at: Self::location(file, eat),
                id: err.id.clone(),
                variant,
                origin: err.origin,
                example: err.example.clone().unwrap_or_default(),
                status: err.status,
                code,
                source: err.source.clone(),
                description: err.description.clone(),
                data: err.data.clone(),
                needs_description: false,
                when,
            });
        }
        let mut groups: BTreeMap<(u16, Option<String>, Option<String>), usize> = BTreeMap::new();
        for x in &out {
            *groups
                .entry((x.status, x.code.clone(), x.source.clone()))
                .or_default() += 1;
        }
        for x in &mut out {
            x.needs_description = groups[&(x.status, x.code.clone(), x.source.clone())] > 1;
        }
        out
    }
}
