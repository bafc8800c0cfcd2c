package client_test

import (
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// fakeClock is a clock that moves only when told, so that no test waits out a window.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// spentWithout answers GetAccount with headers that say the budget is spent and give no
// reset time that can be read.
func spentWithout(header ...string) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		accountOK(w)
	}
}

// TestASpentWindowWithoutAResetExpiresOnItsOwn: an answer that says the budget is spent
// but not when it resets makes the next request answer RateLimited without sending, with a
// positive wait of at most 15 minutes, and after 15 minutes requests go out again. On main
// the window never ended: nothing more was sent, so nothing could clear it, and the wait
// it named went negative.
func TestASpentWindowWithoutAResetExpiresOnItsOwn(t *testing.T) {
	for _, tt := range []struct {
		name   string
		header []string
	}{
		{"X-RateLimit-Remaining 0, no reset", []string{"X-RateLimit-Remaining", "0", "X-RateLimit-Limit", "100"}},
		{"X-RateLimit-Remaining 0, a reset that cannot be read", []string{"X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "soon"}},
		{"X-RateLimit-Remaining 0, a reset past Buffer's longest window", []string{"X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "99999999999"}},
		{"RateLimit r=0, no t", []string{"RateLimit", `"100-in-15min";r=0`, "RateLimit-Policy", `"100-in-15min";q=100;w=900`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			srv, n := scripted(t, spentWithout(tt.header...), accountOK)
			c := newClient(srv.URL, func(cfg *client.Config) { cfg.Now = clock.Now })

			_, err := client.GetAccount(testContext(t), c)
			require.NoError(t, err, "the first answer says the budget is spent")

			clock.advance(14*time.Minute + 59*time.Second + 500*time.Millisecond)
			_, err = client.GetAccount(testContext(t), c)
			var ce *client.Error
			require.True(t, errors.As(err, &ce), "%v", err)
			assert.Equal(t, client.TypeRateLimited, ce.Type)
			assert.Equal(t, 1, ce.RetryAfterSeconds, "half a second left: never 0 or less")
			assert.Equal(t, int32(1), n.Load(), "nothing sent while the window is spent")

			clock.advance(time.Second)
			_, err = client.GetAccount(testContext(t), c)
			require.NoError(t, err, "15 minutes on, the window has ended on its own")
			assert.Equal(t, int32(2), n.Load())
		})
	}
}

// TestRetryAfterIsNeverNegative: whatever the answer says, the wait is 1 second or more
// while the window lasts, and an HTTP date in the past means no wait, not a negative one.
func TestRetryAfterIsNeverNegative(t *testing.T) {
	clock := newFakeClock()
	srv, _ := scripted(t, spentWithout("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "30"))
	c := newClient(srv.URL, func(cfg *client.Config) { cfg.Now = clock.Now })
	_, err := client.GetAccount(testContext(t), c)
	require.NoError(t, err)
	for _, elapsed := range []time.Duration{0, 10 * time.Second, 29*time.Second + 999*time.Millisecond} {
		clock.advance(elapsed)
		_, err := client.GetAccount(testContext(t), c)
		var ce *client.Error
		require.True(t, errors.As(err, &ce), "%v", err)
		assert.Positive(t, ce.RetryAfterSeconds)
		clock.advance(-elapsed)
	}

	past := clock.Now().Add(-time.Hour).Format(http.TimeFormat)
	srv, _ = scripted(t, rateLimited(past))
	c = newClient(srv.URL, func(cfg *client.Config) { cfg.Now = clock.Now })
	_, err = client.GetAccount(testContext(t), c)
	var ce *client.Error
	require.True(t, errors.As(err, &ce), "%v", err)
	assert.Equal(t, client.TypeRateLimited, ce.Type)
	assert.Zero(t, ce.RetryAfterSeconds, "a date in the past")
}

// TestARetryAfterTooLargeToParseIsLong: Retry-After in seconds beyond any integer is a long
// wait, not none: RateLimited at once, not retried, with Buffer's longest window (30 days)
// as the wait. On main it read as no wait, and the read was retried at once.
func TestARetryAfterTooLargeToParseIsLong(t *testing.T) {
	srv, n := scripted(t, rateLimited("99999999999999999999999"), accountOK)
	c := newClient(srv.URL, func(cfg *client.Config) { cfg.Retry = fastRetry })

	_, err := client.GetAccount(testContext(t), c)

	var ce *client.Error
	require.True(t, errors.As(err, &ce), "%v", err)
	assert.Equal(t, client.TypeRateLimited, ce.Type)
	assert.Equal(t, 30*24*3600, ce.RetryAfterSeconds)
	assert.Equal(t, int32(1), n.Load(), "not retried")
}
