package faults_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"
)

const (
	// forwardTimeout bounds the proxy's request to the sandbox.
	forwardTimeout = 10 * time.Second
	// lateBound bounds how long a late answer waits for the client to give up: past it the
	// answer is written after all, and the test sees a success it did not expect.
	lateBound = 5 * time.Second
)

// fault is what happens to one request instead of a plain pass-through. Exactly one of
// refuse, instead and then is set.
type fault struct {
	// refuse refuses the connection, so that nothing reaches the proxy (env.inject).
	refuse bool
	// instead answers without forwarding: the sandbox never sees the request.
	instead func(w http.ResponseWriter) error
	// then forwards the request, so that the sandbox applies it, and answers from what the
	// sandbox said.
	then func(w http.ResponseWriter, r *http.Request, up upstreamAnswer) error
}

// forwarded reports whether the sandbox sees a request that f is applied to.
func (f fault) forwarded() bool { return f.then != nil }

// upstreamAnswer is the sandbox's answer to a forwarded request, read whole.
type upstreamAnswer struct {
	status int
	header http.Header
	body   []byte
}

func (a upstreamAnswer) write(w http.ResponseWriter) error {
	for k, vs := range a.header {
		w.Header()[k] = vs
	}
	w.WriteHeader(a.status)
	_, err := w.Write(a.body)
	return err
}

// answer is a fault answered by the proxy alone, with the given status, headers and body.
func answer(status int, header map[string]string, body string) fault {
	return fault{instead: func(w http.ResponseWriter) error {
		for k, v := range header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(status)
		_, err := io.WriteString(w, body)
		return err
	}}
}

// graphQLError is a GraphQL answer with one top-level error, as Buffer sends it.
func graphQLError(status int, header map[string]string, message string, extensions string) fault {
	h := map[string]string{"Content-Type": "application/json"}
	for k, v := range header {
		h[k] = v
	}
	return answer(status, h, `{"errors":[{"message":"`+message+`","extensions":`+extensions+`}]}`)
}

// rateLimited is Buffer's 429 (buffer-api.md §10.3).
func rateLimited(retryAfter string) fault {
	return graphQLError(http.StatusTooManyRequests, map[string]string{"Retry-After": retryAfter},
		"Too many requests from this client. Please try again later.", `{"code":"RATE_LIMIT_EXCEEDED","window":"15m"}`)
}

// htmlPage is an error page from a load balancer or an edge, not from the API.
func htmlPage(status int) fault {
	text := http.StatusText(status)
	return answer(status, map[string]string{"Content-Type": "text/html; charset=utf-8"},
		fmt.Sprintf("<!DOCTYPE html>\n<html><head><title>%d %s</title></head><body><h1>%d %s</h1><hr><center>nginx</center></body></html>\n",
			status, text, status, text))
}

// refused is a connection refused: the request never leaves the client.
func refused() fault { return fault{refuse: true} }

// resetBeforeAnswer resets the connection once the request is read, without forwarding it.
func resetBeforeAnswer() fault {
	return fault{instead: func(w http.ResponseWriter) error { return drop(w, true) }}
}

// appliedThenDropped forwards the request and then drops the connection without an answer:
// with a reset (RST) or a plain close (FIN).
func appliedThenDropped(reset bool) fault {
	return fault{then: func(w http.ResponseWriter, _ *http.Request, _ upstreamAnswer) error { return drop(w, reset) }}
}

// appliedThenLate forwards the request and holds the answer until the client has given up
// (its timeout closed the connection).
func appliedThenLate() fault {
	return fault{then: func(w http.ResponseWriter, r *http.Request, up upstreamAnswer) error {
		select {
		case <-r.Context().Done():
			_ = up.write(w) // to no one: the client is gone
			return nil
		case <-time.After(lateBound):
			return up.write(w)
		}
	}}
}

// appliedThenInvalidJSON forwards the request and answers 200 with the first half of the
// sandbox's JSON.
func appliedThenInvalidJSON() fault {
	return fault{then: func(w http.ResponseWriter, _ *http.Request, up upstreamAnswer) error {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_, err := w.Write(up.body[:len(up.body)/2])
		return err
	}}
}

// appliedThenCutOff forwards the request, sends the status, the headers (with the whole
// answer's Content-Length) and half the body, then resets the connection.
func appliedThenCutOff() fault {
	return fault{then: func(w http.ResponseWriter, _ *http.Request, up upstreamAnswer) error {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(up.body)))
		w.WriteHeader(http.StatusOK)
		if _, err := w.Write(up.body[:len(up.body)/2]); err != nil {
			return err
		}
		if err := http.NewResponseController(w).Flush(); err != nil {
			return err
		}
		return drop(w, true)
	}}
}

// appliedThenOversized forwards the request and answers 200 with the sandbox's JSON
// followed by more than the client's 4 MiB cap of spaces: valid JSON, but too large.
func appliedThenOversized() fault {
	return fault{then: func(w http.ResponseWriter, _ *http.Request, up upstreamAnswer) error {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		if _, err := w.Write(up.body); err != nil {
			return err
		}
		_, err := w.Write(bytes.Repeat([]byte(" "), 4<<20+1))
		return err
	}}
}

// drop takes the connection from the HTTP server and closes it without answering; with
// reset, SO_LINGER 0 makes the close a TCP reset rather than an orderly FIN.
func drop(w http.ResponseWriter, reset bool) error {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return fmt.Errorf("hijack: %w", err)
	}
	if reset {
		tcp, ok := conn.(*net.TCPConn)
		if !ok {
			_ = conn.Close()
			return fmt.Errorf("cannot reset a %T", conn)
		}
		if err := tcp.SetLinger(0); err != nil {
			_ = conn.Close()
			return fmt.Errorf("set SO_LINGER 0: %w", err)
		}
	}
	return conn.Close()
}

// rule applies a fault to requests of one operation, optionally only to those whose
// input.channelId is channelID, for the next times of them (every one when times is 0).
type rule struct {
	op, channelID string
	times         int
	fault         fault

	used int
}

// seenRequest is a request as the proxy received it.
type seenRequest struct {
	op        string
	channelID string // variables.input.channelId, when there is one
}

// proxy is an HTTP handler in front of the sandbox that injects faults. Requests that no
// rule matches are passed through unchanged.
type proxy struct {
	t        testing.TB
	upstream string
	http     *http.Client

	mu    sync.Mutex
	rules []*rule
	seen  []seenRequest
}

func newProxy(t testing.TB, upstream string, transport http.RoundTripper) *proxy {
	return &proxy{t: t, upstream: upstream, http: &http.Client{Transport: transport}}
}

// inject adds a rule; the first matching rule with requests left applies.
func (p *proxy) inject(r rule) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rules = append(p.rules, &r)
}

// count is the number of requests of op the proxy received.
func (p *proxy) count(op string) int {
	return len(p.channels(op))
}

// channels lists the input.channelId of every request of op, in order.
func (p *proxy) channels(op string) []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := []string{}
	for _, s := range p.seen {
		if s.op == op {
			out = append(out, s.channelID)
		}
	}
	return out
}

// total is the number of requests of any operation the proxy received.
func (p *proxy) total() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.seen)
}

func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		p.t.Errorf("proxy: read the request: %v", err)
		return
	}
	f := p.take(body)
	if f.instead != nil {
		if err := f.instead(w); err != nil {
			p.t.Errorf("proxy: %v", err)
		}
		return
	}
	up, err := p.forward(r, body)
	if err != nil {
		p.t.Errorf("proxy: %v", err)
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	then := f.then
	if then == nil {
		then = func(w http.ResponseWriter, _ *http.Request, up upstreamAnswer) error { return up.write(w) }
	}
	if err := then(w, r, up); err != nil {
		p.t.Errorf("proxy: %v", err)
	}
}

// take records a request and returns the fault to apply to it (the zero fault passes it on).
func (p *proxy) take(body []byte) fault {
	var req struct {
		OperationName string `json:"operationName"`
		Variables     struct {
			Input struct {
				ChannelID string `json:"channelId"`
			} `json:"input"`
		} `json:"variables"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		p.t.Errorf("proxy: the request is not a GraphQL request: %v", err)
	}
	s := seenRequest{op: req.OperationName, channelID: req.Variables.Input.ChannelID}

	p.mu.Lock()
	defer p.mu.Unlock()
	p.seen = append(p.seen, s)
	for _, r := range p.rules {
		if r.op != s.op || (r.channelID != "" && r.channelID != s.channelID) || (r.times > 0 && r.used == r.times) {
			continue
		}
		r.used++
		return r.fault
	}
	return fault{}
}

// forward sends the request to the sandbox and reads its whole answer. The caller's
// cancellation is not passed on, so that a forwarded request is always applied, whatever
// the client does meanwhile.
func (p *proxy) forward(r *http.Request, body []byte) (upstreamAnswer, error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), forwardTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.upstream, bytes.NewReader(body))
	if err != nil {
		return upstreamAnswer{}, err
	}
	for _, h := range []string{"Authorization", "Content-Type", "Accept", "User-Agent", "X-Buffer-Client-Version"} {
		req.Header.Set(h, r.Header.Get(h))
	}
	resp, err := p.http.Do(req)
	if err != nil {
		return upstreamAnswer{}, fmt.Errorf("forward to the sandbox: %w", err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return upstreamAnswer{}, fmt.Errorf("read the sandbox's answer: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		// Every forwarded request of these tests is one the sandbox accepts; anything else
		// would make a fault's "applied" untrue.
		return upstreamAnswer{}, errors.New("the sandbox answered " + resp.Status + ": " + string(raw))
	}
	return upstreamAnswer{status: resp.StatusCode, header: resp.Header, body: raw}, nil
}
