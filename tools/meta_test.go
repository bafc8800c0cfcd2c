package tools_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/tools"
)

// allTools is every tool, built without a Buffer: the meta-tests only read definitions.
func allTools() []tools.Tool { return tools.New(tools.Deps{}).Tools() }

// schemaOf decodes a raw JSON Schema.
func schemaOf(t *testing.T, raw json.RawMessage) map[string]any {
	t.Helper()
	var s map[string]any
	require.NoError(t, json.Unmarshal(raw, &s))
	return s
}

// The catalog, the built tools and Names agree; the reviewed snapshots
// (snapshot_test.go) pin down which tools there are.
func TestNewBuildsEveryToolOfTheCatalog(t *testing.T) {
	var got []string
	for _, tool := range allTools() {
		got = append(got, tool.Definition.Name)
	}
	assert.Equal(t, tools.Names(), slices.Sorted(slices.Values(got)))
}

func TestToolNamesAreUniqueSnakeCase(t *testing.T) {
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	seen := map[string]bool{}
	for _, tool := range allTools() {
		name := tool.Definition.Name
		assert.Regexp(t, snake, name)
		assert.False(t, seen[name], "%s is defined twice", name)
		seen[name] = true
	}
}

func TestEveryToolHasATitleAndADescription(t *testing.T) {
	for _, tool := range allTools() {
		t.Run(tool.Definition.Name, func(t *testing.T) {
			assert.NotEmpty(t, strings.TrimSpace(tool.Definition.Title), "title")
			assert.Equal(t, tool.Definition.Title, tool.Definition.Annotations.Title, "annotations.title")
			assert.NotEmpty(t, strings.TrimSpace(tool.Definition.Description), "description")
		})
	}
}

// Every tool of the catalog has its row in toolCases, which the scenario tests expand.
func TestEveryToolHasOneToolCase(t *testing.T) {
	var got []string
	for _, tc := range toolCases {
		got = append(got, tc.tool)
	}
	assert.ElementsMatch(t, tools.Names(), got)
}

func TestEveryToolSetsAllFourAnnotationsAsSPECSays(t *testing.T) {
	byName := map[string]*mcp.Tool{}
	for _, tool := range allTools() {
		byName[tool.Definition.Name] = &tool.Definition
	}
	for _, tc := range toolCases {
		t.Run(tc.tool, func(t *testing.T) {
			require.Contains(t, byName, tc.tool)
			a := byName[tc.tool].Annotations
			require.NotNil(t, a.ReadOnlyHint, "readOnlyHint")
			require.NotNil(t, a.DestructiveHint, "destructiveHint")
			require.NotNil(t, a.IdempotentHint, "idempotentHint")
			require.NotNil(t, a.OpenWorldHint, "openWorldHint")
			got := hints{readOnly: *a.ReadOnlyHint, destructive: *a.DestructiveHint, idempotent: *a.IdempotentHint, openWorld: *a.OpenWorldHint}
			assert.Equal(t, tc.hints, got)
		})
	}
}

func TestToolsNamedGetOrListAreReadOnly(t *testing.T) {
	for _, tool := range allTools() {
		name := tool.Definition.Name
		if strings.HasPrefix(name, "get_") || strings.HasPrefix(name, "list_") || name == "execute_query" {
			assert.True(t, tool.ReadOnly(), "%s is read-only", name)
		} else {
			assert.False(t, tool.ReadOnly(), "%s writes", name)
		}
	}
}

// forbiddenKeys lists where a schema uses a keyword that some clients cannot follow.
func forbiddenKeys(path string, v any, keys ...string) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			if slices.Contains(keys, k) {
				out = append(out, path+"/"+k)
			}
			out = append(out, forbiddenKeys(path+"/"+k, e, keys...)...)
		}
	case []any:
		for i, e := range v {
			out = append(out, forbiddenKeys(fmt.Sprintf("%s/%d", path, i), e, keys...)...)
		}
	}
	return out
}

func TestInputSchemasAreSelfContainedObjects(t *testing.T) {
	for _, tool := range allTools() {
		t.Run(tool.Definition.Name, func(t *testing.T) {
			s := schemaOf(t, tool.Definition.RawInputSchema)
			assert.Equal(t, "object", s["type"])
			assert.Equal(t, false, s["additionalProperties"], "unknown arguments are refused")
			assert.Empty(t, forbiddenKeys("", s, "$ref", "$defs", "definitions", "$schema", "$id"))
			for _, k := range []string{"oneOf", "anyOf", "allOf", "not"} {
				assert.NotContains(t, s, k, "top-level %s", k)
			}
		})
	}
}

// undescribed lists the properties of an object schema, at any depth (array items'
// properties included), that a model would see without a word about them: a top-level
// property without a description of its own, or a nested one (an object's field, or array
// items') that has none and that its parent's description does not name. A parent may
// describe its fields in one sentence ("Defaults: categoryId 22, privacy public, …"),
// which costs fewer tokens than a description on each.
func undescribed(path, parentDesc string, s map[string]any) []string {
	var out []string
	props, _ := s["properties"].(map[string]any)
	for name, p := range props {
		ps, _ := p.(map[string]any)
		d, _ := ps["description"].(string)
		if strings.TrimSpace(d) == "" && (path == "" || !namesWord(parentDesc, name)) {
			out = append(out, path+name)
		}
		out = append(out, undescribed(path+name+".", d, ps)...)
		if items, ok := ps["items"].(map[string]any); ok {
			out = append(out, undescribed(path+name+"[].", d, items)...)
		}
	}
	slices.Sort(out)
	return out
}

// namesWord reports whether text has name as a whole word: "url" is not named by
// "thumbnailUrl".
func namesWord(text, name string) bool {
	return regexp.MustCompile(`(^|[^A-Za-z0-9_])` + regexp.QuoteMeta(name) + `([^A-Za-z0-9_]|$)`).MatchString(text)
}

func TestEveryInputPropertyHasADescription(t *testing.T) {
	// SPEC §3: a description on every property. Every top-level property has its own; a
	// nested one has its own or is named in its parent's.
	for _, tool := range allTools() {
		t.Run(tool.Definition.Name, func(t *testing.T) {
			s := schemaOf(t, tool.Definition.RawInputSchema)
			assert.Empty(t, undescribed("", "", s))
		})
	}
}

func TestUndescribedFindsAPropertyNeitherDescribedNorNamed(t *testing.T) {
	// Proves that the test above can fail: it looks inside array items and nested objects,
	// a parent's description counts only for the fields it names as words, and a top-level
	// property needs its own.
	str := func() map[string]any { return map[string]any{"type": "string"} }
	s := map[string]any{"properties": map[string]any{
		"assets": map[string]any{"description": "Media: type, a public url.", "items": map[string]any{
			"properties": map[string]any{"type": str(), "url": str(), "thumbnailUrl": str(), "altText": str()},
		}},
		"youtube": map[string]any{"description": "Video settings; privacy public by default.", "properties": map[string]any{
			"privacy":    str(),
			"categoryId": str(),
		}},
		"thread": map[string]any{"description": "Posts of a thread.", "items": map[string]any{
			"properties": map[string]any{"text": map[string]any{"type": "string", "description": "Its text."}},
		}},
		"text": str(),
	}}
	want := []string{"assets[].altText", "assets[].thumbnailUrl", "text", "youtube.categoryId"}
	assert.Equal(t, want, undescribed("", "", s))
}

func TestOutputSchemasDeclareTheErrorObjectAndRequireNoTopLevelField(t *testing.T) {
	for _, tool := range allTools() {
		t.Run(tool.Definition.Name, func(t *testing.T) {
			require.NotEmpty(t, tool.Definition.RawOutputSchema, "output schema")
			s := schemaOf(t, tool.Definition.RawOutputSchema)
			assert.Equal(t, "object", s["type"])
			assert.NotContains(t, s, "required", "top-level required")
			assert.Empty(t, forbiddenKeys("", s, "$ref", "$defs", "definitions", "$schema", "$id"))
			for _, k := range []string{"oneOf", "anyOf", "allOf", "not"} {
				assert.NotContains(t, s, k, "top-level %s", k)
			}
			props, _ := s["properties"].(map[string]any)
			errSchema, ok := props["error"].(map[string]any)
			require.True(t, ok, "properties.error")
			assert.Equal(t, "object", errSchema["type"])
			assert.ElementsMatch(t, []any{"type", "message", "retryable"}, errSchema["required"])
			errProps, _ := errSchema["properties"].(map[string]any)
			for _, k := range []string{"type", "message", "retryable", "retryAfterSeconds", "window", "field", "channelId"} {
				assert.Contains(t, errProps, k, "error.%s", k)
			}
		})
	}
}

func TestDueAtDeclaresNoFormat(t *testing.T) {
	// SPEC §3: dueAt will also take local and natural-language times, validated in code.
	for _, tool := range allTools() {
		s := schemaOf(t, tool.Definition.RawInputSchema)
		props, _ := s["properties"].(map[string]any)
		dueAt, ok := props["dueAt"].(map[string]any)
		if !ok {
			continue
		}
		assert.NotContains(t, dueAt, "format", "%s dueAt", tool.Definition.Name)
		assert.NotContains(t, dueAt, "pattern", "%s dueAt", tool.Definition.Name)
	}
}

func TestToolsListOverMCPGivesEveryToolWithItsSchemas(t *testing.T) {
	// Catches definitions that marshal badly (mcp-go's NewTool with a raw schema breaks
	// tools/list for every tool).
	h := newHarness(t)
	ctx, cancel := context.WithTimeout(t.Context(), callTimeout)
	defer cancel()

	res, err := h.mcp.ListTools(ctx, mcp.ListToolsRequest{})

	require.NoError(t, err)
	var got []string
	for _, tool := range res.Tools {
		got = append(got, tool.Name)
		raw, err := json.Marshal(tool)
		require.NoError(t, err)
		var wire struct {
			InputSchema  map[string]any `json:"inputSchema"`
			OutputSchema map[string]any `json:"outputSchema"`
		}
		require.NoError(t, json.Unmarshal(raw, &wire))
		assert.Equal(t, "object", wire.InputSchema["type"], "%s inputSchema", tool.Name)
		assert.Contains(t, wire.OutputSchema["properties"], "error", "%s outputSchema", tool.Name)
	}
	assert.Equal(t, tools.Names(), got)
}

func TestReadmeListsEveryTool(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	require.NoError(t, err, "README.md at the repository root")
	for _, name := range tools.Names() {
		word := regexp.MustCompile(`(^|[^a-z_])` + name + `([^a-z_]|$)`) // get_post is not list_posts
		assert.Regexp(t, word, string(readme), "README.md mentions %s", name)
	}
}
