package tools

import (
	"log/slog"
	"time"

	"github.com/Khan/genqlient/graphql"

	"github.com/buffer-mcp/buffer-mcp/internal/askstate"
)

// Deps are what the tools need from the rest of the program.
type Deps struct {
	GQL            graphql.Client   // Buffer, or the sandbox
	Log            *slog.Logger     // stderr; nil discards
	Now            func() time.Time // nil means time.Now
	ConfirmPublish bool             // shareNow needs the person's confirmation (SPEC §3)
}

// shared is what every tool of a Set shares: Deps, with the defaults filled in, and the
// state built over them (the lookup cache, the questions asked, the rate-limit budget).
type shared struct {
	gql            graphql.Client
	log            *slog.Logger
	now            func() time.Time
	confirmPublish bool
	cache          *cache
	asks           *askstate.Store                  // questions about publishing now (confirm.go)
	budget         interface{ BudgetNote() string } // nil when the client keeps no budget
}

// budgetNote is the client's warning that Buffer's request budget is low, when the client
// keeps one (the Buffer client does; a test double may not).
func (d *shared) budgetNote() string {
	if d.budget == nil {
		return ""
	}
	return d.budget.BudgetNote()
}

func newShared(d Deps) *shared {
	out := &shared{log: d.Log, now: d.Now, confirmPublish: d.ConfirmPublish}
	if out.log == nil {
		out.log = slog.New(slog.DiscardHandler)
	}
	if out.now == nil {
		out.now = time.Now
	}
	out.cache = newCache(out.now)
	out.asks = askstate.New(confirmTTL, out.now)
	out.gql = &cachingClient{next: d.GQL, cache: out.cache}
	out.budget, _ = d.GQL.(interface{ BudgetNote() string })
	return out
}
