package main

import (
	"context"
	"errors"
	"io"
	"log/slog"

	"github.com/mark3labs/mcp-go/server"
)

// serveStdio speaks newline-delimited JSON-RPC on stdin and stdout, and returns when stdin
// closes or ctx ends. Nothing but MCP is written to stdout: logs go to stderr.
func serveStdio(ctx context.Context, srv *server.MCPServer, stdin io.Reader, stdout io.Writer, log *slog.Logger) error {
	s := server.NewStdioServer(srv)
	s.SetErrorLogger(slog.NewLogLogger(log.Handler(), slog.LevelError))
	err := s.Listen(ctx, stdin, stdout)
	switch {
	case ctx.Err() != nil:
		log.Info("stopping on signal")
		return nil
	case err == nil || errors.Is(err, io.EOF):
		log.Info("stdin closed; exiting")
		return nil
	default:
		return err
	}
}
