//! What the server allows a client, so that a slow, silent or hostile one
//! cannot hold its memory or its connections: it runs in users' CI and as
//! a program on a port that anything on the machine can reach. Each limit
//! is far above what a client of the API needs.

use std::time::Duration;

/// How long a request head may take to arrive in full, counted from when
/// the connection is ready for one: accepted, or its previous answer sent.
/// A client writes its head at once; one that trickles it in (a header line
/// every few seconds) held a connection for ever. A connection kept alive
/// without a request is closed after as long: a client opens another, at
/// the cost of a handshake on loopback.
pub(crate) const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a request body may take to arrive in full once its head has:
/// [`MAX_BODY`] on loopback takes milliseconds. A late body is answered 408
/// and its connection closed.
pub(crate) const BODY_TIMEOUT: Duration = Duration::from_secs(10);

/// The largest request body read. The request bodies the documents show
/// are all under 2 KiB (the largest of every page of the API, a
/// subscription's update, is 1.9 KiB); a larger body is answered 413
/// without being read (as soon as its head declares it, or once this much
/// of a body without a length has arrived), and its connection closed.
pub(crate) const MAX_BODY: usize = 1 << 20;

/// The connections held at once: a test suite has a few calls in flight,
/// and with [`MAX_BODY`] each this bounds the bodies held to 64 MiB. A
/// connection over the cap waits, unread, in the listen backlog until one
/// closes (its client sees a slow answer, not an error); meanwhile every
/// connection kept alive is closed after its current answer, so that a
/// client's idle pool gives way to its waiting calls.
pub(crate) const MAX_CONNECTIONS: usize = 64;
