//! Accepted operations (a 202 and its `Location`): the operation that
//! tells how one goes, and what in its answer says it is done.

use super::error_at;
use crate::diag::Diagnostic;
use crate::model::{Model, ModelKind, Operation, Type, ValueType};

/// Each accepted operation's poll names a GET operation of one JSON answer
/// whose property says how it goes; it learns that answer's type and the
/// operation's error type.
pub(super) fn check(operations: &mut [Operation], models: &[Model]) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let answers: Vec<(String, Option<Type>, String, String, String)> = operations
        .iter()
        .map(|o| {
            let answer = match (o.method.as_str(), o.responses.as_slice()) {
                ("GET", [r]) if r.status == 200 => r.body.clone(),
                _ => None,
            };
            let (id, error, name) = (o.id.clone(), o.error_type.clone(), o.name.clone());
            (id, answer, error, name, o.path.clone())
        })
        .collect();
    for o in operations.iter_mut() {
        for r in &mut o.responses {
            let Some(poll) = &mut r.poll else { continue };
            let Some((_, answer, error, name, path)) =
                answers.iter().find(|(id, ..)| *id == poll.operation)
            else {
                let message = format!("`{}` is not an operation of the spec", poll.operation);
                errors.push(error_at(&poll.at, message));
                continue;
            };
            let properties = match answer {
                Some(Type::Model(name)) => {
                    models
                        .iter()
                        .find(|m| &m.name == name)
                        .and_then(|m| match &m.kind {
                            ModelKind::Object(p) => Some(p),
                            _ => None,
                        })
                }
                _ => None,
            };
            let Some(properties) = properties else {
                let message = format!(
                    "`{}` is not a GET of one 200 answer that is an object model: it cannot be polled",
                    poll.operation
                );
                errors.push(error_at(&poll.at, message));
                continue;
            };
            let text = properties.iter().any(|p| {
                p.name == poll.property
                    && match &p.ty {
                        Type::Scalar(ValueType::String) => true,
                        Type::Model(name) => models
                            .iter()
                            .any(|m| &m.name == name && matches!(m.kind, ModelKind::Enum(_))),
                        _ => false,
                    }
            });
            if !text {
                let message = format!(
                    "`{}` is not a text or enum property of what `{}` answers",
                    poll.property, poll.operation
                );
                errors.push(error_at(&poll.at, message));
            }
            poll.operation_name = name.clone();
            poll.operation_path = path.clone();
            poll.answer = answer.clone();
            poll.error_type = error.clone();
        }
    }
    errors
}
