package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// blockingServer has one tool, "wait", that returns only when released or cancelled.
func blockingServer(release <-chan struct{}, started chan<- struct{}) *server.MCPServer {
	s := server.NewMCPServer("test", "0")
	s.AddTool(mcp.NewTool("wait"), func(ctx context.Context, _ mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		started <- struct{}{}
		select {
		case <-release:
			return mcp.NewToolResultText("released"), nil
		case <-ctx.Done():
			return mcp.NewToolResultText("cancelled"), nil
		}
	})
	return s
}

const (
	initLine = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"0"}}}` + "\n" +
		`{"jsonrpc":"2.0","method":"notifications/initialized"}` + "\n"
	waitCall = `{"jsonrpc":"2.0","id":"w","method":"tools/call","params":{"name":"wait","arguments":{}}}` + "\n"
)

// serveInMemory runs serveStdio on pipes and returns the writer to its stdin, its whole
// stdout once it returns, and a channel that yields when it has returned.
func serveInMemory(t *testing.T, srv *server.MCPServer) (io.WriteCloser, *testkit.SyncBuffer, <-chan error) {
	t.Helper()
	inR, inW := io.Pipe()
	out := &testkit.SyncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- serveStdio(t.Context(), srv, inR, out, slog.New(slog.DiscardHandler))
	}()
	return inW, out, done
}

func waitDone(t *testing.T, done <-chan error) {
	t.Helper()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("serveStdio did not return after stdin closed")
	}
}

func TestStdioAnswersInFlightRequestsBeforeExiting(t *testing.T) {
	release, started := make(chan struct{}), make(chan struct{}, 1)
	in, out, done := serveInMemory(t, blockingServer(release, started))
	_, err := io.WriteString(in, initLine+waitCall)
	require.NoError(t, err)
	<-started
	require.NoError(t, in.Close())
	close(release)
	waitDone(t, done)
	assert.Contains(t, out.String(), `"released"`, "the call in flight was answered, not cancelled")
}

func TestStdioExitsWhenAnInFlightRequestIsCancelled(t *testing.T) {
	release, started := make(chan struct{}), make(chan struct{}, 1)
	defer close(release)
	in, _, done := serveInMemory(t, blockingServer(release, started))
	_, err := io.WriteString(in, initLine+waitCall)
	require.NoError(t, err)
	<-started
	_, err = io.WriteString(in, `{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"w"}}`+"\n")
	require.NoError(t, err)
	require.NoError(t, in.Close())
	start := time.Now()
	waitDone(t, done)
	assert.Less(t, time.Since(start), drainTimeout/2, "no wait for an answer that will not come")
}

func TestIDKey(t *testing.T) {
	assert.Equal(t, idKey([]byte(`1`)), idKey([]byte(`1.0`)))
	assert.Equal(t, idKey([]byte(`"ab"`)), idKey([]byte(`"a\u0062"`)))
	assert.NotEqual(t, idKey([]byte(`1`)), idKey([]byte(`"1"`)))
	assert.True(t, strings.HasPrefix(idKey([]byte(`{bad`)), "{"))
}

func TestAnswerIDAgreesWithDecodingTheWholeMessage(t *testing.T) {
	// answerID stops reading early; whatever it answers must be what decoding the whole
	// message finds.
	whole := func(p []byte) (json.RawMessage, bool) {
		var m envelope
		if json.Unmarshal(p, &m) == nil && m.Method == "" && len(m.ID) > 0 && (m.Result != nil || m.Error != nil) {
			return m.ID, true
		}
		return nil, false
	}
	long := `{"content":[{"type":"text","text":"` + strings.Repeat("x", 10000) + `"}]}`
	msgs := []string{
		`{"jsonrpc":"2.0","id":7,"result":` + long + `}`,
		`{"jsonrpc":"2.0","id":"a b","result":{}}`,
		`{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"no"}}`,
		`{"jsonrpc":"2.0","result":{"x":[1,{"id":2}]},"id":{"k":1}}`, // id after the result
		`{"jsonrpc":"2.0","id":4,"method":"elicitation/create","params":{}}`,
		`{"jsonrpc":"2.0","method":"notifications/progress","params":{"id":1,"result":2}}`,
		`{"jsonrpc":"2.0","id":5}`,
		`{"jsonrpc":"2.0","result":{}}`,
		`{"jsonrpc":"2.0","id":null,"result":{}}`,
		`[1,2]`,
		`not json`,
		``,
	}
	for _, m := range msgs {
		wantID, wantOK := whole([]byte(m))
		gotID, gotOK := answerID([]byte(m))
		assert.Equal(t, wantOK, gotOK, "%.80s", m)
		if wantOK {
			assert.Equal(t, idKey(wantID), idKey(gotID), "%.80s", m)
		}
	}
}
