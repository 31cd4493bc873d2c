//! The allocator, and giving memory back between stages.
//!
//! Reading a large export allocates and frees gigabytes (a JSON document's values, a CSV's
//! text columns) of which only the canonical rows stay. glibc's allocator kept what was
//! freed: the process stayed at 4.7 GB after reading a million Billetweb attendees whose rows
//! take 0.3 GB, and each later file added its own. mimalloc returns freed memory to the
//! system, at once when asked: ingest asks after each file ([`give_back`]).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Returns the memory freed so far to the system (mimalloc's `mi_collect(true)`). Costs a
/// few milliseconds: call it between stages, not in loops.
pub fn give_back() {
    // SAFETY: mi_collect takes no pointer and may be called at any time from any thread;
    // it only walks mimalloc's own heaps.
    unsafe { libmimalloc_sys::mi_collect(true) };
}
