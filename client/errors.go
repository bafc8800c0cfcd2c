package client

import "fmt"

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
	Err               error
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
	return &Error{Type: m.GetTypename(), Message: m.GetMessage()}
}

// unknownMemberError is what the client returns when Buffer answers with a union member
// this build does not know: genqlient cannot decode it, but its typename and message are
// still worth showing.
func unknownMemberError(typename, message string) *Error {
	if message == "" {
		message = fmt.Sprintf("Buffer answered %s, which this version of buffer-mcp does not know", typename)
	}
	return &Error{Type: typename, Message: message}
}
