//go:build !nosandbox

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/httpserver"
	"github.com/buffer-mcp/buffer-mcp/sandbox"
)

// runSandbox serves the sandbox's Buffer GraphQL API over HTTP until ctx ends (SIGINT,
// SIGTERM). The URL goes to stdout as the first line, so that a script or a test can read
// it; logs go to stderr.
func runSandbox(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := flag.NewFlagSet("buffer-mcp sandbox", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addr := fs.String("addr", "127.0.0.1:0", "")
	seed := fs.String("seed", envOr(getenv("BUFFER_MCP_SANDBOX_SEED"), "one-org"), "")
	key := fs.String("key", sandbox.DefaultKey, "")
	level := fs.String("log-level", envOr(getenv("BUFFER_MCP_LOG_LEVEL"), "info"), "")
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(stdout, `Usage: buffer-mcp sandbox [flags]

Serves the sandbox, an in-memory fake of Buffer's GraphQL API, over HTTP: point
BUFFER_API_URL at the URL it prints (the first line of stdout) and set BUFFER_API_KEY to
its key. It serves until SIGINT or SIGTERM.

  --addr HOST:PORT            listen address, default 127.0.0.1:0 (a free port)
  --seed one-org|two-orgs     env BUFFER_MCP_SANDBOX_SEED, default one-org
  --key KEY                   the API key it accepts, default %s
  --log-level LEVEL           env BUFFER_MCP_LOG_LEVEL, default info (debug logs every request)
`, sandbox.DefaultKey)
		return exitOK
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "buffer-mcp sandbox: "+format+"\n", a...)
		return exitUsage
	}
	switch {
	case err != nil:
		return usage("%v (see buffer-mcp sandbox --help)", err)
	case fs.NArg() > 0:
		return usage("unexpected argument %q (see buffer-mcp sandbox --help)", fs.Arg(0))
	case *seed != "one-org" && *seed != "two-orgs":
		return usage("unknown seed %q: set --seed or BUFFER_MCP_SANDBOX_SEED to one-org or two-orgs", *seed)
	case *key == "":
		return usage("--key must not be empty")
	}
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(*level)); err != nil {
		return usage("invalid log level %q: set --log-level or BUFFER_MCP_LOG_LEVEL to debug, info, warn or error", *level)
	}
	log := newLogger(stderr, "text", lvl)

	sb, err := sandbox.New(sandbox.Options{Seed: *seed, Key: *key})
	if err != nil {
		return usage("%v", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return usage("cannot listen on %s: %v", *addr, err)
	}
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintln(stdout, url)

	log.Info("sandbox serving Buffer's GraphQL API", "url", url, "seed", *seed)
	if err := httpserver.Serve(ctx, ln, logRequests(sb, log), log); err != nil {
		log.Error("sandbox server failed", "err", err)
		return exitFailure
	}
	log.Info("sandbox stopped")
	return exitOK
}

// logRequests logs each request at debug level: method, path, status and duration.
func logRequests(next http.Handler, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "duration", time.Since(start))
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// sandboxClient is the Buffer client's configuration for --sandbox: the sandbox, in this
// process, answering through an in-memory transport.
func sandboxClient(seed string) (client.Config, error) {
	sb, err := sandbox.New(sandbox.Options{Seed: seed, Key: sandbox.DefaultKey})
	if err != nil {
		return client.Config{}, fmt.Errorf("start the sandbox: %w", err)
	}
	return client.Config{Endpoint: "http://sandbox.invalid/", APIKey: sandbox.DefaultKey, Version: version, Transport: sb.Transport()}, nil
}

func envOr(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
