package tools

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sync"

	"github.com/invopop/jsonschema"
)

// reflector turns argument and result types into JSON Schemas: the root is the object
// itself (no $ref, no $defs), unknown properties are refused, and only fields tagged
// jsonschema:"required" are required. It is the one package-level value of this package.
var reflector = &jsonschema.Reflector{
	Anonymous:                  true,
	DoNotReference:             true,
	ExpandedStruct:             true,
	RequiredFromJSONSchemaTags: true,
}

// schemas holds each schema once made, by kind ("in", "out") and Go type: All runs more
// than once in a process (--help and --tools name the tools before the server is built),
// and reflection is the costly part of building a tool (issue 6: built once at start).
var schemas sync.Map // schemaKey → json.RawMessage

type schemaKey struct {
	kind string
	t    reflect.Type
}

// cachedSchema returns the schema of v's type: made at build time (schemas_gen.go, written
// by UPDATE_SNAPSHOTS=1 go test ./tools/ and checked against reflection by
// TestGeneratedSchemasMatchReflection), else made by build on first use.
func cachedSchema(kind string, v any, build func(any) json.RawMessage) json.RawMessage {
	key := schemaKey{kind, reflect.TypeOf(v)}
	if s, ok := schemas.Load(key); ok {
		return s.(json.RawMessage)
	}
	var made json.RawMessage
	if g, ok := generatedSchemas[kind+" "+key.t.String()]; ok {
		made = json.RawMessage(g)
	} else {
		made = build(v)
	}
	s, _ := schemas.LoadOrStore(key, made)
	return s.(json.RawMessage)
}

// inputSchema is the JSON Schema of an argument type.
func inputSchema(args any) json.RawMessage { return cachedSchema("in", args, makeInputSchema) }

func makeInputSchema(args any) json.RawMessage {
	s := reflector.Reflect(args)
	s.Version = ""
	return mustMarshal(s)
}

// outputSchema is the JSON Schema of a result type, with the optional `error` object of
// SPEC §4 beside the success fields and no required top-level property, so that an error
// result validates too (some clients check it even when isError is true).
func outputSchema(result any) json.RawMessage { return cachedSchema("out", result, makeOutputSchema) }

func makeOutputSchema(result any) json.RawMessage {
	s := reflector.Reflect(result)
	s.Version = ""
	s.Required = nil
	s.Properties.Set("error", reflector.Reflect(&ErrorInfo{}))
	errSchema, _ := s.Properties.Get("error")
	errSchema.Version = ""
	return mustMarshal(s)
}

func mustMarshal(s *jsonschema.Schema) json.RawMessage {
	b, err := json.Marshal(s)
	if err != nil {
		panic(fmt.Sprintf("tools: schema does not marshal: %v", err)) // a programming error, caught by every test
	}
	return b
}
