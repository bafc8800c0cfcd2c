// Package testkit holds what the end-to-end and fault tests share: building the binary
// under test, and reading a tool's result as an MCP client sees it. Only tests import it.
package testkit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/tools"
)

// mainPackage is the command under test, by import path so that any test directory can
// build it.
const mainPackage = "github.com/buffer-mcp/buffer-mcp/cmd/buffer-mcp"

// BuildBinary builds buffer-mcp into dir and returns its path. It is built as the README
// builds it (static, CGO_ENABLED=0), or with -race when the tests run with -race (which
// needs cgo), so that the binary's own races fail the tests too. Extra arguments go to
// go build before the package (e.g. "-ldflags", "-X main.version=v0", or "-tags", "x").
func BuildBinary(dir string, extra ...string) (string, error) {
	bin := filepath.Join(dir, "buffer-mcp")
	args := append([]string{"build", "-o", bin}, extra...)
	if Race {
		args = append(args, "-race")
	}
	build := exec.Command("go", append(args, mainPackage)...)
	build.Env = os.Environ()
	if !Race {
		build.Env = append(build.Env, "CGO_ENABLED=0")
	}
	if out, err := build.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go %v: %v\n%s", args, err, out)
	}
	return bin, nil
}

// SyncBuffer is a bytes.Buffer that a process can write to while a test reads it.
type SyncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *SyncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *SyncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// ToolError asserts that res is an error result with a line of text, and returns its
// structuredContent.error.
func ToolError(t testing.TB, res *mcp.CallToolResult) tools.ErrorInfo {
	t.Helper()
	require.True(t, res.IsError, "expected an error result, got: %s", Text(res))
	var got struct {
		Error *tools.ErrorInfo `json:"error"`
	}
	require.NoError(t, json.Unmarshal(structured(t, res), &got))
	require.NotNil(t, got.Error, "an error result carries structuredContent.error: %s", Text(res))
	assert.NotEmpty(t, Text(res), "an error result carries a line of text")
	return *got.Error
}

// Text is the result's first text content, "" when there is none.
func Text(res *mcp.CallToolResult) string {
	for _, c := range res.Content {
		if tc, ok := mcp.AsTextContent(c); ok {
			return tc.Text
		}
	}
	return ""
}

// structured is the result's structured content as JSON, however the client decoded it.
func structured(t testing.TB, res *mcp.CallToolResult) []byte {
	t.Helper()
	if len(res.RawStructuredContent) > 0 {
		return res.RawStructuredContent
	}
	b, err := json.Marshal(res.StructuredContent)
	require.NoError(t, err)
	return b
}
