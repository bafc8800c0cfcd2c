package tools_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
)

// The arguments of the tools beyond posts and ideas, as Buffer receives them; each tool's
// plainest call and every failure it meets are in toolCases.

func TestCreateIdeaPutsTheIdeaInAGroupGivenByIdOrName(t *testing.T) {
	created := gql("CreateIdea", `{"createIdea":{"__typename":"Idea",`+ideaJSON[1:]+`}`)
	wantVars := `{"input":{"organizationId":"{org1}","content":{"text":"x"},"group":{"groupId":"` + group2 + `"}}}`
	tests := []struct {
		name, group string
		stubs       []stub
	}{
		{"an id, taken as it is", group2, nil},
		{"a name, in any case", " launch ", []stub{gql("ListIdeaGroups", ideaGroupsData)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(tt.stubs...)
			h.stub(created)

			requireSuccess(t, h.call(t, "create_idea", `{"organizationId":"{org1}","text":"x","group":"`+tt.group+`"}`))

			h.assertVariables(t, "CreateIdea", wantVars)
		})
	}
}

func TestCreateIdeaRefusesAGroupNameItCannotResolve(t *testing.T) {
	twoLaunches := `{"ideaGroups":[{"id":"` + group1 + `","name":"Launch"},{"id":"` + group2 + `","name":"launch"}]}`
	tests := []struct {
		name, group, groups string
		want                []string
	}{
		{"unknown", "Spring", ideaGroupsData, []string{`no group is named "Spring"`, `"Series" (` + group1 + `)`, `"Launch" (` + group2 + `)`}},
		{"ambiguous", "LAUNCH", twoLaunches, []string{`2 groups are named "LAUNCH"`, group1, group2}},
		{"no groups at all", "Spring", `{"ideaGroups":[]}`, []string{"has no idea groups"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(gql("ListIdeaGroups", tt.groups))

			e := testkit.ToolError(t, h.call(t, "create_idea", `{"organizationId":"{org1}","text":"x","group":"`+tt.group+`"}`))

			assert.Equal(t, "InvalidArguments", e.Type)
			assert.Equal(t, "group", e.Field)
			for _, w := range tt.want {
				assert.Contains(t, e.Message, w)
			}
			assert.Equal(t, []string{"ListIdeaGroups"}, h.fake.ops(), "no idea is created")
		})
	}
}

func TestExecuteQueryRefusesAnythingButOneQueryAndSendsNothing(t *testing.T) {
	tests := []struct{ name, query, want string }{
		{"a mutation", `mutation { deletePost(input: {id: \"64d0000000000000000000d1\"}) { __typename } }`, "is a mutation"},
		{"a mutation after a comment that says query", `# query\nmutation M { deletePost(input: {id: \"x\"}) { __typename } }`, "is a mutation"},
		{"a subscription", `subscription { postUpdated { id } }`, "is a subscription"},
		{"two operations", `query A { account { id } } query B { account { email } }`, "has 2 operations"},
		{"a query and a mutation", `query A { account { id } } mutation B { deletePost(input: {id: \"x\"}) { __typename } }`, "has 2 operations"},
		{"fragments only", `fragment F on Account { id }`, "has no operation"},
		{"not GraphQL", `select * from posts`, "is not a GraphQL document"},
		{"empty", ` `, "is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)

			e := testkit.ToolError(t, h.call(t, "execute_query", `{"query":"`+tt.query+`"}`))

			assert.Equal(t, "InvalidArguments", e.Type)
			assert.Equal(t, "query", e.Field)
			assert.Contains(t, e.Message, tt.want)
			h.fake.assertNoRequest(t)
		})
	}
}

func TestExecuteQuerySendsTheDocumentAsWrittenWithItsFragments(t *testing.T) {
	h := newHarness(t)
	h.stub(gql("", `{"account":{"id":"{account}","organizations":[{"id":"{org1}"}]}}`))
	query := `fragment Org on Organization { id } { account { id organizations { ...Org } } }`

	res := h.call(t, "execute_query", `{"query":"`+query+`"}`)

	requireSuccess(t, res)
	assertStructured(t, `{"data":{"account":{"id":"{account}","organizations":[{"id":"{org1}"}]}}}`, res)
	h.assertVariables(t, "", "")
}

func TestExecuteQueryRefusesAnAnswerTooLargeForAModel(t *testing.T) {
	h := newHarness(t)
	h.stub(gql("Big", `{"posts":{"edges":[{"node":{"text":"`+strings.Repeat("x", 70_000)+`"}}]}}`))

	e := testkit.ToolError(t, h.call(t, "execute_query", `{"query":"query Big { posts(input: {organizationId: \"x\"}) { edges { node { text } } } }"}`))

	assert.Equal(t, "ResultTooLarge", e.Type)
	assert.Contains(t, e.Message, "69 KB, more than the 64 KB")
}

func TestExecuteQueryAnsweredWithoutDataIsAnError(t *testing.T) {
	h := newHarness(t)
	h.stub(stub{op: "Q", body: `{"data":null}`})

	e := testkit.ToolError(t, h.call(t, "execute_query", `{"query":"query Q { account { id } }"}`))

	assert.Equal(t, "UpstreamUnavailable", e.Type, "a read answered without data (SPEC §7.3)")
	assert.True(t, e.Retryable)
}

func TestDailyPostingLimitsSendTheDayAsBufferReadsIt(t *testing.T) {
	h := newHarness(t)
	h.stub(gql("DailyPostingLimits", limitsData))

	requireSuccess(t, h.call(t, "get_daily_posting_limits", `{"channelIds":["{ch1}","{ch3}"],"date":"2026-03-05"}`))

	h.assertVariables(t, "DailyPostingLimits", `{"channelIds":["{ch1}","{ch3}"],"date":"2026-03-05T00:00:00Z"}`)
}

func TestToolsBeyondPostsRefuseBadArgumentsBeforeSending(t *testing.T) {
	tests := []struct{ name, tool, args, field, msg string }{
		{"limits without channels", "get_daily_posting_limits", `{"channelIds":[]}`, "channelIds", "list_channels"},
		{"limits on a day in words", "get_daily_posting_limits", `{"channelIds":["{ch1}"],"date":"tomorrow"}`, "date", "2026-12-24"},
		{"move to the middle", "move_post_in_queue", `{"postId":"{post1}","position":"middle"}`, "position", "top"},
		{"move without a position", "move_post_in_queue", `{"postId":"{post1}"}`, "position", "top"},
		{"a blank group", "create_idea", `{"organizationId":"{org1}","text":"x","group":" "}`, "group", "blank"},
		{"a public template", "create_post_template", `{"organizationId":"{org1}","title":"t","body":"b","visibility":"public"}`, "visibility", "private or internal"},
		{"a template without a body", "create_post_template", `{"organizationId":"{org1}","title":"t","body":"  "}`, "body", "empty"},
		{"an update that changes nothing", "update_post_template", `{"templateId":"` + template1 + `"}`, "templateId", "nothing to change"},
		{"an update to a blank title", "update_post_template", `{"templateId":"` + template1 + `","title":""}`, "title", "empty"},
		{"a template id that is not one", "get_post_template", `{"templateId":"event-invite"}`, "templateId", "24 hexadecimal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)

			e := testkit.ToolError(t, h.call(t, tt.tool, tt.args))

			assert.Equal(t, "InvalidArguments", e.Type)
			assert.Equal(t, tt.field, e.Field)
			assert.Contains(t, e.Message, tt.msg)
			h.fake.assertNoRequest(t)
		})
	}
}

func TestTemplateToolsSendOnlyWhatIsGiven(t *testing.T) {
	h := newHarness(t)
	h.stub(gql("UpdatePostTemplate", `{"updatePostTemplate":{"__typename":"UpdatePostTemplateSuccess","postTemplate":`+templateJSON+`}}`),
		gql("CreatePostTemplate", `{"createPostTemplate":{"__typename":"CreatePostTemplateSuccess","postTemplate":`+templateJSON+`}}`))

	requireSuccess(t, h.call(t, "update_post_template", `{"templateId":"`+template1+`","emoji":"","visibility":"private"}`))
	requireSuccess(t, h.call(t, "create_post_template",
		`{"organizationId":"{org1}","title":"t","body":"b","description":"d","emoji":"📅","visibility":"internal"}`))

	h.assertVariables(t, "UpdatePostTemplate", `{"input":{"id":"`+template1+`","emoji":"","visibility":"private"}}`)
	h.assertVariables(t, "CreatePostTemplate",
		`{"input":{"organizationId":"{org1}","title":"t","body":"b","emoji":"📅","description":"d","visibility":"internal"}}`)
}

func TestGetPostTemplateOfAnUnknownIdIsNotFound(t *testing.T) {
	h := newHarness(t)
	h.stub(gql("GetPostTemplate", `{"postTemplate":null}`))

	e := testkit.ToolError(t, h.call(t, "get_post_template", `{"templateId":"`+template1+`"}`))

	assert.Equal(t, "NotFound", e.Type)
	assert.Contains(t, e.Message, "list_post_templates gives ids")
}
