package faults_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// Blank answers: Buffer applies the change (or reads), then answers 200 without errors but
// without the payload. genqlient decodes each to zero values without a word; the client
// checks every answer against its operation's shape (client/shape.go), so that none of
// them reads as a success (SPEC §7.3).

// appliedThenBlank forwards the request and answers 200 with data rewritten by blank, which
// gets the sandbox's data object.
func appliedThenBlank(blank func(data map[string]json.RawMessage) map[string]json.RawMessage) fault {
	return fault{then: func(w http.ResponseWriter, _ *http.Request, up upstreamAnswer) error {
		var answer struct {
			Data map[string]json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal(up.body, &answer); err != nil {
			return fmt.Errorf("read the sandbox's answer: %w", err)
		}
		body, err := json.Marshal(map[string]any{"data": blank(answer.Data)})
		if err != nil {
			return err
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_, err = w.Write(body)
		return err
	}}
}

// emptyData is {"data":{}}.
func emptyData() fault {
	return appliedThenBlank(func(map[string]json.RawMessage) map[string]json.RawMessage { return map[string]json.RawMessage{} })
}

// nullPayload answers null for each root field: {"data":{"createPost":null}}.
func nullPayload() fault {
	return appliedThenBlank(func(data map[string]json.RawMessage) map[string]json.RawMessage {
		for k := range data {
			data[k] = json.RawMessage("null")
		}
		return data
	})
}

// emptyPayload answers an empty object for each root field: {"data":{"posts":{}}}.
func emptyPayload() fault {
	return appliedThenBlank(func(data map[string]json.RawMessage) map[string]json.RawMessage {
		for k := range data {
			data[k] = json.RawMessage("{}")
		}
		return data
	})
}

// TestEveryToolTakesABlankAnswerForWhatItIs: {"data":{}} to each tool's own operation is
// never a success. A read (get_account, get_channel, get_post, list_channels, list_ideas)
// is UpstreamUnavailable, retried; a change (edit_post, delete_post, create_idea) is
// OutcomeUnknown, sent once. list_posts and create_post are in the table (cases_test.go).
func TestEveryToolTakesABlankAnswerForWhatItIs(t *testing.T) {
	tests := []struct {
		tool, args string
		ops        []string // the operations answered blank
		want       outcome
	}{
		{"get_account", `{}`, []string{"GetAccount"}, outcome{typ: unavailable, retryable: true, requests: 3}},
		{"list_channels", `{}`, []string{"ListChannels"}, outcome{typ: unavailable, retryable: true, requests: 3}},
		{"get_channel", `{"channelId":"{linkedin}"}`, []string{"GetChannel", "ListChannels"}, outcome{typ: unavailable, retryable: true, requests: 3}},
		{"get_post", `{"postId":"{post}"}`, []string{"GetPost"}, outcome{typ: unavailable, retryable: true, requests: 3}},
		{"list_ideas", `{}`, []string{"ListIdeas"}, outcome{typ: unavailable, retryable: true, requests: 3}},
		{"edit_post", `{"postId":"{post}","text":"edited"}`, []string{"EditPost"}, outcome{typ: unknown, requests: 1}},
		{"delete_post", `{"postId":"{post}"}`, []string{"DeletePost"}, outcome{typ: unknown, requests: 1}},
		{"create_idea", `{"text":"an idea"}`, []string{"CreateIdea"}, outcome{typ: unknown, requests: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.tool, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, requestTimeout)
			for _, op := range tt.ops {
				e.inject(t, rule{op: op, fault: emptyData()})
			}
			args := strings.NewReplacer("{linkedin}", e.channel(t, "linkedin"), "{post}", e.seed.Posts["linkedin-queued-1"].ID).Replace(tt.args)

			res := e.call(t, tt.tool, args)

			var got tools.ErrorInfo
			if tt.tool == "create_idea" { // its advice is about ideas: assertError looks for list_posts
				got = testkit.ToolError(t, res)
				assert.Equal(t, tt.want.typ, got.Type)
				assert.Contains(t, got.Message, "list_ideas")
			} else {
				got = assertError(t, tt.want, res)
			}
			assert.Contains(t, got.Message, "incomplete")
			assert.Equal(t, tt.want.requests, e.attempts(tt.ops[0]), "%s attempts", tt.ops[0])
		})
	}
}
