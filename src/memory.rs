//! The allocator, and giving memory back between stages.
//!
//! Reading a large export allocates and frees gigabytes (a JSON document's values, a CSV's
//! text columns) of which only the canonical rows stay. glibc's allocator kept what was
//! freed: the process stayed at 4.7 GB after reading a million Billetweb attendees whose rows
//! take 0.3 GB, and each later file added its own. mimalloc returns freed memory to the
//! system, at once when asked: ingest asks after each file ([`give_back`]).
//!
//! A large export is mapped from disk rather than copied into memory ([`FileBytes`]): its
//! reader drops the pages of each part once it has read them ([`FileBytes::release`]), so
//! that a 600 MB file costs about one part's pages at a time instead of 600 MB beside the
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
}

/// Returns the memory freed so far to the system (mimalloc's `mi_collect(true)`). Costs a
/// few milliseconds: call it between stages, not in loops.
pub fn give_back() {
    // SAFETY: mi_collect takes no pointer and may be called at any time from any thread;
    // it only walks mimalloc's own heaps.
    unsafe { libmimalloc_sys::mi_collect(true) };
}

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
