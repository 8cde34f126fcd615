//! Work spread over threads with results kept in input order: the drafts of
//! a run and the records of an archive batch are checked this way.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Applies `work` to every item on `threads` scoped threads (each takes the
/// next unclaimed item) and returns the results in the items' order,
/// whatever order the threads finish in. `None` marks an item whose thread
/// died before returning it; callers catch panics in `work` so that this
/// only happens on a panic while panicking.
pub(crate) fn map_in_order<T, R, F>(items: &[T], threads: usize, work: F) -> Vec<Option<R>>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<R>> = items.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads.clamp(1, items.len().max(1)))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, work(item)));
                    }
                    done
                })
            })
            .collect();
        for handle in handles {
            if let Ok(done) = handle.join() {
                for (i, result) in done {
                    results[i] = Some(result);
                }
            }
        }
    });
    results
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_input_order_on_any_thread_count() {
        let items: Vec<u64> = (0..1000).collect();
        for threads in [1, 2, 7] {
            let got = super::map_in_order(&items, threads, |&n| {
                // Uneven work, so threads finish out of order.
                (0..(n % 13) * 1000).fold(n, |a, b| a.wrapping_add(b % 3))
            });
            let want: Vec<Option<u64>> = items
                .iter()
                .map(|&n| Some((0..(n % 13) * 1000).fold(n, |a, b| a.wrapping_add(b % 3))))
                .collect();
            assert_eq!(got, want, "{threads} threads");
        }
    }
}
