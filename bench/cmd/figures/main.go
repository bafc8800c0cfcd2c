// Command figures measures buffer-mcp and prints every figure with how it was measured:
//
//	go run ./bench/cmd/figures            # everything (a few minutes)
//	go run ./bench/cmd/figures -quick     # the same, small and short, to see it work
//	go run ./bench/cmd/figures -only throughput,sessions
//
// Whole-process figures drive the real binary (go build ./cmd/buffer-mcp, no -race) in a
// process of its own on a 127.0.0.1 port; in-process figures are the Go benchmarks of
// package bench, run with go test -bench and summarized here. See bench/README.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/buffer-mcp/buffer-mcp/bench"
)

// figure is one section of the report.
type figure struct {
	name string
	run  func(ctx context.Context, o *options) error
}

var figures = []figure{
	{"throughput", throughput},
	{"sessions", sessions},
	{"inprocess", inprocess},
}

// options are the flags; each bounds a loop in count or in time.
type options struct {
	only          string
	bin           string
	clients       int
	rounds        int
	duration      time.Duration
	warmup        time.Duration
	maxCalls      int
	sessionCounts []int
	sessionRounds int
	benchtime     string
	benchCount    int
	probe         string

	root string // the module's directory
}

func main() {
	o := &options{}
	flag.StringVar(&o.only, "only", "", "comma-separated figures to run (default all): "+names())
	flag.StringVar(&o.bin, "bin", "", "a buffer-mcp binary to measure (default: go build ./cmd/buffer-mcp)")
	flag.IntVar(&o.clients, "clients", 32, "throughput: concurrent MCP clients")
	flag.IntVar(&o.rounds, "rounds", 5, "throughput: measured rounds (figures are medians over rounds)")
	flag.DurationVar(&o.duration, "duration", 5*time.Second, "throughput: length of one round")
	flag.DurationVar(&o.warmup, "warmup", 2*time.Second, "throughput: unmeasured load before the rounds")
	flag.IntVar(&o.maxCalls, "max-calls", 1_000_000, "throughput: most calls in one round")
	counts := flag.String("sessions", "100,200,500", "sessions: numbers of idle sessions to hold open")
	flag.IntVar(&o.sessionRounds, "session-rounds", 5, "sessions: rounds, each on a fresh server")
	flag.StringVar(&o.benchtime, "benchtime", "2s", "inprocess: go test -benchtime")
	flag.IntVar(&o.benchCount, "count", 5, "inprocess: go test -count (figures are medians over runs)")
	quick := flag.Bool("quick", false, "small and short: to check that everything runs, not for figures")
	flag.StringVar(&o.probe, "probe", "", "internal: serve as a memory probe for transport http or sse")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if o.probe != "" {
		if err := bench.ServeProbe(ctx, o.probe, os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "probe:", err)
			os.Exit(1)
		}
		return
	}
	if *quick {
		o.rounds, o.duration, o.warmup, o.sessionRounds = 2, time.Second, 500*time.Millisecond, 2
		*counts, o.benchtime, o.benchCount = "20,50", "200x", 1
	}
	for _, s := range strings.Split(*counts, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fatalf("-sessions: %q is not a positive count", s)
		}
		o.sessionCounts = append(o.sessionCounts, n)
	}
	slices.Sort(o.sessionCounts)
	if err := run(ctx, o); err != nil {
		fatalf("%v", err)
	}
}

func run(ctx context.Context, o *options) error {
	// Everything is bounded on its own; this is the backstop.
	ctx, cancel := context.WithTimeout(ctx, time.Hour)
	defer cancel()
	var err error
	if o.root, err = bench.ModuleRoot(ctx); err != nil {
		return err
	}
	selected := map[string]bool{}
	for _, name := range strings.Split(o.only, ",") {
		if name = strings.TrimSpace(name); name != "" {
			if !slices.ContainsFunc(figures, func(f figure) bool { return f.name == name }) {
				return fmt.Errorf("-only: no figure %q; the figures are %s", name, names())
			}
			selected[name] = true
		}
	}
	needBinary := len(selected) == 0 || selected["throughput"] || selected["sessions"]
	if o.bin == "" && needBinary {
		dir, err := os.MkdirTemp("", "buffer-mcp-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		if o.bin, err = bench.Build(ctx, o.root, dir); err != nil {
			return err
		}
	}
	fmt.Printf("buffer-mcp figures — %s, %s/%s, %d CPUs, %s\n", time.Now().Format(time.DateTime), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Printf("load average before: %s (1, 5, 15 min): other work on the machine skews timings\n", strings.Join(strings.Fields(string(load))[:3], " "))
	}
	for _, f := range figures {
		if len(selected) > 0 && !selected[f.name] {
			continue
		}
		fmt.Println()
		if err := f.run(ctx, o); err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
	}
	return nil
}

func names() string {
	var ns []string
	for _, f := range figures {
		ns = append(ns, f.name)
	}
	return strings.Join(ns, ", ")
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "figures: "+format+"\n", args...)
	os.Exit(1)
}

// mib formats bytes as MiB.
func mib(b float64) string { return fmt.Sprintf("%.1f MiB", b/(1<<20)) }

func numCPU() int { return runtime.NumCPU() }
