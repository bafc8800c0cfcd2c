package tools_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stub is one canned answer of the fake Buffer, used once, for the first request of its
// operation that arrives after the stubs before it of the same operation were used.
type stub struct {
	op     string            // the GraphQL operationName it answers
	status int               // HTTP status; 200 when zero
	header map[string]string // extra response headers
	body   string            // response body, sent as is
}

// gqlRequest is what the fake saw of one request: its operation and its decoded variables.
type gqlRequest struct {
	op        string
	variables map[string]any // nil when the request carried none
}

// fakeBuffer is a scripted Buffer, after cli/cli's httpmock: it routes on operationName,
// answers from stubs, records the variables of every request so that a test can assert
// them whole (an optional field sent as a zero value fails the comparison), and fails the
// test when a stub was never used or an operation arrived that no stub answers.
type fakeBuffer struct {
	t   *testing.T
	srv *httptest.Server

	mu         sync.Mutex
	stubs      []*stub
	used       map[*stub]bool
	requests   []gqlRequest
	unexpected []string
}

func newFakeBuffer(t *testing.T) *fakeBuffer {
	t.Helper()
	f := &fakeBuffer{t: t, used: map[*stub]bool{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(func() {
		f.srv.Close()
		f.verify()
	})
	return f
}

// URL is the endpoint the client posts to.
func (f *fakeBuffer) URL() string { return f.srv.URL }

// add registers stubs, answered in the order given per operation. Each is copied, so
// that the same stub value can be added again for a second request.
func (f *fakeBuffer) add(stubs ...stub) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, s := range stubs {
		f.stubs = append(f.stubs, &s)
	}
}

func (f *fakeBuffer) serve(w http.ResponseWriter, r *http.Request) {
	var req struct {
		OperationName string         `json:"operationName"`
		Variables     map[string]any `json:"variables"`
	}
	body, err := io.ReadAll(r.Body)
	if err == nil {
		err = json.Unmarshal(body, &req)
	}

	f.mu.Lock()
	if err != nil {
		f.unexpected = append(f.unexpected, fmt.Sprintf("a body that is not a GraphQL request: %q", body))
		f.mu.Unlock()
		http.Error(w, "fake Buffer: not a GraphQL request", http.StatusBadRequest)
		return
	}
	f.requests = append(f.requests, gqlRequest{op: req.OperationName, variables: req.Variables})
	var s *stub
	for _, c := range f.stubs {
		if c.op == req.OperationName && !f.used[c] {
			s = c
			f.used[c] = true
			break
		}
	}
	if s == nil {
		f.unexpected = append(f.unexpected, fmt.Sprintf("%s with variables %v", req.OperationName, req.Variables))
	}
	f.mu.Unlock()

	if s == nil {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusTeapot) // a status that no test expects, so the call fails visibly too
		_, _ = io.WriteString(w, `{"errors":[{"message":"fake Buffer: no stub for `+req.OperationName+`"}]}`)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	for k, v := range s.header {
		w.Header().Set(k, v)
	}
	status := s.status
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	_, _ = io.WriteString(w, s.body)
}

// verify fails the test for every stub never used and every request no stub answered.
func (f *fakeBuffer) verify() {
	f.t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, s := range f.stubs {
		if !f.used[s] {
			f.t.Errorf("fake Buffer: stub for %s was never used: %.120s", s.op, s.body)
		}
	}
	for _, u := range f.unexpected {
		f.t.Errorf("fake Buffer: unexpected request: %s", u)
	}
}

// ops lists the operations received, in order.
func (f *fakeBuffer) ops() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	ops := make([]string, 0, len(f.requests))
	for _, r := range f.requests {
		ops = append(ops, r.op)
	}
	return ops
}

// count is how many requests of op arrived.
func (f *fakeBuffer) count(op string) int {
	n := 0
	for _, o := range f.ops() {
		if o == op {
			n++
		}
	}
	return n
}

// variables are the variables of every request of op, in order.
func (f *fakeBuffer) variables(op string) []map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []map[string]any
	for _, r := range f.requests {
		if r.op == op {
			out = append(out, r.variables)
		}
	}
	return out
}

// assertVariables asserts that op was sent once per want, with exactly those variables
// (given as JSON; "" for a request without variables).
func (f *fakeBuffer) assertVariables(t *testing.T, op string, want ...string) {
	t.Helper()
	got := f.variables(op)
	require.Len(t, got, len(want), "requests of %s", op)
	for i, w := range want {
		var wantVars map[string]any
		if w != "" {
			require.NoError(t, json.Unmarshal([]byte(w), &wantVars), "want JSON of %s #%d", op, i)
		}
		assert.Equal(t, wantVars, got[i], "variables of %s #%d", op, i)
	}
}

// assertNoRequest asserts that nothing at all reached Buffer.
func (f *fakeBuffer) assertNoRequest(t *testing.T) {
	t.Helper()
	assert.Empty(t, f.ops(), "requests sent to Buffer")
}

// gql builds a 200 answer whose data is the JSON given.
func gql(op, data string) stub {
	return stub{op: op, body: `{"data":` + data + `}`}
}

// gqlErrors builds a 200 answer with null data and the top-level errors given.
func gqlErrors(op string, errs ...string) stub {
	return stub{op: op, body: `{"data":null,"errors":[` + strings.Join(errs, ",") + `]}`}
}
