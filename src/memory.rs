//! The allocator and the memory of large files.
//!
//! Reading a large export allocates and frees gigabytes (a JSON document's values, the rows
//! of a part before they are a frame) of which only the canonical rows stay. mimalloc keeps
//! what is freed and hands it out again: nothing freed while the exports are read is given
//! back to the system ([`setup`]), so that no page is zeroed and faulted in twice; what
//! reading left free is given back once, before the analysis ([`reading_done`]).
//!
//! A large export is mapped from disk rather than copied into memory ([`FileBytes`]): its
//! reader drops the pages of each part once it has read them ([`FileBytes::release`]), so
//! that a 1.5 GB file costs about one part's pages at a time instead of 1.5 GB beside the
//! tables made of it.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Sets the process up for the allocator; called first thing in `main`.
///
/// Transparent huge pages are turned off for this process (`PR_SET_THP_DISABLE`, as
/// `MIMALLOC_ALLOW_THP=0` would). mimalloc asks for huge pages on its arenas (the machine's
/// setting is `madvise`), and debrief frees and allocates gigabytes while it reads: each
/// 2 MB page is zeroed whole when first touched and split again when part of it is given
/// back, so the kernel's page zeroing was a quarter of the CPU of reading the 1,000,000
/// participant event (`perf`: `clear_page_erms` under `folio_zero_user`). With 4 KB pages,
/// Mailjet's 3.85 M events took 4.0 s instead of 6.2 s (1.0 s of system time instead of
/// 4.1 s) and less memory; the whole report 1.4 s less (BENCHMARKS.md, tenth session).
pub fn setup() {
    // SAFETY: prctl with PR_SET_THP_DISABLE takes plain integers and only sets a flag of
    // this process (inherited by children); a failure (an old kernel) changes nothing.
    #[cfg(target_os = "linux")]
    let _ = unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0) };
    // SAFETY: mi_option_set takes plain integers and only sets one of mimalloc's options,
    // which it reads each time it would purge.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
}

/// The exports are read and the tables made: what reading freed is given back now, at once
/// (`mi_collect(true)` purges what is waiting for [`PURGE_DELAY_MS`]), before the analysis
/// allocates. At 200,000 participants the peak is 30-40 MB lower this way (0.74-0.77 GB,
/// under the DuckDB peer's 0.78), and at 1M up to 0.1 GB, for no measurable time.
pub fn reading_done() {
    // SAFETY: mi_collect takes no pointer and may be called at any time from any thread;
    // it only walks mimalloc's own heaps.
    unsafe { libmimalloc_sys::mi_collect(true) };
}

/// How long freed memory waits before mimalloc gives it back to the system: an hour, longer
/// than any run, so that only [`reading_done`] gives any back. (`-1`, never, would not even
/// note what is free, and `reading_done` would have nothing to give back.)
const PURGE_DELAY_MS: std::ffi::c_long = 3_600_000;

/// mimalloc's `mi_option_purge_delay` (`mimalloc.h` of the version libmimalloc-sys builds,
/// v3 by default, and v2 alike; the crate names the options around it but not this one): how
/// long freed memory is kept before it is given back to the system, in milliseconds. A test
/// checks that this index holds v3's default for it, a second.
///
/// A run is one batch of a few stages, each of which allocates what the one before freed:
/// given back (a second later, mimalloc's default, or when asked after each large file as
/// debrief did until the eleventh session), each page came back zeroed by the kernel on its
/// next use. Not giving back while reading cut the system time of the 1,000,000-participant
/// report from 3.2-3.8 s to 1.3-2.0 s and its wall time by about 0.7 s, for about 0.2 GB
/// more at the peak (2.8-3.0 GB, the analysis'); at 3,000,000 participants, 44.6 s and
/// 8.7 GB instead of 49.7 s and 7.4 GB. Giving back 10 ms after a free from the analysis on
/// lowered the 1M peak by 0.2 GB but took 0.4-0.7 s more (BENCHMARKS.md, eleventh session).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// A file's bytes: read into memory, or mapped from disk (large files, see
/// [`crate::progress::read_file`]).
pub enum FileBytes {
    Read(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl std::ops::Deref for FileBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            FileBytes::Read(b) => b,
            FileBytes::Mapped(m) => m,
        }
    }
}

impl FileBytes {
    /// Maps the file read-only; `None` when the system refuses (the caller then reads it).
    pub fn map(file: &std::fs::File) -> Option<FileBytes> {
        // SAFETY: the mapping is read-only (memmap2 maps it shared: nothing is ever written
        // through it). Like ripgrep's, it assumes the export is not truncated or rewritten
        // while debrief reads it (README: a file cut short meanwhile ends the run).
        let map = unsafe { memmap2::Mmap::map(file) }.ok()?;
        Some(FileBytes::Mapped(map))
    }

    /// Drops the pages holding `part` (a slice of these bytes) from the process's memory:
    /// they are read from the file again if touched later, so nothing observable changes.
    /// Nothing happens to bytes read into memory, or to a slice of other memory.
    pub fn release(&self, part: &[u8]) {
        let FileBytes::Mapped(map) = self else {
            return;
        };
        let base = map.as_ptr() as usize;
        let at = part.as_ptr() as usize;
        if part.is_empty() || at < base || at + part.len() > base + map.len() {
            return;
        }
        // SAFETY: MADV_DONTNEED on a read-only file mapping only unmaps its pages from this
        // process; the next read of them faults the file's unchanged contents back in, so
        // every `&[u8]` into the mapping keeps reading the same bytes.
        #[cfg(unix)]
        let _ = unsafe {
            map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, at - base, part.len())
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_is_the_option_set() {
        // Index 15 is `mi_option_purge_delay` in the mimalloc that libmimalloc-sys builds:
        // the option whose default is a second (its neighbours default to 1 and 0). A
        // version that moved it fails here, not silently in a run's memory. (Unit tests do
        // not run `setup`.)
        // SAFETY: mi_option_get takes a plain integer and only reads an option.
        let delay = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(delay, 1000);
        }
    }

    #[test]
    fn released_pages_read_the_same_again() {
        let path = std::env::temp_dir().join(format!("debrief-map-{}", std::process::id()));
        let text: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &text).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        let bytes = FileBytes::map(&file).unwrap();
        assert!(matches!(bytes, FileBytes::Mapped(_)));
        assert_eq!(&bytes[..], &text[..]);
        bytes.release(&bytes[1234..2_500_000]);
        bytes.release(&bytes[..]);
        bytes.release(&text[..]); // other memory: left alone
        assert_eq!(&bytes[..], &text[..]);
        let read = FileBytes::Read(text.clone());
        read.release(&read[..10]);
        assert_eq!(&read[..], &text[..]);
        drop(bytes);
        std::fs::remove_file(&path).unwrap();
    }
}
