package install

import (
	"fmt"
	"path/filepath"
	"strings"
)

// KeyPlaceholder is what the configuration of a client that cannot ask for a secret holds
// instead of the key, until the person replaces it. buffer-mcp refuses to start with it,
// saying where to put the key.
const KeyPlaceholder = "REPLACE_WITH_YOUR_BUFFER_API_KEY"

// The environment variables an entry sets (SPEC §2; BUFFER_MCP_TOOLSETS from §7.2).
const (
	envKey      = "BUFFER_API_KEY"
	envSandbox  = "BUFFER_MCP_SANDBOX"
	envReadOnly = "BUFFER_MCP_READ_ONLY"
	envToolsets = "BUFFER_MCP_TOOLSETS"
)

// vscodeInput is the id of the VS Code input that asks for the key.
const vscodeInput = "buffer-api-key"

// keyMode is how a client gets the key when the person did not ask to write it in.
type keyMode int

const (
	keyPlaceholder keyMode = iota // the placeholder, to be replaced by hand
	keyEnvRef                     // ${BUFFER_API_KEY}, expanded by the client from its environment
	keyInput                      // ${input:…}: the client asks the person and keeps the key itself
)

// A client is one MCP client's configuration file: where it is on each OS, the object that
// holds the servers, and how an entry looks there.
type client struct {
	name, title string
	serversKey  string // "mcpServers", or "servers" for VS Code
	typed       bool   // the entry names its transport ("type": "stdio")
	key         keyMode
	path        func(e Env) (string, error)
	reload      string // what the person does for the client to read the file again
}

var clients = []client{
	{
		name: "claude-desktop", title: "Claude Desktop", serversKey: "mcpServers", key: keyPlaceholder,
		path:   func(e Env) (string, error) { return appConfig(e, "Claude", "claude_desktop_config.json") },
		reload: "Quit Claude Desktop completely and open it again.",
	},
	{
		// User scope: the entry `claude mcp add --scope user` writes, in the file Claude Code
		// keeps (honouring CLAUDE_CONFIG_DIR as Claude Code does).
		name: "claude-code", title: "Claude Code", serversKey: "mcpServers", typed: true, key: keyEnvRef,
		path: func(e Env) (string, error) {
			if dir := e.Getenv("CLAUDE_CONFIG_DIR"); dir != "" {
				return filepath.Join(dir, ".claude.json"), nil
			}
			return filepath.Join(e.Home, ".claude.json"), nil
		},
		reload: "Start a new Claude Code session (claude mcp list shows the server).",
	},
	{
		name: "cursor", title: "Cursor", serversKey: "mcpServers", key: keyPlaceholder,
		path:   func(e Env) (string, error) { return filepath.Join(e.Home, ".cursor", "mcp.json"), nil },
		reload: "Cursor picks the change up by itself; if the server does not show, open Cursor Settings → MCP.",
	},
	{
		// The user-level mcp.json in VS Code's profile folder: the server follows the person
		// into every workspace, and the file is never committed with a project.
		name: "vscode", title: "VS Code", serversKey: "servers", typed: true, key: keyInput,
		path:   func(e Env) (string, error) { return appConfig(e, "Code", "User", "mcp.json") },
		reload: "In VS Code, run \"MCP: List Servers\" and start buffer; VS Code asks for the key the first time.",
	},
}

// ClientNames lists the clients install knows, for usage messages.
func ClientNames() []string {
	names := make([]string, 0, len(clients))
	for _, c := range clients {
		names = append(names, c.name)
	}
	return names
}

func findClient(name string) (client, error) {
	for _, c := range clients {
		if c.name == name {
			return c, nil
		}
	}
	return client{}, fmt.Errorf("unknown client %q: choose one of %s", name, strings.Join(ClientNames(), ", "))
}

// appConfig is a file in an application's folder of the user's configuration: Application
// Support on macOS, %APPDATA% on Windows, $XDG_CONFIG_HOME (or ~/.config) elsewhere.
func appConfig(e Env, parts ...string) (string, error) {
	var base string
	switch e.GOOS {
	case "darwin":
		base = filepath.Join(e.Home, "Library", "Application Support")
	case "windows":
		base = e.Getenv("APPDATA")
		if base == "" {
			base = filepath.Join(e.Home, "AppData", "Roaming")
		}
	default:
		base = e.Getenv("XDG_CONFIG_HOME")
		if base == "" || !filepath.IsAbs(base) {
			base = filepath.Join(e.Home, ".config")
		}
	}
	return filepath.Join(append([]string{base}, parts...)...), nil
}

// entry is the server's entry in the client's file, and for VS Code the input that asks for
// the key. existingKey is the key an entry of the same name already holds, if any.
func (c client) entry(o Options, exe, existingKey string) (object, *object) {
	env := object{}
	var input *object
	if !o.Sandbox {
		key := existingKey
		switch {
		case o.KeyFromEnv:
			key = o.key
		case key != "":
			// The person put a key there by hand: running install again (after moving the
			// binary, say) must not take it away.
		case c.key == keyInput:
			key = "${input:" + vscodeInput + "}"
			input = &object{}
			input.set("type", "promptString")
			input.set("id", vscodeInput)
			input.set("description", "Buffer API key (Buffer → Settings → API)")
			input.set("password", true)
		case c.key == keyEnvRef:
			key = "${" + envKey + "}"
		default:
			key = KeyPlaceholder
		}
		env.set(envKey, key)
	} else {
		env.set(envSandbox, "1")
	}
	if o.ReadOnly {
		env.set(envReadOnly, "1")
	}
	if o.Toolsets != "" {
		env.set(envToolsets, o.Toolsets)
	}
	e := object{}
	if c.typed {
		e.set("type", "stdio")
	}
	e.set("command", exe)
	e.set("args", []string{})
	e.set("env", env)
	return e, input
}

// isOwnKeyValue reports whether a key in an existing entry is one install wrote in place of
// a key (so not a key the person typed in).
func isOwnKeyValue(v string) bool {
	return v == KeyPlaceholder || strings.HasPrefix(v, "${")
}
