package tools

import (
	"fmt"
	"log/slog"
	"slices"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// All returns the Buffer tools: the eight of SPEC §3 and the two for ideas, sharing one
// lookup cache.
func All(d Deps) []Tool {
	dd := newDeps(d)
	return []Tool{
		getAccount(dd),
		listChannels(dd),
		getChannel(dd),
		listPosts(dd),
		getPost(dd),
		createPost(dd),
		editPost(dd),
		deletePost(dd),
		listIdeas(dd),
		createIdea(dd),
	}
}

// Names lists every tool name, sorted, for --tools and --help. It is a plain list rather
// than All's names because every start needs it and building the tools to read their names
// cost about 0.8 ms of it; TestAllGivesTheTenTools keeps the two the same.
func Names() []string {
	return []string{"create_idea", "create_post", "delete_post", "edit_post", "get_account",
		"get_channel", "get_post", "list_channels", "list_ideas", "list_posts"}
}

// Filter keeps the tools that --read-only and --tools allow. An unknown name in allow is
// an error naming it, so that a typo does not silently remove a tool.
func Filter(all []Tool, readOnly bool, allow []string) ([]Tool, error) {
	known := map[string]bool{}
	for _, t := range all {
		known[t.Definition.Name] = true
	}
	for _, name := range allow {
		if !known[name] {
			return nil, fmt.Errorf("unknown tool %q in the tool allow-list; known tools: %s", name, strings.Join(Names(), ", "))
		}
	}
	var kept []Tool
	for _, t := range all {
		if readOnly && !t.ReadOnly() {
			continue
		}
		if len(allow) > 0 && !slices.Contains(allow, t.Definition.Name) {
			continue
		}
		kept = append(kept, t)
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
// result of every tool of tools.All (TestEveryResultOfEveryToolValidatesAgainstItsOutputSchema
// validates each explicitly; every harness server also has mcp-go's check on).
func WithoutOutputValidation() ServerOption {
	return func(o *serverOptions) { o.skipOutputValidation = true }
}

// NewServer returns an MCP server with ts registered, output validation on unless opts
// turn it off (every success result is checked against its tool's output schema); the
// resources, read through the cache that ts were built with (whatever --read-only and
// --tools removed); and the prompts, naming only the tools in ts.
func NewServer(version string, ts []Tool, log *slog.Logger, opts ...ServerOption) *server.MCPServer {
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
	var d *deps
	for _, t := range ts {
		s.AddTool(t.Definition, t.Handler)
		offered[t.Definition.Name] = true
		if d == nil {
			d = t.deps
		}
	}
	if d != nil {
		s.AddResources(resources(d)...)
	}
	s.AddPrompts(prompts(offered)...)
	if log != nil {
		log.Debug("tools registered", "count", len(ts))
	}
	return s
}
