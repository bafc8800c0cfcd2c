package faults_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// concurrentTimeout is the client's per-request timeout under 200 calls at once.
const concurrentTimeout = 30 * time.Second

// TestConcurrentCallsSucceedAndLeaveNoGoroutine makes 200 tool calls at once, half
// list_posts and half create_post on three channels, through the proxy without faults:
// every call succeeds, every post is created once, and once the MCP client, the client's
// idle connections and the servers are closed, no goroutine is left.
func TestConcurrentCallsSucceedAndLeaveNoGoroutine(t *testing.T) {
	ignore := goleak.IgnoreCurrent() // what the test runner itself keeps
	// The claim is that every call succeeds, not how fast: the timeouts leave room for a
	// busy machine running the race detector (CI runs packages in parallel).
	e := newEnv(t, concurrentTimeout)
	ctx, cancel := context.WithTimeout(t.Context(), 2*concurrentTimeout)
	defer cancel()
	channels := []string{e.channel(t, "linkedin"), e.channel(t, "twitter"), e.channel(t, "mastodon")}
	before := len(e.sandbox.Posts())

	const calls = 200
	start := time.Now()
	results := make([]*mcp.CallToolResult, calls)
	errs := make([]error, calls)
	var wg sync.WaitGroup
	for i := range calls {
		wg.Go(func() {
			name, args := "list_posts", `{"first":5}`
			if i%2 == 1 {
				name, args = "create_post", fmt.Sprintf(`{"channelId":%q,"text":"concurrent %d"}`, channels[i%3], i)
			}
			results[i], errs[i] = e.tryCall(ctx, name, args)
		})
	}
	wg.Wait()
	t.Logf("%d calls at once took %v", calls, time.Since(start).Round(time.Millisecond))

	ids := map[string]bool{}
	for i, res := range results {
		require.NoError(t, errs[i], "call %d", i)
		require.False(t, res.IsError, "call %d: %v", i, res.Content)
		if i%2 == 0 {
			continue
		}
		var got createPostResult
		require.NoError(t, json.Unmarshal(res.RawStructuredContent, &got))
		require.Len(t, got.Posts, 1, "call %d", i)
		inSandbox := e.postsWithText(fmt.Sprintf("concurrent %d", i))
		if assert.Len(t, inSandbox, 1, "call %d's post in the sandbox", i) {
			assert.Equal(t, got.Posts[0].ID, inSandbox[0].ID)
			assert.Equal(t, channels[i%3], inSandbox[0].ChannelID)
		}
		ids[got.Posts[0].ID] = true
	}
	assert.Len(t, ids, calls/2, "distinct post ids")
	assert.Len(t, e.sandbox.Posts(), before+calls/2, "posts in the sandbox")
	for _, op := range []string{"ListPosts", "CreatePost"} {
		assert.Equal(t, calls/2, e.proxy.count(op), "%s requests sent", op)
		assert.Equal(t, calls/2, e.sandboxSaw(op), "%s requests that reached the sandbox", op)
	}

	e.close()
	goleak.VerifyNone(t, ignore)
}
