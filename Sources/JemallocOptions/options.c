// jemalloc's options for the dossier command, read by the library when it starts (before main): the string a
// program defines as `malloc_conf` (see `man jemalloc`, "TUNING"); MALLOC_CONF in the environment still wins.
//
// thp:always, metadata_thp:always: back the heap with transparent huge pages (the kernel's setting here is
// "madvise", so jemalloc asks for them). A rebuild after an edit maps a quarter of a gigabyte it fills once;
// with 4 KiB pages, a seventh of its time went to page faults. Edit of one article in 10,000: 0.40 -> 0.34 s.
// A first build maps and frees far more, and zeroing huge pages cost it a second of system time in eleven, so
// the command turns them off (dossier_use_small_pages) when no earlier build left its cache (run 8).
const char *malloc_conf = "thp:always,metadata_thp:always";

#include <stddef.h>
#include <sys/types.h>
#include <sys/prctl.h>
#include "JemallocOptions.h"

/* jemalloc's control interface (declared here so that this target needs no jemalloc header; the command links it). */
int mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen);

int dossier_use_small_pages(void) {
    return prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
}

// Freed memory stays mapped in jemalloc's arenas for up to 10 s (dirty_decay_ms) so that it can be reused without
// faulting pages in again; a build that frees a phase's working memory and then allocates the next phase's in other
// size classes or arenas holds both. Purging all arenas (4096: MALLCTL_ARENAS_ALL) between phases returns it at
// once.
void dossier_release_free_memory(void) {
    mallctl("arena.4096.purge", NULL, NULL, NULL, 0);
}

// A first build frees each step's working memory (the link step's tokens and tables, planning's words) and
// allocates the next step's in other size classes: with jemalloc's default 10 s before freed pages are returned,
// the peak held both (578 MiB at 10,000 articles; 500 MiB with 300 ms, CPU time within the noise). Arenas made
// later take the default ("arenas."), arena 0 exists already. A rebuild keeps the default: it maps a quarter of a
// gigabyte it fills once, and faulting it in again costs it more than the memory.
void dossier_return_memory_sooner(void) {
    ssize_t dirty = 300, muzzy = 0;
    mallctl("arenas.dirty_decay_ms", NULL, NULL, &dirty, sizeof dirty);
    mallctl("arenas.muzzy_decay_ms", NULL, NULL, &muzzy, sizeof muzzy);
    mallctl("arena.0.dirty_decay_ms", NULL, NULL, &dirty, sizeof dirty);
    mallctl("arena.0.muzzy_decay_ms", NULL, NULL, &muzzy, sizeof muzzy);
}
