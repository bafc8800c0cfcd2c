// Command figures measures buffer-mcp and prints every figure with how it was measured.
// From bench/, the module it belongs to:
//
//	go run ./cmd/figures                          # everything (about 6 minutes on 2 cores)
//	go run ./cmd/figures -quick                   # the same, small and short, to see it work
//	go run ./cmd/figures -only coldstart,tokens
//
// Whole-process figures drive the real binary (go build ./cmd/buffer-mcp of the product
// module, as the README builds it, no -race) in a process of its own; in-process figures
// are the Go benchmarks of package bench, run with go test -bench and summarized here.
// See bench/README.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"slices"
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

// figures are the sections of the report, in the order they run: the five targets of
// BENCHMARKS.md, then the in-process benchmarks.
var figures = []figure{
	{"coldstart", coldstart},
	{"overhead", overhead},
	{"throughput", throughput},
	{"tokens", tokens},
	{"requests", requests},
	{"inprocess", inprocess},
}

// options are the flags; each bounds a loop in count or in time.
type options struct {
	only       string
	bin        string
	quick      bool
	clients    int
	rounds     int
	duration   time.Duration
	warmup     time.Duration
	maxCalls   int
	benchtime  string
	benchCount int

	root     string // the product module's directory, where ./cmd/buffer-mcp is built
	benchDir string // this module's directory, where the Go benchmarks run
}

func main() {
	o := &options{}
	flag.StringVar(&o.only, "only", "", "comma-separated figures to run (default all): "+names())
	flag.StringVar(&o.bin, "bin", "", "a buffer-mcp binary to measure (default: go build ./cmd/buffer-mcp of the product module)")
	flag.IntVar(&o.clients, "clients", 32, "throughput: concurrent MCP clients")
	flag.IntVar(&o.rounds, "rounds", 5, "throughput: measured rounds (figures are medians over rounds)")
	flag.DurationVar(&o.duration, "duration", 5*time.Second, "throughput: length of one round")
	flag.DurationVar(&o.warmup, "warmup", 2*time.Second, "throughput: unmeasured load before the rounds")
	flag.IntVar(&o.maxCalls, "max-calls", 1_000_000, "throughput: most calls in one round")
	flag.StringVar(&o.benchtime, "benchtime", "2s", "inprocess: go test -benchtime")
	flag.IntVar(&o.benchCount, "count", 5, "inprocess: go test -count (figures are medians over runs)")
	flag.BoolVar(&o.quick, "quick", false, "small and short: to check that everything runs, not for figures")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if o.quick {
		o.rounds, o.duration, o.warmup = 2, time.Second, 500*time.Millisecond
		o.benchtime, o.benchCount = "200x", 1
	}
	if err := run(ctx, o); err != nil {
		fatalf("%v", err)
	}
}

func run(ctx context.Context, o *options) error {
	// Everything is bounded on its own; this is the backstop.
	ctx, cancel := context.WithTimeout(ctx, time.Hour)
	defer cancel()
	var err error
	if o.root, o.benchDir, err = bench.Roots(ctx); err != nil {
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
	needBinary := len(selected) == 0 || selected["coldstart"] || selected["overhead"] || selected["throughput"]
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
	fmt.Printf("product module: %s, %s\n", o.root, commit(ctx, o.root))
	fmt.Printf("load average before: %s (1, 5, 15 min): other work on the machine skews timings\n", loadAverage())
	for _, f := range figures {
		if len(selected) > 0 && !selected[f.name] {
			continue
		}
		fmt.Println()
		if err := f.run(ctx, o); err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
		fmt.Printf("(%s, load average %s)\n", time.Now().Format(time.TimeOnly), loadAverage())
	}
	return nil
}

// loadAverage is the machine's load average over 1, 5 and 15 minutes, from /proc.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil || len(strings.Fields(string(b))) < 3 {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

// commit names the commit checked out at dir, and whether the tree has changes, so that a
// figure can be traced to the code it measured (with -bin, the binary may be another).
func commit(ctx context.Context, dir string) string {
	out, err := exec.CommandContext(ctx, "git", "-C", dir, "describe", "--always", "--dirty=, with uncommitted changes").Output()
	if err != nil {
		return "commit unknown (not a git checkout)"
	}
	return "commit " + strings.TrimSpace(string(out))
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
