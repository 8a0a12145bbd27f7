// The one door to libcmark: only the Markdown module imports this.
#include <cmark.h>
