package doctor

import (
	"context"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/buffer-mcp/buffer-mcp/client"
	schema "github.com/buffer-mcp/buffer-mcp/graphql"
	"github.com/buffer-mcp/buffer-mcp/sandbox"
)

// The sandbox serves graphql/schema.graphql with graph-gophers/graphql-go, a GraphQL engine
// other than the parser doctor loads the result with. Introspecting it and loading the
// answer must give back the same schema, type by type: the converter loses nothing that
// validation needs.
func TestIntrospectionRoundTrip(t *testing.T) {
	sb, err := sandbox.New(sandbox.Options{})
	require.NoError(t, err)
	gql := client.New(client.Config{Endpoint: "http://sandbox.invalid/", APIKey: sandbox.DefaultKey, Transport: sb.Transport()})
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	live, err := introspect(ctx, gql)
	require.NoError(t, err)
	ours, err := ourSchema()
	require.NoError(t, err)

	assert.Equal(t, describe(ours), describe(live))
	assert.Equal(t, ours.Query.Name, live.Query.Name)
	assert.Equal(t, ours.Mutation.Name, live.Mutation.Name)
}

// describe writes what validation depends on, one line a member, sorted.
func describe(s *ast.Schema) []string {
	var out []string
	for name, t := range s.Types {
		if t.BuiltIn {
			continue
		}
		out = append(out, string(t.Kind)+" "+name+" implements "+strings.Join(t.Interfaces, ","))
		for _, f := range t.Fields {
			line := name + "." + f.Name + ": " + f.Type.String()
			if f.DefaultValue != nil {
				line += " = " + f.DefaultValue.String()
			}
			for _, a := range f.Arguments {
				line += " (" + a.Name + ": " + a.Type.String() + ")"
			}
			if f.Directives.ForName("deprecated") != nil {
				line += " deprecated"
			}
			out = append(out, line)
		}
		for _, v := range t.EnumValues {
			out = append(out, name+"."+v.Name)
		}
		members := append([]string(nil), t.Types...)
		sort.Strings(members)
		if len(members) > 0 {
			out = append(out, name+" = "+strings.Join(members, "|"))
		}
	}
	sort.Strings(out)
	return out
}

// The operations doctor checks are the operations this build sends: one for each
// <Name>_Operation constant that genqlient generated into client/generated.go.
func TestOperationsAreTheGeneratedOnes(t *testing.T) {
	ops, err := loadOperations(schema.Operations)
	require.NoError(t, err)
	var got []string
	for _, op := range ops.ops {
		got = append(got, op.Name)
	}
	sort.Strings(got)

	generated, err := os.ReadFile("../client/generated.go")
	require.NoError(t, err)
	var want []string
	for _, m := range regexp.MustCompile(`(?m)^const (\w+)_Operation = `).FindAllStringSubmatch(string(generated), -1) {
		want = append(want, m[1])
	}
	sort.Strings(want)
	require.NotEmpty(t, want)
	assert.Equal(t, want, got)
}

func TestSDLWritesDeprecationsAndDefaults(t *testing.T) {
	str := func(s string) *string { return &s }
	named := func(kind, name string) typeRef { return typeRef{Kind: kind, Name: str(name)} }
	nonNull := func(r typeRef) typeRef { return typeRef{Kind: "NON_NULL", OfType: &r} }
	list := func(r typeRef) typeRef { return typeRef{Kind: "LIST", OfType: &r} }
	s := introspectedSchema{
		QueryType: &typeName{Name: "Query"},
		Types: []fullType{
			{Kind: "OBJECT", Name: "Query", Fields: []field{
				{Name: "old", Type: named("SCALAR", "String"), IsDeprecated: true, DeprecationReason: str(`Use "new" \ instead`)},
				{Name: "items", Args: []inputValue{{Name: "first", Type: named("SCALAR", "Int"), DefaultValue: str("20")}},
					Type: nonNull(list(nonNull(named("ENUM", "Color"))))},
			}},
			{Kind: "ENUM", Name: "Color", EnumValues: []enumValue{{Name: "RED"}, {Name: "BLUE", IsDeprecated: true}}},
			{Kind: "OBJECT", Name: "__Type", Fields: []field{{Name: "name", Type: named("SCALAR", "String")}}},
			{Kind: "SCALAR", Name: "String"},
		},
	}
	sdl, err := sdlFromIntrospection(s)
	require.NoError(t, err)
	assert.Equal(t, `schema {
  query: Query
}

type Query {
  old: String @deprecated(reason: "Use \"new\" \\ instead")
  items(first: Int = 20): [Color!]!
}

enum Color {
  RED
  BLUE @deprecated
}
`, sdl)
	_, err = schemaFromIntrospection(s)
	assert.NoError(t, err)
}
