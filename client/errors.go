package client

import (
	"fmt"
	"unicode/utf8"
)

// The failure types of SPEC §4 that the client produces. A mutation's error member keeps
// its own GraphQL typename instead (InvalidInputError, LimitReachedError, ...).
const (
	TypeUnauthenticated     = "Unauthenticated"
	TypeForbidden           = "Forbidden"
	TypeNotFound            = "NotFound"
	TypeRateLimited         = "RateLimited"
	TypeUpstreamUnavailable = "UpstreamUnavailable"
	TypeOutcomeUnknown      = "OutcomeUnknown"
	TypeUpstreamError       = "UpstreamError"
)

// Error is a classified failure of a request to Buffer. Message is written for a person and
// never contains the API key; Err keeps the underlying cause for logs.
type Error struct {
	Type              string
	Message           string
	Retryable         bool
	RetryAfterSeconds int    // from Retry-After, when Buffer sends it
	Window            string // the rate-limit window Buffer names: 15m, 24h, 30d
	// SchemaChanged: Buffer refused the operation itself as not fitting its schema
	// (GRAPHQL_VALIDATION_FAILED), so its API no longer matches this build.
	SchemaChanged bool
	Err           error
}

func (e *Error) Error() string { return e.Type + ": " + e.Message }

func (e *Error) Unwrap() error { return e.Err }

// MutationError is an error member of a mutation's payload union (InvalidInputError,
// LimitReachedError, ...). Every member the operations select has GetTypename and, through
// `... on MutationError { message }`, GetMessage.
type MutationError interface {
	GetTypename() string
	GetMessage() string
}

// FromMutationError turns a payload union's error member into an Error typed by its
// GraphQL typename, as SPEC §4 asks.
func FromMutationError(m MutationError) *Error {
	return &Error{Type: m.GetTypename(), Message: ClipMessage(m.GetMessage())}
}

// MaxMessageChars caps the characters of a message from Buffer that reaches a result or a
// log line (SPEC §7.3): Buffer's messages are a sentence or two, and a larger one (a
// misbehaving server's megabytes) would cost the model and the logs that much, twice over
// (a tool result carries its message as text and as structured content).
const MaxMessageChars = 2000

// ClipMessage cuts s to MaxMessageChars characters, the last of them an ellipsis.
func ClipMessage(s string) string {
	if len(s) <= MaxMessageChars || utf8.RuneCountInString(s) <= MaxMessageChars {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxMessageChars-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// unknownMemberError is what the client returns when Buffer answers with a union member
// this build does not know: genqlient cannot decode it, but its typename and message are
// still worth showing.
func unknownMemberError(typename, message string) *Error {
	typename = ClipMessage(typename)
	if message == "" {
		message = fmt.Sprintf("Buffer answered %s, which this version of buffer-mcp does not know", typename)
	}
	return &Error{Type: typename, Message: ClipMessage(message)}
}
