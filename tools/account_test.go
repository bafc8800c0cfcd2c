package tools_test

import (
	"testing"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGetAccountGivesTheCurrentTimeInTheAccountsTimezone(t *testing.T) {
	tests := []struct {
		name       string
		timezone   string // as Buffer sends it, JSON
		wantResult string
	}{
		{
			name: "New York", timezone: `"America/New_York"`,
			wantResult: `{"account":{"id":"{account}","email":"ada@example.com","timezone":"America/New_York",` +
				`"currentTime":"2026-03-02T10:04:05-05:00"},"organizations":[{"id":"{org1}","name":"Analytical Engines","channelCount":3}]}`,
		},
		{
			name: "no timezone is UTC", timezone: `null`,
			wantResult: `{"account":{"id":"{account}","email":"ada@example.com","timezone":"UTC",` +
				`"currentTime":"2026-03-02T15:04:05Z"},"organizations":[{"id":"{org1}","name":"Analytical Engines","channelCount":3}]}`,
		},
		{
			name: "empty timezone is UTC", timezone: `""`,
			wantResult: `{"account":{"id":"{account}","email":"ada@example.com","timezone":"UTC",` +
				`"currentTime":"2026-03-02T15:04:05Z"},"organizations":[{"id":"{org1}","name":"Analytical Engines","channelCount":3}]}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(getAccountOK(`{"account":{"id":"{account}","email":"ada@example.com","name":null,"timezone":` + tt.timezone +
				`,"organizations":[{"id":"{org1}","name":"Analytical Engines","channelCount":3}]}}`))

			res := h.call(t, "get_account", "")

			requireSuccess(t, res)
			assertStructured(t, tt.wantResult, res)
		})
	}
}

func TestGetPostLeavesOutAThumbnailThatIsTheAssetItself(t *testing.T) {
	h := newHarness(t)
	h.stub(gql("GetPost", `{"post":{"id":"{post1}","channelId":"{ch2}","channelService":"instagram","status":"draft",`+
		`"text":"","dueAt":null,"sentAt":null,"createdAt":"2026-03-01T10:00:00Z","externalLink":null,"error":null,"tags":[],`+
		`"schedulingType":"notification","shareMode":"addToQueue","assets":[{"__typename":"ImageAsset","type":"image",`+
		`"source":"https://cdn.example.com/a.png","thumbnail":"https://cdn.example.com/a.png"}],"channel":{"timezone":"Europe/Berlin"}}}`))

	res := h.call(t, "get_post", `{"postId":"{post1}"}`)

	requireSuccess(t, res)
	assertStructured(t, `{"post":{"id":"{post1}","channelId":"{ch2}","channelService":"instagram","status":"draft","text":"",`+
		`"createdAt":"2026-03-01T10:00:00Z","timezone":"Europe/Berlin","schedulingType":"notification","shareMode":"addToQueue",`+
		`"assets":[{"type":"image","url":"https://cdn.example.com/a.png"}]}}`, res)
}

func TestResultsNoteALowRequestBudgetBriefly(t *testing.T) {
	h := newHarness(t)
	low := gql("GetAccount", accountData)
	low.header = map[string]string{
		"RateLimit":        `"100-in-15min";r=6;t=300`,
		"RateLimit-Policy": `"100-in-15min";q=100;w=900`,
	}
	h.stub(low)

	res := h.call(t, "get_account", "")

	requireSuccess(t, res)
	require.Len(t, res.Content, 2, "the JSON, then the note")
	note, ok := mcp.AsTextContent(res.Content[1])
	require.True(t, ok)
	assert.Equal(t, "Note: Buffer's 15m request budget is low: 6 of 100 left, resetting in 5m0s. Prefer fewer calls.", note.Text)
}

func TestResultsCarryNoNoteWhileTheBudgetIsAmple(t *testing.T) {
	h := newHarness(t)
	ample := gql("GetAccount", accountData)
	ample.header = map[string]string{"RateLimit": `"100-in-15min";r=60;t=300`, "RateLimit-Policy": `"100-in-15min";q=100;w=900`}
	h.stub(ample)

	res := h.call(t, "get_account", "")

	requireSuccess(t, res)
	assert.Len(t, res.Content, 1)
}

func TestAnswersMissingTheirObjectAreErrorsNotEmptyResults(t *testing.T) {
	tests := []struct {
		name, tool, args string
		stub             stub
		wantType         string
	}{
		{name: "get_post with a null post", tool: "get_post", args: `{"postId":"{post1}"}`,
			stub: gql("GetPost", `{"post":null}`), wantType: "UpstreamUnavailable"},
		{name: "create_post success without a post id", tool: "create_post", args: `{"channelId":"{ch1}","text":"hi"}`,
			stub: gql("CreatePost", `{"createPost":{"__typename":"PostActionSuccess","post":{}}}`), wantType: "OutcomeUnknown"},
		{name: "edit_post success with a null post", tool: "edit_post", args: `{"postId":"{post1}","text":"hi"}`,
			stub: gql("EditPost", `{"editPost":{"__typename":"PostActionSuccess","post":null}}`), wantType: "OutcomeUnknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			if tt.tool == "create_post" {
				h.stub(getChannelOK(ch1JSON))
			}
			h.stub(tt.stub)

			res := h.call(t, tt.tool, tt.args)

			require.True(t, res.IsError)
			assert.Equal(t, tt.wantType, testkit.ToolError(t, res).Type)
		})
	}
}
