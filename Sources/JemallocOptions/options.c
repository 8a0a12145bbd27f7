// jemalloc's options for the dossier command, read by the library when it starts (before main): the string a
// program defines as `malloc_conf` (see `man jemalloc`, "TUNING"); MALLOC_CONF in the environment still wins.
//
// thp:always, metadata_thp:always: back the heap with transparent huge pages (the kernel's setting here is
// "madvise", so jemalloc asks for them). A rebuild after an edit maps a quarter of a gigabyte it fills once;
// with 4 KiB pages, a seventh of its time went to page faults. Edit of one article in 10,000: 0.40 -> 0.34 s;
// full build unchanged, peak memory +5 % (Benchmarks/README.md, run 7).
const char *malloc_conf = "thp:always,metadata_thp:always";
