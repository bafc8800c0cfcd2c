package e2e

// A client that tries to hold the HTTP transport open (issue 11, item 5): more 2025-era
// sessions and event streams than the cap, and streams for sessions that do not exist.

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const legacyInitialize = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"` + legacyEra +
	`","capabilities":{},"clientInfo":{"name":"holder","version":"0"}}}`

// postMCP sends one JSON-RPC message to /mcp and returns the answer, read whole.
func postMCP(t *testing.T, url, body string, header map[string]string) (*http.Response, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, string(b)
}

// openStream opens a 2025-era event stream (GET /mcp) for session id; the caller closes
// the answer's body, which ends the stream.
func openStream(t *testing.T, url, id string) *http.Response {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	require.NoError(t, err)
	req.Header.Set("Accept", "text/event-stream")
	req.Header.Set("MCP-Protocol-Version", legacyEra)
	if id != "" {
		req.Header.Set("Mcp-Session-Id", id)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// TestSessionsAndStreamsAreCapped: with --max-sessions 3, three 2025-era sessions are made
// and a fourth is refused 503 (stateless 2026-07-28 requests go on, uncounted); ending one
// makes room. A stream needs a live session (404 for a made-up id, 400 for none), and past
// three open streams the next is refused 503 until one closes. On main every session and
// every stream was accepted, made-up ids included, and sessions were kept 30 minutes.
func TestSessionsAndStreamsAreCapped(t *testing.T) {
	srv := startHTTP(t, sandboxEnv(), "http", "--max-sessions", "3")

	var ids []string
	for range 3 {
		resp, body := postMCP(t, srv.url, legacyInitialize, nil)
		require.Equal(t, http.StatusOK, resp.StatusCode, body)
		id := resp.Header.Get("Mcp-Session-Id")
		require.NotEmpty(t, id)
		ids = append(ids, id)
	}
	resp, body := postMCP(t, srv.url, legacyInitialize, nil)
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode, body)
	assert.NotEmpty(t, resp.Header.Get("Retry-After"))

	modern := `{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28",` +
		`"io.modelcontextprotocol/clientCapabilities":{},"io.modelcontextprotocol/clientInfo":{"name":"stateless","version":"0"}}}}`
	resp, body = postMCP(t, srv.url, modern, map[string]string{"MCP-Protocol-Version": "2026-07-28", "Mcp-Method": "tools/list"})
	assert.Equal(t, http.StatusOK, resp.StatusCode, "a stateless request holds no session: %s", body)

	resp, body = postMCP(t, srv.url, `{"jsonrpc":"2.0","id":3,"method":"tools/list"}`,
		map[string]string{"Mcp-Session-Id": ids[1], "MCP-Protocol-Version": legacyEra})
	assert.Equal(t, http.StatusOK, resp.StatusCode, "a call in a live session: %s", body)

	del, err := http.NewRequestWithContext(t.Context(), http.MethodDelete, srv.url, nil)
	require.NoError(t, err)
	del.Header.Set("Mcp-Session-Id", ids[0])
	del.Header.Set("MCP-Protocol-Version", legacyEra)
	delResp, err := http.DefaultClient.Do(del)
	require.NoError(t, err)
	delResp.Body.Close()
	require.Equal(t, http.StatusOK, delResp.StatusCode)
	resp, body = postMCP(t, srv.url, `{"jsonrpc":"2.0","id":4,"method":"tools/list"}`,
		map[string]string{"Mcp-Session-Id": ids[0], "MCP-Protocol-Version": legacyEra})
	assert.Equal(t, http.StatusNotFound, resp.StatusCode, "a session that ended: %s", body)
	resp, body = postMCP(t, srv.url, legacyInitialize, nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, "the place of the session that ended: %s", body)
	ids[0] = resp.Header.Get("Mcp-Session-Id")

	assert.Equal(t, http.StatusNotFound, openStream(t, srv.url, "mcp-session-1b4e28ba-2fa1-11d2-883f-0016d3cca427").StatusCode, "a made-up session")
	assert.Equal(t, http.StatusBadRequest, openStream(t, srv.url, "").StatusCode, "no session")

	var streams []*http.Response
	for _, id := range ids {
		s := openStream(t, srv.url, id)
		require.Equal(t, http.StatusOK, s.StatusCode)
		streams = append(streams, s)
	}
	refused := openStream(t, srv.url, ids[2])
	assert.Equal(t, http.StatusServiceUnavailable, refused.StatusCode, "a fourth stream")

	require.NoError(t, streams[0].Body.Close())
	deadline := time.Now().Add(stepTimeout)
	for {
		s := openStream(t, srv.url, ids[2])
		if s.StatusCode == http.StatusOK {
			break
		}
		require.Equal(t, http.StatusServiceUnavailable, s.StatusCode)
		require.True(t, time.Now().Before(deadline), "the closed stream's place never came back")
		time.Sleep(20 * time.Millisecond)
	}
}
