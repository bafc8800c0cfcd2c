package tools_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

var editPostOK = gql("EditPost", `{"editPost":{"__typename":"PostActionSuccess","post":`+
	postJSON("{post1}", "{ch1}", "America/New_York", "Hello")+`}}`)

func TestEditPostSendsOnlyTheGivenFields(t *testing.T) {
	tests := []struct {
		name     string
		args     string
		wantVars string
	}{
		{name: "text", args: `{"postId":"{post1}","text":"New"}`, wantVars: `{"input":{"id":"{post1}","text":"New"}}`},
		{name: "empty text is sent", args: `{"postId":"{post1}","text":""}`, wantVars: `{"input":{"id":"{post1}","text":""}}`},
		{name: "null text is left out", args: `{"postId":"{post1}","text":null,"mode":"shareNext"}`, wantVars: `{"input":{"id":"{post1}","mode":"shareNext"}}`},
		{
			name:     "dueAt alone travels with customScheduled",
			args:     `{"postId":"{post1}","dueAt":"2026-03-10T09:00:00-05:00"}`,
			wantVars: `{"input":{"id":"{post1}","mode":"customScheduled","dueAt":"2026-03-10T14:00:00Z"}}`,
		},
		{
			name:     "customScheduled with dueAt",
			args:     `{"postId":"{post1}","mode":"customScheduled","dueAt":"2026-03-10T14:00:00Z"}`,
			wantVars: `{"input":{"id":"{post1}","mode":"customScheduled","dueAt":"2026-03-10T14:00:00Z"}}`,
		},
		{name: "mode alone", args: `{"postId":"{post1}","mode":"addToQueue"}`, wantVars: `{"input":{"id":"{post1}","mode":"addToQueue"}}`},
		{name: "empty assets remove the media", args: `{"postId":"{post1}","assets":[]}`, wantVars: `{"input":{"id":"{post1}","assets":[]}}`},
		{
			name:     "assets replace the media",
			args:     `{"postId":"{post1}","assets":[{"type":"image","url":"https://e.com/b.png"}]}`,
			wantVars: `{"input":{"id":"{post1}","assets":[{"image":{"url":"https://e.com/b.png"}}]}}`,
		},
		{name: "saveToDraft false is sent", args: `{"postId":"{post1}","saveToDraft":false}`, wantVars: `{"input":{"id":"{post1}","saveToDraft":false}}`},
		{name: "saveToDraft true", args: `{"postId":"{post1}","saveToDraft":true}`, wantVars: `{"input":{"id":"{post1}","saveToDraft":true}}`},
		{name: "schedulingType", args: `{"postId":"{post1}","schedulingType":"notification"}`, wantVars: `{"input":{"id":"{post1}","schedulingType":"notification"}}`},
		{
			name:     "shareNow confirmed",
			args:     `{"postId":"{post1}","mode":"shareNow","confirmPublishNow":true}`,
			wantVars: `{"input":{"id":"{post1}","mode":"shareNow"}}`,
		},
		{
			name:     "everything",
			args:     `{"postId":"{post1}","text":"New","dueAt":"2026-03-10T14:00:00Z","schedulingType":"automatic","assets":[],"saveToDraft":false}`,
			wantVars: `{"input":{"id":"{post1}","text":"New","mode":"customScheduled","dueAt":"2026-03-10T14:00:00Z","schedulingType":"automatic","assets":[],"saveToDraft":false}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(editPostOK)

			requireSuccess(t, h.call(t, "edit_post", tt.args))

			h.assertVariables(t, "EditPost", tt.wantVars)
		})
	}
}

func TestEditPostRefusesAPastDueAtShowingItInThePostsChannelTimezone(t *testing.T) {
	h := newHarness(t)
	h.stub(gql("GetPost", `{"post":`+postJSON("{post1}", "{ch3}", "Asia/Tokyo", "Hello")+`}`))

	got := testkit.ToolError(t, h.call(t, "edit_post", `{"postId":"{post1}","dueAt":"2026-03-01T14:00:00Z"}`))

	assert.Equal(t, tools.TypeInvalidArguments, got.Type)
	assert.Equal(t, "dueAt", got.Field)
	assert.Contains(t, got.Message, "Sun 1 Mar 2026 23:00 JST (Asia/Tokyo) is in the past (it is now Tue 3 Mar 2026 00:04 JST (Asia/Tokyo))")
	assert.Equal(t, []string{"GetPost"}, h.fake.ops(), "no EditPost")
	h.assertVariables(t, "GetPost", `{"id":"{post1}"}`)
}

func TestAMissingPostIsNotFoundAndMayHaveBeenDeleted(t *testing.T) {
	notFound := `{"message":"Post not found","extensions":{"code":"NOT_FOUND"}}`
	tests := []struct {
		name     string
		tool     string
		args     string
		answer   stub
		wantType string
	}{
		{name: "get_post", tool: "get_post", args: `{"postId":"{post1}"}`, answer: gqlErrors("GetPost", notFound), wantType: "NotFound"},
		{name: "edit_post", tool: "edit_post", args: `{"postId":"{post1}","text":"x"}`, answer: gqlErrors("EditPost", notFound), wantType: "NotFound"},
		{
			name: "edit_post NotFoundError", tool: "edit_post", args: `{"postId":"{post1}","text":"x"}`,
			answer:   mutationError("EditPost", "editPost", "NotFoundError", "Post not found"),
			wantType: "NotFoundError",
		},
		{name: "delete_post", tool: "delete_post", args: `{"postId":"{post1}"}`, answer: gqlErrors("DeletePost", notFound), wantType: "NotFound"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(tt.answer)

			got := testkit.ToolError(t, h.call(t, tt.tool, tt.args))

			assert.Equal(t, tt.wantType, got.Type)
			assert.Contains(t, got.Message, post1)
			assert.Contains(t, got.Message, "may have been deleted")
			assert.Contains(t, got.Message, "Post not found")
		})
	}
}
