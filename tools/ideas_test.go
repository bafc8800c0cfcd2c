package tools_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

const idea1 = "64e0000000000000000000e1"

// ideaJSON is an idea as IdeaFields selects it: createdAt 1772463845 is 2026-03-02T15:04:05Z.
const ideaJSON = `{"id":"` + idea1 + `","groupId":"64f0000000000000000000f1","createdAt":1772463845,` +
	`"content":{"title":"Origin stories","text":"One post per farm","services":["instagram","linkedin"],` +
	`"date":"2026-03-20T00:00:00.000Z","media":[{"type":"image","url":"https://cdn.example.com/farm.jpg","alt":"A farm"},` +
	`{"type":"link","url":"https://example.com/blog","alt":null}]}}`

// ideaResult is ideaJSON as list_ideas and create_idea show it.
const ideaResult = `{"id":"` + idea1 + `","title":"Origin stories","text":"One post per farm",` +
	`"services":["instagram","linkedin"],"date":"2026-03-20T00:00:00Z",` +
	`"media":[{"type":"image","url":"https://cdn.example.com/farm.jpg","altText":"A farm"},` +
	`{"type":"link","url":"https://example.com/blog"}],"groupId":"64f0000000000000000000f1","createdAt":"2026-03-02T15:04:05Z"}`

// bareIdeaJSON has nothing optional: no group, title, services, date or media.
const bareIdeaJSON = `{"id":"` + idea1 + `","groupId":null,"createdAt":1700000000,` +
	`"content":{"title":null,"text":"Just a thought","services":[],"date":null,"media":null}}`

func listIdeasData(ideas ...string) string {
	return `{"ideas":{"edges":[` + joinEdges(ideas) + `],"pageInfo":{"hasNextPage":true,"endCursor":"cursor-2"}}}`
}

func joinEdges(nodes []string) string {
	out := ""
	for i, n := range nodes {
		if i > 0 {
			out += ","
		}
		out += `{"node":` + n + `}`
	}
	return out
}

func TestListIdeasShowsEachIdeaLeanWithCreatedAtInRFC3339(t *testing.T) {
	h := newHarness(t)
	h.stub(gql("ListIdeas", listIdeasData(ideaJSON, bareIdeaJSON)))

	res := h.call(t, "list_ideas", `{"organizationId":"{org1}"}`)

	requireSuccess(t, res)
	assertStructured(t, `{"ideas":[`+ideaResult+`,`+
		`{"id":"`+idea1+`","text":"Just a thought","createdAt":"2023-11-14T22:13:20Z"}],`+
		`"pageInfo":{"hasNextPage":true,"endCursor":"cursor-2"}}`, res)
}

func TestListIdeasWithoutIdeasAnswersAnEmptyList(t *testing.T) {
	h := newHarness(t)
	h.stub(gql("ListIdeas", `{"ideas":{"edges":[],"pageInfo":{"hasNextPage":false,"endCursor":null}}}`))

	res := h.call(t, "list_ideas", `{"organizationId":"{org1}"}`)

	requireSuccess(t, res)
	assertStructured(t, `{"ideas":[],"pageInfo":{"hasNextPage":false}}`, res)
}

func TestListIdeasSendsPagingAsGivenAndNothingElse(t *testing.T) {
	tests := []struct {
		name     string
		args     string
		wantVars string
	}{
		{name: "defaults", args: `{"organizationId":"{org1}"}`, wantVars: `{"organizationId":"{org1}","first":20}`},
		{name: "first and after", args: `{"organizationId":"{org1}","first":100,"after":"cursor-1"}`,
			wantVars: `{"organizationId":"{org1}","first":100,"after":"cursor-1"}`},
		{name: "first 1, empty after not sent", args: `{"organizationId":"{org1}","first":1,"after":""}`,
			wantVars: `{"organizationId":"{org1}","first":1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(gql("ListIdeas", listIdeasData(ideaJSON)))

			requireSuccess(t, h.call(t, "list_ideas", tt.args))

			h.assertVariables(t, "ListIdeas", tt.wantVars)
		})
	}
}

func TestCreateIdeaSendsWhatIsGivenAndNothingElse(t *testing.T) {
	tests := []struct {
		name     string
		args     string
		wantVars string
	}{
		{name: "text only", args: `{"organizationId":"{org1}","text":"Origin stories"}`,
			wantVars: `{"input":{"organizationId":"{org1}","content":{"text":"Origin stories"}}}`},
		{name: "title only", args: `{"organizationId":"{org1}","title":"Origin stories"}`,
			wantVars: `{"input":{"organizationId":"{org1}","content":{"title":"Origin stories"}}}`},
		{name: "everything, date in UTC",
			args: `{"organizationId":"{org1}","title":"Origin stories","text":"One post per farm",` +
				`"services":["instagram","linkedin"],"date":"2026-03-20T09:00:00+01:00"}`,
			wantVars: `{"input":{"organizationId":"{org1}","content":{"title":"Origin stories","text":"One post per farm",` +
				`"services":["instagram","linkedin"],"date":"2026-03-20T08:00:00Z"}}}`},
		{name: "a date in the past is allowed: it plans, it schedules nothing",
			args:     `{"organizationId":"{org1}","text":"x","date":"2020-01-01T00:00:00Z"}`,
			wantVars: `{"input":{"organizationId":"{org1}","content":{"text":"x","date":"2020-01-01T00:00:00Z"}}}`},
		{name: "empty services not sent", args: `{"organizationId":"{org1}","text":"x","services":[]}`,
			wantVars: `{"input":{"organizationId":"{org1}","content":{"text":"x"}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(gql("CreateIdea", `{"createIdea":{"__typename":"Idea",`+ideaJSON[1:]+`}`))

			res := h.call(t, "create_idea", tt.args)

			requireSuccess(t, res)
			assertStructured(t, `{"idea":`+ideaResult+`}`, res)
			h.assertVariables(t, "CreateIdea", tt.wantVars)
		})
	}
}

func TestCreateIdeaReadsTheOlderIdeaResponseToo(t *testing.T) {
	h := newHarness(t)
	h.stub(gql("CreateIdea", `{"createIdea":{"__typename":"IdeaResponse","idea":`+ideaJSON+`,"refreshIdeas":true}}`))

	res := h.call(t, "create_idea", `{"organizationId":"{org1}","text":"One post per farm"}`)

	requireSuccess(t, res)
	assertStructured(t, `{"idea":`+ideaResult+`}`, res)
}

func TestCreateIdeaWhoseAnswerLacksTheIdeaIsOutcomeUnknown(t *testing.T) {
	for name, data := range map[string]string{
		"IdeaResponse without an idea": `{"createIdea":{"__typename":"IdeaResponse","idea":null,"refreshIdeas":true}}`,
		"Idea without an id":           `{"createIdea":{"__typename":"Idea","id":"","groupId":null,"createdAt":0,"content":{"services":[]}}}`,
	} {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(gql("CreateIdea", data))

			got := testkit.ToolError(t, h.call(t, "create_idea", `{"organizationId":"{org1}","text":"x"}`))

			assert.Equal(t, client.TypeOutcomeUnknown, got.Type)
			assert.Contains(t, got.Message, "list_ideas")
			assert.False(t, got.Retryable)
			assert.Equal(t, 1, h.fake.count("CreateIdea"))
		})
	}
}

func TestCreateIdeaTurnsEachErrorMemberIntoItsTypeAndNeverRetries(t *testing.T) {
	// The four error members of CreateIdeaPayload, and one this build does not know.
	for _, member := range []string{"InvalidInputError", "UnauthorizedError", "UnexpectedError", "LimitReachedError", "QuotaExceededError"} {
		t.Run(member, func(t *testing.T) {
			h := newHarness(t)
			h.stub(mutationError("CreateIdea", "createIdea", member, "Buffer says no"))

			res := h.call(t, "create_idea", `{"organizationId":"{org1}","text":"x"}`)

			got := testkit.ToolError(t, res)
			assert.Equal(t, tools.ErrorInfo{Type: member, Message: "Buffer says no"}, got)
			assert.Equal(t, member+": Buffer says no", text(t, res))
			assert.Equal(t, 1, h.fake.count("CreateIdea"))
		})
	}
}

func TestCreateIdeaWithoutAnAnswerPointsAtListIdeasNotListPosts(t *testing.T) {
	h := newHarness(t)
	h.stub(stub{op: "CreateIdea", status: http.StatusBadGateway, body: htmlPage})

	got := testkit.ToolError(t, h.call(t, "create_idea", `{"organizationId":"{org1}","text":"x"}`))

	assert.Equal(t, client.TypeOutcomeUnknown, got.Type)
	assert.Contains(t, got.Message, "HTTP 502")
	assert.Contains(t, got.Message, "check with list_ideas")
	assert.NotContains(t, got.Message, "list_posts")
	assert.Equal(t, 1, h.fake.count("CreateIdea"), "a mutation is never retried")
}

func TestIdeaToolsDefaultToTheAccountsOnlyOrganization(t *testing.T) {
	tests := []struct {
		tool, args string
		answer     stub
		wantVars   string
	}{
		{tool: "list_ideas", args: `{}`, answer: gql("ListIdeas", listIdeasData(ideaJSON)),
			wantVars: `{"organizationId":"{org1}","first":20}`},
		{tool: "create_idea", args: `{"text":"x"}`, answer: gql("CreateIdea", `{"createIdea":{"__typename":"Idea",`+ideaJSON[1:]+`}`),
			wantVars: `{"input":{"organizationId":"{org1}","content":{"text":"x"}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.tool, func(t *testing.T) {
			h := newHarness(t)
			h.stub(getAccountOK(accountData), tt.answer)

			requireSuccess(t, h.call(t, tt.tool, tt.args))

			h.assertVariables(t, tt.answer.op, tt.wantVars)
		})
	}
}

func TestIdeaToolsWithSeveralOrganizationsAskWhichOne(t *testing.T) {
	for tool, args := range map[string]string{"list_ideas": `{}`, "create_idea": `{"text":"x"}`} {
		t.Run(tool, func(t *testing.T) {
			h := newHarness(t)
			h.stub(getAccountOK(accountTwoOrgsData))

			got := testkit.ToolError(t, h.call(t, tool, args))

			assert.Equal(t, tools.TypeInvalidArguments, got.Type)
			assert.Equal(t, "organizationId", got.Field)
			for _, want := range []string{org1, "Analytical Engines", org2, "Difference Engines"} {
				assert.Contains(t, got.Message, want)
			}
			assert.Equal(t, []string{"GetAccount"}, h.fake.ops(), "nothing but the account lookup is sent")
		})
	}
}

func TestListIdeasInAnOrganizationThatIsGoneDropsTheCachedAccount(t *testing.T) {
	h := newHarness(t)
	h.stub(
		getAccountOK(accountData),
		gqlErrors("ListIdeas", `{"message":"Organization not found","extensions":{"code":"NOT_FOUND"}}`),
		getAccountOK(accountTwoOrgsData),
	)

	got := testkit.ToolError(t, h.call(t, "list_ideas", `{}`))
	assert.Equal(t, client.TypeNotFound, got.Type)
	assert.Equal(t, "Organization not found", got.Message)

	// The next call looks the account up again, and now finds two organizations.
	got = testkit.ToolError(t, h.call(t, "list_ideas", `{}`))
	assert.Equal(t, "organizationId", got.Field)
	assert.Equal(t, []string{"GetAccount", "ListIdeas", "GetAccount"}, h.fake.ops())
}

func TestIdeaToolsRefuseBadArgumentsNamingTheField(t *testing.T) {
	tests := []struct {
		name, tool, args string
		wantField        string
		wantMsg          string
	}{
		{name: "list first 0", tool: "list_ideas", args: `{"first":0}`, wantField: "first", wantMsg: "between 1 and 100"},
		{name: "list first 101", tool: "list_ideas", args: `{"first":101}`, wantField: "first", wantMsg: "between 1 and 100"},
		{name: "list first not an integer", tool: "list_ideas", args: `{"first":"ten"}`, wantField: "first", wantMsg: "must be an integer"},
		{name: "list organizationId malformed", tool: "list_ideas", args: `{"organizationId":"org-1"}`, wantField: "organizationId", wantMsg: "24 hexadecimal"},
		{name: "list unknown argument", tool: "list_ideas", args: `{"groupId":"{org1}"}`, wantField: "groupId", wantMsg: "is not an argument"},
		{name: "create without title or text", tool: "create_idea", args: `{"organizationId":"{org1}"}`, wantField: "text", wantMsg: "title"},
		{name: "create blank title and text", tool: "create_idea", args: `{"organizationId":"{org1}","title":" ","text":"\n"}`, wantField: "text"},
		{name: "create organizationId malformed", tool: "create_idea", args: `{"organizationId":"x","text":"hi"}`, wantField: "organizationId"},
		{name: "create unknown service", tool: "create_idea", args: `{"organizationId":"{org1}","text":"hi","services":["linkedin","x"]}`, wantField: "services[1]", wantMsg: `"x"`},
		{name: "create services not an array", tool: "create_idea", args: `{"organizationId":"{org1}","text":"hi","services":"linkedin"}`, wantField: "services", wantMsg: "must be an array"},
		{name: "create date not a time", tool: "create_idea", args: `{"organizationId":"{org1}","text":"hi","date":"next week"}`, wantField: "date", wantMsg: "RFC 3339"},
		{name: "create date without offset", tool: "create_idea", args: `{"organizationId":"{org1}","text":"hi","date":"2026-03-20T09:00:00"}`, wantField: "date"},
		{name: "create argument in the wrong case", tool: "create_idea", args: `{"organizationId":"{org1}","Text":"hi"}`, wantField: "Text", wantMsg: "did you mean text"},
		{name: "create media is not an argument", tool: "create_idea", args: `{"organizationId":"{org1}","text":"hi","media":[]}`, wantField: "media"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)

			res := h.call(t, tt.tool, tt.args)

			got := testkit.ToolError(t, res)
			assert.Equal(t, tools.TypeInvalidArguments, got.Type)
			assert.Equal(t, tt.wantField, got.Field)
			assert.Contains(t, got.Message, tt.wantMsg)
			assert.False(t, got.Retryable)
			h.fake.assertNoRequest(t)
		})
	}
}

func TestCreateIdeaTakesEveryServiceOfBuffersEnum(t *testing.T) {
	// The input schema lists no enum (it would cost every conversation about 40 tokens);
	// the check in code is Buffer's Service enum itself, as the generated client knows it.
	var names []string
	for _, s := range client.AllService {
		names = append(names, `"`+string(s)+`"`)
	}
	h := newHarness(t)
	h.stub(gql("CreateIdea", `{"createIdea":{"__typename":"Idea",`+ideaJSON[1:]+`}`))

	requireSuccess(t, h.call(t, "create_idea", `{"organizationId":"{org1}","text":"x","services":[`+strings.Join(names, ",")+`]}`))

	sent := h.fake.variables("CreateIdea")[0]["input"].(map[string]any)["content"].(map[string]any)["services"]
	assert.Len(t, sent, len(client.AllService))
	assert.True(t, slices.Contains(client.AllService, client.Service("linkedin")))
}
