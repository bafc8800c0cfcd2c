package tools_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/sandbox"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// conversation is a server offering the tools sel keeps, over a fresh in-process sandbox
// through the real Buffer client, and a way to call its tools as a model does.
type conversation struct {
	sb  *sandbox.Server
	mcp *mcpclient.Client
	ctx context.Context
}

func newConversation(t *testing.T, sel tools.Selection) *conversation {
	t.Helper()
	sb, err := sandbox.New(sandbox.Options{})
	require.NoError(t, err)
	gql := client.New(client.Config{Endpoint: "http://sandbox.invalid/", APIKey: sandbox.DefaultKey, Version: "test", Transport: sb.Transport()})
	c, err := mcpclient.NewInProcessClient(mustServer(t, tools.New(tools.Deps{GQL: gql}), sel))
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	t.Cleanup(cancel)
	require.NoError(t, c.Start(ctx))
	_, err = c.Initialize(ctx, mcp.InitializeRequest{})
	require.NoError(t, err)
	return &conversation{sb: sb, mcp: c, ctx: ctx}
}

// call calls a tool that must succeed and returns its structured result.
func (c *conversation) call(t *testing.T, name string, args map[string]any) map[string]any {
	t.Helper()
	req := mcp.CallToolRequest{}
	req.Params.Name, req.Params.Arguments = name, args
	res, err := c.mcp.CallTool(c.ctx, req)
	require.NoError(t, err)
	require.False(t, res.IsError, "%s: %v", name, res.Content)
	var out map[string]any
	b, _ := json.Marshal(res.StructuredContent)
	require.NoError(t, json.Unmarshal(b, &out))
	return out
}

// ops names the GraphQL operations that reached the sandbox, in order.
func (c *conversation) ops() []string {
	var ops []string
	for _, r := range c.sb.Requests() {
		ops = append(ops, r.OperationName)
	}
	return ops
}

// TestATypicalConversationCostsOneRequestPerStep runs a typical conversation against the
// sandbox, with organizationId always left out, and counts what reached Buffer: the
// account, organizations and channels come from the cache after their first read, a post
// write keeps them, and every read of posts is fresh. Six steps, six requests.
func TestATypicalConversationCostsOneRequestPerStep(t *testing.T) {
	c := newConversation(t, everyTool)
	linkedin := c.sb.Seed().Channels["linkedin"].ID

	c.call(t, "get_account", map[string]any{})
	c.call(t, "list_channels", map[string]any{})
	c.call(t, "list_posts", map[string]any{"status": []string{"scheduled"}})
	c.call(t, "list_posts", map[string]any{"status": []string{"sent"}})
	c.call(t, "create_post", map[string]any{"channelId": linkedin, "text": "Holiday hours: open 8–2 on the 24th."})
	after := c.call(t, "list_posts", map[string]any{"status": []string{"scheduled"}})

	assert.Equal(t, []string{"GetAccount", "ListChannels", "ListPosts", "ListPosts", "CreatePost", "ListPosts"}, c.ops())
	found := false
	for _, p := range after["posts"].([]any) {
		if p.(map[string]any)["text"] == "Holiday hours: open 8–2 on the 24th." {
			found = true
		}
	}
	assert.True(t, found, "the last read of posts is fresh: it shows the new post")
}

// TestHowDidLastWeekDoCostsFourRequests runs "how did last week do, and what is still
// scheduled?" against the sandbox with the default toolsets, organizationId left out: the
// account is read once (the organization, and the timezone "last week" is read in), then
// one request per step. bench's requests figure prints the same sequence.
func TestHowDidLastWeekDoCostsFourRequests(t *testing.T) {
	c := newConversation(t, tools.Selection{})

	totals := c.call(t, "get_aggregated_post_metrics", map[string]any{"start": "last week"})
	window := totals["window"].(map[string]any)
	c.call(t, "list_posts", map[string]any{"status": []string{"sent"}, "includeMetrics": true, "dueAfter": window["start"].(string) + "T00:00:00Z"})
	c.call(t, "list_posts", map[string]any{"status": []string{"scheduled"}})

	assert.Equal(t, []string{"GetAccount", "AggregatedPostMetrics", "ListPosts", "ListPosts"}, c.ops())
}
