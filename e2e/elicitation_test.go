package e2e

// Publishing now, end to end (SPEC §3): the real binary against the sandbox,
// driven by real clients whose elicitation handler plays the person. A client that can ask
// is asked, in both protocol eras (2026-07-28 multi round-trip requests; 2025-era
// elicitation/create), over stdio and Streamable HTTP, with mcp-go's client and the
// official Go SDK's; "yes" publishes (the sandbox has the post, status sent) and "no"
// leaves no post. A client that cannot ask (no handler, or legacy SSE, whose sessions
// cannot carry elicitation/create) gets InvalidArguments naming confirmPublishNow.

import (
	"context"
	"fmt"
	"net/http"
	"os/exec"
	"strings"
	"sync"
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

// confirmer is the person at the client: answers each question with the current answer,
// and remembers what they were asked.
type confirmer struct {
	mu     sync.Mutex
	action string // accept (with confirm: true), decline or cancel
	asked  []string
}

func (c *confirmer) answer(action string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.action = action
}

func (c *confirmer) record(message string) (action string, content map[string]any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.asked = append(c.asked, message)
	if c.action == "accept" {
		return c.action, map[string]any{"confirm": true}
	}
	return c.action, nil
}

// questions returns what was asked since the last call.
func (c *confirmer) questions() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	q := c.asked
	c.asked = nil
	return q
}

// Elicit is mcp-go's client.ElicitationHandler.
func (c *confirmer) Elicit(_ context.Context, req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
	action, content := c.record(req.Params.Message)
	return &mcp.ElicitationResult{ElicitationResponse: mcp.ElicitationResponse{
		Action: mcp.ElicitationResponseAction(action), Content: content}}, nil
}

// elicitSDK is the official SDK's ClientOptions.ElicitationHandler.
func (c *confirmer) elicitSDK(_ context.Context, req *sdk.ElicitRequest) (*sdk.ElicitResult, error) {
	action, content := c.record(req.Params.Message)
	return &sdk.ElicitResult{Action: action, Content: content}, nil
}

// outcome is a tool result as any of the clients reads it.
type outcome struct {
	isError    bool
	structured any
	text       string
}

// caller calls one tool under a timeout; a protocol error fails the test.
type caller func(t *testing.T, name string, args map[string]any) outcome

func mcpGoCaller(c *mcpclient.Client) caller {
	return func(t *testing.T, name string, args map[string]any) outcome {
		t.Helper()
		res := callTool(t, c, name, args)
		return outcome{isError: res.IsError, structured: res.StructuredContent, text: testkit.Text(res)}
	}
}

func sdkCaller(cs *sdk.ClientSession) caller {
	return func(t *testing.T, name string, args map[string]any) outcome {
		t.Helper()
		ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
		defer cancel()
		res, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: name, Arguments: args})
		require.NoError(t, err, "tools/call %s", name)
		out := outcome{isError: res.IsError, structured: res.StructuredContent}
		if len(res.Content) > 0 {
			if tc, ok := res.Content[0].(*sdk.TextContent); ok {
				out.text = tc.Text
			}
		}
		return out
	}
}

func (o outcome) ok(t *testing.T, v any) {
	t.Helper()
	require.False(t, o.isError, "unexpected error result: %s", o.text)
	decode(t, o.structured, v)
}

func (o outcome) err(t *testing.T) tools.ErrorInfo {
	t.Helper()
	require.True(t, o.isError, "expected an error result, got: %s", o.text)
	var out struct {
		Error *tools.ErrorInfo `json:"error"`
	}
	decode(t, o.structured, &out)
	require.NotNil(t, out.Error, "an error result carries structuredContent.error")
	return *out.Error
}

// openChannels are the sandbox's channels that can publish: not paused, disconnected or
// locked.
func openChannels(t *testing.T, call caller) []channel {
	t.Helper()
	var got struct{ Channels []channel }
	call(t, "list_channels", map[string]any{}).ok(t, &got)
	var open []channel
	for _, ch := range got.Channels {
		if !*ch.IsQueuePaused && !*ch.IsDisconnected && !*ch.IsLocked {
			open = append(open, ch)
		}
	}
	require.GreaterOrEqual(t, len(open), 2, "the sandbox seed has channels that can publish")
	return open
}

// postsWithText lists the channel's posts (newest first) that have the text.
func postsWithText(t *testing.T, call caller, channelID, text string) []post {
	t.Helper()
	var got postsResult
	call(t, "list_posts", map[string]any{"channelIds": []string{channelID}, "sort": "createdAt_desc", "first": 100}).ok(t, &got)
	var out []post
	for _, p := range got.Posts {
		if p.Text == text {
			out = append(out, p)
		}
	}
	return out
}

// confirmedPublishing runs the whole story with a client that can ask: yes publishes, no
// sends nothing, for create_post on one and several channels and for edit_post.
func confirmedPublishing(t *testing.T, call caller, person *confirmer) {
	open := openChannels(t, call)
	ch, other := open[0], open[1]
	unique := fmt.Sprintf("%s %d", t.Name(), time.Now().UnixNano())

	t.Run("yes publishes", func(t *testing.T) {
		text := "Published after a yes: " + unique
		person.answer("accept")
		var got postsResult
		call(t, "create_post", map[string]any{"channelId": ch.ID, "text": text, "mode": "shareNow"}).ok(t, &got)
		require.Len(t, got.Posts, 1)
		assert.Equal(t, "sent", got.Posts[0].Status)

		asked := person.questions()
		require.Len(t, asked, 1, "asked once")
		assert.Contains(t, asked[0], "Publish this post now? It cannot be undone.")
		assert.Contains(t, asked[0], ch.DisplayName)
		assert.Contains(t, asked[0], " on "+ch.Service+", where it is ")
		assert.Contains(t, asked[0], "("+ch.Timezone+")")
		assert.Contains(t, asked[0], "Text:\n"+text)

		published := postsWithText(t, call, ch.ID, text)
		require.Len(t, published, 1, "the sandbox has the post")
		assert.Equal(t, got.Posts[0].ID, published[0].ID)
		assert.Equal(t, "sent", published[0].Status)
	})

	t.Run("no sends nothing", func(t *testing.T) {
		for _, action := range []string{"decline", "cancel"} {
			text := "Never published (" + action + "): " + unique
			person.answer(action)
			e := call(t, "create_post", map[string]any{"channelId": ch.ID, "text": text, "mode": "shareNow", "confirmPublishNow": true}).err(t)
			assert.Equal(t, "NotConfirmed", e.Type)
			assert.Contains(t, e.Message, "the person did not confirm publishing now")
			assert.Contains(t, e.Message, "nothing was sent")
			assert.Len(t, person.questions(), 1, "asked even with confirmPublishNow: true")
			assert.Empty(t, postsWithText(t, call, ch.ID, text), "no post in the sandbox")
		}
	})

	t.Run("several channels are one question", func(t *testing.T) {
		text := "Published on two channels: " + unique
		person.answer("accept")
		var got postsResult
		image := []map[string]any{{"type": "image", "url": "https://cdn.example.com/beans.jpg"}} // Instagram needs one
		call(t, "create_post", map[string]any{"channelIds": []string{ch.ID, other.ID}, "text": text, "mode": "shareNow", "assets": image}).ok(t, &got)
		asked := person.questions()
		require.Len(t, got.Posts, 2, "failed: %+v", got.Failed)
		require.Len(t, asked, 1)
		assert.Contains(t, asked[0], "on 2 channels")
		assert.Contains(t, asked[0], "With 1 attachment.")
		for _, c := range []channel{ch, other} {
			assert.Contains(t, asked[0], " on "+c.Service+", where it is ")
			published := postsWithText(t, call, c.ID, text)
			require.Len(t, published, 1, c.Service)
			assert.Equal(t, "sent", published[0].Status)
		}
	})

	t.Run("edit_post", func(t *testing.T) {
		for _, action := range []string{"accept", "decline"} {
			text := "Queued, then published now (" + action + "): " + unique
			var queued postsResult
			call(t, "create_post", map[string]any{"channelId": ch.ID, "text": text}).ok(t, &queued)
			require.Len(t, queued.Posts, 1)
			assert.Empty(t, person.questions(), "queueing asks nothing")

			person.answer(action)
			res := call(t, "edit_post", map[string]any{"postId": queued.Posts[0].ID, "mode": "shareNow"})
			asked := person.questions()
			require.Len(t, asked, 1)
			assert.Contains(t, asked[0], "Text:\n"+text, "the question shows the post's text")

			want := "sent"
			if action == "accept" {
				var edited struct{ Post post }
				res.ok(t, &edited)
				assert.Equal(t, want, edited.Post.Status)
			} else {
				want = "scheduled"
				assert.Equal(t, "NotConfirmed", res.err(t).Type)
			}
			var now struct{ Post post }
			call(t, "get_post", map[string]any{"postId": queued.Posts[0].ID}).ok(t, &now)
			assert.Equal(t, want, now.Post.Status)
		}
	})

	t.Run("a dry run asks nothing", func(t *testing.T) {
		person.answer("decline")
		var got postsResult
		call(t, "create_post", map[string]any{"channelId": ch.ID, "text": "Preview: " + unique, "mode": "shareNow", "dryRun": true}).ok(t, &got)
		assert.True(t, got.DryRun)
		assert.Empty(t, person.questions())
	})
}

// unconfirmedPublishing runs the story with a client that cannot ask: the model must pass
// confirmPublishNow. person, when not nil, is a handler the server must never reach.
func unconfirmedPublishing(t *testing.T, call caller, person *confirmer) {
	ch := openChannels(t, call)[0]
	text := fmt.Sprintf("Confirmed by the model: %s %d", t.Name(), time.Now().UnixNano())

	e := call(t, "create_post", map[string]any{"channelId": ch.ID, "text": text, "mode": "shareNow"}).err(t)
	assert.Equal(t, "InvalidArguments", e.Type)
	assert.Equal(t, "confirmPublishNow", e.Field)
	assert.Contains(t, e.Message, "cannot be undone")
	assert.Empty(t, postsWithText(t, call, ch.ID, text), "nothing sent")

	var got postsResult
	call(t, "create_post", map[string]any{"channelId": ch.ID, "text": text, "mode": "shareNow", "confirmPublishNow": true}).ok(t, &got)
	require.Len(t, got.Posts, 1)
	assert.Equal(t, "sent", got.Posts[0].Status)
	require.Len(t, postsWithText(t, call, ch.ID, text), 1)
	if person != nil {
		assert.Empty(t, person.questions(), "a client that cannot elicit is never asked")
	}
}

// closeWithin closes a client when the test ends, failing the test if closing hangs.
func closeWithin(t *testing.T, what string, closeFn func() error, stderr *testkit.SyncBuffer) {
	t.Cleanup(func() {
		closed := make(chan error, 1)
		go func() { closed <- closeFn() }()
		select {
		case err := <-closed:
			assert.NoError(t, err, "closing %s; stderr: %s", what, stderr)
		case <-time.After(2 * stepTimeout):
			t.Errorf("closing %s hung", what)
		}
		if stderr != nil {
			assertNoRace(t, stderr.String())
		}
	})
}

// startMCPGoAsking is startMCPGo with an elicitation handler (none when person is nil).
func startMCPGoAsking(t *testing.T, env []string, era string, person *confirmer) *mcpclient.Client {
	t.Helper()
	stderr := &testkit.SyncBuffer{}
	trans := transport.NewStdioWithOptions(binPath, env, nil,
		transport.WithCommandFunc(func(_ context.Context, command string, env, args []string) (*exec.Cmd, error) {
			cmd := exec.Command(command, args...)
			cmd.Env = env
			cmd.Stderr = stderr
			return cmd, nil
		}))
	require.NoError(t, trans.Start(context.Background())) // as NewStdioMCPClientWithOptions does
	var opts []mcpclient.ClientOption
	if person != nil {
		opts = append(opts, mcpclient.WithElicitationHandler(person))
	}
	c := mcpclient.NewClient(trans, opts...)
	closeWithin(t, "the stdio client", c.Close, stderr)

	ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
	defer cancel()
	require.NoError(t, c.Start(ctx))
	req := mcp.InitializeRequest{}
	req.Params.ClientInfo = mcp.Implementation{Name: "buffer-mcp-e2e-elicitation", Version: "0"}
	if era == legacyEra {
		req.Params.ProtocolVersion = legacyEra
	}
	_, err := c.Initialize(ctx, req)
	require.NoError(t, err, "initialize; stderr: %s", stderr)
	require.Equal(t, era, c.ProtocolVersion())
	return c
}

// connectSDKAsking connects the official SDK client, with person as its elicitation
// handler, over t in the given era.
func connectSDKAsking(t *testing.T, tr sdk.Transport, era string, person *confirmer, stderr *testkit.SyncBuffer) *sdk.ClientSession {
	t.Helper()
	c := sdk.NewClient(&sdk.Implementation{Name: "buffer-mcp-e2e-sdk-elicitation", Version: "0"},
		&sdk.ClientOptions{ElicitationHandler: person.elicitSDK})
	ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
	defer cancel()
	var opts *sdk.ClientSessionOptions
	if era == legacyEra {
		opts = &sdk.ClientSessionOptions{ProtocolVersion: legacyEra}
	}
	cs, err := c.Connect(ctx, tr, opts)
	require.NoError(t, err, "connect; stderr: %s", stderr)
	closeWithin(t, "the SDK session", cs.Close, stderr)
	require.Equal(t, era, cs.InitializeResult().ProtocolVersion)
	return cs
}

func TestPublishNowOverStdio(t *testing.T) {
	env := sandboxEnv() // each server process has its own fresh sandbox
	for _, era := range []string{modernEra, legacyEra} {
		t.Run("mcp-go/"+era+"/asks", func(t *testing.T) {
			person := &confirmer{}
			confirmedPublishing(t, mcpGoCaller(startMCPGoAsking(t, env, era, person)), person)
		})
		t.Run("go-sdk/"+era+"/asks", func(t *testing.T) {
			person := &confirmer{}
			stderr := &testkit.SyncBuffer{}
			cmd := exec.Command(binPath)
			cmd.Env, cmd.Stderr = env, stderr
			cs := connectSDKAsking(t, &sdk.CommandTransport{Command: cmd, TerminateDuration: stepTimeout}, era, person, stderr)
			confirmedPublishing(t, sdkCaller(cs), person)
		})
		t.Run("mcp-go/"+era+"/cannot ask", func(t *testing.T) {
			unconfirmedPublishing(t, mcpGoCaller(startMCPGoAsking(t, env, era, nil)), nil)
		})
	}
	t.Run("confirmation off", func(t *testing.T) {
		person := &confirmer{}
		call := mcpGoCaller(startMCPGoAsking(t, sandboxEnv("BUFFER_MCP_CONFIRM_PUBLISH=0"), modernEra, person))
		ch := openChannels(t, call)[0]
		var got postsResult
		call(t, "create_post", map[string]any{"channelId": ch.ID, "text": "Straight out", "mode": "shareNow"}).ok(t, &got)
		assert.Equal(t, "sent", got.Posts[0].Status)
		assert.Empty(t, person.questions())
	})
}

func TestPublishNowOverHTTP(t *testing.T) {
	srv := startHTTP(t, sandboxEnv("BUFFER_MCP_HTTP_TOKEN="+httpToken), "http")
	auth := map[string]string{"Authorization": "Bearer " + httpToken}
	for _, era := range []string{modernEra, legacyEra} {
		t.Run("mcp-go/"+era+"/asks", func(t *testing.T) {
			person := &confirmer{}
			trans, err := transport.NewStreamableHTTP(srv.url, transport.WithHTTPHeaders(auth))
			require.NoError(t, err)
			c := mcpclient.NewClient(trans, mcpclient.WithElicitationHandler(person))
			initialize(t, c, era)
			confirmedPublishing(t, mcpGoCaller(c), person)
		})
		t.Run("go-sdk/"+era+"/asks", func(t *testing.T) {
			person := &confirmer{}
			cs := connectSDKAsking(t, &sdk.StreamableClientTransport{
				Endpoint:   srv.url,
				HTTPClient: &http.Client{Transport: bearer{http.DefaultTransport}},
			}, era, person, srv.stderr)
			confirmedPublishing(t, sdkCaller(cs), person)
		})
		t.Run("mcp-go/"+era+"/cannot ask", func(t *testing.T) {
			unconfirmedPublishing(t, mcpGoCaller(streamableClient(t, srv.url, auth, era)), nil)
		})
	}

	t.Run("legacy SSE cannot ask", func(t *testing.T) {
		sse := startHTTP(t, sandboxEnv("BUFFER_MCP_HTTP_TOKEN="+httpToken), "sse")
		person := &confirmer{}
		trans, err := transport.NewSSE(sse.url, transport.WithHeaders(auth))
		require.NoError(t, err)
		c := mcpclient.NewClient(trans, mcpclient.WithElicitationHandler(person))
		initialize(t, c, legacyEra)
		unconfirmedPublishing(t, mcpGoCaller(c), person)
	})
	assert.False(t, strings.Contains(srv.stderr.String(), "level=ERROR"), "no errors logged: %s", srv.stderr)
}
