package main

import (
	"os"
	"runtime/debug"
)

// throughputGC trades memory for speed in ingest, a long batch:
// the pipeline allocates fast and keeps little alive, so the
// default GOGC=100 spends a good share of a core collecting. At 400 the
// AllSides ingest ran 185 → 205 articles/s on two cores with peak RSS
// 420 → 845 MB; the soft limit makes the collector work harder again
// before the heap passes 2 GiB. GOGC and GOMEMLIMIT, when set, win.
func throughputGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(2 << 30)
	}
}
