package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/buffer-mcp/buffer-mcp/bench"
)

var overheadCalls = flag.Int("overhead-calls", 400, "overhead: calls through the server, and as many straight to the sandbox")

func init() { figures = append(figures, figure{"overhead", overhead}) }

// overhead is what the server adds to one list_posts over stdio, against the sandbox on
// loopback, compared with the same GraphQL request sent straight to the sandbox.
func overhead(ctx context.Context, o *options) error {
	dir, err := os.MkdirTemp("", "buffer-mcp-overhead-")
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
	n, warm := *overheadCalls, 50
	if o.rounds == 2 { // -quick
		n, warm = 40, 5
	}
	fmt.Printf("== Overhead per call, over stdio ==\n")
	fmt.Printf("how: `buffer-mcp sandbox --addr 127.0.0.1:0` is the fake Buffer, in a process of its\n")
	fmt.Printf("     own; buffer-mcp (stdio, BUFFER_API_URL at the sandbox) answers tools/call\n")
	fmt.Printf("     list_posts {organizationId, first: 20}, timed from writing the request to reading\n")
	fmt.Printf("     the answer's line. Alternating with it, the same ListPosts request (genqlient's\n")
	fmt.Printf("     plain client, one keep-alive connection) goes straight to the sandbox. %d warm-up\n", warm)
	fmt.Printf("     calls of each, then %d of each; median [p10–p90].\n", n)
	r, err := bench.MeasureOverhead(ctx, bin, n, warm)
	if err != nil {
		return err
	}
	ms := func(xs []float64) string {
		return fmt.Sprintf("%.3f [%.3f–%.3f] ms", bench.Median(xs), bench.Percentile(xs, 10), bench.Percentile(xs, 90))
	}
	var via, direct []float64
	for i := range r.ViaServer {
		via = append(via, float64(r.ViaServer[i].Nanoseconds())/1e6)
		direct = append(direct, float64(r.Direct[i].Nanoseconds())/1e6)
	}
	fmt.Printf("\n  through buffer-mcp over stdio  %s\n", ms(via))
	fmt.Printf("  straight to the sandbox        %s\n", ms(direct))
	fmt.Printf("  added by buffer-mcp (medians)  %.3f ms (target ≤ 0.5 ms)\n", bench.Median(via)-bench.Median(direct))
	fmt.Printf("\nfloor: tools/call on bench/cmd/barefloor (bare mcp-go) over stdio, %d calls after %d\n", n, warm)
	fmt.Printf("warm: the protocol, pipes and process hops alone, for a tool answering \"ok\" and for\n")
	fmt.Printf("list_posts answering a fixed page as large as buffer-mcp's (barefloor -page)\n")
	for _, page := range []bool{false, true} {
		fl, err := bench.MeasureStdioFloor(ctx, floor, page, n, warm)
		if err != nil {
			return fmt.Errorf("barefloor: %w", err)
		}
		var fms []float64
		for _, d := range fl {
			fms = append(fms, float64(d.Nanoseconds())/1e6)
		}
		label := "answering \"ok\"     "
		if page {
			label = "answering the page "
		}
		fmt.Printf("  bare mcp-go, %s %s\n", label, ms(fms))
	}
	return nil
}
