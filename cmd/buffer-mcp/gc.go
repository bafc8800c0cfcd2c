package main

import "runtime/debug"

// gcPercent and memoryLimit trade memory for CPU on the HTTP transports, which serve many
// clients at once. Each tool call leaves garbage a moment later, so with Go's default
// (GOGC=100) a busy HTTP server spends a large share of its CPU collecting; a higher
// percent buys many more calls per second for some more memory under load (BENCHMARKS.md,
// the throughput figure with -throughput-compare). stdio keeps Go's default: one client
// calling one tool at a time gains nothing from it, and a long conversation would hold
// more memory. The limit makes the collector work harder before the heap grows past it,
// whatever the percent. GOGC and GOMEMLIMIT, when set, win.
const (
	gcPercent   = 400
	memoryLimit = 256 << 20
)

// tuneGC applies gcPercent and memoryLimit unless the environment sets its own; run calls
// it for the HTTP transports only.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
