//! Checks the spec as written and builds the model the emitters use. Every
//! problem found is reported, each at the file, line and column it concerns.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::diag::{Diagnostic, Error};
use crate::ident;
use crate::model::*;
use crate::spec::raw::{RawCloud, RawEndpoint, RawErrorCodes, RawField, RawHeader, RawThrottling};
use crate::spec::{Loaded, SourceFile};

const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/// Validates a loaded spec into the model, or returns every problem found.
pub fn validate(loaded: &Loaded) -> Result<Api, Error> {
    let mut v = Validator::default();

    let mut documents = Vec::new();
    for (file, part) in loaded.files.iter().zip(&loaded.parts) {
        for d in &part.documents {
            let at = v.item(file, "file", &d.file);
            if documents.iter().any(|x: &Document| x.file == d.file) {
                v.error(file, at, format!("document `{}` is listed twice", d.file));
            }
            v.non_empty(file, at, "title", &d.title);
            documents.push(Document {
                file: d.file.clone(),
                title: d.title.clone(),
            });
        }
    }
    let known_docs: BTreeSet<&str> = documents.iter().map(|d| d.file.as_str()).collect();

    let mut headers = Vec::new();
    let mut clouds = Vec::new();
    let mut endpoints = Vec::new();
    for (file, part) in loaded.files.iter().zip(&loaded.parts) {
        for h in &part.headers {
            if let Some(h) = v.header(file, h, &known_docs, &headers) {
                headers.push(h);
            }
        }
        for c in &part.clouds {
            if let Some(c) = v.cloud(file, c, &known_docs, &clouds) {
                clouds.push(c);
            }
        }
    }
    for (file, part) in loaded.files.iter().zip(&loaded.parts) {
        for e in &part.endpoints {
            if let Some(e) = v.endpoint(file, e, &known_docs, &clouds, &endpoints) {
                endpoints.push(e);
            }
        }
    }
    endpoints.sort_by(|a: &Endpoint, b| a.id.cmp(&b.id));
    v.unique_type_names(loaded, &endpoints);

    let mut error_codes = None;
    let mut throttling = None;
    for (file, part) in loaded.files.iter().zip(&loaded.parts) {
        if let Some(raw) = &part.error_codes {
            let at = Validator::field(file, (1, 1), "error_codes", None);
            if error_codes.is_some() {
                v.error(file, at, "`error_codes` is given twice".into());
            }
            error_codes = Some(v.error_codes(file, at, raw, &known_docs));
        }
        if let Some(raw) = &part.throttling {
            let at = Validator::field(file, (1, 1), "throttling", None);
            if throttling.is_some() {
                v.error(file, at, "`throttling` is given twice".into());
            }
            throttling = Some(v.throttling(file, at, raw, &known_docs, &headers));
        }
    }

    if v.diagnostics.is_empty() {
        Ok(Api {
            spec_hash: loaded.hash,
            documents,
            headers,
            clouds,
            endpoints,
            error_codes,
            throttling: throttling.flatten(),
        })
    } else {
        Err(Error::Spec(v.diagnostics))
    }
}

/// A position: (line, column).
type At = (usize, usize);

#[derive(Default)]
struct Validator {
    diagnostics: Vec<Diagnostic>,
    /// How many items with a given anchor line were seen per file, so that a
    /// repeated item is located at its own line, not at the first one.
    seen: HashMap<(std::path::PathBuf, String), usize>,
}

impl Validator {
    /// Locates an item of the spec by its identifying `key: value` line.
    fn item(&mut self, file: &SourceFile, key: &str, value: &str) -> At {
        let id = (file.path.clone(), format!("{key}\0{value}"));
        let nth = self.seen.entry(id).or_insert(0);
        let at = file.locate(key, Some(value), 1, *nth).unwrap_or((1, 1));
        *nth += 1;
        at
    }

    /// Locates a field of the item at `item`: the first `key:` line after it.
    fn field(file: &SourceFile, item: At, key: &str, value: Option<&str>) -> At {
        file.locate(key, value, item.0, 0).unwrap_or(item)
    }

    fn location(file: &SourceFile, at: At) -> Location {
        Location {
            file: file.path.clone(),
            line: at.0,
        }
    }

    fn error(&mut self, file: &SourceFile, at: At, message: String) {
        self.diagnostics.push(file.diagnostic(at, message));
    }

    fn field_error(&mut self, file: &SourceFile, item: At, key: &str, message: String) {
        let at = Self::field(file, item, key, None);
        self.error(file, at, message);
    }

    fn non_empty(&mut self, file: &SourceFile, item: At, key: &str, value: &str) {
        if value.trim().is_empty() {
            self.field_error(file, item, key, format!("`{key}` must not be empty"));
        }
    }

    /// The `status:` of the item at `item` must be in `range`.
    fn status(
        &mut self,
        file: &SourceFile,
        item: At,
        status: u16,
        range: std::ops::Range<u16>,
        label: &str,
        expected: &str,
    ) {
        if !range.contains(&status) {
            self.field_error(
                file,
                item,
                "status",
                format!("{label} {status} is not {expected}"),
            );
        }
    }

    fn doc_ref(&mut self, file: &SourceFile, item: At, doc: &str, known: &BTreeSet<&str>) {
        if !known.contains(doc) {
            let at = Self::field(file, item, "doc", Some(doc));
            self.error(
                file,
                at,
                format!("unknown document `{doc}`: list it under `documents` first"),
            );
        }
    }

    fn ident(
        &mut self,
        file: &SourceFile,
        at: At,
        make: fn(&str) -> Result<String, String>,
        name: &str,
    ) -> Option<String> {
        match make(name) {
            Ok(ident) => Some(ident),
            Err(message) => {
                self.error(file, at, message);
                None
            }
        }
    }

    fn header(
        &mut self,
        file: &SourceFile,
        h: &RawHeader,
        docs: &BTreeSet<&str>,
        done: &[Header],
    ) -> Option<Header> {
        let at = self.item(file, "name", &h.name);
        if h.name.is_empty() || !h.name.bytes().all(is_token_byte) {
            self.error(
                file,
                at,
                format!(
                    "header name `{}` is not a valid HTTP header name (token characters only)",
                    h.name
                ),
            );
        }
        if !h
            .documented_as
            .trim_end_matches(':')
            .eq_ignore_ascii_case(&h.name)
        {
            self.field_error(
                file,
                at,
                "documented_as",
                format!(
                    "`documented_as` is `{}`, which does not name header `{}`",
                    h.documented_as, h.name
                ),
            );
        }
        if done
            .iter()
            .any(|x| x.direction == h.direction && x.name.eq_ignore_ascii_case(&h.name))
        {
            self.error(
                file,
                at,
                format!("header `{}` is listed twice for the same direction", h.name),
            );
        }
        self.non_empty(file, at, "description", &h.description);
        self.doc_ref(file, at, &h.doc, docs);
        let const_ident = self.ident(file, at, ident::const_ident, &h.name)?;
        if let Some(other) = done
            .iter()
            .find(|x| x.const_ident == const_ident && !x.name.eq_ignore_ascii_case(&h.name))
        {
            self.error(
                file,
                at,
                format!(
                    "header `{}` and header `{}` would both be the constant `{const_ident}`",
                    h.name, other.name
                ),
            );
        }
        // Kept even when wrong, so that what refers to it is not reported too.
        Some(Header {
            at: Self::location(file, at),
            name: h.name.clone(),
            const_ident,
            documented_as: h.documented_as.clone(),
            direction: h.direction,
            origin: h.origin,
            value_type: h.value_type,
            requirement: h.requirement,
            semantics: h.semantics,
            default: h.default.clone(),
            description: h.description.clone(),
            doc: h.doc.clone(),
        })
    }

    fn cloud(
        &mut self,
        file: &SourceFile,
        c: &RawCloud,
        docs: &BTreeSet<&str>,
        done: &[Cloud],
    ) -> Option<Cloud> {
        let at = self.item(file, "id", &c.id);
        if done.iter().any(|x| x.id == c.id) {
            self.error(file, at, format!("cloud `{}` is listed twice", c.id));
        }
        if let Err(why) = check_base_url(&c.base_url) {
            self.field_error(
                file,
                at,
                "base_url",
                format!("invalid base URL `{}`: {why}", c.base_url),
            );
        }
        self.non_empty(file, at, "name", &c.name);
        self.doc_ref(file, at, &c.doc, docs);
        let variant = self.ident(file, at, ident::type_ident, &c.id)?;
        if let Some(other) = done.iter().find(|x| x.variant == variant && x.id != c.id) {
            self.error(file, at, same_ident("cloud", &c.id, &other.id, &variant));
        }
        // Kept even when wrong, so that what refers to it is not reported too.
        Some(Cloud {
            at: Self::location(file, at),
            id: c.id.clone(),
            variant,
            name: c.name.clone(),
            base_url: c.base_url.clone(),
            doc: c.doc.clone(),
        })
    }

    fn endpoint(
        &mut self,
        file: &SourceFile,
        e: &RawEndpoint,
        docs: &BTreeSet<&str>,
        clouds: &[Cloud],
        done: &[Endpoint],
    ) -> Option<Endpoint> {
        let at = self.item(file, "id", &e.id);
        let before = self.diagnostics.len();
        if done.iter().any(|x| x.id == e.id) {
            self.error(file, at, format!("endpoint `{}` is listed twice", e.id));
        }
        self.doc_ref(file, at, &e.doc, docs);
        self.non_empty(file, at, "summary", &e.summary);
        let fn_ident = self.ident(file, at, ident::snake_ident, &e.id);
        if let Some(f) = &fn_ident {
            if let Some(other) = done.iter().find(|x| &x.fn_ident == f && x.id != e.id) {
                self.error(file, at, same_ident("endpoint", &e.id, &other.id, f));
            }
            if RESERVED_MODULES.contains(&f.as_str()) {
                self.error(
                    file,
                    at,
                    format!("endpoint id `{}` would be the module `{f}`, which the generator writes for something else", e.id),
                );
            }
        }
        let name_at = Self::field(file, at, "name", Some(&e.name));
        let error_type = self.ident(
            file,
            name_at,
            ident::type_ident,
            &format!("{}_error", e.name),
        );

        let method = e.method.to_ascii_uppercase();
        if !METHODS.contains(&method.as_str()) {
            self.field_error(
                file,
                at,
                "method",
                format!(
                    "unknown method `{}`: expected one of {}",
                    e.method,
                    METHODS.join(", ")
                ),
            );
        }

        let mut endpoint_clouds = Vec::new();
        for id in &e.clouds {
            match clouds.iter().find(|c| &c.id == id) {
                Some(c) => endpoint_clouds.push(c.variant.clone()),
                None => self.field_error(file, at, "clouds", format!("unknown cloud `{id}`")),
            }
        }

        let mut path_params = Vec::new();
        for p in &e.path_params {
            let pat = Self::field(file, at, "name", Some(&p.name));
            self.non_empty(file, pat, "description", &p.description);
            let rust_type = self.ident(file, pat, ident::type_ident, &p.rust_type);
            let arg_ident = self.ident(file, pat, ident::snake_ident, &p.rust_type);
            let mut known_values = Vec::new();
            for k in &p.known_values {
                let kat = Self::field(file, pat, "value", Some(&k.value));
                self.non_empty(file, kat, "description", &k.description);
                if let Some(variant) = self.ident(file, kat, ident::type_ident, &k.value) {
                    if let Some(other) = known_values
                        .iter()
                        .find(|x: &&KnownValue| x.variant == variant)
                    {
                        let message = same_ident("value", &k.value, &other.value, &variant);
                        self.error(file, kat, message);
                    }
                    if variant == "Other" {
                        self.error(
                            file,
                            kat,
                            "the value `other` is reserved for values the documents do not name"
                                .into(),
                        );
                    }
                    known_values.push(KnownValue {
                        value: k.value.clone(),
                        variant,
                        description: k.description.clone(),
                    });
                }
            }
            if let (Some(rust_type), Some(arg_ident)) = (rust_type, arg_ident) {
                path_params.push(PathParam {
                    name: p.name.clone(),
                    rust_type,
                    arg_ident,
                    description: p.description.clone(),
                    known_values,
                });
            }
        }
        let segments = self.path(file, at, &e.path, &path_params);

        let reseller = self.one_of(file, at, e);
        let response = self.response(file, at, e);
        let errors = self.errors(file, e);

        if self.diagnostics.len() != before {
            return None;
        }
        Some(Endpoint {
            at: Self::location(file, at),
            method_at: Self::location(file, Self::field(file, at, "method", None)),
            path_at: Self::location(file, Self::field(file, at, "path", None)),
            clouds_at: Self::location(file, Self::field(file, at, "clouds", None)),
            id: e.id.clone(),
            fn_ident: fn_ident?,
            name: e.name.clone(),
            error_type: error_type?,
            doc: e.doc.clone(),
            summary: e.summary.clone(),
            method,
            path: e.path.clone(),
            segments,
            clouds: endpoint_clouds,
            auth: e.auth,
            path_params,
            reseller,
            response: response?,
            errors,
        })
    }

    /// Splits the path template; its `{params}` must be exactly the declared ones.
    fn path(
        &mut self,
        file: &SourceFile,
        at: At,
        path: &str,
        params: &[PathParam],
    ) -> Vec<Segment> {
        let mut segments = Vec::new();
        let mut used = BTreeSet::new();
        let Some(rest) = path.strip_prefix('/') else {
            self.field_error(
                file,
                at,
                "path",
                format!("path `{path}` must start with `/`"),
            );
            return segments;
        };
        for part in rest.split('/') {
            if let Some(name) = part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
                match params.iter().position(|p| p.name == name) {
                    Some(i) => {
                        used.insert(i);
                        segments.push(Segment::Param(i));
                    }
                    None => self.field_error(
                        file,
                        at,
                        "path",
                        format!("path parameter `{{{name}}}` is not declared under `path_params`"),
                    ),
                }
            } else if part.is_empty() || part.contains(['{', '}', '?', '#']) {
                self.field_error(
                    file,
                    at,
                    "path",
                    format!("path `{path}` has an invalid segment `{part}`"),
                );
            } else {
                segments.push(Segment::Literal(part.to_string()));
            }
        }
        for (i, p) in params.iter().enumerate() {
            if !used.contains(&i) {
                self.field_error(
                    file,
                    at,
                    "path",
                    format!(
                        "path parameter `{}` is declared but not used in `{path}`",
                        p.name
                    ),
                );
            }
        }
        segments
    }

    fn one_of(&mut self, file: &SourceFile, at: At, e: &RawEndpoint) -> Option<OneOf> {
        let Some(group) = &e.exactly_one_of else {
            if !e.query_params.is_empty() {
                self.field_error(
                    file,
                    at,
                    "query_params",
                    "query parameters are supported only as an `exactly_one_of` group".into(),
                );
            }
            return None;
        };
        let gat = Self::field(file, at, "exactly_one_of", None);
        self.non_empty(file, gat, "description", &group.description);
        let rust_type = self.ident(file, gat, ident::type_ident, &group.rust_type);
        let arg_ident = self.ident(file, gat, ident::snake_ident, &group.rust_type);
        let mut params = Vec::new();
        for name in &group.params {
            match e.query_params.iter().find(|q| &q.name == name) {
                Some(q) => {
                    let qat = Self::field(file, at, "name", Some(&q.name));
                    self.non_empty(file, qat, "description", &q.description);
                    if let Some(variant) = self.ident(file, qat, ident::type_ident, &q.name) {
                        if let Some(other) =
                            params.iter().find(|x: &&QueryParam| x.variant == variant)
                        {
                            let message =
                                same_ident("query parameter", &q.name, &other.name, &variant);
                            self.error(file, qat, message);
                        }
                        params.push(QueryParam {
                            at: Self::location(file, qat),
                            name: q.name.clone(),
                            documented_as: q.documented_as.clone(),
                            variant,
                            value_type: q.value_type,
                            description: q.description.clone(),
                        });
                    }
                }
                None => self.field_error(
                    file,
                    gat,
                    "params",
                    format!("`exactly_one_of` names `{name}`, which is not under `query_params`"),
                ),
            }
        }
        for q in &e.query_params {
            if !group.params.contains(&q.name) {
                let qat = Self::field(file, at, "name", Some(&q.name));
                self.error(
                    file,
                    qat,
                    format!(
                        "query parameter `{}` must be part of `exactly_one_of`",
                        q.name
                    ),
                );
            }
        }
        if group.params.len() < 2 {
            self.field_error(
                file,
                gat,
                "params",
                "`exactly_one_of` needs at least two parameters".into(),
            );
        }
        Some(OneOf {
            rust_type: rust_type?,
            arg_ident: arg_ident?,
            description: group.description.clone(),
            params,
        })
    }

    fn response(&mut self, file: &SourceFile, at: At, e: &RawEndpoint) -> Option<Response> {
        let r = &e.response;
        let rat = Self::field(file, at, "response", None);
        self.status(file, rat, r.status, 200..300, "success status", "2xx");
        let rust_type = self.ident(file, rat, ident::type_ident, &r.rust_type);
        self.non_empty(file, rat, "description", &r.description);
        let fields = self.fields(file, rat, &r.fields);
        Some(Response {
            status: r.status,
            rust_type: rust_type?,
            description: r.description.clone(),
            fields,
        })
    }

    /// The fields of a JSON body, located after `at`.
    fn fields(&mut self, file: &SourceFile, at: At, raw: &[RawField]) -> Vec<Field> {
        let mut fields: Vec<Field> = Vec::new();
        for f in raw {
            let fat = Self::field(file, at, "name", Some(&f.name));
            self.non_empty(file, fat, "description", &f.description);
            if fields.iter().any(|x| x.name == f.name) {
                self.error(file, fat, format!("field `{}` is listed twice", f.name));
            }
            if let Some(rust_ident) = self.ident(file, fat, ident::snake_ident, &f.name) {
                if let Some(other) = fields
                    .iter()
                    .find(|x| x.rust_ident == rust_ident && x.name != f.name)
                {
                    self.error(
                        file,
                        fat,
                        same_ident("field", &f.name, &other.name, &rust_ident),
                    );
                }
                fields.push(Field {
                    at: Self::location(file, fat),
                    name: f.name.clone(),
                    rust_ident,
                    value_type: f.value_type,
                    description: f.description.clone(),
                });
            }
        }
        fields
    }

    fn errors(&mut self, file: &SourceFile, e: &RawEndpoint) -> Vec<ErrorEntry> {
        let mut out: Vec<ErrorEntry> = Vec::new();
        for err in &e.errors {
            let eat = self.item(file, "id", &err.id);
            self.status(
                file,
                eat,
                err.status,
                400..600,
                "error status",
                "a 4xx or 5xx status",
            );
            self.non_empty(file, eat, "description", &err.description);
            self.non_empty(file, eat, "example", &err.example);
            self.non_empty(file, eat, "source", &err.source);
            let code = err.code.as_text();
            if out.iter().any(|x| x.id == err.id) {
                self.error(file, eat, format!("error `{}` is listed twice", err.id));
            }
            if let Some(x) = out.iter().find(|x| {
                x.status == err.status
                    && x.code == code
                    && x.source == err.source
                    && x.description == err.description
            }) {
                self.error(
                    file,
                    eat,
                    format!(
                        "error `{}` repeats `{}`: same status, code, source and description",
                        err.id, x.id
                    ),
                );
            }
            if let Some(variant) = self.ident(file, eat, ident::type_ident, &err.id) {
                if let Some(other) = out.iter().find(|x| x.variant == variant && x.id != err.id) {
                    self.error(file, eat, same_ident("error", &err.id, &other.id, &variant));
                }
                if variant == "Unknown" {
                    self.error(
                        file,
                        eat,
                        "error id `unknown` is reserved for undocumented errors".into(),
                    );
                }
                out.push(ErrorEntry {
                    at: Self::location(file, eat),
                    id: err.id.clone(),
                    variant,
                    example: err.example.clone(),
                    status: err.status,
                    code,
                    source: err.source.clone(),
                    description: err.description.clone(),
                    data: err.data.clone(),
                    needs_description: false,
                });
            }
        }
        let mut groups: BTreeMap<(u16, String, String), usize> = BTreeMap::new();
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

    fn error_codes(
        &mut self,
        file: &SourceFile,
        at: At,
        raw: &RawErrorCodes,
        docs: &BTreeSet<&str>,
    ) -> ErrorCodes {
        self.doc_ref(file, at, &raw.doc, docs);
        let mut codes: Vec<GlobalCode> = Vec::new();
        for c in &raw.codes {
            let code = c.code.as_text();
            let cat = self.item(file, "code", &code);
            if code.trim().is_empty() {
                self.error(file, cat, "`code` must not be empty".into());
            }
            self.status(
                file,
                cat,
                c.status,
                100..600,
                "status",
                "an HTTP status (100-599)",
            );
            if codes.iter().any(|x| x.status == c.status && x.code == code) {
                self.error(
                    file,
                    cat,
                    format!("status {} and code {code} are listed twice: give both descriptions to one entry", c.status),
                );
            }
            if c.descriptions.is_empty() || c.descriptions.iter().any(|d| d.trim().is_empty()) {
                self.field_error(
                    file,
                    cat,
                    "descriptions",
                    "`descriptions` must list non-empty descriptions".into(),
                );
            }
            self.non_empty(file, cat, "status_name", &c.status_name);
            codes.push(GlobalCode {
                code,
                status: c.status,
                status_name: c.status_name.clone(),
                descriptions: c.descriptions.clone(),
                at: Self::location(file, cat),
            });
        }
        ErrorCodes {
            doc: raw.doc.clone(),
            at: Self::location(file, at),
            codes,
        }
    }

    fn throttling(
        &mut self,
        file: &SourceFile,
        at: At,
        raw: &RawThrottling,
        docs: &BTreeSet<&str>,
        headers: &[Header],
    ) -> Option<Throttling> {
        let before = self.diagnostics.len();
        self.doc_ref(file, at, &raw.doc, docs);
        self.status(
            file,
            at,
            raw.status,
            400..600,
            "status",
            "a 4xx or 5xx status",
        );
        let known = headers.iter().any(|h| {
            h.direction == Direction::Response && h.name.eq_ignore_ascii_case(&raw.retry_after)
        });
        if !known {
            self.field_error(
                file,
                at,
                "retry_after",
                format!("`{}` is not a response header of the spec", raw.retry_after),
            );
        }
        let body = self.fields(file, at, &raw.body);
        (self.diagnostics.len() == before).then(|| Throttling {
            doc: raw.doc.clone(),
            status: raw.status,
            retry_after: raw.retry_after.clone(),
            body,
            at: Self::location(file, at),
        })
    }

    /// Types of all endpoints share the crate's root namespace.
    fn unique_type_names(&mut self, loaded: &Loaded, endpoints: &[Endpoint]) {
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        for e in endpoints {
            let mut names = vec![e.response.rust_type.clone(), e.error_type.clone()];
            names.extend(e.path_params.iter().map(|p| p.rust_type.clone()));
            names.extend(e.reseller.iter().map(|r| r.rust_type.clone()));
            for name in names {
                if let Some(other) = seen.insert(name.clone(), &e.id) {
                    let file = endpoint_file(loaded, &e.id);
                    let at = file.locate("id", Some(&e.id), 1, 0).unwrap_or((1, 1));
                    let message = if other == e.id {
                        format!("endpoint `{}` uses the type name `{name}` twice", e.id)
                    } else {
                        format!(
                            "endpoints `{other}` and `{}` both define the type `{name}`",
                            e.id
                        )
                    };
                    self.error(file, at, message);
                }
            }
        }
    }
}

fn endpoint_file<'a>(loaded: &'a Loaded, id: &str) -> &'a SourceFile {
    loaded
        .files
        .iter()
        .zip(&loaded.parts)
        .find(|(_, p)| p.endpoints.iter().any(|e| e.id == id))
        .map_or(&loaded.files[0], |(f, _)| f)
}

/// Modules the generator writes besides one per endpoint.
const RESERVED_MODULES: [&str; 4] = ["clouds", "error_codes", "headers", "mod"];

fn same_ident(what: &str, name: &str, other: &str, ident: &str) -> String {
    format!(
        "{what} `{name}` and {what} `{other}` would both be the Rust identifier `{ident}`: rename one"
    )
}

/// RFC 9110 `tchar`.
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// A base URL is `https://host` with an optional port and no path, query or
/// fragment: paths of the endpoints are appended to it.
fn check_base_url(url: &str) -> Result<(), &'static str> {
    let host = url
        .strip_prefix("https://")
        .ok_or("it must start with `https://`")?;
    let host = host.strip_suffix('/').unwrap_or(host);
    if host.is_empty() {
        return Err("it has no host");
    }
    if host.contains(['/', '?', '#', '@', ' ']) {
        return Err("it must be a scheme and host only, without path, query or credentials");
    }
    let (name, port) = host.split_once(':').unwrap_or((host, "443"));
    let name_ok = name
        .split('.')
        .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    if !name_ok || port.parse::<u16>().is_err() {
        return Err("its host is not a valid DNS name and port");
    }
    Ok(())
}
