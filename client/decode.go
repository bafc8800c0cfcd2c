package client

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/Khan/genqlient/graphql"
)

// gqlError is one entry of a GraphQL response's top-level errors.
type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

// envelope is a GraphQL response read without knowing the operation: enough to classify it.
type envelope struct {
	Data   map[string]json.RawMessage `json:"data"`
	Errors []gqlError                 `json:"errors"`
}

// decode classifies an answer in the order Buffer needs (buffer-api.md §9.4): HTTP status
// first, then errors[].extensions.code, then the typed data, where an unknown union member
// still yields its typename and message.
func (c *Client) decode(r *http.Response, raw []byte, op string, mutation bool, resp *graphql.Response) error {
	if decodeData(r, raw, resp) {
		return c.complete(raw, op, mutation)
	}
	var env envelope
	isGraphQL := json.Unmarshal(raw, &env) == nil && (env.Data != nil || len(env.Errors) > 0)

	if err := c.statusError(r, env, isGraphQL, mutation); err != nil {
		return err
	}
	if !isGraphQL {
		return c.unreadable(mutation, "Buffer's answer was not a GraphQL response", nil)
	}
	if len(env.Errors) > 0 {
		return c.graphQLError(r, env.Errors)
	}
	if err := json.Unmarshal(raw, resp); err != nil {
		if strings.Contains(err.Error(), "unexpected concrete type") { // genqlient's words for an unknown member
			if member := unknownMember(env); member != nil {
				return member
			}
		}
		return c.unreadable(mutation, "Buffer's answer did not have the expected shape", err)
	}
	return c.complete(raw, op, mutation)
}

// complete checks that an answer without errors holds what the operation op asked for
// (shape.go): a blank answer is UpstreamUnavailable for a query, and OutcomeUnknown for a
// mutation, which may have been applied all the same.
func (c *Client) complete(raw []byte, op string, mutation bool) error {
	s := shapeOf(op)
	if s == nil {
		return nil // not one of the generated operations: nothing to check it against
	}
	problem := s.missing(raw)
	if problem == "" {
		return nil
	}
	return c.unreadable(mutation, "Buffer's answer was incomplete ("+problem+")", nil)
}

// decodeData is decode's one pass for the common answer: 2xx, data first and an object, no
// errors. It reports false for anything else (resp may then hold part of the answer),
// which decode classifies in full.
func decodeData(r *http.Response, raw []byte, resp *graphql.Response) bool {
	if r.StatusCode < 200 || r.StatusCode > 299 || !bytes.HasPrefix(bytes.TrimLeft(raw, " \t\r\n"), []byte(`{"data":{`)) {
		return false
	}
	return json.Unmarshal(raw, resp) == nil && len(resp.Errors) == 0
}

// statusError classifies a non-2xx answer; nil for 2xx.
func (c *Client) statusError(r *http.Response, env envelope, isGraphQL, mutation bool) error {
	status := r.StatusCode
	if status >= 200 && status < 300 {
		return nil
	}
	switch {
	case status == http.StatusUnauthorized:
		return unauthenticated(c.firstMessage(env))
	case status == http.StatusForbidden && !isGraphQL:
		// Not the API's answer: an edge or a proxy on the way refused the request.
		return &Error{Type: TypeForbidden, Message: "the request was refused (HTTP 403) before it reached Buffer's API, " +
			"probably at its network edge; if it persists, check that no proxy or VPN alters requests"}
	case status == http.StatusForbidden:
		return forbidden(c.firstMessage(env))
	case status == http.StatusTooManyRequests:
		return rateLimited(r, env.Errors, c.now())
	case status >= 500:
		msg := fmt.Sprintf("Buffer is having trouble (HTTP %d)", status)
		if mutation {
			return outcomeUnknown(msg, nil)
		}
		return &Error{Type: TypeUpstreamUnavailable, Message: msg + "; try again shortly", Retryable: true}
	case isGraphQL && len(env.Errors) > 0:
		return c.graphQLError(r, env.Errors)
	default:
		return &Error{Type: TypeUpstreamError, Message: fmt.Sprintf("Buffer refused the request (HTTP %d)", status)}
	}
}

// graphQLError classifies top-level errors by the first one that carries a known code.
func (c *Client) graphQLError(r *http.Response, errs []gqlError) error {
	for _, e := range errs {
		code, _ := e.Extensions["code"].(string)
		msg := ClipMessage(c.redact.Replace(e.Message))
		switch code {
		case "UNAUTHENTICATED", "UNAUTHORIZED":
			return unauthenticated(msg)
		case "FORBIDDEN":
			return forbidden(msg)
		case "NOT_FOUND":
			return &Error{Type: TypeNotFound, Message: msg}
		case "RATE_LIMIT_EXCEEDED":
			return rateLimited(r, errs, c.now())
		}
	}
	msgs := make([]string, 0, len(errs))
	validation := false
	size := 0
	for _, e := range errs {
		validation = validation || e.Extensions["code"] == codeValidationFailed
		if size > MaxMessageChars {
			continue // enough to clip: the rest would be cut anyway
		}
		m := ClipMessage(c.redact.Replace(e.Message))
		msgs = append(msgs, m)
		size += len(m)
	}
	if validation {
		// This build's operations were checked against its schema when it was generated, so
		// Buffer refusing one as malformed means that Buffer's API changed since.
		return &Error{Type: TypeUpstreamError, SchemaChanged: true, Message: ClipMessage("Buffer's API no longer matches this version of buffer-mcp. " +
			"Run `buffer-mcp doctor` to see what changed, and look for a newer buffer-mcp. Buffer answered: " + strings.Join(msgs, "; "))}
	}
	return &Error{Type: TypeUpstreamError, Message: ClipMessage("Buffer answered: " + strings.Join(msgs, "; "))}
}

// codeValidationFailed is Buffer's code for an operation that does not fit its schema.
const codeValidationFailed = "GRAPHQL_VALIDATION_FAILED"

func (c *Client) firstMessage(env envelope) string {
	if len(env.Errors) > 0 {
		return ClipMessage(c.redact.Replace(env.Errors[0].Message))
	}
	return ""
}

func unauthenticated(bufferSaid string) *Error {
	msg := "Buffer did not accept the API key"
	if bufferSaid != "" {
		msg += " (" + bufferSaid + ")"
	}
	return &Error{Type: TypeUnauthenticated, Message: msg + ". Check BUFFER_API_KEY (or --api-key-file): create a key at " +
		"https://publish.buffer.com/settings/api. If other calls work, the key may only lack access to this resource."}
}

func forbidden(bufferSaid string) *Error {
	msg := "Buffer refused this request: the API key is valid but not allowed to do it"
	if bufferSaid != "" {
		msg += " (" + bufferSaid + ")"
	}
	return &Error{Type: TypeForbidden, Message: msg}
}

// rateLimited reads the wait from Retry-After (seconds or an HTTP date) or, from older
// answers, extensions.retryAfter; the window from extensions.window. The wait is never
// negative, and at most Buffer's longest window.
func rateLimited(r *http.Response, errs []gqlError, now time.Time) *Error {
	e := &Error{Type: TypeRateLimited, Retryable: true}
	for _, ge := range errs {
		if w, ok := ge.Extensions["window"].(string); ok && e.Window == "" {
			e.Window = ClipMessage(w)
		}
		if s, ok := ge.Extensions["retryAfter"].(float64); ok && e.RetryAfterSeconds == 0 && s > 0 {
			e.RetryAfterSeconds = int(min(s, maxResetSeconds))
		}
	}
	if s, ok := parseRetryAfter(r.Header.Get("Retry-After"), now); ok {
		e.RetryAfterSeconds = s
	}
	e.Message = "Buffer's rate limit is reached"
	if e.Window != "" {
		e.Message += " (" + e.Window + " window)"
	}
	if e.RetryAfterSeconds > 0 {
		e.Message += fmt.Sprintf("; try again in %d seconds", e.RetryAfterSeconds)
	} else {
		e.Message += "; try again later"
	}
	return e
}

// parseRetryAfter reads delta-seconds or an HTTP date, at most Buffer's longest window (30
// days). Delta-seconds too large to parse mean a long wait all the same: taking them for no
// wait at all would retry at once.
func parseRetryAfter(v string, now time.Time) (int, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return min(s, maxResetSeconds), true
	}
	if strings.Trim(v, "0123456789") == "" { // only digits, so too large for an int
		return maxResetSeconds, true
	}
	if t, err := http.ParseTime(v); err == nil {
		s := int(min(t.Sub(now), maxResetSeconds*time.Second).Round(time.Second) / time.Second)
		return max(s, 0), true
	}
	return 0, false
}

// unknownMember finds a payload union member that genqlient could not decode: a root field
// whose value has a __typename and a message.
func unknownMember(env envelope) *Error {
	for _, v := range env.Data {
		var member struct {
			Typename string `json:"__typename"`
			Message  string `json:"message"`
		}
		if json.Unmarshal(v, &member) == nil && member.Typename != "" {
			return unknownMemberError(member.Typename, member.Message)
		}
	}
	return nil
}
