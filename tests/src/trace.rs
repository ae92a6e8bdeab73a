//! A tracing subscriber that keeps every span and event with its fields, so
//! that a test can check exactly what the client records (the workspace has
//! no `tracing-subscriber`, and needs none for this).

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::{Arc, Mutex};

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// A span or an event, with its fields as text (an event's message is its
/// field `message`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// The span's name, or the event's target.
    pub name: String,
    pub fields: BTreeMap<String, String>,
    /// The span an event happened in: its index among [`Recorder::spans`].
    pub span: Option<usize>,
}

impl Recorded {
    /// The value of field `name`.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }
}

/// Records on the thread it is set on (`tracing::subscriber::set_default`):
/// a test on a current-thread runtime sees every span of its calls.
#[derive(Clone, Default)]
pub struct Recorder {
    state: Arc<Mutex<State>>,
}

#[derive(Default)]
struct State {
    spans: Vec<Recorded>,
    events: Vec<Recorded>,
    /// The spans entered, innermost last.
    entered: Vec<usize>,
}

impl Recorder {
    /// Every span, in the order they were made, with the fields recorded
    /// on them since.
    pub fn spans(&self) -> Vec<Recorded> {
        self.state.lock().unwrap().spans.clone()
    }

    /// Every event, in order.
    pub fn events(&self) -> Vec<Recorded> {
        self.state.lock().unwrap().events.clone()
    }

    /// Everything recorded, as one text: every name, field and value.
    pub fn text(&self) -> String {
        let state = self.state.lock().unwrap();
        let mut out = String::new();
        for r in state.spans.iter().chain(&state.events) {
            out.push_str(&r.name);
            for (k, v) in &r.fields {
                out.push_str(&format!(" {k}={v}"));
            }
            out.push('\n');
        }
        out
    }
}

/// Collects fields as text: strings as they are, anything else as its
/// `Debug` (a `%value` field is its `Display`).
struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().into(), value.into());
    }

    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.0.insert(field.name().into(), format!("{value:?}"));
    }
}

impl Subscriber for Recorder {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let mut fields = BTreeMap::new();
        span.record(&mut Fields(&mut fields));
        let mut state = self.state.lock().unwrap();
        state.spans.push(Recorded {
            name: span.metadata().name().into(),
            fields,
            span: None,
        });
        Id::from_u64(state.spans.len() as u64)
    }

    fn record(&self, span: &Id, values: &Record<'_>) {
        let mut state = self.state.lock().unwrap();
        if let Some(recorded) = state.spans.get_mut(span.into_u64() as usize - 1) {
            values.record(&mut Fields(&mut recorded.fields));
        }
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut fields = BTreeMap::new();
        event.record(&mut Fields(&mut fields));
        let mut state = self.state.lock().unwrap();
        let span = match event.parent() {
            Some(id) => Some(id.into_u64() as usize - 1),
            None if event.is_contextual() => state.entered.last().copied(),
            None => None,
        };
        state.events.push(Recorded {
            name: event.metadata().target().into(),
            fields,
            span,
        });
    }

    fn enter(&self, span: &Id) {
        let index = span.into_u64() as usize - 1;
        self.state.lock().unwrap().entered.push(index);
    }

    fn exit(&self, span: &Id) {
        let index = span.into_u64() as usize - 1;
        let mut state = self.state.lock().unwrap();
        if let Some(at) = state.entered.iter().rposition(|&s| s == index) {
            state.entered.remove(at);
        }
    }
}
