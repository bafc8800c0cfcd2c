package tools_test

import (
	"context"
	"testing"
	"time"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// connect serves the tools of set that sel keeps on a fresh MCP server and returns an
// initialized in-process client; legacy selects the 2025-11-25 era.
func connect(t *testing.T, set *tools.Set, sel tools.Selection, legacy bool) *mcpclient.Client {
	t.Helper()
	var opts []mcpclient.ClientOption
	if legacy {
		opts = append(opts, mcpclient.WithLegacyProtocolOnly())
	}
	c, err := mcpclient.NewInProcessClientWithOptions(mustServer(t, set, sel), opts...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	ctx, cancel := context.WithTimeout(t.Context(), callTimeout)
	defer cancel()
	require.NoError(t, c.Start(ctx))
	_, err = c.Initialize(ctx, mcp.InitializeRequest{})
	require.NoError(t, err)
	return c
}

// readResource reads uri and returns its one text content, or the error.
func readResource(t *testing.T, c *mcpclient.Client, uri string) (*mcp.TextResourceContents, *mcp.ReadResourceResult, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), callTimeout)
	defer cancel()
	req := mcp.ReadResourceRequest{}
	req.Params.URI = uri
	res, err := c.ReadResource(ctx, req)
	if err != nil {
		return nil, nil, err
	}
	require.Len(t, res.Contents, 1, "contents of %s", uri)
	tc, ok := mcp.AsTextResourceContents(res.Contents[0])
	require.True(t, ok, "%s is text, got %T", uri, res.Contents[0])
	return tc, res, nil
}

// readJSON reads uri and returns its text, failing the test on an error.
func readJSON(t *testing.T, c *mcpclient.Client, uri string) string {
	t.Helper()
	tc, _, err := readResource(t, c, uri)
	require.NoError(t, err, "resources/read %s", uri)
	assert.Equal(t, uri, tc.URI)
	assert.Equal(t, "application/json", tc.MIMEType)
	return tc.Text
}

func listResources(t *testing.T, c *mcpclient.Client) *mcp.ListResourcesResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), callTimeout)
	defer cancel()
	list, err := c.ListResources(ctx, mcp.ListResourcesRequest{})
	require.NoError(t, err)
	return list
}

func TestResourcesAreListed(t *testing.T) {
	for _, legacy := range []bool{false, true} {
		t.Run(map[bool]string{false: "2026-07-28", true: "2025-11-25"}[legacy], func(t *testing.T) {
			h := newHarness(t)
			list := listResources(t, connect(t, h.set, everyTool, legacy))
			require.Len(t, list.Resources, 2)
			got := map[string]mcp.Resource{}
			for _, r := range list.Resources {
				got[r.URI] = r
			}
			for _, uri := range []string{tools.AccountURI, tools.ChannelsURI} {
				r, ok := got[uri]
				require.True(t, ok, "%s is listed", uri)
				assert.Equal(t, "application/json", r.MIMEType, uri)
				assert.NotEmpty(t, r.Name, uri)
				assert.NotEmpty(t, r.Title, uri)
				assert.NotEmpty(t, r.Description, uri)
			}
			if legacy {
				assert.Nil(t, list.TTLMs, "no cache hints before 2026-07-28")
				return
			}
			require.NotNil(t, list.TTLMs, "ttlMs on resources/list")
			assert.Equal(t, tools.CacheTTL.Milliseconds(), *list.TTLMs)
			assert.Equal(t, mcp.CacheScopePrivate, list.CacheScope)
		})
	}
}

func TestAccountResourceIsGetAccountThroughTheSameCache(t *testing.T) {
	h := newHarness(t)
	h.stub(getAccountOK(accountData)) // one GetAccount for the tool and the resource together

	res := h.call(t, "get_account", "")
	requireSuccess(t, res)
	got := readJSON(t, h.mcp, tools.AccountURI)
	assert.JSONEq(t, structured(t, res), got)
	assert.Equal(t, 1, h.fake.count("GetAccount"))

	_, read, err := readResource(t, h.mcp, tools.AccountURI)
	require.NoError(t, err)
	require.NotNil(t, read.TTLMs, "ttlMs on resources/read")
	assert.Zero(t, *read.TTLMs, "a read is revalidated: currentTime must not go stale")
	assert.Equal(t, mcp.CacheScopePrivate, read.CacheScope)
}

func TestAccountResourceGivesTheCurrentTimeAtEachRead(t *testing.T) {
	h := newHarness(t)
	h.stub(getAccountOK(accountData))

	assert.JSONEq(t, expand(`{"account":{"id":"{account}","email":"ada@example.com","name":"Ada Lovelace",`+
		`"timezone":"Europe/Berlin","currentTime":"2026-03-02T16:04:05+01:00"},`+
		`"organizations":[{"id":"{org1}","name":"Analytical Engines","channelCount":3}]}`),
		readJSON(t, h.mcp, tools.AccountURI))
	h.clock.Add(time.Minute)
	assert.Contains(t, readJSON(t, h.mcp, tools.AccountURI), `"currentTime":"2026-03-02T16:05:05+01:00"`)
	assert.Equal(t, 1, h.fake.count("GetAccount"), "the account itself comes from the cache")
}

func TestChannelsResourceIsListChannelsThroughTheSameCache(t *testing.T) {
	h := newHarness(t)
	h.stub(getAccountOK(accountData), listChannelsOK(ch1JSON, ch2JSON, ch3JSON))

	got := readJSON(t, h.mcp, tools.ChannelsURI) // the resource first: the tool then reads the cache
	res := h.call(t, "list_channels", "")
	requireSuccess(t, res)
	assert.JSONEq(t, structured(t, res), got)
	h.assertVariables(t, "ListChannels", `{"organizationId":"{org1}"}`)

	// get_channel finds the channels that the resource put in the cache.
	requireSuccess(t, h.call(t, "get_channel", `{"channelId":"{ch2}"}`))
	assert.Zero(t, h.fake.count("GetChannel"))
}

func TestChannelsResourceGroupsSeveralOrganizations(t *testing.T) {
	h := newHarness(t)
	h.stub(getAccountOK(accountTwoOrgsData), listChannelsOK(ch1JSON, ch2JSON), listChannelsOK(ch4JSON))

	got := readJSON(t, h.mcp, tools.ChannelsURI)
	assert.JSONEq(t, expand(`{"organizations":[
		{"id":"{org1}","name":"Analytical Engines","channels":[
			{"id":"{ch1}","name":"adalovelace","displayName":"Ada Lovelace","service":"linkedin","timezone":"America/New_York","isQueuePaused":false,"isDisconnected":false,"isLocked":false},
			{"id":"{ch2}","name":"ada.codes","service":"facebook","timezone":"Europe/Berlin","isQueuePaused":true,"isDisconnected":false,"isLocked":false}]},
		{"id":"{org2}","name":"Difference Engines","channels":[
			{"id":"{ch4}","name":"ada.bsky.social","displayName":"Ada","service":"bluesky","timezone":"UTC","isQueuePaused":false,"isDisconnected":false,"isLocked":false}]}]}`), got)
	h.assertVariables(t, "ListChannels", `{"organizationId":"{org1}"}`, `{"organizationId":"{org2}"}`)

	// Each organization's part is what list_channels gives for it, from the cache.
	res := h.call(t, "list_channels", `{"organizationId":"{org2}"}`)
	requireSuccess(t, res)
	assert.Contains(t, got, structured(t, res)[len(`{"channels":`):len(structured(t, res))-1])
	assert.Equal(t, 2, h.fake.count("ListChannels"))
}

func TestResourceReadErrorsAreJSONRPCErrors(t *testing.T) {
	tests := []struct {
		name     string
		uri      string
		stubs    []stub
		wantType string
	}{
		{"401 on the account", tools.AccountURI, []stub{{op: "GetAccount", status: 401, body: `{"message":"nope"}`}}, "Unauthenticated"},
		{"UNAUTHORIZED on the account", tools.ChannelsURI,
			[]stub{gqlErrors("GetAccount", `{"message":"Not authorized","extensions":{"code":"UNAUTHORIZED"}}`)}, "Unauthenticated"},
		{"Buffer down for the channels", tools.ChannelsURI,
			[]stub{getAccountOK(accountData), {op: "ListChannels", status: 503, body: `upstream down`}}, "UpstreamUnavailable"},
		{"an account without organizations", tools.ChannelsURI,
			[]stub{getAccountOK(`{"account":{"id":"{account}","email":"a@example.com","name":"","timezone":"","organizations":[]}}`)}, "NotFound"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(tt.stubs...)
			_, _, err := readResource(t, h.mcp, tt.uri)
			require.Error(t, err)
			assert.ErrorIs(t, err, mcp.ErrInternalError, "a handler's error is -32603")
			assert.Contains(t, err.Error(), "reading "+tt.uri+": "+tt.wantType+": ")
			assert.NotContains(t, err.Error(), "test-key")
		})
	}
}

func TestAResourceRefusedByBufferDropsTheCache(t *testing.T) {
	h := newHarness(t)
	h.stub(getAccountOK(accountData), listChannelsOK(ch1JSON),
		stub{op: "ListPosts", status: 401, body: `{"message":"nope"}`},
		getAccountOK(accountData))

	readJSON(t, h.mcp, tools.ChannelsURI)
	assert.Equal(t, "Unauthenticated", testkit.ToolError(t, h.call(t, "list_posts", `{"channelIds":["{ch1}"]}`)).Type)
	readJSON(t, h.mcp, tools.AccountURI) // the key was refused: the account is read again
	assert.Equal(t, 2, h.fake.count("GetAccount"))
}

func TestAPanicInAResourceIsAnErrorNotACrash(t *testing.T) {
	h := newHarness(t, func(d *tools.Deps) { d.Now = func() time.Time { panic("clock broke") } })
	h.stub(getAccountOK(accountData)) // the clock is read when the answer is cached
	_, _, err := readResource(t, h.mcp, tools.AccountURI)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "internal error; the details are in its log")
	assert.NotContains(t, err.Error(), "clock broke")
}

func TestAnUnknownResourceIsNotFound(t *testing.T) {
	h := newHarness(t)
	_, _, err := readResource(t, h.mcp, "buffer://posts")
	assert.ErrorIs(t, err, mcp.ErrInvalidParams, "-32602 in 2026-07-28")

	_, _, err = readResource(t, connect(t, h.set, everyTool, true), "buffer://posts")
	assert.ErrorIs(t, err, mcp.ErrResourceNotFound, "-32002 before 2026-07-28")
}

// --read-only and --tools remove tools, never the resources: they only read.
func TestResourcesStayWhateverToolsAreFilteredOut(t *testing.T) {
	for _, tt := range []struct {
		name     string
		readOnly bool
		allow    []string
	}{
		{"read-only", true, nil},
		{"one write tool", false, []string{"delete_post"}},
		{"no account or channel tool", true, []string{"get_post"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(getAccountOK(accountData))
			c := connect(t, h.set, tools.Selection{ReadOnly: tt.readOnly, Tools: tt.allow}, false)
			assert.Len(t, listResources(t, c).Resources, 2)
			assert.Contains(t, readJSON(t, c, tools.AccountURI), `"email":"ada@example.com"`)
		})
	}
}
