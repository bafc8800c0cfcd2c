// Package client is buffer-mcp's Buffer client: a genqlient graphql.Client that sends each
// operation to Buffer's GraphQL endpoint and turns every failure into an *Error of SPEC §4.
// The operations themselves are generated (generated.go) from graphql/operations/.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"strings"
	"sync/atomic"
	"time"

	"github.com/Khan/genqlient/graphql"
)

// DefaultEndpoint is Buffer's GraphQL API.
const DefaultEndpoint = "https://api.buffer.com"

const (
	defaultTimeout = 30 * time.Second
	// maxResponseBytes caps what is read of an answer; a larger one is UpstreamUnavailable.
	maxResponseBytes = 4 << 20
)

// Config is what New needs.
type Config struct {
	Endpoint  string            // the URL requests are POSTed to, as is
	APIKey    string            // Buffer API key
	Version   string            // buffer-mcp's version, for User-Agent
	Timeout   time.Duration     // per request; 30 s when zero
	Transport http.RoundTripper // the network; http.DefaultTransport when nil (the sandbox passes its own)
	Retry     RetryPolicy       // for queries only; zero fields take DefaultRetry's
	Now       func() time.Time  // the clock of the rate-limit budget and of Retry-After dates; time.Now when nil
}

// Client implements graphql.Client for Buffer.
type Client struct {
	endpoint string
	http     *http.Client
	key      []byte // the API key, to take it out of answers (authTransport sends it)
	retry    RetryPolicy
	budget   *budget
	redact   *strings.Replacer
	now      func() time.Time
}

var _ graphql.Client = (*Client)(nil)

// New returns a Client for cfg.
func New(cfg Config) *Client {
	base := cfg.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	timeout := cfg.Timeout
	if timeout == 0 {
		timeout = defaultTimeout
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	ua := "buffer-mcp/" + cfg.Version
	redact := strings.NewReplacer()
	if cfg.APIKey != "" {
		redact = strings.NewReplacer(cfg.APIKey, "[redacted]")
	}
	return &Client{
		endpoint: cfg.Endpoint,
		http: &http.Client{
			Timeout:   timeout,
			Transport: &authTransport{key: cfg.APIKey, userAgent: ua, base: base},
			// A redirect is never followed: authTransport would put the key on every hop, so
			// the key would reach whatever host the redirect names, and a 301 or 302 would
			// turn the POST into a GET whose empty answer reads as success. The 3xx itself
			// comes back, and send answers it as UpstreamError (redirected).
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		key:    []byte(cfg.APIKey),
		redact: redact,
		retry:  cfg.Retry.orDefault(),
		budget: newBudget(now),
		now:    now,
	}
}

// BudgetNote is a brief warning for results when a rate-limit window of Buffer's is
// nearly spent (under a tenth left), else "".
func (c *Client) BudgetNote() string { return c.budget.note() }

// MakeRequest sends one operation and decodes the answer into resp.Data. Every failure is
// returned as an *Error; a mutation that may have reached Buffer without a definite answer
// is OutcomeUnknown, never anything a caller would retry blindly.
func (c *Client) MakeRequest(ctx context.Context, req *graphql.Request, resp *graphql.Response) error {
	if isMutation(req.Query) {
		return c.send(ctx, req, resp, true) // never retried: Buffer has no idempotency key
	}
	return c.retry.run(ctx, func() error { return c.send(ctx, req, resp, false) })
}

// send makes one attempt.
func (c *Client) send(ctx context.Context, req *graphql.Request, resp *graphql.Response, mutation bool) error {
	body, err := json.Marshal(req)
	if err != nil {
		return fmt.Errorf("encode %s request: %w", req.OpName, err) // a bug, not Buffer's doing
	}

	// sent records whether any of the request may have left: before that Buffer cannot have
	// acted on it, which decides between UpstreamUnavailable and OutcomeUnknown for a
	// mutation. It is set when the headers are written, not when the whole request is
	// (WroteRequest): over HTTP/2 the transport writes from its own goroutine and Do can
	// return on a cancelled context before WroteRequest runs, though Buffer already holds the
	// whole request. An atomic, since that goroutine is not the caller's.
	var sent atomic.Bool
	trace := &httptrace.ClientTrace{WroteHeaders: func() { sent.Store(true) }}
	httpReq, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), http.MethodPost, c.endpoint, bytes.NewReader(body))
	if err != nil {
		return &Error{Type: TypeUpstreamError, Message: "the Buffer endpoint URL is not valid", Err: err}
	}

	if err := c.budget.take(ctx, c.retry.MaxRetryAfter); err != nil {
		return err
	}
	httpResp, err := c.http.Do(httpReq)
	if err != nil {
		return c.transportError(ctx, err, mutation && sent.Load())
	}
	defer httpResp.Body.Close()
	if isRedirect(httpResp) {
		return c.redirected(httpResp)
	}
	c.budget.update(parseRateLimit(httpResp.Header, c.now()))

	raw, err := io.ReadAll(io.LimitReader(httpResp.Body, maxResponseBytes+1))
	if err != nil {
		return c.transportError(ctx, err, mutation)
	}
	if len(raw) > maxResponseBytes {
		return c.unreadable(mutation, fmt.Sprintf("Buffer's answer was larger than %d MiB", maxResponseBytes>>20), nil)
	}
	// Buffer could only send the key back by echoing it. Removing it from the whole answer
	// covers every message built from it, including a union member's, which the caller
	// turns into an Error (FromMutationError) without the key at hand.
	if len(c.key) > 0 && bytes.Contains(raw, c.key) {
		raw = bytes.ReplaceAll(raw, c.key, []byte("[redacted]"))
	}
	return c.decode(httpResp, raw, req.OpName, mutation, resp)
}

// isRedirect reports whether an answer sends the client elsewhere (any 3xx but 304).
func isRedirect(r *http.Response) bool {
	return r.StatusCode >= 300 && r.StatusCode < 400 && r.StatusCode != http.StatusNotModified
}

// redirected is the error for a redirect from Buffer's endpoint, which is never followed
// (see New): it names the status and the host the redirect points to, never the whole
// target, whose query could carry anything. Nothing was done at Buffer, so even a mutation
// is a definite failure, not OutcomeUnknown.
func (c *Client) redirected(r *http.Response) *Error {
	target := "no usable Location"
	if u, err := r.Location(); err == nil && u.Host != "" {
		target = c.redact.Replace(u.Host)
	}
	return &Error{Type: TypeUpstreamError, Message: fmt.Sprintf("Buffer's endpoint answered HTTP %d, a redirect to %s, "+
		"which buffer-mcp does not follow so that the API key goes to the configured endpoint only; "+
		"check BUFFER_API_URL (or --api-url)", r.StatusCode, target)}
}

// transportError classifies a failure to get an answer at all.
func (c *Client) transportError(ctx context.Context, err error, mayHaveArrived bool) error {
	msg := "could not reach Buffer"
	var netErr interface{ Timeout() bool }
	switch {
	case errors.Is(ctx.Err(), context.Canceled):
		msg = "the request to Buffer was cancelled"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		msg = "Buffer did not answer in time"
	}
	if mayHaveArrived {
		return outcomeUnknown(msg, c.scrub(err))
	}
	return &Error{Type: TypeUpstreamUnavailable, Message: msg + "; try again shortly", Retryable: true, Err: c.scrub(err)}
}

// unreadable is an answer that is not a GraphQL response (an HTML error page, a cut-off body).
func (c *Client) unreadable(mutation bool, msg string, err error) error {
	if mutation {
		return outcomeUnknown(msg, err)
	}
	return &Error{Type: TypeUpstreamUnavailable, Message: msg + "; try again shortly", Retryable: true, Err: err}
}

func outcomeUnknown(what string, err error) *Error {
	return &Error{
		Type: TypeOutcomeUnknown,
		Message: what + " after the change was sent, so it may or may not have been applied. " +
			"Do not simply retry: first check with list_posts (that channel, sort createdAt_desc) whether the post exists.",
		Err: err,
	}
}

// scrub removes the key from an error's text, in case a URL or a proxy message carried it.
func (c *Client) scrub(err error) error {
	if err == nil {
		return nil
	}
	return errors.New(c.redact.Replace(err.Error()))
}

// isMutation tells a mutation from a query by the operation's first keyword; genqlient's
// operation texts start with it.
func isMutation(query string) bool {
	return strings.HasPrefix(strings.TrimSpace(query), "mutation")
}
