//go:build floorproxy && floorsandbox

package main

import (
	"github.com/mark3labs/mcp-go/server"

	"github.com/buffer-mcp/buffer-mcp/sandbox"
)

func init() { forwardToSandbox = embeddedSandbox }

// embeddedSandbox starts the sandbox in this process and returns list_posts forwarding to
// it through its in-process transport, the way buffer-mcp --sandbox reaches it.
func embeddedSandbox() (server.ToolHandlerFunc, error) {
	sb, err := sandbox.New(sandbox.Options{Key: sandbox.DefaultKey})
	if err != nil {
		return nil, err
	}
	return proxyVia("http://sandbox.invalid/", sandbox.DefaultKey, sb.Transport()), nil
}
