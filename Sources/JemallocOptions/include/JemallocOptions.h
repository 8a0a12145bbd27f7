// Sources/JemallocOptions/options.c defines the `malloc_conf` string jemalloc reads, and this switch.

/// Turns transparent huge pages off for the rest of the process (prctl PR_SET_THP_DISABLE; the kernel checks
/// it at every page fault, so it applies to memory jemalloc already mapped). Returns 0, or -1 with errno.
int dossier_use_small_pages(void);

/// Returns the memory jemalloc holds freed but mapped to the system now (purges every arena), rather than after its
/// decay time: called between the steps of a build, whose next step allocates afresh.
void dossier_release_free_memory(void);

/// Makes jemalloc return freed pages to the system after 300 ms instead of 10 s (for a first build; see options.c).
void dossier_return_memory_sooner(void);
