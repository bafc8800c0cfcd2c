package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/buffer-mcp/buffer-mcp/bench"
)

// roundFigures are what one throughput round measured.
type roundFigures struct {
	rate, p50, p99     float64 // calls/s, ms, ms
	serverCPU, loadCPU float64 // cores busy on average: server process, this process
	otherCPU           float64 // cores busy with anything else on the machine
	serverUS, loadUS   float64 // CPU µs per call
}

// throughput: tool calls per second over Streamable HTTP from concurrent clients, first
// with mcp-go's clients as they are, then with their connections kept alive.
func throughput(ctx context.Context, o *options) error {
	fmt.Printf("== Tool calls over HTTP: %d concurrent clients, list_posts {\"first\":20}, sandbox ==\n", o.clients)
	fmt.Printf("server:  %s --sandbox --transport http --addr 127.0.0.1:0  (own process;\n", o.bin)
	fmt.Printf("         with --sandbox it also runs the fake Buffer API: its cost is the server's)\n")
	fmt.Printf("clients: %d mcp-go Streamable HTTP clients in this process, era %s, each initialized once,\n", o.clients, bench.ModernEra)
	fmt.Printf("         one goroutine and one connection pool each, calls back to back\n")
	fmt.Printf("rounds:  %s warm-up, then %d rounds of %s (at most %d calls each); figures are the\n", o.warmup, o.rounds, o.duration, o.maxCalls)
	fmt.Printf("         median over rounds [min–max]; latency is per call, as the client sees it;\n")
	fmt.Printf("         CPU from /proc/PID/stat and /proc/stat (10 ms ticks), in cores busy on average;\n")
	fmt.Printf("         \"other\" is the rest of the machine (loopback softirq, other processes)\n")
	for _, keepAlive := range []bool{false, true} {
		if err := throughputOf(ctx, o, keepAlive); err != nil {
			return err
		}
	}
	return nil
}

func throughputOf(ctx context.Context, o *options, keepAlive bool) error {
	if keepAlive {
		fmt.Printf("\n-- connections kept alive (each JSON answer read to its end before mcp-go sees it) --\n")
	} else {
		fmt.Printf("\n-- mcp-go v1.2.1 as it is: it drops the connection after each call (see bench.ConnectModern) --\n")
	}
	p, err := bench.Start(o.bin, "--sandbox", "--transport", "http", "--addr", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer p.Stop()
	clients, err := bench.ConnectModern(ctx, p.URL, o.clients, keepAlive)
	if err != nil {
		return err
	}
	defer bench.CloseAll(clients)

	warm := bench.RunLoad(ctx, clients, bench.ListPosts20, bench.Limit{Calls: o.maxCalls, Duration: o.warmup})
	if warm.Failed > 0 {
		return fmt.Errorf("warm-up: %d calls failed: %w", warm.Failed, warm.FirstErr)
	}
	rssBefore, err := bench.RSS(p.PID)
	if err != nil {
		return err
	}
	var rounds []roundFigures
	total := 0
	fmt.Printf("  round   calls/s    p50 ms   p99 ms   server CPU  client CPU  other CPU   server µs/call  client µs/call\n")
	for i := range o.rounds {
		s0, err1 := bench.CPUTime(p.PID)
		c0, err2 := bench.CPUTime(os.Getpid())
		m0, err3 := bench.MachineCPU()
		res := bench.RunLoad(ctx, clients, bench.ListPosts20, bench.Limit{Calls: o.maxCalls, Duration: o.duration})
		s1, err4 := bench.CPUTime(p.PID)
		c1, err5 := bench.CPUTime(os.Getpid())
		m1, err6 := bench.MachineCPU()
		for _, err := range []error{err1, err2, err3, err4, err5, err6} {
			if err != nil {
				return err
			}
		}
		if res.Failed > 0 {
			return fmt.Errorf("round %d: %d calls failed: %w", i+1, res.Failed, res.FirstErr)
		}
		total += res.Calls
		secs := res.Elapsed.Seconds()
		r := roundFigures{
			rate:      res.PerSecond(),
			p50:       ms(bench.Percentile(res.Latencies, 50)),
			p99:       ms(bench.Percentile(res.Latencies, 99)),
			serverCPU: (s1 - s0).Seconds() / secs,
			loadCPU:   (c1 - c0).Seconds() / secs,
			otherCPU:  max(0, (m1-m0)-(s1-s0)-(c1-c0)).Seconds() / secs,
			serverUS:  float64((s1 - s0).Microseconds()) / float64(res.Calls),
			loadUS:    float64((c1 - c0).Microseconds()) / float64(res.Calls),
		}
		rounds = append(rounds, r)
		fmt.Printf("  %5d  %8.0f  %8.2f %8.2f   %6.2f      %6.2f      %6.2f     %10.0f      %10.0f\n",
			i+1, r.rate, r.p50, r.p99, r.serverCPU, r.loadCPU, r.otherCPU, r.serverUS, r.loadUS)
	}
	rssAfter, err := bench.RSS(p.PID)
	if err != nil {
		return err
	}
	pick := func(f func(roundFigures) float64) []float64 {
		var xs []float64
		for _, r := range rounds {
			xs = append(xs, f(r))
		}
		return xs
	}
	serverUS := pick(func(r roundFigures) float64 { return r.serverUS })
	loadUS := pick(func(r roundFigures) float64 { return r.loadUS })
	cores := float64(numCPU())
	fmt.Printf("  calls/s      %s\n", spread(pick(func(r roundFigures) float64 { return r.rate }), "%.0f"))
	fmt.Printf("  p50 latency  %s ms\n", spread(pick(func(r roundFigures) float64 { return r.p50 }), "%.2f"))
	fmt.Printf("  p99 latency  %s ms\n", spread(pick(func(r roundFigures) float64 { return r.p99 }), "%.2f"))
	fmt.Printf("  CPU, cores   server %s, clients %s, other %s (of %.0f)\n",
		spread(pick(func(r roundFigures) float64 { return r.serverCPU }), "%.2f"),
		spread(pick(func(r roundFigures) float64 { return r.loadCPU }), "%.2f"),
		spread(pick(func(r roundFigures) float64 { return r.otherCPU }), "%.2f"), cores)
	fmt.Printf("  CPU per call server %s µs, clients %s µs\n", spread(serverUS, "%.0f"), spread(loadUS, "%.0f"))
	fmt.Printf("  CPU-bound ceiling, from the medians: %.0f calls/s with clients and server sharing %.0f cores,\n",
		cores*1e6/(bench.Median(serverUS)+bench.Median(loadUS)), cores)
	fmt.Printf("               %.0f calls/s for the server alone on %.0f cores\n", cores*1e6/bench.Median(serverUS), cores)
	fmt.Printf("  server RSS   %s after warm-up, %s after %d more calls\n", mib(float64(rssBefore)), mib(float64(rssAfter)), total)
	bench.CloseAll(clients)
	return p.Stop()
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
