package tools_test

import (
	"testing"

	"github.com/buffer-mcp/buffer-mcp/tools"
)

// Schemas are made once per process: building the tools again (as tests do) must not make
// or parse their schemas again.
func TestSchemasAreBuiltOnce(t *testing.T) {
	a, b := tools.New(tools.Deps{}).Tools(), tools.New(tools.Deps{}).Tools()
	for i := range a {
		da, db := a[i].Definition, b[i].Definition
		if &da.RawInputSchema[0] != &db.RawInputSchema[0] || &da.RawOutputSchema[0] != &db.RawOutputSchema[0] {
			t.Errorf("%s: the second New made its schemas again", da.Name)
		}
	}
}
