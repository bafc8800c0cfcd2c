package bench

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The whole-process figures' measuring code runs against the real binary, built as the
// README builds it: one cold start, and a few overhead rounds with the same binary as the
// compared build. Nothing is timed against a target.
func TestWholeProcessMeasurementsRun(t *testing.T) {
	ctx := t.Context()
	root, _, err := Roots(ctx)
	require.NoError(t, err)
	bin, err := Build(ctx, root, t.TempDir())
	require.NoError(t, err)

	c, err := MeasureColdStart(ctx, bin, nil, []string{"BUFFER_API_KEY=bench-not-a-real-key", "BUFFER_MCP_SANDBOX="}, 0)
	require.NoError(t, err)
	assert.Positive(t, c.Tools)
	assert.Greater(t, c.ToToolsList, c.ToInitialize)
	assert.Positive(t, c.IdleRSS)

	o, err := MeasureOverhead(ctx, bin, bin, 3, 1)
	require.NoError(t, err)
	assert.Len(t, o.ViaServer, 3)
	assert.Len(t, o.ViaCompared, 3)
	assert.Len(t, o.Direct, 3)
	assert.Positive(t, o.ServerAnswer.Posts)
}
