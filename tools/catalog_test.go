package tools_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/tools"
)

// selected names the tools a selection keeps, sorted.
func selected(t *testing.T, sel tools.Selection) []string {
	t.Helper()
	ts, err := tools.New(tools.Deps{}).Select(sel)
	require.NoError(t, err)
	var names []string
	for _, tool := range ts {
		names = append(names, tool.Definition.Name)
	}
	slices.Sort(names)
	return names
}

// inToolsets names the tools of the catalog in the given toolsets, sorted.
func inToolsets(sets ...string) []string {
	var names []string
	for _, name := range tools.Names() {
		if slices.Contains(sets, tools.ToolsetOf(name)) {
			names = append(names, name)
		}
	}
	return names
}

func TestEveryToolIsInAKnownToolset(t *testing.T) {
	for _, name := range tools.Names() {
		assert.Contains(t, tools.Toolsets, tools.ToolsetOf(name), name)
	}
	for _, ts := range tools.DefaultToolsets {
		assert.Contains(t, tools.Toolsets, ts)
	}
}

func TestSelectionOffersTheDefaultToolsetsUnlessToldOtherwise(t *testing.T) {
	assert.Equal(t, inToolsets(tools.DefaultToolsets...), selected(t, tools.Selection{}))
	assert.Equal(t, tools.Names(), selected(t, tools.Selection{Toolsets: []string{tools.ToolsetAll}}))
	assert.Equal(t, inToolsets(tools.ToolsetAccount), selected(t, tools.Selection{Toolsets: []string{tools.ToolsetAccount}}))
}

func TestSelectionNarrowsToTheNamedToolsThenToTheReadTools(t *testing.T) {
	assert.Equal(t, []string{"create_post", "get_post"}, selected(t, tools.Selection{Tools: []string{"get_post", "create_post"}}))
	assert.Equal(t, []string{"get_post"}, selected(t, tools.Selection{Tools: []string{"get_post", "create_post"}, ReadOnly: true}))
	for _, name := range selected(t, tools.Selection{Toolsets: []string{tools.ToolsetAll}, ReadOnly: true}) {
		assert.Regexp(t, `^(get_|list_|execute_query$)`, name, "read-only keeps only read tools")
	}
}

func TestSelectionRefusesWhatItDoesNotKnow(t *testing.T) {
	for name, tt := range map[string]struct {
		sel  tools.Selection
		want string
	}{
		"an unknown toolset": {tools.Selection{Toolsets: []string{"post"}}, `unknown toolset "post": the toolsets are account, posts`},
		"an unknown tool":    {tools.Selection{Tools: []string{"get_posts"}}, `unknown tool "get_posts": the tools are`},
		"a tool outside the toolsets chosen": {tools.Selection{Toolsets: []string{tools.ToolsetAccount}, Tools: []string{"get_post"}},
			`tool "get_post" is in the posts toolset, which the chosen toolsets (account) leave out`},
	} {
		t.Run(name, func(t *testing.T) {
			err := tt.sel.Check()
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			_, err = tools.NewServer("test", tools.New(tools.Deps{}), tt.sel, nil)
			assert.Error(t, err, "NewServer refuses it too")
		})
	}
}
