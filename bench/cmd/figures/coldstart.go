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
	bin := o.bin
	if bin == "" {
		if bin, err = bench.Build(ctx, o.root, dir); err != nil {
			return err
		}
	}
	floor, err := bench.GoBuild(ctx, o.root, filepath.Join(dir, "barefloor"), "./bench/cmd/barefloor", bench.Static)
	if err != nil {
		return err
	}
	// The same program without the sandbox (go build -tags nosandbox): what the embedded
	// sandbox of SPEC §6 costs every start, though no default-mode start uses it.
	lean, err := bench.GoBuild(ctx, o.root, filepath.Join(dir, "buffer-mcp-nosandbox"), "./cmd/buffer-mcp", bench.Static, "nosandbox")
	if err != nil {
		return err
	}
	// Both again as a plain go build links them on a machine with a C compiler (libc and
	// the dynamic loader): what the README's CGO_ENABLED=0 saves.
	cgo, err := bench.GoBuild(ctx, o.root, filepath.Join(dir, "buffer-mcp-cgo"), "./cmd/buffer-mcp", bench.WithCgo)
	if err != nil {
		return err
	}
	floorCgo, err := bench.GoBuild(ctx, o.root, filepath.Join(dir, "barefloor-cgo"), "./bench/cmd/barefloor", bench.WithCgo)
	if err != nil {
		return err
	}
	runs := *coldRuns
	if o.rounds == 2 { // -quick
		runs = 3
	}
	fmt.Printf("== Cold start and idle memory, over stdio ==\n")
	fmt.Printf("how: %d fresh processes of each binary, alternating (one warm-up each first); the\n", runs)
	fmt.Printf("     clock runs from just before exec to the tools/list answer read in full, after\n")
	fmt.Printf("     initialize → answer → notifications/initialized, as a client does; then %s\n", *coldSettle)
	fmt.Printf("     idle and VmRSS from /proc. buffer-mcp runs in its default mode (stdio, Buffer's\n")
	fmt.Printf("     API, BUFFER_API_KEY set; no --sandbox; nothing reaches Buffer before a tool call).\n")
	fmt.Printf("     The floor is bench/cmd/barefloor: mcp-go v1.2.1's stdio server with eight\n")
	fmt.Printf("     mcp.NewTool tools and nothing else. nosandbox is buffer-mcp built with -tags\n")
	fmt.Printf("     nosandbox (no embedded sandbox). All are static builds (CGO_ENABLED=0, as the\n")
	fmt.Printf("     README builds), except the two \"cgo\" rows: a plain go build on a machine with a\n")
	fmt.Printf("     C compiler, linked to libc. Figures: median [min–max].\n")
	type subject struct {
		name string
		bin  string
		env  []string
		got  []bench.ColdStart
	}
	subjects := []*subject{
		{name: "buffer-mcp", bin: bin, env: []string{"BUFFER_API_KEY=bench-not-a-real-key", "BUFFER_MCP_SANDBOX=", "BUFFER_MCP_TRANSPORT=", "BUFFER_API_URL="}},
		{name: "nosandbox", bin: lean},
		{name: "barefloor", bin: floor},
		{name: "cgo", bin: cgo},
		{name: "floor cgo", bin: floorCgo},
	}
	subjects[1].env, subjects[3].env = subjects[0].env, subjects[0].env
	if *coldOther != "" {
		subjects = append(subjects, &subject{name: "compared", bin: *coldOther, env: subjects[0].env})
		fmt.Printf("     compared: %s, run in turn with the others.\n", *coldOther)
	}
	for i := -1; i < runs; i++ {
		for _, s := range subjects {
			c, err := bench.MeasureColdStart(ctx, s.bin, nil, s.env, *coldSettle)
			if err != nil {
				return fmt.Errorf("%s: %w", s.name, err)
			}
			if i >= 0 {
				s.got = append(s.got, c)
			}
		}
	}
	fmt.Printf("\n  %-11s %5s %26s %26s %22s %8s\n", "", "tools", "spawn → initialize answer", "spawn → tools/list answer", "idle VmRSS", "(MB)")
	med := map[string]float64{}
	for _, s := range subjects {
		var init, list []float64
		var rss []int64
		for _, c := range s.got {
			init = append(init, float64(c.ToInitialize.Microseconds())/1000)
			list = append(list, float64(c.ToToolsList.Microseconds())/1000)
			rss = append(rss, c.IdleRSS)
		}
		med[s.name] = bench.Median(list)
		var rssMiB []float64
		for _, r := range rss {
			rssMiB = append(rssMiB, float64(r)/(1<<20))
		}
		fmt.Printf("  %-11s %5d %23s ms %23s ms %18s MiB %8.1f\n", s.name, s.got[0].Tools, spread(init, "%.1f"), spread(list, "%.1f"), spread(rssMiB, "%.1f"), bench.Median(rssMiB)*(1<<20)/1e6)
	}
	fmt.Printf("\n  buffer-mcp − floor, spawn → tools/list: %+.1f ms (target ≤ 3 ms); nosandbox − floor: %+.1f ms\n", med["buffer-mcp"]-med["barefloor"], med["nosandbox"]-med["barefloor"])
	fmt.Printf("  linked with cgo: buffer-mcp − floor %+.1f ms; static − cgo: buffer-mcp %+.1f ms, floor %+.1f ms\n", med["cgo"]-med["floor cgo"], med["buffer-mcp"]-med["cgo"], med["barefloor"]-med["floor cgo"])
	fmt.Printf("  targets: spawn → tools/list ≤ 15 ms, idle RSS ≤ 15 MB\n")
	return nil
}
