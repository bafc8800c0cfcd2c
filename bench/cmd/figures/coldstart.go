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

func init() { figures = append(figures, figure{"coldstart", coldstart}) }

// coldstart times spawn → tools/list over stdio for buffer-mcp (default mode, a key set)
// and for the floor (bench/cmd/barefloor), run alternately, and reads each one's idle RSS.
func coldstart(ctx context.Context, o *options) error {
	dir, err := os.MkdirTemp("", "buffer-mcp-coldstart-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	key := []string{"BUFFER_API_KEY=bench-not-a-real-key", "BUFFER_MCP_SANDBOX=", "BUFFER_MCP_TRANSPORT=", "BUFFER_API_URL="}
	type subject struct {
		name, pkg string
		link      bench.Linking
		tags      []string
		env       []string
		bin       string
		got       []bench.ColdStart
		rss       []int64 // idle VmRSS, from the memory pass
	}
	subjects := []*subject{
		{name: "buffer-mcp", pkg: "./cmd/buffer-mcp", env: key, bin: o.bin},
		// What the embedded sandbox of SPEC §6 costs every start, though no default-mode
		// start uses it.
		{name: "nosandbox", pkg: "./cmd/buffer-mcp", tags: []string{"nosandbox"}, env: key},
		{name: "barefloor", pkg: "./bench/cmd/barefloor"},
		// The floor with what the SPEC makes every buffer-mcp carry, one part at a time:
		// the tool definitions buffer-mcp offers by default; the HTTPS and GraphQL client
		// any server in front of Buffer needs (the proxy floor's); then the embedded
		// sandbox of SPEC §6 and the HTTP transports of §5. Each is linked, none is used
		// before tools/list.
		{name: "floor+defs", pkg: "./bench/cmd/barefloor", tags: []string{"floordefs"}},
		{name: "floor+defs+client", pkg: "./bench/cmd/barefloor", tags: []string{"floordefs", "floorproxy"}},
		{name: "floor+spec", pkg: "./bench/cmd/barefloor", tags: []string{"floordefs", "floorproxy", "floorsandbox", "floorhttp"}},
		// As a plain go build links them on a machine with a C compiler (libc and the
		// dynamic loader): what the README's CGO_ENABLED=0 saves.
		{name: "cgo", pkg: "./cmd/buffer-mcp", link: bench.WithCgo, env: key},
		{name: "floor cgo", pkg: "./bench/cmd/barefloor", link: bench.WithCgo},
	}
	for i, s := range subjects {
		if s.bin != "" {
			continue
		}
		if s.bin, err = bench.GoBuild(ctx, o.root, filepath.Join(dir, fmt.Sprintf("bin%d", i)), s.pkg, s.link, s.tags...); err != nil {
			return err
		}
	}
	runs := *coldRuns
	if o.rounds == 2 { // -quick
		runs = 3
	}
	fmt.Printf("== Cold start and idle memory, over stdio ==\n")
	fmt.Printf("how: %d fresh processes of each binary, alternating (one warm-up each first); the\n", runs)
	fmt.Printf("     clock runs from just before exec to the tools/list answer read in full, after\n")
	fmt.Printf("     initialize → answer → notifications/initialized, as a client does. Then, in a\n")
	fmt.Printf("     pass of %d more processes each, VmRSS from /proc after %s idle.\n", min(runs, *coldRSS), *coldSettle)
	fmt.Printf("     buffer-mcp runs in its default mode (stdio, Buffer's API, BUFFER_API_KEY set; no\n")
	fmt.Printf("     --sandbox; nothing reaches Buffer before a tool call); nosandbox is the same\n")
	fmt.Printf("     program built with -tags nosandbox. The floor is bench/cmd/barefloor: mcp-go\n")
	fmt.Printf("     v1.2.1's stdio server with eight mcp.NewTool tools and nothing else. floor+defs\n")
	fmt.Printf("     has buffer-mcp's default tool definitions instead (-tags floordefs); floor+defs+client\n")
	fmt.Printf("     also links an HTTPS and GraphQL client (floorproxy); floor+spec also the embedded\n")
	fmt.Printf("     sandbox and the HTTP transports (floorsandbox, floorhttp): the floor with what\n")
	fmt.Printf("     the SPEC puts in every buffer-mcp, linked, not run. All are static builds\n")
	fmt.Printf("     (CGO_ENABLED=0, as the README builds), except the two \"cgo\" rows: a plain go\n")
	fmt.Printf("     build on a machine with a C compiler, linked to libc. Figures: median [min–max].\n")
	if *coldOther != "" {
		subjects = append(subjects, &subject{name: "compared", bin: *coldOther, env: key})
		fmt.Printf("     compared: %s, run in turn with the others.\n", *coldOther)
	}
	// Timings first, every subject in turn with nothing in between, so that a round is
	// short and the machine's drift falls on all of them alike; then, in a pass of its
	// own, each one's idle memory.
	for i := -1; i < runs; i++ {
		for _, s := range subjects {
			c, err := bench.MeasureColdStart(ctx, s.bin, nil, s.env, 0)
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
			c, err := bench.MeasureColdStart(ctx, s.bin, nil, s.env, *coldSettle)
			if err != nil {
				return fmt.Errorf("%s: %w", s.name, err)
			}
			s.rss = append(s.rss, c.IdleRSS)
		}
	}
	fmt.Printf("\n  %-17s %5s %26s %26s %22s %8s\n", "", "tools", "spawn → initialize answer", "spawn → tools/list answer", "idle VmRSS", "(MB)")
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
		fmt.Printf("  %-17s %5d %23s ms %23s ms %18s MiB %8.1f\n", s.name, s.got[0].Tools, spread(init, "%.1f"), spread(list, "%.1f"), spread(rssMiB, "%.1f"), bench.Median(rssMiB)*(1<<20)/1e6)
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
	fmt.Printf("\ndifferences in spawn → tools/list, median of the rounds' differences:\n")
	fmt.Printf("  buffer-mcp − floor: %+.1f ms (target ≤ 3 ms); nosandbox − floor: %+.1f ms\n", diff("buffer-mcp", "barefloor"), diff("nosandbox", "barefloor"))
	fmt.Printf("  floor+spec − floor: %+.1f ms (definitions %+.1f, client %+.1f, sandbox and HTTP %+.1f)\n",
		diff("floor+spec", "barefloor"), diff("floor+defs", "barefloor"), diff("floor+defs+client", "floor+defs"), diff("floor+spec", "floor+defs+client"))
	fmt.Printf("  buffer-mcp − floor+spec: %+.1f ms (what buffer-mcp's own code costs a start)\n", diff("buffer-mcp", "floor+spec"))
	fmt.Printf("  linked with cgo: buffer-mcp − floor %+.1f ms; static − cgo: buffer-mcp %+.1f ms, floor %+.1f ms\n", diff("cgo", "floor cgo"), diff("buffer-mcp", "cgo"), diff("barefloor", "floor cgo"))
	fmt.Printf("  targets: spawn → tools/list ≤ 15 ms, idle RSS ≤ 15 MB\n")
	return nil
}
