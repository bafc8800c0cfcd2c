package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/buffer-mcp/buffer-mcp/bench"
)

var (
	overheadCalls   = flag.Int("overhead-calls", 400, "overhead: calls through the server, and as many straight to the sandbox")
	overheadCompare = flag.String("overhead-compare", "", "overhead: another buffer-mcp binary to call in the same rounds (e.g. an older build)")
)

// overhead is what the server adds to one list_posts over stdio, against the sandbox on
// loopback, compared with the same GraphQL request sent straight to the sandbox; and,
// with -overhead-compare, what another build adds, measured in the same rounds.
func overhead(ctx context.Context, o *options) error {
	n, warm := *overheadCalls, 50
	if o.quick {
		n, warm = 40, 5
	}
	fmt.Printf("== Overhead per call, over stdio ==\n")
	fmt.Printf("how: `buffer-mcp sandbox --addr 127.0.0.1:0` is the fake Buffer, in a process of its\n")
	fmt.Printf("     own; buffer-mcp (stdio, BUFFER_API_URL at the sandbox) answers tools/call\n")
	fmt.Printf("     list_posts {organizationId, first: 20}, timed from writing the request to reading\n")
	fmt.Printf("     the answer's line. The same ListPosts request also goes straight to the sandbox\n")
	fmt.Printf("     (genqlient's plain client, one keep-alive connection). They take turns call by call,\n")
	fmt.Printf("     each round starting with the next; %d warm-up rounds, then %d; median [p10–p90].\n", warm, n)
	if *overheadCompare != "" {
		fmt.Printf("     compared: %s, in the same mode against the same\n", *overheadCompare)
		fmt.Printf("     sandbox, in the same rounds.\n")
	}
	r, err := bench.MeasureOverhead(ctx, o.bin, *overheadCompare, n, warm)
	if err != nil {
		return err
	}
	via, direct := millis(r.ViaServer), millis(r.Direct)
	added := bench.Median(via) - bench.Median(direct)
	fmt.Printf("\n  through buffer-mcp over stdio       %s\n", medianP10P90(via))
	if *overheadCompare != "" {
		fmt.Printf("  through the compared build          %s\n", medianP10P90(millis(r.ViaCompared)))
	}
	fmt.Printf("  straight to the sandbox             %s\n", medianP10P90(direct))
	fmt.Printf("  added by buffer-mcp (medians)       %.3f ms (target ≤ 0.5 ms)\n", added)
	if *overheadCompare != "" {
		cmpAdded := bench.Median(millis(r.ViaCompared)) - bench.Median(direct)
		fmt.Printf("  added by the compared build         %.3f ms\n", cmpAdded)
		fmt.Printf("  buffer-mcp − compared               %+.3f ms\n", added-cmpAdded)
	}
	fmt.Printf("  one answer: %.1f KB, %d posts\n", float64(r.ServerAnswer.Bytes)/1e3, r.ServerAnswer.Posts)
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
