package client

import (
	"context"
	"errors"
	"time"

	"github.com/cenkalti/backoff/v5"
)

// RetryPolicy says how a query is retried (SPEC §4). Mutations never are.
type RetryPolicy struct {
	MaxAttempts     int           // attempts in all, the first included
	MaxElapsed      time.Duration // no retry starts after this much time in all
	InitialInterval time.Duration // first backoff; it doubles, with ±50% jitter
	MaxRetryAfter   time.Duration // a longer Retry-After is answered at once, not waited for
}

// DefaultRetry is SPEC §4's policy: at most 3 attempts and 20 s in all, honouring
// Retry-After up to 10 s.
var DefaultRetry = RetryPolicy{MaxAttempts: 3, MaxElapsed: 20 * time.Second, InitialInterval: 500 * time.Millisecond, MaxRetryAfter: 10 * time.Second}

// orDefault fills the fields left zero from DefaultRetry.
func (p RetryPolicy) orDefault() RetryPolicy {
	if p.MaxAttempts == 0 {
		p.MaxAttempts = DefaultRetry.MaxAttempts
	}
	if p.MaxElapsed == 0 {
		p.MaxElapsed = DefaultRetry.MaxElapsed
	}
	if p.InitialInterval == 0 {
		p.InitialInterval = DefaultRetry.InitialInterval
	}
	if p.MaxRetryAfter == 0 {
		p.MaxRetryAfter = DefaultRetry.MaxRetryAfter
	}
	return p
}

// run calls attempt until it succeeds, fails for good, or the policy or the caller's
// deadline leaves no room for another try. The last error is returned as it is, so that
// the caller sees why Buffer failed rather than a context error. Backoff intervals and
// their jitter come from cenkalti/backoff; the loop is here because its Retry would
// replace our classified error with the context's.
func (p RetryPolicy) run(ctx context.Context, attempt func() error) error {
	b := &backoff.ExponentialBackOff{
		InitialInterval:     p.InitialInterval,
		RandomizationFactor: 0.5,
		Multiplier:          2,
		MaxInterval:         p.MaxElapsed,
	}
	b.Reset()
	start := time.Now()
	for n := 1; ; n++ {
		err := attempt()
		wait, ok := p.nextWait(ctx, err, n, b.NextBackOff(), time.Since(start))
		if !ok {
			return err
		}
		timer := time.NewTimer(wait)
		select {
		case <-timer.C:
		case <-ctx.Done():
			timer.Stop()
			return err
		}
	}
}

// nextWait decides whether the failure err of attempt n is worth another try, and after
// how long: only UpstreamUnavailable and RateLimited are, and never past the limits.
func (p RetryPolicy) nextWait(ctx context.Context, err error, n int, backoffWait, elapsed time.Duration) (time.Duration, bool) {
	var ce *Error
	if err == nil || !errors.As(err, &ce) || n >= p.MaxAttempts {
		return 0, false
	}
	if ctx.Err() != nil {
		return 0, false
	}
	wait := backoffWait
	switch ce.Type {
	case TypeUpstreamUnavailable:
	case TypeRateLimited:
		retryAfter := time.Duration(ce.RetryAfterSeconds) * time.Second
		if retryAfter > p.MaxRetryAfter {
			return 0, false
		}
		wait = max(wait, retryAfter)
	default:
		return 0, false
	}
	if elapsed+wait > p.MaxElapsed {
		return 0, false
	}
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) <= wait {
		return 0, false
	}
	return wait, true
}
