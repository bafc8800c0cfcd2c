package install_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/install"
)

// machine is a temporary home laid out as one OS's, with this binary at exe.
type machine struct {
	goos, home, exe string
	vars            map[string]string
}

var exes = map[string]string{
	"darwin":  "/Applications/buffer-mcp/buffer-mcp",
	"linux":   "/home/ada/.local/bin/buffer-mcp",
	"windows": `C:\Users\ada\buffer-mcp\buffer-mcp.exe`,
}

func newMachine(t *testing.T, goos string) *machine {
	home := t.TempDir()
	m := &machine{goos: goos, home: home, exe: exes[goos], vars: map[string]string{}}
	if goos == "windows" {
		m.vars["APPDATA"] = filepath.Join(home, "AppData", "Roaming")
	}
	return m
}

func (m *machine) env() install.Env {
	return install.Env{GOOS: m.goos, Home: m.home, Exe: m.exe, Getenv: func(k string) string { return m.vars[k] },
		Now: func() time.Time { return time.Date(2026, 12, 3, 10, 15, 0, 0, time.UTC) }}
}

// run runs `buffer-mcp install args...` on m.
func (m *machine) run(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = install.Main(args, m.env(), &out, &errOut)
	return code, out.String(), errOut.String()
}

// configPaths is where each client's file is, relative to the home, on each OS.
var configPaths = map[string]map[string]string{
	"claude-desktop": {
		"darwin":  "Library/Application Support/Claude/claude_desktop_config.json",
		"linux":   ".config/Claude/claude_desktop_config.json",
		"windows": "AppData/Roaming/Claude/claude_desktop_config.json",
	},
	"claude-code": {"darwin": ".claude.json", "linux": ".claude.json", "windows": ".claude.json"},
	"cursor":      {"darwin": ".cursor/mcp.json", "linux": ".cursor/mcp.json", "windows": ".cursor/mcp.json"},
	"vscode": {
		"darwin":  "Library/Application Support/Code/User/mcp.json",
		"linux":   ".config/Code/User/mcp.json",
		"windows": "AppData/Roaming/Code/User/mcp.json",
	},
}

var oses = []string{"darwin", "linux", "windows"}

func (m *machine) path(client string) string {
	return filepath.Join(m.home, filepath.FromSlash(configPaths[client][m.goos]))
}

// golden compares got with testdata/name.golden; UPDATE_SNAPSHOTS=1 rewrites it.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("testdata", name+".golden")
	if os.Getenv("UPDATE_SNAPSHOTS") != "" {
		require.NoError(t, os.WriteFile(file, got, 0o644))
	}
	want, err := os.ReadFile(file)
	require.NoError(t, err, "run UPDATE_SNAPSHOTS=1 go test ./install/ to write it")
	assert.Equal(t, string(want), string(got), "differs from %s", file)
}

// A first install on each client and OS: the file is created where that client reads it,
// with an entry for this binary and no key.
func TestFirstInstall(t *testing.T) {
	for _, client := range install.ClientNames() {
		for _, goos := range oses {
			t.Run(client+"/"+goos, func(t *testing.T) {
				m := newMachine(t, goos)
				code, stdout, stderr := m.run(client)
				require.Equal(t, 0, code, stderr)
				data, err := os.ReadFile(m.path(client))
				require.NoError(t, err, "the file is at %s", configPaths[client][goos])
				golden(t, client+"_"+goos, data)
				assert.Contains(t, stdout, "Created")
				assert.Contains(t, stdout, m.path(client))
				assert.NotContains(t, stdout, ".bak-", "nothing to back up")
				info, err := os.Stat(m.path(client))
				require.NoError(t, err)
				assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
			})
		}
	}
}

// What each client's file holds besides our entry stays, in its order; a copy of the old
// file is kept; the person is told what happened.
func TestMergeKeepsEverythingElse(t *testing.T) {
	existing := map[string]string{
		"claude-desktop": `{"globalShortcut": "Cmd+Space", "mcpServers": {"github": {"command": "npx", "args": ["-y", "gh-mcp"], "env": {"TOKEN": "<secret> & more"}}}}`,
		"claude-code": `{"numStartups": 42, "projects": {"/home/ada/src/app": {"mcpServers": {"local": {"command": "x"}}}},
			"mcpServers": {"context7": {"type": "stdio", "command": "npx", "args": ["-y", "@upstash/context7-mcp"], "env": {}}}, "userID": "abc"}`,
		"cursor": `{"mcpServers": {"buffer": {"command": "/old/path/buffer-mcp", "env": {"BUFFER_API_KEY": "REPLACE_WITH_YOUR_BUFFER_API_KEY"}},
			"playwright": {"command": "npx", "args": ["@playwright/mcp@latest"]}}}`,
		"vscode": `{"inputs": [{"type": "promptString", "id": "gh-token", "password": true}],
			"servers": {"github": {"type": "http", "url": "https://api.githubcopilot.com/mcp/"}}}`,
	}
	for _, client := range install.ClientNames() {
		t.Run(client, func(t *testing.T) {
			m := newMachine(t, "linux")
			require.NoError(t, os.MkdirAll(filepath.Dir(m.path(client)), 0o755))
			require.NoError(t, os.WriteFile(m.path(client), []byte(existing[client]), 0o644))

			code, stdout, stderr := m.run(client, "--read-only")
			require.Equal(t, 0, code, stderr)
			data, err := os.ReadFile(m.path(client))
			require.NoError(t, err)
			golden(t, "merge_"+client, data)

			backup := m.path(client) + ".bak-20261203-101500"
			old, err := os.ReadFile(backup)
			require.NoError(t, err, "the previous file is kept")
			assert.Equal(t, existing[client], string(old))
			assert.Contains(t, stdout, "kept as "+filepath.Base(backup))
			info, err := os.Stat(m.path(client))
			require.NoError(t, err)
			assert.Equal(t, os.FileMode(0o644), info.Mode().Perm(), "the file keeps its mode")
			assertNoTempFiles(t, filepath.Dir(m.path(client)))
		})
	}
}

// A file that is not JSON, or not the shape the client gives it, is refused: nothing is
// written, nothing is backed up, and the message names the file and says why.
func TestMalformedFileIsRefused(t *testing.T) {
	tests := []struct {
		name, client, content, says string
	}{
		{name: "cut short", client: "claude-desktop", content: `{"mcpServers": {"github": {"command": "npx"`, says: "not valid JSON (line 1"},
		{name: "a stray comma", client: "cursor", content: "{\n  \"mcpServers\": {},,\n}", says: "line 2, column 20"},
		{name: "comments (JSONC)", client: "vscode", content: "{\n  // my servers\n  \"servers\": {},\n}\n", says: "comments or trailing commas"},
		{name: "not an object", client: "claude-code", content: `["mcpServers"]`, says: "not a JSON object"},
		{name: "servers not an object", client: "claude-desktop", content: `{"mcpServers": []}`, says: `"mcpServers" is not a JSON object`},
		{name: "inputs not an array", client: "vscode", content: `{"inputs": {}, "servers": {}}`, says: `"inputs" is not a JSON array`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMachine(t, "darwin")
			path := m.path(tt.client)
			require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
			require.NoError(t, os.WriteFile(path, []byte(tt.content), 0o644))

			code, stdout, stderr := m.run(tt.client)
			assert.Equal(t, 1, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, path)
			assert.Contains(t, stderr, tt.says)
			assert.Contains(t, stderr, "nothing was written")
			assert.Contains(t, stderr, "--print")
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, tt.content, string(data), "the file is untouched")
			entries, err := os.ReadDir(filepath.Dir(path))
			require.NoError(t, err)
			assert.Len(t, entries, 1, "no backup, no temporary file")
		})
	}
}

func TestRunningTwiceChangesNothing(t *testing.T) {
	m := newMachine(t, "linux")
	code, _, stderr := m.run("cursor")
	require.Equal(t, 0, code, stderr)
	code, stdout, stderr := m.run("cursor")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "already has this \"buffer\" server")
	entries, err := os.ReadDir(filepath.Dir(m.path("cursor")))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no backup of an unchanged file")
}

// A key the person typed into an entry survives install running again (after the binary
// moved, say), and the file becomes the owner's alone.
func TestAKeyAlreadyThereIsKept(t *testing.T) {
	m := newMachine(t, "darwin")
	path := m.path("claude-desktop")
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(`{"mcpServers": {"buffer": {"command": "/old/buffer-mcp", "env": {"BUFFER_API_KEY": "typed-by-hand-123"}}}}`), 0o644))

	code, stdout, stderr := m.run("claude-desktop", "--read-only")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "Updated")
	assert.Contains(t, stdout, "already held is kept")
	assert.NotContains(t, stdout, "typed-by-hand-123")
	got := readServer(t, path, "mcpServers", "buffer")
	assert.Equal(t, m.exe, got.Command)
	assert.Equal(t, map[string]string{"BUFFER_API_KEY": "typed-by-hand-123", "BUFFER_MCP_READ_ONLY": "1"}, got.Env)
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
}

func TestWithKeyFromEnv(t *testing.T) {
	for _, client := range install.ClientNames() {
		t.Run(client, func(t *testing.T) {
			m := newMachine(t, "linux")
			m.vars["BUFFER_API_KEY"] = "key-from-env-456"
			path := m.path(client)
			require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
			require.NoError(t, os.WriteFile(path, []byte(`{}`), 0o644))

			code, stdout, stderr := m.run("--with-key-from-env", client)
			require.Equal(t, 0, code, stderr)
			assert.NotContains(t, stdout+stderr, "key-from-env-456", "the key is written, never shown")
			assert.Contains(t, stdout, "written into the file")
			serversKey := map[bool]string{true: "servers", false: "mcpServers"}[client == "vscode"]
			assert.Equal(t, "key-from-env-456", readServer(t, path, serversKey, "buffer").Env["BUFFER_API_KEY"])
			info, err := os.Stat(path)
			require.NoError(t, err)
			assert.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "a file with a key is the owner's alone")
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.NotContains(t, string(data), "inputs", "nothing to ask for")
		})
	}
}

func TestOptionsAreCarriedOver(t *testing.T) {
	m := newMachine(t, "linux")
	code, stdout, stderr := m.run("cursor", "--sandbox", "--read-only", "--toolsets", " account, posts ", "--name", "buffer-sandbox")
	require.Equal(t, 0, code, stderr)
	got := readServer(t, m.path("cursor"), "mcpServers", "buffer-sandbox")
	assert.Equal(t, map[string]string{"BUFFER_MCP_SANDBOX": "1", "BUFFER_MCP_READ_ONLY": "1", "BUFFER_MCP_TOOLSETS": "account,posts"}, got.Env)
	assert.Contains(t, stdout, "against the built-in sandbox")
	assert.NotContains(t, stdout, install.KeyPlaceholder, "the sandbox needs no key")
}

// --print writes the entry to stdout as JSON, and nothing to disk.
func TestPrint(t *testing.T) {
	for _, client := range install.ClientNames() {
		t.Run(client, func(t *testing.T) {
			m := newMachine(t, "windows")
			code, stdout, stderr := m.run(client, "--print")
			require.Equal(t, 0, code, stderr)
			golden(t, "print_"+client, []byte(stdout))
			assert.True(t, json.Valid([]byte(stdout)))
			assert.Contains(t, stderr, m.path(client), "where to merge it")
			_, err := os.Stat(m.path(client))
			assert.ErrorIs(t, err, os.ErrNotExist)
		})
	}
}

func TestWhereTheFilesAre(t *testing.T) {
	m := newMachine(t, "linux")
	m.vars["XDG_CONFIG_HOME"] = filepath.Join(m.home, "xdg")
	m.vars["CLAUDE_CONFIG_DIR"] = filepath.Join(m.home, "claude-config")
	for client, want := range map[string]string{
		"claude-desktop": "xdg/Claude/claude_desktop_config.json",
		"vscode":         "xdg/Code/User/mcp.json",
		"claude-code":    "claude-config/.claude.json",
	} {
		code, _, stderr := m.run(client)
		require.Equal(t, 0, code, stderr)
		assert.FileExists(t, filepath.Join(m.home, want), client)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		exe  string
		env  map[string]string
		says string
	}{
		{name: "no client", args: nil, says: "name the client"},
		{name: "unknown client", args: []string{"zed"}, says: `unknown client "zed"`},
		{name: "two clients", args: []string{"cursor", "vscode"}, says: "one client at a time"},
		{name: "unknown flag", args: []string{"cursor", "--global"}, says: "flag provided but not defined"},
		{name: "bad name", args: []string{"cursor", "--name", "my server"}, says: "--name"},
		{name: "bad toolsets", args: []string{"cursor", "--toolsets", "posts;ideas"}, says: "--toolsets"},
		{name: "key without a key", args: []string{"cursor", "--with-key-from-env"}, says: "BUFFER_API_KEY is not set"},
		{name: "key and sandbox", args: []string{"cursor", "--with-key-from-env", "--sandbox"}, env: map[string]string{"BUFFER_API_KEY": "k"}, says: "needs no key"},
		{name: "go run", args: []string{"cursor"}, exe: "/tmp/go-build123/b001/exe/buffer-mcp", says: "temporary build"},
		{name: "relative binary", args: []string{"cursor"}, exe: "bin/buffer-mcp", says: "cannot tell where"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMachine(t, "linux")
			if tt.exe != "" {
				m.exe = tt.exe
			}
			for k, v := range tt.env {
				m.vars[k] = v
			}
			code, stdout, stderr := m.run(tt.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tt.says)
			entries, err := os.ReadDir(m.home)
			require.NoError(t, err)
			assert.Empty(t, entries, "nothing is written")
		})
	}
	code, stdout, _ := newMachine(t, "linux").run("--help")
	assert.Equal(t, 0, code)
	assert.Contains(t, stdout, "Usage: buffer-mcp install CLIENT")
}

type server struct {
	Command string            `json:"command"`
	Env     map[string]string `json:"env"`
}

func readServer(t *testing.T, path, serversKey, name string) server {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var doc map[string]map[string]server
	require.NoError(t, json.Unmarshal(data, &doc))
	s, ok := doc[serversKey][name]
	require.True(t, ok, "%s has %s.%s: %s", path, serversKey, name, data)
	return s
}

func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.HasSuffix(e.Name(), ".tmp"), "temporary file left: %s", e.Name())
	}
}

// The README's table of clients names every client install knows, and the placeholder.
func TestREADMENamesEveryClient(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	for _, client := range install.ClientNames() {
		assert.Contains(t, string(readme), "| `"+client+"` |")
	}
	assert.Contains(t, string(readme), install.KeyPlaceholder)
}
