package client_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// budgetServer answers GetAccount and describes a 15-minute window of quota 100 whose
// remaining count is remaining(n) for the n-th request.
func budgetServer(t *testing.T, remaining func(n int32) int32) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := n.Add(1)
		w.Header().Set("RateLimit", fmt.Sprintf(`"100-in-15min";r=%d;t=900`, remaining(i)))
		w.Header().Set("RateLimit-Policy", `"100-in-15min";q=100;w=900`)
		accountOK(w)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestASpentBudgetAnswersRateLimitedWithoutSending(t *testing.T) {
	srv, n := budgetServer(t, func(int32) int32 { return 0 })
	c := newClient(srv.URL)

	_, err := client.GetAccount(testContext(t), c)
	require.NoError(t, err, "the first request learns the budget")
	_, err = client.DeletePost(testContext(t), c, "0123456789abcdef01234567")

	var ce *client.Error
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, client.TypeRateLimited, ce.Type)
	assert.Equal(t, "15m", ce.Window)
	assert.InDelta(t, 900, ce.RetryAfterSeconds, 2)
	assert.Contains(t, ce.Message, "nothing was sent")
	assert.Equal(t, int32(1), n.Load(), "the mutation was not sent, so it is safe to try later")
}

func TestALowBudgetSpreadsABurstAndRefusesLongWaits(t *testing.T) {
	// 12 of 100 left: below half, so requests are paced at 12 per 900 s after a burst of 3.
	srv, n := budgetServer(t, func(i int32) int32 { return 13 - i })
	c := newClient(srv.URL)

	var sent, refused int
	for range 6 {
		_, err := client.GetAccount(testContext(t), c)
		var ce *client.Error
		switch {
		case err == nil:
			sent++
		case errors.As(err, &ce) && ce.Type == client.TypeRateLimited:
			refused++
			assert.Greater(t, ce.RetryAfterSeconds, 10, "the wait it names is the pace's, longer than the 10 s it would wait")
		default:
			t.Fatalf("unexpected error: %v", err)
		}
	}
	assert.Equal(t, 4, sent, "the first request, then the burst of 3")
	assert.Equal(t, 2, refused)
	assert.Equal(t, int32(4), n.Load())
}

func TestNoRateLimitHeadersMeansNoPacing(t *testing.T) {
	srv, n := scripted(t, accountOK)
	c := newClient(srv.URL)
	for range 50 {
		_, err := client.GetAccount(testContext(t), c)
		require.NoError(t, err)
	}
	assert.Equal(t, int32(50), n.Load())
	assert.Empty(t, c.BudgetNote())
}

func TestBudgetNoteAfterALowAnswer(t *testing.T) {
	srv, _ := budgetServer(t, func(int32) int32 { return 60 })
	c := newClient(srv.URL)
	_, err := client.GetAccount(testContext(t), c)
	require.NoError(t, err)
	assert.Empty(t, c.BudgetNote())

	low, _ := budgetServer(t, func(int32) int32 { return 4 })
	c = newClient(low.URL)
	_, err = client.GetAccount(testContext(t), c)
	require.NoError(t, err)
	assert.Contains(t, c.BudgetNote(), "4 of 100 left")
}
