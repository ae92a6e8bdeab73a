//! What the client tells a `tracing` subscriber (the client's `tracing`
//! feature): a span per call and an event per attempt, per wait and per
//! link part not followed. [`Recorder`] keeps them all, with the span each
//! event happened in, and says when the client has read a response's head,
//! for a server that must not act before.
//!
//! One subscriber, set once for the whole test program, hands what it gets
//! to the recorder installed on the thread. A subscriber per test thread
//! (`tracing::subscriber::set_default`) would lose events: `tracing` caches
//! whether a call site is wanted across threads, and a test thread without
//! a subscriber can decide it for all of them.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Once};
use std::time::Duration;

use tokio::sync::Notify;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// One span or event: its kind (`span <name>`, `record` or `event`) and
/// its fields, each as `Debug` shows it (`message` among them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub kind: String,
    pub fields: BTreeMap<String, String>,
    /// `kind field=value ...`, the fields in the order the client gave them.
    pub line: String,
    /// The span's id (of a span, or of the span a `record` adds to), or the
    /// id of the span an event happened in.
    pub span: Option<u64>,
}

impl Recorded {
    /// The field `name`, as `Debug` showed it.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }

    /// Whether this is an event with this message.
    pub fn is(&self, message: &str) -> bool {
        self.kind == "event" && self.field("message") == Some(message)
    }

    /// The field `name` as a number.
    pub fn number(&self, name: &str) -> Option<u64> {
        self.field(name)?.parse().ok()
    }
}

/// Records every span and event of the thread it is installed on.
#[derive(Clone, Default)]
pub struct Recorder {
    recorded: Arc<Mutex<Vec<Recorded>>>,
    heads: Arc<Notify>,
}

thread_local! {
    /// The recorder of this thread's test, while it is installed.
    static INSTALLED: RefCell<Option<Recorder>> = const { RefCell::new(None) };
    /// The spans this thread is in, innermost last.
    static ENTERED: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Records until dropped.
#[must_use = "the recorder records until this is dropped"]
pub struct Installed {
    previous: Option<Recorder>,
}

impl Drop for Installed {
    fn drop(&mut self) {
        let previous = self.previous.take();
        INSTALLED.with(|r| *r.borrow_mut() = previous);
    }
}

struct Fields {
    line: String,
    fields: BTreeMap<String, String>,
}

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        let value = format!("{value:?}");
        self.line.push_str(&format!(" {}={value}", field.name()));
        self.fields.insert(field.name().to_string(), value);
    }
}

impl Fields {
    fn new(kind: String) -> Fields {
        Fields {
            line: kind,
            fields: BTreeMap::new(),
        }
    }

    fn into_recorded(self, kind: &str, span: Option<u64>) -> Recorded {
        Recorded {
            kind: kind.to_string(),
            fields: self.fields,
            line: self.line,
            span,
        }
    }
}

impl Recorder {
    /// Records what this thread's code tells `tracing` until the guard is
    /// dropped (a `#[tokio::test]` runs on one thread: the client, the
    /// servers and the test itself).
    pub fn install(&self) -> Installed {
        static GLOBAL: Once = Once::new();
        GLOBAL.call_once(|| {
            tracing::subscriber::set_global_default(ToInstalled::default())
                .expect("no other global tracing subscriber in the tests");
        });
        let previous = INSTALLED.with(|r| r.borrow_mut().replace(self.clone()));
        Installed { previous }
    }

    /// Everything recorded so far, in order.
    pub fn recorded(&self) -> Vec<Recorded> {
        self.recorded.lock().unwrap().clone()
    }

    /// The events with this message, in order.
    pub fn events(&self, message: &str) -> Vec<Recorded> {
        self.recorded()
            .into_iter()
            .filter(|r| r.is(message))
            .collect()
    }

    /// The spans named `name`, in order, each with the fields recorded on
    /// it since it was made.
    pub fn spans(&self, name: &str) -> Vec<Recorded> {
        let recorded = self.recorded();
        let kind = format!("span {name}");
        recorded
            .iter()
            .filter(|r| r.kind == kind)
            .map(|span| {
                let mut span = span.clone();
                let later = recorded
                    .iter()
                    .filter(|r| r.kind == "record" && r.span == span.span);
                for record in later {
                    span.fields.extend(record.fields.clone());
                }
                span
            })
            .collect()
    }

    /// Every line recorded, one per span or event.
    pub fn text(&self) -> String {
        let lines: Vec<String> = self.recorded().into_iter().map(|r| r.line).collect();
        lines.join("\n")
    }

    /// The waits the client chose before its retries, in order, as its
    /// `retrying` events give them.
    pub fn waits(&self) -> Vec<Duration> {
        self.events("retrying")
            .iter()
            .map(|e| Duration::from_millis(e.number("wait_ms").expect("wait_ms")))
            .collect()
    }

    /// Notifies its waiters each time the client has read a response's head
    /// (its `response` event): what a server waits for before it resets
    /// the connection in the middle of the body.
    pub fn heads_read(&self) -> Arc<Notify> {
        self.heads.clone()
    }

    fn push(&self, recorded: Recorded) {
        if recorded.is("response") {
            // Only those waiting now: a head read earlier says nothing of
            // a response sent later.
            self.heads.notify_waiters();
        }
        self.recorded.lock().unwrap().push(recorded);
    }
}

/// The program's one subscriber: what it gets goes to the thread's recorder.
#[derive(Default)]
struct ToInstalled {
    next_id: AtomicU64,
}

fn to_installed(kind: &str, span: Option<u64>, record: impl FnOnce(&mut Fields)) {
    INSTALLED.with(|installed| {
        if let Some(recorder) = installed.borrow().as_ref() {
            let mut fields = Fields::new(kind.to_string());
            record(&mut fields);
            recorder.push(fields.into_recorded(kind, span));
        }
    });
}

impl Subscriber for ToInstalled {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let id = self.next_id.fetch_add(1, Ordering::SeqCst) + 1;
        let kind = format!("span {}", span.metadata().name());
        to_installed(&kind, Some(id), |fields| span.record(fields));
        Id::from_u64(id)
    }

    fn record(&self, span: &Id, values: &Record<'_>) {
        to_installed("record", Some(span.into_u64()), |fields| {
            values.record(fields)
        });
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let span = match event.parent() {
            Some(parent) => Some(parent.into_u64()),
            None if event.is_contextual() => ENTERED.with(|e| e.borrow().last().copied()),
            None => None,
        };
        to_installed("event", span, |fields| event.record(fields));
    }

    fn enter(&self, span: &Id) {
        ENTERED.with(|e| e.borrow_mut().push(span.into_u64()));
    }

    fn exit(&self, span: &Id) {
        ENTERED.with(|e| {
            let mut entered = e.borrow_mut();
            if let Some(at) = entered.iter().rposition(|&s| s == span.into_u64()) {
                entered.remove(at);
            }
        });
    }
}
