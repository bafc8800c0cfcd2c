package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/buffer-mcp/buffer-mcp/bench"
)

var (
	tputClients = flag.String("throughput-clients", "lean,mcp-go", "throughput: the clients to load buffer-mcp with, in turn: "+
		"lean (plain net/http), mcp-go (mcp-go's client, connections kept alive), mcp-go-as-is (a new connection per call)")
	tputCompare = flag.String("throughput-compare", "", "throughput: another buffer-mcp binary to load alongside with the lean clients (e.g. an older build)")
)

// variant is one way of loading a server: its own server process and clients.
type variant struct {
	name    string
	clients string // lean, mcp-go or mcp-go-as-is
	args    []string
	proc    *bench.Proc
	callers []bench.Caller
	rounds  []roundFigures
	calls   int   // measured calls, all rounds
	rssWarm int64 // server RSS after the warm-up
}

// roundFigures are what one round measured.
type roundFigures struct {
	rate, p50, p99     float64 // calls/s, ms, ms
	serverCPU, loadCPU float64 // cores busy on average: server process, this process
	otherCPU           float64 // cores busy with anything else on the machine
	serverUS, loadUS   float64 // CPU µs per call
}

// throughput: tool calls per second over Streamable HTTP from concurrent clients. Each
// variant has a server of its own, and they take turns, round by round, so that drift and
// other work on the machine fall on all alike.
func throughput(ctx context.Context, o *options) error {
	variants, cleanup, err := throughputVariants(ctx, o)
	defer cleanup()
	if err != nil {
		return err
	}
	fmt.Printf("== Tool calls over HTTP: %d concurrent clients, list_posts {\"first\":20}, sandbox ==\n", o.clients)
	fmt.Printf("server:  %s --sandbox --transport http --addr 127.0.0.1:0  (own process;\n", o.bin)
	fmt.Printf("         with --sandbox it also runs the fake Buffer API: its cost is the server's)\n")
	fmt.Printf("clients: %d clients in this process, era %s, one goroutine and one keep-alive\n", o.clients, bench.ModernEra)
	fmt.Printf("         connection pool each, calls back to back. lean = plain net/http POSTs of tools/call\n")
	fmt.Printf("         with the headers and _meta mcp-go's client sends, each answer read whole and\n")
	fmt.Printf("         checked (status, id, not isError) but not decoded; mcp-go = mcp-go's Streamable\n")
	fmt.Printf("         HTTP client (initialized once), each JSON answer read to its end so that its\n")
	fmt.Printf("         connection is reused (v1.2.1 drops it otherwise: mcp-go-as-is)\n")
	if *tputCompare != "" {
		fmt.Printf("compared: %s, the same way, lean clients\n", *tputCompare)
	}
	fmt.Printf("rounds:  %s warm-up each, then %d rounds of %s per variant (at most %d calls each);\n", o.warmup, o.rounds, o.duration, o.maxCalls)
	fmt.Printf("         figures are the median over rounds [min–max]; latency is per call, as the\n")
	fmt.Printf("         client sees it; CPU from /proc/PID/stat and /proc/stat (10 ms ticks), in cores\n")
	fmt.Printf("         busy on average; other = the rest of the machine (other processes, softirq)\n")

	fmt.Printf("\n  round  variant            calls/s    p50 ms   p99 ms   server CPU  client CPU  other CPU   server µs/call  client µs/call\n")
	for i := range o.rounds {
		for _, v := range variants {
			r, err := round(ctx, o, v)
			if err != nil {
				return fmt.Errorf("round %d, %s: %w", i+1, v.name, err)
			}
			v.rounds = append(v.rounds, r)
			fmt.Printf("  %5d  %-17s %8.0f  %8.2f %8.2f   %6.2f      %6.2f      %6.2f     %10.0f      %10.0f\n",
				i+1, v.name, r.rate, r.p50, r.p99, r.serverCPU, r.loadCPU, r.otherCPU, r.serverUS, r.loadUS)
		}
	}
	for _, v := range variants {
		if err := summarize(v); err != nil {
			return err
		}
	}
	return nil
}

// throughputVariants starts a server for each variant, connects its clients and warms it
// up. cleanup stops them all.
func throughputVariants(ctx context.Context, o *options) ([]*variant, func(), error) {
	sandbox := []string{"--sandbox", "--transport", "http", "--addr", "127.0.0.1:0"}
	var variants []*variant
	cleanup := func() {
		for _, v := range variants {
			bench.CloseAll(v.callers)
			if v.proc != nil {
				_ = v.proc.Stop()
			}
		}
	}
	for _, c := range strings.Split(*tputClients, ",") {
		switch c = strings.TrimSpace(c); c {
		case "lean", "mcp-go", "mcp-go-as-is":
			variants = append(variants, &variant{name: c, clients: c, args: append([]string{o.bin}, sandbox...)})
		default:
			return nil, cleanup, fmt.Errorf("-throughput-clients: no clients %q (lean, mcp-go, mcp-go-as-is)", c)
		}
	}
	if *tputCompare != "" {
		variants = append(variants, &variant{name: "compared, lean", clients: "lean", args: append([]string{*tputCompare}, sandbox...)})
	}
	for _, v := range variants {
		var err error
		if v.proc, err = bench.Start(v.args[0], v.args[1:]...); err != nil {
			return variants, cleanup, err
		}
		switch v.clients {
		case "lean":
			v.callers = bench.ConnectLean(v.proc.URL, o.clients)
		default:
			v.callers, err = bench.ConnectModern(ctx, v.proc.URL, o.clients, v.clients == "mcp-go")
		}
		if err != nil {
			return variants, cleanup, err
		}
		warm := bench.RunLoad(ctx, v.callers, bench.ListPosts20, bench.Limit{Calls: o.maxCalls, Duration: o.warmup})
		if warm.Failed > 0 {
			return variants, cleanup, fmt.Errorf("%s warm-up: %d calls failed: %w", v.name, warm.Failed, warm.FirstErr)
		}
		if v.rssWarm, err = bench.RSS(v.proc.PID); err != nil {
			return variants, cleanup, err
		}
	}
	return variants, cleanup, nil
}

// round loads v's server for one round and measures it.
func round(ctx context.Context, o *options, v *variant) (roundFigures, error) {
	s0, err1 := bench.CPUTime(v.proc.PID)
	c0, err2 := bench.CPUTime(os.Getpid())
	m0, err3 := bench.MachineCPU()
	res := bench.RunLoad(ctx, v.callers, bench.ListPosts20, bench.Limit{Calls: o.maxCalls, Duration: o.duration})
	s1, err4 := bench.CPUTime(v.proc.PID)
	c1, err5 := bench.CPUTime(os.Getpid())
	m1, err6 := bench.MachineCPU()
	for _, err := range []error{err1, err2, err3, err4, err5, err6} {
		if err != nil {
			return roundFigures{}, err
		}
	}
	if res.Failed > 0 {
		return roundFigures{}, fmt.Errorf("%d calls failed: %w", res.Failed, res.FirstErr)
	}
	v.calls += res.Calls
	secs := res.Elapsed.Seconds()
	return roundFigures{
		rate:      res.PerSecond(),
		p50:       ms(bench.Percentile(res.Latencies, 50)),
		p99:       ms(bench.Percentile(res.Latencies, 99)),
		serverCPU: (s1 - s0).Seconds() / secs,
		loadCPU:   (c1 - c0).Seconds() / secs,
		otherCPU:  max(0, (m1-m0)-(s1-s0)-(c1-c0)).Seconds() / secs,
		serverUS:  float64((s1 - s0).Microseconds()) / float64(res.Calls),
		loadUS:    float64((c1 - c0).Microseconds()) / float64(res.Calls),
	}, nil
}

// summarize prints v's medians over rounds.
func summarize(v *variant) error {
	pick := func(f func(roundFigures) float64) []float64 {
		var xs []float64
		for _, r := range v.rounds {
			xs = append(xs, f(r))
		}
		return xs
	}
	rss, err := bench.RSS(v.proc.PID)
	if err != nil {
		return err
	}
	serverUS := pick(func(r roundFigures) float64 { return r.serverUS })
	loadUS := pick(func(r roundFigures) float64 { return r.loadUS })
	other := pick(func(r roundFigures) float64 { return r.otherCPU })
	cores := float64(numCPU())
	fmt.Printf("\n  %s\n", v.name)
	fmt.Printf("    calls/s      %s\n", spread(pick(func(r roundFigures) float64 { return r.rate }), "%.0f"))
	fmt.Printf("    p50 latency  %s ms\n", spread(pick(func(r roundFigures) float64 { return r.p50 }), "%.2f"))
	fmt.Printf("    p99 latency  %s ms\n", spread(pick(func(r roundFigures) float64 { return r.p99 }), "%.2f"))
	fmt.Printf("    CPU, cores   server %s, clients %s, other %s (of %.0f)\n",
		spread(pick(func(r roundFigures) float64 { return r.serverCPU }), "%.2f"),
		spread(pick(func(r roundFigures) float64 { return r.loadCPU }), "%.2f"), spread(other, "%.2f"), cores)
	fmt.Printf("    CPU per call server %s µs, clients %s µs\n", spread(serverUS, "%.0f"), spread(loadUS, "%.0f"))
	fmt.Printf("    CPU-bound ceiling from these medians: %.0f calls/s with clients and server sharing\n",
		cores*1e6/(bench.Median(serverUS)+bench.Median(loadUS)))
	fmt.Printf("                 %.0f cores; %.0f calls/s for the server alone on them\n", cores, cores*1e6/bench.Median(serverUS))
	fmt.Printf("    server RSS   %s after warm-up, %s after %d more calls\n", mib(float64(v.rssWarm)), mib(float64(rss)), v.calls)
	if bench.Median(other) > 0.1 {
		fmt.Printf("    note: other work used %.2f cores (median): these timings are low\n", bench.Median(other))
	}
	return nil
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }

// spread formats the median of xs and its range.
func spread(xs []float64, format string) string {
	if len(xs) == 0 {
		return "-"
	}
	lo, hi := xs[0], xs[0]
	for _, x := range xs {
		lo, hi = min(lo, x), max(hi, x)
	}
	return fmt.Sprintf(format+" ["+format+"–"+format+"]", bench.Median(xs), lo, hi)
}
