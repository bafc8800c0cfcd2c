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

// TestHowDidLastWeekDoCostsFourRequests runs "how did last week do, and what is still
// scheduled?" against the sandbox with the default toolsets, organizationId left out: the
// account is read once (the organization, and the timezone "last week" is read in), then
// one request per step. bench's requests figure prints the same sequence.
func TestHowDidLastWeekDoCostsFourRequests(t *testing.T) {
	sb, err := sandbox.New(sandbox.Options{})
	require.NoError(t, err)
	gql := client.New(client.Config{Endpoint: "http://sandbox.invalid/", APIKey: sandbox.DefaultKey, Version: "test", Transport: sb.Transport()})
	c, err := mcpclient.NewInProcessClient(mustServer(t, tools.New(tools.Deps{GQL: gql}), tools.Selection{}))
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	require.NoError(t, c.Start(ctx))
	_, err = c.Initialize(ctx, mcp.InitializeRequest{})
	require.NoError(t, err)
	call := func(name string, args map[string]any) map[string]any {
		t.Helper()
		req := mcp.CallToolRequest{}
		req.Params.Name, req.Params.Arguments = name, args
		res, err := c.CallTool(ctx, req)
		require.NoError(t, err)
		require.False(t, res.IsError, "%s: %v", name, res.Content)
		var out map[string]any
		b, _ := json.Marshal(res.StructuredContent)
		require.NoError(t, json.Unmarshal(b, &out))
		return out
	}

	totals := call("get_aggregated_post_metrics", map[string]any{"start": "last week"})
	window := totals["window"].(map[string]any)
	call("list_posts", map[string]any{"status": []string{"sent"}, "includeMetrics": true, "dueAfter": window["start"].(string) + "T00:00:00Z"})
	call("list_posts", map[string]any{"status": []string{"scheduled"}})

	var ops []string
	for _, r := range sb.Requests() {
		ops = append(ops, r.OperationName)
	}
	assert.Equal(t, []string{"GetAccount", "AggregatedPostMetrics", "ListPosts", "ListPosts"}, ops)
}
