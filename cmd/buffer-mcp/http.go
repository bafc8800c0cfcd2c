package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"

	"github.com/mark3labs/mcp-go/server"

	"github.com/buffer-mcp/buffer-mcp/httpserver"
)

// serveHTTP serves MCP over the http or sse transport until ctx is done (SIGINT/SIGTERM).
// The endpoint's URL is the first line of stdout, so that a script (or a test) that asked
// for port 0 learns the port.
func serveHTTP(ctx context.Context, srv *server.MCPServer, cfg *config, stdout io.Writer, log *slog.Logger) int {
	h, err := httpserver.NewHandler(srv, httpserver.Config{
		Transport:      cfg.transport,
		Addr:           cfg.addr,
		Token:          cfg.httpToken,
		AllowedOrigins: cfg.allowedOrigins,
		MaxSessions:    cfg.maxSessions,
		Log:            log,
	})
	if err != nil {
		log.Error("http transport", "err", err)
		return exitUsage
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		log.Error("cannot listen", "addr", cfg.addr, "err", err)
		return exitFailure
	}
	path := "/mcp"
	if cfg.transport == "sse" {
		path = "/sse"
	}
	url := "http://" + ln.Addr().String() + path
	fmt.Fprintln(stdout, url)
	log.Info("serving MCP over HTTP", "transport", cfg.transport, "url", url, "token", cfg.httpToken != "")
	if err := httpserver.Serve(ctx, ln, h, log); err != nil {
		log.Error("http transport stopped", "err", err)
		return exitFailure
	}
	log.Info("stopped")
	return exitOK
}
