package e2e

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var objectID = regexp.MustCompile(`^[0-9a-f]{24}$`)

// needsMoreThanText are the networks whose posts need media or options besides text.
var needsMoreThanText = map[string]bool{"instagram": true, "tiktok": true, "pinterest": true, "youtube": true, "googlebusiness": true}

// idea and ideasResult are what list_ideas and create_idea answer, as a client reads them.
type (
	idea struct {
		ID        string   `json:"id"`
		Title     string   `json:"title"`
		Text      string   `json:"text"`
		Services  []string `json:"services"`
		Date      string   `json:"date"`
		GroupID   string   `json:"groupId"`
		CreatedAt string   `json:"createdAt"`
	}
	ideasResult struct {
		Ideas    []idea `json:"ideas"`
		PageInfo *struct {
			HasNextPage bool   `json:"hasNextPage"`
			EndCursor   string `json:"endCursor"`
		} `json:"pageInfo"`
	}
)

// The binary lists the tools of the default toolsets, each exactly as its reviewed snapshot
// (tools/testdata/snapshots): name, title, description, schemas and all four annotations.
func TestToolsListInBothEras(t *testing.T) {
	sb := startSandbox(t)
	for _, era := range []string{modernEra, legacyEra} {
		t.Run(era, func(t *testing.T) {
			c, _ := startMCPGo(t, sb.serverEnv(), era)
			ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
			defer cancel()
			list, err := c.ListTools(ctx, mcp.ListToolsRequest{})
			require.NoError(t, err)
			var names []string
			for _, tool := range list.Tools {
				names = append(names, tool.Name)
				got, err := json.Marshal(tool)
				require.NoError(t, err)
				assertListedAsSnapshot(t, tool.Name, got)
			}
			assert.ElementsMatch(t, offered(t, tools.Selection{}), names)
		})
	}
}

func TestToolFilteringAtRegistration(t *testing.T) {
	tests := []struct {
		name string
		env  []string
		args []string
		want []string
	}{
		{"read-only", []string{"BUFFER_MCP_READ_ONLY=1"}, nil, offered(t, tools.Selection{ReadOnly: true})},
		{"allow-list", nil, []string{"--tools", "get_account,delete_post"},
			[]string{"delete_post", "get_account"}},
		{"read-only wins over the allow-list", []string{"BUFFER_MCP_TOOLS=get_post,create_post"}, []string{"--read-only"},
			[]string{"get_post"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := startMCPGo(t, baseEnv(append(tt.env, "BUFFER_MCP_SANDBOX=1")...), modernEra, tt.args...)
			ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
			defer cancel()
			list, err := c.ListTools(ctx, mcp.ListToolsRequest{})
			require.NoError(t, err)
			var got []string
			for _, tool := range list.Tools {
				got = append(got, tool.Name)
			}
			assert.ElementsMatch(t, tt.want, got)

			req := mcp.CallToolRequest{}
			req.Params.Name = "edit_post"
			req.Params.Arguments = map[string]any{"postId": "0123456789abcdef01234567", "text": "x"}
			_, err = c.CallTool(ctx, req)
			assert.Error(t, err, "a tool that is not offered is not callable")
		})
	}
}

// TestEveryToolInBothEras walks the tools as a model would: the account, its channels, the
// queue, then a post created, edited and deleted, then the ideas listed and one saved. Each
// era gets a fresh sandbox.
func TestEveryToolInBothEras(t *testing.T) {
	for _, era := range []string{modernEra, legacyEra} {
		t.Run(era, func(t *testing.T) {
			sb := startSandbox(t)
			c, _ := startMCPGo(t, sb.serverEnv(), era)
			exerciseEveryTool(t, c)
		})
	}
}

func exerciseEveryTool(t *testing.T, c *mcpclient.Client) {
	var acct accountResult
	okResult(t, callTool(t, c, "get_account", nil), &acct)
	assert.Regexp(t, objectID, acct.Account.ID)
	assert.NotEmpty(t, acct.Account.Email)
	loc, err := time.LoadLocation(acct.Account.Timezone)
	require.NoError(t, err, "account timezone")
	now, err := time.Parse(time.RFC3339, acct.Account.CurrentTime)
	require.NoError(t, err, "currentTime is RFC 3339")
	_, wantOffset := now.In(loc).Zone()
	_, gotOffset := now.Zone()
	assert.Equal(t, wantOffset, gotOffset, "currentTime carries the account timezone's offset")
	require.Len(t, acct.Organizations, 1)
	org := acct.Organizations[0]
	assert.Regexp(t, objectID, org.ID)

	var chans struct{ Channels []channel }
	okResult(t, callTool(t, c, "list_channels", nil), &chans)
	require.Len(t, chans.Channels, org.ChannelCount)
	usable := map[string]channel{} // service → a channel that takes a text-only post
	var disconnected channel
	for _, ch := range chans.Channels {
		assert.Regexp(t, objectID, ch.ID)
		assert.NotEmpty(t, ch.Service)
		_, err := time.LoadLocation(ch.Timezone)
		assert.NoError(t, err, "channel timezone")
		require.NotNil(t, ch.IsQueuePaused)
		require.NotNil(t, ch.IsDisconnected)
		require.NotNil(t, ch.IsLocked)
		if *ch.IsDisconnected {
			disconnected = ch
		}
		if !*ch.IsQueuePaused && !*ch.IsDisconnected && !*ch.IsLocked && !needsMoreThanText[ch.Service] {
			usable[ch.Service] = ch
		}
	}
	require.GreaterOrEqual(t, len(usable), 2, "the seed has at least two channels for a text post")
	require.NotEmpty(t, disconnected.ID, "the seed has a disconnected channel")
	var first, second channel
	for _, ch := range chans.Channels {
		if u, ok := usable[ch.Service]; ok && u.ID == ch.ID {
			if first.ID == "" {
				first = ch
			} else if second.ID == "" {
				second = ch
			}
		}
	}

	var one struct{ Channel channel }
	okResult(t, callTool(t, c, "get_channel", map[string]any{"channelId": first.ID}), &one)
	assert.Equal(t, first.ID, one.Channel.ID)
	assert.Equal(t, first.Timezone, one.Channel.Timezone)
	assert.Equal(t, org.ID, one.Channel.OrganizationID)
	assert.NotEmpty(t, one.Channel.PostingSchedule)

	var queue postsResult
	okResult(t, callTool(t, c, "list_posts", map[string]any{"status": []string{"scheduled"}}), &queue)
	require.NotEmpty(t, queue.Posts)
	require.NotNil(t, queue.PageInfo)
	var prev time.Time
	for _, p := range queue.Posts {
		assert.Equal(t, "scheduled", p.Status)
		due, err := time.Parse(time.RFC3339, p.DueAt)
		require.NoError(t, err)
		assert.False(t, due.Before(prev), "scheduled posts come soonest first")
		prev = due
	}

	var page1, page2 postsResult
	okResult(t, callTool(t, c, "list_posts", map[string]any{"first": 1}), &page1)
	require.Len(t, page1.Posts, 1)
	require.True(t, page1.PageInfo.HasNextPage)
	okResult(t, callTool(t, c, "list_posts", map[string]any{"first": 1, "after": page1.PageInfo.EndCursor}), &page2)
	require.Len(t, page2.Posts, 1)
	assert.NotEqual(t, page1.Posts[0].ID, page2.Posts[0].ID, "the cursor moves on")

	var got struct{ Post post }
	okResult(t, callTool(t, c, "get_post", map[string]any{"postId": queue.Posts[0].ID}), &got)
	assert.Equal(t, queue.Posts[0].ID, got.Post.ID)
	assert.NotEmpty(t, got.Post.Timezone)
	assertLocalTime(t, got.Post.DueAt, got.Post.DueAtLocal, got.Post.Timezone)

	// create_post: a dry run sends nothing and has no id.
	var dry postsResult
	okResult(t, callTool(t, c, "create_post", map[string]any{"channelId": first.ID, "text": "e2e dry run", "dryRun": true}), &dry)
	assert.True(t, dry.DryRun)
	require.Len(t, dry.Posts, 1)
	assert.Empty(t, dry.Posts[0].ID)
	assert.Equal(t, first.ID, dry.Posts[0].ChannelID)

	// create_post at a given time.
	dueAt := now.Add(72 * time.Hour).Truncate(time.Hour)
	var created postsResult
	okResult(t, callTool(t, c, "create_post", map[string]any{
		"channelId": first.ID, "text": "e2e scheduled post", "dueAt": dueAt.Format(time.RFC3339),
	}), &created)
	require.Len(t, created.Posts, 1)
	p := created.Posts[0]
	assert.Regexp(t, objectID, p.ID)
	assert.Equal(t, "scheduled", p.Status)
	assert.Equal(t, "e2e scheduled post", p.Text)
	gotDue, err := time.Parse(time.RFC3339, p.DueAt)
	require.NoError(t, err)
	assert.True(t, dueAt.Equal(gotDue), "dueAt %s, want %s", p.DueAt, dueAt)
	assertLocalTime(t, p.DueAt, p.DueAtLocal, p.Timezone)

	// create_post across channels: one post per channel, a failing channel listed.
	res := callTool(t, c, "create_post", map[string]any{
		"channelIds": []string{first.ID, disconnected.ID, second.ID}, "text": "e2e to several channels",
	})
	var fan postsResult
	okResult(t, res, &fan)
	assert.True(t, strings.HasPrefix(testkit.Text(res), "Created 2 of 3 posts"), "summary line: %q", testkit.Text(res))
	require.Len(t, fan.Posts, 2)
	assert.ElementsMatch(t, []string{first.ID, second.ID}, []string{fan.Posts[0].ChannelID, fan.Posts[1].ChannelID})
	require.Len(t, fan.Failed, 1)
	assert.Equal(t, disconnected.ID, fan.Failed[0].ChannelID)
	assert.NotEmpty(t, fan.Failed[0].Error.Type)
	assert.NotEmpty(t, fan.Failed[0].Error.Message)

	var edited struct{ Post post }
	okResult(t, callTool(t, c, "edit_post", map[string]any{"postId": p.ID, "text": "e2e edited"}), &edited)
	assert.Equal(t, p.ID, edited.Post.ID)
	assert.Equal(t, "e2e edited", edited.Post.Text)
	assert.Equal(t, p.DueAt, edited.Post.DueAt, "an argument left out is left unchanged")

	var deleted struct{ Deleted struct{ PostID string } }
	okResult(t, callTool(t, c, "delete_post", map[string]any{"postId": p.ID}), &deleted)
	assert.Equal(t, p.ID, deleted.Deleted.PostID)

	gone := testkit.ToolError(t, callTool(t, c, "get_post", map[string]any{"postId": p.ID}))
	assert.Equal(t, "NotFound", gone.Type)

	// list_ideas: the seed's ideas, paged; createdAt (Unix seconds at Buffer) is RFC 3339.
	var ideas, more ideasResult
	okResult(t, callTool(t, c, "list_ideas", map[string]any{"first": 2}), &ideas)
	require.Len(t, ideas.Ideas, 2)
	require.NotNil(t, ideas.PageInfo)
	require.True(t, ideas.PageInfo.HasNextPage)
	okResult(t, callTool(t, c, "list_ideas", map[string]any{"first": 2, "after": ideas.PageInfo.EndCursor}), &more)
	require.NotEmpty(t, more.Ideas)
	assert.NotEqual(t, ideas.Ideas[0].ID, more.Ideas[0].ID, "the cursor moves on")
	for _, i := range append(ideas.Ideas, more.Ideas...) {
		assert.Regexp(t, objectID, i.ID)
		assert.True(t, i.Title != "" || i.Text != "", "an idea has a title or text")
		_, err := time.Parse(time.RFC3339, i.CreatedAt)
		assert.NoError(t, err, "createdAt is RFC 3339")
	}

	// create_idea: saved now, and listed first.
	planned := now.Add(7 * 24 * time.Hour).Truncate(time.Hour)
	var saved struct{ Idea idea }
	okResult(t, callTool(t, c, "create_idea", map[string]any{
		"title": "e2e idea", "text": "An idea for later", "services": []string{"linkedin", "mastodon"},
		"date": planned.Format(time.RFC3339),
	}), &saved)
	assert.Regexp(t, objectID, saved.Idea.ID)
	assert.Equal(t, "e2e idea", saved.Idea.Title)
	assert.Equal(t, "An idea for later", saved.Idea.Text)
	assert.Equal(t, []string{"linkedin", "mastodon"}, saved.Idea.Services)
	gotDate, err := time.Parse(time.RFC3339, saved.Idea.Date)
	require.NoError(t, err)
	assert.True(t, planned.Equal(gotDate), "date %s, want %s", saved.Idea.Date, planned)
	createdAt, err := time.Parse(time.RFC3339, saved.Idea.CreatedAt)
	require.NoError(t, err)
	assert.WithinDuration(t, time.Now(), createdAt, 2*time.Minute)
	var newest ideasResult
	okResult(t, callTool(t, c, "list_ideas", map[string]any{"first": 1}), &newest)
	require.Len(t, newest.Ideas, 1)
	assert.Equal(t, saved.Idea, newest.Ideas[0], "the new idea comes first, as create_idea showed it")

	// Arguments are checked before anything is sent, and the error names the field.
	for _, tt := range []struct {
		tool  string
		args  map[string]any
		field string
	}{
		{"get_post", map[string]any{"postId": "not-an-id"}, "postId"},
		{"list_posts", map[string]any{"first": 500}, "first"},
		{"list_posts", map[string]any{"status": []string{"published"}}, "status[0]"},
		{"get_channel", map[string]any{}, "channelId"},
		{"list_ideas", map[string]any{"first": 0}, "first"},
		{"create_idea", map[string]any{"title": " "}, "text"},
		{"create_idea", map[string]any{"text": "x", "services": []string{"x.com"}}, "services[0]"},
	} {
		e := testkit.ToolError(t, callTool(t, c, tt.tool, tt.args))
		assert.Equal(t, "InvalidArguments", e.Type, "%s %v", tt.tool, tt.args)
		assert.Equal(t, tt.field, e.Field, "%s %v", tt.tool, tt.args)
		assert.False(t, e.Retryable)
	}
}

// assertLocalTime checks that local is utc in the named timezone, with its offset.
func assertLocalTime(t *testing.T, utc, local, tz string) {
	t.Helper()
	loc, err := time.LoadLocation(tz)
	require.NoError(t, err)
	u, err := time.Parse(time.RFC3339, utc)
	require.NoError(t, err)
	l, err := time.Parse(time.RFC3339, local)
	require.NoError(t, err)
	assert.Equal(t, u.In(loc).Format(time.RFC3339), l.Format(time.RFC3339))
}

// TestOfficialGoSDKClient drives the binary with the official Go SDK, which negotiates
// 2026-07-28 and reads stdout strictly: a stray byte there would break the session.
func TestOfficialGoSDKClient(t *testing.T) {
	sb := startSandbox(t)
	cs := startSDK(t, sb.serverEnv("BUFFER_MCP_LOG_LEVEL=debug"))
	assert.Equal(t, modernEra, cs.InitializeResult().ProtocolVersion)

	ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
	defer cancel()
	var names []string
	for tool, err := range cs.Tools(ctx, nil) {
		require.NoError(t, err)
		names = append(names, tool.Name)
		got, err := json.Marshal(tool)
		require.NoError(t, err)
		assertListedAsSnapshot(t, tool.Name, got)
	}
	assert.ElementsMatch(t, offered(t, tools.Selection{}), names)

	res, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: "list_posts", Arguments: map[string]any{"status": []string{"scheduled"}}})
	require.NoError(t, err)
	require.False(t, res.IsError)
	var queue postsResult
	decode(t, res.StructuredContent, &queue)
	assert.NotEmpty(t, queue.Posts)

	res, err = cs.CallTool(ctx, &sdk.CallToolParams{Name: "get_post", Arguments: map[string]any{"postId": "nope"}})
	require.NoError(t, err)
	require.True(t, res.IsError)
	var out struct{ Error tools.ErrorInfo }
	decode(t, res.StructuredContent, &out)
	assert.Equal(t, "InvalidArguments", out.Error.Type)
	assert.Equal(t, "postId", out.Error.Field)
}

// TestSeveralOrganizations runs against the two-orgs seed, served by `buffer-mcp sandbox
// --seed two-orgs` and in process with --sandbox-seed.
func TestSeveralOrganizations(t *testing.T) {
	sb := startSandbox(t, "--seed", "two-orgs")
	c, _ := startMCPGo(t, sb.serverEnv(), modernEra)
	var acct accountResult
	okResult(t, callTool(t, c, "get_account", nil), &acct)
	require.Len(t, acct.Organizations, 2)

	e := testkit.ToolError(t, callTool(t, c, "list_channels", nil))
	assert.Equal(t, "InvalidArguments", e.Type)
	assert.Equal(t, "organizationId", e.Field)
	for _, org := range acct.Organizations {
		assert.Contains(t, e.Message, org.ID, "the message lists each organization")
	}

	second := acct.Organizations[1]
	var chans struct{ Channels []channel }
	okResult(t, callTool(t, c, "list_channels", map[string]any{"organizationId": second.ID}), &chans)
	assert.Len(t, chans.Channels, second.ChannelCount)

	e = testkit.ToolError(t, callTool(t, c, "create_idea", map[string]any{"text": "x"}))
	assert.Equal(t, "organizationId", e.Field, "ideas too need the organization named")
	var ideas [2]ideasResult
	for i, org := range acct.Organizations {
		okResult(t, callTool(t, c, "list_ideas", map[string]any{"organizationId": org.ID}), &ideas[i])
		assert.NotEmpty(t, ideas[i].Ideas, org.Name)
	}
	assert.NotEqual(t, ideas[0].Ideas[0].ID, ideas[1].Ideas[0].ID, "each organization has its own ideas")

	got := runBinary(t, baseEnv(), "", "--sandbox", "--sandbox-seed", "two-orgs", "call", "get_account")
	require.Equal(t, 0, got.code, "stderr: %s", got.stderr)
	var inProcess accountResult
	decode(t, json.RawMessage(got.stdout), &inProcess)
	assert.Len(t, inProcess.Organizations, 2)
}
