//! Work spread over the machine's cores, results in the order of the input.

use std::thread;

/// `f` of every item, on up to as many threads as the machine has cores;
/// the results in the items' order.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let f = &f;
    let mut by_thread: Vec<Vec<R>> = thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| scope.spawn(move || items.iter().skip(t).step_by(threads).map(f).collect()))
            .collect();
        workers
            .into_iter()
            // A worker panics only if `f` does: pass the panic on.
            .map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    // Item i went to thread i % threads, at place i / threads.
    let mut iters: Vec<_> = by_thread.iter_mut().map(|v| v.drain(..)).collect();
    (0..items.len())
        .filter_map(|i| iters[i % threads].next())
        .collect()
}
