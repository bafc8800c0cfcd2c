package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/buffer-mcp/buffer-mcp/bench"
)

var (
	coldRuns   = flag.Int("cold-runs", 15, "coldstart: fresh processes of each binary (figures are medians)")
	coldSettle = flag.Duration("cold-settle", 200*time.Millisecond, "coldstart: idle time after tools/list before reading VmRSS")
	coldRSS    = flag.Int("cold-rss-runs", 7, "coldstart: fresh processes of each binary for idle memory, in a pass after the timings")
	coldOther  = flag.String("cold-compare", "", "coldstart: another buffer-mcp binary to measure alongside (e.g. an older build)")
)

// coldstart times spawn → tools/list over stdio for buffer-mcp in its default mode (a key
// set), for the same program without the sandbox and linked with cgo, and for a compared
// build, run in turn; then reads each one's idle RSS.
func coldstart(ctx context.Context, o *options) error {
	dir, err := os.MkdirTemp("", "buffer-mcp-coldstart-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	key := []string{"BUFFER_API_KEY=bench-not-a-real-key", "BUFFER_MCP_SANDBOX=", "BUFFER_MCP_TRANSPORT=", "BUFFER_API_URL="}
	type subject struct {
		name string
		link bench.Linking
		tags []string
		bin  string
		got  []bench.ColdStart
		rss  []int64 // idle VmRSS, from the memory pass
	}
	subjects := []*subject{
		{name: "buffer-mcp", bin: o.bin},
		// What the embedded sandbox of SPEC §6 costs every start, though no default-mode
		// start uses it.
		{name: "nosandbox", tags: []string{"nosandbox"}},
		// As a plain go build links it on a machine with a C compiler (libc and the
		// dynamic loader): what the README's CGO_ENABLED=0 saves.
		{name: "cgo", link: bench.WithCgo},
	}
	if *coldOther != "" {
		subjects = append(subjects, &subject{name: "compared", bin: *coldOther})
	}
	for i, s := range subjects {
		if s.bin != "" {
			continue
		}
		if s.bin, err = bench.GoBuild(ctx, o.root, filepath.Join(dir, fmt.Sprintf("bin%d", i)), "./cmd/buffer-mcp", s.link, s.tags...); err != nil {
			return err
		}
	}
	runs := *coldRuns
	if o.quick {
		runs = 3
	}
	fmt.Printf("== Cold start and idle memory, over stdio ==\n")
	fmt.Printf("how: %d fresh processes of each binary, in turn (one warm-up each first); the clock\n", runs)
	fmt.Printf("     runs from just before exec to the tools/list answer read in full, after\n")
	fmt.Printf("     initialize → answer → notifications/initialized, as a client does. Then, in a\n")
	fmt.Printf("     pass of %d more processes each, VmRSS from /proc after %s idle.\n", min(runs, *coldRSS), *coldSettle)
	fmt.Printf("     Each runs in its default mode (stdio, Buffer's API, BUFFER_API_KEY set; no\n")
	fmt.Printf("     --sandbox; nothing reaches Buffer before a tool call). buffer-mcp is the static\n")
	fmt.Printf("     build the README makes (CGO_ENABLED=0); nosandbox is the same program built with\n")
	fmt.Printf("     -tags nosandbox; cgo is a plain go build on a machine with a C compiler, linked to\n")
	fmt.Printf("     libc. Figures: median [min–max].\n")
	if *coldOther != "" {
		fmt.Printf("     compared: %s, run in turn with the others.\n", *coldOther)
	}
	// Timings first, every subject in turn with nothing in between, so that a round is
	// short and the machine's drift falls on all of them alike; then, in a pass of its
	// own, each one's idle memory.
	for i := -1; i < runs; i++ {
		for _, s := range subjects {
			c, err := bench.MeasureColdStart(ctx, s.bin, nil, key, 0)
			if err != nil {
				return fmt.Errorf("%s: %w", s.name, err)
			}
			if i >= 0 {
				s.got = append(s.got, c)
			}
		}
	}
	for range min(runs, *coldRSS) {
		for _, s := range subjects {
			c, err := bench.MeasureColdStart(ctx, s.bin, nil, key, *coldSettle)
			if err != nil {
				return fmt.Errorf("%s: %w", s.name, err)
			}
			s.rss = append(s.rss, c.IdleRSS)
		}
	}
	fmt.Printf("\n  %-12s %5s %26s %26s %22s %8s\n", "", "tools", "spawn → initialize answer", "spawn → tools/list answer", "idle VmRSS", "(MB)")
	byName := map[string]*subject{}
	for _, s := range subjects {
		byName[s.name] = s
		var init, list []float64
		for _, c := range s.got {
			init = append(init, float64(c.ToInitialize.Microseconds())/1000)
			list = append(list, float64(c.ToToolsList.Microseconds())/1000)
		}
		var rssMiB []float64
		for _, r := range s.rss {
			rssMiB = append(rssMiB, float64(r)/(1<<20))
		}
		fmt.Printf("  %-12s %5d %23s ms %23s ms %18s MiB %8.1f\n", s.name, s.got[0].Tools, spread(init, "%.1f"), spread(list, "%.1f"), spread(rssMiB, "%.1f"), bench.Median(rssMiB)*(1<<20)/1e6)
	}
	// A difference is the median, over rounds, of the two binaries' times in the same
	// round: the machine's speed drifts from second to second, and a round is short.
	diff := func(a, b string) float64 {
		var d []float64
		for i := range byName[a].got {
			d = append(d, float64((byName[a].got[i].ToToolsList-byName[b].got[i].ToToolsList).Microseconds())/1000)
		}
		return bench.Median(d)
	}
	rssDiff := func(a, b string) float64 {
		return (bench.Median(byName[a].rss) - bench.Median(byName[b].rss)) / (1 << 20)
	}
	fmt.Printf("\ndifferences in spawn → tools/list (median of the rounds' differences) and in idle VmRSS (medians):\n")
	fmt.Printf("  nosandbox − buffer-mcp: %+.1f ms, %+.1f MiB (what the embedded sandbox costs)\n", diff("nosandbox", "buffer-mcp"), rssDiff("nosandbox", "buffer-mcp"))
	fmt.Printf("  buffer-mcp − cgo:       %+.1f ms, %+.1f MiB (what the static build saves)\n", diff("buffer-mcp", "cgo"), rssDiff("buffer-mcp", "cgo"))
	if *coldOther != "" {
		fmt.Printf("  buffer-mcp − compared:  %+.1f ms, %+.1f MiB\n", diff("buffer-mcp", "compared"), rssDiff("buffer-mcp", "compared"))
	}
	fmt.Printf("  targets: spawn → tools/list ≤ 15 ms, idle RSS ≤ 15 MB\n")
	return nil
}
