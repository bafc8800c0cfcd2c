package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/buffer-mcp/buffer-mcp/tools"
)

// printUsage writes --help: the commands, then every flag with its environment variable.
func printUsage(w io.Writer, toolNames []string) {
	fmt.Fprint(w, `buffer-mcp is an MCP (Model Context Protocol) server for Buffer: it lets AI assistants
read a Buffer account's channels and posts and create, schedule, edit and delete posts.

Usage:
  buffer-mcp [flags]                   serve MCP over stdin/stdout (what an MCP client runs)
  buffer-mcp [flags] call TOOL [JSON]  run one tool and print its result as JSON
                                       (JSON is an object of arguments, "-" reads it from stdin)
  buffer-mcp [flags] doctor            check the key, the clock, the rate limit, and that every
                                       operation of this build fits Buffer's live schema
                                       (exit 0 only when every check passes)
  buffer-mcp install CLIENT [flags]    add this binary to claude-desktop, claude-code, cursor or
                                       vscode (buffer-mcp install --help)
  buffer-mcp sandbox [flags]           serve the sandbox, a fake Buffer API, over HTTP
                                       (buffer-mcp sandbox --help)
  buffer-mcp --version                 print the version, the commit and the Go version

Flags (each has an environment variable; a flag wins over its variable):
`)
	for _, o := range options {
		left := "--" + o.flag
		if o.meta != "" {
			left += " " + o.meta
		}
		right := "env " + o.env
		if o.envNote != "" {
			right += " (" + o.envNote + ")"
		}
		if o.def != "" {
			right += ", default " + o.def
		}
		fmt.Fprintf(w, "  %-38s %s\n      %s\n", left, right, o.help)
	}
	fmt.Fprintf(w, "  %-38s %s\n", "--version", "print the version and exit")
	fmt.Fprintf(w, "  %-38s %s\n", "--help", "show this help")
	fmt.Fprintf(w, "\nTools, by toolset (--toolsets; default %s):\n", strings.Join(tools.DefaultToolsets, ","))
	for _, ts := range tools.Toolsets {
		var names []string
		for _, name := range toolNames {
			if tools.ToolsetOf(name) == ts {
				names = append(names, name)
			}
		}
		if len(names) > 0 {
			fmt.Fprintf(w, "  %-10s %s\n", ts, strings.Join(names, ", "))
		}
	}
	fmt.Fprint(w, `
Example, with no key and no network:
  buffer-mcp --sandbox call list_posts '{"status":["scheduled"]}'
`)
}
