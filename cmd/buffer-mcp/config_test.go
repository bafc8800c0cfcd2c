package main

import (
	"bytes"
	"errors"
	"flag"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testTools = []string{"create_post", "delete_post", "get_account", "list_posts"}

func envFunc(kv map[string]string) func(string) string {
	return func(k string) string { return kv[k] }
}

func TestParseConfig(t *testing.T) {
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "key")
	require.NoError(t, os.WriteFile(keyFile, []byte("  from-file-1234567890\n"), 0o600))
	tokenFile := filepath.Join(dir, "token")
	require.NoError(t, os.WriteFile(tokenFile, []byte("tok-456\n"), 0o600))
	key := map[string]string{"BUFFER_API_KEY": "env-key-789-0123456789"}
	with := func(extra map[string]string) map[string]string {
		out := map[string]string{"BUFFER_API_KEY": "env-key-789-0123456789"}
		for k, v := range extra {
			out[k] = v
		}
		return out
	}

	tests := []struct {
		name  string
		args  []string
		env   map[string]string
		check func(t *testing.T, got *config)
	}{
		{"defaults", nil, key, func(t *testing.T, got *config) {
			assert.Equal(t, "env-key-789-0123456789", got.apiKey)
			assert.Equal(t, "https://api.buffer.com", got.apiURL)
			assert.Equal(t, "stdio", got.transport)
			assert.Equal(t, "127.0.0.1:8080", got.addr)
			assert.True(t, got.confirmPublish)
			assert.False(t, got.readOnly)
			assert.False(t, got.sandbox)
			assert.Equal(t, "one-org", got.sandboxSeed)
			assert.Equal(t, slog.LevelInfo, got.logLevel)
			assert.Equal(t, "text", got.logFormat)
			assert.Nil(t, got.tools)
			assert.Nil(t, got.toolsets, "the default toolsets")
			assert.Empty(t, got.args)
		}},
		{"env", nil, with(map[string]string{
			"BUFFER_API_URL": "http://127.0.0.1:9/graphql", "BUFFER_MCP_READ_ONLY": "1",
			"BUFFER_MCP_TOOLS": " get_account , list_posts,", "BUFFER_MCP_CONFIRM_PUBLISH": "0",
			"BUFFER_MCP_LOG_LEVEL": "debug", "BUFFER_MCP_LOG_FORMAT": "json",
			"BUFFER_MCP_ALLOWED_ORIGINS": "https://a.example,https://b.example",
			"BUFFER_MCP_SANDBOX_SEED":    "two-orgs",
		}), func(t *testing.T, got *config) {
			assert.Equal(t, "http://127.0.0.1:9/graphql", got.apiURL)
			assert.True(t, got.readOnly)
			assert.Equal(t, []string{"get_account", "list_posts"}, got.tools)
			assert.False(t, got.confirmPublish)
			assert.Equal(t, slog.LevelDebug, got.logLevel)
			assert.Equal(t, "json", got.logFormat)
			assert.Equal(t, []string{"https://a.example", "https://b.example"}, got.allowedOrigins)
			assert.Equal(t, "two-orgs", got.sandboxSeed)
		}},
		{"flags win over env", []string{
			"--api-url", "http://127.0.0.1:1/", "--confirm-publish", "--read-only=false",
			"--tools", "create_post", "--log-level", "warn", "--allowed-origin", "https://c.example",
			"--allowed-origin", "https://d.example", "--api-key-file", keyFile,
		}, with(map[string]string{
			"BUFFER_API_URL": "http://127.0.0.1:9/", "BUFFER_MCP_CONFIRM_PUBLISH": "0", "BUFFER_MCP_READ_ONLY": "true",
			"BUFFER_MCP_TOOLS": "get_account", "BUFFER_MCP_LOG_LEVEL": "debug",
			"BUFFER_MCP_ALLOWED_ORIGINS": "https://a.example",
		}), func(t *testing.T, got *config) {
			assert.Equal(t, "from-file-1234567890", got.apiKey, "the key file is trimmed and wins over the variable")
			assert.Equal(t, "http://127.0.0.1:1/", got.apiURL)
			assert.True(t, got.confirmPublish)
			assert.False(t, got.readOnly)
			assert.Equal(t, []string{"create_post"}, got.tools)
			assert.Equal(t, slog.LevelWarn, got.logLevel)
			assert.Equal(t, []string{"https://c.example", "https://d.example"}, got.allowedOrigins)
		}},
		{"toolsets from env", nil, with(map[string]string{"BUFFER_MCP_TOOLSETS": "posts, analytics"}), func(t *testing.T, got *config) {
			assert.Equal(t, []string{"posts", "analytics"}, got.toolsets)
			assert.Equal(t, []string{"posts", "analytics"}, got.selection().Toolsets)
		}},
		{"toolsets flag wins, with tools of them", []string{"--toolsets", "templates,graphql", "--tools", "execute_query"},
			with(map[string]string{"BUFFER_MCP_TOOLSETS": "posts"}), func(t *testing.T, got *config) {
				assert.Equal(t, []string{"templates", "graphql"}, got.toolsets)
				assert.Equal(t, []string{"execute_query"}, got.tools)
			}},
		{"an empty toolsets variable is the default", nil, with(map[string]string{"BUFFER_MCP_TOOLSETS": " , "}), func(t *testing.T, got *config) {
			assert.Nil(t, got.toolsets)
		}},
		{"--tools alone may name a tool of any toolset", []string{"--tools", "get_account,execute_query"}, key, func(t *testing.T, got *config) {
			assert.Nil(t, got.toolsets)
		}},
		{"--confirm-publish=false", []string{"--confirm-publish=false"}, key, func(t *testing.T, got *config) {
			assert.False(t, got.confirmPublish)
		}},
		{"sandbox needs no key", []string{"--sandbox"}, nil, func(t *testing.T, got *config) {
			assert.True(t, got.sandbox)
			assert.Empty(t, got.apiKey)
		}},
		{"sandbox from env", nil, map[string]string{"BUFFER_MCP_SANDBOX": "true"}, func(t *testing.T, got *config) {
			assert.True(t, got.sandbox)
		}},
		{"--version needs no key", []string{"--version"}, nil, func(t *testing.T, got *config) {
			assert.True(t, got.version)
		}},
		{"subcommand and its arguments", []string{"--sandbox", "call", "list_posts", `{"first":1}`}, nil, func(t *testing.T, got *config) {
			assert.Equal(t, []string{"call", "list_posts", `{"first":1}`}, got.args)
		}},
		{"public address with a token", []string{"--transport", "http", "--addr", "0.0.0.0:8080", "--http-token-file", tokenFile}, key, func(t *testing.T, got *config) {
			assert.Equal(t, "tok-456", got.httpToken)
		}},
		{"loopback needs no token", []string{"--transport", "sse", "--addr", "localhost:9000"}, key, func(t *testing.T, got *config) {
			assert.Empty(t, got.httpToken)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseConfig(tt.args, envFunc(tt.env))
			require.NoError(t, err)
			tt.check(t, got)
		})
	}
}

func TestParseConfigErrors(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty")
	require.NoError(t, os.WriteFile(empty, []byte(" \n"), 0o600))
	key := map[string]string{"BUFFER_API_KEY": "k-1234567890abcdef"}

	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"no key", nil, nil, "BUFFER_API_KEY"},
		{"blank key", nil, map[string]string{"BUFFER_API_KEY": "  "}, "BUFFER_API_KEY"},
		{"key with a space", nil, map[string]string{"BUFFER_API_KEY": "a b"}, "spaces"},
		{"key of one character", nil, map[string]string{"BUFFER_API_KEY": "e"}, "too short"},
		{"key of 15 characters", nil, map[string]string{"BUFFER_API_KEY": "0123456789abcde"}, "BUFFER_API_KEY"},
		{"empty key file", []string{"--api-key-file", empty}, nil, "is empty"},
		{"missing key file", []string{"--api-key-file", "/no/such/file"}, nil, "cannot read --api-key-file"},
		{"unknown transport", []string{"--transport", "grpc"}, key, "BUFFER_MCP_TRANSPORT"},
		{"unknown tool", []string{"--tools", "get_account,nope"}, key, `unknown tool "nope"`},
		{"unknown toolset", []string{"--toolsets", "posts,metrics"}, key, `unknown toolset "metrics": the toolsets are account, posts, ideas, analytics, templates, graphql, or all (check --toolsets or BUFFER_MCP_TOOLSETS)`},
		{"a tool outside the toolsets", nil, map[string]string{"BUFFER_API_KEY": "k-123456", "BUFFER_MCP_TOOLSETS": "account", "BUFFER_MCP_TOOLS": "get_post"},
			`tool "get_post" is in the posts toolset, which the chosen toolsets (account) leave out (check --tools or BUFFER_MCP_TOOLS)`},
		{"public address without token", []string{"--transport", "http", "--addr", ":8080"}, key, "BUFFER_MCP_HTTP_TOKEN"},
		{"bad address", []string{"--transport", "http", "--addr", "8080"}, key, "BUFFER_MCP_ADDR"},
		{"bad level", nil, map[string]string{"BUFFER_API_KEY": "k-1234567890abcdef", "BUFFER_MCP_LOG_LEVEL": "chatty"}, "BUFFER_MCP_LOG_LEVEL"},
		{"bad format", []string{"--log-format", "xml"}, key, "BUFFER_MCP_LOG_FORMAT"},
		{"bad boolean", nil, map[string]string{"BUFFER_API_KEY": "k-1234567890abcdef", "BUFFER_MCP_READ_ONLY": "yes"}, "BUFFER_MCP_READ_ONLY"},
		{"bad seed", []string{"--sandbox-seed", "three"}, key, "BUFFER_MCP_SANDBOX_SEED"},
		{"bad endpoint", []string{"--api-url", "api.buffer.com"}, key, "BUFFER_API_URL"},
		{"bad origin", []string{"--allowed-origin", "example.com"}, key, "BUFFER_MCP_ALLOWED_ORIGINS"},
		{"unknown flag", []string{"--api-key", "secret"}, key, "--help"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseConfig(tt.args, envFunc(tt.env))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.NotContains(t, err.Error(), "\n", "one line")
			assert.NotContains(t, err.Error(), "k-1234567890abcdef", "never the key")
		})
	}
}

func TestParseConfigHelp(t *testing.T) {
	for _, arg := range []string{"--help", "-h", "-help"} {
		_, err := parseConfig([]string{arg}, envFunc(nil))
		assert.True(t, errors.Is(err, flag.ErrHelp), arg)
	}
}

func TestUsageListsEveryOption(t *testing.T) {
	var b bytes.Buffer
	printUsage(&b, testTools)
	for _, o := range options {
		assert.Regexp(t, `(?m)^  --`+o.flag+`\b.* env `+o.env+`\b`, b.String())
	}
	assert.Contains(t, b.String(), "\n  account    get_account\n")
	assert.Contains(t, b.String(), "\n  posts      create_post, delete_post, list_posts\n")
}

func TestLoggerRedactsSecrets(t *testing.T) {
	const key = "bk-secret-0123456789"
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			var b bytes.Buffer
			log := newLogger(&b, format, slog.LevelDebug, key, "")
			log.Debug("sending with "+key, "header", "Bearer "+key, "err", errors.New("bad key "+key),
				slog.Group("req", "auth", key), "n", 3, "raw", []byte(key))
			log.With("k", key).Info("plain")
			assert.NotContains(t, b.String(), key)
			assert.Contains(t, b.String(), "[redacted]")
			assert.Contains(t, b.String(), "plain")
		})
	}
}

// Log lines carry their time in UTC whatever the machine's zone, with or without secrets to
// redact (so the first line never has to read the local zone).
func TestLogTimesAreUTC(t *testing.T) {
	saved := time.Local
	time.Local = time.FixedZone("UTC+5", 5*3600)
	t.Cleanup(func() { time.Local = saved })
	for _, format := range []string{"text", "json"} {
		for _, secrets := range [][]string{nil, {"bk-secret-0123456789"}} {
			var b bytes.Buffer
			newLogger(&b, format, slog.LevelInfo, secrets...).Info("hello", "at", time.Date(2026, 11, 29, 9, 0, 0, 0, time.Local))
			assert.Regexp(t, `time[":=]+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z`, b.String(), "%s, secrets %v", format, secrets)
			assert.Regexp(t, `at[":=]+2026-11-29T09:00:00(\.000)?\+05:00`, b.String(), "other times keep their zone (%s)", format)
		}
	}
}
