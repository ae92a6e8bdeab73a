//! Requests the spec does not describe (an operation the crate lacks, a
//! parameter the spec has not caught up with), sent through the client's
//! own calls: [`Client::request`]. Everything a call of an operation gets
//! (the token, the ids, the retries, throttling holds and the rate limit,
//! the body limit, the error taxonomy, paging) it gets too.

use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::call::Call;
use crate::client::Client;
use crate::error::Error;
use crate::request::Request;

/// What a custom request is called in errors and traces: its path may hold
/// ids or a query that a partner keeps secret, so traces never show it.
const OPERATION: &str = "custom request";

/// The method of a custom request ([`Client::request`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
    /// `HEAD`
    Head,
}

impl Method {
    /// The method as HTTP writes it: `"GET"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
            Method::Head => "HEAD",
        }
    }

    fn http(self) -> http::Method {
        match self {
            Method::Get => http::Method::GET,
            Method::Post => http::Method::POST,
            Method::Put => http::Method::PUT,
            Method::Patch => http::Method::PATCH,
            Method::Delete => http::Method::DELETE,
            Method::Head => http::Method::HEAD,
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Client {
    /// A request the crate has no method for: `path` on the client's base
    /// URL (`/v1/customers/{id}/...`; a full URL is taken only on the base
    /// URL's own origin, so that the token never goes elsewhere), sent with
    /// everything a call of an operation gets: the token, fresh
    /// `MS-RequestId` and `MS-CorrelationId`, the standard headers, the
    /// retries, throttling holds and rate limit, the body limit, and the
    /// error taxonomy (an error body in the documented shape is
    /// [`Error::Api`]).
    ///
    /// Set query parameters, headers and a JSON body on the
    /// [`RequestBuilder`], then say what the answer is:
    /// [`json`](RequestBuilder::json) (a type of the crate, one of yours, or
    /// [`Json`](crate::Json) for any JSON) or [`empty`](RequestBuilder::empty).
    /// Either gives a [`Call`], awaited as any operation's, whose listing
    /// pages follow `links.next` when the type is a page of one
    /// (`ResourceCollection<T>`).
    ///
    /// ```no_run
    /// use partner_center::{Client, Customer, Error, Json, Method, ResourceCollection};
    ///
    /// # async fn run(client: &Client) -> Result<(), Error> {
    /// // Typed: a model of the crate, and a parameter the spec lacks.
    /// let customer = client
    ///     .request(Method::Get, "/v1/customers/0c39d6d5-c70d-4c55-bc02-f620844f3fd1")
    ///     .query("expand", "profiles")
    ///     .json::<Customer>()
    ///     .await?;
    /// println!("{}", customer.company_profile.domain);
    ///
    /// // As JSON, with a body.
    /// let body = std::collections::BTreeMap::from([("displayName", "Contoso")]);
    /// let answer = client
    ///     .request(Method::Post, "/v1/customers/0c39d6d5-c70d-4c55-bc02-f620844f3fd1/preview")
    ///     .body(&body)
    ///     .json::<Json>()
    ///     .await?;
    /// println!("{}", answer.value());
    ///
    /// // A listing, page after page.
    /// let mut customers = std::pin::pin!(client
    ///     .request(Method::Get, "/v1/customers")
    ///     .query("size", 100)
    ///     .json::<ResourceCollection<Customer>>()
    ///     .items());
    /// while let Some(customer) = customers.next().await {
    ///     println!("{}", customer?.id);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let base = &self.inner.base_url;
        let (url, problem) = match crate::paging::resolve(base, "", path) {
            Ok(url) => (url, None),
            Err(why) => (
                base.clone(),
                Some(format!("the path {path:?} cannot be sent: {why}")),
            ),
        };
        let mut request = Request::to_url(method.http(), OPERATION, OPERATION, url);
        if let Some(problem) = problem {
            request.refuse_with(problem);
        }
        RequestBuilder {
            client: self.clone(),
            request,
        }
    }
}

/// A request built by [`Client::request`]: its query, headers and body,
/// then what its answer decodes as ([`json`](RequestBuilder::json),
/// [`empty`](RequestBuilder::empty)). A value that cannot be sent (a header
/// value with a line break, a body that is not JSON) is reported when the
/// call is awaited, as [`Error::InvalidInput`], before anything is sent.
#[must_use = "a request does nothing until its call is awaited"]
pub struct RequestBuilder {
    client: Client,
    request: Request,
}

impl RequestBuilder {
    /// Adds the query parameter `name=value`, percent-encoded, after any the
    /// path has.
    pub fn query(mut self, name: &str, value: impl fmt::Display) -> Self {
        self.request.url_query(name, &value.to_string());
        self
    }

    /// Sends the header `name: value`, replacing an earlier value of it.
    /// The headers the client sets itself (`Authorization`, the ids, the
    /// standard headers, `Content-Type`) are refused: the ids are set on the
    /// [`Call`] ([`Call::request_id`]), the rest on the client's builder.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        let own = http::HeaderName::from_bytes(name.as_bytes())
            .is_ok_and(|h| h == http::header::CONTENT_TYPE || self.client.inner.names.is_own(&h));
        if own {
            self.request.refuse_with(format!(
                "header {name} is the client's own: the client sets it on every call"
            ));
        } else {
            self.request.header(name, value, false);
        }
        self
    }

    /// Sends `body` as JSON (serialized now, once: every attempt sends the
    /// same bytes).
    pub fn body<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        self.request.body(body);
        self
    }

    /// The call, whose success (any 2xx) is JSON of type `T`: a model of the
    /// crate, a type of yours, or [`Json`](crate::Json) for any JSON.
    pub fn json<T: DeserializeOwned + Send + 'static>(self) -> Call<T, Error> {
        Call::new(&self.client, self.request, crate::decode::json::<T>)
    }

    /// The call, whose success (any 2xx) has no body to read: whatever
    /// body it has is not decoded.
    pub fn empty(self) -> Call<(), Error> {
        Call::new(&self.client, self.request, crate::decode::empty)
    }
}

impl fmt::Debug for RequestBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestBuilder")
            .field("request", &self.request)
            .finish_non_exhaustive()
    }
}
