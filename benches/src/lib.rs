//! What the benchmarks share: allocators that count, the CPU time of a
//! thread, a loopback server answering like Partner Center (one that
//! limits each customer's requests, one that pages line items without
//! holding them), synthetic specs of any number of
//! operations, and a join of many futures.
//!
//! The benches themselves are in `benches/`: `client` (the generated client
//! against a hand-written reqwest call), `generator` (generate and check at
//! 1, 100 and 1,000 operations, the generated crate's compile time),
//! `docs` (`cargo codegen docs` over every page the spec describes) and
//! `rate_limit` (a bulk sync under the client's rate limit against the
//! least time its server allows) and `line_items` (the heap's peak over a
//! listing of 200,000 line items).
#![allow(clippy::unwrap_used)] // benchmark scaffolding: it unwraps what it sets up

pub mod alloc;
pub mod limited;
pub mod line_items;
pub mod server;
pub mod synthetic;

use std::future::Future;
use std::pin::Pin;
use std::task::Poll;
use std::time::Duration;

/// The CPU time the calling thread has used.
pub fn thread_cpu() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec to write to; the clock id is a constant.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// Keeps the calling thread on CPU `cpu` (Linux), so that the client and
/// the server of a bench do not take each other's core; `false` where it
/// cannot.
pub fn pin_to_cpu(cpu: usize) -> bool {
    // SAFETY: a zeroed cpu_set_t is a valid empty set; the calls only read it.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        libc::CPU_SET(cpu, &mut set);
        libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set) == 0
    }
}

/// The quartiles of `values` (sorted in place): lower, median, upper.
pub fn quartiles(values: &mut [f64]) -> (f64, f64, f64) {
    values.sort_by(f64::total_cmp);
    let at = |q: f64| {
        values
            .get(((values.len() as f64 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or(f64::NAN)
    };
    (at(0.25), at(0.5), at(0.75))
}

/// Runs `futures` together on the current task, and gives their outputs.
pub async fn join_all<F: Future>(futures: Vec<F>) -> Vec<F::Output> {
    let mut pending: Vec<Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    let mut done: Vec<Option<F::Output>> = pending.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut all = true;
        for (future, out) in pending.iter_mut().zip(done.iter_mut()) {
            if out.is_none() {
                match future.as_mut().poll(cx) {
                    Poll::Ready(value) => *out = Some(value),
                    Poll::Pending => all = false,
                }
            }
        }
        if all { Poll::Ready(()) } else { Poll::Pending }
    })
    .await;
    done.into_iter().map(Option::unwrap).collect()
}

/// The median of `values` (sorted in place).
pub fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}
