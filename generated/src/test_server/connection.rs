//! Connections: accepted up to [`MAX_CONNECTIONS`] at once, each served
//! over HTTP/1.1 until its client closes it or it times out.

use std::future::{Future, poll_fn};
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, Semaphore, watch};
use tokio::task::JoinSet;

use super::Shared;
use super::limits::{HEAD_TIMEOUT, MAX_CONNECTIONS};
use super::serve::answer;

/// Accepts connections until the task is aborted; connections end with it.
pub(crate) async fn accept(listener: TcpListener, shared: Arc<Shared>) {
    let places = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    // Tells every connection to close once its current answer is sent.
    let make_room = watch::Sender::new(());
    let mut connections = JoinSet::new();
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, for instance: try again shortly.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        while connections.try_join_next().is_some() {}
        let place = match places.clone().try_acquire_owned() {
            Ok(place) => place,
            Err(_) => {
                // The others wait in the listen backlog, unread.
                make_room.send_replace(());
                match places.clone().acquire_owned().await {
                    Ok(place) => place,
                    Err(_) => return,
                }
            }
        };
        let room = make_room.subscribe();
        let shared = shared.clone();
        connections.spawn(async move {
            serve(stream, shared, room).await;
            drop(place);
        });
    }
}

/// Serves one connection: its requests one after the other, each head
/// within [`HEAD_TIMEOUT`] of the connection being ready for it (which
/// also closes a connection kept alive and left idle as long), until it
/// is closed, or asked to make room: then it closes once it has begun a
/// request and answered it (at once if it is idle between two). A
/// connection that has not begun one is not closed under its client, who
/// may be writing its first request; [`HEAD_TIMEOUT`] bounds its wait.
async fn serve(stream: TcpStream, shared: Arc<Shared>, mut room: watch::Receiver<()>) {
    // Holds a permit once a request has begun.
    let begun = Arc::new(Notify::new());
    let service = service_fn({
        let begun = begun.clone();
        move |request| {
            begun.notify_one();
            answer(shared.clone(), request)
        }
    });
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(HEAD_TIMEOUT);
    let mut connection = pin!(builder.serve_connection(TokioIo::new(stream), service));
    // Asked to make room; never, once no one can ask any more.
    let asked = async move {
        if room.changed().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    if until(connection.as_mut(), asked).await || until(connection.as_mut(), begun.notified()).await
    {
        return;
    }
    connection.as_mut().graceful_shutdown();
    let _ = connection.await;
}

/// Drives `connection` until it ends (true), or until `event` (false).
async fn until<C: Future>(mut connection: Pin<&mut C>, event: impl Future<Output = ()>) -> bool {
    let mut event = pin!(event);
    poll_fn(|cx| match connection.as_mut().poll(cx) {
        Poll::Ready(_) => Poll::Ready(true),
        Poll::Pending => event.as_mut().poll(cx).map(|()| false),
    })
    .await
}
