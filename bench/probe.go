package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"runtime"
	"time"

	"github.com/buffer-mcp/buffer-mcp/httpserver"
)

// MemStats is the memory of a probe's process after a full garbage collection.
type MemStats struct {
	HeapAlloc  uint64 // live heap
	StackInuse uint64 // goroutine stacks
	Goroutines int
	RSS        int64 // VmRSS
}

// ServeProbe is a server process for figures that need the server's Go heap: it serves the
// sandbox over transport exactly as `buffer-mcp --sandbox --transport t` does (same
// packages, same handler, loopback port), prints the endpoint URL as its first stdout line,
// and answers each "stats" line on stdin with a MemStats JSON line, until stdin closes or
// ctx ends.
func ServeProbe(ctx context.Context, transport string, stdin io.Reader, stdout io.Writer) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	h, err := NewSandboxHandler(transport, ln.Addr().String())
	if err != nil {
		ln.Close()
		return err
	}
	path := "/mcp"
	if transport == "sse" {
		path = "/sse"
	}
	fmt.Fprintf(stdout, "http://%s%s\n", ln.Addr(), path)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer cancel() // stdin closed: the parent is gone
		sc := bufio.NewScanner(stdin)
		for sc.Scan() {
			if sc.Text() == "stats" {
				b, _ := json.Marshal(readMemStats())
				fmt.Fprintf(stdout, "%s\n", b)
			}
		}
	}()
	return httpserver.Serve(ctx, ln, h, slog.New(slog.DiscardHandler))
}

func readMemStats() MemStats {
	// Two collections: the first may leave objects that only become garbage once their
	// finalizers have run.
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	rss, _ := RSS(os.Getpid())
	return MemStats{HeapAlloc: m.HeapAlloc, StackInuse: m.StackInuse, Goroutines: runtime.NumGoroutine(), RSS: rss}
}

// Stats asks a probe (a Proc started on ServeProbe) for its MemStats.
func (p *Proc) Stats() (MemStats, error) {
	var m MemStats
	if _, err := io.WriteString(p.stdin, "stats\n"); err != nil {
		return m, err
	}
	select {
	case line, ok := <-p.lines:
		if !ok {
			return m, fmt.Errorf("probe exited; stderr: %s", p.stderr)
		}
		return m, json.Unmarshal([]byte(line), &m)
	case <-time.After(30 * time.Second):
		return m, fmt.Errorf("probe did not answer within 30s")
	}
}
