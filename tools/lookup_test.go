package tools_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

func TestOmittedOrganizationIDIsTheAccountsOnlyOrganization(t *testing.T) {
	tests := []struct {
		tool     string
		answer   stub
		wantVars string
	}{
		{tool: "list_channels", answer: listChannelsOK(ch1JSON), wantVars: `{"organizationId":"{org1}"}`},
		{
			tool: "list_posts", answer: gql("ListPosts", listPostsData),
			wantVars: `{"input":{"organizationId":"{org1}","sort":[{"field":"createdAt","direction":"desc"}]},"first":20}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.tool, func(t *testing.T) {
			h := newHarness(t)
			h.stub(getAccountOK(accountData), tt.answer)

			res := h.call(t, tt.tool, `{}`)

			requireSuccess(t, res)
			h.assertVariables(t, tt.answer.op, tt.wantVars)
		})
	}
}

func TestOmittedOrganizationIDWithSeveralOrganizationsListsEachIDAndName(t *testing.T) {
	for _, tool := range []string{"list_channels", "list_posts"} {
		t.Run(tool, func(t *testing.T) {
			h := newHarness(t)
			h.stub(getAccountOK(accountTwoOrgsData))

			got := testkit.ToolError(t, h.call(t, tool, `{}`))

			assert.Equal(t, tools.TypeInvalidArguments, got.Type)
			assert.Equal(t, "organizationId", got.Field)
			for _, want := range []string{org1, "Analytical Engines", org2, "Difference Engines"} {
				assert.Contains(t, got.Message, want)
			}
			assert.Equal(t, []string{"GetAccount"}, h.fake.ops(), "nothing but the account lookup is sent")
		})
	}
}

func TestListPostsWithChannelIDsListsInTheirOrganization(t *testing.T) {
	h := newHarness(t)
	h.stub(getChannelOK(ch4JSON), gql("ListPosts", listPostsData))

	res := h.call(t, "list_posts", `{"channelIds":["{ch4}"]}`)

	requireSuccess(t, res)
	assert.Equal(t, []string{"GetChannel", "ListPosts"}, h.fake.ops(), "no account lookup")
	h.assertVariables(t, "ListPosts", `{"input":{"organizationId":"{org2}","filter":{"channelIds":["{ch4}"]},`+
		`"sort":[{"field":"createdAt","direction":"desc"}]},"first":20}`)
}

func TestListPostsRefusesChannelsOfTwoOrganizations(t *testing.T) {
	h := newHarness(t)
	h.stub(getChannelOK(ch1JSON), getChannelOK(ch4JSON))

	got := testkit.ToolError(t, h.call(t, "list_posts", `{"channelIds":["{ch1}","{ch4}"]}`))

	assert.Equal(t, tools.TypeInvalidArguments, got.Type)
	assert.Equal(t, "channelIds[1]", got.Field)
	assert.Equal(t, 0, h.fake.count("ListPosts"))
}

func TestCacheServesTheAccountAndChannelsToLaterCallsEvenAfterAPostIsWritten(t *testing.T) {
	h := newHarness(t)
	h.stub(
		getAccountOK(accountData),
		listChannelsOK(ch1JSON, ch2JSON),
		createPostOK("{post1}", "{ch2}", "Europe/Berlin", "Hello"),
	)

	requireSuccess(t, h.call(t, "get_account", `{}`))
	requireSuccess(t, h.call(t, "list_channels", `{}`))
	requireSuccess(t, h.call(t, "create_post", `{"channelId":"{ch2}","text":"Hello"}`))
	requireSuccess(t, h.call(t, "get_channel", `{"channelId":"{ch1}"}`))
	requireSuccess(t, h.call(t, "get_account", `{}`)) // writing a post does not drop the cache

	assert.Equal(t, 1, h.fake.count("GetAccount"), "GetAccount")
	assert.Equal(t, 1, h.fake.count("ListChannels"), "ListChannels")
	assert.Equal(t, 0, h.fake.count("GetChannel"), "GetChannel")
	assert.Equal(t, 1, h.fake.count("CreatePost"), "CreatePost")
}

func TestCacheIsDroppedAfterAnUnauthenticatedAnswerFromAnyTool(t *testing.T) {
	unauthenticated := func(op string) stub {
		return stub{op: op, status: http.StatusUnauthorized, body: `{"errors":[{"message":"Invalid token","extensions":{"code":"UNAUTHENTICATED"}}]}`}
	}
	for _, tc := range toolCases {
		if tc.tool == "get_account" {
			continue
		}
		t.Run(tc.tool, func(t *testing.T) {
			h := newHarness(t)
			h.stub(getAccountOK(accountData))
			requireSuccess(t, h.call(t, "get_account", `{}`))
			h.stub(tc.setup...)
			h.stub(unauthenticated(tc.op))
			assert.Equal(t, "Unauthenticated", testkit.ToolError(t, h.call(t, tc.tool, tc.args)).Type)
			h.stub(getAccountOK(accountData))

			requireSuccess(t, h.call(t, "get_account", `{}`))

			assert.Equal(t, 2, h.fake.count("GetAccount"), "the account is asked for again")
		})
	}
}

func TestCacheIsDroppedWhenBufferSaysTheChannelIsGone(t *testing.T) {
	h := newHarness(t)
	h.stub(
		listChannelsOK(ch1JSON),
		mutationError("CreatePost", "createPost", "NotFoundError", "Channel not found"),
		getChannelOK(ch1JSON),
	)
	requireSuccess(t, h.call(t, "list_channels", `{"organizationId":"{org1}"}`))
	assert.Equal(t, "NotFoundError", testkit.ToolError(t, h.call(t, "create_post", `{"channelId":"{ch1}","text":"hi"}`)).Type)

	requireSuccess(t, h.call(t, "get_channel", `{"channelId":"{ch1}"}`))

	assert.Equal(t, []string{"ListChannels", "CreatePost", "GetChannel"}, h.fake.ops())
}

// A post that is not found says nothing about the account or its channels.
func TestCacheIsKeptWhenAPostIsNotFound(t *testing.T) {
	h := newHarness(t)
	h.stub(
		listChannelsOK(ch1JSON),
		gqlErrors("GetPost", `{"message":"Post not found","extensions":{"code":"NOT_FOUND"}}`),
		mutationError("DeletePost", "deletePost", "VoidMutationError", "Post not found"),
	)
	requireSuccess(t, h.call(t, "list_channels", `{"organizationId":"{org1}"}`))
	assert.Equal(t, client.TypeNotFound, testkit.ToolError(t, h.call(t, "get_post", `{"postId":"{post1}"}`)).Type)
	assert.Equal(t, "VoidMutationError", testkit.ToolError(t, h.call(t, "delete_post", `{"postId":"{post1}"}`)).Type)

	requireSuccess(t, h.call(t, "get_channel", `{"channelId":"{ch1}"}`))

	assert.Equal(t, []string{"ListChannels", "GetPost", "DeletePost"}, h.fake.ops(), "get_channel is answered from the cache")
}

func TestCacheExpiresAfterCacheTTL(t *testing.T) {
	tests := []struct {
		name  string
		tool  string
		args  string
		stubs []stub // one lookup's answers
	}{
		{name: "account", tool: "get_account", args: `{}`, stubs: []stub{getAccountOK(accountData)}},
		{name: "channel list", tool: "list_channels", args: `{"organizationId":"{org1}"}`, stubs: []stub{listChannelsOK(ch1JSON)}},
		{name: "channel", tool: "get_channel", args: `{"channelId":"{ch1}"}`, stubs: []stub{getChannelOK(ch1JSON)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(tt.stubs...)
			requireSuccess(t, h.call(t, tt.tool, tt.args))

			h.clock.Add(tools.CacheTTL - 1)
			requireSuccess(t, h.call(t, tt.tool, tt.args))
			assert.Len(t, h.fake.ops(), len(tt.stubs), "still cached just before CacheTTL")

			h.clock.Add(1)
			h.stub(tt.stubs...)
			requireSuccess(t, h.call(t, tt.tool, tt.args))
			assert.Len(t, h.fake.ops(), 2*len(tt.stubs), "asked again at CacheTTL")
		})
	}
}

func TestChannelLookupNotFoundSaysWhereTheIDsComeFrom(t *testing.T) {
	tests := []struct{ tool, args string }{
		{tool: "get_channel", args: `{"channelId":"{ch1}"}`},
		{tool: "create_post", args: `{"channelId":"{ch1}","text":"hi"}`},
	}
	for _, tt := range tests {
		t.Run(tt.tool, func(t *testing.T) {
			h := newHarness(t)
			h.stub(gqlErrors("GetChannel", `{"message":"Channel not found","extensions":{"code":"NOT_FOUND"}}`))

			got := testkit.ToolError(t, h.call(t, tt.tool, tt.args))

			assert.Equal(t, "NotFound", got.Type)
			assert.Contains(t, got.Message, ch1)
			assert.Contains(t, got.Message, "list_channels")
			assert.Contains(t, got.Message, "Channel not found")
			assert.Equal(t, []string{"GetChannel"}, h.fake.ops())
		})
	}
}

// tagsV2 is experimental: when Buffer no longer takes the query, list_tags says so, and
// that tags can still be given by id.
func TestListTagsSaysWhenBuffersTagsAPIHasChanged(t *testing.T) {
	h := newHarness(t)
	h.stub(stub{op: "ListTags", status: http.StatusBadRequest,
		body: `{"errors":[{"message":"Cannot query field \"tagsV2\" on type \"Query\".","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}`})

	got := testkit.ToolError(t, h.call(t, "list_tags", `{"organizationId":"{org1}"}`))

	assert.Equal(t, client.TypeUpstreamError, got.Type)
	assert.Contains(t, got.Message, "tagsV2, experimental")
	assert.Contains(t, got.Message, "tag posts by id")
	assert.Contains(t, got.Message, "buffer-mcp doctor")
}
