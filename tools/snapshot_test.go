package tools_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snapshotDir holds each tool's definition as clients see it. A change to a name, a
// description, a schema or an annotation shows up there in review; rewrite on purpose
// with UPDATE_SNAPSHOTS=1 go test ./tools/.
var snapshotDir = filepath.Join("testdata", "snapshots")

func TestToolDefinitionsMatchTheirSnapshots(t *testing.T) {
	update := os.Getenv("UPDATE_SNAPSHOTS") == "1"
	if update {
		require.NoError(t, os.MkdirAll(snapshotDir, 0o755))
	}
	for _, tool := range allTools() {
		name := tool.Definition.Name
		t.Run(name, func(t *testing.T) {
			got, err := json.MarshalIndent(tool.Definition, "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')
			path := filepath.Join(snapshotDir, name+".json")

			if update {
				require.NoError(t, os.WriteFile(path, got, 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "no snapshot for %s: run UPDATE_SNAPSHOTS=1 go test ./tools/ and review it", name)
			assert.Equal(t, string(want), string(got), "%s changed: if on purpose, run UPDATE_SNAPSHOTS=1 go test ./tools/", path)
		})
	}
}

func TestEverySnapshotBelongsToATool(t *testing.T) {
	entries, err := os.ReadDir(snapshotDir)
	require.NoError(t, err)
	known := map[string]bool{}
	for _, tool := range allTools() {
		known[tool.Definition.Name+".json"] = true
	}
	for _, e := range entries {
		assert.True(t, known[e.Name()] && strings.HasSuffix(e.Name(), ".json"),
			"%s is the snapshot of no tool: delete it", filepath.Join(snapshotDir, e.Name()))
	}
}
