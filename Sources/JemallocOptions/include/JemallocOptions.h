// Sources/JemallocOptions/options.c defines the `malloc_conf` string jemalloc reads, and this switch.

/// Turns transparent huge pages off for the rest of the process (prctl PR_SET_THP_DISABLE; the kernel checks
/// it at every page fault, so it applies to memory jemalloc already mapped). Returns 0, or -1 with errno.
int dossier_use_small_pages(void);
