// Package install is `buffer-mcp install`: it adds this binary to an MCP client's
// configuration (Claude Desktop, Claude Code, Cursor, VS Code), merging with what the file
// already holds and keeping a copy of it, or prints the entry with --print. The API key goes
// into the file only when the person asks (--with-key-from-env); otherwise the client asks
// for it (VS Code), reads it from its environment (Claude Code), or the entry holds a
// placeholder that buffer-mcp refuses to start with.
package install

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Env is the machine install runs on; tests give it another OS and a temporary home.
type Env struct {
	GOOS   string              // runtime.GOOS
	Home   string              // the user's home directory
	Getenv func(string) string // APPDATA, XDG_CONFIG_HOME, CLAUDE_CONFIG_DIR, BUFFER_API_KEY
	Exe    string              // this binary's absolute path
	Now    func() time.Time    // names the backup
}

// Options are the command line's choices.
type Options struct {
	Client     string
	Print      bool
	Sandbox    bool
	ReadOnly   bool
	Toolsets   string
	KeyFromEnv bool
	Name       string // the server's name in the file; "buffer" by default

	key string // BUFFER_API_KEY, with KeyFromEnv
}

// Exit codes, as buffer-mcp's.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

const usage = `Usage: buffer-mcp install CLIENT [flags]

Adds this buffer-mcp to an MCP client's configuration, for the current user. CLIENT is one of
claude-desktop, claude-code, cursor, vscode. The file is merged, never replaced: other servers
and settings stay, a copy of the previous file is kept beside it (NAME.bak-DATE), and a file
that is not valid JSON is left alone.

  --print               print the entry instead of writing the file
  --sandbox             run against the built-in sandbox (no key, no network)
  --read-only           offer only the tools that read (BUFFER_MCP_READ_ONLY=1)
  --toolsets a,b        the toolsets to offer (BUFFER_MCP_TOOLSETS)
  --with-key-from-env   write the key from BUFFER_API_KEY into the file; otherwise the file
                        holds no key: VS Code asks for it, Claude Code reads BUFFER_API_KEY
                        from its environment, Claude Desktop and Cursor get a placeholder to
                        replace
  --name NAME           the server's name in the client, default buffer
`

// Main runs `buffer-mcp install` with the arguments that follow it and returns the exit code.
func Main(args []string, env Env, stdout, stderr io.Writer) int {
	o, err := parseArgs(args, env)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "buffer-mcp install: %v\n", err)
		return exitUsage
	}
	c, _ := findClient(o.Client)
	path, err := c.path(env)
	if err != nil {
		fmt.Fprintf(stderr, "buffer-mcp install: %v\n", err)
		return exitFailure
	}
	if o.Print {
		return printEntry(c, o, env, path, stdout, stderr)
	}
	res, err := write(c, o, env, path)
	if err != nil {
		fmt.Fprintf(stderr, "buffer-mcp install: %s's configuration %s: %v; nothing was written. "+
			"`buffer-mcp install %s --print` shows the entry to add by hand.\n", c.title, path, err, c.name)
		return exitFailure
	}
	report(stdout, c, o, env, path, res)
	return exitOK
}

var namePattern = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)

func parseArgs(args []string, env Env) (Options, error) {
	o := Options{Name: "buffer"}
	fs := flag.NewFlagSet("buffer-mcp install", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&o.Print, "print", false, "")
	fs.BoolVar(&o.Sandbox, "sandbox", false, "")
	fs.BoolVar(&o.ReadOnly, "read-only", false, "")
	fs.StringVar(&o.Toolsets, "toolsets", "", "")
	fs.BoolVar(&o.KeyFromEnv, "with-key-from-env", false, "")
	fs.StringVar(&o.Name, "name", o.Name, "")
	// The client may come before, between or after the flags.
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return o, err
			}
			return o, fmt.Errorf("%v (see buffer-mcp install --help)", err)
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch len(positional) {
	case 0:
		return o, fmt.Errorf("name the client: buffer-mcp install %s (see buffer-mcp install --help)", strings.Join(ClientNames(), "|"))
	case 1:
		o.Client = positional[0]
	default:
		return o, fmt.Errorf("one client at a time, got %s", strings.Join(positional, " "))
	}
	if _, err := findClient(o.Client); err != nil {
		return o, err
	}
	if !namePattern.MatchString(o.Name) {
		return o, fmt.Errorf("--name %q: use letters, digits, '.', '_' or '-'", o.Name)
	}
	o.Toolsets = normalizeList(o.Toolsets)
	if o.Toolsets != "" && !regexp.MustCompile(`^[a-z0-9_-]+(,[a-z0-9_-]+)*$`).MatchString(o.Toolsets) {
		return o, fmt.Errorf("--toolsets %q: give toolset names separated by commas, such as account,posts", o.Toolsets)
	}
	if o.KeyFromEnv {
		if o.Sandbox {
			return o, errors.New("--with-key-from-env and --sandbox: the sandbox needs no key")
		}
		o.key = strings.TrimSpace(env.Getenv(envKey))
		if o.key == "" {
			return o, fmt.Errorf("--with-key-from-env: %s is not set in this shell", envKey)
		}
	}
	if !filepath.IsAbs(env.Home) {
		return o, fmt.Errorf("cannot tell the home directory (%q): set HOME", env.Home)
	}
	if !isAbs(env.GOOS, env.Exe) {
		return o, fmt.Errorf("cannot tell where this buffer-mcp is (%q)", env.Exe)
	}
	if strings.Contains(strings.ReplaceAll(env.Exe, `\`, "/"), "/go-build") {
		return o, errors.New("this buffer-mcp is a temporary build (go run), which is gone when it exits: " +
			"build it (CGO_ENABLED=0 go build -o bin/buffer-mcp ./cmd/buffer-mcp) or download a release, then run install from that binary")
	}
	return o, nil
}

// isAbs is filepath.IsAbs for the OS install writes for, which tests choose.
func isAbs(goos, p string) bool {
	if goos != "windows" {
		return strings.HasPrefix(p, "/")
	}
	return strings.HasPrefix(p, `\\`) || len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/')
}

func normalizeList(s string) string {
	var items []string
	for item := range strings.SplitSeq(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			items = append(items, item)
		}
	}
	return strings.Join(items, ",")
}

// result is what write did.
type result struct {
	replaced  bool   // an entry of that name was there
	keptKey   bool   // it held a key, which stays
	unchanged bool   // the file already said this
	backup    string // the copy of the previous file; "" when there was none
	created   bool   // the file did not exist
}

// write merges the entry into the client's file. It refuses, writing nothing, a file that
// is not a JSON object or whose servers member is not one.
func write(c client, o Options, env Env, path string) (result, error) {
	var res result
	old, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		res.created = true
	case err != nil:
		return res, err
	}
	doc, err := parseObject(old)
	if err != nil {
		return res, err
	}
	servers, err := childObject(doc, c.serversKey)
	if err != nil {
		return res, err
	}
	existingKey := ""
	if prev, ok := servers.get(o.Name); ok {
		res.replaced = true
		if k := keyIn(prev); k != "" && !isOwnKeyValue(k) {
			existingKey = k
		}
	}
	entry, input := c.entry(o, env.Exe, existingKey)
	res.keptKey = existingKey != "" && !o.KeyFromEnv && !o.Sandbox
	servers.set(o.Name, entry)
	doc.set(c.serversKey, servers)
	if input != nil {
		if err := addInput(&doc, *input); err != nil {
			return res, err
		}
	}
	data, err := render(doc)
	if err != nil {
		return res, err
	}
	if bytes.Equal(data, old) {
		res.unchanged = true
		return res, nil
	}
	mode := fs.FileMode(0o600) // it may hold a key one day
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	if o.KeyFromEnv || res.keptKey {
		mode &^= 0o077 // a file with a key is the owner's alone
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return res, err
	}
	if !res.created {
		if res.backup, err = backup(path, old, mode, env.Now()); err != nil {
			return res, fmt.Errorf("keeping a copy: %w", err)
		}
	}
	return res, replaceFile(path, data, old, res.created, mode)
}

// keyIn is the BUFFER_API_KEY of an existing entry, if it has one.
func keyIn(entry any) string {
	var e struct {
		Env map[string]any `json:"env"`
	}
	if json.Unmarshal(rawOf(entry), &e) != nil {
		return ""
	}
	k, _ := e.Env[envKey].(string)
	return k
}

// addInput adds VS Code's input that asks for the key, unless one with its id is there.
func addInput(doc *object, input object) error {
	var inputs []any
	if v, ok := doc.get("inputs"); ok {
		var list []json.RawMessage
		if err := json.Unmarshal(rawOf(v), &list); err != nil {
			return errors.New(`"inputs" is not a JSON array`)
		}
		for _, item := range list {
			var in struct {
				ID string `json:"id"`
			}
			if json.Unmarshal(item, &in) == nil && in.ID == vscodeInput {
				return nil
			}
			inputs = append(inputs, item)
		}
	}
	doc.set("inputs", append(inputs, input))
	return nil
}

// rawOf is a member's value as JSON, whether it was read (raw) or set here.
func rawOf(v any) []byte {
	b, _ := marshal(v)
	return b
}

// backup writes the previous content beside the file, under a name no other run takes.
func backup(path string, old []byte, mode fs.FileMode, now time.Time) (string, error) {
	base := path + ".bak-" + now.Format("20060102-150405")
	name := base
	for i := 2; ; i++ {
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
		if errors.Is(err, fs.ErrExist) {
			name = fmt.Sprintf("%s-%d", base, i)
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.Write(old)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return name, err
	}
}

// replaceFile writes data to path through a temporary file and a rename, so that the
// client never reads half a file; and it gives up when the file changed since it was read
// (the client itself writing it meanwhile), rather than lose that change.
func replaceFile(path string, data, old []byte, created bool, mode fs.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if err == nil {
		err = tmp.Chmod(mode)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	now, err := os.ReadFile(path)
	if changed := (created && err == nil) || (!created && (err != nil || !bytes.Equal(now, old))); changed {
		return errors.New("it changed while install was merging it (the client may be writing it): run install again")
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return os.Chmod(path, mode) // Rename keeps the temporary file's mode; Chmod again for Windows' sake
}
