package e2e

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The two protocol eras a server must serve (reference/mcp-notes.md §1).
const (
	modernEra = "2026-07-28"
	legacyEra = "2025-11-25"
)

// startMCPGo runs the binary under mcp-go's stdio client and initializes it in the given
// era: modernEra probes with server/discover, legacyEra sends `initialize`.
func startMCPGo(t *testing.T, env []string, era string, args ...string) (*mcpclient.Client, *testkit.SyncBuffer) {
	t.Helper()
	stderr := &testkit.SyncBuffer{}
	c, err := mcpclient.NewStdioMCPClientWithOptions(binPath, env, args,
		transport.WithCommandFunc(func(_ context.Context, command string, env, args []string) (*exec.Cmd, error) {
			cmd := exec.Command(command, args...)
			cmd.Env = env // exactly env: nothing of the test's own environment
			cmd.Stderr = stderr
			return cmd, nil
		}))
	require.NoError(t, err)
	t.Cleanup(func() {
		closed := make(chan error, 1)
		go func() { closed <- c.Close() }()
		select {
		case err := <-closed:
			assert.NoError(t, err, "the server should exit cleanly when the client closes; stderr: %s", stderr)
		case <-time.After(stepTimeout):
			t.Errorf("closing the stdio client hung")
		}
		assertNoRace(t, stderr.String())
	})

	ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
	defer cancel()
	require.NoError(t, c.Start(ctx))
	req := mcp.InitializeRequest{}
	req.Params.ClientInfo = mcp.Implementation{Name: "buffer-mcp-e2e", Version: "0"}
	if era == legacyEra {
		req.Params.ProtocolVersion = legacyEra
	}
	_, err = c.Initialize(ctx, req)
	require.NoError(t, err, "initialize; stderr: %s", stderr)
	require.Equal(t, era, c.ProtocolVersion())
	return c, stderr
}

// callTool calls one tool under a timeout; a protocol error fails the test.
func callTool(t *testing.T, c *mcpclient.Client, name string, args map[string]any) *mcp.CallToolResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
	defer cancel()
	req := mcp.CallToolRequest{}
	req.Params.Name = name
	req.Params.Arguments = args
	res, err := c.CallTool(ctx, req)
	require.NoError(t, err, "tools/call %s", name)
	return res
}

// decode turns a result's structured content into v.
func decode(t *testing.T, structured any, v any) {
	t.Helper()
	require.NotNil(t, structured, "the result has no structuredContent")
	b, err := json.Marshal(structured)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, v), "structuredContent: %s", b)
}

// offered names the tools a server with the selection sel offers, from the catalog.
func offered(t *testing.T, sel tools.Selection) []string {
	t.Helper()
	ts, err := tools.New(tools.Deps{}).Select(sel)
	require.NoError(t, err)
	names := make([]string, len(ts))
	for i, tool := range ts {
		names[i] = tool.Definition.Name
	}
	return names
}

// snapshot is a tool's reviewed definition, as tools/testdata/snapshots holds it.
func snapshot(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "tools", "testdata", "snapshots", name+".json"))
	require.NoError(t, err, "the snapshot of %s", name)
	return string(b)
}

// assertListedAsSnapshot checks that a tool as a client listed it (got, re-marshalled) is
// its reviewed snapshot. Clients may write an absent "required" as [] when they marshal a
// schema again: both mean the same, so empty lists are dropped before comparing.
func assertListedAsSnapshot(t *testing.T, name string, got []byte) {
	t.Helper()
	var want, have any
	require.NoError(t, json.Unmarshal([]byte(snapshot(t, name)), &want))
	require.NoError(t, json.Unmarshal(got, &have))
	assert.Equal(t, dropEmptyLists(want), dropEmptyLists(have), "%s as listed", name)
}

func dropEmptyLists(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			if l, ok := e.([]any); ok && len(l) == 0 {
				delete(v, k)
				continue
			}
			v[k] = dropEmptyLists(e)
		}
	case []any:
		for i, e := range v {
			v[i] = dropEmptyLists(e)
		}
	}
	return v
}

// okResult decodes a successful result into v, failing with its text when it is an error.
func okResult(t *testing.T, res *mcp.CallToolResult, v any) {
	t.Helper()
	require.False(t, res.IsError, "unexpected error result: %s", testkit.Text(res))
	decode(t, res.StructuredContent, v)
}

// startSDK runs the binary under the official Go SDK's CommandTransport.
func startSDK(t *testing.T, env []string, args ...string) *sdk.ClientSession {
	t.Helper()
	return connectSDK(t, env, nil, args...)
}

// connectSDK runs the binary under the official Go SDK's CommandTransport, with opts, and
// closes the session (within a bound) when the test ends.
func connectSDK(t *testing.T, env []string, opts *sdk.ClientSessionOptions, args ...string) *sdk.ClientSession {
	t.Helper()
	stderr := &testkit.SyncBuffer{}
	cmd := exec.Command(binPath, args...)
	cmd.Env = env
	cmd.Stderr = stderr
	ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
	defer cancel()
	c := sdk.NewClient(&sdk.Implementation{Name: "buffer-mcp-e2e-sdk", Version: "0"}, nil)
	cs, err := c.Connect(ctx, &sdk.CommandTransport{Command: cmd, TerminateDuration: stepTimeout}, opts)
	require.NoError(t, err, "connect; stderr: %s", stderr)
	t.Cleanup(func() {
		closed := make(chan error, 1)
		go func() { closed <- cs.Close() }()
		select {
		case err := <-closed:
			assert.NoError(t, err, "stderr: %s", stderr)
		case <-time.After(2 * stepTimeout):
			t.Errorf("closing the SDK session hung")
		}
		assertNoRace(t, stderr.String())
	})
	return cs
}

// Result shapes of SPEC §3, as a client reads them.
type (
	organization struct {
		ID           string `json:"id"`
		Name         string `json:"name"`
		ChannelCount int    `json:"channelCount"`
	}
	accountResult struct {
		Account struct {
			ID          string `json:"id"`
			Email       string `json:"email"`
			Name        string `json:"name"`
			Timezone    string `json:"timezone"`
			CurrentTime string `json:"currentTime"`
		} `json:"account"`
		Organizations []organization `json:"organizations"`
	}
	channel struct {
		ID              string `json:"id"`
		Name            string `json:"name"`
		DisplayName     string `json:"displayName"`
		Service         string `json:"service"`
		Timezone        string `json:"timezone"`
		IsQueuePaused   *bool  `json:"isQueuePaused"`
		IsDisconnected  *bool  `json:"isDisconnected"`
		IsLocked        *bool  `json:"isLocked"`
		OrganizationID  string `json:"organizationId"`
		PostingSchedule []struct {
			Day    string   `json:"day"`
			Times  []string `json:"times"`
			Paused bool     `json:"paused"`
		} `json:"postingSchedule"`
	}
	post struct {
		ID             string `json:"id"`
		ChannelID      string `json:"channelId"`
		ChannelService string `json:"channelService"`
		Status         string `json:"status"`
		Text           string `json:"text"`
		DueAt          string `json:"dueAt"`
		DueAtLocal     string `json:"dueAtLocal"`
		Timezone       string `json:"timezone"`
		SentAt         string `json:"sentAt"`
		CreatedAt      string `json:"createdAt"`
		ShareMode      string `json:"shareMode"` // get_post's
	}
	postsResult struct {
		Posts    []post `json:"posts"`
		PageInfo *struct {
			HasNextPage bool   `json:"hasNextPage"`
			EndCursor   string `json:"endCursor"`
		} `json:"pageInfo"`
		DryRun bool `json:"dryRun"`
		Failed []struct {
			ChannelID string          `json:"channelId"`
			Error     tools.ErrorInfo `json:"error"`
		} `json:"failed"`
	}
)
