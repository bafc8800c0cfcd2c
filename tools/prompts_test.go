package tools_test

import (
	"context"
	"regexp"
	"slices"
	"testing"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/tools"
)

func listPrompts(t *testing.T, c *mcpclient.Client) *mcp.ListPromptsResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), callTimeout)
	defer cancel()
	list, err := c.ListPrompts(ctx, mcp.ListPromptsRequest{})
	require.NoError(t, err)
	return list
}

// getPrompt renders a prompt and returns its one message's text, or the error.
func getPrompt(t *testing.T, c *mcpclient.Client, name string, args map[string]string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), callTimeout)
	defer cancel()
	req := mcp.GetPromptRequest{}
	req.Params.Name = name
	req.Params.Arguments = args
	res, err := c.GetPrompt(ctx, req)
	if err != nil {
		return "", err
	}
	assert.NotEmpty(t, res.Description, name)
	require.Len(t, res.Messages, 1, name)
	assert.Equal(t, mcp.RoleUser, res.Messages[0].Role, name)
	tc, ok := mcp.AsTextContent(res.Messages[0].Content)
	require.True(t, ok, "%s: text, got %T", name, res.Messages[0].Content)
	return tc.Text, nil
}

// wantPromptArgs are each prompt's arguments, all optional.
var wantPromptArgs = map[string][]string{
	"plan_week":    {"goals", "channels", "week"},
	"review_queue": {"channels", "period"},
}

func TestPromptsAreListed(t *testing.T) {
	for _, legacy := range []bool{false, true} {
		t.Run(map[bool]string{false: "2026-07-28", true: "2025-11-25"}[legacy], func(t *testing.T) {
			h := newHarness(t)
			list := listPrompts(t, connect(t, h.set, everyTool, legacy))
			require.Len(t, list.Prompts, len(wantPromptArgs))
			for _, p := range list.Prompts {
				want, ok := wantPromptArgs[p.Name]
				require.True(t, ok, "unexpected prompt %q", p.Name)
				assert.NotEmpty(t, p.Title, p.Name)
				assert.NotEmpty(t, p.Description, p.Name)
				var got []string
				for _, a := range p.Arguments {
					got = append(got, a.Name)
					assert.False(t, a.Required, "%s.%s is optional", p.Name, a.Name)
					assert.NotEmpty(t, a.Description, "%s.%s", p.Name, a.Name)
				}
				assert.Equal(t, want, got, p.Name)
			}
			if !legacy {
				require.NotNil(t, list.TTLMs, "ttlMs on prompts/list")
				assert.Equal(t, tools.CacheTTL.Milliseconds(), *list.TTLMs)
				assert.Equal(t, mcp.CacheScopePrivate, list.CacheScope)
			}
		})
	}
}

func TestPlanWeek(t *testing.T) {
	h := newHarness(t)
	got, err := getPrompt(t, h.mcp, "plan_week", nil)
	require.NoError(t, err)
	for _, want := range []string{"get_account", "list_channels", `list_posts with status ["scheduled"]`,
		"dueAfter", "dueBefore", "dryRun: true first", "in my own words", "Do not compute dates", "shareNow", "Week: the next 7 days"} {
		assert.Contains(t, got, want)
	}
	assertInOrder(t, got, "get_account", "list_channels", "list_posts", "list_ideas", "create_post")

	got, err = getPrompt(t, h.mcp, "plan_week", map[string]string{
		"goals": " launch of v2 ", "channels": "LinkedIn, Mastodon", "week": "from Monday 9 March"})
	require.NoError(t, err)
	assert.Contains(t, got, "Goals: launch of v2\n")
	assert.Contains(t, got, "Channels: LinkedIn, Mastodon\n")
	assert.Contains(t, got, "Week: from Monday 9 March\n")
	h.fake.assertNoRequest(t)
}

func TestReviewQueue(t *testing.T) {
	h := newHarness(t)
	got, err := getPrompt(t, h.mcp, "review_queue", nil)
	require.NoError(t, err)
	for _, want := range []string{`status ["error"]`, `status ["scheduled"]`, `status ["sent"]`, "dueAfter",
		"dueBefore", "hasNextPage", "Change nothing yet", "edit_post, delete_post, create_post"} {
		assert.Contains(t, got, want)
	}
	assertInOrder(t, got, "get_account", "list_channels", `["error"]`, `["scheduled"]`, `["sent"]`)

	got, err = getPrompt(t, h.mcp, "review_queue", map[string]string{"channels": "Instagram", "period": "this week"})
	require.NoError(t, err)
	assert.Contains(t, got, "Channels: Instagram\nPeriod: this week\n")
	h.fake.assertNoRequest(t)
}

func TestPromptErrors(t *testing.T) {
	h := newHarness(t)
	_, err := getPrompt(t, h.mcp, "plan_week", map[string]string{"goal": "x"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `prompt plan_week has no argument "goal"; its arguments are: goals, channels, week`)

	_, err = getPrompt(t, h.mcp, "plan_month", nil)
	assert.ErrorIs(t, err, mcp.ErrInvalidParams)
}

// A prompt names only the tools that the server offers, and is left out when its key
// tool is not offered.
func TestPromptsNameOnlyOfferedTools(t *testing.T) {
	mentioned := regexp.MustCompile(`\b(` + joinNames(tools.Names()) + `)\b`)
	for _, tt := range []struct {
		name        string
		readOnly    bool
		allow       []string
		wantPrompts []string
	}{
		{"all tools", false, nil, []string{"plan_week", "review_queue"}},
		{"read-only", true, nil, []string{"plan_week", "review_queue"}},
		{"list_posts alone", false, []string{"list_posts"}, []string{"review_queue"}},
		{"list_channels and create_post", false, []string{"list_channels", "create_post"}, []string{"plan_week"}},
		{"get_post alone", false, []string{"get_post"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			sel := tools.Selection{ReadOnly: tt.readOnly, Tools: tt.allow}
			ts, err := h.set.Select(sel)
			require.NoError(t, err)
			offered := map[string]bool{}
			for _, tool := range ts {
				offered[tool.Definition.Name] = true
			}
			c := connect(t, h.set, sel, false)
			var names []string
			for _, p := range listPrompts(t, c).Prompts {
				names = append(names, p.Name)
			}
			assert.Equal(t, tt.wantPrompts, names)
			for _, name := range names {
				text, err := getPrompt(t, c, name, nil)
				require.NoError(t, err)
				for _, m := range mentioned.FindAllString(text, -1) {
					assert.True(t, offered[m], "%s names %s, which is not offered:\n%s", name, m, text)
				}
			}
		})
	}
}

func TestReadOnlyPromptsSayTheServerOnlyReads(t *testing.T) {
	h := newHarness(t)
	c := connect(t, h.set, tools.Selection{ReadOnly: true}, false)
	plan, err := getPrompt(t, c, "plan_week", nil)
	require.NoError(t, err)
	assert.Contains(t, plan, "This server cannot create posts")
	review, err := getPrompt(t, c, "review_queue", nil)
	require.NoError(t, err)
	assert.Contains(t, review, "This server only reads")
}

func joinNames(names []string) string {
	out := ""
	for i, n := range slices.Sorted(slices.Values(names)) {
		if i > 0 {
			out += "|"
		}
		out += regexp.QuoteMeta(n)
	}
	return out
}

// assertInOrder asserts that each of subs appears in s, after the one before it.
func assertInOrder(t *testing.T, s string, subs ...string) {
	t.Helper()
	at := 0
	for _, sub := range subs {
		i := indexFrom(s, sub, at)
		if !assert.GreaterOrEqual(t, i, 0, "%q after position %d in:\n%s", sub, at, s) {
			return
		}
		at = i + len(sub)
	}
}

func indexFrom(s, sub string, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
