package bench

import (
	"context"
	"fmt"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/sandbox"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// ConversationSteps is a typical conversation, the one the upstream-requests target is
// about, organizationId always left out.
var ConversationSteps = []string{
	"get_account", "list_channels", "list_posts (scheduled)", "list_posts (sent)",
	"create_post on one channel", "list_posts (scheduled)",
}

// ConversationRequests runs ConversationSteps on the real tools (in process) against the
// in-process sandbox, through the real Buffer client, and returns the GraphQL operations
// that reached the sandbox, in order. tools/conversation_test.go checks the same count.
func ConversationRequests(ctx context.Context) ([]string, error) {
	sb, err := sandbox.New(sandbox.Options{})
	if err != nil {
		return nil, err
	}
	gql := client.New(client.Config{Endpoint: "http://sandbox.invalid/", APIKey: sandbox.DefaultKey, Version: "bench", Transport: sb.Transport()})
	srv, err := newServer(gql, tools.Selection{})
	if err != nil {
		return nil, err
	}
	c, err := mcpclient.NewInProcessClient(srv)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	if err := c.Start(ctx); err != nil {
		return nil, err
	}
	if _, err := c.Initialize(ctx, mcp.InitializeRequest{}); err != nil {
		return nil, err
	}
	linkedin := sb.Seed().Channels["linkedin"].ID
	calls := []struct {
		name string
		args map[string]any
	}{
		{"get_account", map[string]any{}},
		{"list_channels", map[string]any{}},
		{"list_posts", map[string]any{"status": []string{"scheduled"}}},
		{"list_posts", map[string]any{"status": []string{"sent"}}},
		{"create_post", map[string]any{"channelId": linkedin, "text": "Holiday hours: open 8–2 on the 24th."}},
		{"list_posts", map[string]any{"status": []string{"scheduled"}}},
	}
	for _, call := range calls {
		req := mcp.CallToolRequest{}
		req.Params.Name, req.Params.Arguments = call.name, call.args
		res, err := c.CallTool(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", call.name, err)
		}
		if res.IsError {
			return nil, fmt.Errorf("%s answered an error: %v", call.name, res.Content)
		}
	}
	var ops []string
	for _, r := range sb.Requests() {
		ops = append(ops, r.OperationName)
	}
	return ops, nil
}
