// Package doctor is `buffer-mcp doctor`: it checks, with two requests to Buffer, that the
// API key is accepted, that this computer's clock agrees with Buffer's, how much of
// Buffer's request budget is left, and that every operation this build sends still fits
// Buffer's live schema (read by introspection), naming each field or type that moved.
package doctor

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/buffer-mcp/buffer-mcp/client"
	schema "github.com/buffer-mcp/buffer-mcp/graphql"
)

// Config is what a run of the checks needs.
type Config struct {
	Client client.Config    // Buffer, or the sandbox; its Transport is wrapped to read the answers' headers
	Now    func() time.Time // this computer's clock; time.Now when nil
	// MaxClockSkew is how far this computer's clock may be from Buffer's; a minute when 0.
	MaxClockSkew time.Duration
}

// Status is a check's outcome. Only Fail makes the run fail: a warning is something to
// know, not something to fix now.
type Status int

// The outcomes, in increasing gravity.
const (
	OK Status = iota
	Warn
	Fail
)

func (s Status) String() string { return [...]string{"ok", "warn", "FAIL"}[s] }

// Result is one check: a one-line summary, and details (one finding a line) under it.
type Result struct {
	Name    string
	Status  Status
	Summary string
	Details []string
}

// Run makes the checks, in the order a person would fix what they find.
func Run(ctx context.Context, cfg Config) []Result {
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	rec := &recorder{base: cfg.Client.Transport, now: now}
	if rec.base == nil {
		rec.base = http.DefaultTransport
	}
	ccfg := cfg.Client
	ccfg.Transport = rec
	gql := client.New(ccfg)

	key, answered := checkKey(ctx, gql)
	results := []Result{key}
	results = append(results, checkClock(rec.first(), orDefault(cfg.MaxClockSkew, time.Minute)))
	if !answered {
		results = append(results, Result{Name: "schema", Status: Fail, Summary: "not checked: Buffer gave no answer to the key check"})
		return append(results, checkRateLimit(rec.last()))
	}
	results = append(results, checkSchema(ctx, gql))
	return append(results, checkRateLimit(rec.last())) // the last answer knows the budget best
}

// Write prints one line a check, its details indented under it, and reports whether every
// check passed (warnings pass).
func Write(w io.Writer, results []Result) bool {
	ok := true
	for _, r := range results {
		fmt.Fprintf(w, "%-4s  %s: %s\n", r.Status, r.Name, r.Summary)
		for _, d := range r.Details {
			fmt.Fprintf(w, "        - %s\n", d)
		}
		ok = ok && r.Status != Fail
	}
	return ok
}

// checkKey reads the account: one request that needs a valid key. It also reports whether
// Buffer answered at all, so that the schema is not asked for in vain.
func checkKey(ctx context.Context, gql *client.Client) (Result, bool) {
	r := Result{Name: "key"}
	resp, err := client.GetAccount(ctx, gql)
	if err == nil {
		a := resp.Account
		r.Summary = fmt.Sprintf("Buffer accepts the API key (account %s, %s)", orDefault(a.Email, a.Id),
			plural(len(a.Organizations), "organization"))
		return r, true
	}
	r.Status, r.Summary = Fail, errorLine(err)
	var ce *client.Error
	if !errors.As(err, &ce) {
		return r, false
	}
	switch ce.Type {
	case client.TypeUnauthenticated, client.TypeForbidden:
		return r, true // Buffer answered: the schema may still be readable
	case client.TypeUpstreamUnavailable, client.TypeRateLimited:
		return r, false
	}
	// Buffer answered, but refused the operation itself (its schema moved, say): the key
	// is not to blame, and the schema check will say what changed.
	r.Status, r.Summary = Warn, "Buffer answered, but reading the account failed ("+errorLine(err)+"); see the schema check"
	return r, true
}

// checkClock compares this computer's clock with the Date of Buffer's answer, taken at the
// middle of the request. Date has whole seconds, so a skew of a second or two is noise.
func checkClock(a *answer, limit time.Duration) Result {
	r := Result{Name: "clock"}
	if a == nil {
		r.Status, r.Summary = Fail, "not checked: no answer from Buffer"
		return r
	}
	date, err := http.ParseTime(a.header.Get("Date"))
	if err != nil {
		r.Status, r.Summary = Warn, "not checked: Buffer's answer carried no Date header"
		return r
	}
	mid := a.sent.Add(a.received.Sub(a.sent) / 2)
	skew := mid.Sub(date.Add(500 * time.Millisecond)) // Date is truncated to the second
	abs, dir := skew, "ahead of"
	if skew < 0 {
		abs, dir = -skew, "behind"
	}
	if abs <= 2*time.Second {
		r.Summary = "this computer's clock agrees with Buffer's (within 2 s)"
		return r
	}
	r.Summary = fmt.Sprintf("this computer's clock is %s %s Buffer's", abs.Round(time.Second), dir)
	if abs > limit {
		r.Status = Fail
		r.Summary += fmt.Sprintf(" (more than %s): times such as \"in 2 hours\" and the check that a time is still ahead "+
			"are read on this clock; set it right (turn on automatic date and time)", limit)
	}
	return r
}

// checkRateLimit reports each window Buffer's last answer described; the binding one
// spent is a failure, under a tenth left a warning.
func checkRateLimit(a *answer) Result {
	r := Result{Name: "rate limit"}
	if a == nil {
		r.Status, r.Summary = Fail, "not checked: no answer from Buffer"
		return r
	}
	ws := client.RateLimitWindows(a.header, a.received)
	if len(ws) == 0 {
		r.Summary = "Buffer's answer named no rate-limit window, so there is no budget to report"
		return r
	}
	parts := make([]string, 0, len(ws))
	for _, w := range ws {
		p := fmt.Sprintf("%d", w.Remaining)
		if w.Quota > 0 {
			p += fmt.Sprintf(" of %d", w.Quota)
		}
		p += fmt.Sprintf(" requests left in the %s window", w.Name)
		if w.Reset > 0 {
			p += fmt.Sprintf(" (resets in %s)", w.Reset.Round(time.Second))
		}
		parts = append(parts, p)
		switch {
		case w.Remaining <= 0:
			r.Status = Fail
		case w.Quota > 0 && w.Remaining*10 < w.Quota && r.Status < Warn:
			r.Status = Warn
		}
	}
	r.Summary = strings.Join(parts, "; ")
	switch r.Status {
	case Fail:
		r.Summary += ": the budget is spent, so calls fail until the window resets"
	case Warn:
		r.Summary += ": the budget is low"
	}
	return r
}

// checkSchema validates every operation of this build against Buffer's live schema.
func checkSchema(ctx context.Context, gql *client.Client) Result {
	r := Result{Name: "schema", Status: Fail}
	ops, err := loadOperations(schema.Operations)
	if err != nil {
		r.Summary = "this build's operations do not load: " + err.Error()
		return r
	}
	ours, err := ourSchema()
	if err != nil {
		r.Summary = err.Error()
		return r
	}
	live, err := introspect(ctx, gql)
	if err != nil {
		r.Summary = "could not read Buffer's schema: " + errorLine(err)
		return r
	}
	f := compare(ops, ours, live)
	r.Details = lines(f.problems)
	if len(f.failed) > 0 {
		r.Summary = fmt.Sprintf("%d of %d operations of this build no longer fit Buffer's live schema; "+
			"a newer buffer-mcp may fit it", len(f.failed), len(ops.ops))
		return r
	}
	r.Status = OK
	r.Summary = fmt.Sprintf("all %d operations of this build fit Buffer's live schema (%d types)", len(ops.ops), userTypes(live))
	if len(f.deprecations) > 0 {
		r.Status = Warn
		r.Details = lines(f.deprecations)
		r.Summary += fmt.Sprintf(", but Buffer marks %s they use as deprecated (to be removed later)",
			plural(len(f.deprecations), "field"))
	}
	return r
}

func userTypes(s *ast.Schema) int {
	n := 0
	for _, t := range s.Types {
		if !t.BuiltIn {
			n++
		}
	}
	return n
}

// errorLine is an error as one line: a classified error's own words.
func errorLine(err error) string {
	var ce *client.Error
	if errors.As(err, &ce) {
		return ce.Error()
	}
	return err.Error()
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// recorder is the network under the Buffer client: it keeps when each answer was asked
// for and came, with its headers (Date, rate limits).
type recorder struct {
	base http.RoundTripper
	now  func() time.Time

	mu      sync.Mutex
	answers []answer
}

type answer struct {
	sent, received time.Time
	header         http.Header
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	sent := r.now()
	resp, err := r.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	r.answers = append(r.answers, answer{sent: sent, received: r.now(), header: resp.Header.Clone()})
	r.mu.Unlock()
	return resp, nil
}

func (r *recorder) first() *answer {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.answers) == 0 {
		return nil
	}
	a := r.answers[0]
	return &a
}

func (r *recorder) last() *answer {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.answers) == 0 {
		return nil
	}
	a := r.answers[len(r.answers)-1]
	return &a
}
