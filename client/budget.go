package client

import (
	"context"
	"fmt"
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// budget follows Buffer's request budget from the rate-limit headers of its answers and
// paces requests by it. Against a server that sends no such headers (the sandbox) it never
// waits: nothing here guesses the plan.
type budget struct {
	now func() time.Time

	mu      sync.Mutex
	limiter *rate.Limiter // x/time/rate spreads a burst at the pace the budget allows
	windows []Window
	seenAt  time.Time // when windows were read; their Reset counts from here
}

// maxUnknownReset is the end given to a window whose answer named none that could be read:
// Buffer's shortest window, 15 minutes, after which what the budget knew is dropped and the
// next answer says afresh. Without an end, a spent window would never clear, since nothing
// is sent while it is spent: the client would lock itself out for good.
const maxUnknownReset = 15 * time.Minute

func newBudget(now func() time.Time) *budget {
	return &budget{now: now, limiter: rate.NewLimiter(rate.Inf, 1)}
}

// update records the windows an answer described and sets the pace: none while at least
// half of the binding window is left; below that, the requests left are spread evenly
// over the time until it resets, after a burst of a quarter of them.
func (b *budget) update(ws []Window) {
	if len(ws) == 0 {
		return
	}
	for i := range ws {
		if ws[i].Reset < 0 {
			ws[i].Reset = maxUnknownReset
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.windows, b.seenAt = ws, b.now()
	w, _ := binding(ws)
	if w.Quota == 0 || w.Remaining*2 >= w.Quota || w.Reset <= 0 {
		b.limiter.SetLimit(rate.Inf)
		return
	}
	limit, burst := rate.Limit(float64(max(w.Remaining, 1))/w.Reset.Seconds()), max(1, w.Remaining/4)
	if b.limiter.Limit() == rate.Inf {
		b.limiter = rate.NewLimiter(limit, burst) // pacing starts now, with a full burst
		return
	}
	b.limiter.SetLimit(limit) // already pacing: keep the tokens already spent
	b.limiter.SetBurst(burst)
}

// take accounts for one request about to be sent. When the binding window is spent and
// not yet reset, it answers RateLimited at once: sending would only earn a 429, and
// nothing sent means a mutation stays safe to retry later. Otherwise it waits for the
// request's turn at the budget's pace, but not longer than maxWait nor past the caller's
// deadline: a longer wait is answered RateLimited at once, with the time to wait.
func (b *budget) take(ctx context.Context, maxWait time.Duration) error {
	if w, left, spent := b.reserve(); spent {
		return budgetSpent(w.Name, left, "is spent")
	}
	b.mu.Lock()
	limiter := b.limiter
	b.mu.Unlock()
	now := b.now()
	r := limiter.ReserveN(now, 1)
	delay := r.DelayFrom(now)
	if delay == 0 {
		return nil
	}
	if deadline, ok := ctx.Deadline(); delay > maxWait || ok && deadline.Sub(now) < delay {
		r.CancelAt(now)
		return budgetSpent(b.bindingName(), delay, "is nearly spent")
	}
	t := time.NewTimer(delay)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		r.CancelAt(b.now())
		return &Error{Type: TypeUpstreamUnavailable, Message: "the request to Buffer was cancelled before it was sent", Retryable: true, Err: ctx.Err()}
	}
}

func budgetSpent(window string, wait time.Duration, state string) *Error {
	secs := max(int(math.Ceil(wait.Seconds())), 1) // never 0 or less: the window is not over yet
	return &Error{Type: TypeRateLimited, Retryable: true, RetryAfterSeconds: secs, Window: window,
		Message: fmt.Sprintf("Buffer's %s request budget %s (nothing was sent); try again in %d seconds", window, state, secs)}
}

// reserve counts the request against every known window, so that a burst between two
// answers does not overrun the budget. It reports the binding window when it is spent.
func (b *budget) reserve() (Window, time.Duration, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.windows) == 0 {
		return Window{}, 0, false
	}
	elapsed := b.now().Sub(b.seenAt)
	w, _ := binding(b.windows)
	if elapsed >= w.Reset {
		b.windows = nil // the binding window has reset: what we knew is stale
		b.limiter.SetLimit(rate.Inf)
		return Window{}, 0, false
	}
	if w.Remaining <= 0 {
		return w, w.Reset - elapsed, true
	}
	for i := range b.windows {
		b.windows[i].Remaining--
	}
	return Window{}, 0, false
}

func (b *budget) bindingName() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	w, _ := binding(b.windows)
	return w.Name
}

// note is a brief warning when the binding window is low, else "".
func (b *budget) note() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	w, ok := binding(b.windows)
	if !ok || !w.low() {
		return ""
	}
	w.Reset = max(w.Reset-b.now().Sub(b.seenAt), 0)
	return w.note()
}
