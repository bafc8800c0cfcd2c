package e2e

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/buffer-mcp/buffer-mcp/tools"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// specFlags is SPEC §2's table: every flag and its environment twin.
var specFlags = []struct{ flag, env string }{
	{"--api-key-file", "BUFFER_API_KEY"},
	{"--api-url", "BUFFER_API_URL"},
	{"--transport", "BUFFER_MCP_TRANSPORT"},
	{"--addr", "BUFFER_MCP_ADDR"},
	{"--http-token-file", "BUFFER_MCP_HTTP_TOKEN"},
	{"--allowed-origin", "BUFFER_MCP_ALLOWED_ORIGINS"},
	{"--read-only", "BUFFER_MCP_READ_ONLY"},
	{"--tools", "BUFFER_MCP_TOOLS"},
	{"--confirm-publish", "BUFFER_MCP_CONFIRM_PUBLISH"},
	{"--sandbox", "BUFFER_MCP_SANDBOX"},
	{"--sandbox-seed", "BUFFER_MCP_SANDBOX_SEED"},
	{"--log-level", "BUFFER_MCP_LOG_LEVEL"},
}

func TestHelpListsEveryFlagWithItsEnvTwin(t *testing.T) {
	for _, arg := range []string{"--help", "-h"} {
		t.Run(arg, func(t *testing.T) {
			got := runBinary(t, baseEnv(), "", arg)
			require.Equal(t, 0, got.code, "stderr: %s", got.stderr)
			lines := strings.Split(got.stdout, "\n")
			for _, f := range specFlags {
				found := false
				for _, l := range lines {
					if strings.Contains(l, f.flag+" ") && strings.Contains(l, f.env) {
						found = true
						break
					}
				}
				assert.True(t, found, "--help has no line with both %s and %s:\n%s", f.flag, f.env, got.stdout)
			}
			assert.Contains(t, got.stdout, "--version")
			assert.Contains(t, got.stdout, "call TOOL")
			assert.Contains(t, got.stdout, "sandbox")
		})
	}
}

func TestVersion(t *testing.T) {
	got := runBinary(t, baseEnv(), "", "--version")
	assert.Equal(t, 0, got.code)
	lines := strings.Split(strings.TrimSuffix(got.stdout, "\n"), "\n")
	require.Len(t, lines, 3, got.stdout)
	assert.Equal(t, "buffer-mcp "+testVersion, lines[0])
	assert.True(t, strings.HasPrefix(lines[1], "commit "), lines[1]) // from git, unless GOFLAGS=-buildvcs=false
	assert.Equal(t, runtime.Version()+" "+runtime.GOOS+"/"+runtime.GOARCH, lines[2])
	assert.Empty(t, got.stderr)
}

func TestBadConfigurationExitsWithOneLine(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-file")
	empty := filepath.Join(t.TempDir(), "empty")
	require.NoError(t, os.WriteFile(empty, []byte("\n"), 0o600))

	tests := []struct {
		name string
		env  []string
		args []string
		want string // what the line must name, so that a person knows what to set
	}{
		{name: "missing key", args: nil, want: "BUFFER_API_KEY"},
		{name: "empty key", env: []string{"BUFFER_API_KEY="}, want: "BUFFER_API_KEY"},
		{name: "key too short to be one", env: []string{"BUFFER_API_KEY=e"}, want: "BUFFER_API_KEY"},
		{name: "key file missing", args: []string{"--api-key-file", missing}, want: "--api-key-file"},
		{name: "key file empty", args: []string{"--api-key-file", empty}, want: "--api-key-file"},
		{name: "unknown transport flag", args: []string{"--sandbox", "--transport", "pigeon"}, want: "BUFFER_MCP_TRANSPORT"},
		{name: "unknown transport env", env: []string{"BUFFER_MCP_SANDBOX=1", "BUFFER_MCP_TRANSPORT=pigeon"}, want: `"pigeon"`},
		{name: "unknown tool flag", args: []string{"--sandbox", "--tools", "get_account,post_everything"}, want: `"post_everything"`},
		{name: "unknown tool env", env: []string{"BUFFER_MCP_SANDBOX=1", "BUFFER_MCP_TOOLS=nope"}, want: `"nope"`},
		{name: "public address without token", args: []string{"--sandbox", "--transport", "http", "--addr", "0.0.0.0:8080"}, want: "BUFFER_MCP_HTTP_TOKEN"},
		{name: "bad log level", args: []string{"--sandbox", "--log-level", "loud"}, want: "BUFFER_MCP_LOG_LEVEL"},
		{name: "bad boolean", env: []string{"BUFFER_MCP_SANDBOX=maybe"}, want: "BUFFER_MCP_SANDBOX"},
		{name: "bad seed", args: []string{"--sandbox", "--sandbox-seed", "many-orgs"}, want: "one-org or two-orgs"},
		{name: "bad endpoint", env: []string{"BUFFER_API_KEY=k-1234567890abcdef", "BUFFER_API_URL=ftp://example.com"}, want: "BUFFER_API_URL"},
		{name: "unknown flag", args: []string{"--api-key", "k"}, want: "--help"},
		{name: "unknown command", args: []string{"--sandbox", "serve"}, want: `"serve"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runBinary(t, baseEnv(tt.env...), "", tt.args...)
			assert.NotEqual(t, 0, got.code)
			assert.Empty(t, got.stdout, "nothing on stdout")
			assert.Equal(t, 1, strings.Count(got.stderr, "\n"), "exactly one line on stderr, got:\n%s", got.stderr)
			assert.True(t, strings.HasPrefix(got.stderr, "buffer-mcp: "), "got %q", got.stderr)
			assert.Contains(t, got.stderr, tt.want)
		})
	}
}

func TestCallSubcommand(t *testing.T) {
	t.Run("list_posts against the in-process sandbox", func(t *testing.T) {
		got := runBinary(t, baseEnv(), "", "--sandbox", "call", "list_posts", `{"status":["scheduled"]}`)
		require.Equal(t, 0, got.code, "stderr: %s", got.stderr)
		var out postsResult
		require.NoError(t, json.Unmarshal([]byte(got.stdout), &out), "stdout is the structured content as JSON: %s", got.stdout)
		require.NotEmpty(t, out.Posts)
		for _, p := range out.Posts {
			assert.Equal(t, "scheduled", p.Status)
		}
		assert.Contains(t, got.stdout, "\n  \"posts\"", "indented JSON")
	})
	t.Run("arguments from stdin, settings from env", func(t *testing.T) {
		got := runBinary(t, baseEnv("BUFFER_MCP_SANDBOX=1"), `{"first": 1}`, "call", "list_posts", "-")
		require.Equal(t, 0, got.code, "stderr: %s", got.stderr)
		var out postsResult
		require.NoError(t, json.Unmarshal([]byte(got.stdout), &out))
		assert.Len(t, out.Posts, 1)
	})
	t.Run("an error result exits 1 and prints the error", func(t *testing.T) {
		got := runBinary(t, baseEnv(), "", "--sandbox", "call", "get_post", `{"postId":"not-an-id"}`)
		assert.Equal(t, 1, got.code)
		var out struct{ Error tools.ErrorInfo }
		require.NoError(t, json.Unmarshal([]byte(got.stdout), &out), "stdout: %s", got.stdout)
		assert.Equal(t, "InvalidArguments", out.Error.Type)
		assert.Equal(t, "postId", out.Error.Field)
		assert.Contains(t, got.stderr, "InvalidArguments")
	})
	t.Run("a partial fan-out exits 0 with its summary on stderr", func(t *testing.T) {
		got := runBinary(t, baseEnv(), "", "--sandbox", "call", "list_channels")
		require.Equal(t, 0, got.code, "stderr: %s", got.stderr)
		var chans struct{ Channels []channel }
		require.NoError(t, json.Unmarshal([]byte(got.stdout), &chans))
		var ok, broken string
		for _, ch := range chans.Channels {
			switch {
			case *ch.IsDisconnected:
				broken = ch.ID
			case ch.Service == "linkedin":
				ok = ch.ID
			}
		}
		require.NotEmpty(t, ok)
		require.NotEmpty(t, broken)
		args := `{"channelIds":["` + ok + `","` + broken + `"],"text":"from the shell"}`
		got = runBinary(t, baseEnv(), "", "--sandbox", "call", "create_post", args)
		assert.Equal(t, 0, got.code, "a post was created")
		assert.True(t, strings.HasPrefix(got.stderr, "Created 1 of 2 posts"), "stderr: %s", got.stderr)
		var out postsResult
		require.NoError(t, json.Unmarshal([]byte(got.stdout), &out))
		assert.Len(t, out.Posts, 1)
		assert.Len(t, out.Failed, 1)
	})
	t.Run("--help needs no key", func(t *testing.T) {
		got := runBinary(t, baseEnv(), "", "call", "--help")
		assert.Equal(t, 0, got.code, "stderr: %s", got.stderr)
		assert.Contains(t, got.stdout, "call TOOL")
	})
	usage := []struct {
		name string
		args []string
		want string
	}{
		{"no tool", []string{"--sandbox", "call"}, "usage"},
		{"unknown tool", []string{"--sandbox", "call", "post_everything"}, "get_account"},
		{"tool removed by --read-only", []string{"--sandbox", "--read-only", "call", "delete_post", `{"postId":"aaaaaaaaaaaaaaaaaaaaaaaa"}`}, `"delete_post"`},
		{"arguments not JSON", []string{"--sandbox", "call", "list_posts", "status=sent"}, "JSON object"},
		{"arguments not an object", []string{"--sandbox", "call", "list_posts", `["sent"]`}, "JSON object"},
		{"too many arguments", []string{"--sandbox", "call", "list_posts", "{}", "{}"}, "usage"},
	}
	for _, tt := range usage {
		t.Run("usage: "+tt.name, func(t *testing.T) {
			got := runBinary(t, baseEnv(), "", tt.args...)
			assert.Equal(t, 2, got.code)
			assert.Empty(t, got.stdout)
			assert.Contains(t, got.stderr, tt.want)
		})
	}
}

func TestSandboxSubcommand(t *testing.T) {
	sb := startSandbox(t, "--key", "custom-key")
	query := func(key string) map[string]any {
		t.Helper()
		req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, sb.url,
			strings.NewReader(`{"query":"query { account { id email } }"}`))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+key)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		var body map[string]any
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
		return body
	}

	ok := query("custom-key")
	assert.Nil(t, ok["errors"])
	assert.NotNil(t, ok["data"])

	bad := query(sandboxKey)
	assert.Contains(t, mustJSON(t, bad["errors"]), "UNAUTHORIZED", "a wrong key is refused as Buffer refuses it")

	sb.stop(t) // SIGTERM: must exit 0 promptly
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}
