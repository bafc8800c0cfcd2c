package client_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// scripted answers each request with the next reply of its script (the last one repeats)
// and counts the requests.
func scripted(t *testing.T, replies ...func(w http.ResponseWriter)) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		replies[min(i, len(replies)-1)](w)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func status(code int, header ...string) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(code)
		_, _ = w.Write([]byte("<html>busy</html>"))
	}
}

func accountOK(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"data":{"account":{"id":"a","email":"e@example.com","organizations":[]}}}`))
}

func rateLimited(retryAfter string) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Retry-After", retryAfter)
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = w.Write([]byte(`{"errors":[{"message":"Too many requests","extensions":{"code":"RATE_LIMIT_EXCEEDED","window":"15m"}}]}`))
	}
}

var fastRetry = client.RetryPolicy{MaxAttempts: 3, MaxElapsed: 5 * time.Second, InitialInterval: time.Millisecond, MaxRetryAfter: 10 * time.Second}

func retryingClient(url string, p client.RetryPolicy) *client.Client {
	return client.New(client.Config{Endpoint: url, APIKey: testKey, Version: testVersion, Timeout: 5 * time.Second, Retry: p})
}

func TestQueriesAreRetriedOnUnavailableAndRateLimited(t *testing.T) {
	tests := []struct {
		name         string
		replies      []func(w http.ResponseWriter)
		wantRequests int32
		wantType     string // "" for success
	}{
		{name: "503 then success", replies: []func(http.ResponseWriter){status(503), accountOK}, wantRequests: 2},
		{name: "502, 500, then success", replies: []func(http.ResponseWriter){status(502), status(500), accountOK}, wantRequests: 3},
		{name: "three 503s give up after the third", replies: []func(http.ResponseWriter){status(503)}, wantRequests: 3, wantType: client.TypeUpstreamUnavailable},
		{name: "429 with a short Retry-After is waited for", replies: []func(http.ResponseWriter){rateLimited("0"), accountOK}, wantRequests: 2},
		{name: "429 with a Retry-After over 10 s is answered at once", replies: []func(http.ResponseWriter){rateLimited("60"), accountOK}, wantRequests: 1, wantType: client.TypeRateLimited},
		{name: "401 is not retried", replies: []func(http.ResponseWriter){status(401), accountOK}, wantRequests: 1, wantType: client.TypeUnauthenticated},
		{name: "400 is not retried", replies: []func(http.ResponseWriter){status(400), accountOK}, wantRequests: 1, wantType: client.TypeUpstreamError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, n := scripted(t, tt.replies...)
			_, err := client.GetAccount(testContext(t), retryingClient(srv.URL, fastRetry))
			assert.Equal(t, tt.wantRequests, n.Load())
			if tt.wantType == "" {
				require.NoError(t, err)
				return
			}
			var ce *client.Error
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, tt.wantType, ce.Type)
		})
	}
}

func TestMutationsAreNeverRetried(t *testing.T) {
	for _, reply := range []func(http.ResponseWriter){status(503), rateLimited("0")} {
		srv, n := scripted(t, reply, accountOK)
		_, err := client.DeletePost(testContext(t), retryingClient(srv.URL, fastRetry), "0123456789abcdef01234567")
		require.Error(t, err)
		assert.Equal(t, int32(1), n.Load())
	}
}

func TestRetryStopsBeforeTheCallersDeadlineWithBuffersError(t *testing.T) {
	srv, n := scripted(t, status(503), accountOK)
	slow := client.RetryPolicy{MaxAttempts: 3, MaxElapsed: 20 * time.Second, InitialInterval: 5 * time.Second, MaxRetryAfter: 10 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()

	_, err := client.GetAccount(ctx, retryingClient(srv.URL, slow))

	var ce *client.Error
	require.ErrorAs(t, err, &ce, "the caller gets Buffer's failure, not a context error")
	assert.Equal(t, client.TypeUpstreamUnavailable, ce.Type)
	assert.Equal(t, int32(1), n.Load(), "a retry that cannot finish before the deadline is not started")
	assert.NoError(t, ctx.Err(), "it returns before the deadline instead of waiting it out")
}

func TestRetryStopsWithinMaxElapsed(t *testing.T) {
	srv, n := scripted(t, status(503))
	p := client.RetryPolicy{MaxAttempts: 10, MaxElapsed: 50 * time.Millisecond, InitialInterval: 40 * time.Millisecond, MaxRetryAfter: time.Second}

	_, err := client.GetAccount(testContext(t), retryingClient(srv.URL, p))

	require.Error(t, err)
	assert.Less(t, n.Load(), int32(10), "MaxElapsed ends the retries before MaxAttempts")
}

func TestDefaultRetryIsSpecPolicy(t *testing.T) {
	assert.Equal(t, 3, client.DefaultRetry.MaxAttempts)
	assert.Equal(t, 20*time.Second, client.DefaultRetry.MaxElapsed)
	assert.Equal(t, 10*time.Second, client.DefaultRetry.MaxRetryAfter)
}
