package client

import (
	"net/http"
	"time"
)

// RateLimitWindows reads the rate-limit windows that one of Buffer's answers, received at
// now, describes, as the client's own pacing reads them (IETF RateLimit fields, else the
// legacy X-RateLimit-* ones); nil when the answer names none. `buffer-mcp doctor` reports
// them.
func RateLimitWindows(h http.Header, now time.Time) []Window { return parseRateLimit(h, now) }
