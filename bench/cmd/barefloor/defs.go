//go:build floordefs

package main

import (
	"encoding/json"

	"github.com/mark3labs/mcp-go/mcp"
)

func init() { bufferMCPTools = ourTools }

// toolDef is one of buffer-mcp's tool definitions, as defs_gen.go records it.
type toolDef struct {
	name, title, description                     string
	input, output                                string // JSON Schemas
	readOnly, destructive, idempotent, openWorld bool
}

// ourTools builds the definitions the way buffer-mcp's tools/tool.go does: raw schemas
// from strings made at build time, the title twice, four hints.
func ourTools() []mcp.Tool {
	var out []mcp.Tool
	for _, d := range toolDefs {
		t := mcp.NewToolWithRawSchema(d.name, d.description, json.RawMessage(d.input))
		t.Title = d.title
		t.RawOutputSchema = json.RawMessage(d.output)
		t.Annotations = mcp.ToolAnnotation{
			Title:           d.title,
			ReadOnlyHint:    mcp.ToBoolPtr(d.readOnly),
			DestructiveHint: mcp.ToBoolPtr(d.destructive),
			IdempotentHint:  mcp.ToBoolPtr(d.idempotent),
			OpenWorldHint:   mcp.ToBoolPtr(d.openWorld),
		}
		out = append(out, t)
	}
	return out
}
