package faults_test

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// appliedWithHeaders forwards the request and passes the sandbox's answer on with extra
// headers.
func appliedWithHeaders(header map[string]string) fault {
	return fault{then: func(w http.ResponseWriter, _ *http.Request, up upstreamAnswer) error {
		for k, v := range header {
			w.Header().Set(k, v)
		}
		return up.write(w)
	}}
}

// clock is the client's clock in these tests: it moves only when told, so that no test
// waits out a real window.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// TestASpentBudgetWithoutAResetDoesNotLockTheClientOut: Buffer says the budget is spent
// (X-RateLimit-Remaining: 0, or RateLimit r=0) without a reset time. The next list_posts is
// RateLimited without being sent, with a wait between 1 s and 15 minutes; 15 minutes on
// (by the client's clock) the next one is sent and succeeds (SPEC §7.3). On main it was
// refused for good, and its retryAfterSeconds went to 0 and below.
func TestASpentBudgetWithoutAResetDoesNotLockTheClientOut(t *testing.T) {
	for _, tt := range []struct {
		name, window string
		header       map[string]string
	}{
		{"X-RateLimit-Remaining 0", "limit", map[string]string{"X-RateLimit-Remaining": "0", "X-RateLimit-Limit": "100"}},
		{"RateLimit r=0", "15m", map[string]string{"RateLimit": `"100-in-15min";r=0`, "RateLimit-Policy": `"100-in-15min";q=100;w=900`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			clk := &clock{now: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
			e := newEnv(t, requestTimeout, func(c *client.Config) { c.Now = clk.Now })
			e.inject(t, rule{op: "ListPosts", times: 1, fault: appliedWithHeaders(tt.header)})

			first := e.call(t, "list_posts", `{}`)
			require.False(t, first.IsError, "the answer that spends the budget is itself a success: %v", first.Content)

			clk.advance(10 * time.Minute)
			got := assertError(t, outcome{typ: client.TypeRateLimited, retryable: true, retryAfter: 300, window: tt.window}, e.call(t, "list_posts", `{}`))
			assert.Contains(t, got.Message, "nothing was sent")
			assert.Equal(t, 1, e.attempts("ListPosts"), "not sent while the budget is spent")

			clk.advance(5 * time.Minute)
			again := e.call(t, "list_posts", `{}`)
			require.False(t, again.IsError, "15 minutes on, the window has ended on its own: %v", again.Content)
			assert.Equal(t, 2, e.attempts("ListPosts"))
		})
	}
}
