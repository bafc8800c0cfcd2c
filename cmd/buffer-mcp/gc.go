package main

import "runtime/debug"

// gcPercent and memoryLimit trade memory for CPU on the HTTP transports, which serve many
// clients at once. A tool call allocates about 235 KB that is garbage a moment later, so
// with Go's default (GOGC=100) a busy HTTP server spent a quarter of its CPU collecting:
// at 400, 32 clients got 32 % more calls per second out of two cores (server CPU 1,296 →
// 962 µs a call) for 57 MiB instead of 31 MiB under that load (go run ./bench/cmd/figures
// -only throughput -throughput-compare). stdio keeps Go's default: one client calling
// one tool at a time gains nothing from it, and a long conversation would hold more
// memory (the first collection would wait for 16 MB of heap instead of 4). The limit
// makes the collector work harder before the heap grows past it, whatever the percent.
// GOGC and GOMEMLIMIT, when set, win.
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
