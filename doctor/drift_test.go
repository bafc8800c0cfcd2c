package doctor

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// The ways Buffer's inputs can move away from this build's, each found by comparing the
// input types the operation's variables carry.
func TestInputDrift(t *testing.T) {
	const ours = `
type Query { posts(input: PostsInput!): Int }
input PostsInput { organizationId: ID!, status: [Status!], sort: Sort, text: String }
input Sort { field: String! }
enum Status { draft, sent }
`
	const op = `query ListPosts($input: PostsInput!) { posts(input: $input) }`
	tests := []struct {
		name string
		live string
		want []string // the problems, in order
	}{
		{name: "the same", live: ours},
		{name: "a new optional field", live: `
type Query { posts(input: PostsInput!): Int }
input PostsInput { organizationId: ID!, status: [Status!], sort: Sort, text: String, tag: String, limit: Int! = 5 }
input Sort { field: String! }
enum Status { draft, sent, error }`},
		{name: "a field removed, one required, a value gone, a nested type changed", live: `
type Query { posts(input: PostsInput!): Int }
input PostsInput { organizationId: ID!, status: [Status!], sort: Sort, channel: ID! }
input Sort { field: Int! }
enum Status { sent }`, want: []string{
			"PostsInput.channel: Buffer now requires this input field, which this build does not send (ListPosts)",
			"PostsInput.text: Buffer no longer accepts this input field (ListPosts)",
			"Sort.field: Buffer now expects Int!, this build sends String! (ListPosts)",
			"Status.draft: Buffer no longer accepts this enum value (ListPosts)",
		}},
		{name: "an optional field now required", live: `
type Query { posts(input: PostsInput!): Int }
input PostsInput { organizationId: ID!, status: [Status!], sort: Sort, text: String! }
input Sort { field: String! }
enum Status { draft, sent }`, want: []string{
			"PostsInput.text: Buffer now expects String!, this build sends String (ListPosts)",
		}},
		{name: "a nested type gone", live: `
type Query { posts(input: PostsInput!): Int }
input PostsInput { organizationId: ID!, status: [Status!], sort: String, text: String }
enum Status { draft, sent }`, want: []string{
			"PostsInput.sort: Buffer now expects String, this build sends Sort (ListPosts)",
			"type Sort: Buffer's schema no longer has it (ListPosts)",
		}},
	}
	oursSchema := gqlparser.MustLoadSchema(&ast.Source{Input: ours})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			live, err := gqlparser.LoadSchema(&ast.Source{Input: tt.live})
			require.NoError(t, err)
			doc, err := parser.ParseQuery(&ast.Source{Input: op})
			require.NoError(t, err)
			f := compare(&operations{ops: doc.Operations, fragments: map[string]*ast.FragmentDefinition{}}, oursSchema, live)
			assert.Equal(t, tt.want, nilIfEmpty(lines(f.problems)))
		})
	}
}

func TestDeprecatedFieldsAreNamed(t *testing.T) {
	live := gqlparser.MustLoadSchema(&ast.Source{Input: `
type Query { account: Account }
type Account { id: ID!, email: String @deprecated(reason: "Use emails."), name: String }`})
	doc, err := parser.ParseQuery(&ast.Source{Input: `query GetAccount { account { ...A } } fragment A on Account { id email }`})
	require.NoError(t, err)
	ops := &operations{ops: doc.Operations, fragments: map[string]*ast.FragmentDefinition{"A": doc.Fragments[0]}}
	f := compare(ops, live, live)
	assert.Empty(t, f.problems)
	assert.Equal(t, []string{"Account.email is deprecated: Use emails (GetAccount)"}, lines(f.deprecations))
}

func TestDeprecatedInputFieldsAreNamed(t *testing.T) {
	ours := gqlparser.MustLoadSchema(&ast.Source{Input: `
type Query { posts(input: PostsInput!): Int }
input PostsInput { organizationId: ID!, tagIds: [ID!] }`})
	live := gqlparser.MustLoadSchema(&ast.Source{Input: `
type Query { posts(input: PostsInput!): Int }
input PostsInput { organizationId: ID!, tagIds: [ID!] @deprecated(reason: "Use tags.") }`})
	doc, err := parser.ParseQuery(&ast.Source{Input: `query ListPosts($input: PostsInput!) { posts(input: $input) }`})
	require.NoError(t, err)
	f := compare(&operations{ops: doc.Operations, fragments: map[string]*ast.FragmentDefinition{}}, ours, live)
	assert.Empty(t, f.problems)
	assert.Equal(t, []string{"PostsInput.tagIds (an input field) is deprecated: Use tags (ListPosts)"}, lines(f.deprecations))
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}
