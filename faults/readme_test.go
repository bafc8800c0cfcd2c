package faults_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestREADMEShowsTheCasesTable: faults/README.md carries the table rendered from the cases
// that the tests above assert, so that the two cannot drift apart.
func TestREADMEShowsTheCasesTable(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	assert.NoError(t, err)
	if !assert.Contains(t, string(readme), markdownTable(), "faults/README.md's table") {
		t.Log("the table as the cases have it:\n" + markdownTable())
	}
}
