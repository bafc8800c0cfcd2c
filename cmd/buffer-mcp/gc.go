package main

import "runtime/debug"

// gcPercent and memoryLimit trade memory for CPU under load. A tool call allocates about
// 235 KB that is garbage a moment later, so with Go's default (GOGC=100) a busy HTTP
// server spent a quarter of its CPU collecting: at 400, 32 clients got 32 % more calls
// per second out of two cores (server CPU 1,296 → 962 µs a call) for 57 MiB instead of 31
// MiB under that load (go run ./bench/cmd/figures -only throughput -throughput-compare).
// An idle server is unaffected: start-up allocates less than the first collection's
// threshold either way. The limit makes the collector work harder before the heap grows
// past it, whatever the percent. GOGC and GOMEMLIMIT, when set, win.
const (
	gcPercent   = 400
	memoryLimit = 256 << 20
)

// tuneGC applies gcPercent and memoryLimit unless the environment sets its own.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
