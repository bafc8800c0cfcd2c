//go:build schemagen

package tools

import "github.com/invopop/jsonschema"

// JSONSchema admits any object: execute_query answers the data of a query the model wrote.
func (queryData) JSONSchema() *jsonschema.Schema { return &jsonschema.Schema{Type: "object"} }
