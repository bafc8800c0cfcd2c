//go:build nosandbox

package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// A build with -tags nosandbox leaves the sandbox out: a binary for people who only talk to
// Buffer, several MB smaller and lighter when running, because graphql-go's
// reflection over resolver methods makes the linker keep every exported method in the
// program (BENCHMARKS.md measures both builds). --sandbox and the sandbox command then say
// so instead of starting.

var errNoSandbox = errors.New("this buffer-mcp was built without the sandbox (-tags nosandbox); build it without that tag to use --sandbox")

func sandboxClient(string) (client.Config, error) { return client.Config{}, errNoSandbox }

func runSandbox(_ context.Context, _ []string, _, stderr io.Writer, _ func(string) string) int {
	fmt.Fprintf(stderr, "buffer-mcp sandbox: %v\n", errNoSandbox)
	return exitUsage
}
