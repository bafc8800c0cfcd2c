package faults_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
)

// TestBuffersMessagesAreCutTo2000Characters: a misbehaving Buffer's 3 MiB error message, as
// a top-level error, as many errors, or as a mutation's error member, reaches the result cut
// to 2,000 characters, in the text content and in structuredContent alike (SPEC §7.3). On
// main it was passed on whole, twice.
func TestBuffersMessagesAreCutTo2000Characters(t *testing.T) {
	huge := strings.Repeat("é", 3<<20/2) // 3 MiB of two-byte characters
	many := make([]string, 300)
	for i := range many {
		many[i] = fmt.Sprintf(`{"message":"error %d: %s"}`, i, strings.Repeat("x", 10_000))
	}
	tests := []struct {
		name, tool, op string
		fault          fault
		typ            string
	}{
		{"a 3 MiB top-level error", "list_posts", "ListPosts",
			graphQLError(http.StatusBadRequest, nil, huge, `{"code":"GRAPHQL_VALIDATION_FAILED"}`), client.TypeUpstreamError},
		{"300 errors of 10 kB", "list_posts", "ListPosts",
			answer(http.StatusOK, map[string]string{"Content-Type": "application/json"}, `{"errors":[`+strings.Join(many, ",")+`]}`), client.TypeUpstreamError},
		{"a 3 MiB NOT_FOUND", "list_posts", "ListPosts",
			graphQLError(http.StatusOK, nil, huge, `{"code":"NOT_FOUND"}`), client.TypeNotFound},
		{"a 3 MiB error member", "create_post", "CreatePost",
			answer(http.StatusOK, map[string]string{"Content-Type": "application/json"},
				`{"data":{"createPost":{"__typename":"InvalidInputError","message":"`+huge+`"}}}`), "InvalidInputError"},
		{"a 3 MiB unknown member", "create_post", "CreatePost",
			answer(http.StatusOK, map[string]string{"Content-Type": "application/json"},
				`{"data":{"createPost":{"__typename":"BrandNewError","message":"`+huge+`"}}}`), "BrandNewError"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, requestTimeout)
			args := `{}`
			if tt.tool == "create_post" {
				args = fmt.Sprintf(`{"channelId":%q,"text":"sizes"}`, e.channel(t, "linkedin"))
			}
			e.inject(t, rule{op: tt.op, fault: tt.fault})

			res := e.call(t, tt.tool, args)

			got := testkit.ToolError(t, res)
			assert.Equal(t, tt.typ, got.Type)
			assert.LessOrEqual(t, utf8.RuneCountInString(got.Message), client.MaxMessageChars, "structuredContent.error.message")
			assert.True(t, strings.HasSuffix(got.Message, "…"), "the cut is shown")
			assert.LessOrEqual(t, utf8.RuneCountInString(testkit.Text(res)), client.MaxMessageChars+len(got.Type)+2, "text content")
			assert.Less(t, len(res.RawStructuredContent), 3*client.MaxMessageChars+200, "structuredContent")
		})
	}
}
