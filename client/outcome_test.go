package client_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// These tests decide between UpstreamUnavailable (nothing reached Buffer: safe to retry) and
// OutcomeUnknown (a mutation may have been applied: check with list_posts first).

func TestConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	endpoint := "http://" + ln.Addr().String()
	require.NoError(t, ln.Close()) // nothing listens there any more

	for _, op := range queryAndMutation {
		t.Run(op.name, func(t *testing.T) {
			err := op.call(testContext(t), newClient(endpoint))

			requireClientError(t, want{Type: client.TypeUpstreamUnavailable, Retryable: true, Message: []string{"could not reach Buffer"}}, 0, err)
		})
	}
}

// hangUpServer listens on loopback, reads each request in full, and closes the connection
// without a word. It hands each request body it read to the test.
func hangUpServer(t *testing.T) (endpoint string, bodies <-chan []byte) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	got := make(chan []byte, 8)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			if req, err := http.ReadRequest(bufio.NewReader(conn)); err == nil {
				if body, err := io.ReadAll(req.Body); err == nil {
					got <- body
				}
			}
			_ = conn.Close()
		}
	}()
	t.Cleanup(func() {
		_ = ln.Close()
		<-done
	})
	return "http://" + ln.Addr().String(), got
}

func TestServerHangsUpAfterReadingRequest(t *testing.T) {
	tests := []struct {
		op   operation
		want want
	}{
		{op: getAccount, want: want{Type: client.TypeUpstreamUnavailable, Retryable: true, Message: []string{"could not reach Buffer"}}},
		{op: createPost, want: want{Type: client.TypeOutcomeUnknown, Message: []string{"may or may not have been applied", "list_posts"}}},
	}
	for _, tt := range tests {
		t.Run(tt.op.name, func(t *testing.T) {
			endpoint, bodies := hangUpServer(t)

			err := tt.op.call(testContext(t), newClient(endpoint))

			requireClientError(t, tt.want, 0, err)
			require.Len(t, bodies, 1, "the server should have read exactly one whole request")
			assert.Contains(t, string(<-bodies), `"operationName":"`+tt.op.name+`"`)
		})
	}
}

// stallServer reads each request in full, hands its body to the test, and then answers
// nothing until the client goes away.
func stallServer(t *testing.T, tls bool) (*httptest.Server, <-chan []byte) {
	t.Helper()
	got := make(chan []byte, 8)
	release := make(chan struct{})
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.ProtoMajor == 2 {
			body = append([]byte("HTTP/2 "), body...)
		}
		got <- body
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	if tls {
		srv.EnableHTTP2 = true
		srv.StartTLS()
	} else {
		srv.Start()
	}
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) }) // runs before srv.Close
	return srv, got
}

func TestNoAnswerInTime(t *testing.T) {
	tests := []struct {
		name string
		op   operation
		// clientTimeout is Config.Timeout; callerTimeout bounds the caller's context.
		clientTimeout, callerTimeout time.Duration
		want                         want
	}{
		{
			name: "Config.Timeout", op: getAccount, clientTimeout: 200 * time.Millisecond, callerTimeout: 10 * time.Second,
			want: want{Type: client.TypeUpstreamUnavailable, Retryable: true, Message: []string{"did not answer in time", "try again"}},
		},
		{
			name: "Config.Timeout", op: createPost, clientTimeout: 200 * time.Millisecond, callerTimeout: 10 * time.Second,
			want: want{Type: client.TypeOutcomeUnknown, Message: []string{"did not answer in time", "list_posts"}},
		},
		{
			name: "caller's deadline", op: getAccount, clientTimeout: 10 * time.Second, callerTimeout: 200 * time.Millisecond,
			want: want{Type: client.TypeUpstreamUnavailable, Retryable: true, Message: []string{"did not answer in time", "try again"}},
		},
		{
			name: "caller's deadline", op: createPost, clientTimeout: 10 * time.Second, callerTimeout: 200 * time.Millisecond,
			want: want{Type: client.TypeOutcomeUnknown, Message: []string{"did not answer in time", "list_posts"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.op.name, func(t *testing.T) {
			srv, bodies := stallServer(t, false)
			c := newClient(srv.URL, func(cfg *client.Config) { cfg.Timeout = tt.clientTimeout })
			ctx, cancel := context.WithTimeout(context.Background(), tt.callerTimeout)
			defer cancel()

			err := tt.op.call(ctx, c)

			requireClientError(t, tt.want, 0, err)
			require.Len(t, bodies, 1, "the server should have read the whole request")
		})
	}
}

func TestCallerCancelsMidRequest(t *testing.T) {
	tests := []struct {
		op   operation
		want want
	}{
		{op: getAccount, want: want{Type: client.TypeUpstreamUnavailable, Retryable: true, Message: []string{"cancelled"}}},
		{op: createPost, want: want{Type: client.TypeOutcomeUnknown, Message: []string{"cancelled", "list_posts"}}},
	}
	for _, proto := range []string{"HTTP/1.1", "HTTP/2"} {
		for _, tt := range tests {
			t.Run(proto+"/"+tt.op.name, func(t *testing.T) {
				srv, bodies := stallServer(t, proto == "HTTP/2")
				c := newClient(srv.URL, func(cfg *client.Config) { cfg.Transport = srv.Client().Transport })
				ctx, cancel := context.WithCancel(testContext(t))
				defer cancel()
				received := make(chan []byte, 1)
				go func() { // cancel once Buffer holds the whole request
					select {
					case b := <-bodies:
						received <- b
						cancel()
					case <-ctx.Done():
					}
				}()

				err := tt.op.call(ctx, c)

				requireClientError(t, tt.want, 0, err)
				require.Len(t, received, 1, "the server should have read the whole request")
				body := <-received
				assert.Equal(t, proto == "HTTP/2", strings.HasPrefix(string(body), "HTTP/2 "), "protocol")
				assert.Contains(t, string(body), `"operationName":"`+tt.op.name+`"`)
			})
		}
	}
}

// countingTransport counts the bytes the client reads of each answer's body.
type countingTransport struct {
	base http.RoundTripper
	read *atomic.Int64
}

func (t countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(r)
	if err == nil {
		resp.Body = countingBody{ReadCloser: resp.Body, read: t.read}
	}
	return resp, err
}

type countingBody struct {
	io.ReadCloser
	read *atomic.Int64
}

func (b countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.read.Add(int64(n))
	return n, err
}

// accountOfSize is a valid GetAccount answer of exactly n bytes.
func accountOfSize(n int) string {
	head, tail := `{"data":{"account":{"id":"a1","email":"","timezone":null,"organizations":[],"name":"`, `"}}}`
	return head + strings.Repeat("x", n-len(head)-len(tail)) + tail
}

func TestBodyCap(t *testing.T) {
	tests := []struct {
		name string
		op   operation
		body string
		want *want
	}{
		{name: "at the cap", op: getAccount, body: accountOfSize(client.MaxResponseBytes)},
		{
			name: "one byte over", op: getAccount, body: accountOfSize(client.MaxResponseBytes + 1),
			want: &want{Type: client.TypeUpstreamUnavailable, Retryable: true, Message: []string{"larger than 4 MiB"}},
		},
		{
			// Buffer answered, but what it said cannot be read: the post may exist.
			name: "one byte over", op: createPost, body: accountOfSize(client.MaxResponseBytes + 1),
			want: &want{Type: client.TypeOutcomeUnknown, Message: []string{"larger than 4 MiB", "list_posts"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.op.name, func(t *testing.T) {
			srv := serve(t, reply{status: http.StatusOK, header: jsonHeader(), body: tt.body})

			err := tt.op.call(testContext(t), newClient(srv.URL))

			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			requireClientError(t, *tt.want, 0, err)
		})
	}
}

func TestBodyCapStopsReading(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"data":{"account":{"id":"`)
		chunk := []byte(strings.Repeat("x", 32<<10))
		// Endless, as far as the client can tell; bounded so that a client that never
		// stops reading fails the test instead of hanging it.
		for written := 0; written < 16*client.MaxResponseBytes; written += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	var read atomic.Int64
	c := newClient(srv.URL, func(cfg *client.Config) {
		cfg.Transport = countingTransport{base: http.DefaultTransport, read: &read}
	})

	err := getAccount.call(testContext(t), c)

	requireClientError(t, want{Type: client.TypeUpstreamUnavailable, Retryable: true, Message: []string{"larger than 4 MiB"}}, 0, err)
	assert.Equal(t, int64(client.MaxResponseBytes+1), read.Load(), "bytes read of the answer")
}
