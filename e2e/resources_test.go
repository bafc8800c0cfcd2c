package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// The prompts and the tools each one names when every tool is offered.
var wantPrompts = map[string][]string{
	"plan_week":    {"get_account", "list_channels", "list_posts", "list_ideas", "create_post"},
	"review_queue": {"get_account", "list_channels", "list_posts"},
}

// withoutCurrentTime is get_account's JSON with currentTime dropped: two reads a moment
// apart differ there only.
func withoutCurrentTime(t *testing.T, raw []byte) string {
	t.Helper()
	var v map[string]any
	require.NoError(t, json.Unmarshal(raw, &v), "%s", raw)
	acct, ok := v["account"].(map[string]any)
	require.True(t, ok, "an account object in %s", raw)
	assert.NotEmpty(t, acct["currentTime"])
	delete(acct, "currentTime")
	out, err := json.Marshal(v)
	require.NoError(t, err)
	return string(out)
}

// mcpGoRead reads a resource with mcp-go's client and returns its JSON text.
func mcpGoRead(t *testing.T, c *mcpclient.Client, uri string) (*mcp.ReadResourceResult, string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
	defer cancel()
	req := mcp.ReadResourceRequest{}
	req.Params.URI = uri
	res, err := c.ReadResource(ctx, req)
	if err != nil {
		return nil, "", err
	}
	require.Len(t, res.Contents, 1, uri)
	tc, ok := mcp.AsTextResourceContents(res.Contents[0])
	require.True(t, ok, "%s is text", uri)
	assert.Equal(t, uri, tc.URI)
	assert.Equal(t, "application/json", tc.MIMEType, uri)
	return res, tc.Text, nil
}

func mcpGoPrompt(t *testing.T, c *mcpclient.Client, name string, args map[string]string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
	defer cancel()
	req := mcp.GetPromptRequest{}
	req.Params.Name, req.Params.Arguments = name, args
	res, err := c.GetPrompt(ctx, req)
	require.NoError(t, err, "prompts/get %s", name)
	require.Len(t, res.Messages, 1, name)
	tc, ok := mcp.AsTextContent(res.Messages[0].Content)
	require.True(t, ok, name)
	return tc.Text
}

// TestResourcesAndPromptsWithMCPGo lists and reads every resource, and lists and gets
// every prompt, over stdio in both eras; the resources answer as the tools do.
func TestResourcesAndPromptsWithMCPGo(t *testing.T) {
	sb := startSandbox(t)
	for _, era := range []string{modernEra, legacyEra} {
		t.Run(era, func(t *testing.T) {
			c, _ := startMCPGo(t, sb.serverEnv(), era)
			ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
			defer cancel()

			list, err := c.ListResources(ctx, mcp.ListResourcesRequest{})
			require.NoError(t, err)
			var uris []string
			for _, r := range list.Resources {
				uris = append(uris, r.URI)
				assert.Equal(t, "application/json", r.MIMEType, r.URI)
				assert.NotEmpty(t, r.Description, r.URI)
			}
			assert.ElementsMatch(t, []string{tools.AccountURI, tools.ChannelsURI}, uris)

			acct := callTool(t, c, "get_account", nil)
			require.False(t, acct.IsError, testkit.Text(acct))
			read, got, err := mcpGoRead(t, c, tools.AccountURI)
			require.NoError(t, err)
			assert.Equal(t, withoutCurrentTime(t, acct.RawStructuredContent), withoutCurrentTime(t, []byte(got)))
			if era == modernEra {
				require.NotNil(t, read.TTLMs, "ttlMs on resources/read")
				assert.Zero(t, *read.TTLMs)
				assert.Equal(t, mcp.CacheScopePrivate, read.CacheScope)
				require.NotNil(t, list.TTLMs, "ttlMs on resources/list")
				assert.Equal(t, tools.CacheTTL.Milliseconds(), *list.TTLMs)
			} else {
				assert.Nil(t, read.TTLMs, "no cache hints before 2026-07-28")
			}

			chans := callTool(t, c, "list_channels", nil)
			require.False(t, chans.IsError, testkit.Text(chans))
			_, got, err = mcpGoRead(t, c, tools.ChannelsURI)
			require.NoError(t, err)
			assert.JSONEq(t, string(chans.RawStructuredContent), got)

			_, _, err = mcpGoRead(t, c, "buffer://nothing")
			if era == modernEra {
				assert.ErrorIs(t, err, mcp.ErrInvalidParams, "an unknown resource is -32602 in 2026-07-28")
			} else {
				assert.ErrorIs(t, err, mcp.ErrResourceNotFound, "an unknown resource is -32002 before 2026-07-28")
			}

			prompts, err := c.ListPrompts(ctx, mcp.ListPromptsRequest{})
			require.NoError(t, err)
			var names []string
			for _, p := range prompts.Prompts {
				names = append(names, p.Name)
				for _, a := range p.Arguments {
					assert.False(t, a.Required, "%s.%s", p.Name, a.Name)
				}
			}
			assert.ElementsMatch(t, []string{"plan_week", "review_queue"}, names)
			for name, toolNames := range wantPrompts {
				text := mcpGoPrompt(t, c, name, nil)
				for _, tool := range toolNames {
					assert.Contains(t, text, tool, name)
				}
			}
			assert.Contains(t, mcpGoPrompt(t, c, "plan_week", map[string]string{"goals": "the v2 launch"}), "Goals: the v2 launch")
		})
	}
}

// startSDKAt runs the binary under the official Go SDK, asking for protocol version era.
func startSDKAt(t *testing.T, env []string, era string, args ...string) *sdk.ClientSession {
	t.Helper()
	cs := connectSDK(t, env, &sdk.ClientSessionOptions{ProtocolVersion: era}, args...)
	require.Equal(t, era, cs.InitializeResult().ProtocolVersion)
	return cs
}

// TestResourcesAndPromptsWithTheOfficialGoSDK does the same with the official Go SDK's
// client, in both eras.
func TestResourcesAndPromptsWithTheOfficialGoSDK(t *testing.T) {
	sb := startSandbox(t)
	for _, era := range []string{modernEra, legacyEra} {
		t.Run(era, func(t *testing.T) {
			cs := startSDKAt(t, sb.serverEnv(), era)
			caps := cs.InitializeResult().Capabilities
			assert.NotNil(t, caps.Resources, "the resources capability")
			assert.NotNil(t, caps.Prompts, "the prompts capability")
			ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
			defer cancel()

			var uris []string
			for r, err := range cs.Resources(ctx, nil) {
				require.NoError(t, err)
				uris = append(uris, r.URI)
			}
			assert.ElementsMatch(t, []string{tools.AccountURI, tools.ChannelsURI}, uris)

			for uri, tool := range map[string]string{tools.AccountURI: "get_account", tools.ChannelsURI: "list_channels"} {
				res, err := cs.ReadResource(ctx, &sdk.ReadResourceParams{URI: uri})
				require.NoError(t, err, uri)
				require.Len(t, res.Contents, 1, uri)
				assert.Equal(t, "application/json", res.Contents[0].MIMEType, uri)
				call, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: tool, Arguments: map[string]any{}})
				require.NoError(t, err)
				require.False(t, call.IsError, tool)
				want, err := json.Marshal(call.StructuredContent)
				require.NoError(t, err)
				if tool == "get_account" {
					assert.Equal(t, withoutCurrentTime(t, want), withoutCurrentTime(t, []byte(res.Contents[0].Text)))
				} else {
					assert.JSONEq(t, string(want), res.Contents[0].Text)
				}
			}

			var names []string
			for p, err := range cs.Prompts(ctx, nil) {
				require.NoError(t, err)
				names = append(names, p.Name)
			}
			assert.ElementsMatch(t, []string{"plan_week", "review_queue"}, names)
			for name, toolNames := range wantPrompts {
				res, err := cs.GetPrompt(ctx, &sdk.GetPromptParams{Name: name, Arguments: map[string]string{"channels": "LinkedIn"}})
				require.NoError(t, err, name)
				require.Len(t, res.Messages, 1, name)
				assert.Equal(t, sdk.Role("user"), res.Messages[0].Role)
				text, ok := res.Messages[0].Content.(*sdk.TextContent)
				require.True(t, ok, "%s: text content, got %T", name, res.Messages[0].Content)
				assert.Contains(t, text.Text, "Channels: LinkedIn")
				for _, tool := range toolNames {
					assert.Contains(t, text.Text, tool, name)
				}
			}
		})
	}
}

// TestResourcesWithSeveralOrganizations: buffer://channels groups the channels of each.
func TestResourcesWithSeveralOrganizations(t *testing.T) {
	sb := startSandbox(t, "--seed", "two-orgs")
	c, _ := startMCPGo(t, sb.serverEnv(), modernEra)
	var acct accountResult
	okResult(t, callTool(t, c, "get_account", nil), &acct)
	require.Len(t, acct.Organizations, 2)

	_, got, err := mcpGoRead(t, c, tools.ChannelsURI)
	require.NoError(t, err)
	var grouped struct {
		Organizations []struct {
			ID       string    `json:"id"`
			Name     string    `json:"name"`
			Channels []channel `json:"channels"`
		} `json:"organizations"`
	}
	require.NoError(t, json.Unmarshal([]byte(got), &grouped), got)
	require.Len(t, grouped.Organizations, 2)
	for i, org := range acct.Organizations {
		g := grouped.Organizations[i]
		assert.Equal(t, org.ID, g.ID)
		assert.Equal(t, org.Name, g.Name)
		var chans struct{ Channels []channel }
		okResult(t, callTool(t, c, "list_channels", map[string]any{"organizationId": org.ID}), &chans)
		assert.Equal(t, chans.Channels, g.Channels, "organization %s", org.ID)
	}
}

// TestResourcesStayWhenToolsAreFilteredOut: --read-only and --tools remove tools, not
// resources; the prompts name only what is offered.
func TestResourcesStayWhenToolsAreFilteredOut(t *testing.T) {
	sb := startSandbox(t)
	tests := []struct {
		name        string
		args        []string
		wantPrompts []string
		notNamed    []string
	}{
		{"read-only", []string{"--read-only"}, []string{"plan_week", "review_queue"},
			[]string{"create_post", "edit_post", "delete_post"}},
		{"get_post alone", []string{"--tools", "get_post"}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := startMCPGo(t, sb.serverEnv(), modernEra, tt.args...)
			ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
			defer cancel()
			list, err := c.ListResources(ctx, mcp.ListResourcesRequest{})
			require.NoError(t, err)
			assert.Len(t, list.Resources, 2)
			_, got, err := mcpGoRead(t, c, tools.AccountURI)
			require.NoError(t, err)
			assert.Contains(t, got, `"organizations"`)

			prompts, err := c.ListPrompts(ctx, mcp.ListPromptsRequest{})
			require.NoError(t, err)
			var names []string
			for _, p := range prompts.Prompts {
				names = append(names, p.Name)
				text := mcpGoPrompt(t, c, p.Name, nil)
				for _, tool := range tt.notNamed {
					assert.NotContains(t, text, tool, "%s names a tool that is not offered", p.Name)
				}
			}
			assert.ElementsMatch(t, tt.wantPrompts, names)
		})
	}
}

// TestAResourceReadFailureIsAProtocolErrorWithoutTheKey: a key that Buffer refuses makes
// resources/read fail with a message that says why, nowhere with the key, and the server
// goes on answering.
func TestAResourceReadFailureIsAProtocolErrorWithoutTheKey(t *testing.T) {
	sb := startSandbox(t)
	const wrongKey = "wrong-key-7f3a9c1e5b2d"
	env := baseEnv("BUFFER_API_URL="+sb.url, "BUFFER_API_KEY="+wrongKey, "BUFFER_MCP_LOG_LEVEL=debug")
	for _, era := range []string{modernEra, legacyEra} {
		t.Run(era, func(t *testing.T) {
			c, stderr := startMCPGo(t, env, era)
			for _, uri := range []string{tools.AccountURI, tools.ChannelsURI} {
				_, _, err := mcpGoRead(t, c, uri)
				require.Error(t, err, uri)
				assert.ErrorIs(t, err, mcp.ErrInternalError)
				assert.Contains(t, err.Error(), "reading "+uri+": Unauthenticated: ")
				assert.NotContains(t, err.Error(), wrongKey)
			}
			ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
			defer cancel()
			_, err := c.ListResources(ctx, mcp.ListResourcesRequest{})
			require.NoError(t, err, "the server still answers")
			assert.False(t, strings.Contains(stderr.String(), wrongKey), "the key is in the log")
		})
	}

	cs := startSDKAt(t, env, modernEra)
	ctx, cancel := context.WithTimeout(t.Context(), stepTimeout)
	defer cancel()
	_, err := cs.ReadResource(ctx, &sdk.ReadResourceParams{URI: tools.AccountURI})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Unauthenticated")
	assert.NotContains(t, err.Error(), wrongKey)
}
