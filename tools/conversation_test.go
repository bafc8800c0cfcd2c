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

// TestATypicalConversationCostsOneRequestPerStep runs a typical conversation against the
// sandbox, with organizationId always left out, and counts what reached Buffer: the
// account, organizations and channels come from the cache after their first read, a post
// write keeps them, and every read of posts is fresh. Six steps, six requests.
func TestATypicalConversationCostsOneRequestPerStep(t *testing.T) {
	sb, err := sandbox.New(sandbox.Options{})
	require.NoError(t, err)
	gql := client.New(client.Config{Endpoint: "http://sandbox.invalid/", APIKey: sandbox.DefaultKey, Version: "test", Transport: sb.Transport()})
	c, err := mcpclient.NewInProcessClient(mustServer(t, tools.New(tools.Deps{GQL: gql}), everyTool))
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
	linkedin := sb.Seed().Channels["linkedin"].ID

	call("get_account", map[string]any{})
	call("list_channels", map[string]any{})
	call("list_posts", map[string]any{"status": []string{"scheduled"}})
	call("list_posts", map[string]any{"status": []string{"sent"}})
	call("create_post", map[string]any{"channelId": linkedin, "text": "Holiday hours: open 8–2 on the 24th."})
	after := call("list_posts", map[string]any{"status": []string{"scheduled"}})

	var ops []string
	for _, r := range sb.Requests() {
		ops = append(ops, r.OperationName)
	}
	assert.Equal(t, []string{"GetAccount", "ListChannels", "ListPosts", "ListPosts", "CreatePost", "ListPosts"}, ops)
	found := false
	for _, p := range after["posts"].([]any) {
		if p.(map[string]any)["text"] == "Holiday hours: open 8–2 on the 24th." {
			found = true
		}
	}
	assert.True(t, found, "the last read of posts is fresh: it shows the new post")
}
