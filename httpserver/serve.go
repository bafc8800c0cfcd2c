package httpserver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/mark3labs/mcp-go/server"
)

// Timeouts that keep slow or idle clients from holding connections. There is no write
// timeout: a legacy SSE stream stays open for as long as its client listens.
const (
	readHeaderTimeout = 10 * time.Second
	// bodyTimeout bounds how long a request body may take to arrive, from the end of the
	// headers, whether the request is then refused or served: a body sent a byte at a time
	// would otherwise hold its connection (and an open file) for good. A client's body is
	// a few kB, sent at once; 1 MiB, the cap, takes 10 s below 1 Mbit/s.
	bodyTimeout = 10 * time.Second
	idleTimeout = 120 * time.Second
	// ShutdownGrace bounds how long in-flight calls may finish after SIGINT/SIGTERM.
	ShutdownGrace = 10 * time.Second
	// sessionIdleTTL drops a 2025-era session that has been idle this long: mcp-go keeps
	// one (BENCHMARKS.md measures what it holds) until its client sends DELETE, which a
	// client that simply goes away never does.
	sessionIdleTTL = 30 * time.Minute
)

// Config is what Serve needs.
type Config struct {
	Transport      string   // "http" (Streamable HTTP at /mcp) or "sse" (/sse and /message)
	Addr           string   // listen address; must be loopback unless Token is set
	Token          string   // bearer token every request must carry; none when empty
	AllowedOrigins []string // origins trusted besides the server's own
	MaxSessions    int      // live 2025-era sessions, and open event streams, at most; DefaultMaxSessions when 0
	Log            *slog.Logger
}

// Check refuses a configuration that would expose the server: a non-loopback address
// without a token.
func (c Config) Check() error {
	if !IsLoopback(c.Addr) && c.Token == "" {
		return fmt.Errorf("listen address %q is not loopback, so a bearer token is required: set BUFFER_MCP_HTTP_TOKEN or pass --http-token-file PATH", c.Addr)
	}
	return nil
}

// Handler is the guarded MCP endpoint of one transport.
type Handler struct {
	http.Handler
	closeStreams func()
}

// CloseStreams ends long-lived event streams, so that shutdown need not wait for them.
func (h *Handler) CloseStreams() { h.closeStreams() }

// NewHandler returns the guarded MCP handler for c.Transport.
func NewHandler(s *server.MCPServer, c Config) (*Handler, error) {
	var h Handler
	limit := newSessionLimit(c.MaxSessions, c.Log)
	switch c.Transport {
	case "http":
		// mcp-go's default session handling (stateless 2026-07-28 requests and 2025-era
		// initialize sessions on one endpoint; a stateful manager would serve only the
		// legacy era), with the sessions counted (sessions.go).
		streamable := server.NewStreamableHTTPServer(s, server.WithStreamableHTTPLogger(c.Log),
			server.WithSessionIdleTTL(sessionIdleTTL), server.WithSessionIdManager(&sessions{limit: limit}))
		mux := http.NewServeMux()
		mux.Handle("/mcp", limit.streamable(streamable))
		h.Handler = mux
		h.closeStreams = func() { streamable.CloseSessions(context.Background()) }
	case "sse":
		sse := server.NewSSEServer(s, server.WithKeepAlive(true))
		h.Handler = limit.sse(sse)
		h.closeStreams = sse.CloseSessions
	default:
		return nil, fmt.Errorf("unknown HTTP transport %q", c.Transport)
	}
	h.Handler = newGuard(c.Token, c.AllowedOrigins, c.Addr).wrap(h.Handler)
	return &h, nil
}

// Serve serves h on ln until ctx is done, then stops accepting and lets in-flight requests
// finish within ShutdownGrace. A handler with long-lived streams (a *Handler) has them
// closed when shutdown starts.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelDebug),
	}
	if s, ok := h.(interface{ CloseStreams() }); ok {
		srv.RegisterOnShutdown(s.CloseStreams)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down", "grace", ShutdownGrace.String())
	shutdownCtx, cancel := context.WithTimeout(context.Background(), ShutdownGrace)
	defer cancel()
	err := srv.Shutdown(shutdownCtx)
	if errors.Is(err, context.DeadlineExceeded) {
		srv.Close()
		return fmt.Errorf("in-flight requests did not finish within %s", ShutdownGrace)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return err
}
