//! What an operation sends and receives besides its parameters: the request
//! body, the request headers it sets and the responses it expects.

use std::collections::BTreeSet;

use super::model::{object_of, walk};
use super::types::Allow;
use super::{At, Names, Validator};
use crate::ident;
use crate::model::*;
use crate::spec::SourceFile;
use crate::spec::raw::RawOperation;

impl Validator {
    pub(super) fn body(
        &mut self,
        file: &SourceFile,
        at: At,
        o: &RawOperation,
        names: &Names<'_>,
        models: &[Model],
        idents: &mut BTreeSet<String>,
    ) -> Option<Body> {
        let raw = o.body.as_ref()?;
        let bat = Self::field(file, at, "body", None);
        self.non_empty(file, bat, "description", &raw.description);
        let ty = self.ty(file, bat, "type", &raw.ty, names, Allow::default())?;
        // An object, or a list of them (a batch of devices, for one).
        let object = match &ty {
            Type::Array(item) => object_of(item, models),
            other => object_of(other, models),
        };
        if object.is_none() {
            self.field_error(
                file,
                bat,
                "type",
                format!(
                    "the body `{}` is not an object model or a list of them",
                    raw.ty
                ),
            );
        }
        if matches!(o.method.to_ascii_uppercase().as_str(), "GET" | "HEAD") {
            self.field_error(
                file,
                bat,
                "type",
                format!("a {} request has no body", o.method),
            );
        }
        if !idents.insert("body".into()) {
            self.error(file, bat, "a parameter is already named `body`".into());
        }
        Some(Body {
            at: Self::location(file, bat),
            ty,
            description: raw.description.clone(),
        })
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn request_headers(
        &mut self,
        file: &SourceFile,
        at: At,
        o: &RawOperation,
        body: Option<&Body>,
        names: &Names<'_>,
        models: &[Model],
        idents: &mut BTreeSet<String>,
    ) -> Vec<OperationHeader> {
        let mut out = Vec::new();
        for h in &o.request_headers {
            let hat = Self::field(file, at, "name", Some(&h.name));
            self.non_empty(file, hat, "description", &h.description);
            let Some(header) = names.header(Direction::Request, &h.name) else {
                self.error(
                    file,
                    hat,
                    format!("`{}` is not a request header of the spec", h.name),
                );
                continue;
            };
            if let Some(doc) = &h.doc {
                self.doc_ref(file, hat, doc, names.documents);
            }
            let from_body = h.from_body.as_ref().and_then(|path| {
                let properties = object_of(&body?.ty, models)?;
                match walk(properties, path, models) {
                    Ok((steps, Type::Scalar(ValueType::String))) => Some(steps),
                    Ok(_) => {
                        self.field_error(
                            file,
                            hat,
                            "from_body",
                            format!("`{path}` is not a string of the body"),
                        );
                        None
                    }
                    Err(why) => {
                        self.field_error(file, hat, "from_body", why);
                        None
                    }
                }
            });
            if h.from_body.is_some() && o.body.is_none() {
                self.field_error(file, hat, "from_body", "the operation has no body".into());
            }
            let Some(rust_ident) = self.ident(file, hat, ident::snake_ident, &header.name) else {
                continue;
            };
            if !idents.insert(rust_ident.clone())
                || ident::CALL_METHODS.contains(&rust_ident.as_str())
            {
                self.error(
                    file,
                    hat,
                    format!("the header's setter `{rust_ident}` is taken"),
                );
            }
            out.push(OperationHeader {
                at: Self::location(file, hat),
                name: header.name.clone(),
                const_ident: header.const_ident.clone(),
                rust_ident,
                required: h.required,
                from_body,
                quoted: h.quoted,
                doc: h.doc.clone().unwrap_or_else(|| o.doc.clone()),
                description: h.description.clone(),
            });
        }
        out
    }

    pub(super) fn responses(
        &mut self,
        file: &SourceFile,
        at: At,
        o: &RawOperation,
        names: &Names<'_>,
    ) -> Vec<Response> {
        let several = o.responses.len() > 1;
        if o.responses.is_empty() {
            self.field_error(
                file,
                at,
                "responses",
                "an operation has at least one response".into(),
            );
        }
        let mut out: Vec<Response> = Vec::new();
        for r in &o.responses {
            let rat = Self::field(file, at, "status", Some(&r.status.to_string()));
            self.non_empty(file, rat, "description", &r.description);
            if out.iter().any(|x| x.status == r.status) {
                self.error(file, rat, format!("status {} is listed twice", r.status));
            }
            let outcome = several && r.body.is_none() && (300..500).contains(&r.status);
            if !outcome {
                self.status(
                    file,
                    rat,
                    r.status,
                    200..300,
                    "success status",
                    "2xx (a 3xx or 4xx is an outcome only among several, without a body)",
                );
            }
            let body = r.body.as_ref().and_then(|b| {
                let allow = Allow {
                    collection: true,
                    item: false,
                };
                self.ty(file, rat, "body", b, names, allow)
            });
            if body == Some(Type::Binary) && several {
                let message = "a file (`binary`) is the answer of an operation of one response";
                self.field_error(file, rat, "body", message.into());
            }
            if r.content_type.is_some() && body != Some(Type::Binary) {
                let message = "`content_type` is the media type of a file (`body: binary`)";
                self.field_error(file, rat, "content_type", message.into());
            }
            if r.body.is_some() && (r.status == 204 || o.method.eq_ignore_ascii_case("HEAD")) {
                self.field_error(
                    file,
                    rat,
                    "body",
                    format!("a {} {} response has no body", o.method, r.status),
                );
            }
            for h in &r.headers {
                if names.header(Direction::Response, h).is_none() {
                    self.field_error(
                        file,
                        rat,
                        "headers",
                        format!("`{h}` is not a response header of the spec"),
                    );
                }
            }
            let variant = match (&r.name, several) {
                (Some(name), true) => self.ident(file, rat, ident::type_ident, name),
                (None, true) => {
                    self.error(
                        file,
                        rat,
                        "each of several responses needs a `name`: its outcome".into(),
                    );
                    None
                }
                (Some(_), false) => {
                    self.field_error(
                        file,
                        rat,
                        "name",
                        "a single response has no outcome name".into(),
                    );
                    None
                }
                (None, false) => None,
            };
            if let Some(v) = &variant
                && out.iter().any(|x| x.variant.as_ref() == Some(v))
            {
                self.error(
                    file,
                    rat,
                    format!("two responses would be the outcome `{v}`"),
                );
            }
            let poll = r.poll.as_ref().map(|p| {
                let pat = Self::field(file, rat, "poll", None);
                if r.status != 202 || r.body.is_some() || several {
                    let message = "`poll` follows the one answer of an operation, a 202 without a body";
                    self.field_error(file, rat, "poll", message.into());
                }
                if !r.headers.iter().any(|h| h.eq_ignore_ascii_case("Location")) {
                    let message = "a 202 that is followed carries the `Location` header it is followed at";
                    self.field_error(file, rat, "headers", message.into());
                }
                if !p.relative_to.starts_with('/') || p.relative_to.ends_with('/') {
                    let message = format!(
                        "`relative_to` is `{}`: a path that starts with `/` and does not end with one",
                        p.relative_to
                    );
                    self.field_error(file, pat, "relative_to", message);
                }
                if p.done.is_empty() || p.done.iter().any(|d| d.is_empty()) {
                    let message = "`done` lists the values that say the operation is done";
                    self.field_error(file, pat, "done", message.into());
                }
                Poll {
                    at: Self::location(file, pat),
                    operation: p.operation.clone(),
                    operation_name: String::new(),
                    operation_path: String::new(),
                    answer: None,
                    error_type: String::new(),
                    relative_to: p.relative_to.clone(),
                    property: p.property.clone(),
                    done: p.done.clone(),
                }
            });
            out.push(Response {
                at: Self::location(file, rat),
                status: r.status,
                variant,
                body,
                content_type: r.content_type.clone(),
                headers: r.headers.clone(),
                poll,
                description: r.description.clone(),
            });
        }
        out
    }

    /// The status that says "not ready yet": a 2xx without a body that is
    /// none of the responses'.
    pub(super) fn not_ready(
        &mut self,
        file: &SourceFile,
        at: At,
        o: &RawOperation,
        responses: &[Response],
    ) -> Option<NotReady> {
        let raw = o.not_ready.as_ref()?;
        let nat = Self::field(file, at, "not_ready", None);
        self.non_empty(file, nat, "description", &raw.description);
        let sat = Self::field(file, nat, "status", Some(&raw.status.to_string()));
        self.status(
            file,
            nat,
            raw.status,
            200..300,
            "not-ready status",
            "a 2xx (an error status is an error, not \"not ready\")",
        );
        if responses.iter().any(|r| r.status == raw.status) {
            let message = format!("status {} is a response of the operation", raw.status);
            self.error(file, sat, message);
        }
        Some(NotReady {
            at: Self::location(file, nat),
            status: raw.status,
            description: raw.description.clone(),
        })
    }
}
