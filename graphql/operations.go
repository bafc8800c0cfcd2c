package graphql

import "embed"

// Operations holds operations/*.graphql: every operation this build sends to Buffer, for
// `buffer-mcp doctor` to check against Buffer's live schema.
//
//go:embed operations/*.graphql
var Operations embed.FS
