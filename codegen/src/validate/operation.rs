//! Operations: identity, method and parameters, the path template and the
//! rows an operation names (`path`), then the body, headers and responses
//! (`exchange`) and the documented failures (`failures`).

use std::collections::{BTreeMap, BTreeSet};

use super::failures::Rules;
use super::model::object_of;
use super::types::Allow;
use super::{At, Validator, same_ident};
use crate::ident;
use crate::model::*;
use crate::spec::SourceFile;
use crate::spec::raw::{RawOperation, RawParam};
use crate::validate::Names;

impl Validator {
    pub(super) fn operation(
        &mut self,
        file: &SourceFile,
        o: &RawOperation,
        names: &Names<'_>,
        models: &[Model],
        done: &[Operation],
    ) -> Option<Operation> {
        let at = self.item(file, "operations", "id", &o.id);
        let before = self.diagnostics.len();
        if done.iter().any(|x| x.id == o.id) {
            // Everything else of it would be reported twice too.
            self.error(file, at, format!("operation `{}` is listed twice", o.id));
            return None;
        }
        self.doc_ref(file, at, &o.doc, names.documents);
        for (i, page) in o.also_on.iter().enumerate() {
            self.doc_ref(file, at, page, names.documents);
            if *page == o.doc || o.also_on[..i].contains(page) {
                let message = format!("`{page}` is named twice among the operation's pages");
                self.field_error(file, at, "also_on", message);
            }
        }
        self.non_empty(file, at, "summary", &o.summary);
        let fn_ident = self.ident(file, at, ident::snake_ident, &o.id);
        if let Some(f) = &fn_ident {
            if let Some(other) = done.iter().find(|x| &x.fn_ident == f && x.id != o.id) {
                self.error(file, at, same_ident("operation", &o.id, &other.id, f));
            }
            if ident::CLIENT_METHODS.contains(&f.as_str()) {
                let message = format!(
                    "operation `{}` would be the client's own method `{f}`",
                    o.id
                );
                self.error(file, at, message);
            } else if ident::SERVER_METHODS.contains(&f.as_str()) {
                let message = format!(
                    "operation `{}` would be the test server's own method `{f}`",
                    o.id
                );
                self.error(file, at, message);
            }
        }
        let name_at = Self::field(file, at, "name", Some(&o.name));
        let owner = format!("operation `{}`", o.id);
        let error_type = self.ident(
            file,
            name_at,
            ident::type_ident,
            &format!("{}_error", o.name),
        );
        if let Some(t) = &error_type {
            self.root_type(file, name_at, t, &format!("the error type of {owner}"));
        }
        let outcome_type = if o.responses.len() > 1 {
            let t = self.ident(
                file,
                name_at,
                ident::type_ident,
                &format!("{}_response", o.name),
            );
            if let Some(t) = &t {
                self.root_type(file, name_at, t, &format!("the outcome type of {owner}"));
            }
            t
        } else {
            None
        };

        let method = o.method.to_ascii_uppercase();
        if !METHODS.contains(&method.as_str()) {
            let message = format!(
                "unknown method `{}`: expected one of {}",
                o.method,
                METHODS.join(", ")
            );
            self.field_error(file, at, "method", message);
        }
        let clouds = o.clouds.as_ref().map(|ids| {
            ids.iter()
                .filter_map(|id| match names.clouds.iter().find(|c| &c.id == id) {
                    Some(c) => Some(c.variant.clone()),
                    None => {
                        self.field_error(file, at, "clouds", format!("unknown cloud `{id}`"));
                        None
                    }
                })
                .collect()
        });

        let mut idents = BTreeSet::new();
        let path_params = self.params(
            file,
            at,
            &o.path_params,
            names,
            models,
            Place::Path,
            &mut idents,
        );
        let segments = self.path(file, at, o, &path_params);
        let also_rows = self.also_rows(file, at, o);
        let in_group = |p: &&RawParam| {
            o.exactly_one_of
                .as_ref()
                .is_some_and(|g| g.params.contains(&p.name))
        };
        let own: Vec<&RawParam> = o.query_params.iter().filter(|p| !in_group(p)).collect();
        let grouped: Vec<&RawParam> = o.query_params.iter().filter(in_group).collect();
        let query = self.params(file, at, own, names, models, Place::Query, &mut idents);
        let one_of = self.one_of(file, at, o, grouped, names, models, &mut idents);
        let body = self.body(file, at, o, names, models, &mut idents);
        let request_headers =
            self.request_headers(file, at, o, body.as_ref(), names, models, &mut idents);
        let responses = self.responses(file, at, o, names);
        let errors = self.errors(
            file,
            o,
            &responses,
            Rules {
                path: &path_params,
                query: &query,
                one_of: one_of.as_ref(),
                headers: &request_headers,
                raw: o,
            },
        );
        let pages: Vec<&str> = std::iter::once(o.doc.as_str())
            .chain(o.also_on.iter().map(String::as_str))
            .collect();
        let contradictions = self.contradictions(file, at, &o.id, &pages, &o.contradictions);
        let not_ready = self.not_ready(file, at, o, &responses);

        if self.diagnostics.len() != before {
            return None;
        }
        Some(Operation {
            at: Self::location(file, at),
            method_at: Self::location(file, Self::field(file, at, "method", None)),
            path_at: Self::location(file, Self::field(file, at, "path", None)),
            clouds_at: Self::location(file, Self::field(file, at, "clouds", None)),
            id: o.id.clone(),
            area: self.area_of(file),
            fn_ident: fn_ident?,
            name: o.name.clone(),
            error_type: error_type?,
            outcome_type,
            doc: o.doc.clone(),
            also_on: o.also_on.clone(),
            summary: o.summary.clone(),
            method,
            path: o.path.clone(),
            segments,
            also_rows,
            clouds,
            auth: o.auth,
            path_params,
            query,
            one_of,
            request_headers,
            body,
            responses,
            not_ready,
            errors,
            contradictions,
            choice: None,
        })
    }

    /// Path or query parameters; `idents` collects the Rust names of the
    /// operation's arguments and setters, which must differ.
    #[allow(clippy::too_many_arguments)]
    fn params<'r>(
        &mut self,
        file: &SourceFile,
        at: At,
        raw: impl IntoIterator<Item = &'r RawParam>,
        names: &Names<'_>,
        models: &[Model],
        place: Place,
        idents: &mut BTreeSet<String>,
    ) -> Vec<Param> {
        let mut out = Vec::new();
        for p in raw {
            let pat = Self::field(file, at, "name", Some(&p.name));
            self.non_empty(file, pat, "description", &p.description);
            let ty = self.ty(file, pat, "type", &p.ty, names, Allow::default());
            // A `rust_name` is taken as written; a name, as its concept's.
            let rust_ident = match &p.rust_name {
                Some(r) => {
                    let rat = Self::field(file, pat, "rust_name", Some(r));
                    self.ident(file, rat, ident::snake_ident, r)
                }
                None => self.ident(file, pat, ident::param_ident, &p.name),
            };
            let variant = self.ident(file, pat, ident::type_ident, &p.name);
            if let Some(r) = &rust_ident {
                if r == ident::REQUEST_LOCAL {
                    let message = format!(
                        "parameter `{}` would be `{r}`, which the generated method uses itself: set `rust_name`",
                        p.name
                    );
                    self.error(file, pat, message);
                } else if !idents.insert(r.clone()) {
                    let message = format!(
                        "parameter `{}` would be a second `{r}` of this operation",
                        p.name
                    );
                    self.error(file, pat, message);
                }
                if !p.required && ident::CALL_METHODS.contains(&r.as_str()) {
                    let message = format!(
                        "the setter `{r}` of parameter `{}` is a method every call has: set `rust_name`",
                        p.name
                    );
                    self.error(file, pat, message);
                }
            }
            if let Some(ty) = &ty {
                let problem = match (place, ty, p.encoding) {
                    (Place::Path, _, _) if !p.required => {
                        Some("a path parameter is always required")
                    }
                    (Place::Path, _, _) if p.repeated => Some("a path parameter cannot repeat"),
                    (_, Type::Model(_), Encoding::Json) if object_of(ty, models).is_none() => {
                        Some("a JSON-encoded parameter is an object model")
                    }
                    (_, Type::Model(m), Encoding::Text) if !names.is_enum(m) => {
                        Some("an object model is sent as JSON: set `encoding: json`")
                    }
                    (_, Type::Array(_), _) => Some("write the item type and set `repeated: true`"),
                    (_, Type::Scalar(_), Encoding::Json) => Some("a scalar is sent as text"),
                    (Place::Path, _, Encoding::Json) => Some("a path parameter is sent as text"),
                    _ => None,
                };
                if let Some(problem) = problem {
                    self.field_error(
                        file,
                        pat,
                        "type",
                        format!("parameter `{}`: {problem}", p.name),
                    );
                }
            }
            if let (Some(ty), Some(rust_ident), Some(variant)) = (ty, rust_ident, variant) {
                out.push(Param {
                    at: Self::location(file, pat),
                    name: p.name.clone(),
                    documented_as: p.documented_as.clone(),
                    rust_ident,
                    ty,
                    required: p.required,
                    repeated: p.repeated,
                    encoding: p.encoding,
                    origin: p.origin,
                    description: p.description.clone(),
                    variant,
                });
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn one_of(
        &mut self,
        file: &SourceFile,
        at: At,
        o: &RawOperation,
        grouped: Vec<&RawParam>,
        names: &Names<'_>,
        models: &[Model],
        idents: &mut BTreeSet<String>,
    ) -> Option<OneOf> {
        let group = o.exactly_one_of.as_ref()?;
        let gat = Self::field(file, at, "exactly_one_of", None);
        self.non_empty(file, gat, "description", &group.description);
        let rust_type = self.ident(file, gat, ident::type_ident, &group.name);
        if let Some(t) = &rust_type {
            self.root_type(file, gat, t, &format!("the group of operation `{}`", o.id));
        }
        let arg_ident = self.ident(file, gat, ident::snake_ident, &group.name);
        if let Some(a) = &arg_ident
            && !idents.insert(a.clone())
        {
            self.error(
                file,
                gat,
                format!(
                    "the group `{}` would be a second argument `{a}`",
                    group.name
                ),
            );
        }
        for name in &group.params {
            if !o.query_params.iter().any(|q| &q.name == name) {
                let message =
                    format!("`exactly_one_of` names `{name}`, which is not under `query_params`");
                self.field_error(file, gat, "params", message);
            }
        }
        if group.params.len() < 2 {
            let message = "`exactly_one_of` needs at least two parameters".into();
            self.field_error(file, gat, "params", message);
        }
        for p in &grouped {
            if p.required || p.repeated {
                let pat = Self::field(file, at, "name", Some(&p.name));
                let message = format!(
                    "`{}` is one of a group: each is optional on its own (`required: false`) and sent once",
                    p.name
                );
                self.error(file, pat, message);
            }
        }
        // Each is a variant of the group's enum, not an argument.
        let mut own = BTreeSet::new();
        let params = self.params(file, at, grouped, names, models, Place::Query, &mut own);
        let mut variants = BTreeMap::new();
        for p in &params {
            if let Some(other) = variants.insert(p.variant.clone(), p.name.clone()) {
                let message = same_ident("query parameter", &p.name, &other, &p.variant);
                self.error(file, (p.at.line, 1), message);
            }
        }
        Some(OneOf {
            name: group.name.clone(),
            rust_type: rust_type?,
            arg_ident: arg_ident?,
            description: group.description.clone(),
            params,
        })
    }
}

/// Where a parameter is sent.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Path,
    Query,
}
