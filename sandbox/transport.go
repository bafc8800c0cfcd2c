package sandbox

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
)

// Transport returns a RoundTripper that serves requests through ServeHTTP in process, for
// --sandbox: nothing leaves the process. It honours the request's context: a cancelled
// request returns the context's error, as a network transport would, though the sandbox
// may already have applied a mutation (just as Buffer may have).
func (s *Server) Transport() http.RoundTripper {
	return roundTripper{s}
}

type roundTripper struct{ h http.Handler }

func (t roundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if err := ctx.Err(); err != nil {
		closeBody(req)
		return nil, err
	}
	rec := &recorder{header: http.Header{}}
	done := make(chan any, 1)
	go func() {
		// A panic would take the whole process down from this goroutine, where an HTTP
		// server would only drop the connection: report it as a failed round trip.
		defer func() { done <- recover() }()
		defer closeBody(req)
		t.h.ServeHTTP(rec, req)
	}()
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case p := <-done:
		if p != nil {
			return nil, fmt.Errorf("sandbox: panic serving the request: %v", p)
		}
	}
	status := rec.status
	if status == 0 {
		status = http.StatusOK
	}
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", status, http.StatusText(status)),
		StatusCode:    status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        rec.header,
		Body:          io.NopCloser(bytes.NewReader(rec.body.Bytes())),
		ContentLength: int64(rec.body.Len()),
		Request:       req,
	}, nil
}

func closeBody(req *http.Request) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
}

// recorder is the ResponseWriter the handler writes into. The handler runs in its own
// goroutine, but RoundTrip reads the recorder only after the handler has returned.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	return r.body.Write(b)
}
