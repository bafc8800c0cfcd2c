package tools_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // the channel timezones below, whatever the machine has installed

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// The fixture's ids. Tests write them as {name} placeholders inside JSON (arguments, stub
// bodies, expected variables and results), and expand fills them in.
const (
	accountID = "5f1e00000000000000000001"
	org1      = "64b0000000000000000000a1"
	org2      = "64b0000000000000000000a2"
	ch1       = "64c0000000000000000000c1" // LinkedIn, America/New_York, org1
	ch2       = "64c0000000000000000000c2" // Facebook, Europe/Berlin, org1 (a network that takes text alone)
	ch3       = "64c0000000000000000000c3" // Mastodon, Asia/Tokyo, org1
	ch4       = "64c0000000000000000000c4" // Bluesky, UTC, org2
	post1     = "64d0000000000000000000d1"
	post2     = "64d0000000000000000000d2"
	post3     = "64d0000000000000000000d3"
)

var placeholders = strings.NewReplacer(append([]string{
	"{account}", accountID,
	"{org1}", org1, "{org2}", org2,
	"{ch1}", ch1, "{ch2}", ch2, "{ch3}", ch3, "{ch4}", ch4,
	"{post1}", post1, "{post2}", post2, "{post3}", post3,
}, networkPlaceholders...)...)

func expand(s string) string { return placeholders.Replace(s) }

// fixedNow is the tests' "now": Monday 2 March 2026, 15:04:05 UTC.
var fixedNow = time.Date(2026, 3, 2, 15, 4, 5, 0, time.UTC)

// clock is a settable clock for tools.Deps.Now.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// callTimeout bounds every call: the failure to fear is a hang.
const callTimeout = 10 * time.Second

// harness is every tool of the catalog on a real MCP server (output validation included),
// reached through mcp-go's in-process client, with Buffer played by a fakeBuffer.
type harness struct {
	fake  *fakeBuffer
	clock *clock
	set   *tools.Set
	tools []tools.Tool // every tool of set
	mcp   *mcpclient.Client
}

// newHarness starts one whose client tries each request once, so that a test sees how each
// answer reaches the tool result (client/retry_test.go covers retries). ConfirmPublish is
// on, as it is by default in the program; opts change the Deps before the tools are built.
func newHarness(t *testing.T, opts ...func(*tools.Deps)) *harness {
	t.Helper()
	return startHarness(t, client.RetryPolicy{MaxAttempts: 1}, opts...)
}

// newRetryingHarness starts one whose client retries as the program's does (SPEC §4's
// three attempts), with millisecond backoffs so that tests do not wait.
func newRetryingHarness(t *testing.T) *harness {
	t.Helper()
	return startHarness(t, client.RetryPolicy{MaxAttempts: 3, MaxElapsed: 5 * time.Second,
		InitialInterval: time.Millisecond, MaxRetryAfter: 10 * time.Second})
}

func startHarness(t *testing.T, retry client.RetryPolicy, opts ...func(*tools.Deps)) *harness {
	t.Helper()
	h := &harness{fake: newFakeBuffer(t), clock: &clock{now: fixedNow}}
	deps := tools.Deps{
		GQL:            client.New(client.Config{Endpoint: h.fake.URL(), APIKey: "test-key", Version: "test", Retry: retry}),
		Now:            h.clock.Now,
		ConfirmPublish: true,
	}
	for _, o := range opts {
		o(&deps)
	}
	h.set = tools.New(deps)
	h.tools = h.set.Tools()

	c, err := mcpclient.NewInProcessClient(mustServer(t, h.set, everyTool))
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	ctx, cancel := context.WithTimeout(t.Context(), callTimeout)
	defer cancel()
	require.NoError(t, c.Start(ctx))
	_, err = c.Initialize(ctx, mcp.InitializeRequest{})
	require.NoError(t, err)
	h.mcp = c
	return h
}

// everyTool offers every tool of the catalog, whatever its toolset.
var everyTool = tools.Selection{Toolsets: []string{tools.ToolsetAll}}

// mustServer is tools.NewServer for a selection the test knows to be valid.
func mustServer(t *testing.T, set *tools.Set, sel tools.Selection) *server.MCPServer {
	t.Helper()
	srv, err := tools.NewServer("test", set, sel, nil)
	require.NoError(t, err)
	return srv
}

// stub registers answers, with placeholders expanded.
func (h *harness) stub(stubs ...stub) {
	for _, s := range stubs {
		s.body = expand(s.body)
		h.fake.add(s)
	}
}

// call calls a tool with arguments given as JSON ("" for none).
func (h *harness) call(t *testing.T, name, args string) *mcp.CallToolResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), callTimeout)
	defer cancel()
	req := mcp.CallToolRequest{}
	req.Params.Name = name
	if args != "" {
		req.Params.Arguments = json.RawMessage(expand(args))
	}
	res, err := h.mcp.CallTool(ctx, req)
	require.NoError(t, err, "calling %s", name)
	require.NotNil(t, res)
	return res
}

// assertVariables asserts the variables of every request of op (JSON with placeholders).
func (h *harness) assertVariables(t *testing.T, op string, want ...string) {
	t.Helper()
	expanded := make([]string, len(want))
	for i, w := range want {
		expanded[i] = expand(w)
	}
	h.fake.assertVariables(t, op, expanded...)
}

// structured is the result's structuredContent as JSON.
func structured(t *testing.T, res *mcp.CallToolResult) string {
	t.Helper()
	require.NotEmpty(t, res.RawStructuredContent, "structuredContent")
	return string(res.RawStructuredContent)
}

// assertStructured asserts the whole structuredContent (JSON with placeholders).
func assertStructured(t *testing.T, want string, res *mcp.CallToolResult) {
	t.Helper()
	assert.JSONEq(t, expand(want), structured(t, res))
}

// text is the result's first text content.
func text(t *testing.T, res *mcp.CallToolResult) string {
	t.Helper()
	require.NotEmpty(t, res.Content, "content")
	tc, ok := mcp.AsTextContent(res.Content[0])
	require.True(t, ok, "first content is text, got %T", res.Content[0])
	return tc.Text
}

// requireSuccess fails the test at once when res is an error result.
func requireSuccess(t *testing.T, res *mcp.CallToolResult) {
	t.Helper()
	require.False(t, res.IsError, "isError; content: %v", res.Content)
}

// Buffer's answers for the fixture.

const accountData = `{"account":{"id":"{account}","email":"ada@example.com","name":"Ada Lovelace",` +
	`"timezone":"Europe/Berlin","organizations":[{"id":"{org1}","name":"Analytical Engines","channelCount":3}]}}`

const accountTwoOrgsData = `{"account":{"id":"{account}","email":"ada@example.com","name":"Ada Lovelace",` +
	`"timezone":"Europe/Berlin","organizations":[{"id":"{org1}","name":"Analytical Engines","channelCount":3},` +
	`{"id":"{org2}","name":"Difference Engines","channelCount":1}]}}`

const (
	ch1JSON = `{"id":"{ch1}","name":"adalovelace","displayName":"Ada Lovelace","service":"linkedin",` +
		`"timezone":"America/New_York","isQueuePaused":false,"isDisconnected":false,"isLocked":false,` +
		`"organizationId":"{org1}","postingSchedule":[{"day":"mon","times":["09:00","13:30"],"paused":false},` +
		`{"day":"sun","times":[],"paused":true}]}`
	ch2JSON = `{"id":"{ch2}","name":"ada.codes","displayName":"","service":"facebook",` +
		`"timezone":"Europe/Berlin","isQueuePaused":true,"isDisconnected":false,"isLocked":false,` +
		`"organizationId":"{org1}","postingSchedule":[]}`
	ch3JSON = `{"id":"{ch3}","name":"ada@hachyderm.io","displayName":"Ada","service":"mastodon",` +
		`"timezone":"Asia/Tokyo","isQueuePaused":false,"isDisconnected":true,"isLocked":true,` +
		`"organizationId":"{org1}","postingSchedule":[]}`
	ch4JSON = `{"id":"{ch4}","name":"ada.bsky.social","displayName":"Ada","service":"bluesky",` +
		`"timezone":"UTC","isQueuePaused":false,"isDisconnected":false,"isLocked":false,` +
		`"organizationId":"{org2}","postingSchedule":[]}`
)

func getAccountOK(data string) stub { return gql("GetAccount", data) }

func getChannelOK(channelJSON string) stub { return gql("GetChannel", `{"channel":`+channelJSON+`}`) }

func listChannelsOK(channelJSONs ...string) stub {
	return gql("ListChannels", `{"channels":[`+strings.Join(channelJSONs, ",")+`]}`)
}

// postJSON is a post as PostDetail selects it, on channel ch (a placeholder name like ch1)
// in timezone tz.
func postJSON(id, ch, tz, text string) string {
	return `{"id":"` + id + `","channelId":"` + ch + `","channelService":"linkedin","status":"scheduled",` +
		`"text":"` + text + `","dueAt":"2026-03-10T14:00:00.000Z","sentAt":null,"createdAt":"2026-03-01T10:00:00.000Z",` +
		`"externalLink":null,"error":null,"tags":[],"schedulingType":"automatic","shareMode":"customScheduled",` +
		`"assets":[{"__typename":"ImageAsset","type":"image","source":"https://cdn.example.com/a.png",` +
		`"thumbnail":"https://cdn.example.com/a-thumb.png"}],"channel":{"timezone":"` + tz + `"}}`
}

// postResult is postJSON as get_post and edit_post show it.
func postResult(id, ch, tz, dueAtLocal, text string) string {
	return `{"id":"` + id + `","channelId":"` + ch + `","channelService":"linkedin","status":"scheduled",` +
		`"text":"` + text + `","dueAt":"2026-03-10T14:00:00Z","createdAt":"2026-03-01T10:00:00Z",` +
		`"dueAtLocal":"` + dueAtLocal + `","timezone":"` + tz + `","schedulingType":"automatic",` +
		`"shareMode":"customScheduled","assets":[{"type":"image","url":"https://cdn.example.com/a.png",` +
		`"thumbnailUrl":"https://cdn.example.com/a-thumb.png"}]}`
}

// createPostOK answers createPost with post id on channel ch (placeholder) in timezone tz.
func createPostOK(id, ch, tz, text string) stub {
	return gql("CreatePost", `{"createPost":{"__typename":"PostActionSuccess","post":`+postJSON(id, ch, tz, text)+`}}`)
}

// mutationError answers a mutation's root field with an error member of its union.
func mutationError(op, root, typename, message string) stub {
	return gql(op, `{"`+root+`":{"__typename":"`+typename+`","message":"`+message+`"}}`)
}
