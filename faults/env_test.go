package faults_test

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/sandbox"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

const (
	// callTimeout bounds every tool call: the failure to fear is a hang.
	callTimeout = 10 * time.Second
	// requestTimeout is the client's per-request timeout (Config.Timeout), except in the
	// tests of a late answer.
	requestTimeout = 5 * time.Second
	// shortTimeout is the client's timeout where the proxy answers too late: long enough
	// for the lookups that pass through, short enough to keep three attempts quick.
	shortTimeout = time.Second
)

// fastRetry is SPEC §4's policy with a 1 ms first backoff, so that retries do not sleep
// long (a Retry-After is still honoured).
var fastRetry = client.RetryPolicy{MaxAttempts: 3, MaxElapsed: 5 * time.Second, InitialInterval: time.Millisecond, MaxRetryAfter: 10 * time.Second}

// env is the real tools on an mcp-go server, reached through the in-process client, with
// buffer-mcp's client sending to the fault proxy, and the proxy in front of the sandbox
// served on a loopback port.
type env struct {
	sandbox   *sandbox.Server
	seed      sandbox.SeedInfo
	proxy     *proxy
	mcp       *mcpclient.Client
	transport *http.Transport // the client's
	gate      *dialGate       // the client's dials

	closeOnce sync.Once
	closers   []func()
}

// newEnv starts one; timeout is the client's per-request timeout, and opts change the
// client's configuration further (its clock).
func newEnv(t *testing.T, timeout time.Duration, opts ...func(*client.Config)) *env {
	t.Helper()
	sb, err := sandbox.New(sandbox.Options{QueueLimit: 1000}) // the queue limit is not under test
	require.NoError(t, err)
	e := &env{sandbox: sb, seed: sb.Seed()}
	t.Cleanup(e.close)

	upstream := httptest.NewServer(sb)
	e.closers = append(e.closers, upstream.Close)
	forwarder := newTransport()
	e.proxy = newProxy(t, upstream.URL, forwarder)
	e.closers = append(e.closers, forwarder.CloseIdleConnections)
	front := httptest.NewServer(e.proxy)
	e.closers = append(e.closers, front.Close)

	// The client gets a transport of its own: client.Client has no Close, and its idle
	// connections are closed through the transport.
	e.transport, e.gate = newTransport(), newDialGate(t)
	e.transport.DialContext = e.gate.dial
	e.closers = append(e.closers, e.transport.CloseIdleConnections)
	cfg := client.Config{Endpoint: front.URL, APIKey: sandbox.DefaultKey, Version: "faults",
		Timeout: timeout, Transport: e.transport, Retry: fastRetry}
	for _, o := range opts {
		o(&cfg)
	}
	gql := client.New(cfg)
	srv, err := tools.NewServer("faults", tools.New(tools.Deps{GQL: gql, ConfirmPublish: true}), tools.Selection{Toolsets: []string{tools.ToolsetAll}}, nil)
	require.NoError(t, err)

	c, err := mcpclient.NewInProcessClient(srv)
	require.NoError(t, err)
	e.closers = append(e.closers, func() { assert.NoError(t, c.Close()) })
	ctx, cancel := context.WithTimeout(t.Context(), callTimeout)
	defer cancel()
	require.NoError(t, c.Start(ctx))
	_, err = c.Initialize(ctx, mcp.InitializeRequest{})
	require.NoError(t, err)
	e.mcp = c
	return e
}

func newTransport() *http.Transport {
	return http.DefaultTransport.(*http.Transport).Clone()
}

// dialGate dials as usual, except for the dials it is told to refuse: those go to a
// loopback port where nothing listens, so that the refusal is the system's own.
type dialGate struct {
	dialer  net.Dialer
	nowhere string

	mu      sync.Mutex
	left    int // dials still to refuse; -1 for every one
	refused int
}

func newDialGate(t *testing.T) *dialGate {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	nowhere := l.Addr().String()
	require.NoError(t, l.Close())
	return &dialGate{dialer: net.Dialer{Timeout: requestTimeout}, nowhere: nowhere}
}

// refuse refuses the next n dials, or every one when n is 0.
func (g *dialGate) refuse(n int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.left = n
	if n == 0 {
		g.left = -1
	}
}

func (g *dialGate) refusedDials() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.refused
}

func (g *dialGate) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	g.mu.Lock()
	if g.left != 0 {
		if g.left > 0 {
			g.left--
		}
		g.refused++
		addr = g.nowhere
	}
	g.mu.Unlock()
	return g.dialer.DialContext(ctx, network, addr)
}

// close closes everything newEnv started, the last started first: the MCP client, the
// client's idle connections, the proxy, its idle connections to the sandbox, the sandbox.
func (e *env) close() {
	e.closeOnce.Do(func() {
		for i := len(e.closers) - 1; i >= 0; i-- {
			e.closers[i]()
		}
	})
}

// inject applies r. The proxy applies every fault but a refused connection, which happens
// before the proxy: then the client's next r.times dials (every one when 0) are refused,
// after the lookups that tools make first are cached (list_channels caches the account and
// the channels) and the kept-alive connections are closed, since a request on one of them
// would need no dial.
func (e *env) inject(t *testing.T, r rule) {
	t.Helper()
	if !r.fault.refuse {
		e.proxy.inject(r)
		return
	}
	require.Empty(t, r.channelID, "a refused connection cannot tell channels apart")
	res := e.call(t, "list_channels", `{}`)
	require.False(t, res.IsError, "list_channels: %v", res.Content)
	e.transport.CloseIdleConnections()
	e.gate.refuse(r.times)
}

// attempts is the number of times the client tried to send op: the requests of op that
// the proxy received, plus the connections refused (after inject, op is the only operation
// that dials).
func (e *env) attempts(op string) int {
	return e.proxy.count(op) + e.gate.refusedDials()
}

// channel is the id of a seeded channel, by its key (linkedin, instagram, ...).
func (e *env) channel(t *testing.T, key string) string {
	t.Helper()
	ch, ok := e.seed.Channels[key]
	require.True(t, ok, "seeded channel %s", key)
	return ch.ID
}

// call calls a tool with arguments given as JSON, under callTimeout.
func (e *env) call(t *testing.T, name, args string) *mcp.CallToolResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), callTimeout)
	defer cancel()
	res, err := e.tryCall(ctx, name, args)
	require.NoError(t, err, "calling %s", name)
	return res
}

// tryCall is call under the caller's deadline, for goroutines other than the test's,
// which must not stop the test.
func (e *env) tryCall(ctx context.Context, name, args string) (*mcp.CallToolResult, error) {
	req := mcp.CallToolRequest{}
	req.Params.Name = name
	req.Params.Arguments = json.RawMessage(args)
	return e.mcp.CallTool(ctx, req)
}

// sandboxSaw is the number of requests of op that reached the sandbox.
func (e *env) sandboxSaw(op string) int {
	n := 0
	for _, r := range e.sandbox.Requests() {
		if r.OperationName == op {
			n++
		}
	}
	return n
}

// postsWithText are the sandbox's posts whose text is text.
func (e *env) postsWithText(text string) []sandbox.Post {
	var out []sandbox.Post
	for _, p := range e.sandbox.Posts() {
		if p.Text == text {
			out = append(out, p)
		}
	}
	return out
}
