package tools

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sync"
)

// schemas holds each schema once made, by kind ("in", "out") and Go type, so that building
// the tools again (tests do) does not make or parse them again.
var schemas sync.Map // schemaKey → json.RawMessage

type schemaKey struct {
	kind string
	t    reflect.Type
}

// reflectSchema makes a schema by reflection over the Go type. Only the generator sets it
// (schema_reflect.go, built with the schemagen tag): the binary reads schemas_gen.go
// instead, so that a start neither reflects nor links the reflection library.
var reflectSchema func(kind string, v any) json.RawMessage

// cachedSchema returns the schema of v's type: made by reflection in the generator, read
// from schemas_gen.go everywhere else (go generate ./... writes it; CI checks it is fresh).
func cachedSchema(kind string, v any) json.RawMessage {
	key := schemaKey{kind, reflect.TypeOf(v)}
	if s, ok := schemas.Load(key); ok {
		return s.(json.RawMessage)
	}
	var made json.RawMessage
	if reflectSchema != nil {
		made = reflectSchema(kind, v)
	} else if g, ok := generatedSchemas[kind+" "+key.t.String()]; ok {
		made = json.RawMessage(g)
	} else {
		// A programming error that go test ./tools/ reports first: schemas_gen.go is stale.
		panic(fmt.Sprintf("tools: no %s schema for %s in schemas_gen.go: run go generate ./...", kind, key.t))
	}
	s, _ := schemas.LoadOrStore(key, made)
	return s.(json.RawMessage)
}

// inputSchema is the JSON Schema of an argument type.
func inputSchema(args any) json.RawMessage { return cachedSchema("in", args) }

// outputSchema is the JSON Schema of a result type, with the optional `error` object of
// SPEC §4 beside the success fields and no required top-level property, so that an error
// result validates too (some clients check it even when isError is true). How each is
// made from the type: schema_reflect.go.
func outputSchema(result any) json.RawMessage { return cachedSchema("out", result) }
