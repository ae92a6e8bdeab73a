//! What the spec says of the protocol: the REST headers, the clouds and
//! their base URLs, the error catalogue and the throttling rule.

use std::collections::BTreeSet;

use super::{At, Names, Validator, is_token_byte, same_ident};
use crate::ident;
use crate::model::*;
use crate::spec::SourceFile;
use crate::spec::raw::{RawCloud, RawCloudFact, RawErrorCodes, RawHeader, RawThrottling};

impl Validator {
    pub(super) fn header(
        &mut self,
        file: &SourceFile,
        h: &RawHeader,
        docs: &[Document],
        done: &[Header],
    ) -> Option<Header> {
        let at = self.item(file, "headers", "name", &h.name);
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
        if let Some(other) = done.iter().find(|x| {
            x.direction == h.direction && h.semantics.is_some() && x.semantics == h.semantics
        }) {
            let message = format!(
                "headers `{}` and `{}` have the same semantics in the same direction",
                other.name, h.name
            );
            self.field_error(file, at, "semantics", message);
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
        if let Some(clash) = module_clash(h, &const_ident, done) {
            self.error(file, at, clash);
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

    pub(super) fn cloud(
        &mut self,
        file: &SourceFile,
        c: &RawCloud,
        docs: &[Document],
        done: &[Cloud],
    ) -> Option<Cloud> {
        let at = self.item(file, "clouds", "id", &c.id);
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
        let authority = self.cloud_fact(file, at, "authority", c.authority.as_ref(), docs);
        let token_resource =
            self.cloud_fact(file, at, "token_resource", c.token_resource.as_ref(), docs);
        // Kept even when wrong, so that what refers to it is not reported too.
        Some(Cloud {
            at: Self::location(file, at),
            id: c.id.clone(),
            variant,
            name: c.name.clone(),
            base_url: c.base_url.clone(),
            doc: c.doc.clone(),
            authority,
            token_resource,
        })
    }

    /// A cloud's `authority` or `token_resource`: a URL of a scheme and host,
    /// from a listed document.
    fn cloud_fact(
        &mut self,
        file: &SourceFile,
        cloud: At,
        key: &str,
        raw: Option<&RawCloudFact>,
        docs: &[Document],
    ) -> Option<CloudFact> {
        let raw = raw?;
        let at = Self::field(file, cloud, key, None);
        if let Err(why) = check_base_url(&raw.url) {
            let message = format!("invalid {key} URL `{}`: {why}", raw.url);
            self.field_error(file, at, "url", message);
        }
        self.doc_ref(file, at, &raw.doc, docs);
        Some(CloudFact {
            at: Self::location(file, at),
            url: raw.url.clone(),
            doc: raw.doc.clone(),
        })
    }

    pub(super) fn error_codes(
        &mut self,
        file: &SourceFile,
        at: At,
        raw: &RawErrorCodes,
        docs: &[Document],
    ) -> ErrorCodes {
        self.doc_ref(file, at, &raw.doc, docs);
        let mut codes: Vec<GlobalCode> = Vec::new();
        let mut seen = BTreeSet::new();
        for c in &raw.codes {
            let code = c.code.as_text();
            let cat = self.item(file, "error_codes", "code", &code);
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
            if !seen.insert((c.status, code.clone())) {
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
            if let Some(answers) = c.answers {
                if let Some(other) = codes.iter().find(|x| x.answers == Some(answers)) {
                    let message = format!(
                        "the code {} already answers this request: one entry per request",
                        other.code
                    );
                    self.field_error(file, cat, "answers", message);
                }
                let expected = match answers {
                    Answers::MissingToken => 401,
                    Answers::InvalidRequest => 400,
                    Answers::UnknownPath => 404,
                };
                if c.status != expected {
                    let message = format!(
                        "a status {} entry cannot answer this request: it is answered with {expected}",
                        c.status
                    );
                    self.field_error(file, cat, "answers", message);
                }
            }
            codes.push(GlobalCode {
                code,
                status: c.status,
                status_name: c.status_name.clone(),
                descriptions: c.descriptions.clone(),
                answers: c.answers,
                at: Self::location(file, cat),
            });
        }
        ErrorCodes {
            doc: raw.doc.clone(),
            at: Self::location(file, at),
            codes,
        }
    }

    pub(super) fn throttling(
        &mut self,
        file: &SourceFile,
        at: At,
        raw: &RawThrottling,
        names: &Names<'_>,
    ) -> Option<Throttling> {
        let before = self.diagnostics.len();
        self.doc_ref(file, at, &raw.doc, names.documents);
        self.status(
            file,
            at,
            raw.status,
            400..600,
            "status",
            "a 4xx or 5xx status",
        );
        if names
            .header(Direction::Response, &raw.retry_after)
            .is_none()
        {
            self.field_error(
                file,
                at,
                "retry_after",
                format!("`{}` is not a response header of the spec", raw.retry_after),
            );
        }
        let body = self.properties(file, at, &raw.body, names, false);
        if let Some(field) = &raw.message {
            let text = body
                .iter()
                .any(|p| &p.name == field && p.ty == Type::Scalar(ValueType::String));
            if !text {
                let message = format!("`{field}` is not a string property of the body");
                self.field_error(file, at, "message", message);
            }
        }
        (self.diagnostics.len() == before).then(|| Throttling {
            doc: raw.doc.clone(),
            status: raw.status,
            retry_after: raw.retry_after.clone(),
            message: raw.message.clone(),
            body,
            at: Self::location(file, at),
        })
    }
}

/// What a header whose constant is `const_ident` would clash with among the
/// items of `headers.rs` (its own, and those of the headers before it), if
/// anything: a default's constant is the header's with `_DEFAULT`, so that
/// `Accept-Default` and the default of `Accept` would be one name.
fn module_clash(h: &RawHeader, const_ident: &str, done: &[Header]) -> Option<String> {
    let name = &h.name;
    if let Some((_, what)) = ident::HEADERS_MODULE_ITEMS
        .iter()
        .find(|(item, _)| *item == const_ident)
    {
        return Some(format!(
            "header `{name}` would be the constant `{const_ident}`, which `headers.rs` has for {what}"
        ));
    }
    let has_default = |x: &Header| x.direction == Direction::Request && x.default.is_some();
    if let Some(other) = done
        .iter()
        .find(|x| has_default(x) && ident::default_const(&x.const_ident) == const_ident)
    {
        return Some(format!(
            "header `{name}` would be the constant `{const_ident}`, which `headers.rs` has for the default value of header `{}`",
            other.name
        ));
    }
    if h.direction == Direction::Request && h.default.is_some() {
        let default = ident::default_const(const_ident);
        if let Some(other) = done.iter().find(|x| x.const_ident == default) {
            return Some(format!(
                "the default value of header `{name}` would be the constant `{default}`, which is header `{}`'s",
                other.name
            ));
        }
    }
    None
}

/// A base URL is `https://host` with an optional port and no path, query or
/// fragment: paths of the operations are appended to it.
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
