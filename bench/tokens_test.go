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
	every, err := ListTools(ctx, tools.Selection{Toolsets: []string{tools.ToolsetAll}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(every.Tools), len(tools.Names()); got != want {
		t.Fatalf("counted %d tools, the catalog has %d", got, want)
	}
	for _, c := range every.Tools {
		if c.Tokens <= 0 || c.Bytes <= 0 || c.OutputTokens <= 0 || c.OutputBytes <= 0 {
			t.Errorf("%s: %+v", c.Name, c)
		}
	}
	spec, err := every.Total(SpecTools)
	if err != nil || spec.Name != "8 tools" {
		t.Fatalf("Total(SpecTools): %v, %s", err, spec.Name)
	}
	if _, err := every.Total([]string{"no_such_tool"}); err == nil {
		t.Error("Total of a tool that was not listed: want an error")
	}
	def, err := ListTools(ctx, tools.Selection{})
	if err != nil {
		t.Fatal(err)
	}
	if len(def.Tools) == 0 || len(def.Tools) > len(every.Tools) {
		t.Fatalf("the default toolsets list %d tools, every toolset %d", len(def.Tools), len(every.Tools))
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
