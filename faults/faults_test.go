package faults_test

import (
	"fmt"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// TestReadFaults injects each fault into every ListPosts request: list_posts answers the
// expected error after the expected number of attempts, and no post changes.
func TestReadFaults(t *testing.T) {
	for _, c := range faultCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, c.clientTimeout())
			before := e.sandbox.Posts()
			e.inject(t, rule{op: "ListPosts", fault: c.fault})

			res := e.call(t, "list_posts", `{}`)

			assertError(t, c.read, res)
			assert.Equal(t, c.read.requests, e.attempts("ListPosts"), "ListPosts attempts")
			assert.Equal(t, c.reached(c.read), e.sandboxSaw("ListPosts"), "ListPosts requests that reached the sandbox")
			assert.Equal(t, before, e.sandbox.Posts(), "posts after a read")
		})
	}
}

// TestMutationFaults injects each fault into create_post's one CreatePost request: the
// mutation is sent exactly once, and the sandbox holds the post exactly when the fault let
// the request through.
func TestMutationFaults(t *testing.T) {
	for _, c := range faultCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, c.clientTimeout())
			ch := e.channel(t, "linkedin")
			text := "fault: " + c.name
			before := len(e.sandbox.Posts())
			e.inject(t, rule{op: "CreatePost", fault: c.fault})

			res := e.call(t, "create_post", fmt.Sprintf(`{"channelId":%q,"text":%q}`, ch, text))

			assertError(t, c.mutation, res)
			assert.Equal(t, c.mutation.requests, e.attempts("CreatePost"), "CreatePost attempts")
			assert.Equal(t, c.reached(c.mutation), e.sandboxSaw("CreatePost"), "CreatePost requests that reached the sandbox")
			assert.Len(t, e.sandbox.Posts(), before+c.mutation.delta, "posts in the sandbox")
			created := e.postsWithText(text)
			if assert.Len(t, created, c.mutation.delta, "posts with the text sent") && len(created) == 1 {
				assert.Equal(t, ch, created[0].ChannelID)
			}
		})
	}
}

// TestReadsRecoverFromOneTransientFault faults only the first ListPosts request, for each
// fault that reads retry: the second attempt succeeds, and the result is the one a
// fault-free call gets.
func TestReadsRecoverFromOneTransientFault(t *testing.T) {
	for _, c := range faultCases {
		if c.read.requests < 2 {
			continue // not retried
		}
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, c.clientTimeout())
			e.inject(t, rule{op: "ListPosts", times: 1, fault: c.fault})

			res := e.call(t, "list_posts", `{}`)

			require.False(t, res.IsError, "isError; content: %v", res.Content)
			assert.Equal(t, 2, e.attempts("ListPosts"), "ListPosts attempts")
			clean := e.call(t, "list_posts", `{}`)
			require.False(t, clean.IsError, "isError; content: %v", clean.Content)
			assert.JSONEq(t, string(clean.RawStructuredContent), string(res.RawStructuredContent))
		})
	}
}

// TestRejectedInputsLeaveTheSandboxUnchanged: an input that the tool refuses sends nothing
// at all; one that Buffer refuses is sent once; neither adds a post.
func TestRejectedInputsLeaveTheSandboxUnchanged(t *testing.T) {
	for _, c := range rejectedCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if c.readArgs != "" {
				t.Run("list_posts", func(t *testing.T) {
					e := newEnv(t, requestTimeout)
					assertError(t, c.read, e.call(t, "list_posts", c.readArgs))
					assert.Equal(t, c.read.requests, e.attempts("ListPosts"), "ListPosts attempts")
					if c.read.requests == 0 {
						assert.Zero(t, e.proxy.total(), "requests of any operation")
					}
				})
			}
			t.Run("create_post", func(t *testing.T) {
				e := newEnv(t, requestTimeout)
				before := len(e.sandbox.Posts())
				text := "rejected: " + c.name

				assertError(t, c.mutation, e.call(t, "create_post", c.mutationArgs(t, e, text)))

				assert.Equal(t, c.mutation.requests, e.attempts("CreatePost"), "CreatePost attempts")
				assert.Equal(t, c.mutation.requests, e.sandboxSaw("CreatePost"), "CreatePost requests that reached the sandbox")
				if c.mutation.requests == 0 {
					assert.Zero(t, e.proxy.total(), "requests of any operation")
				}
				assert.Len(t, e.sandbox.Posts(), before, "posts in the sandbox")
				assert.Empty(t, e.postsWithText(text), "posts with the text sent")
			})
		})
	}
}

// assertError asserts that res is the error result want describes, and that its text
// content is the same error in one line.
func assertError(t *testing.T, want outcome, res *mcp.CallToolResult) tools.ErrorInfo {
	t.Helper()
	got := testkit.ToolError(t, res)
	assert.Equal(t, want.typ, got.Type, "error.type; message: %s", got.Message)
	assert.Equal(t, want.retryable, got.Retryable, "error.retryable")
	assert.Equal(t, want.retryAfter, got.RetryAfterSeconds, "error.retryAfterSeconds")
	assert.Equal(t, want.window, got.Window, "error.window")
	assert.NotEmpty(t, got.Message, "error.message")
	assert.Equal(t, got.Type+": "+got.Message, testkit.Text(res), "text content")
	if want.typ == unknown {
		assert.Contains(t, got.Message, "list_posts", "an OutcomeUnknown says how to check")
	}
	return got
}
