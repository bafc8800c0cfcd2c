package sandbox

import (
	"sync"

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
// executes everything. Only gqlparser's parser is linked, not its validator, whose rules
// would cost every start of the binary time and memory for nothing.
type inputDefaults struct {
	inputs map[string]*ast.Definition // the schema's input object types by name

	mu   sync.Mutex
	vars map[opKey]ast.VariableDefinitionList // the variables of operations parsed before
}

// opKey names an operation: its document and the operationName sent with it.
type opKey struct{ query, operationName string }

// maxCachedOps bounds the cache of parsed operations: a client sends a handful of
// documents over and over, but a sandbox on a port may be sent any number.
const maxCachedOps = 256

func newInputDefaults(sdl string) (*inputDefaults, error) {
	doc, err := parser.ParseSchema(&ast.Source{Name: "schema.graphql", Input: sdl})
	if err != nil {
		return nil, err
	}
	inputs := map[string]*ast.Definition{}
	for _, def := range doc.Definitions {
		if def.Kind == ast.InputObject {
			inputs[def.Name] = def
		}
	}
	return &inputDefaults{inputs: inputs, vars: map[opKey]ast.VariableDefinitionList{}}, nil
}

// fill adds the defaults to vars, in place. A query that does not parse is left to the
// engine to report.
func (d *inputDefaults) fill(query, operationName string, vars map[string]any) {
	for _, v := range d.variables(query, operationName) {
		if val, ok := vars[v.Variable]; ok {
			d.fillValue(v.Type, val)
		}
	}
}

// variables are the variable definitions of the operations that operationName selects (all
// of them when it is empty), parsed once per document and remembered; none for a document
// that does not parse.
func (d *inputDefaults) variables(query, operationName string) ast.VariableDefinitionList {
	key := opKey{query, operationName}
	d.mu.Lock()
	defs, ok := d.vars[key]
	d.mu.Unlock()
	if ok {
		return defs
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: query})
	if err == nil {
		for _, op := range doc.Operations {
			if operationName == "" || op.Name == operationName {
				defs = append(defs, op.VariableDefinitions...)
			}
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.vars) >= maxCachedOps {
		clear(d.vars)
	}
	d.vars[key] = defs
	return defs
}

func (d *inputDefaults) fillValue(t *ast.Type, val any) {
	if t.Elem != nil {
		list, _ := val.([]any)
		for _, item := range list {
			d.fillValue(t.Elem, item)
		}
		return
	}
	def := d.inputs[t.NamedType]
	obj, ok := val.(map[string]any)
	if def == nil || !ok {
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
