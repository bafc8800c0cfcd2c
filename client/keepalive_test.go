package client_test

import (
	"compress/gzip"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

const accountAnswer = `{"data":{"account":{"id":"a1","email":"a@example.com","name":"A","timezone":"UTC","organizations":[]}}}`

// Consecutive calls share one TCP connection to Buffer: the client reads every
// answer to its end and closes it, so the transport keeps the connection for the next.
func TestConsecutiveCallsShareOneConnection(t *testing.T) {
	var mu sync.Mutex
	opened := 0
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, accountAnswer)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			mu.Lock()
			opened++
			mu.Unlock()
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	c := newClient(srv.URL) // http.DefaultTransport, as in production
	for range 5 {
		_, err := client.GetAccount(testContext(t), c)
		require.NoError(t, err)
	}
	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, 1, opened, "five calls opened %d connections", opened)
}

// The client asks for gzip and decodes a gzipped answer: Go's transport does
// both, as long as nothing sets Accept-Encoding by hand.
func TestGzippedAnswersAreAskedForAndDecoded(t *testing.T) {
	var asked string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		asked = r.Header.Get("Accept-Encoding")
		w.Header().Set("Content-Type", "application/json")
		if !strings.Contains(asked, "gzip") {
			_, _ = io.WriteString(w, accountAnswer)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		_, _ = io.WriteString(gz, accountAnswer)
		_ = gz.Close()
	}))
	t.Cleanup(srv.Close)
	c := newClient(srv.URL) // http.DefaultTransport, as in production
	resp, err := client.GetAccount(testContext(t), c)
	require.NoError(t, err)
	assert.Contains(t, asked, "gzip", "the client did not ask for gzip")
	assert.Equal(t, "a@example.com", resp.Account.Email)
}
