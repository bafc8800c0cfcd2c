// Package graphql holds the part of Buffer's GraphQL schema that buffer-mcp uses
// (schema.graphql) and buffer-mcp's operations (operations/*.graphql), from which genqlient
// generates client/generated.go.
package graphql

import _ "embed"

// Schema is the text of schema.graphql, for the sandbox's GraphQL engine.
//
//go:embed schema.graphql
var Schema string
