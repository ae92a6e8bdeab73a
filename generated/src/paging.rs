//! Paged listings: the pages of a collection, one call each, following the
//! link to the next page that each page gives.

use std::collections::{HashSet, VecDeque};
use std::fmt;

use http::{HeaderName, HeaderValue, Method};
use serde::de::DeserializeOwned;
use url::Url;
use uuid::Uuid;

use crate::call::Call;
use crate::error::{Error, OperationError};
use crate::protocol::Names;
use crate::request::Request;
use crate::response::Response;
use crate::trace::event;

/// A page of a listing: the collection envelope of the spec implements it.
pub trait Paged: DeserializeOwned + Send + crate::error::sealed::Sealed {
    /// What the page lists.
    type Item;

    /// The path that relative link URIs are relative to, after the base URL
    /// (unless they already start with it).
    const RELATIVE_TO: &'static str;

    /// The headers a link may ask the next request to send (a continuation
    /// token): any other header of a link is not sent.
    const CONTINUATION: &'static [&'static str];

    /// The request for the next page, if there is one.
    fn next_link(&self) -> Option<NextLink<'_>>;

    /// The page's items, in order.
    fn into_items(self) -> Vec<Self::Item>;
}

/// The next page's request, as a page gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NextLink<'a> {
    /// Relative to the base URL and [`Paged::RELATIVE_TO`], or absolute.
    pub uri: &'a str,
    /// The method the link names, if any. A listing follows every link with
    /// the method of its first request: a link that names another is
    /// followed with that one all the same.
    pub method: Option<&'a str>,
    /// Headers to send with it, such as `MS-ContinuationToken`.
    pub headers: Vec<(&'a str, &'a str)>,
}

impl<'a> NextLink<'a> {
    /// A link to `uri`, without method or headers.
    pub fn new(uri: &'a str) -> Self {
        NextLink {
            uri,
            method: None,
            headers: Vec::new(),
        }
    }
}

/// The pages of a listing, one call each, in order: `while let Some(page) =
/// pages.next().await`. Every page's call has its own retries and deadline
/// and a new `MS-RequestId`; all send the first call's `MS-CorrelationId`.
///
/// A link is followed on the client's own origin only, with the method of
/// the listing's first request and only the continuation headers the spec
/// names; a link that asks for a page the listing already asked for (a loop)
/// or one past [`ClientBuilder::max_pages`](crate::ClientBuilder::max_pages)
/// ends the listing with [`Error::InvalidNextLink`].
#[must_use = "pages are requested when `next` is awaited"]
pub struct Pages<'c, T, E> {
    /// What the next `next` gives: a page's call, or why the listing cannot
    /// go on (reported after the page that gave the link).
    next: Option<Result<Call<'c, T, E>, Error>>,
    /// What every page asked for so far, the next one's included once
    /// following its link worked it out.
    asked: HashSet<Target>,
    /// Pages requested so far.
    pages: u32,
}

/// What a request asks for: a page that links to the same is a loop.
type Target = (Method, Option<Url>, Vec<(HeaderName, HeaderValue)>);

impl<'c, T, E> Pages<'c, T, E>
where
    T: Paged + 'c,
    E: OperationError,
{
    /// The next page, or `None` after the last. An error ends the listing.
    pub async fn next(&mut self) -> Option<Result<Response<T>, E>> {
        let mut call = match self.next.take()? {
            Ok(call) => call,
            Err(e) => return Some(Err(E::from_error(e))),
        };
        let correlation_id = *call.correlation_id.get_or_insert_with(Uuid::new_v4);
        let (client, decode, choice) = (call.client, call.decode, call.choice);
        let base = &client.inner.base_url;
        if self.pages == 0 {
            self.asked.insert(target(&call.request, base));
        }
        let method = call.request.method.clone();
        let template = call.request.template;
        self.pages += 1;
        let page = match call.run().await {
            Ok(page) => page,
            Err(e) => return Some(Err(E::from_error(e))),
        };
        if let Some(link) = page.next_link() {
            let invalid = |reason: String| Error::InvalidNextLink {
                uri: link.uri.to_string(),
                reason,
            };
            let limit = client.inner.max_pages;
            self.next = Some(
                match follow::<T>(base, &client.inner.names, &link, method, template) {
                    Ok(_) if self.pages >= limit => Err(invalid(format!(
                        "the listing has had {limit} pages, its limit (ClientBuilder::max_pages)"
                    ))),
                    Ok(request) if !self.asked.insert(target(&request, base)) => Err(invalid(
                        "it asks again for a page this listing has asked for".into(),
                    )),
                    Ok(request) => {
                        let mut next = Call::new(client, request, decode).choosing(choice);
                        next.correlation_id = Some(correlation_id);
                        Ok(next)
                    }
                    Err(e) => Err(e),
                },
            );
        }
        Some(Ok(page))
    }
}

/// What a request asks for: its method, URL and headers.
fn target(request: &Request, base: &Url) -> Target {
    (
        request.method.clone(),
        request.url(base).ok(),
        request.headers.clone(),
    )
}

/// The request a link asks for: on the client's own origin only, so that the
/// token never goes elsewhere; with the listing's `method` and the link's
/// continuation headers, nothing else the link asks for. Its traces show the
/// listing's path `template`.
fn follow<T: Paged>(
    base: &Url,
    names: &Names,
    link: &NextLink<'_>,
    method: Method,
    template: &'static str,
) -> Result<Request, Error> {
    let invalid = |reason: String| Error::InvalidNextLink {
        uri: link.uri.to_string(),
        reason,
    };
    if let Some(asked) = link.method
        && !asked.eq_ignore_ascii_case(method.as_str())
    {
        event!(link_method = asked, "a next link's method is not followed");
    }
    let url = resolve(base, T::RELATIVE_TO, link.uri).map_err(invalid)?;
    let mut request = Request::to_url(method, "next page", template, url);
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

/// Every item of every page of a listing, in order: `while let Some(item) =
/// items.next().await`.
#[must_use = "items are requested when `next` is awaited"]
pub struct Items<'c, T: Paged, E> {
    pages: Pages<'c, T, E>,
    buffered: VecDeque<T::Item>,
}

impl<'c, T, E> Items<'c, T, E>
where
    T: Paged + 'c,
    E: OperationError,
{
    /// The next item, or `None` after the last of the last page. An error
    /// ends the listing.
    pub async fn next(&mut self) -> Option<Result<T::Item, E>> {
        loop {
            if let Some(item) = self.buffered.pop_front() {
                return Some(Ok(item));
            }
            match self.pages.next().await? {
                Ok(page) => self.buffered.extend(page.into_inner().into_items()),
                Err(e) => {
                    self.pages.next = None;
                    return Some(Err(e));
                }
            }
        }
    }
}

impl<'c, T, E> Call<'c, T, E>
where
    T: Paged + 'c,
    E: OperationError,
{
    /// Every page of the listing, starting with this call's.
    pub fn pages(self) -> Pages<'c, T, E> {
        Pages {
            next: Some(Ok(self)),
            asked: HashSet::new(),
            pages: 0,
        }
    }

    /// Every item of every page of the listing.
    pub fn items(self) -> Items<'c, T, E> {
        Items {
            pages: self.pages(),
            buffered: VecDeque::new(),
        }
    }
}

impl<T, E> fmt::Debug for Pages<'_, T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pages")
            .field("next", &self.next)
            .field("pages", &self.pages)
            .finish_non_exhaustive()
    }
}

impl<T: Paged, E> fmt::Debug for Items<'_, T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("pages", &self.pages)
            .field("buffered", &self.buffered.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use http::{HeaderName, HeaderValue, Method};

    use super::{NextLink, Paged, follow, resolve};
    use crate::error::Error;
    use crate::protocol::Names;

    /// A page of a spec that names the client's own headers among its
    /// continuation headers, which the generator does not refuse.
    #[derive(serde::Deserialize)]
    struct Careless {}

    impl crate::error::sealed::Sealed for Careless {}

    impl Paged for Careless {
        type Item = ();
        const RELATIVE_TO: &'static str = "/v1";
        const CONTINUATION: &'static [&'static str] = &[
            "MS-ContinuationToken",
            "Authorization",
            "MS-RequestId",
            "MS-CorrelationId",
            "MS-PartnerCenter-Application",
            "X-Locale",
            "MS-Contract-Version",
        ];

        fn next_link(&self) -> Option<NextLink<'_>> {
            None
        }

        fn into_items(self) -> Vec<()> {
            Vec::new()
        }
    }

    /// The headers of the headers table, as the client sets them.
    fn names() -> Names {
        let name = HeaderName::from_static;
        Names {
            defaults: vec![(name("ms-contract-version"), HeaderValue::from_static("v1"))],
            authorization: Some(http::header::AUTHORIZATION),
            request_id: Some(name("ms-requestid")),
            correlation_id: Some(name("ms-correlationid")),
            application: Some(name("ms-partnercenter-application")),
            locale: Some(name("x-locale")),
            retry_after: None,
        }
    }

    #[test]
    fn a_link_sets_no_header_the_client_sets_itself() {
        let base = url::Url::parse("https://api.example.com").unwrap();
        let mut link = NextLink::new("/customers?seekOperation=Next");
        link.headers = vec![
            ("ms-continuationtoken", "t2"),
            ("Authorization", "Bearer stolen"),
            ("MS-RequestId", "0d2d9fd8-7e71-4b9b-9f3c-6b9a4e1f2a10"),
            ("MS-CorrelationId", "5e0d7c1a-3f4b-4c2e-9a8d-1b2c3d4e5f60"),
            ("MS-PartnerCenter-Application", "other"),
            ("X-Locale", "fr-FR"),
            ("MS-Contract-Version", "v2"),
            ("X-Other", "1"),
        ];
        let request =
            follow::<Careless>(&base, &names(), &link, Method::GET, "/v1/customers").unwrap();
        let sent: Vec<(&str, &str)> = request
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.to_str().unwrap()))
            .collect();
        assert_eq!(sent, [("ms-continuationtoken", "t2")]);
        assert_eq!(request.method, Method::GET);
        assert_eq!(
            request.url(&base).unwrap().as_str(),
            "https://api.example.com/v1/customers?seekOperation=Next"
        );
    }

    #[test]
    fn a_continuation_header_that_cannot_be_sent_ends_the_listing() {
        let base = url::Url::parse("https://api.example.com").unwrap();
        let mut link = NextLink::new("/customers?seekOperation=Next");
        link.headers = vec![("MS-ContinuationToken", "a\nb")];
        let error =
            follow::<Careless>(&base, &names(), &link, Method::GET, "/v1/customers").unwrap_err();
        match error {
            Error::InvalidNextLink { uri, reason } => {
                assert_eq!(uri, "/customers?seekOperation=Next");
                assert_eq!(
                    reason,
                    "invalid input, nothing was sent: next page: the value for header \
                     ms-continuationtoken is not a valid header value"
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn links_resolve_on_the_base_and_its_prefix() {
        let base = url::Url::parse("https://api.example.com").unwrap();
        let at = |uri: &str| resolve(&base, "/v1", uri).map(|u| u.to_string());
        assert_eq!(
            at("/customers?size=40").unwrap(),
            "https://api.example.com/v1/customers?size=40"
        );
        assert_eq!(
            at("/v1/customers?size=40").unwrap(),
            "https://api.example.com/v1/customers?size=40"
        );
        assert_eq!(at("/v1?x=1").unwrap(), "https://api.example.com/v1?x=1");
        assert_eq!(at("/v1").unwrap(), "https://api.example.com/v1");
        assert_eq!(at("/v10/x").unwrap(), "https://api.example.com/v1/v10/x");
        assert_eq!(
            at("invoices").unwrap(),
            "https://api.example.com/v1/invoices"
        );
        assert_eq!(
            at("https://api.example.com/v1/x").unwrap(),
            "https://api.example.com/v1/x"
        );
        let leaves = Err("it leaves https://api.example.com".to_string());
        assert_eq!(at("https://evil.example.com/v1/x"), leaves);
        assert_eq!(at("http://api.example.com/v1/x"), leaves);
        assert_eq!(at("https://api.example.com:8443/v1/x"), leaves);
        assert_eq!(
            at("https://api.example.com:443/v1/x").unwrap(),
            "https://api.example.com/v1/x"
        );
        assert_eq!(
            at("//evil.example.com/x").unwrap(),
            "https://api.example.com/v1/evil.example.com/x"
        );
        assert_eq!(
            at("/x\r\nHost: evil"),
            Err("it holds control characters".to_string())
        );
        let credentials = Err("it carries a user name or password".to_string());
        assert_eq!(at("https://user:secret@api.example.com/v1/x"), credentials);
        assert_eq!(at("https://user@api.example.com/v1/x"), credentials);
        assert_eq!(at("https://:secret@api.example.com/v1/x"), credentials);
    }
}
