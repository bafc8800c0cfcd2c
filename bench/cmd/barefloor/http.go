//go:build floorhttp

package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/mark3labs/mcp-go/server"
)

func init() { serveHTTP = serveStreamableHTTP }

// serveStreamableHTTP serves Streamable HTTP at /mcp (and HTTP+SSE at /sse and /message) on
// addr until SIGINT or SIGTERM.
func serveStreamableHTTP(s *server.MCPServer, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("/mcp", server.NewStreamableHTTPServer(s))
	// The legacy HTTP+SSE transport too, as buffer-mcp's binary carries both (SPEC §5):
	// the figures use /mcp, but the floor links what a server offering both links.
	sse := server.NewSSEServer(s)
	mux.Handle("/sse", sse.SSEHandler())
	mux.Handle("/message", sse.MessageHandler())
	srv := &http.Server{Handler: mux}
	fmt.Printf("http://%s/mcp\n", ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		_ = srv.Shutdown(context.Background())
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
