package client

import "net/http"

// RateLimitWindows reads the rate-limit windows that one of Buffer's answers describes, as
// the client's own pacing reads them (IETF RateLimit fields, else the legacy X-RateLimit-*
// ones); nil when the answer names none. `buffer-mcp doctor` reports them.
func RateLimitWindows(h http.Header) []Window { return parseRateLimit(h) }
