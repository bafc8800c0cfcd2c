package faults_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// outcome is what one tool call comes to under a fault.
type outcome struct {
	typ        string // error.type
	retryable  bool
	retryAfter int    // error.retryAfterSeconds
	window     string // error.window
	requests   int    // attempts at the tool's operation: requests the proxy received, or connections refused
	delta      int    // posts the sandbox gained (create_post)
}

// faultCase is one fault, injected into the one operation each tool is about (ListPosts for
// list_posts, CreatePost for create_post); the lookups before it pass through.
type faultCase struct {
	name     string
	fault    fault
	timeout  time.Duration // the client's per-request timeout
	read     outcome       // list_posts
	mutation outcome       // create_post on one channel
}

// reached is the number of the operation's requests that reached the sandbox.
func (c faultCase) reached(o outcome) int {
	if c.fault.forwarded() {
		return o.requests
	}
	return 0
}

const (
	rateLimitedT = client.TypeRateLimited
	unavailable  = client.TypeUpstreamUnavailable
	unknown      = client.TypeOutcomeUnknown
)

// faultCases are the faults of SPEC §4. Reads are retried up to 3 attempts on
// UpstreamUnavailable and on RateLimited with a Retry-After up to 10 s; a mutation is sent
// once, and reports OutcomeUnknown whenever it may have reached Buffer without a definite
// answer, whether or not it was in fact applied (the last column).
var faultCases = []faultCase{
	{
		name: "429, Retry-After: 1", fault: rateLimited("1"),
		read:     outcome{typ: rateLimitedT, retryable: true, retryAfter: 1, window: "15m", requests: 3},
		mutation: outcome{typ: rateLimitedT, retryable: true, retryAfter: 1, window: "15m", requests: 1},
	},
	{
		name: "429, Retry-After: 900", fault: rateLimited("900"),
		read:     outcome{typ: rateLimitedT, retryable: true, retryAfter: 900, window: "15m", requests: 1},
		mutation: outcome{typ: rateLimitedT, retryable: true, retryAfter: 900, window: "15m", requests: 1},
	},
	{
		name:     "401 UNAUTHENTICATED",
		fault:    graphQLError(http.StatusUnauthorized, nil, "An authentication JWT or Access Token is required", `{"code":"UNAUTHENTICATED"}`),
		read:     outcome{typ: client.TypeUnauthenticated, requests: 1},
		mutation: outcome{typ: client.TypeUnauthenticated, requests: 1},
	},
	{
		name:     "403 FORBIDDEN",
		fault:    graphQLError(http.StatusForbidden, nil, "You do not have permission to do this", `{"code":"FORBIDDEN"}`),
		read:     outcome{typ: client.TypeForbidden, requests: 1},
		mutation: outcome{typ: client.TypeForbidden, requests: 1},
	},
	{
		name: "403 HTML page from an edge", fault: htmlPage(http.StatusForbidden),
		read:     outcome{typ: client.TypeForbidden, requests: 1},
		mutation: outcome{typ: client.TypeForbidden, requests: 1},
	},
	{
		name:     "400 GRAPHQL_VALIDATION_FAILED",
		fault:    graphQLError(http.StatusBadRequest, nil, `Cannot query field \"shareMode\" on type \"Post\".`, `{"code":"GRAPHQL_VALIDATION_FAILED"}`),
		read:     outcome{typ: client.TypeUpstreamError, requests: 1},
		mutation: outcome{typ: client.TypeUpstreamError, requests: 1},
	},
	{
		name: "500 HTML page", fault: htmlPage(http.StatusInternalServerError),
		read:     outcome{typ: unavailable, retryable: true, requests: 3},
		mutation: outcome{typ: unknown, requests: 1},
	},
	{
		name: "502 HTML page", fault: htmlPage(http.StatusBadGateway),
		read:     outcome{typ: unavailable, retryable: true, requests: 3},
		mutation: outcome{typ: unknown, requests: 1},
	},
	{
		name: "503 HTML page", fault: htmlPage(http.StatusServiceUnavailable),
		read:     outcome{typ: unavailable, retryable: true, requests: 3},
		mutation: outcome{typ: unknown, requests: 1},
	},
	{
		name: "connection refused (nothing sent)", fault: refused(),
		read:     outcome{typ: unavailable, retryable: true, requests: 3},
		mutation: outcome{typ: unavailable, retryable: true, requests: 1},
	},
	{
		name: "connection reset before the answer (not forwarded)", fault: resetBeforeAnswer(),
		read:     outcome{typ: unavailable, retryable: true, requests: 3},
		mutation: outcome{typ: unknown, requests: 1},
	},
	{
		name: "applied, then connection reset", fault: appliedThenDropped(true),
		read:     outcome{typ: unavailable, retryable: true, requests: 3},
		mutation: outcome{typ: unknown, requests: 1, delta: 1},
	},
	{
		name: "applied, then connection closed without an answer", fault: appliedThenDropped(false),
		read:     outcome{typ: unavailable, retryable: true, requests: 3},
		mutation: outcome{typ: unknown, requests: 1, delta: 1},
	},
	{
		name: "applied, then answered after the client's timeout", fault: appliedThenLate(), timeout: shortTimeout,
		read:     outcome{typ: unavailable, retryable: true, requests: 3},
		mutation: outcome{typ: unknown, requests: 1, delta: 1},
	},
	{
		name: "applied, then connection reset halfway through the answer", fault: appliedThenCutOff(),
		read:     outcome{typ: unavailable, retryable: true, requests: 3},
		mutation: outcome{typ: unknown, requests: 1, delta: 1},
	},
	{
		name: "applied, then answered 200 with invalid JSON", fault: appliedThenInvalidJSON(),
		read:     outcome{typ: unavailable, retryable: true, requests: 3},
		mutation: outcome{typ: unknown, requests: 1, delta: 1},
	},
	{
		name: "applied, then answered 200 with a body over the 4 MiB cap", fault: appliedThenOversized(),
		read:     outcome{typ: unavailable, retryable: true, requests: 3},
		mutation: outcome{typ: unknown, requests: 1, delta: 1},
	},
	// Issue 11 (blank_test.go, redirect_test.go): a blank answer is not a success, and a
	// redirect is not followed.
	{
		name: `applied, then answered 200 with {"data":{}}`, fault: emptyData(),
		read:     outcome{typ: unavailable, retryable: true, requests: 3},
		mutation: outcome{typ: unknown, requests: 1, delta: 1},
	},
	{
		name: "applied, then answered 200 with a null payload", fault: nullPayload(),
		read:     outcome{typ: unavailable, retryable: true, requests: 3},
		mutation: outcome{typ: unknown, requests: 1, delta: 1},
	},
	{
		name: "applied, then answered 200 with an empty payload object", fault: emptyPayload(),
		read:     outcome{typ: unavailable, retryable: true, requests: 3},
		mutation: outcome{typ: unknown, requests: 1, delta: 1},
	},
	{
		name: "302 redirect to another host", fault: redirect(http.StatusFound, "https://elsewhere.invalid/graphql"),
		read:     outcome{typ: client.TypeUpstreamError, requests: 1},
		mutation: outcome{typ: client.TypeUpstreamError, requests: 1},
	},
}

// clientTimeout is the case's client timeout, requestTimeout unless it sets one.
func (c faultCase) clientTimeout() time.Duration {
	if c.timeout != 0 {
		return c.timeout
	}
	return requestTimeout
}

// rejectedCase is an input refused before anything is applied: by the tool, or by Buffer
// (the sandbox). No fault is injected: every request sent reaches the sandbox.
type rejectedCase struct {
	name     string
	readArgs string  // list_posts's arguments; "" where the case has no read
	read     outcome // with readArgs
	// mutationArgs are create_post's arguments, with text as the post's text.
	mutationArgs func(t *testing.T, e *env, text string) string
	mutation     outcome
}

var rejectedCases = []rejectedCase{
	{
		name:     "invalid arguments (refused by the tool)",
		readArgs: `{"first":500}`,
		read:     outcome{typ: tools.TypeInvalidArguments},
		mutationArgs: func(_ *testing.T, _ *env, text string) string {
			return fmt.Sprintf(`{"channelId":"not-an-id","text":%q}`, text)
		},
		mutation: outcome{typ: tools.TypeInvalidArguments},
	},
	{
		name: "invalid input (refused by the sandbox: InvalidInputError)",
		mutationArgs: func(t *testing.T, e *env, text string) string {
			// The tool checks what each network requires before sending (an Instagram post
			// without media never reaches the sandbox); that a channel is disconnected, only
			// Buffer knows.
			return fmt.Sprintf(`{"channelId":%q,"text":%q}`, e.channel(t, "bluesky"), text)
		},
		mutation: outcome{typ: "InvalidInputError", requests: 1},
	},
}

// markdownTable renders the cases as faults/README.md shows them.
func markdownTable() string {
	var b strings.Builder
	b.WriteString("| fault | list_posts: result | list_posts: attempts (reached the sandbox) | " +
		"create_post: result | create_post: attempts (reached the sandbox) | sandbox posts |\n")
	b.WriteString("|---|---|---|---|---|---|\n")
	for _, c := range faultCases {
		fmt.Fprintf(&b, "| %s | %s | %d (%d) | %s | %d (%d) | %+d |\n", c.name,
			describe(c.read), c.read.requests, c.reached(c.read),
			describe(c.mutation), c.mutation.requests, c.reached(c.mutation), c.mutation.delta)
	}
	for _, c := range rejectedCases {
		read, readRequests := "—", "—"
		if c.readArgs != "" {
			read, readRequests = describe(c.read), fmt.Sprintf("%d (%d)", c.read.requests, c.read.requests)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %d (%d) | %+d |\n", c.name, read, readRequests,
			describe(c.mutation), c.mutation.requests, c.mutation.requests, c.mutation.delta)
	}
	return b.String()
}

func describe(o outcome) string {
	s := o.typ
	if o.retryable {
		s += ", retryable"
	}
	if o.retryAfter > 0 {
		s += fmt.Sprintf(", retryAfterSeconds %d", o.retryAfter)
	}
	if o.window != "" {
		s += ", window " + o.window
	}
	return s
}
