package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
)

// Call is the tool call a load repeats.
type Call struct {
	Tool string
	Args map[string]any
}

// ListPosts20 is the call of the throughput figure: one page of 20 posts.
var ListPosts20 = Call{Tool: "list_posts", Args: map[string]any{"first": 20}}

// ModernEra is the protocol version the load's clients must end up on.
const ModernEra = "2026-07-28"

// Caller is one client of a load: it makes a tool call and reports whether it succeeded
// (a result that is not isError).
type Caller interface {
	CallTool(ctx context.Context, call Call) error
	Close() error
}

// MCPGo is a Caller that is one of mcp-go's clients.
type MCPGo struct{ *mcpclient.Client }

// CallTool makes the call through mcp-go's client, which decodes the whole result.
func (c MCPGo) CallTool(ctx context.Context, call Call) error {
	req := mcp.CallToolRequest{}
	req.Params.Name = call.Tool
	req.Params.Arguments = call.Args
	r, err := c.Client.CallTool(ctx, req)
	switch {
	case err != nil:
		return err
	case r.IsError:
		return fmt.Errorf("%s returned isError: %v", call.Tool, r.Content)
	}
	return nil
}

// ConnectModern returns n mcp-go Streamable HTTP clients of url, each initialized once (a
// 2026-07-28 server/discover) and each with its own connection pool, as n separate MCP
// clients would be.
//
// mcp-go v1.2.1 decodes a JSON answer without reading the body to its end and then
// cancels the request, which closes the connection: every call opens a new one. With
// keepAlive, each answer of type application/json is read to its end before mcp-go sees
// it, so that the connection is reused, as a client without that flaw would.
func ConnectModern(ctx context.Context, url string, n int, keepAlive bool) ([]Caller, error) {
	clients := make([]Caller, 0, n)
	for range n {
		var rt http.RoundTripper = ownTransport()
		if keepAlive {
			rt = readWhole{rt}
		}
		c, err := mcpclient.NewStreamableHttpClient(url, transport.WithHTTPBasicClient(&http.Client{Transport: rt}))
		if err != nil {
			CloseAll(clients)
			return nil, err
		}
		clients = append(clients, MCPGo{c})
		if err := initialize(ctx, c); err != nil {
			CloseAll(clients)
			return nil, err
		}
	}
	return clients, nil
}

// initialize starts c and initializes it once, in the 2026-07-28 era.
func initialize(ctx context.Context, c *mcpclient.Client) error {
	if err := c.Start(ctx); err != nil {
		return err
	}
	req := mcp.InitializeRequest{}
	req.Params.ClientInfo = mcp.Implementation{Name: "buffer-mcp-bench", Version: "0"}
	if _, err := c.Initialize(ctx, req); err != nil {
		return fmt.Errorf("initialize: %w", err)
	}
	if v := c.ProtocolVersion(); v != ModernEra {
		return fmt.Errorf("client negotiated %s, want %s", v, ModernEra)
	}
	return nil
}

// ownTransport is a connection pool for one client: keep-alive, loopback, no proxy.
func ownTransport() *http.Transport {
	return &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConnsPerHost: 4,
		IdleConnTimeout:     90 * time.Second,
	}
}

// readWhole reads each application/json answer to its end (at most 16 MiB), so that the
// connection goes back to the pool; event streams pass untouched.
type readWhole struct{ next http.RoundTripper }

func (r readWhole) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.next.RoundTrip(req)
	if err != nil || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		return resp, err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

// CloseAll closes every client.
func CloseAll(clients []Caller) {
	for _, c := range clients {
		_ = c.Close()
	}
}

// Limit bounds a load: it stops at whichever comes first, Calls calls in all or Duration.
type Limit struct {
	Calls    int
	Duration time.Duration
}

// LoadResult is what a load measured.
type LoadResult struct {
	Calls     int             // calls answered with a success result
	Failed    int             // calls that failed or returned an isError result
	FirstErr  error           // the first failure, to explain Failed
	Elapsed   time.Duration   // from the first call started to the last one answered
	Latencies []time.Duration // of each successful call
}

// PerSecond is the throughput: successful calls per second of Elapsed.
func (r LoadResult) PerSecond() float64 { return float64(r.Calls) / r.Elapsed.Seconds() }

// RunLoad has each client, in a goroutine of its own, repeat call back to back until lim
// is reached, and records the latency of every call.
func RunLoad(ctx context.Context, clients []Caller, call Call, lim Limit) LoadResult {
	var (
		left     atomic.Int64
		mu       sync.Mutex
		res      LoadResult
		wg       sync.WaitGroup
		deadline = time.Now().Add(lim.Duration)
	)
	left.Store(int64(lim.Calls))
	start := time.Now()
	for _, c := range clients {
		wg.Go(func() {
			lat := make([]time.Duration, 0, min(lim.Calls/len(clients)+1, 1<<16))
			failed := 0
			var firstErr error
			for left.Add(-1) >= 0 && ctx.Err() == nil && time.Now().Before(deadline) {
				t0 := time.Now()
				err := c.CallTool(ctx, call)
				d := time.Since(t0)
				if err != nil {
					failed++
					firstErr = cmpOr(firstErr, err)
				} else {
					lat = append(lat, d)
				}
			}
			mu.Lock()
			defer mu.Unlock()
			res.Calls += len(lat)
			res.Failed += failed
			res.FirstErr = cmpOr(res.FirstErr, firstErr)
			res.Latencies = append(res.Latencies, lat...)
		})
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	return res
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}
