//! A listing's links: where a next link (or a stored position's) points,
//! on the client's own origin only, and which of its headers it sends.

use http::{HeaderName, HeaderValue, Method};
use url::Url;

use super::{NextLink, Paged};
use crate::error::Error;
use crate::position::PageLink;
use crate::protocol::Names;
use crate::request::Request;
use crate::trace::event;

/// What a request asks for: a page that links to the same is a loop.
pub(super) type Target = (Method, Option<Url>, Vec<(HeaderName, HeaderValue)>);

/// A next link as a position keeps it: its URI resolved on `base` (as
/// given if it cannot be), and the continuation headers the spec names.
pub(super) fn stored<T: Paged>(base: &Url, link: &NextLink<'_>) -> PageLink {
    let uri = match resolve(base, T::RELATIVE_TO, link.uri) {
        Ok(url) => url.into(),
        Err(_) => link.uri.to_string(),
    };
    let headers = link
        .headers
        .iter()
        .filter(|(key, _)| T::CONTINUATION.iter().any(|c| c.eq_ignore_ascii_case(key)))
        .map(|(key, value)| (key.to_string(), value.to_string()))
        .collect();
    PageLink { uri, headers }
}

/// What a request asks for: its method, URL and headers.
pub(super) fn target(request: &Request, base: &Url) -> Target {
    (
        request.method.clone(),
        request.url(base).ok(),
        request.headers.clone(),
    )
}

/// What each page's request takes from the listing's first: its method,
/// the path template its traces show, and the status that means "not
/// ready yet, ask again".
#[derive(Debug, Clone)]
pub(super) struct Like {
    method: Method,
    template: &'static str,
    not_ready: Option<u16>,
}

impl Like {
    pub(super) fn first(request: &Request) -> Self {
        Like {
            method: request.method.clone(),
            template: request.template,
            not_ready: request.not_ready,
        }
    }
}

/// The request a link asks for: on the client's own origin only, so that the
/// token never goes elsewhere; like the listing's first request (`like`),
/// with the link's continuation headers, nothing else the link asks for.
pub(super) fn follow<T: Paged>(
    base: &Url,
    names: &Names,
    link: &NextLink<'_>,
    like: &Like,
) -> Result<Request, Error> {
    let invalid = |reason: String| Error::InvalidNextLink {
        uri: link.uri.to_string(),
        reason,
    };
    if let Some(asked) = link.method
        && !asked.eq_ignore_ascii_case(like.method.as_str())
    {
        event!(link_method = asked, "a next link's method is not followed");
    }
    let url = resolve(base, T::RELATIVE_TO, link.uri).map_err(invalid)?;
    let mut request = Request::to_url(like.method.clone(), "next page", like.template, url);
    request.not_ready = like.not_ready;
    for (key, value) in &link.headers {
        let continuation = T::CONTINUATION.iter().any(|c| c.eq_ignore_ascii_case(key));
        let name = HeaderName::from_bytes(key.as_bytes()).ok();
        match name {
            Some(name) if continuation && !names.is_own(&name) => {
                request.header(name.as_str(), value, false);
            }
            _ => {
                event!(header = *key, "a next link's header is not sent");
            }
        }
    }
    if let Some(problem) = request.problem() {
        return Err(invalid(problem.to_string()));
    }
    Ok(request)
}

/// `uri` on `base`: absolute URIs must be on the same origin; others are
/// relative to `base` and `prefix` unless they already start with `prefix`.
pub(crate) fn resolve(base: &Url, prefix: &str, uri: &str) -> Result<Url, String> {
    if uri.chars().any(char::is_control) {
        return Err("it holds control characters".into());
    }
    if let Ok(absolute) = Url::parse(uri) {
        if !same_origin(&absolute, base) {
            return Err(format!("it leaves {}", base.origin().ascii_serialization()));
        }
        if !absolute.username().is_empty() || absolute.password().is_some() {
            // It would send a Basic authorization beside the Bearer one.
            return Err("it carries a user name or password".into());
        }
        return Ok(absolute);
    }
    let path = uri.trim_start_matches('/');
    let has_prefix = uri
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?']));
    let full = if has_prefix {
        format!("/{path}")
    } else {
        format!("{prefix}/{path}")
    };
    let root = base.as_str().trim_end_matches('/');
    let url = Url::parse(&format!("{root}{full}")).map_err(|e| e.to_string())?;
    if !same_origin(&url, base) {
        return Err(format!("it leaves {}", base.origin().ascii_serialization()));
    }
    Ok(url)
}

/// Whether two URLs have one origin (scheme, host and port), compared
/// without building either origin.
fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
}
