package faults_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the run when any test leaves a goroutine behind: a hijacked connection
// never closed, a late answer still waiting, an idle connection or an MCP client left open.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
