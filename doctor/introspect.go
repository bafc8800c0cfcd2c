package doctor

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/Khan/genqlient/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

//go:embed introspection.graphql
var introspectionQuery string

// The introspection answer, as far as introspection.graphql asks for it.
type (
	introspection struct {
		Schema introspectedSchema `json:"__schema"`
	}
	introspectedSchema struct {
		QueryType        *typeName  `json:"queryType"`
		MutationType     *typeName  `json:"mutationType"`
		SubscriptionType *typeName  `json:"subscriptionType"`
		Types            []fullType `json:"types"`
	}
	typeName struct {
		Name string `json:"name"`
	}
	fullType struct {
		Kind          string       `json:"kind"`
		Name          string       `json:"name"`
		Fields        []field      `json:"fields"`
		InputFields   []inputValue `json:"inputFields"`
		Interfaces    []typeRef    `json:"interfaces"`
		EnumValues    []enumValue  `json:"enumValues"`
		PossibleTypes []typeRef    `json:"possibleTypes"`
	}
	field struct {
		Name              string       `json:"name"`
		Args              []inputValue `json:"args"`
		Type              typeRef      `json:"type"`
		IsDeprecated      bool         `json:"isDeprecated"`
		DeprecationReason *string      `json:"deprecationReason"`
	}
	inputValue struct {
		Name              string  `json:"name"`
		Type              typeRef `json:"type"`
		DefaultValue      *string `json:"defaultValue"`
		IsDeprecated      bool    `json:"isDeprecated"`
		DeprecationReason *string `json:"deprecationReason"`
	}
	enumValue struct {
		Name              string  `json:"name"`
		IsDeprecated      bool    `json:"isDeprecated"`
		DeprecationReason *string `json:"deprecationReason"`
	}
	typeRef struct {
		Kind   string   `json:"kind"`
		Name   *string  `json:"name"`
		OfType *typeRef `json:"ofType"`
	}
)

// introspect asks Buffer for its schema (one request) and turns the answer into a schema
// that gqlparser validates operations against.
func introspect(ctx context.Context, gql graphql.Client) (*ast.Schema, error) {
	var data introspection
	err := gql.MakeRequest(ctx, &graphql.Request{Query: introspectionQuery, OpName: "DoctorIntrospection"},
		&graphql.Response{Data: &data})
	if err != nil && strings.Contains(err.Error(), "includeDeprecated") {
		// A server older than the 2021 spec has no includeDeprecated on args and inputFields
		// (and so shows no deprecated ones): ask it without.
		older := strings.NewReplacer("args(includeDeprecated: true)", "args", "inputFields(includeDeprecated: true)", "inputFields",
			"  isDeprecated\n  deprecationReason\n}", "}").Replace(introspectionQuery)
		data = introspection{}
		err = gql.MakeRequest(ctx, &graphql.Request{Query: older, OpName: "DoctorIntrospection"}, &graphql.Response{Data: &data})
	}
	if err != nil {
		return nil, err
	}
	if len(data.Schema.Types) == 0 || data.Schema.QueryType == nil {
		return nil, fmt.Errorf("Buffer's introspection answer holds no schema")
	}
	return schemaFromIntrospection(data.Schema)
}

// builtinScalars are in gqlparser's prelude, so an SDL must not define them again.
var builtinScalars = map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}

// schemaFromIntrospection writes the introspected schema as SDL and loads it with gqlparser,
// which checks it as it would any schema. Descriptions and directive definitions are left
// out (validation needs neither); deprecations are kept, as @deprecated, for the warnings.
func schemaFromIntrospection(s introspectedSchema) (*ast.Schema, error) {
	sdl, err := sdlFromIntrospection(s)
	if err != nil {
		return nil, err
	}
	schema, err := gqlparser.LoadSchema(&ast.Source{Name: "Buffer's live schema", Input: sdl})
	if err != nil {
		return nil, fmt.Errorf("Buffer's schema, as introspected, does not load: %w", err)
	}
	return schema, nil
}

func sdlFromIntrospection(s introspectedSchema) (string, error) {
	var b strings.Builder
	b.WriteString("schema {\n  query: " + s.QueryType.Name + "\n")
	if s.MutationType != nil {
		b.WriteString("  mutation: " + s.MutationType.Name + "\n")
	}
	if s.SubscriptionType != nil {
		b.WriteString("  subscription: " + s.SubscriptionType.Name + "\n")
	}
	b.WriteString("}\n")
	for _, t := range s.Types {
		if strings.HasPrefix(t.Name, "__") || builtinScalars[t.Name] {
			continue
		}
		b.WriteString("\n")
		switch t.Kind {
		case "SCALAR":
			b.WriteString("scalar " + t.Name + "\n")
		case "OBJECT", "INTERFACE":
			kw := map[string]string{"OBJECT": "type", "INTERFACE": "interface"}[t.Kind]
			b.WriteString(kw + " " + t.Name + implements(t.Interfaces))
			writeBlock(&b, len(t.Fields), func(i int) string { return fieldSDL(t.Fields[i]) })
		case "UNION":
			members := make([]string, 0, len(t.PossibleTypes))
			for _, p := range t.PossibleTypes {
				members = append(members, refName(p))
			}
			b.WriteString("union " + t.Name)
			if len(members) > 0 {
				b.WriteString(" = " + strings.Join(members, " | "))
			}
			b.WriteString("\n")
		case "ENUM":
			b.WriteString("enum " + t.Name)
			writeBlock(&b, len(t.EnumValues), func(i int) string {
				v := t.EnumValues[i]
				return v.Name + deprecated(v.IsDeprecated, v.DeprecationReason)
			})
		case "INPUT_OBJECT":
			b.WriteString("input " + t.Name)
			writeBlock(&b, len(t.InputFields), func(i int) string { return inputValueSDL(t.InputFields[i]) })
		default:
			return "", fmt.Errorf("type %s has an unknown kind %q", t.Name, t.Kind)
		}
	}
	return b.String(), nil
}

// writeBlock writes " {\n  line\n…}\n", or just "\n" for a type without members (which
// SDL writes without braces).
func writeBlock(b *strings.Builder, n int, line func(int) string) {
	if n == 0 {
		b.WriteString("\n")
		return
	}
	b.WriteString(" {\n")
	for i := range n {
		b.WriteString("  " + line(i) + "\n")
	}
	b.WriteString("}\n")
}

func implements(refs []typeRef) string {
	if len(refs) == 0 {
		return ""
	}
	names := make([]string, 0, len(refs))
	for _, r := range refs {
		names = append(names, refName(r))
	}
	return " implements " + strings.Join(names, " & ")
}

func fieldSDL(f field) string {
	s := f.Name
	if len(f.Args) > 0 {
		args := make([]string, 0, len(f.Args))
		for _, a := range f.Args {
			args = append(args, inputValueSDL(a))
		}
		s += "(" + strings.Join(args, ", ") + ")"
	}
	return s + ": " + refSDL(f.Type) + deprecated(f.IsDeprecated, f.DeprecationReason)
}

// inputValueSDL is an argument or an input field; introspection gives the default value
// already written in GraphQL syntax.
func inputValueSDL(v inputValue) string {
	s := v.Name + ": " + refSDL(v.Type)
	if v.DefaultValue != nil {
		s += " = " + *v.DefaultValue
	}
	return s + deprecated(v.IsDeprecated, v.DeprecationReason)
}

func deprecated(is bool, reason *string) string {
	if !is {
		return ""
	}
	if reason == nil {
		return " @deprecated"
	}
	// A JSON string is a valid GraphQL string: the same escapes, \uXXXX included.
	q, _ := json.Marshal(*reason)
	return " @deprecated(reason: " + string(q) + ")"
}

// refSDL writes a type reference: [T!]! and so on.
func refSDL(r typeRef) string {
	switch {
	case r.Kind == "NON_NULL" && r.OfType != nil:
		return refSDL(*r.OfType) + "!"
	case r.Kind == "LIST" && r.OfType != nil:
		return "[" + refSDL(*r.OfType) + "]"
	default:
		return refName(r)
	}
}

func refName(r typeRef) string {
	if r.Name == nil {
		return ""
	}
	return *r.Name
}
