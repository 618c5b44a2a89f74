//! pulldown-cmark on a second thread: its events handed over in batches, so that parsing
//! and walking a big document go on at the same time.

use std::ops::Range;

use pulldown_cmark::Event;

/// One event and where it starts, as pulldown-cmark gives them.
type Batch<'a> = Vec<(Event<'a>, Range<usize>)>;

/// How many events go over from the parser's thread at a time: few enough that the batches
/// in flight stay in cache, enough that handing one over costs next to nothing per event.
const BATCH: usize = 2048;

/// Makes a `W` with `prepare` and calls `each(w, event, start)` on this thread for every
/// event of the parser `events` makes, in order, while the parser runs on a second thread, a
/// batch ahead; returns the `W`. The parser's first pass (the block structure, before it
/// gives any event) runs there too, while `prepare` runs here. Batches go back to the
/// parser's thread to be filled again. If no thread can be started, the parser runs here.
pub(super) fn parse_beside<'a, I, W>(
    events: impl Fn() -> I + Sync,
    prepare: impl FnOnce() -> W,
    mut each: impl FnMut(&mut W, Event<'a>, usize),
) -> W
where
    I: Iterator<Item = (Event<'a>, Range<usize>)> + Send,
{
    std::thread::scope(|scope| {
        let (full_tx, full_rx) = std::sync::mpsc::sync_channel::<Batch<'a>>(8);
        let (empty_tx, empty_rx) = std::sync::mpsc::channel::<Batch<'a>>();
        let events = &events;
        let started = std::thread::Builder::new()
            .name("dossier-parse".into())
            .spawn_scoped(scope, move || {
                let mut batch = Vec::with_capacity(BATCH);
                for event in events() {
                    batch.push(event);
                    if batch.len() == BATCH {
                        let next = empty_rx
                            .try_recv()
                            .unwrap_or_else(|_| Vec::with_capacity(BATCH));
                        if full_tx.send(std::mem::replace(&mut batch, next)).is_err() {
                            return;
                        }
                    }
                }
                let _ = full_tx.send(batch);
            });
        let mut w = prepare();
        let Ok(parsing) = started else {
            for (event, range) in events() {
                each(&mut w, event, range.start);
            }
            return w;
        };
        for mut batch in full_rx {
            for (event, range) in batch.drain(..) {
                each(&mut w, event, range.start);
            }
            // The parser may have finished: then no one takes it back.
            let _ = empty_tx.send(batch);
        }
        // A panic in the parser goes on from here, as it would have on one thread.
        if let Err(panic) = parsing.join() {
            std::panic::resume_unwind(panic);
        }
        w
    })
}
