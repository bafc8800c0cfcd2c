package faults_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// TestSeveralChannelsStopAfterOutcomeUnknown: create_post on channels A, B and C, with each
// fault that leaves B's outcome unknown. A is created, B is OutcomeUnknown, C is NotAttempted
// and never sent, and the sandbox holds A's post and, when the fault let it through, B's.
func TestSeveralChannelsStopAfterOutcomeUnknown(t *testing.T) {
	for _, c := range faultCases {
		if c.mutation.typ == unknown {
			t.Run(c.name, func(t *testing.T) { testSeveralChannels(t, c) })
		}
	}
}

// TestSeveralChannelsGoOnAfterADefiniteFailure: with each fault whose answer is definite, B
// fails with that error, and C is still sent and created.
func TestSeveralChannelsGoOnAfterADefiniteFailure(t *testing.T) {
	for _, c := range faultCases {
		// A refused connection is refused for every channel alike: it cannot be aimed at B.
		if c.mutation.typ != unknown && !c.fault.refuse {
			t.Run(c.name, func(t *testing.T) { testSeveralChannels(t, c) })
		}
	}
}

// createPostResult is create_post's structuredContent, as far as these tests read it.
type createPostResult struct {
	Posts []struct {
		ID        string `json:"id"`
		ChannelID string `json:"channelId"`
	} `json:"posts"`
	Failed []struct {
		ChannelID string          `json:"channelId"`
		Error     tools.ErrorInfo `json:"error"`
	} `json:"failed"`
}

func testSeveralChannels(t *testing.T, c faultCase) {
	t.Parallel()
	e := newEnv(t, c.clientTimeout())
	a, b, cc := e.channel(t, "linkedin"), e.channel(t, "twitter"), e.channel(t, "mastodon")
	text := "several channels: " + c.name
	before := len(e.sandbox.Posts())
	e.inject(t, rule{op: "CreatePost", channelID: b, fault: c.fault})

	res := e.call(t, "create_post", fmt.Sprintf(`{"channelIds":[%q,%q,%q],"text":%q}`, a, b, cc, text))

	require.False(t, res.IsError, "a post was created, so not an error; content: %v", res.Content)
	var got createPostResult
	require.NoError(t, json.Unmarshal(res.RawStructuredContent, &got))

	stopped := c.mutation.typ == unknown
	wantCreated, wantSent := []string{a}, []string{a, b}
	if !stopped {
		wantCreated, wantSent = []string{a, cc}, []string{a, b, cc}
	}
	var created []string
	for _, p := range got.Posts {
		created = append(created, p.ChannelID)
	}
	assert.Equal(t, wantCreated, created, "channels of the posts created")
	assert.Equal(t, wantSent, e.proxy.channels("CreatePost"), "channels of the CreatePost requests sent")

	wantFailed := 1
	if stopped {
		wantFailed = 2
	}
	require.Len(t, got.Failed, wantFailed, "failed: %s", res.RawStructuredContent)
	fb := got.Failed[0]
	assert.Equal(t, b, fb.ChannelID)
	assert.Equal(t, tools.ErrorInfo{Type: c.mutation.typ, Message: fb.Error.Message, Retryable: c.mutation.retryable,
		RetryAfterSeconds: c.mutation.retryAfter, Window: c.mutation.window, ChannelID: b}, fb.Error)
	if stopped {
		assert.Contains(t, fb.Error.Message, "list_posts", "an OutcomeUnknown says how to check")
		fc := got.Failed[1]
		assert.Equal(t, cc, fc.ChannelID)
		assert.Equal(t, tools.TypeNotAttempted, fc.Error.Type)
		assert.Equal(t, cc, fc.Error.ChannelID)
		assert.False(t, fc.Error.Retryable)
	}
	summary, _, _ := strings.Cut(testkit.Text(res), "\n")
	assert.True(t, strings.HasPrefix(summary, fmt.Sprintf("Created %d of 3 posts; %d failed, first %s: %s: ",
		len(wantCreated), wantFailed, b, c.mutation.typ)), "summary line %q", summary)

	// The sandbox holds the posts the result lists, with their ids, and B's when the fault
	// let its request through.
	inSandbox := map[string]string{} // channel → post id
	for _, p := range e.postsWithText(text) {
		_, dup := inSandbox[p.ChannelID]
		assert.False(t, dup, "two posts on channel %s", p.ChannelID)
		inSandbox[p.ChannelID] = p.ID
	}
	for _, p := range got.Posts {
		assert.Equal(t, p.ID, inSandbox[p.ChannelID], "the sandbox's post on %s", p.ChannelID)
	}
	_, onB := inSandbox[b]
	assert.Equal(t, c.mutation.delta == 1, onB, "a post on B in the sandbox")
	assert.Len(t, inSandbox, len(wantCreated)+c.mutation.delta, "posts with the text sent")
	assert.Len(t, e.sandbox.Posts(), before+len(wantCreated)+c.mutation.delta, "posts in the sandbox")
}
