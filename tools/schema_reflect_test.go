package tools

import (
	"encoding/json"
	"fmt"

	"github.com/invopop/jsonschema"
)

// In this package's tests every schema is made by reflection, as the truth that
// schemas_gen.go (which the binary reads) is checked against.
func init() { reflectSchema = makeSchema }

// reflector turns argument and result types into JSON Schemas: the root is the object
// itself (no $ref, no $defs), unknown properties are refused, and only fields tagged
// jsonschema:"required" are required.
var reflector = &jsonschema.Reflector{
	Anonymous:                  true,
	DoNotReference:             true,
	ExpandedStruct:             true,
	RequiredFromJSONSchemaTags: true,
}

func makeSchema(kind string, v any) json.RawMessage {
	if kind == "out" {
		return makeOutputSchema(v)
	}
	return makeInputSchema(v)
}

// makeInputSchema is the JSON Schema of an argument type.
func makeInputSchema(args any) json.RawMessage {
	s := reflector.Reflect(args)
	s.Version = ""
	return mustMarshal(s)
}

// makeOutputSchema is the JSON Schema of a result type, with the optional `error` object
// of SPEC §4 beside the success fields and no required top-level property, so that an
// error result validates too (some clients check it even when isError is true).
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
