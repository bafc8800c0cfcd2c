package client_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// When Buffer refuses an operation as malformed, the schema this build was generated from
// no longer matches Buffer's: the error says so and points at `buffer-mcp doctor`, for a
// query and for a mutation alike (a malformed mutation never ran).
func TestValidationFailedPointsAtDoctor(t *testing.T) {
	srv := serve(t, reply{status: http.StatusBadRequest, header: jsonHeader(),
		body: `{"errors":[{"message":"Cannot query field \"externalLink\" on type \"Post\".","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}`})
	for _, op := range queryAndMutation {
		t.Run(op.name, func(t *testing.T) {
			err := op.call(testContext(t), newClient(srv.URL))
			got := requireClientError(t, want{Type: client.TypeUpstreamError, Message: []string{
				"no longer matches this version of buffer-mcp",
				`Cannot query field "externalLink" on type "Post".`,
				"buffer-mcp doctor",
			}}, 0, err)
			assert.False(t, got.Retryable)
		})
	}
}

func TestRateLimitWindows(t *testing.T) {
	h := http.Header{}
	h.Set("RateLimit", `"100-in-15min";r=97;t=840`)
	h.Set("RateLimit-Policy", `"100-in-15min";q=100;w=900`)
	got := client.RateLimitWindows(h, time.Now())
	if assert.Len(t, got, 1) {
		assert.Equal(t, "15m", got[0].Name)
		assert.Equal(t, 100, got[0].Quota)
		assert.Equal(t, 97, got[0].Remaining)
	}
	assert.Empty(t, client.RateLimitWindows(http.Header{}, time.Now()))
}
