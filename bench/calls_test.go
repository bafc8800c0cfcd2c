package bench

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"testing"
	"time"

	mcpclient "github.com/mark3labs/mcp-go/client"

	"github.com/buffer-mcp/buffer-mcp/httpserver"
)

// BenchmarkToolCallsHTTP is the in-process twin of the throughput figure: mcp-go Streamable
// HTTP clients (2026-07-28, one goroutine and one connection pool each) calling list_posts
// {"first":20} over loopback against httpserver.NewHandler over the sandbox, all in this
// process. b.N counts calls in all; calls/s, p50-µs and p99-µs are over the timed calls.
// Allocations are client's and server's together.
// conn=per-call is mcp-go v1.2.1 as it is (a new connection per call); conn=kept reads
// each answer to its end so that connections are reused (see ConnectModern); conn=lean
// is the lean client of the throughput figure (ConnectLean), kept-alive too.
func BenchmarkToolCallsHTTP(b *testing.B) {
	for _, n := range []int{1, 32} {
		b.Run(fmt.Sprintf("clients=%d/conn=lean", n), func(b *testing.B) {
			clients := ConnectLean(serveInProcess(b, "http"), n)
			defer CloseAll(clients)
			benchLoad(b, clients)
		})
		for _, keepAlive := range []bool{false, true} {
			conn := map[bool]string{false: "per-call", true: "kept"}[keepAlive]
			b.Run(fmt.Sprintf("clients=%d/conn=%s", n, conn), func(b *testing.B) {
				url := serveInProcess(b, "http")
				clients, err := ConnectModern(b.Context(), url, n, keepAlive)
				if err != nil {
					b.Fatal(err)
				}
				defer CloseAll(clients)
				benchLoad(b, clients)
			})
		}
	}
}

// BenchmarkToolCallNoTransport calls the same tool through mcp-go's in-process client: the
// cost of a call without HTTP, to set against BenchmarkToolCallsHTTP/clients=1/conn=kept.
func BenchmarkToolCallNoTransport(b *testing.B) {
	srv, err := NewSandboxServer()
	if err != nil {
		b.Fatal(err)
	}
	c, err := mcpclient.NewInProcessClient(srv)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	if err := initialize(b.Context(), c); err != nil {
		b.Fatal(err)
	}
	benchLoad(b, []Caller{MCPGo{c}})
}

// benchLoad warms clients up, then times b.N calls and reports rate and latency.
func benchLoad(b *testing.B, clients []Caller) {
	warm := RunLoad(b.Context(), clients, ListPosts20, Limit{Calls: 20 * len(clients), Duration: time.Minute})
	if warm.Failed > 0 {
		b.Fatalf("warm-up: %d calls failed: %v", warm.Failed, warm.FirstErr)
	}
	b.ReportAllocs()
	b.ResetTimer()
	res := RunLoad(b.Context(), clients, ListPosts20, Limit{Calls: b.N, Duration: 10 * time.Minute})
	b.StopTimer()
	if res.Failed > 0 {
		b.Fatalf("%d calls failed: %v", res.Failed, res.FirstErr)
	}
	b.ReportMetric(res.PerSecond(), "calls/s")
	b.ReportMetric(float64(Percentile(res.Latencies, 50))/1e3, "p50-µs")
	b.ReportMetric(float64(Percentile(res.Latencies, 99))/1e3, "p99-µs")
}

// serveInProcess serves the sandbox over transport on a loopback port with
// httpserver.Serve, as the binary does, until the benchmark or test ends, and returns
// the endpoint URL.
func serveInProcess(tb testing.TB, transport string) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	return serveOn(tb, ln, transport)
}

// serveOn is serveInProcess on a listener of the caller's.
func serveOn(tb testing.TB, ln net.Listener, transport string) string {
	tb.Helper()
	h, err := NewSandboxHandler(transport, ln.Addr().String())
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- httpserver.Serve(ctx, ln, h, slog.New(slog.DiscardHandler)) }()
	tb.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			tb.Errorf("serve: %v", err)
		}
	})
	path := "/mcp"
	if transport == "sse" {
		path = "/sse"
	}
	return "http://" + ln.Addr().String() + path
}
