// Package bench measures buffer-mcp: tool calls per second over HTTP, the memory an idle
// session holds, and (later) the rest of issue 6's figures. Whole-process figures come from
// the real binary driven by bench/cmd/figures; in-process figures are Go benchmarks in this
// package (go test -run '^$' -bench . ./bench). Loads go to 127.0.0.1 only, and every loop
// is bounded in count and in time.
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
