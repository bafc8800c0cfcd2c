package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/buffer-mcp/buffer-mcp/tools"
)

const callUsage = `buffer-mcp [flags] call TOOL ['{"argument":"value"}' | -]`

// callTimeout bounds one `call`: Buffer's retries take at most 20 s (SPEC §4).
const callTimeout = 2 * time.Minute

// runCall runs one tool through the same server that stdio would serve, sending it the
// JSON-RPC messages a client would (initialize, tools/list, tools/call), so that what it
// prints is what an MCP client would get: the structured
// content, as indented JSON, on stdout. Exit 0 on success, 1 when the result is an error,
// 2 for a usage error.
func runCall(ctx context.Context, srv *server.MCPServer, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "buffer-mcp call: "+format+"\n", a...)
		return exitUsage
	}
	if len(args) == 0 || len(args) > 2 {
		return usage("usage: %s", callUsage)
	}
	name, raw := args[0], "{}"
	if len(args) == 2 {
		raw = args[1]
	}
	if raw == "-" {
		b, err := io.ReadAll(stdin)
		if err != nil {
			return usage("cannot read the arguments from stdin: %v", err)
		}
		raw = string(b)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &obj); err != nil || obj == nil {
		return usage("the arguments must be one JSON object, such as '{\"first\":5}'")
	}

	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	if _, err := exchange[mcp.InitializeResult](ctx, srv, "initialize", mcp.InitializeParams{
		ProtocolVersion: mcp.LATEST_PROTOCOL_VERSION,
		ClientInfo:      mcp.Implementation{Name: "buffer-mcp call", Version: version},
	}); err != nil {
		return fail(stderr, err)
	}
	list, err := exchange[mcp.ListToolsResult](ctx, srv, "tools/list", struct{}{})
	if err != nil {
		return fail(stderr, err)
	}
	var names []string
	for _, t := range list.Tools {
		names = append(names, t.Name)
	}
	if !slices.Contains(names, name) {
		if ts := tools.ToolsetOf(name); ts != "" {
			return usage("tool %q is not offered with these settings: it is in the %s toolset (--toolsets %s "+
				"offers it), and --tools and --read-only narrow the tools further", name, ts, ts)
		}
		return usage("unknown tool %q: the tools offered are %s", name, strings.Join(names, ", "))
	}

	res, err := exchange[mcp.CallToolResult](ctx, srv, "tools/call", map[string]any{"name": name, "arguments": json.RawMessage(raw)})
	if err != nil {
		return fail(stderr, err)
	}
	if err := printResult(stdout, res); err != nil {
		return fail(stderr, err)
	}
	if line := summaryLine(res); line != "" {
		fmt.Fprintln(stderr, line) // the error, or a summary such as "Created 2 of 3 posts; …"
	}
	if res.IsError {
		return exitFailure
	}
	return exitOK
}

// printResult writes the structured content as indented JSON, or the text content when a
// result has none.
func printResult(w io.Writer, res *mcp.CallToolResult) error {
	if res.StructuredContent == nil {
		for _, c := range res.Content {
			if t, ok := mcp.AsTextContent(c); ok {
				fmt.Fprintln(w, t.Text)
			}
		}
		return nil
	}
	b, err := json.MarshalIndent(res.StructuredContent, "", "  ")
	if err != nil {
		return fmt.Errorf("encode the result: %w", err)
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// summaryLine is the line of text a result starts with, when it is not just the JSON
// printed already: an error's message, or a summary a person can act on.
func summaryLine(res *mcp.CallToolResult) string {
	for _, c := range res.Content {
		if t, ok := mcp.AsTextContent(c); ok {
			line, _, _ := strings.Cut(t.Text, "\n")
			if line = strings.TrimSpace(line); line != "" && !json.Valid([]byte(line)) {
				return line
			}
			return ""
		}
	}
	return ""
}

func fail(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "buffer-mcp call: %v\n", err)
	return exitFailure
}

// exchange sends the server one JSON-RPC request, as encoded bytes like any transport's,
// and decodes the answer's result. It is what an in-process MCP client would do, without
// linking mcp-go's client and its transports into every start of the binary.
func exchange[R any](ctx context.Context, srv *server.MCPServer, method string, params any) (*R, error) {
	msg, err := json.Marshal(map[string]any{"jsonrpc": mcp.JSONRPC_VERSION, "id": 1, "method": method, "params": params})
	if err != nil {
		return nil, err
	}
	answer, err := json.Marshal(srv.HandleMessage(ctx, msg))
	if err != nil {
		return nil, fmt.Errorf("encode the answer to %s: %w", method, err)
	}
	var resp struct {
		Result json.RawMessage `json:"result"`
		Error  *struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal(answer, &resp); err != nil {
		return nil, fmt.Errorf("read the answer to %s: %w", method, err)
	}
	if resp.Error != nil {
		return nil, fmt.Errorf("%s: %s (%d)", method, resp.Error.Message, resp.Error.Code)
	}
	if method == "tools/call" {
		// Content is an interface: mcp-go's parser knows its kinds.
		res, err := mcp.ParseCallToolResult(&resp.Result)
		if err != nil {
			return nil, fmt.Errorf("read the answer to %s: %w", method, err)
		}
		return any(res).(*R), nil
	}
	var r R
	if err := json.Unmarshal(resp.Result, &r); err != nil {
		return nil, fmt.Errorf("read the answer to %s: %w", method, err)
	}
	return &r, nil
}
