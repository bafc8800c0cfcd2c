package install

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

const keyPage = "Buffer → Settings → API, https://publish.buffer.com/settings/api"

// printEntry writes the entry as the client's file would hold it (the servers object, and
// VS Code's inputs), to paste by hand; where it goes is said on stderr, so that stdout is
// the JSON alone.
func printEntry(c client, o Options, env Env, path string, stdout, stderr io.Writer) int {
	entry, input := c.entry(o, env.Exe, "")
	servers := object{}
	servers.set(o.Name, entry)
	doc := object{}
	if input != nil {
		doc.set("inputs", []any{*input})
	}
	doc.set(c.serversKey, servers)
	data, err := render(doc)
	if err != nil {
		fmt.Fprintf(stderr, "buffer-mcp install: %v\n", err)
		return exitFailure
	}
	_, _ = stdout.Write(data)
	fmt.Fprintf(stderr, "Merge this into %s's configuration, %s (buffer-mcp install %s writes it for you).\n", c.title, path, c.name)
	if note := keyNote(c, o, path, false); note != "" {
		fmt.Fprintln(stderr, note)
	}
	return exitOK
}

// report says what install did, what the entry runs, and what the person does next.
func report(w io.Writer, c client, o Options, env Env, path string, res result) {
	switch {
	case res.unchanged:
		fmt.Fprintf(w, "%s's configuration already has this %q server: %s\n", c.title, o.Name, path)
	case res.replaced:
		fmt.Fprintf(w, "Updated the %q server in %s's configuration: %s\n", o.Name, c.title, path)
	case res.created:
		fmt.Fprintf(w, "Created %s's configuration with the %q server: %s\n", c.title, o.Name, path)
	default:
		fmt.Fprintf(w, "Added the %q server to %s's configuration: %s\n", o.Name, c.title, path)
	}
	if res.backup != "" {
		fmt.Fprintf(w, "The previous file is kept as %s.\n", filepath.Base(res.backup))
	}
	fmt.Fprintf(w, "It runs %s%s.\n", env.Exe, settings(o))
	if res.keptKey {
		fmt.Fprintln(w, "The API key that the entry already held is kept.")
	} else if note := keyNote(c, o, path, true); note != "" {
		fmt.Fprintln(w, note)
	}
	if !res.unchanged {
		fmt.Fprintln(w, c.reload)
	}
	fmt.Fprintf(w, "To check the key and Buffer's API from a shell: %s doctor\n", env.Exe)
}

func settings(o Options) string {
	var s []string
	if o.Sandbox {
		s = append(s, "against the built-in sandbox (no key, no network)")
	}
	if o.ReadOnly {
		s = append(s, "read-only")
	}
	if o.Toolsets != "" {
		s = append(s, "with the toolsets "+o.Toolsets)
	}
	if len(s) == 0 {
		return ""
	}
	return ", " + strings.Join(s, ", ")
}

// keyNote tells the person where the key comes from, and what to do when it is not there
// yet. written says whether the file was written (or only printed).
func keyNote(c client, o Options, path string, written bool) string {
	switch {
	case o.Sandbox:
		return ""
	case o.KeyFromEnv:
		if written {
			return "The API key from BUFFER_API_KEY is written into the file, readable by you alone."
		}
		return "The entry holds the API key from BUFFER_API_KEY: keep it out of anything you share."
	}
	switch c.key {
	case keyInput:
		return "The file holds no key: VS Code asks for it when the server first starts and keeps it in its secret storage."
	case keyEnvRef:
		return "The file holds no key: Claude Code passes on BUFFER_API_KEY from the environment it runs in " +
			"(export BUFFER_API_KEY=… in your shell profile; create a key at " + keyPage + "), " +
			"or run install again with --with-key-from-env to write it into the file."
	default:
		where := "the entry"
		if written {
			where = path
		}
		return fmt.Sprintf("Before it works, replace %s in %s with your Buffer API key (%s); "+
			"until then the server refuses to start. Or run install again with --with-key-from-env.", KeyPlaceholder, where, keyPage)
	}
}
