package e2e

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"
)

// stallingBuffer is a Buffer that never answers: it reports each request's arrival, holds
// it until the server under test gives up on it, and reports that too.
func stallingBuffer(t *testing.T) (url string, arrived, abandoned chan struct{}) {
	t.Helper()
	arrived, abandoned = make(chan struct{}, 8), make(chan struct{}, 8)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Read the whole request first: only then does net/http watch the connection, so
		// that the request's context ends when the client goes away.
		_, _ = io.Copy(io.Discard, r.Body)
		arrived <- struct{}{}
		select {
		case <-r.Context().Done():
			abandoned <- struct{}{}
		case <-time.After(stepTimeout):
		}
	}))
	t.Cleanup(srv.Close)
	return srv.URL, arrived, abandoned
}

// cancelMidCall starts list_posts, waits until its request reaches Buffer, cancels the call
// on the client side, and requires the request to Buffer to be abandoned.
func cancelMidCall(t *testing.T, c *mcpclient.Client, arrived, abandoned chan struct{}) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		req := mcp.CallToolRequest{}
		req.Params.Name = "list_posts"
		req.Params.Arguments = map[string]any{"organizationId": "0123456789abcdef01234567"}
		_, err := c.CallTool(ctx, req)
		done <- err
	}()
	select {
	case <-arrived:
	case <-time.After(stepTimeout):
		t.Fatal("the request never reached Buffer")
	}
	cancel()
	select {
	case <-abandoned:
	case <-time.After(stepTimeout):
		t.Fatal("cancelling the call did not cancel the request to Buffer")
	}
	select {
	case err := <-done:
		require.Error(t, err, "the cancelled call ends with the client's context error")
	case <-time.After(stepTimeout):
		t.Fatal("the cancelled call did not return")
	}
}

func TestCancellingAStdioCallCancelsTheRequestToBuffer(t *testing.T) {
	url, arrived, abandoned := stallingBuffer(t)
	c, _ := startMCPGo(t, baseEnv("BUFFER_API_URL="+url, "BUFFER_API_KEY="+sandboxKey), modernEra)
	cancelMidCall(t, c, arrived, abandoned) // notifications/cancelled
}

func TestAnHTTPClientGoingAwayCancelsTheRequestToBuffer(t *testing.T) {
	url, arrived, abandoned := stallingBuffer(t)
	srv := startHTTP(t, baseEnv("BUFFER_API_URL="+url, "BUFFER_API_KEY="+sandboxKey), "http")
	c := streamableClient(t, srv.url, nil, modernEra)
	cancelMidCall(t, c, arrived, abandoned)
}
