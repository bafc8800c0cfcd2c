package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/httpserver"
	"github.com/buffer-mcp/buffer-mcp/install"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// config is the server's configuration (SPEC §2). Each setting comes from its flag, else
// from its environment variable, else from its default.
type config struct {
	apiKey         string // never printed, never logged
	apiURL         string
	transport      string
	addr           string
	httpToken      string // never printed, never logged
	allowedOrigins []string
	maxSessions    int
	readOnly       bool
	toolsets       []string // nil: the default toolsets
	tools          []string // nil: every tool of the toolsets
	confirmPublish bool
	sandbox        bool
	sandboxSeed    string
	logLevel       slog.Level
	logFormat      string
	version        bool
	args           []string // what follows the flags: a subcommand and its arguments
}

// An option is one setting: its flag, its environment variable and its help text. The
// table drives parsing, precedence and --help alike, so they cannot drift apart.
type option struct {
	flag    string // without dashes
	meta    string // the value's placeholder in --help; "" for a boolean flag
	env     string
	envNote string // what the variable holds, when it is not the flag's value
	def     string
	help    string
	file    bool // the flag names a file whose trimmed content is the value
	repeat  bool // the flag may be given several times; the variable is comma-separated
}

const (
	envAPIKey   = "BUFFER_API_KEY"
	envToolsets = "BUFFER_MCP_TOOLSETS"
	envTools    = "BUFFER_MCP_TOOLS"
)

// minKeyLength is the shortest API key accepted. Buffer does not publish its keys' format
// (its guide shows only a "buf_abc123..." placeholder), but a key is a long random string,
// and anything shorter than 16 characters is a typo or a stand-in. Refusing it also keeps
// the logs readable: every occurrence of the key is redacted, and a key of one character
// would blank that character inside ordinary words ("e[redacted]iting").
const minKeyLength = 16

// sandboxDefaultKey is the documented default key of `buffer-mcp sandbox` (sandbox.DefaultKey,
// checked by a test): public, not a secret, and accepted whatever its length, so that a
// server can be pointed at a sandbox served elsewhere.
const sandboxDefaultKey = "sandbox-key"

var options = []option{
	{flag: "api-key-file", meta: "PATH", env: envAPIKey, envNote: "the key itself", file: true,
		help: "File holding the Buffer API key (Buffer → Settings → API). Required unless --sandbox. The key is never a plain flag."},
	{flag: "api-url", meta: "URL", env: "BUFFER_API_URL", def: client.DefaultEndpoint,
		help: "The URL that requests to Buffer are POSTed to, as is."},
	{flag: "transport", meta: "stdio|http|sse", env: "BUFFER_MCP_TRANSPORT", def: "stdio",
		help: "How MCP clients reach the server."},
	{flag: "addr", meta: "HOST:PORT", env: "BUFFER_MCP_ADDR", def: "127.0.0.1:8080",
		help: "Listen address of the http and sse transports."},
	{flag: "http-token-file", meta: "PATH", env: "BUFFER_MCP_HTTP_TOKEN", envNote: "the token itself", file: true,
		help: "File holding the bearer token that HTTP clients must send. Required when --addr is not loopback."},
	{flag: "allowed-origin", meta: "URL", env: "BUFFER_MCP_ALLOWED_ORIGINS", envNote: "comma-separated", repeat: true,
		help: "An extra trusted Origin for the HTTP transports (behind a proxy). Repeatable."},
	{flag: "max-sessions", meta: "N", env: "BUFFER_MCP_MAX_SESSIONS", def: strconv.Itoa(httpserver.DefaultMaxSessions),
		help: "Most live 2025-era sessions, and most open event streams, on the HTTP transports; past it, 503."},
	{flag: "read-only", env: "BUFFER_MCP_READ_ONLY", def: "false",
		help: "Offer only the tools that read: no creating, editing or deleting posts."},
	{flag: "toolsets", meta: "a,b", env: envToolsets, def: strings.Join(tools.DefaultToolsets, ","),
		help: "Offer the tools of these toolsets: " + strings.Join(tools.Toolsets, ", ") + ", or all."},
	{flag: "tools", meta: "a,b", env: envTools,
		help: "Offer only the named tools (of the chosen toolsets; without --toolsets, any tool). With --read-only, write tools stay off."},
	{flag: "confirm-publish", env: "BUFFER_MCP_CONFIRM_PUBLISH", def: "true",
		help: "Ask the person before publishing now (mode shareNow); --confirm-publish=false or the variable set to 0 turns it off."},
	{flag: "sandbox", env: "BUFFER_MCP_SANDBOX", def: "false",
		help: "Run against the embedded, in-memory Buffer: no key and no network needed."},
	{flag: "sandbox-seed", meta: "one-org|two-orgs", env: "BUFFER_MCP_SANDBOX_SEED", def: "one-org",
		help: "The sandbox's data: one organization, or two to exercise the several-organizations rules."},
	{flag: "log-level", meta: "debug|info|warn|error", env: "BUFFER_MCP_LOG_LEVEL", def: "info",
		help: "Least severe log level written to stderr."},
	{flag: "log-format", meta: "text|json", env: "BUFFER_MCP_LOG_FORMAT", def: "text",
		help: "Format of the log lines on stderr."},
}

// parseConfig reads the configuration from args and the environment. It returns
// flag.ErrHelp for --help; any other error is one line saying what to set.
func parseConfig(args []string, getenv func(string) string) (*config, error) {
	fs := flag.NewFlagSet("buffer-mcp", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}

	given := map[string][]string{} // flag name → the values given on the command line
	for _, o := range options {
		record := func(v string) error { given[o.flag] = append(given[o.flag], v); return nil }
		if o.meta == "" {
			fs.BoolFunc(o.flag, o.help, record)
		} else {
			fs.Func(o.flag, o.help, record)
		}
	}
	showVersion := fs.Bool("version", false, "Print the version and exit.")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, fmt.Errorf("%v (see buffer-mcp --help)", err)
	}

	r := resolver{given: given, getenv: getenv}
	cfg := &config{version: *showVersion, args: fs.Args()}
	cfg.apiURL = r.value("api-url")
	cfg.transport = r.value("transport")
	cfg.addr = r.value("addr")
	cfg.allowedOrigins = r.list("allowed-origin")
	if n, err := strconv.Atoi(r.value("max-sessions")); err == nil && n > 0 {
		cfg.maxSessions = n
	} else {
		r.fail("max-sessions", "a whole number of 1 or more")
	}
	cfg.readOnly = r.bool("read-only")
	cfg.confirmPublish = r.bool("confirm-publish")
	cfg.sandbox = r.bool("sandbox")
	cfg.sandboxSeed = r.value("sandbox-seed")
	cfg.logFormat = r.value("log-format")
	if ts := r.list("toolsets"); len(ts) > 0 {
		cfg.toolsets = ts
	}
	if tl := r.list("tools"); len(tl) > 0 {
		cfg.tools = tl
	}
	if err := cfg.logLevel.UnmarshalText([]byte(r.value("log-level"))); err != nil {
		r.fail("log-level", "debug, info, warn or error")
	}
	if cfg.version || cfg.callHelp() {
		return cfg, r.err // neither needs a key
	}
	cfg.apiKey = r.value("api-key-file")
	cfg.httpToken = r.value("http-token-file")
	if r.err != nil {
		return nil, r.err
	}
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// validate checks what parsing alone cannot, in the order a person would fix it.
func (c *config) validate() error {
	if !slices.Contains([]string{"stdio", "http", "sse"}, c.transport) {
		return fmt.Errorf("unknown transport %q: set --transport or BUFFER_MCP_TRANSPORT to stdio, http or sse", c.transport)
	}
	if c.logFormat != "text" && c.logFormat != "json" {
		return fmt.Errorf("unknown log format %q: set --log-format or BUFFER_MCP_LOG_FORMAT to text or json", c.logFormat)
	}
	if c.sandboxSeed != "one-org" && c.sandboxSeed != "two-orgs" {
		return fmt.Errorf("unknown sandbox seed %q: set --sandbox-seed or BUFFER_MCP_SANDBOX_SEED to one-org or two-orgs", c.sandboxSeed)
	}
	if err := (tools.Selection{Toolsets: c.toolsets}).Check(); err != nil {
		return fmt.Errorf("%v (check --toolsets or %s)", err, envToolsets)
	}
	if err := c.selection().Check(); err != nil {
		return fmt.Errorf("%v (check --tools or %s)", err, envTools)
	}
	if !c.sandbox {
		if c.apiKey == "" {
			return fmt.Errorf("no Buffer API key: set %s or pass --api-key-file PATH (create a key in Buffer → Settings → API), or try --sandbox", envAPIKey)
		}
		if c.apiKey == install.KeyPlaceholder {
			return fmt.Errorf("%s is still the placeholder that buffer-mcp install wrote: replace %s in the MCP client's configuration "+
				"with your key (create one in Buffer → Settings → API)", envAPIKey, install.KeyPlaceholder)
		}
		if strings.HasPrefix(c.apiKey, "${") {
			return fmt.Errorf("%s is %q, a reference that the MCP client did not expand: set %s in the environment the client "+
				"runs in, or put the key itself in the client's configuration", envAPIKey, c.apiKey, envAPIKey)
		}
		if strings.ContainsFunc(c.apiKey, isSpaceOrControl) {
			return fmt.Errorf("the Buffer API key contains spaces or control characters: check %s or the --api-key-file", envAPIKey)
		}
		if n := utf8.RuneCountInString(c.apiKey); n < minKeyLength && c.apiKey != sandboxDefaultKey {
			return fmt.Errorf("the Buffer API key is too short to be one (%d of at least %d characters): check %s or the --api-key-file", n, minKeyLength, envAPIKey)
		}
		if err := checkURL(c.apiURL); err != nil {
			return fmt.Errorf("invalid Buffer endpoint: %v: set --api-url or BUFFER_API_URL to a URL such as %s", err, client.DefaultEndpoint)
		}
	}
	for _, o := range c.allowedOrigins {
		if err := checkURL(o); err != nil {
			return fmt.Errorf("invalid trusted origin: %v: set --allowed-origin or BUFFER_MCP_ALLOWED_ORIGINS to origins such as https://mcp.example.com", err)
		}
	}
	if c.transport != "stdio" {
		_, _, err := net.SplitHostPort(c.addr)
		if err != nil {
			return fmt.Errorf("invalid listen address %q: set --addr or BUFFER_MCP_ADDR to HOST:PORT, such as 127.0.0.1:8080", c.addr)
		}
		if err := (httpserver.Config{Addr: c.addr, Token: c.httpToken}).Check(); err != nil {
			return err
		}
	}
	return nil
}

// selection is which tools the server offers.
func (c *config) selection() tools.Selection {
	return tools.Selection{Toolsets: c.toolsets, Tools: c.tools, ReadOnly: c.readOnly}
}

// callHelp reports whether the command line asks for `call --help`.
func (c *config) callHelp() bool {
	return len(c.args) == 2 && c.args[0] == "call" && isHelpFlag(c.args[1])
}

func isHelpFlag(s string) bool { return s == "-h" || s == "-help" || s == "--help" }

// resolver applies the precedence flag > environment > default and keeps the first error.
type resolver struct {
	given  map[string][]string
	getenv func(string) string
	err    error
}

func lookupOption(name string) option {
	for _, o := range options {
		if o.flag == name {
			return o
		}
	}
	panic("no option " + name) // a typo in this file
}

// value is the setting's single value; for a file flag, the file's trimmed content.
func (r *resolver) value(name string) string {
	o := lookupOption(name)
	if vs, ok := r.given[name]; ok {
		v := vs[len(vs)-1]
		if !o.file {
			return v
		}
		b, err := os.ReadFile(v)
		if err != nil {
			r.setErr(fmt.Errorf("cannot read --%s %s: %v", name, v, unwrapPathError(err)))
			return ""
		}
		s := strings.TrimSpace(string(b))
		if s == "" {
			r.setErr(fmt.Errorf("--%s %s is empty: put the value in the file, or set %s", name, v, o.env))
		}
		return s
	}
	if v := strings.TrimSpace(r.getenv(o.env)); v != "" {
		return v
	}
	return o.def
}

// list is a repeatable or comma-separated setting, with empty items dropped.
func (r *resolver) list(name string) []string {
	o := lookupOption(name)
	raw, ok := r.given[name]
	if !ok {
		raw = []string{r.getenv(o.env)}
	}
	var out []string
	for _, v := range raw {
		for item := range strings.SplitSeq(v, ",") {
			if item = strings.TrimSpace(item); item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}

func (r *resolver) bool(name string) bool {
	v := r.value(name)
	b, err := strconv.ParseBool(v)
	if err != nil {
		r.fail(name, "1 or 0 (true or false)")
	}
	return b
}

// fail records that the setting's value is not one of want.
func (r *resolver) fail(name, want string) {
	o := lookupOption(name)
	r.setErr(fmt.Errorf("invalid %s %q: set --%s or %s to %s", strings.ReplaceAll(name, "-", " "), r.value(name), name, o.env, want))
}

func (r *resolver) setErr(err error) {
	if r.err == nil {
		r.err = err
	}
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return errors.Unwrap(err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return fmt.Errorf("%q is not an http or https URL", u.Redacted())
	}
	return nil
}

func isSpaceOrControl(r rune) bool { return r <= ' ' || r == 0x7f }
