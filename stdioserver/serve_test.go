package stdioserver

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
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
		done <- Serve(t.Context(), srv, inR, out, slog.New(slog.DiscardHandler))
	}()
	return inW, out, done
}

func waitDone(t *testing.T, done <-chan error) {
	t.Helper()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after stdin closed")
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

func TestCanonicalID(t *testing.T) {
	for raw, want := range map[string]string{
		`1`: `1`, `-7`: `-7`, `"ab"`: `"ab"`, `"a\u0062"`: `"ab"`, ` 12 `: `12`,
		`null`: ``, `1.5`: ``, `1e3`: ``, `true`: ``, `{"a":1}`: ``, `[1]`: ``, `{bad`: ``, ``: ``,
	} {
		assert.Equal(t, want, string(canonicalID(json.RawMessage(raw))), "%s", raw)
	}
}
