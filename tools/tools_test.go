package tools_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/stretchr/testify/assert"
)

// toolCase is one tool called in its plainest way: the lookups it makes first (setup),
// the operation whose answer is under test (op, root field root), and what success looks like.
type toolCase struct {
	tool     string
	hints    hints  // the four annotations SPEC §3 and §7.2 give it
	bad      string // arguments it refuses (InvalidArguments), nothing sent
	args     string
	setup    []stub // answered before op: lookups that succeed
	op, root string
	mutation bool
	members  []string // error members of the mutation's payload union

	success    string // the data of op's successful answer
	wantVars   string // op's variables, exactly
	wantResult string // structuredContent, exactly
}

// The annotations of SPEC §3 and §7.2.
type hints struct{ readOnly, destructive, idempotent, openWorld bool }

var (
	read    = hints{readOnly: true, destructive: false, idempotent: true, openWorld: false}
	write   = hints{readOnly: false, destructive: false, idempotent: false, openWorld: true}
	destroy = hints{readOnly: false, destructive: true, idempotent: true, openWorld: false}
	// private is a change that stays inside the account: nothing reaches a social network.
	private = hints{readOnly: false, destructive: false, idempotent: false, openWorld: false}
)

var listPostsData = `{"posts":{"edges":[` +
	`{"node":{"id":"{post1}","channelId":"{ch1}","channelService":"linkedin","status":"sent","text":"Out now",` +
	`"dueAt":"2026-02-27T14:00:00.000Z","sentAt":"2026-02-27T14:00:03.000Z","createdAt":"2026-02-20T08:00:00.000Z",` +
	`"externalLink":"https://www.linkedin.com/feed/update/1","error":null,"tags":[]}},` +
	`{"node":{"id":"{post2}","channelId":"{ch2}","channelService":"instagram","status":"error","text":"Broken",` +
	`"dueAt":"2026-02-26T09:00:00+01:00","sentAt":null,"createdAt":"2026-02-19T08:00:00Z","externalLink":null,` +
	`"error":{"message":"Instagram refused the image","supportUrl":"https://support.buffer.com/x"},"tags":[]}}],` +
	`"pageInfo":{"hasNextPage":true,"endCursor":"cursor-2"}}}`

var toolCases = []toolCase{
	{
		tool: "get_account", hints: read, bad: `{"x":1}`,
		args: `{}`, op: "GetAccount",
		success:  accountData,
		wantVars: "",
		wantResult: `{"account":{"id":"{account}","email":"ada@example.com","name":"Ada Lovelace",` +
			`"timezone":"Europe/Berlin","currentTime":"2026-03-02T16:04:05+01:00"},` +
			`"organizations":[{"id":"{org1}","name":"Analytical Engines","channelCount":3}]}`,
	},
	{
		tool: "list_channels", hints: read, bad: `{"organizationId":"x"}`,
		args: `{"organizationId":"{org1}"}`, op: "ListChannels",
		success:  `{"channels":[` + ch1JSON + `,` + ch2JSON + `]}`,
		wantVars: `{"organizationId":"{org1}"}`,
		wantResult: `{"channels":[` +
			`{"id":"{ch1}","name":"adalovelace","displayName":"Ada Lovelace","service":"linkedin","timezone":"America/New_York",` +
			`"isQueuePaused":false,"isDisconnected":false,"isLocked":false},` +
			`{"id":"{ch2}","name":"ada.codes","service":"facebook","timezone":"Europe/Berlin",` +
			`"isQueuePaused":true,"isDisconnected":false,"isLocked":false}]}`,
	},
	{
		tool: "get_channel", hints: read, bad: `{}`,
		args: `{"channelId":"{ch1}"}`, op: "GetChannel",
		success:  `{"channel":` + ch1JSON + `}`,
		wantVars: `{"id":"{ch1}"}`,
		wantResult: `{"channel":{"id":"{ch1}","name":"adalovelace","displayName":"Ada Lovelace","service":"linkedin",` +
			`"timezone":"America/New_York","isQueuePaused":false,"isDisconnected":false,"isLocked":false,` +
			`"organizationId":"{org1}","postingSchedule":[{"day":"mon","times":["09:00","13:30"],"paused":false},` +
			`{"day":"sun","times":[],"paused":true}]}}`,
	},
	{
		tool: "list_posts", hints: read, bad: `{"first":0}`,
		args: `{"organizationId":"{org1}"}`, op: "ListPosts",
		success:  listPostsData,
		wantVars: `{"input":{"organizationId":"{org1}","sort":[{"field":"createdAt","direction":"desc"}]},"first":20}`,
		wantResult: `{"posts":[` +
			`{"id":"{post1}","channelId":"{ch1}","channelService":"linkedin","status":"sent","text":"Out now",` +
			`"dueAt":"2026-02-27T14:00:00Z","sentAt":"2026-02-27T14:00:03Z","createdAt":"2026-02-20T08:00:00Z",` +
			`"externalLink":"https://www.linkedin.com/feed/update/1"},` +
			`{"id":"{post2}","channelId":"{ch2}","channelService":"instagram","status":"error","text":"Broken",` +
			`"dueAt":"2026-02-26T08:00:00Z","createdAt":"2026-02-19T08:00:00Z",` +
			`"error":{"message":"Instagram refused the image","supportUrl":"https://support.buffer.com/x"}}],` +
			`"pageInfo":{"hasNextPage":true,"endCursor":"cursor-2"}}`,
	},
	{
		tool: "get_post", hints: read, bad: `{}`,
		args: `{"postId":"{post1}"}`, op: "GetPost",
		success:    `{"post":` + postJSON("{post1}", "{ch1}", "America/New_York", "Hello") + `}`,
		wantVars:   `{"id":"{post1}"}`,
		wantResult: `{"post":` + postResult("{post1}", "{ch1}", "America/New_York", "2026-03-10T10:00:00-04:00", "Hello") + `}`,
	},
	{
		tool: "create_post", hints: write, bad: `{"text":"x"}`,
		args:  `{"channelId":"{ch1}","text":"Hello"}`,
		setup: []stub{getChannelOK(ch1JSON)},
		op:    "CreatePost", root: "createPost", mutation: true,
		members: []string{"InvalidInputError", "LimitReachedError", "NotFoundError", "UnauthorizedError", "UnexpectedError", "RestProxyError"},
		success: `{"createPost":{"__typename":"PostActionSuccess","post":` +
			postJSON("{post1}", "{ch1}", "America/New_York", "Hello") + `}}`,
		wantVars: `{"input":{"channelId":"{ch1}","text":"Hello","mode":"addToQueue","schedulingType":"automatic"}}`,
		wantResult: `{"posts":[{"id":"{post1}","channelId":"{ch1}","status":"scheduled","text":"Hello",` +
			`"dueAt":"2026-03-10T14:00:00Z","dueAtLocal":"2026-03-10T10:00:00-04:00","timezone":"America/New_York"}]}`,
	},
	{
		tool: "edit_post", hints: write, bad: `{"postId":"{post1}"}`,
		args: `{"postId":"{post1}","text":"Hello again"}`,
		op:   "EditPost", root: "editPost", mutation: true,
		members: []string{"InvalidInputError", "LimitReachedError", "NotFoundError", "UnauthorizedError", "UnexpectedError", "RestProxyError"},
		success: `{"editPost":{"__typename":"PostActionSuccess","post":` +
			postJSON("{post1}", "{ch1}", "America/New_York", "Hello again") + `}}`,
		wantVars:   `{"input":{"id":"{post1}","text":"Hello again"}}`,
		wantResult: `{"post":` + postResult("{post1}", "{ch1}", "America/New_York", "2026-03-10T10:00:00-04:00", "Hello again") + `}`,
	},
	{
		tool: "delete_post", hints: destroy, bad: `{}`,
		args: `{"postId":"{post1}"}`,
		op:   "DeletePost", root: "deletePost", mutation: true,
		members:    []string{"VoidMutationError"},
		success:    `{"deletePost":{"__typename":"DeletePostSuccess","id":"{post1}"}}`,
		wantVars:   `{"id":"{post1}"}`,
		wantResult: `{"deleted":{"postId":"{post1}"}}`,
	},
	{
		tool: "list_ideas", hints: read, bad: `{"first":101}`,
		args: `{"organizationId":"{org1}"}`, op: "ListIdeas",
		success:    listIdeasData(ideaJSON),
		wantVars:   `{"organizationId":"{org1}","first":20}`,
		wantResult: `{"ideas":[` + ideaResult + `],"pageInfo":{"hasNextPage":true,"endCursor":"cursor-2"}}`,
	},
	{
		tool: "create_idea", hints: private, bad: `{"organizationId":"{org1}"}`,
		args: `{"organizationId":"{org1}","text":"One post per farm"}`,
		op:   "CreateIdea", root: "createIdea", mutation: true,
		members:    []string{"InvalidInputError", "UnauthorizedError", "UnexpectedError", "LimitReachedError"},
		success:    `{"createIdea":{"__typename":"Idea",` + ideaJSON[1:] + `}`,
		wantVars:   `{"input":{"organizationId":"{org1}","content":{"text":"One post per farm"}}}`,
		wantResult: `{"idea":` + ideaResult + `}`,
	},
	{
		tool: "list_tags", hints: read, bad: `{"organizationId":"org-1"}`,
		args: `{"organizationId":"{org1}"}`, op: "ListTags",
		success: `{"tagsV2":{"edges":[` +
			`{"node":{"id":"{tag2}","name":"Behind the scenes","color":"#00838F"}},` +
			`{"node":{"id":"{tag1}","name":"Launch","color":"#C62828"}}],` +
			`"pageInfo":{"hasNextPage":false,"endCursor":"c2"}}}`,
		wantVars: `{"organizationId":"{org1}","first":100}`,
		wantResult: `{"tags":[{"id":"{tag2}","name":"Behind the scenes","color":"#00838F"},` +
			`{"id":"{tag1}","name":"Launch","color":"#C62828"}]}`,
	},
	{
		tool: "get_daily_posting_limits", hints: read, bad: `{"channelIds":[]}`,
		args: `{"channelIds":["{ch1}","{ch3}"]}`, op: "DailyPostingLimits",
		success:  limitsData,
		wantVars: `{"channelIds":["{ch1}","{ch3}"]}`,
		wantResult: `{"limits":[{"channelId":"{ch1}","sent":2,"scheduled":3,"limit":25,"isAtLimit":false},` +
			`{"channelId":"{ch3}","sent":4,"scheduled":1,"isAtLimit":false}]}`,
	},
	{
		tool: "move_post_in_queue", hints: private, bad: `{"postId":"{post1}","position":"middle"}`,
		args: `{"postId":"{post1}","position":"top"}`,
		op:   "MovePostInQueue", root: "movePostInQueue", mutation: true,
		members: []string{"VoidMutationError"},
		success: `{"movePostInQueue":{"__typename":"PostActionSuccess","post":` +
			postJSON("{post1}", "{ch1}", "America/New_York", "Hello") + `}}`,
		wantVars:   `{"id":"{post1}","position":"top"}`,
		wantResult: `{"post":` + postResult("{post1}", "{ch1}", "America/New_York", "2026-03-10T10:00:00-04:00", "Hello") + `}`,
	},
	{
		tool: "list_idea_groups", hints: read, bad: `{"organizationId":"x"}`,
		args: `{"organizationId":"{org1}"}`, op: "ListIdeaGroups",
		success:    ideaGroupsData,
		wantVars:   `{"organizationId":"{org1}"}`,
		wantResult: `{"groups":[{"id":"` + group1 + `","name":"Series"},{"id":"` + group2 + `","name":"Launch"}]}`,
	},
	{
		tool: "get_aggregated_post_metrics", hints: read, bad: `{"start":"someday"}`,
		args:       `{"organizationId":"{org1}","start":"2026-02-01","end":"2026-02-28"}`,
		op:         "AggregatedPostMetrics",
		success:    metricsData,
		wantVars:   `{"input":{"organizationId":"{org1}","startDateTime":"2026-02-01T00:00:00Z","endDateTime":"2026-02-28T00:00:00Z"}}`,
		wantResult: metricsResultJSON,
	},
	{
		tool: "list_post_templates", hints: read, bad: `{"first":0}`,
		args: `{"organizationId":"{org1}"}`, op: "ListPostTemplates",
		success: `{"postTemplates":{"edges":[{"node":` + templateJSON + `}],` +
			`"pageInfo":{"hasNextPage":false,"endCursor":"cursor-1"},"totalCount":1}}`,
		wantVars: `{"input":{"organizationId":"{org1}"},"first":20}`,
		wantResult: `{"templates":[` + templateResultJSON + `],"totalCount":1,` +
			`"pageInfo":{"hasNextPage":false,"endCursor":"cursor-1"}}`,
	},
	{
		tool: "get_post_template", hints: read, bad: `{}`,
		args: `{"templateId":"` + template1 + `"}`, op: "GetPostTemplate",
		success:    `{"postTemplate":` + templateJSON + `}`,
		wantVars:   `{"id":"` + template1 + `"}`,
		wantResult: `{"template":` + templateResultJSON + `}`,
	},
	{
		tool: "create_post_template", hints: private, bad: `{"title":"x"}`,
		args: `{"organizationId":"{org1}","title":"Event invite","body":"Join us on [day]"}`,
		op:   "CreatePostTemplate", root: "createPostTemplate", mutation: true,
		members:    []string{"VoidMutationError"},
		success:    `{"createPostTemplate":{"__typename":"CreatePostTemplateSuccess","postTemplate":` + templateJSON + `}}`,
		wantVars:   `{"input":{"organizationId":"{org1}","title":"Event invite","body":"Join us on [day]"}}`,
		wantResult: `{"template":` + templateResultJSON + `}`,
	},
	{
		// The same change twice leaves the same template: idempotent.
		tool: "update_post_template", hints: hints{readOnly: false, destructive: false, idempotent: true, openWorld: false}, bad: `{"templateId":"` + template1 + `"}`,
		args: `{"templateId":"` + template1 + `","body":"Join us on [day]"}`,
		op:   "UpdatePostTemplate", root: "updatePostTemplate", mutation: true,
		members:    []string{"VoidMutationError"},
		success:    `{"updatePostTemplate":{"__typename":"UpdatePostTemplateSuccess","postTemplate":` + templateJSON + `}}`,
		wantVars:   `{"input":{"id":"` + template1 + `","body":"Join us on [day]"}}`,
		wantResult: `{"template":` + templateResultJSON + `}`,
	},
	{
		tool: "delete_post_template", hints: destroy, bad: `{"templateId":"x"}`,
		args: `{"templateId":"` + template1 + `"}`,
		op:   "DeletePostTemplate", root: "deletePostTemplate", mutation: true,
		members:    []string{"VoidMutationError"},
		success:    `{"deletePostTemplate":{"__typename":"EmptySuccess"}}`,
		wantVars:   `{"id":"` + template1 + `"}`,
		wantResult: `{"deleted":{"templateId":"` + template1 + `"}}`,
	},
	{
		tool: "execute_query", hints: read, bad: `{"query":"mutation { deletePost(input: {id: \"x\"}) { __typename } }"}`,
		args: executeQueryArgs, op: "Recent",
		success:    `{"post":{"id":"{post1}","text":"Hello","sentAt":null}}`,
		wantVars:   `{"id":"{post1}"}`,
		wantResult: `{"data":{"post":{"id":"{post1}","text":"Hello","sentAt":null}}}`,
	},
}

func TestEachToolAnswersBufferDataAsItsStructuredResultAndSendsExactVariables(t *testing.T) {
	for _, tc := range toolCases {
		t.Run(tc.tool, func(t *testing.T) {
			h := newHarness(t)
			h.stub(tc.setup...)
			h.stub(gql(tc.op, tc.success))

			res := h.call(t, tc.tool, tc.args)

			requireSuccess(t, res)
			assertStructured(t, tc.wantResult, res)
			h.assertVariables(t, tc.op, tc.wantVars)
		})
	}
}

func TestEachToolGivesItsStructuredResultAsJSONTextToo(t *testing.T) {
	for _, tc := range toolCases {
		t.Run(tc.tool, func(t *testing.T) {
			h := newHarness(t)
			h.stub(tc.setup...)
			h.stub(gql(tc.op, tc.success))

			res := h.call(t, tc.tool, tc.args)

			requireSuccess(t, res)
			got := text(t, res)
			if tc.tool == "create_post" { // a one-line summary comes first (SPEC §3)
				assert.Regexp(t, `^Created 1 of 1 posts\.\n`, got)
				_, got, _ = strings.Cut(got, "\n")
			}
			assert.JSONEq(t, structured(t, res), got)
		})
	}
}

// failure is one way Buffer can fail a request, and the error object it must become.
type failure struct {
	name   string
	answer func(tc toolCase) stub
	reads  bool // applies to queries
	writes bool // applies to mutations

	wantType          func(tc toolCase) string
	wantMessage       string // contained in the message
	wantRetryable     bool
	wantRetryAfter    int
	wantWindow        string
	mutationRetryable *bool // when a mutation's answer differs from a read's
}

func typeIs(s string) func(toolCase) string { return func(toolCase) string { return s } }

var htmlPage = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>`

// failures is every classified failure of SPEC §4 that a single request can meet, as
// Buffer sends it.
var failures = []failure{
	{
		name:   "unknown union member keeps its typename and message",
		writes: true,
		answer: func(tc toolCase) stub {
			return mutationError(tc.op, tc.root, "QuotaExceededError", "Monthly quota of AI credits exceeded")
		},
		wantType:    typeIs("QuotaExceededError"),
		wantMessage: "Monthly quota of AI credits exceeded",
	},
	{
		name: "errors UNAUTHORIZED is Unauthenticated", reads: true, writes: true,
		answer: func(tc toolCase) stub {
			return gqlErrors(tc.op, `{"message":"Not authorized","extensions":{"code":"UNAUTHORIZED"}}`)
		},
		wantType: typeIs("Unauthenticated"), wantMessage: "Not authorized",
	},
	{
		name: "errors FORBIDDEN is Forbidden", reads: true, writes: true,
		answer: func(tc toolCase) stub {
			return gqlErrors(tc.op, `{"message":"Plan does not include this","extensions":{"code":"FORBIDDEN"}}`)
		},
		wantType: typeIs("Forbidden"), wantMessage: "Plan does not include this",
	},
	{
		name: "errors NOT_FOUND is NotFound", reads: true, writes: true,
		answer: func(tc toolCase) stub {
			return gqlErrors(tc.op, `{"message":"Resource not found","extensions":{"code":"NOT_FOUND"}}`)
		},
		wantType: typeIs("NotFound"), wantMessage: "Resource not found",
	},
	{
		name: "error without code is UpstreamError with Buffer's message", reads: true, writes: true,
		answer: func(tc toolCase) stub {
			return gqlErrors(tc.op, `{"message":"Cannot query field \"foo\" on type \"Query\"."}`)
		},
		wantType: typeIs("UpstreamError"), wantMessage: `Cannot query field "foo" on type "Query".`,
	},
	{
		name: "HTTP 401 is Unauthenticated", reads: true, writes: true,
		answer: func(tc toolCase) stub {
			return stub{op: tc.op, status: http.StatusUnauthorized,
				body: `{"errors":[{"message":"Invalid token","extensions":{"code":"UNAUTHENTICATED"}}]}`}
		},
		wantType: typeIs("Unauthenticated"), wantMessage: "BUFFER_API_KEY",
	},
	{
		name: "HTTP 429 is RateLimited with the wait and the window", reads: true, writes: true,
		answer: func(tc toolCase) stub {
			return stub{op: tc.op, status: http.StatusTooManyRequests, header: map[string]string{"Retry-After": "30"},
				body: `{"errors":[{"message":"Too many requests from this client. Please try again later.",` +
					`"extensions":{"code":"RATE_LIMIT_EXCEEDED","window":"15m"}}]}`}
		},
		wantType: typeIs("RateLimited"), wantMessage: "try again in 30 seconds",
		wantRetryable: true, wantRetryAfter: 30, wantWindow: "15m",
	},
	{
		name:  "HTTP 502 with an HTML page is UpstreamUnavailable for a read, OutcomeUnknown for a mutation",
		reads: true, writes: true,
		answer: func(tc toolCase) stub {
			return stub{op: tc.op, status: http.StatusBadGateway, header: map[string]string{"Content-Type": "text/html"}, body: htmlPage}
		},
		wantType: func(tc toolCase) string {
			if tc.mutation {
				return "OutcomeUnknown"
			}
			return "UpstreamUnavailable"
		},
		wantMessage:       "HTTP 502",
		wantRetryable:     true,
		mutationRetryable: new(false),
	},
}

func TestEachToolTurnsEveryBufferFailureIntoItsErrorObject(t *testing.T) {
	for _, tc := range toolCases {
		for _, f := range failures {
			if tc.mutation && !f.writes || !tc.mutation && !f.reads {
				continue
			}
			t.Run(tc.tool+"/"+f.name, func(t *testing.T) {
				h := newHarness(t)
				h.stub(tc.setup...)
				h.stub(f.answer(tc))

				res := h.call(t, tc.tool, tc.args)

				got := testkit.ToolError(t, res)
				assert.Equal(t, f.wantType(tc), got.Type)
				assert.Contains(t, got.Message, f.wantMessage)
				wantRetryable := f.wantRetryable
				if tc.mutation && f.mutationRetryable != nil {
					wantRetryable = *f.mutationRetryable
				}
				assert.Equal(t, wantRetryable, got.Retryable, "retryable")
				assert.Equal(t, f.wantRetryAfter, got.RetryAfterSeconds, "retryAfterSeconds")
				assert.Equal(t, f.wantWindow, got.Window, "window")
				assert.Empty(t, got.Field, "field")
				assert.Equal(t, got.Type+": "+got.Message, text(t, res))
			})
		}
	}
}

func TestEachMutationTurnsEveryErrorMemberOfItsUnionIntoThatType(t *testing.T) {
	for _, tc := range toolCases {
		for _, member := range tc.members {
			t.Run(tc.tool+"/"+member, func(t *testing.T) {
				h := newHarness(t)
				h.stub(tc.setup...)
				h.stub(mutationError(tc.op, tc.root, member, "Buffer says: "+member+" happened"))

				res := h.call(t, tc.tool, tc.args)

				got := testkit.ToolError(t, res)
				assert.Equal(t, member, got.Type)
				assert.Contains(t, got.Message, "Buffer says: "+member+" happened")
				assert.False(t, got.Retryable, "retryable")
				assert.Equal(t, got.Type+": "+got.Message, text(t, res))
			})
		}
	}
}

func TestNoToolRetriesAMutationOrARateLimitLongerThanTenSeconds(t *testing.T) {
	// A mutation is never retried once it may have reached Buffer (no idempotency key); a
	// read is answered at once when Retry-After is longer than 10 s (SPEC §4).
	answers := map[string]func(toolCase) stub{
		"HTTP 429 Retry-After 30": func(tc toolCase) stub {
			return stub{op: tc.op, status: http.StatusTooManyRequests, header: map[string]string{"Retry-After": "30"},
				body: `{"errors":[{"message":"Too many requests","extensions":{"code":"RATE_LIMIT_EXCEEDED","window":"15m"}}]}`}
		},
		"HTTP 502 to a mutation": func(tc toolCase) stub {
			return stub{op: tc.op, status: http.StatusBadGateway, body: htmlPage}
		},
	}
	for _, tc := range toolCases {
		for name, answer := range answers {
			if name == "HTTP 502 to a mutation" && !tc.mutation {
				continue
			}
			t.Run(tc.tool+"/"+name, func(t *testing.T) {
				// With the program's retry policy: a harness that tries once could not fail here.
				h := newRetryingHarness(t)
				h.stub(tc.setup...)
				h.stub(answer(tc))

				testkit.ToolError(t, h.call(t, tc.tool, tc.args))

				assert.Equal(t, 1, h.fake.count(tc.op), "requests of %s", tc.op)
			})
		}
	}
}
