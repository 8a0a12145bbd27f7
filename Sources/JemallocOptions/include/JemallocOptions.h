// Nothing to call: Sources/JemallocOptions/options.c only defines the `malloc_conf` string jemalloc reads.
