package tools_test

import (
	"testing"

	"github.com/buffer-mcp/buffer-mcp/tools"
)

// Schemas are made once per process (issue 6): --help and --tools build the tools before
// the server does, and a second build must not reflect over the types again.
func TestSchemasAreBuiltOnce(t *testing.T) {
	a, b := tools.New(tools.Deps{}).Tools(), tools.New(tools.Deps{}).Tools()
	for i := range a {
		da, db := a[i].Definition, b[i].Definition
		if &da.RawInputSchema[0] != &db.RawInputSchema[0] || &da.RawOutputSchema[0] != &db.RawOutputSchema[0] {
			t.Errorf("%s: the second New made its schemas again", da.Name)
		}
	}
}
