package bench

import (
	"context"
	"testing"

	"github.com/buffer-mcp/buffer-mcp/tools"
)

// The token figures are measured by bench/cmd/figures; this only checks that the
// measuring code works: every tool is counted and the fixture comes back whole.
func TestTokenCountsRun(t *testing.T) {
	ctx := context.Background()
	per, all, err := ToolListCosts(ctx, tools.Selection{Toolsets: []string{tools.ToolsetAll}})
	if err != nil {
		t.Fatal(err)
	}
	if len(per) < len(SpecTools) {
		t.Fatalf("counted %d tools, want at least the %d of SPEC §3", len(per), len(SpecTools))
	}
	for _, c := range per {
		if c.Tokens <= 0 || c.Bytes <= 0 {
			t.Errorf("%s: %d tokens, %d bytes", c.Name, c.Tokens, c.Bytes)
		}
	}
	spec, err := SumTools(per, all, SpecTools)
	if err != nil || spec.Name != "8 tools" {
		t.Fatalf("SumTools: %v, %s", err, spec.Name)
	}
	for _, ids := range []IDs{PatternIDs, ObjectIDs} {
		if _, err := ListPostsCost(ctx, ids); err != nil {
			t.Fatal(err)
		}
	}
	if id := ObjectIDs(0xB, 3); len(id) != 24 || id == ObjectIDs(0xB, 4) || id != ObjectIDs(0xB, 3) {
		t.Fatalf("ObjectIDs: %q: want 24 hex digits, fixed for each n and different between them", id)
	}
	if n, err := Tokens("hello world"); err != nil || n != 2 {
		t.Fatalf(`Tokens("hello world") = %d, %v; want 2`, n, err)
	}
}

// The request figure is printed by bench/cmd/figures; this checks that it runs.
func TestConversationRequestsRun(t *testing.T) {
	ops, err := ConversationRequests(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(ops) == 0 {
		t.Fatal("no request reached the sandbox")
	}
	if ops, err = LastWeekRequests(t.Context()); err != nil || len(ops) == 0 {
		t.Fatalf("LastWeekRequests: %v, %v", ops, err)
	}
}
