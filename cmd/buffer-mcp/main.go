// Command buffer-mcp is an MCP server for Buffer. Wiring only: configuration → Buffer
// client (or the in-process sandbox) → tools → transport. See README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"slices"
	"syscall"
	_ "time/tzdata" // channel timezones must resolve on machines without zoneinfo

	"github.com/mark3labs/mcp-go/server"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/stdioserver"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // a runtime failure, or a tool result with isError
	exitUsage   = 2 // bad configuration or arguments
)

func main() {
	version = readBuildDetails().version // go install …@v1.2.3 stamps no -X
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// run is the whole program; it returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) > 0 && args[0] == "sandbox" {
		return runSandbox(ctx, args[1:], stdout, stderr, getenv)
	}
	if len(args) > 0 && args[0] == "install" {
		return runInstall(args[1:], stdout, stderr, getenv)
	}
	if len(args) > 0 && args[0] == "doctor" {
		args = append(slices.Clone(args[1:]), "doctor") // buffer-mcp doctor --sandbox, with the server's flags
	}
	cfg, err := parseConfig(args, getenv)
	if errors.Is(err, flag.ErrHelp) {
		printUsage(stdout, tools.Names())
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "buffer-mcp: %v\n", err)
		return exitUsage
	}
	if cfg.version {
		fmt.Fprint(stdout, readBuildDetails())
		return exitOK
	}
	if cfg.callHelp() {
		fmt.Fprintf(stdout, "Usage: %s\n\nRuns one tool and prints its result as JSON (buffer-mcp --help lists the tools and flags).\n", callUsage)
		return exitOK
	}

	cmd, rest := "", []string(nil)
	if len(cfg.args) > 0 {
		cmd, rest = cfg.args[0], cfg.args[1:]
	}
	switch {
	case cmd == "doctor":
		if len(rest) > 0 {
			fmt.Fprintf(stderr, "buffer-mcp: doctor takes no arguments, got %q (see buffer-mcp --help)\n", rest[0])
			return exitUsage
		}
		return runDoctor(ctx, cfg, stdout, stderr)
	case cmd != "" && cmd != "call":
		fmt.Fprintf(stderr, "buffer-mcp: unknown command %q: the commands are call, doctor, install and sandbox (see buffer-mcp --help)\n", cmd)
		return exitUsage
	}

	log := newLogger(stderr, cfg.logFormat, cfg.logLevel, cfg.apiKey, cfg.httpToken)
	slog.SetDefault(log)
	srv, err := newMCPServer(cfg, log)
	if err != nil {
		fmt.Fprintf(stderr, "buffer-mcp: %v\n", err)
		return exitUsage
	}
	if cmd == "call" {
		return runCall(ctx, srv, rest, stdin, stdout, stderr)
	}
	log.Info("buffer-mcp starting", "version", version, "transport", cfg.transport, "buffer", endpointForLog(cfg),
		"readOnly", cfg.readOnly, "confirmPublish", cfg.confirmPublish)
	if cfg.transport != "stdio" {
		tuneGC(getenv)
		return serveHTTP(ctx, srv, cfg, stdout, log)
	}
	if err := stdioserver.Serve(ctx, srv, stdin, stdout, log); err != nil {
		log.Error("stdio transport failed", "err", err)
		return exitFailure
	}
	return exitOK
}

// newMCPServer builds the Buffer client (or the in-process sandbox), the tools the
// configuration allows, and the MCP server that offers them.
func newMCPServer(cfg *config, log *slog.Logger) (*server.MCPServer, error) {
	ccfg := client.Config{Endpoint: cfg.apiURL, APIKey: cfg.apiKey, Version: version}
	if cfg.sandbox {
		var err error
		if ccfg, err = sandboxClient(cfg.sandboxSeed); err != nil {
			return nil, err
		}
	}
	set := tools.New(tools.Deps{GQL: client.New(ccfg), Log: log, ConfirmPublish: cfg.confirmPublish})
	// Output validation is left to the tests (see tools.WithoutOutputValidation).
	return tools.NewServer(version, set, cfg.selection(), log, tools.WithoutOutputValidation())
}

// endpointForLog names where Buffer requests go, without any credentials in the URL.
func endpointForLog(cfg *config) string {
	if cfg.sandbox {
		return "sandbox (in process)"
	}
	u, err := url.Parse(cfg.apiURL)
	if err != nil {
		return "(invalid URL)"
	}
	return u.Redacted()
}
