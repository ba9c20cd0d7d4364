#define _GNU_SOURCE
#include "CSystemShim.h"
#include <stdlib.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void timeline_grow_heaps_by(int bytes) {
#if defined(__GLIBC__)
    mallopt(M_TOP_PAD, bytes);
#else
    (void)bytes;
#endif
}

size_t timeline_heap_in_use(void) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
#else
    return 0;
#endif
}

void timeline_prepare_thread_heap(void) {
#if defined(__GLIBC__)
    static __thread int prepared;
    if (prepared) return;
    prepared = 1;
    // The main thread's heap grows with brk, by M_TOP_PAD at a time already.
    if (gettid() == getpid()) return;
    // Blocks below the size malloc maps on their own come from this thread's arena, whose heap grows to
    // hold them; freed together, they leave it grown, its pages given back but its size kept.
    enum { blocks = 480, size = 120 << 10 };
    void *taken[blocks];
    for (int i = 0; i < blocks; i++) taken[i] = malloc(size);
    for (int i = 0; i < blocks; i++) free(taken[i]);
#endif
}
