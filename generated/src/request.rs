//! The parts of a request that the generated operations fill in: method,
//! path, query, headers and body. Whatever cannot be sent is remembered and
//! reported when the call is awaited, before anything goes out.

use std::borrow::Cow;
use std::fmt::{self, Display, Write as _};

use bytes::Bytes;
use http::{HeaderName, HeaderValue, Method};
use serde::Serialize;
use url::Url;

use crate::error::{Cause, Error};

/// One request of an operation, not yet sent.
pub(crate) struct Request {
    pub(crate) operation: &'static str,
    pub(crate) method: Method,
    /// The operation's path as the spec writes it, parameters by name
    /// (`/v1/customers/{customer-tenant-id}`): what traces show, never the
    /// values.
    pub(crate) template: &'static str,
    target: Target,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    /// JSON, serialized once: every attempt sends these bytes.
    pub(crate) body: Option<Bytes>,
    /// A success's body is a file, read as it arrives ([`crate::Download`]).
    pub(crate) streamed: bool,
    /// The success status that means "not ready yet, ask again after
    /// `Retry-After`", where the documents give one.
    pub(crate) not_ready: Option<u16>,
    /// Headers the operation requires that no value was given for, and why.
    missing: Vec<(&'static str, &'static str)>,
    /// Why the request cannot be sent, and the error behind it.
    invalid: Option<(String, Option<Cause>)>,
}

enum Target {
    Path {
        /// Literal segments are borrowed from the generated code.
        segments: Vec<Cow<'static, str>>,
        query: Vec<(&'static str, String)>,
    },
    /// A link the service gave, already resolved and checked.
    Url(Url),
}

impl Request {
    /// A request of `operation` with `method` (the generator checked it),
    /// to the path `template` of the spec.
    pub(crate) fn new(method: &str, operation: &'static str, template: &'static str) -> Self {
        let parsed = Method::from_bytes(method.as_bytes()).ok();
        let mut request = Request {
            operation,
            method: parsed.clone().unwrap_or_default(),
            template,
            target: Target::Path {
                // Room for the paths of the documents, whose longest has 7.
                segments: Vec::with_capacity(8),
                query: Vec::new(),
            },
            headers: Vec::new(),
            body: None,
            streamed: false,
            not_ready: None,
            missing: Vec::new(),
            invalid: None,
        };
        if parsed.is_none() {
            request.refuse(|| format!("{method:?} is not an HTTP method"));
        }
        request
    }

    /// A request to a URL the service gave (a listing's next page), traced
    /// as a request to the spec's path `template`.
    pub(crate) fn to_url(
        method: Method,
        operation: &'static str,
        template: &'static str,
        url: Url,
    ) -> Self {
        Request {
            target: Target::Url(url),
            method,
            ..Request::new("GET", operation, template)
        }
    }

    /// Refuses the request with `why` (a custom request's problem).
    pub(crate) fn refuse_with(&mut self, why: String) {
        self.refuse(|| why);
    }

    fn refuse(&mut self, why: impl FnOnce() -> String) {
        self.refuse_because(why, None);
    }

    fn refuse_because(&mut self, why: impl FnOnce() -> String, cause: Option<Cause>) {
        if self.invalid.is_none() {
            self.invalid = Some((format!("{}: {}", self.operation, why()), cause));
        }
    }

    /// A literal segment of the path template.
    pub(crate) fn segment(&mut self, literal: &'static str) {
        if let Target::Path { segments, .. } = &mut self.target {
            segments.push(Cow::Borrowed(literal));
        }
    }

    /// A path parameter, percent-encoded when the URL is built. Empty, `.`
    /// and `..` would change the path itself, and control characters are
    /// dropped by URL parsers: all are refused.
    pub(crate) fn param(&mut self, name: &'static str, value: impl Display) {
        let value = value.to_string();
        if matches!(value.as_str(), "" | "." | "..") || has_control(&value) {
            self.refuse(|| format!("path parameter {name} cannot be {value:?}"));
        }
        if let Target::Path { segments, .. } = &mut self.target {
            segments.push(Cow::Owned(value));
        }
    }

    /// A query parameter, as text.
    pub(crate) fn query(&mut self, name: &'static str, value: impl Display) {
        let value = value.to_string();
        if has_control(&value) {
            self.refuse(|| format!("query parameter {name} cannot be {value:?}"));
        }
        if let Target::Path { query, .. } = &mut self.target {
            query.push((name, value));
        }
    }

    /// A query pair added to a URL target (a custom request's), after the
    /// pairs it has.
    pub(crate) fn url_query(&mut self, name: &str, value: &str) {
        if has_control(name) || has_control(value) {
            self.refuse(|| format!("query parameter {name:?} cannot be {value:?}"));
        }
        if let Target::Url(url) = &mut self.target {
            url.query_pairs_mut().append_pair(name, value);
        }
    }

    /// Forgets the values of a query parameter, so that a setter called
    /// twice sends the second value only.
    // Only operations of some shapes use it; the runtime serves any spec.
    #[allow(dead_code)]
    pub(crate) fn remove_query(&mut self, name: &'static str) {
        if let Target::Path { query, .. } = &mut self.target {
            query.retain(|(n, _)| *n != name);
        }
    }

    /// A query parameter whose value is JSON text (a filter).
    // Only operations of some shapes use it; the runtime serves any spec.
    #[allow(dead_code)]
    pub(crate) fn json_query(&mut self, name: &'static str, value: &impl Serialize) {
        match serde_json::to_string(value) {
            Ok(text) => self.query(name, text),
            Err(e) => {
                self.refuse(|| format!("query parameter {name} cannot be written as JSON: {e}"))
            }
        }
    }

    /// A header of the operation, replacing any earlier value; `quoted`
    /// writes it in double quotes (an entity tag), unless it already is.
    pub(crate) fn header(&mut self, name: &str, value: &str, quoted: bool) {
        let Ok(name) = HeaderName::from_bytes(name.as_bytes()) else {
            self.refuse(|| format!("{name:?} is not a header name"));
            return;
        };
        let value =
            if quoted && !(value.len() >= 2 && value.starts_with('"') && value.ends_with('"')) {
                format!("\"{value}\"")
            } else {
                value.to_string()
            };
        self.missing
            .retain(|(n, _)| !n.eq_ignore_ascii_case(name.as_str()));
        self.headers.retain(|(n, _)| *n != name);
        match HeaderValue::from_str(&value) {
            Ok(v) => self.headers.push((name, v)),
            Err(_) => {
                self.refuse(|| format!("the value for header {name} is not a valid header value"))
            }
        }
    }

    /// A header the operation requires, with no value yet: the call is
    /// refused unless one is set before it is awaited.
    // Only operations of some shapes use it; the runtime serves any spec.
    #[allow(dead_code)]
    pub(crate) fn require(&mut self, name: &'static str, why: &'static str) {
        self.missing.push((name, why));
    }

    /// The JSON body, serialized now.
    // Only operations of some shapes use it; the runtime serves any spec.
    #[allow(dead_code)]
    /// A success's body is a file: read as it arrives, not whole.
    // Only operations that answer a file call it.
    #[allow(dead_code)]
    pub(crate) fn stream(&mut self) {
        self.streamed = true;
    }

    // Only operations whose documents give a "not ready" status call it.
    #[allow(dead_code)]
    pub(crate) fn not_ready(&mut self, status: u16) {
        self.not_ready = Some(status);
    }

    pub(crate) fn body<T: Serialize + ?Sized>(&mut self, value: &T) {
        match serde_json::to_vec(value) {
            Ok(bytes) => self.body = Some(Bytes::from(bytes)),
            Err(e) => self.refuse_because(
                || "the body cannot be written as JSON".into(),
                Some(Cause::new(e)),
            ),
        }
    }

    /// Why the request cannot be sent, if it cannot; a problem is reported
    /// once (it is taken out of the request).
    pub(crate) fn problem(&mut self) -> Option<Error> {
        if let Some((message, source)) = self.invalid.take() {
            return Some(Error::InvalidInput { message, source });
        }
        let (name, why) = self.missing.first()?;
        let message = format!("{}: header {name} is required: {why}", self.operation);
        Some(Error::InvalidInput {
            message,
            source: None,
        })
    }

    /// The URL of the request on `base`.
    pub(crate) fn url(&self, base: &Url) -> Result<Url, String> {
        let (segments, query) = match &self.target {
            Target::Url(url) => return Ok(url.clone()),
            Target::Path { segments, query } => (segments, query),
        };
        let mut url = base.clone();
        url.path_segments_mut()
            .map_err(|()| format!("base URL {base} cannot take a path"))?
            .pop_if_empty()
            .extend(segments.iter().map(|s| s.as_ref()));
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        Ok(url)
    }
}

fn has_control(value: &str) -> bool {
    value.chars().any(char::is_control)
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut target = String::new();
        match &self.target {
            Target::Url(url) => target.push_str(url.as_str()),
            Target::Path { segments, query } => {
                for s in segments {
                    let _ = write!(target, "/{s}");
                }
                for (i, (name, value)) in query.iter().enumerate() {
                    let _ = write!(target, "{}{name}={value}", if i == 0 { '?' } else { '&' });
                }
            }
        }
        f.debug_struct("Request")
            .field("operation", &self.operation)
            .field("method", &self.method)
            .field("target", &target)
            .field("headers", &self.headers)
            .field("body_bytes", &self.body.as_ref().map(Bytes::len))
            .finish_non_exhaustive()
    }
}
