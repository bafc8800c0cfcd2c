package tools_test

import (
	"context"
	"errors"
	"testing"
	"time"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// asker is a 2025-era client's elicitation handler that answers with answer.
type asker func(ctx context.Context) (*mcp.ElicitationResult, error)

func (a asker) Elicit(ctx context.Context, _ mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
	return a(ctx)
}

// TestAQuestionThatFailsOrOutlivesTheCallIsNotConfirmed: for a 2025-era client, a question
// that the client answers with an error, or that is still open when the call's deadline
// comes, ends the call with NotConfirmed, an isError result (never a JSON-RPC error, which
// the model would not see), and nothing is sent (SPEC §7.3). On main mcp-go asked on the
// handler's behalf, and either came back as JSON-RPC error -32603.
func TestAQuestionThatFailsOrOutlivesTheCallIsNotConfirmed(t *testing.T) {
	tests := []struct {
		name     string
		answer   asker
		deadline time.Duration
		why      string
	}{
		{"the client fails", func(context.Context) (*mcp.ElicitationResult, error) {
			return nil, errors.New("no forms on this client")
		}, callTimeout, "no forms on this client"},
		{"no answer before the call's deadline", func(ctx context.Context) (*mcp.ElicitationResult, error) {
			<-ctx.Done()
			return nil, ctx.Err()
		}, 300 * time.Millisecond, "deadline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &harness{fake: newFakeBuffer(t), clock: &clock{now: fixedNow}}
			h.set = tools.New(tools.Deps{
				GQL: client.New(client.Config{Endpoint: h.fake.URL(), APIKey: "test-key", Version: "test",
					Retry: client.RetryPolicy{MaxAttempts: 1}}),
				Now: h.clock.Now, ConfirmPublish: true,
			})
			h.tools = h.set.Tools()
			c, err := mcpclient.NewInProcessClientWithOptions(mustServer(t, h.set, everyTool),
				mcpclient.WithElicitationHandler(tt.answer), mcpclient.WithProtocolVersion(legacyEra))
			require.NoError(t, err)
			t.Cleanup(func() { _ = c.Close() })
			ctx, cancel := context.WithTimeout(t.Context(), callTimeout)
			defer cancel()
			require.NoError(t, c.Start(ctx))
			_, err = c.Initialize(ctx, mcp.InitializeRequest{})
			require.NoError(t, err)
			h.stub(getChannelOK(ch1JSON))

			callCtx, cancelCall := context.WithTimeout(t.Context(), tt.deadline)
			defer cancelCall()
			req := mcp.CallToolRequest{}
			req.Params.Name = "create_post"
			req.Params.Arguments = map[string]any{"channelId": ch1, "text": "Hello", "mode": "shareNow"}
			start := time.Now()
			res, err := c.CallTool(callCtx, req)

			require.NoError(t, err, "a tool result, not a JSON-RPC error")
			got := testkit.ToolError(t, res)
			assert.Equal(t, tools.TypeNotConfirmed, got.Type)
			assert.Contains(t, got.Message, tt.why)
			assert.Less(t, time.Since(start), tt.deadline+2*time.Second, "the wait ends with the call")
			assert.Zero(t, h.fake.count("CreatePost"), "nothing sent")
		})
	}
}
