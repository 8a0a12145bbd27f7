// jemalloc replaces the C library's malloc for the dossier command: a build allocates and frees millions of
// small strings and arrays on both cores, and glibc's malloc spent an eighth of the build's time doing it
// (Benchmarks/README.md, run 5). Linking the library is all it takes; nothing calls it by name.
#include <jemalloc/jemalloc.h>
