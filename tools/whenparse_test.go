package tools_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The binary does not link package when itself, whose init compiles three languages' rules
// that are never used (issue 6: avoidable work on the start-up path).
func TestTheBinaryDoesNotLinkWhensOtherLanguages(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.CommandContext(t.Context(), "go", "list", "-deps", "github.com/buffer-mcp/buffer-mcp/cmd/buffer-mcp").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	for _, pkg := range []string{"github.com/olebedev/when", "github.com/olebedev/when/rules/ru", "github.com/olebedev/when/rules/br", "github.com/olebedev/when/rules/nl"} {
		if slices.Contains(deps, pkg) {
			t.Errorf("buffer-mcp links %s", pkg)
		}
	}
}
