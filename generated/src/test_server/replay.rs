//! Calling an operation by its id, with its inputs as a recorded request
//! gives them (text for path, query and header values, JSON for the body):
//! the documents' example requests replayed through the typed client, or a
//! request recorded elsewhere sent again.
//!
//! Each operation's replay is generated beside its route: it reads its
//! inputs as the types of its method, calls the method, and gives what came
//! back as JSON. A test of every example of every page is then data, not a
//! call written by hand per operation.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::str::FromStr;

use serde::de::DeserializeOwned;

use super::Routes;
use crate::error::OperationError;
use crate::{Client, Error, Json, Response, ResponseMeta};

/// The inputs of one call, by the names its page gives them: path, query
/// and header values as text, the body as JSON. Names compare without
/// regard to ASCII case (a page may write `mpnid` for `mpnId`).
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Inputs {
    /// Path and query values, in order (a repeated query parameter once per value).
    pub values: Vec<(String, String)>,
    /// Request headers an operation reads (`If-Match`).
    pub headers: Vec<(String, String)>,
    /// The request body.
    pub body: Option<Json>,
}

/// Why an input cannot be given to the operation's method: it is missing,
/// or not of its type. Nothing was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The input's name (`body` for the body).
    pub name: String,
    /// What is wrong with it.
    pub reason: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "input `{}`: {}", self.name, self.reason)
    }
}

impl std::error::Error for InputError {}

/// What a replayed call came back with.
#[derive(Debug)]
#[non_exhaustive]
pub struct Replayed {
    /// The value as JSON (an outcome of several as the spec's name of its
    /// answer, `null` for none), or the failure: the spec's id of a
    /// documented one (`"other"` otherwise) and the error.
    pub result: Result<Json, (&'static str, Error)>,
    /// The response's status and headers, when there was one.
    pub meta: Option<ResponseMeta>,
}

/// The future of a replayed call.
pub(crate) type Replaying<'a> =
    Pin<Box<dyn Future<Output = Result<Replayed, InputError>> + Send + 'a>>;

/// An operation's replay, as generated beside its route.
pub(crate) type Replay = for<'a> fn(&'a Client, &'a Inputs) -> Replaying<'a>;

/// Calls the operation of `routes` whose id is `id` with `inputs`: how the
/// generated `Client::replay` does it.
pub(crate) async fn replay_in(
    routes: &'static Routes,
    client: &Client,
    id: &str,
    inputs: &Inputs,
) -> Result<Replayed, InputError> {
    match routes.operations.iter().find(|r| r.id == id) {
        Some(route) => (route.replay)(client, inputs).await,
        None => Err(Inputs::error(id, "no operation has this id")),
    }
}

/// The replay of a route without one (`Route::PLAIN`'s).
pub(crate) fn not_replayable<'a>(_: &'a Client, _: &'a Inputs) -> Replaying<'a> {
    Box::pin(async { Err(Inputs::error("operation", "it cannot be replayed")) })
}

// A spec's operations may not use every kind of input: the runtime serves any.
#[allow(dead_code)]
impl Inputs {
    fn find<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a str> + 'a {
        let name = name.to_string();
        self.values
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(&name))
            .map(|(_, v)| v.as_str())
    }

    fn error(name: &str, reason: impl Into<String>) -> InputError {
        InputError {
            name: name.to_string(),
            reason: reason.into(),
        }
    }

    /// A text value.
    pub(crate) fn text(&self, name: &str) -> Result<&str, InputError> {
        self.optional_text(name)
            .ok_or_else(|| Inputs::error(name, "missing"))
    }

    /// A text value the call may go without.
    pub(crate) fn optional_text(&self, name: &str) -> Option<&str> {
        self.find(name).next()
    }

    /// A value of a type read from text (a GUID, a number, an enum, a date).
    pub(crate) fn parse<T: FromStr>(&self, name: &str) -> Result<T, InputError>
    where
        T::Err: fmt::Display,
    {
        let text = self.text(name)?;
        text.parse()
            .map_err(|e: T::Err| Inputs::error(name, format!("{text:?}: {e}")))
    }

    /// A value of a type read from text that the call may go without.
    pub(crate) fn optional<T: FromStr>(&self, name: &str) -> Result<Option<T>, InputError>
    where
        T::Err: fmt::Display,
    {
        match self.optional_text(name) {
            Some(_) => self.parse(name).map(Some),
            None => Ok(None),
        }
    }

    /// Every value of a repeated parameter.
    pub(crate) fn all<T: FromStr>(&self, name: &str) -> Result<Vec<T>, InputError>
    where
        T::Err: fmt::Display,
    {
        self.find(name)
            .map(|text| {
                text.parse()
                    .map_err(|e: T::Err| Inputs::error(name, format!("{text:?}: {e}")))
            })
            .collect()
    }

    /// Every text value of a repeated parameter.
    pub(crate) fn all_text(&self, name: &str) -> Vec<&str> {
        self.find(name).collect()
    }

    /// A value written as JSON text (a filter).
    pub(crate) fn json<T: DeserializeOwned>(&self, name: &str) -> Result<T, InputError> {
        let text = self.text(name)?;
        serde_json::from_str(text).map_err(|e| Inputs::error(name, e.to_string()))
    }

    /// A value written as JSON text that the call may go without.
    pub(crate) fn optional_json<T: DeserializeOwned>(
        &self,
        name: &str,
    ) -> Result<Option<T>, InputError> {
        match self.optional_text(name) {
            Some(_) => self.json(name).map(Some),
            None => Ok(None),
        }
    }

    /// Which of `names` is given: exactly one must be.
    pub(crate) fn one_of(&self, names: &[&'static str]) -> Result<&'static str, InputError> {
        let given: Vec<&'static str> = names
            .iter()
            .copied()
            .filter(|n| self.optional_text(n).is_some())
            .collect();
        match given.as_slice() {
            [one] => Ok(one),
            _ => Err(Inputs::error(
                &names.join("|"),
                format!("exactly one is needed, {} given", given.len()),
            )),
        }
    }

    /// A request header the operation requires.
    pub(crate) fn required_header(&self, name: &str) -> Result<&str, InputError> {
        self.header(name)
            .ok_or_else(|| Inputs::error(name, "missing"))
    }

    /// A request header's value.
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body, as the operation's type.
    pub(crate) fn body<T: DeserializeOwned>(&self) -> Result<T, InputError> {
        let body = self
            .body
            .as_ref()
            .ok_or_else(|| Inputs::error("body", "missing"))?;
        body.to().map_err(|e| Inputs::error("body", e.to_string()))
    }
}

/// What a call came back with, its value shown as JSON by `show`.
pub(crate) fn done<T, E>(result: Result<Response<T>, E>, show: fn(&T) -> Json) -> Replayed
where
    E: OperationError + Into<Error>,
{
    match result {
        Ok(response) => Replayed {
            result: Ok(show(response.value())),
            meta: Some(response.meta().clone()),
        },
        Err(e) => {
            let id = e.documented_entry().map_or("other", |d| d.id);
            let error: Error = e.into();
            Replayed {
                meta: error.meta().cloned(),
                result: Err((id, error)),
            }
        }
    }
}

/// What a call that answers a file came back with: the file's bytes read
/// whole, shown as text.
#[allow(dead_code)]
pub(crate) async fn downloaded<E>(result: Result<Response<crate::Download>, E>) -> Replayed
where
    E: OperationError + Into<Error>,
{
    let (download, meta) = match result {
        Ok(response) => {
            let meta = response.meta().clone();
            (response.into_inner(), meta)
        }
        Err(e) => return done(Err::<Response<()>, E>(e), json),
    };
    let result = match download.bytes().await {
        Ok(bytes) => Ok(json(&String::from_utf8_lossy(&bytes))),
        Err(error) => Err(("other", error)),
    };
    Replayed {
        result,
        meta: Some(meta),
    }
}

/// A value as JSON (models serialize; nothing is `null`).
pub(crate) fn json<T: serde::Serialize>(value: &T) -> Json {
    Json::from_value(value).unwrap_or_default()
}

/// The spec's name of an answer, as a JSON string.
pub(crate) fn name(text: &str) -> Json {
    json(&text)
}
