#ifndef TIMELINE_CCMARK_SHIM_H
#define TIMELINE_CCMARK_SHIM_H
#include <cmark.h>
#endif
