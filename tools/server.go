package tools

import (
	"fmt"
	"log/slog"
	"maps"
	"slices"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Set is every tool of the catalog, built over one set of dependencies, with the resources
// that read through the same cache. NewServer offers the part a Selection keeps.
type Set struct {
	shared *shared
	tools  []Tool
}

// New builds every tool of the catalog over d, sharing one lookup cache.
func New(d Deps) *Set {
	dd := newShared(d)
	s := &Set{shared: dd, tools: make([]Tool, len(catalog))}
	for i, e := range catalog {
		t := e.build(dd)
		if t.Definition.Name != e.name {
			panic(fmt.Sprintf("tools: the catalog entry %q builds the tool %q", e.name, t.Definition.Name)) // a typo in catalog.go
		}
		t.toolset = e.toolset
		s.tools[i] = t
	}
	return s
}

// Tools returns every tool of the set, in the catalog's order.
func (s *Set) Tools() []Tool { return slices.Clone(s.tools) }

// Select returns the tools sel keeps, or why sel cannot be met.
func (s *Set) Select(sel Selection) ([]Tool, error) {
	if err := sel.Check(); err != nil {
		return nil, err
	}
	var kept []Tool
	for _, t := range s.tools {
		if sel.keeps(t, t.toolset) {
			kept = append(kept, t)
		}
	}
	return kept, nil
}

const instructions = "Buffer schedules posts to social networks. Start with list_channels (channel ids and " +
	"timezones). For dueAt, pass the person's own words (\"tomorrow 9am\"): the server reads them in each " +
	"channel's timezone and shows the result; do not compute dates yourself. mode shareNow publishes at " +
	"once and cannot be undone: confirm with the person first. Ideas (list_ideas, create_idea) are private " +
	"notes for later posts."

// ServerOption changes how NewServer builds the server.
type ServerOption func(*serverOptions)

type serverOptions struct {
	skipOutputValidation bool
}

// WithoutOutputValidation leaves out mcp-go's check of every success result against its
// tool's output schema, which marshals, re-reads and validates each result (about a tenth
// of a list_posts call's CPU). The program runs without it: results are encoded from the
// Go types that the schemas are generated from, and the tests keep the check, on every
// result of every tool of the catalog (TestEveryResultOfEveryToolValidatesAgainstItsOutputSchema
// validates each explicitly; every harness server also has mcp-go's check on).
func WithoutOutputValidation() ServerOption {
	return func(o *serverOptions) { o.skipOutputValidation = true }
}

// NewServer returns an MCP server offering the tools of set that sel keeps, with output
// validation on unless opts turn it off (every success result is checked against its
// tool's output schema); the resources, which read through the set's cache whatever the
// selection removed; and the prompts, naming only the tools offered.
func NewServer(version string, set *Set, sel Selection, log *slog.Logger, opts ...ServerOption) (*server.MCPServer, error) {
	ts, err := set.Select(sel)
	if err != nil {
		return nil, err
	}
	return newMCPServer(version, ts, set.shared, log, opts...), nil
}

// newMCPServer registers ts, the resources over d's cache and the prompts naming ts.
func newMCPServer(version string, ts []Tool, d *shared, log *slog.Logger, opts ...ServerOption) *server.MCPServer {
	var o serverOptions
	for _, opt := range opts {
		opt(&o)
	}
	serverOpts := []server.ServerOption{
		server.WithToolCapabilities(false),
		server.WithResourceCapabilities(false, false),
		server.WithPromptCapabilities(false),
		server.WithInstructions(instructions),
		// The lists are fixed for the life of the process; a read is answered from the
		// server's own cache, and the account's currentTime must not go stale in a client.
		server.WithMethodCacheHints(mcp.MethodResourcesList, CacheTTL.Milliseconds(), mcp.CacheScopePrivate),
		server.WithMethodCacheHints(mcp.MethodResourcesTemplatesList, CacheTTL.Milliseconds(), mcp.CacheScopePrivate),
		server.WithMethodCacheHints(mcp.MethodPromptsList, CacheTTL.Milliseconds(), mcp.CacheScopePrivate),
		server.WithMethodCacheHints(mcp.MethodResourcesRead, 0, mcp.CacheScopePrivate),
	}
	if !o.skipOutputValidation {
		serverOpts = append(serverOpts, server.WithOutputSchemaValidation())
	}
	s := server.NewMCPServer("buffer-mcp", version, serverOpts...)
	offered := map[string]bool{}
	for _, t := range ts {
		s.AddTool(t.Definition, t.Handler)
		offered[t.Definition.Name] = true
	}
	s.AddResources(resources(d)...)
	s.AddPrompts(prompts(offered)...)
	if log != nil {
		log.Debug("tools offered", "tools", slices.Sorted(maps.Keys(offered)))
	}
	return s
}
