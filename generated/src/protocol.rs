//! The facts of the spec that the runtime acts on: which headers carry the
//! ids, the token and the settings, which defaults every call sends, what a
//! throttled response looks like, and the error catalogue. The generated
//! code builds one [`Protocol`] from the spec and hands it to the client; the
//! runtime never names a generated item.

use http::{HeaderName, HeaderValue};

use crate::catalog::ErrorCodeInfo;

/// The spec's facts, as the generated code states them.
#[derive(Debug)]
pub(crate) struct Protocol {
    /// Request headers sent on every call with the value the documents give.
    pub(crate) defaults: &'static [(&'static str, &'static str)],
    /// The request header of each role, by its documented semantics.
    pub(crate) authorization: Option<&'static str>,
    pub(crate) request_id: Option<&'static str>,
    pub(crate) correlation_id: Option<&'static str>,
    pub(crate) application: Option<&'static str>,
    pub(crate) locale: Option<&'static str>,
    /// The response headers that identify a call.
    pub(crate) replies: Replies,
    /// The throttled response, if the spec describes one.
    pub(crate) throttled: Option<Throttled>,
    /// The global error catalogue.
    pub(crate) error_codes: &'static [ErrorCodeInfo],
}

/// Response headers with a documented meaning.
#[derive(Debug)]
pub(crate) struct Replies {
    pub(crate) request_id: Option<&'static str>,
    pub(crate) correlation_id: Option<&'static str>,
    pub(crate) cv: Option<&'static str>,
    pub(crate) server_id: Option<&'static str>,
}

/// What a throttled response looks like.
#[derive(Debug)]
pub(crate) struct Throttled {
    pub(crate) status: u16,
    /// The header that says how long to wait.
    pub(crate) retry_after: &'static str,
    /// The body's property that says what happened.
    pub(crate) message: Option<&'static str>,
}

/// The request headers of a [`Protocol`], parsed once when the client is built.
#[derive(Debug, Clone)]
pub(crate) struct Names {
    pub(crate) defaults: Vec<(HeaderName, HeaderValue)>,
    pub(crate) authorization: Option<HeaderName>,
    pub(crate) request_id: Option<HeaderName>,
    pub(crate) correlation_id: Option<HeaderName>,
    pub(crate) application: Option<HeaderName>,
    pub(crate) locale: Option<HeaderName>,
    pub(crate) retry_after: Option<HeaderName>,
}

impl Names {
    /// The names and default values; `None` if the generated code gave an
    /// invalid one (the generator checks them, so this does not happen).
    pub(crate) fn new(p: &Protocol) -> Option<Names> {
        // `Some(None)` for no header, `None` for an invalid one.
        let name = |n: Option<&str>| match n {
            Some(n) => HeaderName::from_bytes(n.as_bytes()).ok().map(Some),
            None => Some(None),
        };
        let mut defaults = Vec::with_capacity(p.defaults.len());
        for (n, v) in p.defaults {
            defaults.push((
                HeaderName::from_bytes(n.as_bytes()).ok()?,
                HeaderValue::from_str(v).ok()?,
            ));
        }
        Some(Names {
            defaults,
            authorization: name(p.authorization)?,
            request_id: name(p.request_id)?,
            correlation_id: name(p.correlation_id)?,
            application: name(p.application)?,
            locale: name(p.locale)?,
            retry_after: name(p.throttled.as_ref().map(|t| t.retry_after))?,
        })
    }

    /// Whether the client sets this header itself on every call.
    pub(crate) fn is_own(&self, header: &HeaderName) -> bool {
        self.defaults.iter().any(|(n, _)| n == header)
            || [
                &self.authorization,
                &self.request_id,
                &self.correlation_id,
                &self.application,
                &self.locale,
            ]
            .into_iter()
            .any(|n| n.as_ref() == Some(header))
    }
}
