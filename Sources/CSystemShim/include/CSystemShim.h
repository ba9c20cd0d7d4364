#ifndef TIMELINE_CSYSTEMSHIM_H
#define TIMELINE_CSYSTEMSHIM_H

#include <stddef.h>

/// Atomically swaps two paths on the same file system (Linux renameat2 RENAME_EXCHANGE,
/// macOS renamex_np RENAME_SWAP). Returns 0, or -1 with errno set; ENOSYS or EINVAL when
/// the file system cannot swap.
int timeline_exchange_paths(const char *first, const char *second);

/// Makes the allocator grow its heaps by at least `bytes` at a time (glibc's M_TOP_PAD), so that a
/// program that allocates much on many threads makes a few system calls for it rather than one per page
/// or so. Address space is reserved, not memory: pages are used as they are touched. Does nothing
/// elsewhere.
void timeline_grow_heaps_by(int bytes);

/// Makes the calling thread's heap ready for a large share of the build's allocations, once per thread:
/// glibc grows the heap of a thread's arena by a page or two at a time, each growth a system call
/// (`mprotect`), tens of thousands in a large build. Growing it once by about 56 MB, then freeing that,
/// keeps the heap's size and gives its pages back, so later growth makes no call. Address space only:
/// no memory stays in use. Does nothing on the main thread, whose heap grows by M_TOP_PAD, nor elsewhere
/// than glibc.
void timeline_prepare_thread_heap(void);

/// The bytes the allocator has handed out and not had back (glibc's mallinfo2: in use in its heaps and in
/// blocks mapped on their own), for the stage timings; 0 where it cannot tell.
size_t timeline_heap_in_use(void);

#endif
