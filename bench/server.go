// Package bench measures buffer-mcp against its targets: cold start and idle memory,
// per-call overhead over stdio, throughput over HTTP, the tokens a model pays for, and the
// requests a conversation sends to Buffer. It is a module of its own, so that the product
// module requires nothing only the measuring needs. Whole-process figures drive the real
// binary from bench/cmd/figures; in-process figures are Go benchmarks in this package
// (go test -run '^$' -bench . in bench/). Loads go to 127.0.0.1 only, and every loop is
// bounded in count and in time.
package bench

import (
	"log/slog"

	"github.com/Khan/genqlient/graphql"
	"github.com/mark3labs/mcp-go/server"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/httpserver"
	"github.com/buffer-mcp/buffer-mcp/sandbox"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// NewSandboxServer returns the MCP server that `buffer-mcp --sandbox` builds: every tool,
// backed by an in-process sandbox, wired as cmd/buffer-mcp wires it (without mcp-go's
// output validation, as the program runs).
func NewSandboxServer() (*server.MCPServer, error) {
	sb, err := sandbox.New(sandbox.Options{Key: sandbox.DefaultKey})
	if err != nil {
		return nil, err
	}
	gql := client.New(client.Config{
		Endpoint:  "http://sandbox.invalid/",
		APIKey:    sandbox.DefaultKey,
		Version:   "bench",
		Transport: sb.Transport(),
	})
	return newServer(gql, tools.Selection{}, tools.WithoutOutputValidation())
}

// newServer is the real MCP server over gql, offering the tools sel keeps (the tools a
// person gets by default when sel is zero).
func newServer(gql graphql.Client, sel tools.Selection, opts ...tools.ServerOption) (*server.MCPServer, error) {
	return tools.NewServer("bench", tools.New(tools.Deps{GQL: gql}), sel, nil, opts...)
}

// NewSandboxHandler returns the guarded handler that `buffer-mcp --sandbox --transport t
// --addr addr` serves ("http": Streamable HTTP at /mcp; "sse": /sse and /message).
func NewSandboxHandler(transport, addr string) (*httpserver.Handler, error) {
	srv, err := NewSandboxServer()
	if err != nil {
		return nil, err
	}
	return httpserver.NewHandler(srv, httpserver.Config{
		Transport: transport,
		Addr:      addr,
		Log:       slog.New(slog.DiscardHandler),
	})
}
