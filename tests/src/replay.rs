//! Replaying the documents' examples through the client: the arguments an
//! example request gives, and what a call came back with, as JSON to
//! compare with the example.

use std::sync::OnceLock;

use partner_center::{Error, Response, ResponseMeta, Uuid};
use partner_center_codegen::docs::{
    HttpRequest, is_placeholder, parse_lenient, percent_decode, query_pairs,
};
use partner_center_codegen::drift::values;
use partner_center_codegen::model::{Api, Operation, Segment, Type, ValueType};
use serde_json::Value;

/// The project's spec, loaded once.
pub fn spec() -> &'static Api {
    static API: OnceLock<Api> = OnceLock::new();
    API.get_or_init(|| {
        partner_center_codegen::load_api(&partner_center_codegen::default_spec())
            .unwrap_or_else(|e| panic!("{e}"))
    })
}

/// The GUID a placeholder such as `<customer-tenant-id>` stands for.
pub const PLACEHOLDER_GUID: &str = "11111111-2222-3333-4444-555555555555";

/// Whether an example's value stands for one: `<customer-tenant-id>`, or
/// the template's own `{customer-tenant-id}` (which the documents check
/// takes as a placeholder too).
pub fn stands_for_a_value(s: &str) -> bool {
    is_placeholder(s) || (s.len() > 2 && s.starts_with('{') && s.ends_with('}'))
}

/// Whether the spec records the body of `op`'s `index`-th request example
/// as not JSON, with `why` as the page's value.
fn body_recorded_as_not_json(op: &Operation, index: usize, why: &str) -> bool {
    let element = format!("{}.request_examples[{index}].body", op.id);
    op.contradictions
        .iter()
        .any(|c| c.element == element && c.document_value.as_deref() == Some(why))
}

/// The inputs of one call, as an example request gives them.
#[derive(Debug, Clone, Default)]
pub struct Args {
    /// Path parameters by name, percent-decoded.
    pub path: Vec<(String, String)>,
    /// Query parameters, decoded.
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    /// The body, its keys as the spec names them.
    pub body: Option<Value>,
}

impl Args {
    /// The inputs of `example`, request example `index` of `op`. The
    /// remove-from-a-role page writes an encoded space after its GUIDs (a
    /// contradiction the spec records): path values are trimmed. A relative
    /// path is read against the template's end. A query
    /// name the page misspells, as the spec's contradictions record it, is
    /// read as the parameter's.
    pub fn of(op: &Operation, index: usize, example: &HttpRequest) -> Args {
        let parts: Vec<&str> = example.path().trim_start_matches('/').split('/').collect();
        // A relative path (`{customer_id}/qualifications`, the samples of
        // get-customer-qualification-asynchronous.md) names the template's
        // last segments.
        let skip = match example.path().starts_with('/') {
            true => 0,
            false => op.segments.len().saturating_sub(parts.len()),
        };
        let path = op
            .segments
            .iter()
            .skip(skip)
            .zip(&parts)
            .filter_map(|(segment, part)| match segment {
                Segment::Param(i) => Some((
                    op.path_params[*i].name.clone(),
                    percent_decode(part).trim().to_string(),
                )),
                Segment::Literal(_) => None,
            })
            .collect();
        let misspelt = op.misspelt_query(index);
        // A placeholder of a GUID in the query stands for PLACEHOLDER_GUID.
        let guid = |name: &str| {
            op.params()
                .any(|p| p.name.eq_ignore_ascii_case(name) && p.ty == Type::Scalar(ValueType::Guid))
        };
        let query = query_pairs(example.query())
            .into_iter()
            .map(
                |(name, value)| match misspelt.iter().find(|(doc, _)| *doc == name) {
                    Some((_, ours)) => (ours.clone(), value),
                    None => (name, value),
                },
            )
            .map(|(n, v)| {
                if guid(&n) && stands_for_a_value(&v) {
                    (n, PLACEHOLDER_GUID.to_string())
                } else {
                    (n, v)
                }
            })
            .collect();
        let body = op
            .body
            .as_ref()
            .filter(|_| !example.body.is_empty())
            .map(|b| {
                let value = match parse_lenient(&example.body) {
                    Ok(read) => read.value,
                    // A body the spec records as not JSON (no reader can
                    // take it as one): the smallest body of its model.
                    Err(e) if body_recorded_as_not_json(op, index, &e.to_string()) => {
                        partner_center_codegen::examples::sample(spec(), &b.ty, 0)
                    }
                    Err(e) => panic!("{}: body: {e}", op.id),
                };
                let value = values::normalize(spec(), &b.ty, &value);
                // A placeholder of a GUID in the body stands for PLACEHOLDER_GUID.
                values::fill_guids(spec(), &b.ty, &value, PLACEHOLDER_GUID)
            });
        Args {
            path,
            query,
            headers: example.headers.clone(),
            body,
        }
    }

    /// Takes out of the query the values that the `index`-th request
    /// example of `op` gives a parameter and that the spec records as not of
    /// its type (a contradiction of the page, e.g. a date written
    /// `6/1/2017 12:00:00 AM` where the page says yyyy-mm-dd): the typed
    /// client cannot send them. Gives them back, to show that it refuses them.
    pub fn take_contradicted(&mut self, op: &Operation, index: usize) -> Vec<(String, String)> {
        let contradicted = |name: &str, value: &str| {
            let element = format!("{}.request_examples[{index}].query[", op.id);
            op.contradictions.iter().any(|c| {
                c.document_value.as_deref() == Some(value)
                    && c.element
                        .strip_prefix(&element)
                        .and_then(|rest| rest.strip_suffix("].type"))
                        .is_some_and(|n| n.eq_ignore_ascii_case(name))
            })
        };
        let (taken, kept) = std::mem::take(&mut self.query)
            .into_iter()
            .partition(|(n, v)| contradicted(n, v));
        self.query = kept;
        taken
    }

    /// Inputs for an operation no example request shows: a GUID for each
    /// path parameter, 1 for each required number, and the smallest body of
    /// its model (create-indirect-reseller-in-sandbox.md and the migration
    /// pages show their request bodies bare, without a request line).
    pub fn made_up(op: &Operation) -> Args {
        Args {
            path: op
                .path_params
                .iter()
                .map(|p| (p.name.clone(), PLACEHOLDER_GUID.to_string()))
                .collect(),
            query: op
                .query
                .iter()
                .filter(|q| q.required)
                .map(|q| (q.name.clone(), "1".to_string()))
                .collect(),
            body: op
                .body
                .as_ref()
                .map(|b| partner_center_codegen::examples::sample(spec(), &b.ty, 0)),
            ..Args::default()
        }
    }

    /// A path or query input, if there is one of that name.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.path
            .iter()
            .chain(&self.query)
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// A text input.
    pub fn text(&self, name: &str) -> &str {
        self.value(name).unwrap_or_else(|| panic!("no {name}"))
    }

    /// A GUID input; a placeholder stands for [`PLACEHOLDER_GUID`].
    pub fn guid(&self, name: &str) -> Uuid {
        let text = self.text(name);
        let text = if stands_for_a_value(text) {
            PLACEHOLDER_GUID
        } else {
            text
        };
        text.parse()
            .unwrap_or_else(|_| panic!("{name} {text:?} is not a GUID"))
    }

    /// A number input.
    pub fn int(&self, name: &str) -> i64 {
        self.opt_int(name).unwrap_or_else(|| panic!("no {name}"))
    }

    /// A number input the example may leave out.
    pub fn opt_int(&self, name: &str) -> Option<i64> {
        self.value(name)
            .map(|v| v.parse().unwrap_or_else(|_| panic!("{name} {v:?}")))
    }

    /// A JSON input (a filter).
    pub fn json<T: serde::de::DeserializeOwned>(&self, name: &str) -> T {
        serde_json::from_str(self.text(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    /// The body, read into the client's type.
    pub fn body<T: serde::de::DeserializeOwned>(&self) -> T {
        let body = self.body.clone().expect("the example has a body");
        serde_json::from_value(body).unwrap_or_else(|e| panic!("body: {e}"))
    }

    /// The inputs as the client's replay takes them: a placeholder GUID of
    /// a path stands for [`PLACEHOLDER_GUID`].
    pub fn inputs(&self) -> partner_center::Inputs {
        let mut inputs = partner_center::Inputs::default();
        for (name, value) in &self.path {
            let value = if stands_for_a_value(value) {
                PLACEHOLDER_GUID.to_string()
            } else {
                value.clone()
            };
            inputs.values.push((name.clone(), value));
        }
        inputs.values.extend(self.query.iter().cloned());
        inputs.headers = self.headers.clone();
        inputs.body = self
            .body
            .as_ref()
            .map(|body| partner_center::Json::parse(&body.to_string()).expect("a JSON body"));
        inputs
    }

    /// The value of a header of the example.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What a call came back with: its value as JSON, or its failure's id and
/// error; and the response's status and headers, when there was one.
#[derive(Debug)]
pub struct Outcome {
    pub result: Result<Value, (String, Error)>,
    pub meta: Option<ResponseMeta>,
}

impl Outcome {
    /// The outcome of a call whose value serializes to JSON.
    pub fn of<T: serde::Serialize>(result: Result<Response<T>, (String, Error)>) -> Outcome {
        Outcome::with(result, |v| {
            serde_json::to_value(v).expect("a value serializes")
        })
    }

    /// The outcome of a call whose value `show` writes as JSON.
    pub fn with<T>(
        result: Result<Response<T>, (String, Error)>,
        show: impl Fn(&T) -> Value,
    ) -> Outcome {
        match result {
            Ok(response) => Outcome {
                result: Ok(show(response.value())),
                meta: Some(response.meta().clone()),
            },
            Err((id, error)) => Outcome {
                meta: error.meta().cloned(),
                result: Err((id, error)),
            },
        }
    }
}
