package tools_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// TestTextIsBoundedAndNotBlank: a text of more than 100,000 characters, or of white space
// only without assets, is InvalidArguments naming text, and nothing is sent (SPEC §7.3);
// 100,000 characters, or white space beside an asset, go through.
func TestTextIsBoundedAndNotBlank(t *testing.T) {
	atMost := strings.Repeat("é", 100_000) // characters, not bytes
	tooLong := atMost + "x"
	image := `,"assets":[{"type":"image","url":"https://cdn.example.com/a.png"}]`
	tests := []struct {
		name, tool, args string
		want             string // the message's start; "" for a success
		field            string // "" for text
	}{
		{"create_post, 100,001 characters", "create_post", `{"channelId":"{ch1}","text":"` + tooLong + `"}`, "text: is 100001 characters long", ""},
		{"create_post, white space only", "create_post", `{"channelId":"{ch1}","text":" \n\t "}`, "text: is only white space", ""},
		{"create_post, empty", "create_post", `{"channelId":"{ch1}","text":""}`, "text: is empty", ""},
		{"edit_post, 100,001 characters", "edit_post", `{"postId":"{post1}","text":"` + tooLong + `"}`, "text: is 100001 characters long", ""},
		{"edit_post, white space only and no assets left", "edit_post", `{"postId":"{post1}","text":"   ","assets":[]}`, "text: is only white space", ""},
		{"create_post, 100,000 characters", "create_post", `{"channelId":"{ch1}","text":"` + atMost + `"}`, "", ""},
		{"create_post, white space beside an image", "create_post", `{"channelId":"{ch1}","text":"  "` + image + `}`, "", ""},
		{"a thread's post of 100,001 characters", "create_post", `{"channelId":"{ch1}","thread":[{"text":"one"},{"text":"` + tooLong + `"}]}`,
			"thread[1].text: is 100001 characters long", "thread[1].text"},
		{"a thread's post of white space only", "create_post", `{"channelId":"{ch1}","thread":[{"text":"one"},{"text":"  "}]}`,
			"thread[1].text: is only white space", "thread[1].text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			if tt.want == "" {
				h.stub(getChannelOK(ch1JSON), createPostOK("{post1}", "{ch1}", "America/New_York", "ok"))
			}

			res := h.call(t, tt.tool, tt.args)

			if tt.want == "" {
				require.False(t, res.IsError, "%v", res.Content)
				return
			}
			got := testkit.ToolError(t, res)
			assert.Equal(t, tools.TypeInvalidArguments, got.Type)
			field := tt.field
			if field == "" {
				field = "text"
			}
			assert.Equal(t, field, got.Field)
			assert.True(t, strings.HasPrefix(got.Message, tt.want), got.Message)
			assert.Less(t, len(got.Message), 300, "the message does not repeat the text")
			h.fake.assertNoRequest(t)
		})
	}
}

// TestAnArgumentIsNotEchoedWhole: an invalid id or enum of megabytes is named in the error
// cut to 64 characters, not repeated whole.
func TestAnArgumentIsNotEchoedWhole(t *testing.T) {
	h := newHarness(t)
	for _, args := range []string{
		`{"postId":"` + strings.Repeat("z", 1<<20) + `"}`,
	} {
		got := testkit.ToolError(t, h.call(t, "get_post", args))
		assert.Equal(t, tools.TypeInvalidArguments, got.Type)
		assert.Less(t, len(got.Message), 300, got.Message[:min(len(got.Message), 300)])
		assert.Contains(t, got.Message, "(1048576 characters)")
	}
	got := testkit.ToolError(t, h.call(t, "list_posts", `{"sort":"`+strings.Repeat("q", 1<<20)+`"}`))
	assert.Less(t, len(got.Message), 400)
	h.fake.assertNoRequest(t)
}

// syncBuffer is a log destination that the tool handlers may write to concurrently.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestBuffersMessagesAreCutInTheLogs: at debug level, nothing that Buffer's 3 MiB message
// or a cause built from a 3 MiB answer comes to makes a log line longer than a few
// thousand characters.
func TestBuffersMessagesAreCutInTheLogs(t *testing.T) {
	var logs syncBuffer
	h := newHarness(t, func(d *tools.Deps) {
		d.Log = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	huge := strings.Repeat("m", 3<<20)
	h.stub(getChannelOK(ch1JSON), mutationError("CreatePost", "createPost", "InvalidInputError", huge),
		gqlErrors("GetPost", fmt.Sprintf(`{"message":%q,"extensions":{"code":"UNEXPECTED"}}`, huge)),
		stub{op: "DeletePost", body: `{"data":{"deletePost":` + huge}) // cut off: the decode error's text is logged

	for _, c := range []struct{ tool, args string }{
		{"create_post", `{"channelId":"{ch1}","text":"hi"}`},
		{"get_post", `{"postId":"{post1}"}`},
		{"delete_post", `{"postId":"{post1}"}`},
	} {
		got := testkit.ToolError(t, h.call(t, c.tool, c.args))
		assert.LessOrEqual(t, len(got.Message), 2*2000+100, c.tool)
	}
	for line := range strings.Lines(logs.String()) {
		assert.Less(t, len(line), 5000, "a log line of %d bytes: %.200s", len(line), line)
	}
}
