package bench

import (
	"context"
	"encoding/json"
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

// LastWeekSteps is the conversation "how did last week do, and what is still scheduled?",
// organizationId always left out: the totals for last week, last week's sent posts with
// their metrics (from the window the totals read), then the queue.
var LastWeekSteps = []string{
	"get_aggregated_post_metrics (last week)", "list_posts (sent since then, includeMetrics)",
	"list_posts (scheduled)",
}

// conversationCall is one tool call of a conversation.
type conversationCall struct {
	name string
	args func(seed sandbox.SeedInfo, previous map[string]any) map[string]any
}

func fixed(args map[string]any) func(sandbox.SeedInfo, map[string]any) map[string]any {
	return func(sandbox.SeedInfo, map[string]any) map[string]any { return args }
}

// ConversationRequests runs ConversationSteps on the real tools (in process) against the
// in-process sandbox, through the real Buffer client, and returns the GraphQL operations
// that reached the sandbox, in order. tools/conversation_test.go checks the same count.
func ConversationRequests(ctx context.Context) ([]string, error) {
	return conversationRequests(ctx, tools.Selection{}, []conversationCall{
		{"get_account", fixed(map[string]any{})},
		{"list_channels", fixed(map[string]any{})},
		{"list_posts", fixed(map[string]any{"status": []string{"scheduled"}})},
		{"list_posts", fixed(map[string]any{"status": []string{"sent"}})},
		{"create_post", func(seed sandbox.SeedInfo, _ map[string]any) map[string]any {
			return map[string]any{"channelId": seed.Channels["linkedin"].ID, "text": "Holiday hours: open 8–2 on the 24th."}
		}},
		{"list_posts", fixed(map[string]any{"status": []string{"scheduled"}})},
	})
}

// LastWeekRequests runs LastWeekSteps the same way; tools/conversation_test.go checks the
// same count.
func LastWeekRequests(ctx context.Context) ([]string, error) {
	return conversationRequests(ctx, tools.Selection{}, []conversationCall{
		{"get_aggregated_post_metrics", fixed(map[string]any{"start": "last week"})},
		{"list_posts", func(_ sandbox.SeedInfo, previous map[string]any) map[string]any {
			window, _ := previous["window"].(map[string]any)
			return map[string]any{"status": []string{"sent"}, "includeMetrics": true, "dueAfter": fmt.Sprint(window["start"], "T00:00:00Z")}
		}},
		{"list_posts", fixed(map[string]any{"status": []string{"scheduled"}})},
	})
}

// conversationRequests makes the calls, each given the previous result, and returns the
// operations that reached the sandbox.
func conversationRequests(ctx context.Context, sel tools.Selection, calls []conversationCall) ([]string, error) {
	sb, err := sandbox.New(sandbox.Options{})
	if err != nil {
		return nil, err
	}
	gql := client.New(client.Config{Endpoint: "http://sandbox.invalid/", APIKey: sandbox.DefaultKey, Version: "bench", Transport: sb.Transport()})
	srv, err := newServer(gql, sel)
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
	var previous map[string]any
	for _, call := range calls {
		req := mcp.CallToolRequest{}
		req.Params.Name, req.Params.Arguments = call.name, call.args(sb.Seed(), previous)
		res, err := c.CallTool(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", call.name, err)
		}
		if res.IsError {
			return nil, fmt.Errorf("%s answered an error: %v", call.name, res.Content)
		}
		previous = nil
		if b, err := json.Marshal(res.StructuredContent); err == nil {
			_ = json.Unmarshal(b, &previous)
		}
	}
	var ops []string
	for _, r := range sb.Requests() {
		ops = append(ops, r.OperationName)
	}
	return ops, nil
}
