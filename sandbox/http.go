package sandbox

import (
	"crypto/subtle"
	"encoding/json"
	"io"
	"net/http"
	"strings"

	gqlerrors "github.com/graph-gophers/graphql-go/errors"
)

// maxBody caps a request body; Buffer's own limits on query size are far below it.
const maxBody = 1 << 20

// graphqlRequest is the body of a GraphQL POST.
type graphqlRequest struct {
	Query         string          `json:"query"`
	OperationName string          `json:"operationName"`
	Variables     json.RawMessage `json:"variables"`
}

// ServeHTTP is the GraphQL endpoint, on any path. It answers as Buffer does: the key is
// checked first (no key: 401; a wrong key: 200 with UNAUTHORIZED), then the method, the
// body and the query (400 with GRAPHQL_VALIDATION_FAILED), and only then is the operation
// executed (200, with errors for unknown ids and union members for refused mutations).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Date on the sandbox's own clock (an HTTP server would add the real one), so that the
	// in-process transport carries it too and a test can skew it (buffer-mcp doctor).
	w.Header().Set("Date", s.now().Format(http.TimeFormat))
	var raw []byte
	var readErr error
	if r.Body != nil { // a server always sets a body; a RoundTripper's caller may not
		raw, readErr = io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	}
	var body graphqlRequest
	jsonErr := json.Unmarshal(raw, &body)
	s.record(r, body)

	token, ok := bearer(r.Header.Get("Authorization"))
	if !ok {
		writeError(w, http.StatusUnauthorized, "An authentication JWT or Access Token is required", "UNAUTHENTICATED", false)
		return
	}
	if subtle.ConstantTimeCompare([]byte(token), []byte(s.key)) != 1 {
		writeError(w, http.StatusOK, "Not authorized", "UNAUTHORIZED", true)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, http.StatusMethodNotAllowed, "The GraphQL endpoint only accepts POST.", "METHOD_NOT_ALLOWED", false)
		return
	}
	switch {
	case readErr != nil || len(raw) > maxBody:
		writeError(w, http.StatusBadRequest, "The request body could not be read, or is larger than 1 MiB.", "GRAPHQL_VALIDATION_FAILED", false)
		return
	case jsonErr != nil:
		writeError(w, http.StatusBadRequest, "The request body is not JSON: send {\"query\", \"variables\", \"operationName\"}.", "GRAPHQL_VALIDATION_FAILED", false)
		return
	case strings.TrimSpace(body.Query) == "":
		writeError(w, http.StatusBadRequest, "GraphQL operations must contain a non-empty `query`.", "GRAPHQL_VALIDATION_FAILED", false)
		return
	}
	s.execute(w, r, body)
}

// execute runs the operation, telling a malformed one apart from one that ran and failed.
func (s *Server) execute(w http.ResponseWriter, r *http.Request, body graphqlRequest) {
	var vars map[string]any
	if len(body.Variables) > 0 {
		if err := json.Unmarshal(body.Variables, &vars); err != nil {
			writeError(w, http.StatusBadRequest, "Variables must be a JSON object.", "GRAPHQL_VALIDATION_FAILED", false)
			return
		}
	}
	s.defaults.fill(body.Query, body.OperationName, vars)
	// Exec parses and validates the operation before running any of it, so a malformed one
	// fails there without effects. Only then is it validated again, apart, to tell a
	// malformed operation (GRAPHQL_VALIDATION_FAILED) from a request that is well formed
	// but cannot run; a valid operation is parsed and validated once.
	resp := s.schema.Exec(r.Context(), body.Query, body.OperationName, vars)
	// Errors without a path come from the request rather than from a field: a malformed
	// operation, an unknown operationName, or variables that do not fit their types.
	if len(resp.Errors) > 0 && requestLevel(resp.Errors) {
		if errs := s.schema.ValidateWithVariables(body.Query, vars); len(errs) > 0 {
			writeQueryErrors(w, http.StatusBadRequest, errs, "GRAPHQL_VALIDATION_FAILED")
			return
		}
		writeQueryErrors(w, http.StatusBadRequest, resp.Errors, "BAD_USER_INPUT")
		return
	}
	if len(resp.Errors) == 0 && resp.Extensions == nil && len(resp.Data) > 0 {
		// The engine's data is JSON already: written as it is, not encoded again.
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(append(append(append(make([]byte, 0, len(resp.Data)+10), `{"data":`...), resp.Data...), '}'))
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

func requestLevel(errs []*gqlerrors.QueryError) bool {
	for _, e := range errs {
		if len(e.Path) > 0 || e.Extensions != nil {
			return false
		}
	}
	return true
}

// bearer extracts the token of an "Authorization: Bearer <token>" header.
func bearer(header string) (string, bool) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(header), " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return "", false
	}
	return token, true
}
