package sandbox

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	schema "github.com/buffer-mcp/buffer-mcp/graphql"
)

func TestInputDefaultsAreTheSameFromTheCacheOfParsedOperations(t *testing.T) {
	d, err := newInputDefaults(schema.Schema)
	require.NoError(t, err)
	const doc = `mutation A($input: CreatePostInput!) { createPost(input: $input) { __typename } }
		mutation B($other: CreatePostInput!) { createPost(input: $other) { __typename } }`
	vars := func() map[string]any {
		return map[string]any{"input": map[string]any{"text": "hi"}, "other": map[string]any{"text": "ho"}}
	}
	cases := []struct {
		name, op string
		want     map[string]any
	}{
		{"operation A", "A", map[string]any{
			"input": map[string]any{"text": "hi", "assets": []any(nil), "needsApproval": false},
			"other": map[string]any{"text": "ho"},
		}},
		{"operation B", "B", map[string]any{
			"input": map[string]any{"text": "hi"},
			"other": map[string]any{"text": "ho", "assets": []any(nil), "needsApproval": false},
		}},
		{"no operationName: every operation", "", map[string]any{
			"input": map[string]any{"text": "hi", "assets": []any(nil), "needsApproval": false},
			"other": map[string]any{"text": "ho", "assets": []any(nil), "needsApproval": false},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for i := range 3 { // the first parses, the others read the cache
				got := vars()
				d.fill(doc, c.op, got)
				assert.Equal(t, c.want, got, "fill number %d", i+1)
			}
		})
	}

	t.Run("a document that does not parse fills nothing, every time", func(t *testing.T) {
		for range 2 {
			got := vars()
			d.fill("mutation {", "", got)
			assert.Equal(t, vars(), got)
		}
	})

	t.Run("the cache stays bounded", func(t *testing.T) {
		for i := range 2 * maxCachedOps {
			d.fill(fmt.Sprintf("query Q%d { account { id } }", i), "", nil)
		}
		assert.LessOrEqual(t, len(d.vars), maxCachedOps)
		got := vars()
		d.fill(doc, "A", got)
		assert.Equal(t, cases[0].want, got, "after the cache was cleared")
	})
}
