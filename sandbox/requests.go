package sandbox

import (
	"encoding/json"
	"net/http"
)

// Request is one request the sandbox received, as recorded for tests.
type Request struct {
	OperationName string
	Variables     map[string]any // as decoded from JSON; nil when absent or unreadable
	Authorization string         // the header as sent
	UserAgent     string
	ClientVersion string // the x-buffer-client-version header
}

// maxRecorded bounds the record, so that a long-running sandbox does not grow without end;
// a test sees far fewer requests than this.
const maxRecorded = 10_000

// Requests returns the requests received so far (the last maxRecorded of them), in order,
// including refused ones.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, rec := range s.requests {
		out[i] = rec.Request
		_ = json.Unmarshal(rec.variables, &out[i].Variables)
	}
	return out
}

// recorded is a Request with its variables as sent, decoded only when a test asks.
type recorded struct {
	Request
	variables []byte
}

// record keeps a request. Its variables are kept as sent (body.Variables is its own copy)
// and decoded apart from the engine's map, to which the engine adds default values.
func (s *Server) record(r *http.Request, body graphqlRequest) {
	rec := recorded{Request{
		OperationName: body.OperationName,
		Authorization: r.Header.Get("Authorization"),
		UserAgent:     r.Header.Get("User-Agent"),
		ClientVersion: r.Header.Get("x-buffer-client-version"),
	}, body.Variables}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.requests) == maxRecorded {
		s.requests = append(s.requests[:0], s.requests[maxRecorded/2:]...)
	}
	s.requests = append(s.requests, rec)
}
