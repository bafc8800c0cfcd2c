package e2e

// The tools beyond posts and ideas (metrics, daily limits, queue moves, idea groups,
// templates, execute_query), and the toolsets that offer them: the real binary against
// `buffer-mcp sandbox`, every result checked against the output schema the binary listed.

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// checked is a client whose every result is validated against its tool's output schema,
// as the binary listed it: success and error results alike (SPEC §4).
type checked struct {
	t       *testing.T
	c       *mcpclient.Client
	schemas map[string]*jsonschema.Schema
}

func newChecked(t *testing.T, c *mcpclient.Client) *checked {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
	defer cancel()
	list, err := c.ListTools(ctx, mcp.ListToolsRequest{})
	require.NoError(t, err)
	comp := jsonschema.NewCompiler()
	out := &checked{t: t, c: c, schemas: map[string]*jsonschema.Schema{}}
	for _, tool := range list.Tools {
		raw, err := json.Marshal(tool)
		require.NoError(t, err)
		var def struct {
			OutputSchema json.RawMessage `json:"outputSchema"`
		}
		require.NoError(t, json.Unmarshal(raw, &def))
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(def.OutputSchema))
		require.NoError(t, err, tool.Name)
		url := "mem:///" + tool.Name + ".json"
		require.NoError(t, comp.AddResource(url, doc))
		out.schemas[tool.Name], err = comp.Compile(url)
		require.NoError(t, err, tool.Name)
	}
	return out
}

// call calls a tool and checks its structured content against the tool's output schema.
func (k *checked) call(name string, args map[string]any) *mcp.CallToolResult {
	k.t.Helper()
	res := callTool(k.t, k.c, name, args)
	b, err := json.Marshal(res.StructuredContent)
	require.NoError(k.t, err)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(k.t, err)
	require.Contains(k.t, k.schemas, name)
	assert.NoError(k.t, k.schemas[name].Validate(inst), "%s: isError %v, structuredContent %s", name, res.IsError, b)
	return res
}

func (k *checked) ok(name string, args map[string]any, v any) {
	k.t.Helper()
	okResult(k.t, k.call(name, args), v)
}

func (k *checked) fails(name string, args map[string]any) tools.ErrorInfo {
	k.t.Helper()
	return testkit.ToolError(k.t, k.call(name, args))
}

type (
	metric struct {
		Type  string  `json:"type"`
		Name  string  `json:"name"`
		Value float64 `json:"value"`
		Unit  string  `json:"unit"`
	}
	metricsResult struct {
		Metrics          []metric `json:"metrics"`
		MetricsUpdatedAt string   `json:"metricsUpdatedAt"`
		Window           struct {
			Start string `json:"start"`
			End   string `json:"end"`
		} `json:"window"`
	}
	postingLimit struct {
		ChannelID string `json:"channelId"`
		Sent      int    `json:"sent"`
		Scheduled int    `json:"scheduled"`
		Limit     *int   `json:"limit"`
		IsAtLimit bool   `json:"isAtLimit"`
	}
	template struct {
		ID          string `json:"id"`
		Title       string `json:"title"`
		Body        string `json:"body"`
		Description string `json:"description"`
		Emoji       string `json:"emoji"`
		Visibility  string `json:"visibility"`
	}
)

// Every tool of every toolset through the binary, against `buffer-mcp sandbox`.
func TestTheRestOfBufferThroughTheBinary(t *testing.T) {
	sb := startSandbox(t)
	c, _ := startMCPGo(t, sb.serverEnv("BUFFER_MCP_TOOLSETS=all"), modernEra)
	k := newChecked(t, c)
	require.Len(t, k.schemas, len(tools.Names()), "--toolsets all offers every tool")

	var chans struct{ Channels []channel }
	k.ok("list_channels", nil, &chans)
	byService := map[string]string{}
	for _, ch := range chans.Channels {
		byService[ch.Service] = ch.ID
	}

	t.Run("get_aggregated_post_metrics", func(t *testing.T) {
		var got metricsResult
		k.ok("get_aggregated_post_metrics", map[string]any{"start": "last 30 days"}, &got)
		values := map[string]float64{}
		for _, m := range got.Metrics {
			values[m.Type] = m.Value
			assert.NotEmpty(t, m.Name)
			assert.Contains(t, []string{"count", "percentage"}, m.Unit)
		}
		assert.Equal(t, 4.0, values["postCount"], "the seed's four sent posts of the organization in the window")
		assert.Equal(t, 6040.0, values["impressions"])
		_, err := time.Parse(time.DateOnly, got.Window.Start)
		assert.NoError(t, err, "window.start is a date")
		assert.NotEmpty(t, got.MetricsUpdatedAt)

		var one metricsResult
		k.ok("get_aggregated_post_metrics", map[string]any{"start": "2026-01-01", "end": "2026-01-31",
			"channelIds": []string{byService["linkedin"]}, "tags": []string{byService["linkedin"]}}, &one)
		assert.Equal(t, []metric{{Type: "postCount", Name: "Posts", Value: 0, Unit: "count"}}, one.Metrics)
		assert.Equal(t, "2026-01-01", one.Window.Start)
		assert.Equal(t, "2026-01-31", one.Window.End)

		e := k.fails("get_aggregated_post_metrics", map[string]any{"start": "2020-01-01", "end": "2021-06-01"})
		assert.Equal(t, "InvalidArguments", e.Type)
		assert.Equal(t, "end", e.Field)
	})

	t.Run("list_posts includeMetrics", func(t *testing.T) {
		var got struct {
			Posts []struct {
				ID      string             `json:"id"`
				Status  string             `json:"status"`
				Metrics map[string]float64 `json:"metrics"`
			} `json:"posts"`
		}
		k.ok("list_posts", map[string]any{"status": []string{"sent"}, "includeMetrics": true}, &got)
		require.NotEmpty(t, got.Posts)
		measured := 0
		for _, p := range got.Posts {
			if len(p.Metrics) > 0 {
				measured++
			}
		}
		assert.Equal(t, 3, measured)
	})

	t.Run("get_daily_posting_limits", func(t *testing.T) {
		var got struct{ Limits []postingLimit }
		k.ok("get_daily_posting_limits", map[string]any{"channelIds": []string{byService["linkedin"], byService["mastodon"]}}, &got)
		require.Len(t, got.Limits, 2)
		assert.Equal(t, byService["linkedin"], got.Limits[0].ChannelID)
		require.NotNil(t, got.Limits[0].Limit)
		assert.Equal(t, 25, *got.Limits[0].Limit)
		assert.Nil(t, got.Limits[1].Limit, "Mastodon has no daily limit: the field is left out")

		e := k.fails("get_daily_posting_limits", map[string]any{"channelIds": []string{"0123456789abcdef01234567"}})
		assert.Equal(t, "NotFound", e.Type)
	})

	t.Run("move_post_in_queue", func(t *testing.T) {
		var listed postsResult
		k.ok("list_posts", map[string]any{"channelIds": []string{byService["twitter"]}, "status": []string{"scheduled"}}, &listed)
		// Only a post in a queue slot moves; one scheduled for a time of its own stays.
		var queue []post
		for _, p := range listed.Posts {
			var got struct{ Post post }
			k.ok("get_post", map[string]any{"postId": p.ID}, &got)
			if got.Post.ShareMode != "customScheduled" {
				queue = append(queue, p)
			}
		}
		require.GreaterOrEqual(t, len(queue), 2)
		first, last := queue[0], queue[len(queue)-1]

		var moved struct{ Post post }
		k.ok("move_post_in_queue", map[string]any{"postId": last.ID, "position": "top"}, &moved)
		assert.Equal(t, last.ID, moved.Post.ID)
		assert.Equal(t, first.DueAt, moved.Post.DueAt, "it takes the first slot")

		var after postsResult
		k.ok("list_posts", map[string]any{"channelIds": []string{byService["twitter"]}, "status": []string{"scheduled"}}, &after)
		var order []string
		for _, p := range after.Posts {
			if slices.ContainsFunc(queue, func(q post) bool { return q.ID == p.ID }) {
				order = append(order, p.ID)
			}
		}
		require.Len(t, order, len(queue))
		assert.Equal(t, last.ID, order[0])
		assert.Equal(t, first.ID, order[1])

		var drafts postsResult
		k.ok("list_posts", map[string]any{"status": []string{"draft"}}, &drafts)
		require.NotEmpty(t, drafts.Posts)
		e := k.fails("move_post_in_queue", map[string]any{"postId": drafts.Posts[0].ID, "position": "bottom"})
		assert.Equal(t, "UpstreamError", e.Type)
		assert.Contains(t, e.Message, "Only a post in the queue can be moved")
	})

	t.Run("list_tags", func(t *testing.T) {
		var got struct {
			Tags []struct{ ID, Name, Color string }
		}
		k.ok("list_tags", nil, &got)
		require.NotEmpty(t, got.Tags)
		for _, tag := range got.Tags {
			assert.Regexp(t, objectID, tag.ID)
			assert.NotEmpty(t, tag.Name)
			assert.NotEmpty(t, tag.Color)
		}
		// A post tagged by one of those names carries the tag's id.
		var created postsResult
		k.ok("create_post", map[string]any{"channelId": byService["linkedin"], "text": "Tagged", "saveToDraft": true,
			"tags": []string{strings.ToUpper(got.Tags[0].Name)}}, &created)
		var read struct {
			Post struct{ Tags []struct{ ID, Name string } }
		}
		k.ok("get_post", map[string]any{"postId": created.Posts[0].ID}, &read)
		require.Len(t, read.Post.Tags, 1)
		assert.Equal(t, got.Tags[0].ID, read.Post.Tags[0].ID)
		assert.Equal(t, "InvalidArguments", k.fails("list_tags", map[string]any{"organizationId": "nope"}).Type)
	})

	t.Run("list_idea_groups and create_idea group", func(t *testing.T) {
		var groups struct {
			Groups []struct{ ID, Name string }
		}
		k.ok("list_idea_groups", nil, &groups)
		launch := ""
		for _, g := range groups.Groups {
			if g.Name == "Launch" {
				launch = g.ID
			}
		}
		require.NotEmpty(t, launch, "groups: %+v", groups.Groups)

		var created struct{ Idea idea }
		k.ok("create_idea", map[string]any{"text": "Spring blend tasting notes", "group": "launch"}, &created)
		assert.Equal(t, launch, created.Idea.GroupID)

		e := k.fails("create_idea", map[string]any{"text": "x", "group": "Autumn"})
		assert.Equal(t, "InvalidArguments", e.Type)
		assert.Equal(t, "group", e.Field)
		assert.Contains(t, e.Message, `"Launch" (`+launch+`)`)
	})

	t.Run("post templates", func(t *testing.T) {
		var list struct {
			Templates  []template `json:"templates"`
			TotalCount int        `json:"totalCount"`
		}
		k.ok("list_post_templates", nil, &list)
		require.NotEmpty(t, list.Templates)
		assert.Equal(t, len(list.Templates), list.TotalCount)

		var created struct{ Template template }
		k.ok("create_post_template", map[string]any{"title": "Restock", "body": "[Coffee] is back.", "visibility": "internal"}, &created)
		assert.Regexp(t, objectID, created.Template.ID)
		assert.Equal(t, "internal", created.Template.Visibility)

		var updated struct{ Template template }
		k.ok("update_post_template", map[string]any{"templateId": created.Template.ID, "emoji": "📦"}, &updated)
		assert.Equal(t, "📦", updated.Template.Emoji)
		assert.Equal(t, "[Coffee] is back.", updated.Template.Body, "what is left out stays")

		var got struct{ Template template }
		k.ok("get_post_template", map[string]any{"templateId": created.Template.ID}, &got)
		assert.Equal(t, updated.Template, got.Template)

		var deleted struct {
			Deleted struct {
				TemplateID string `json:"templateId"`
			}
		}
		k.ok("delete_post_template", map[string]any{"templateId": created.Template.ID}, &deleted)
		assert.Equal(t, created.Template.ID, deleted.Deleted.TemplateID)
		assert.Equal(t, "NotFound", k.fails("get_post_template", map[string]any{"templateId": created.Template.ID}).Type)
		assert.Equal(t, "NotFound", k.fails("delete_post_template", map[string]any{"templateId": created.Template.ID}).Type)
		e := k.fails("create_post_template", map[string]any{"title": "t", "body": "b", "visibility": "public"})
		assert.Equal(t, "visibility", e.Field)
	})

	t.Run("execute_query", func(t *testing.T) {
		var got struct {
			Data struct {
				Channel struct{ Name, Timezone string }
			}
		}
		k.ok("execute_query", map[string]any{
			"query":     "query Q($id: ChannelId!) { channel(input: {id: $id}) { name timezone } }",
			"variables": map[string]any{"id": byService["linkedin"]},
		}, &got)
		assert.Equal(t, "America/New_York", got.Data.Channel.Timezone)

		e := k.fails("execute_query", map[string]any{"query": "{ account { id shoeSize } }"})
		assert.Equal(t, "UpstreamError", e.Type, "Buffer (here the sandbox) refuses a field it does not have")
		assert.Contains(t, e.Message, "shoeSize")

		for _, q := range []string{
			`mutation { deletePost(input: {id: "` + byService["linkedin"] + `"}) { __typename } }`,
			`subscription { postUpdated { id } }`,
			`query A { account { id } } query B { account { email } }`,
		} {
			e := k.fails("execute_query", map[string]any{"query": q})
			assert.Equal(t, "InvalidArguments", e.Type, q)
			assert.Equal(t, "query", e.Field, q)
		}
	})
}

// The toolsets decide what is listed and callable, on stdio and over HTTP alike.
func TestToolsetsHoldOnStdioAndHTTP(t *testing.T) {
	auth := map[string]string{"Authorization": "Bearer " + httpToken}
	connect := map[string]func(t *testing.T, env []string, args ...string) *mcpclient.Client{
		"stdio": func(t *testing.T, env []string, args ...string) *mcpclient.Client {
			c, _ := startMCPGo(t, env, modernEra, args...)
			return c
		},
		"http": func(t *testing.T, env []string, args ...string) *mcpclient.Client {
			return streamableClient(t, startHTTP(t, env, "http", args...).url, auth, legacyEra)
		},
	}
	tests := []struct {
		name       string
		env, args  []string
		want       []string
		notOffered string
	}{
		{"the default toolsets", nil, nil, offeredNames(tools.Selection{}), "execute_query"},
		{"--toolsets templates,graphql", nil, []string{"--toolsets", "templates,graphql"},
			offeredNames(tools.Selection{Toolsets: []string{tools.ToolsetTemplates, tools.ToolsetGraphQL}}), "list_posts"},
		{"BUFFER_MCP_TOOLSETS=analytics with --tools", []string{"BUFFER_MCP_TOOLSETS=account,analytics"}, []string{"--tools", "get_account,get_aggregated_post_metrics"},
			[]string{"get_account", "get_aggregated_post_metrics"}, "list_channels"},
		{"--toolsets all --read-only", []string{"BUFFER_MCP_READ_ONLY=1"}, []string{"--toolsets", "all"},
			offeredNames(tools.Selection{Toolsets: []string{tools.ToolsetAll}, ReadOnly: true}), "delete_post_template"},
	}
	for transport, open := range connect {
		for _, tt := range tests {
			t.Run(transport+"/"+tt.name, func(t *testing.T) {
				c := open(t, sandboxEnv(append([]string{"BUFFER_MCP_HTTP_TOKEN=" + httpToken}, tt.env...)...), tt.args...)
				got := listToolNames(t, c)
				sort.Strings(got)
				assert.Equal(t, tt.want, got)
				assertNotCallable(t, c, tt.notOffered)
			})
		}
	}
	assert.True(t, slices.Contains(offeredNames(tools.Selection{Toolsets: []string{tools.ToolsetAll}, ReadOnly: true}), "execute_query"),
		"execute_query only reads")
}

func offeredNames(sel tools.Selection) []string {
	ts, err := tools.New(tools.Deps{}).Select(sel)
	if err != nil {
		panic(err)
	}
	var names []string
	for _, tool := range ts {
		names = append(names, tool.Definition.Name)
	}
	sort.Strings(names)
	return names
}

func TestAnUnknownToolsetStopsTheStartWithOneLine(t *testing.T) {
	for _, tt := range []struct {
		env  []string
		args []string
	}{
		{args: []string{"--sandbox", "--toolsets", "posts,metrics"}},
		{env: []string{"BUFFER_MCP_SANDBOX=1", "BUFFER_MCP_TOOLSETS=metrics"}},
	} {
		got := runBinary(t, baseEnv(tt.env...), "", tt.args...)
		assert.Equal(t, 2, got.code)
		assert.Empty(t, got.stdout)
		assert.Equal(t, `buffer-mcp: unknown toolset "metrics": the toolsets are account, posts, ideas, analytics, templates, graphql, or all (check --toolsets or BUFFER_MCP_TOOLSETS)`+"\n", got.stderr)
	}
}

func TestCallNamesTheToolsetOfATool(t *testing.T) {
	got := runBinary(t, baseEnv(), "", "--sandbox", "call", "list_post_templates")
	assert.Equal(t, 2, got.code)
	assert.Contains(t, got.stderr, "in the templates toolset (--toolsets templates offers it)")

	got = runBinary(t, baseEnv(), "", "--sandbox", "--toolsets", "templates", "call", "list_post_templates")
	require.Equal(t, 0, got.code, "stderr: %s", got.stderr)
	var list struct{ Templates []template }
	require.NoError(t, json.Unmarshal([]byte(got.stdout), &list))
	assert.NotEmpty(t, list.Templates)
}
