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

var overheadCalls = flag.Int("overhead-calls", 400, "overhead: calls through the server, and as many straight to the sandbox")

func init() { figures = append(figures, figure{"overhead", overhead}) }

// overhead is what the server adds to one list_posts over stdio, against the sandbox on
// loopback, compared with the same GraphQL request sent straight to the sandbox; and what
// a bare mcp-go server that forwards that request adds, measured in the same rounds.
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
	floorProxy, err := bench.GoBuild(ctx, o.root, filepath.Join(dir, "barefloor-proxy"), "./bench/cmd/barefloor", bench.Static, "floorproxy")
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
	fmt.Printf("     the answer's line. The floor proxy (bench/cmd/barefloor -proxy, -tags floorproxy)\n")
	fmt.Printf("     is bare mcp-go whose list_posts sends buffer-mcp's ListPosts request to the sandbox\n")
	fmt.Printf("     (one keep-alive connection) and answers the posts as they came, as structured\n")
	fmt.Printf("     content and text. The same ListPosts request also goes straight to the sandbox\n")
	fmt.Printf("     (genqlient's plain client, one keep-alive connection). The three take turns call by\n")
	fmt.Printf("     call, each round starting with the next; %d warm-up rounds, then %d; median [p10–p90].\n", warm, n)
	r, err := bench.MeasureOverhead(ctx, bin, floorProxy, n, warm)
	if err != nil {
		return err
	}
	via, proxy, direct := millis(r.ViaServer), millis(r.FloorProxy), millis(r.Direct)
	added, proxyAdded := bench.Median(via)-bench.Median(direct), bench.Median(proxy)-bench.Median(direct)
	fmt.Printf("\n  through buffer-mcp over stdio       %s\n", medianP10P90(via))
	fmt.Printf("  through the floor proxy over stdio  %s\n", medianP10P90(proxy))
	fmt.Printf("  straight to the sandbox             %s\n", medianP10P90(direct))
	fmt.Printf("  added by buffer-mcp (medians)       %.3f ms (target ≤ 0.5 ms)\n", added)
	fmt.Printf("  added by the floor proxy (medians)  %.3f ms\n", proxyAdded)
	fmt.Printf("  buffer-mcp − floor proxy            %+.3f ms\n", added-proxyAdded)
	fmt.Printf("  one answer: buffer-mcp %.1f KB, the floor proxy %.1f KB, %d posts each\n",
		float64(r.ServerAnswer.Bytes)/1e3, float64(r.FloorProxyAnswer.Bytes)/1e3, r.ServerAnswer.Posts)

	fmt.Printf("\nfloor: tools/call on bench/cmd/barefloor (bare mcp-go) over stdio, %d calls after %d\n", n, warm)
	fmt.Printf("warm, no upstream: the protocol, pipes and process hops alone, for a tool answering\n")
	fmt.Printf("\"ok\" and for list_posts answering a fixed page as large as buffer-mcp's (barefloor -page)\n")
	for _, page := range []bool{false, true} {
		fl, err := bench.MeasureStdioFloor(ctx, floor, page, n, warm)
		if err != nil {
			return fmt.Errorf("barefloor: %w", err)
		}
		label := "answering \"ok\"     "
		if page {
			label = "answering the page "
		}
		fmt.Printf("  bare mcp-go, %s %s\n", label, medianP10P90(millis(fl)))
	}
	return nil
}

// millis converts durations to milliseconds.
func millis(ds []time.Duration) []float64 {
	xs := make([]float64, len(ds))
	for i, d := range ds {
		xs[i] = ms(d)
	}
	return xs
}

// medianP10P90 formats the median of xs (milliseconds) and its 10th and 90th percentiles.
func medianP10P90(xs []float64) string {
	return fmt.Sprintf("%.3f [%.3f–%.3f] ms", bench.Median(xs), bench.Percentile(xs, 10), bench.Percentile(xs, 90))
}
