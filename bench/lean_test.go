package bench

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recordingTransport keeps the tools/call requests that pass through it.
type recordingTransport struct {
	mu     sync.Mutex
	calls  []*http.Request
	bodies [][]byte
}

func (rt *recordingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if r.Header.Get(mcp.HeaderMethod) == string(mcp.MethodToolsCall) {
		rt.mu.Lock()
		rt.calls, rt.bodies = append(rt.calls, r), append(rt.bodies, body)
		rt.mu.Unlock()
	}
	return http.DefaultTransport.RoundTrip(r)
}

func TestLeanRequestIsWhatMCPGoSends(t *testing.T) {
	url := serveInProcess(t, "http")
	rec := &recordingTransport{}
	c, err := mcpclient.NewStreamableHttpClient(url, transport.WithHTTPBasicClient(&http.Client{Transport: rec}))
	require.NoError(t, err)
	defer c.Close()
	require.NoError(t, initialize(t.Context(), c))
	require.NoError(t, MCPGo{c}.CallTool(t.Context(), ListPosts20))
	require.Len(t, rec.calls, 1)

	lean := &leanClient{url: url, http: http.DefaultClient, id: 41}
	got, err := lean.request(t.Context(), ListPosts20)
	require.NoError(t, err)
	gotBody, err := io.ReadAll(got.Body)
	require.NoError(t, err)

	want := rec.calls[0]
	for _, h := range []string{"Content-Type", "Accept", mcp.HeaderProtocolVersion, mcp.HeaderMethod, mcp.HeaderName} {
		assert.Equal(t, want.Header.Values(h), got.Header.Values(h), "header %s", h)
	}
	for h := range got.Header {
		assert.NotEmpty(t, want.Header.Values(h), "mcp-go does not send %s", h)
	}
	assert.Equal(t, want.Method, got.Method)
	var wantMsg, gotMsg map[string]any
	require.NoError(t, json.Unmarshal(rec.bodies[0], &wantMsg))
	require.NoError(t, json.Unmarshal(gotBody, &gotMsg))
	assert.Equal(t, 42.0, gotMsg["id"], "each call has its own id")
	delete(wantMsg, "id")
	delete(gotMsg, "id")
	assert.Equal(t, wantMsg, gotMsg)
}

func TestLeanClientsMakeTheCallsAskedForAndCountFailures(t *testing.T) {
	url := serveInProcess(t, "http")
	clients := ConnectLean(url, 3)
	defer CloseAll(clients)

	res := RunLoad(t.Context(), clients, ListPosts20, Limit{Calls: 10, Duration: time.Minute})
	require.NoError(t, res.FirstErr)
	assert.Equal(t, 10, res.Calls)
	assert.Len(t, res.Latencies, 10)

	bad := Call{Tool: "get_post", Args: map[string]any{"postId": "nope"}}
	res = RunLoad(t.Context(), clients, bad, Limit{Calls: 2, Duration: time.Minute})
	assert.Zero(t, res.Calls)
	assert.Equal(t, 2, res.Failed)
	assert.ErrorContains(t, res.FirstErr, "isError")

	unknown := Call{Tool: "no_such_tool", Args: map[string]any{}}
	res = RunLoad(t.Context(), clients, unknown, Limit{Calls: 1, Duration: time.Minute})
	assert.Equal(t, 1, res.Failed, "a JSON-RPC error is a failure")
}

func TestLeanClientsKeepTheirConnection(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	counting := &countingListener{Listener: ln}
	url := serveOn(t, counting, "http")
	clients := ConnectLean(url, 1)
	defer CloseAll(clients)

	res := RunLoad(t.Context(), clients, ListPosts20, Limit{Calls: 10, Duration: time.Minute})
	require.Equal(t, 10, res.Calls, "%v", res.FirstErr)
	assert.Equal(t, int64(1), counting.accepted.Load())
}
