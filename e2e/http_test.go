package e2e

// End-to-end tests of the HTTP transports: the real binary serving Streamable HTTP (/mcp)
// or legacy HTTP+SSE (/sse, /message) on a loopback port, driven by mcp-go's HTTP and SSE
// clients and the official Go SDK client, and probed with raw requests for every guard.

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const httpToken = "e2e-http-token-7f3a"

// httpProc is a running `buffer-mcp --transport http|sse`.
type httpProc struct {
	*listening        // url is the endpoint: .../mcp or .../sse
	base       string // http://127.0.0.1:PORT
}

// startHTTP runs the binary with the given transport on a free loopback port and returns
// once it has printed its endpoint. It must exit 0 on SIGTERM when the test ends.
func startHTTP(t *testing.T, env []string, transportName string, args ...string) *httpProc {
	t.Helper()
	l := startListening(t, env, append([]string{"--transport", transportName, "--addr", "127.0.0.1:0"}, args...)...)
	return &httpProc{listening: l, base: l.url[:strings.LastIndex(l.url, "/")]}
}

func sandboxEnv(extra ...string) []string {
	return baseEnv(append([]string{"BUFFER_MCP_SANDBOX=1"}, extra...)...)
}

// initialize starts c and initializes it in era.
func initialize(t *testing.T, c *mcpclient.Client, era string) {
	t.Helper()
	// The legacy SSE stream lives as long as Start's context: the test's, not one step's.
	require.NoError(t, c.Start(t.Context()))
	ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
	defer cancel()
	req := mcp.InitializeRequest{}
	req.Params.ClientInfo = mcp.Implementation{Name: "buffer-mcp-e2e-http", Version: "0"}
	if era == legacyEra {
		req.Params.ProtocolVersion = legacyEra
	}
	_, err := c.Initialize(ctx, req)
	require.NoError(t, err)
	require.Equal(t, era, c.ProtocolVersion())
	t.Cleanup(func() { _ = c.Close() })
}

func streamableClient(t *testing.T, url string, headers map[string]string, era string) *mcpclient.Client {
	t.Helper()
	c, err := mcpclient.NewStreamableHttpClient(url, transport.WithHTTPHeaders(headers))
	require.NoError(t, err)
	initialize(t, c, era)
	return c
}

func sseClient(t *testing.T, url string, headers map[string]string) *mcpclient.Client {
	t.Helper()
	c, err := mcpclient.NewSSEMCPClient(url, transport.WithHeaders(headers))
	require.NoError(t, err)
	initialize(t, c, legacyEra)
	return c
}

func listToolNames(t *testing.T, c *mcpclient.Client) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
	defer cancel()
	res, err := c.ListTools(ctx, mcp.ListToolsRequest{})
	require.NoError(t, err)
	var names []string
	for _, tool := range res.Tools {
		names = append(names, tool.Name)
	}
	return names
}

func TestStreamableHTTPServesBothErasWithMCPGo(t *testing.T) {
	srv := startHTTP(t, sandboxEnv("BUFFER_MCP_HTTP_TOKEN="+httpToken), "http")
	auth := map[string]string{"Authorization": "Bearer " + httpToken}
	for _, era := range []string{modernEra, legacyEra} {
		t.Run(era, func(t *testing.T) {
			c := streamableClient(t, srv.url, auth, era)
			assert.ElementsMatch(t, offered(t, tools.Selection{}), listToolNames(t, c))

			var got postsResult
			okResult(t, callTool(t, c, "list_posts", map[string]any{"status": []string{"scheduled"}, "first": 3}), &got)
			require.Len(t, got.Posts, 3)
			for _, p := range got.Posts {
				assert.Equal(t, "scheduled", p.Status)
			}

			e := testkit.ToolError(t, callTool(t, c, "get_post", map[string]any{"postId": "nope"}))
			assert.Equal(t, "InvalidArguments", e.Type)
			assert.Equal(t, "postId", e.Field)
		})
	}
}

// bearer adds the server's token to every request of the SDK client.
type bearer struct{ base http.RoundTripper }

func (b bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+httpToken)
	return b.base.RoundTrip(r)
}

func TestStreamableHTTPServesTheOfficialGoSDKClient(t *testing.T) {
	srv := startHTTP(t, sandboxEnv("BUFFER_MCP_HTTP_TOKEN="+httpToken), "http")
	ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
	defer cancel()
	c := sdk.NewClient(&sdk.Implementation{Name: "buffer-mcp-e2e-sdk-http", Version: "0"}, nil)
	cs, err := c.Connect(ctx, &sdk.StreamableClientTransport{
		Endpoint:   srv.url,
		HTTPClient: &http.Client{Transport: bearer{http.DefaultTransport}},
	}, nil)
	require.NoError(t, err, "stderr: %s", srv.stderr)
	defer cs.Close()

	var names []string
	for tool, err := range cs.Tools(ctx, nil) {
		require.NoError(t, err)
		names = append(names, tool.Name)
	}
	assert.ElementsMatch(t, offered(t, tools.Selection{}), names)

	res, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: "get_account", Arguments: map[string]any{}})
	require.NoError(t, err)
	require.False(t, res.IsError)
	var got accountResult
	decode(t, res.StructuredContent, &got)
	assert.NotEmpty(t, got.Account.Email)
	assert.Len(t, got.Organizations, 1)
}

func TestLegacySSEServesAnOlderClient(t *testing.T) {
	srv := startHTTP(t, sandboxEnv("BUFFER_MCP_HTTP_TOKEN="+httpToken), "sse")
	require.True(t, strings.HasSuffix(srv.url, "/sse"))
	c := sseClient(t, srv.url, map[string]string{"Authorization": "Bearer " + httpToken})
	assert.ElementsMatch(t, offered(t, tools.Selection{}), listToolNames(t, c))

	var got struct {
		Channels []channel `json:"channels"`
	}
	okResult(t, callTool(t, c, "list_channels", map[string]any{}), &got)
	assert.NotEmpty(t, got.Channels)
}

// rawPost sends one JSON-RPC initialize to url with the given headers and returns the status.
func rawRequest(t *testing.T, method, url string, headers map[string]string, body string) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, url, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	for k, v := range headers {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	return resp.StatusCode
}

const initializeBody = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"0"}}}`

// TestHTTPGuardsRejectUnsafeRequests runs each rejection of SPEC §5 against both transports.
// Each case's control (the same request made acceptable) must pass, so that a 403 or 401
// is known to come from the guard under test and not from something else.
func TestHTTPGuardsRejectUnsafeRequests(t *testing.T) {
	auth := "Bearer " + httpToken
	for _, tr := range []struct{ name, post, get string }{
		{name: "http", post: "/mcp"},
		{name: "sse", post: "/message?sessionId=none", get: "/sse"},
	} {
		t.Run(tr.name, func(t *testing.T) {
			srv := startHTTP(t, sandboxEnv("BUFFER_MCP_HTTP_TOKEN="+httpToken), tr.name)
			post := srv.base + tr.post
			cases := []struct {
				name    string
				method  string
				url     string
				headers map[string]string
				body    string
				want    int
			}{
				{"foreign Origin", "POST", post, map[string]string{"Authorization": auth, "Origin": "https://evil.example"}, initializeBody, http.StatusForbidden},
				{"foreign Host", "POST", post, map[string]string{"Authorization": auth, "Host": "evil.example"}, initializeBody, http.StatusForbidden},
				{"missing token", "POST", post, nil, initializeBody, http.StatusUnauthorized},
				{"wrong token", "POST", post, map[string]string{"Authorization": "Bearer not-it"}, initializeBody, http.StatusUnauthorized},
				{"oversized body", "POST", post, map[string]string{"Authorization": auth}, `{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":"` + strings.Repeat("x", 1<<20) + `"}}`, http.StatusRequestEntityTooLarge},
			}
			if tr.get != "" {
				cases = append(cases, struct {
					name    string
					method  string
					url     string
					headers map[string]string
					body    string
					want    int
				}{"foreign Origin on the event stream", "GET", srv.base + tr.get, map[string]string{"Authorization": auth, "Origin": "https://evil.example"}, "", http.StatusForbidden})
			}
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					assert.Equal(t, c.want, rawRequest(t, c.method, c.url, c.headers, c.body))
				})
			}
			if tr.name == "http" {
				t.Run("control: a proper request is accepted", func(t *testing.T) {
					assert.Equal(t, http.StatusOK, rawRequest(t, "POST", post, map[string]string{"Authorization": auth, "Origin": srv.base}, initializeBody))
				})
			}
		})
	}
}

func TestHTTPWithoutTokenNeedsNone(t *testing.T) {
	srv := startHTTP(t, sandboxEnv(), "http")
	assert.Equal(t, http.StatusOK, rawRequest(t, "POST", srv.url, nil, initializeBody))
}

func TestReadOnlyAndAllowListHoldOnEveryTransport(t *testing.T) {
	auth := map[string]string{"Authorization": "Bearer " + httpToken}
	connect := map[string]func(t *testing.T, env []string, args ...string) *mcpclient.Client{
		"stdio": func(t *testing.T, env []string, args ...string) *mcpclient.Client {
			c, _ := startMCPGo(t, env, modernEra, args...)
			return c
		},
		"http": func(t *testing.T, env []string, args ...string) *mcpclient.Client {
			return streamableClient(t, startHTTP(t, env, "http", args...).url, auth, modernEra)
		},
		"sse": func(t *testing.T, env []string, args ...string) *mcpclient.Client {
			return sseClient(t, startHTTP(t, env, "sse", args...).url, auth)
		},
	}
	for name, open := range connect {
		t.Run(name, func(t *testing.T) {
			env := sandboxEnv("BUFFER_MCP_HTTP_TOKEN=" + httpToken)

			ro := open(t, env, "--read-only")
			assert.ElementsMatch(t, offered(t, tools.Selection{ReadOnly: true}), listToolNames(t, ro))
			assertNotCallable(t, ro, "create_post")

			allow := open(t, env, "--tools", "list_posts,delete_post")
			assert.ElementsMatch(t, []string{"delete_post", "list_posts"}, listToolNames(t, allow))
			assertNotCallable(t, allow, "get_account")
		})
	}
}

// assertNotCallable checks that calling a tool that is not offered is a protocol error,
// and so never reaches Buffer.
func assertNotCallable(t *testing.T, c *mcpclient.Client, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
	defer cancel()
	req := mcp.CallToolRequest{}
	req.Params.Name = name
	req.Params.Arguments = map[string]any{"channelId": "0123456789abcdef01234567", "text": "x", "dryRun": true}
	_, err := c.CallTool(ctx, req)
	require.Error(t, err, "%s must not be callable", name)
	assert.Contains(t, err.Error(), "not found")
}
