// Package faults holds no code, only tests: the fault-injection suite. A reverse proxy on a
// loopback port stands between buffer-mcp's real client and the sandbox served over HTTP,
// and per GraphQL operation either answers a fault itself (the sandbox never sees the
// request) or forwards the request and then spoils the sandbox's answer (the sandbox has
// applied it). The tests drive the real tools through mcp-go's in-process client and check
// the tool result, the requests that went upstream and the sandbox's posts afterwards.
// README.md beside this file tables what each fault comes to.
package faults
