package tools

import (
	"log/slog"
	"time"

	"github.com/Khan/genqlient/graphql"
)

// Deps are what the tools need from the rest of the program.
type Deps struct {
	GQL            graphql.Client   // Buffer, or the sandbox
	Log            *slog.Logger     // stderr; nil discards
	Now            func() time.Time // nil means time.Now
	ConfirmPublish bool             // shareNow needs the person's confirmation (SPEC §3)
}

// deps is Deps plus the state the tools share: the lookup cache.
type deps struct {
	gql            graphql.Client
	log            *slog.Logger
	now            func() time.Time
	confirmPublish bool
	cache          *cache
}

func newDeps(d Deps) *deps {
	out := &deps{gql: d.GQL, log: d.Log, now: d.Now, confirmPublish: d.ConfirmPublish}
	if out.log == nil {
		out.log = slog.New(slog.DiscardHandler)
	}
	if out.now == nil {
		out.now = time.Now
	}
	out.cache = newCache(out.now)
	return out
}
