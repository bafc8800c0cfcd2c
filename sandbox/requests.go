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

// Requests returns every request received so far, in order, including refused ones.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// record keeps a request. Variables are decoded separately from the copy the engine
// gets, since the engine adds default values to its map.
func (s *Server) record(r *http.Request, body graphqlRequest) {
	rec := Request{
		OperationName: body.OperationName,
		Authorization: r.Header.Get("Authorization"),
		UserAgent:     r.Header.Get("User-Agent"),
		ClientVersion: r.Header.Get("x-buffer-client-version"),
	}
	_ = json.Unmarshal(body.Variables, &rec.Variables)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, rec)
}
