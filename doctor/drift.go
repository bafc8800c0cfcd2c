package doctor

import (
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"

	schema "github.com/buffer-mcp/buffer-mcp/graphql"
)

// operations are this build's operations, read from graphql/operations/*.graphql (the
// files genqlient generated the client from), with every fragment they may spread.
type operations struct {
	ops       []*ast.OperationDefinition
	fragments map[string]*ast.FragmentDefinition
}

// loadOperations parses every embedded operation file. An error is a bug in this build.
func loadOperations(files fs.FS) (*operations, error) {
	names, err := fs.Glob(files, "operations/*.graphql")
	if err != nil {
		return nil, err
	}
	out := &operations{fragments: map[string]*ast.FragmentDefinition{}}
	for _, name := range names {
		text, err := fs.ReadFile(files, name)
		if err != nil {
			return nil, err
		}
		doc, err := parser.ParseQuery(&ast.Source{Name: name, Input: string(text)})
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", name, err)
		}
		out.ops = append(out.ops, doc.Operations...)
		for _, f := range doc.Fragments {
			out.fragments[f.Name] = f
		}
	}
	if len(out.ops) == 0 {
		return nil, fmt.Errorf("no operations in graphql/operations")
	}
	return out, nil
}

// findings collects problems and deprecations, each with the operations it affects, so
// that a field every post operation selects is named once.
type findings struct {
	problems, deprecations map[string][]string // message → operation names
	failed                 map[string]bool     // operations with a problem
}

func newFindings() *findings {
	return &findings{problems: map[string][]string{}, deprecations: map[string][]string{}, failed: map[string]bool{}}
}

func (f *findings) problem(op, msg string) {
	if !slices.Contains(f.problems[msg], op) {
		f.problems[msg] = append(f.problems[msg], op)
	}
	f.failed[op] = true
}

func (f *findings) deprecation(op, msg string) {
	if !slices.Contains(f.deprecations[msg], op) {
		f.deprecations[msg] = append(f.deprecations[msg], op)
	}
}

// lines renders one finding a line, sorted, each naming the operations it affects.
func lines(m map[string][]string) []string {
	out := make([]string, 0, len(m))
	for msg, ops := range m {
		sort.Strings(ops)
		out = append(out, fmt.Sprintf("%s (%s)", strings.TrimSuffix(msg, "."), strings.Join(ops, ", ")))
	}
	sort.Strings(out)
	return out
}

// compare checks every operation against Buffer's live schema: that it validates (the
// selections, arguments and variable types), that every input type its variables carry
// still has the fields and values this build may send with the types it sends them as (the
// operation text alone cannot show that: inputs travel as variables), and which of the
// fields it selects Buffer marks deprecated.
func compare(ops *operations, ours, live *ast.Schema) *findings {
	f := newFindings()
	for _, op := range ops.ops {
		doc := &ast.QueryDocument{Operations: ast.OperationList{op}, Fragments: ops.closure(op)}
		for _, e := range validator.Validate(live, doc) {
			f.problem(op.Name, e.Message)
		}
		for _, v := range op.VariableDefinitions {
			checkInput(f, op.Name, v.Type.Name(), ours, live, map[string]bool{})
		}
		ops.walkDeprecated(f, op.Name, op.SelectionSet, map[string]bool{})
	}
	return f
}

// closure is the fragments that op spreads, directly or through other fragments.
func (o *operations) closure(op *ast.OperationDefinition) ast.FragmentDefinitionList {
	seen := map[string]bool{}
	var out ast.FragmentDefinitionList
	var walk func(ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				walk(s.SelectionSet)
			case *ast.InlineFragment:
				walk(s.SelectionSet)
			case *ast.FragmentSpread:
				if fr, ok := o.fragments[s.Name]; ok && !seen[s.Name] {
					seen[s.Name] = true
					out = append(out, fr)
					walk(fr.SelectionSet)
				}
			}
		}
	}
	walk(op.SelectionSet)
	return out
}

// walkDeprecated notes each selected field that the live schema marks deprecated. It reads
// the definitions that validation attached to the fields.
func (o *operations) walkDeprecated(f *findings, op string, set ast.SelectionSet, seen map[string]bool) {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Definition != nil && s.ObjectDefinition != nil {
				if d := s.Definition.Directives.ForName("deprecated"); d != nil {
					f.deprecation(op, deprecationText(s.ObjectDefinition.Name+"."+s.Name, d))
				}
			}
			o.walkDeprecated(f, op, s.SelectionSet, seen)
		case *ast.InlineFragment:
			o.walkDeprecated(f, op, s.SelectionSet, seen)
		case *ast.FragmentSpread:
			if fr, ok := o.fragments[s.Name]; ok && !seen[s.Name] {
				seen[s.Name] = true
				o.walkDeprecated(f, op, fr.SelectionSet, seen)
			}
		}
	}
}

func deprecationText(what string, d *ast.Directive) string {
	msg := what + " is deprecated"
	if r := d.Arguments.ForName("reason"); r != nil && r.Value != nil {
		msg += ": " + r.Value.Raw
	}
	return msg
}

// checkInput compares the input type name as this build knows it (ours) with Buffer's
// (live), and the input types its fields carry, recursively.
func checkInput(f *findings, op, name string, ours, live *ast.Schema, seen map[string]bool) {
	if seen[name] {
		return
	}
	seen[name] = true
	o, l := ours.Types[name], live.Types[name]
	if o == nil || o.BuiltIn {
		return // a built-in scalar, or a type the validation above already reported unknown
	}
	if l == nil {
		f.problem(op, fmt.Sprintf("type %s: Buffer's schema no longer has it", name))
		return
	}
	if o.Kind != l.Kind {
		f.problem(op, fmt.Sprintf("type %s: Buffer's is now a %s, this build sends a %s", name, kindName(l.Kind), kindName(o.Kind)))
		return
	}
	switch o.Kind {
	case ast.InputObject:
		for _, of := range o.Fields {
			lf := l.Fields.ForName(of.Name)
			if lf == nil {
				f.problem(op, fmt.Sprintf("%s.%s: Buffer no longer accepts this input field", name, of.Name))
				continue
			}
			if !assignable(of.Type, lf.Type) {
				f.problem(op, fmt.Sprintf("%s.%s: Buffer now expects %s, this build sends %s", name, of.Name, lf.Type, of.Type))
			}
			if d := lf.Directives.ForName("deprecated"); d != nil {
				f.deprecation(op, deprecationText(name+"."+of.Name+" (an input field)", d))
			}
			checkInput(f, op, of.Type.Name(), ours, live, seen)
		}
		for _, lf := range l.Fields {
			if o.Fields.ForName(lf.Name) == nil && lf.Type.NonNull && lf.DefaultValue == nil {
				f.problem(op, fmt.Sprintf("%s.%s: Buffer now requires this input field, which this build does not send", name, lf.Name))
			}
		}
	case ast.Enum:
		for _, v := range o.EnumValues {
			if l.EnumValues.ForName(v.Name) == nil {
				f.problem(op, fmt.Sprintf("%s.%s: Buffer no longer accepts this enum value", name, v.Name))
			}
		}
	}
}

// assignable reports whether a value of this build's type ours always fits Buffer's type
// live: the same named type and list shape, and never null (or absent) where Buffer now
// requires a value.
func assignable(ours, live *ast.Type) bool {
	if live.NonNull && !ours.NonNull {
		return false
	}
	if (ours.Elem == nil) != (live.Elem == nil) {
		return false
	}
	if ours.Elem != nil {
		return assignable(ours.Elem, live.Elem)
	}
	return ours.NamedType == live.NamedType
}

func kindName(k ast.DefinitionKind) string {
	return strings.ToLower(strings.ReplaceAll(string(k), "_", " "))
}

// ourSchema is the schema this build was generated from (graphql/schema.graphql).
func ourSchema() (*ast.Schema, error) {
	s, err := gqlparser.LoadSchema(&ast.Source{Name: "graphql/schema.graphql", Input: schema.Schema})
	if err != nil {
		return nil, fmt.Errorf("load graphql/schema.graphql: %w", err)
	}
	return s, nil
}
