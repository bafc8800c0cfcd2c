package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/mark3labs/mcp-go/mcp"
)

// leanClient is an MCP client of the 2026-07-28 era reduced to what a tool call needs on
// the wire, so that a load spends its CPU on the server rather than on itself: one
// keep-alive connection pool, and a tools/call POSTed with the headers and _meta that
// mcp-go's own client sends (Mcp-Protocol-Version, Mcp-Method, Mcp-Name; protocol version,
// client info and capabilities in params._meta; TestLeanRequestIsWhatMCPGoSends compares
// them). Each call has its own JSON-RPC id, and each answer is read to its end and
// checked: HTTP 200, JSON, the call's id, a result that is not isError. It does not
// decode the result into mcp-go's types, which is most of what mcp-go's client spends.
type leanClient struct {
	url  string
	http *http.Client
	id   int64
	buf  bytes.Buffer
	resp []byte
}

// ConnectLean returns n lean clients of url, each with its own connection pool. It
// sends nothing: a 2026-07-28 client needs no handshake before tools/call.
func ConnectLean(url string, n int) []Caller {
	callers := make([]Caller, 0, n)
	for range n {
		callers = append(callers, &leanClient{url: url, http: &http.Client{Transport: ownTransport()}})
	}
	return callers
}

// leanMeta is the _meta of every request, as mcp-go's client spells it.
var leanMeta = map[string]any{
	mcp.MetaKeyClientCapabilities: map[string]any{},
	mcp.MetaKeyClientInfo:         mcp.Implementation{Name: "buffer-mcp-bench", Version: "0"},
	mcp.MetaKeyProtocolVersion:    ModernEra,
}

// leanBody is the tools/call request for call, with id.
func leanBody(id int64, call Call) ([]byte, error) {
	return json.Marshal(map[string]any{
		"jsonrpc": mcp.JSONRPC_VERSION,
		"id":      id,
		"method":  string(mcp.MethodToolsCall),
		"params":  map[string]any{"_meta": leanMeta, "name": call.Tool, "arguments": call.Args},
	})
}

func (c *leanClient) request(ctx context.Context, call Call) (*http.Request, error) {
	c.id++
	body, err := leanBody(c.id, call)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header = http.Header{
		"Content-Type":            {"application/json"},
		"Accept":                  {"application/json, text/event-stream"},
		mcp.HeaderProtocolVersion: {ModernEra},
		mcp.HeaderMethod:          {string(mcp.MethodToolsCall)},
		mcp.HeaderName:            {call.Tool},
	}
	return req, nil
}

// CallTool makes one call and checks its answer.
func (c *leanClient) CallTool(ctx context.Context, call Call) error {
	req, err := c.request(ctx, call)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	c.buf.Reset()
	_, err = c.buf.ReadFrom(io.LimitReader(resp.Body, 16<<20))
	resp.Body.Close()
	if err != nil {
		return err
	}
	return checkAnswer(resp, c.buf.Bytes(), c.id, call.Tool)
}

// checkAnswer accepts a JSON-RPC result for id that is not an error result. It reads the
// envelope by prefix rather than by decoding: mcp-go writes jsonrpc, id and result first.
func checkAnswer(resp *http.Response, body []byte, id int64, tool string) error {
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %d: %.200s", resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
		return fmt.Errorf("answer of type %q, want application/json", ct)
	}
	want := `{"jsonrpc":"2.0","id":` + strconv.FormatInt(id, 10) + `,"result":{`
	if !bytes.HasPrefix(body, []byte(want)) {
		return fmt.Errorf("answer is not the result of request %d: %.200s", id, body)
	}
	// A JSON string escapes its quotes, so this matches the result's own field only.
	if bytes.Contains(body, []byte(`"isError":true`)) {
		return fmt.Errorf("%s returned isError: %.300s", tool, body)
	}
	return nil
}

func (c *leanClient) Close() error {
	c.http.CloseIdleConnections()
	return nil
}
