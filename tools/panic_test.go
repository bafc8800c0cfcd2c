package tools

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syncBuffer is a log sink safe to read while a handler may write.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// callBroken registers one test-only tool whose handler does what handle does, calls it
// through the real server and mcp-go's in-process client, and returns the result and
// the tool's definition.
func callBroken(t *testing.T, log *slog.Logger, handle func() (*getPostResult, error)) (*mcp.CallToolResult, mcp.Tool) {
	t.Helper()
	tool := newTool(spec[getPostArgs, getPostResult]{
		name: "broken", title: "Broken", description: "A tool with a bug.", hints: readHints,
		handle: func(context.Context, *getPostArgs) (*getPostResult, error) { return handle() },
	}, newShared(Deps{Log: log}))
	c, err := client.NewInProcessClient(newMCPServer("test", []Tool{tool}, newShared(Deps{}), nil))
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	require.NoError(t, c.Start(ctx))
	_, err = c.Initialize(ctx, mcp.InitializeRequest{})
	require.NoError(t, err)

	req := mcp.CallToolRequest{}
	req.Params.Name = "broken"
	req.Params.Arguments = map[string]any{"postId": "64d0000000000000000000d1"}
	res, err := c.CallTool(ctx, req)
	require.NoError(t, err, "a bug is a tool result, not a JSON-RPC error")
	return res, tool.Definition
}

func TestAPanicInAHandlerIsAGenericInternalErrorWithTheDetailsInTheLog(t *testing.T) {
	var logs syncBuffer
	res, def := callBroken(t, slog.New(slog.NewTextHandler(&logs, nil)), func() (*getPostResult, error) {
		panic("index out of range near test-key")
	})

	require.True(t, res.IsError)
	var got struct{ Error ErrorInfo }
	require.NoError(t, json.Unmarshal(res.RawStructuredContent, &got))
	assert.Equal(t, TypeInternalError, got.Error.Type)
	assert.Equal(t, "buffer-mcp hit an internal error; the details are in its log", got.Error.Message)
	assert.False(t, got.Error.Retryable)
	require.Len(t, res.Content, 1)
	tc, ok := mcp.AsTextContent(res.Content[0])
	require.True(t, ok)
	assert.Equal(t, "InternalError: buffer-mcp hit an internal error; the details are in its log", tc.Text)
	assert.NotContains(t, string(res.RawStructuredContent)+tc.Text, "test-key", "the panic's text stays out of the result")
	assert.Contains(t, logs.String(), "index out of range near test-key")
	assert.Contains(t, logs.String(), "panic_test.go", "the stack goes to the log")
	assertConforms(t, def, res)
}

func TestAGoErrorFromAHandlerIsAGenericInternalError(t *testing.T) {
	var logs syncBuffer
	res, def := callBroken(t, slog.New(slog.NewTextHandler(&logs, nil)), func() (*getPostResult, error) {
		return nil, errors.New("decode post: unexpected EOF")
	})

	require.True(t, res.IsError)
	var got struct{ Error ErrorInfo }
	require.NoError(t, json.Unmarshal(res.RawStructuredContent, &got))
	assert.Equal(t, TypeInternalError, got.Error.Type)
	assert.NotContains(t, got.Error.Message, "unexpected EOF")
	assert.Contains(t, logs.String(), "decode post: unexpected EOF")
	assertConforms(t, def, res)
}

// assertConforms checks an error result against the tool's output schema (SPEC §4).
func assertConforms(t *testing.T, def mcp.Tool, res *mcp.CallToolResult) {
	t.Helper()
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(def.RawOutputSchema))
	require.NoError(t, err)
	require.NoError(t, c.AddResource("mem:///broken.json", doc))
	s, err := c.Compile("mem:///broken.json")
	require.NoError(t, err)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(res.RawStructuredContent))
	require.NoError(t, err)
	assert.NoError(t, s.Validate(inst))
}

func TestNewServerValidatesSuccessResultsAgainstTheOutputSchema(t *testing.T) {
	res := callNonConforming(t)
	assert.True(t, res.IsError, "mcp-go's output validation turns a non-conforming result into an error")
}

func TestWithoutOutputValidationResultsGoOutAsTheyAre(t *testing.T) {
	// The program runs so; TestEveryResultOfEveryToolValidatesAgainstItsOutputSchema keeps
	// every tool's results to their schemas.
	res := callNonConforming(t, WithoutOutputValidation())
	assert.False(t, res.IsError)
	assert.JSONEq(t, `{"post":"oops"}`, string(res.RawStructuredContent))
}

// callNonConforming calls get_post through NewServer(opts) with a handler whose result does
// not fit get_post's output schema.
func callNonConforming(t *testing.T, opts ...ServerOption) *mcp.CallToolResult {
	t.Helper()
	d := newShared(Deps{})
	tool := getPost(d)
	// A handler that breaks the contract: "post" must be an object.
	tool.Handler = func(context.Context, mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return &mcp.CallToolResult{
			Content:           []mcp.Content{mcp.NewTextContent(`{"post":"oops"}`)},
			StructuredContent: map[string]any{"post": "oops"},
		}, nil
	}
	c, err := client.NewInProcessClient(newMCPServer("test", []Tool{tool}, d, nil, opts...))
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	require.NoError(t, c.Start(ctx))
	_, err = c.Initialize(ctx, mcp.InitializeRequest{})
	require.NoError(t, err)

	req := mcp.CallToolRequest{}
	req.Params.Name = "get_post"
	req.Params.Arguments = map[string]any{"postId": "64d0000000000000000000d1"}
	res, err := c.CallTool(ctx, req)
	require.NoError(t, err)
	return res
}
