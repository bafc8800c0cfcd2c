package sandbox

import (
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// inputDefaults fills in the input-object fields that a variable leaves out and the schema
// gives a default, such as CreatePostInput.assets (= []) and needsApproval (= false).
//
// The GraphQL spec applies those defaults while coercing variables, and Buffer does.
// graphql-go v1.11.0 does not: it validates the missing non-null field as null and refuses
// the request, which would refuse every createPost that genqlient sends (it leaves empty
// fields out). graphql-go cannot parse an operation outside its engine, so gqlparser (the
// parser genqlient uses) reads the variable types; the engine still validates and
// executes everything.
type inputDefaults struct {
	schema *ast.Schema
}

func newInputDefaults(sdl string) (*inputDefaults, error) {
	s, err := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: sdl})
	if err != nil {
		return nil, err
	}
	return &inputDefaults{s}, nil
}

// fill adds the defaults to vars, in place. A query that does not parse is left to the
// engine to report.
func (d *inputDefaults) fill(query, operationName string, vars map[string]any) {
	doc, err := parser.ParseQuery(&ast.Source{Input: query})
	if err != nil {
		return
	}
	for _, op := range doc.Operations {
		if operationName != "" && op.Name != operationName {
			continue
		}
		for _, v := range op.VariableDefinitions {
			if val, ok := vars[v.Variable]; ok {
				d.fillValue(v.Type, val)
			}
		}
	}
}

func (d *inputDefaults) fillValue(t *ast.Type, val any) {
	if t.Elem != nil {
		list, _ := val.([]any)
		for _, item := range list {
			d.fillValue(t.Elem, item)
		}
		return
	}
	def := d.schema.Types[t.NamedType]
	obj, ok := val.(map[string]any)
	if def == nil || def.Kind != ast.InputObject || !ok {
		return
	}
	for _, f := range def.Fields {
		v, present := obj[f.Name]
		switch {
		case present:
			d.fillValue(f.Type, v)
		case f.DefaultValue != nil:
			if dv, err := f.DefaultValue.Value(nil); err == nil {
				obj[f.Name] = dv
			}
		}
	}
}
