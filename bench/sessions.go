package bench

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// SessionKind is a kind of idle client session, named for what it takes to open one.
type SessionKind string

// The session kinds whose memory the figures measure.
const (
	// Legacy HTTP+SSE (--transport sse): GET /sse, read the endpoint event, then idle.
	SSEStream SessionKind = "sse stream"
	// The same, made an MCP session: initialize and notifications/initialized over POST
	// /message, the initialize result read from the stream.
	SSEInitialized SessionKind = "sse initialized"
	// Streamable HTTP (--transport http) in the 2025 era: initialize over POST /mcp, the
	// Mcp-Session-Id kept, notifications/initialized; no stream.
	HTTPSession SessionKind = "http 2025 session"
	// The same plus a GET /mcp stream held open, for server-to-client messages.
	HTTPSessionStream SessionKind = "http 2025 session+GET"
	// Initialized as HTTPSession and then ended with DELETE: what a closed session leaves.
	HTTPSessionDeleted SessionKind = "http 2025 deleted"
)

// SessionKinds lists every kind, in the order the figures print them.
var SessionKinds = []SessionKind{SSEStream, SSEInitialized, HTTPSession, HTTPSessionStream, HTTPSessionDeleted}

// Transport is the --transport the kind needs.
func (k SessionKind) Transport() string {
	if strings.HasPrefix(string(k), "sse") {
		return "sse"
	}
	return "http"
}

// LegacyEra is the protocol version of the sessions: the last with initialize.
const LegacyEra = "2025-11-25"

// stepTimeout bounds every request and every wait for an event.
const stepTimeout = 10 * time.Second

const (
	initializeBody  = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"` + LegacyEra + `","capabilities":{},"clientInfo":{"name":"buffer-mcp-bench","version":"0"}}}`
	initializedBody = `{"jsonrpc":"2.0","method":"notifications/initialized"}`
)

// Sessions are idle sessions of one kind held open against one server. Each stream has a
// TCP connection of its own; every POST and DELETE goes over one shared keep-alive
// connection, so that the server's memory grows with sessions, not with connections.
type Sessions struct {
	kind    SessionKind
	url     *url.URL // the endpoint: .../sse or .../mcp
	post    *http.Client
	streams []*stream
}

// NewSessions prepares to open sessions of kind against endpoint (the URL the server printed).
func NewSessions(kind SessionKind, endpoint string) (*Sessions, error) {
	u, err := url.Parse(endpoint)
	if err != nil {
		return nil, err
	}
	tr := &http.Transport{MaxConnsPerHost: 1, MaxIdleConnsPerHost: 1, DisableCompression: true}
	return &Sessions{kind: kind, url: u, post: &http.Client{Transport: tr, Timeout: stepTimeout}}, nil
}

// Open opens n more sessions, one after another.
func (s *Sessions) Open(ctx context.Context, n int) error {
	for i := range n {
		if err := s.openOne(ctx); err != nil {
			return fmt.Errorf("%s %d: %w", s.kind, i+1, err)
		}
	}
	return nil
}

// Close ends every stream (the server sees the connections close).
func (s *Sessions) Close() {
	for _, st := range s.streams {
		st.conn.Close()
	}
	s.streams = nil
	s.post.CloseIdleConnections()
}

func (s *Sessions) openOne(ctx context.Context) error {
	switch s.kind {
	case SSEStream, SSEInitialized:
		st, err := openStream(ctx, s.url, nil)
		if err != nil {
			return err
		}
		s.streams = append(s.streams, st)
		ev, data, err := st.next()
		if err != nil || ev != "endpoint" {
			return fmt.Errorf("want the endpoint event, got %q %q: %v", ev, data, err)
		}
		if s.kind == SSEStream {
			return nil
		}
		msg, err := s.url.Parse(strings.TrimSpace(data))
		if err != nil {
			return err
		}
		if _, err := s.do(ctx, http.MethodPost, msg.String(), initializeBody, nil); err != nil {
			return err
		}
		if err := st.awaitResult(); err != nil {
			return err
		}
		_, err = s.do(ctx, http.MethodPost, msg.String(), initializedBody, nil)
		return err
	default:
		resp, err := s.do(ctx, http.MethodPost, s.url.String(), initializeBody, nil)
		if err != nil {
			return err
		}
		id := resp.Header.Get("Mcp-Session-Id")
		if id == "" {
			return errors.New("initialize answered without Mcp-Session-Id")
		}
		h := http.Header{"Mcp-Session-Id": {id}, "Mcp-Protocol-Version": {LegacyEra}}
		if _, err := s.do(ctx, http.MethodPost, s.url.String(), initializedBody, h); err != nil {
			return err
		}
		switch s.kind {
		case HTTPSessionStream:
			st, err := openStream(ctx, s.url, h)
			if err != nil {
				return err
			}
			s.streams = append(s.streams, st)
		case HTTPSessionDeleted:
			_, err = s.do(ctx, http.MethodDelete, s.url.String(), "", h)
		}
		return err
	}
}

// do sends one request over the shared connection, reads the whole answer and fails on a
// status other than 2xx.
func (s *Sessions) do(ctx context.Context, method, target, body string, h http.Header) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, target, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	for k, v := range h {
		req.Header[k] = v
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json, text/event-stream")
	resp, err := s.post.Do(req)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("%s %s: %s: %s", method, req.URL.Path, resp.Status, b)
	}
	return resp, nil
}

// stream is an event stream read by hand over a connection of its own, so that holding one
// costs the client nothing but the connection.
type stream struct {
	conn net.Conn
	ev   *bufio.Reader
}

func openStream(ctx context.Context, u *url.URL, h http.Header) (*stream, error) {
	conn, err := (&net.Dialer{Timeout: stepTimeout}).DialContext(ctx, "tcp", u.Host)
	if err != nil {
		return nil, err
	}
	req, _ := http.NewRequest(http.MethodGet, u.String(), nil)
	for k, v := range h {
		req.Header[k] = v
	}
	req.Header.Set("Accept", "text/event-stream")
	_ = conn.SetDeadline(time.Now().Add(stepTimeout))
	if err := req.Write(conn); err != nil {
		conn.Close()
		return nil, err
	}
	resp, err := http.ReadResponse(bufio.NewReaderSize(conn, 1024), req)
	if err != nil {
		conn.Close()
		return nil, err
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		conn.Close()
		return nil, fmt.Errorf("GET %s: %s, %s", u.Path, resp.Status, resp.Header.Get("Content-Type"))
	}
	_ = conn.SetDeadline(time.Time{})
	return &stream{conn: conn, ev: bufio.NewReaderSize(resp.Body, 1024)}, nil
}

// next reads one event, waiting at most stepTimeout.
func (s *stream) next() (event, data string, err error) {
	_ = s.conn.SetReadDeadline(time.Now().Add(stepTimeout))
	defer s.conn.SetReadDeadline(time.Time{})
	for range 1000 { // lines of one event
		line, err := s.ev.ReadString('\n')
		if err != nil {
			return event, data, err
		}
		line = strings.TrimRight(line, "\r\n")
		switch {
		case line == "":
			if event != "" || data != "" {
				return event, data, nil
			}
		case strings.HasPrefix(line, "event:"):
			event = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
		case strings.HasPrefix(line, "data:"):
			data += strings.TrimPrefix(strings.TrimPrefix(line, "data:"), " ")
		}
	}
	return event, data, errors.New("event too long")
}

// awaitResult reads events until the result of request 1 (initialize).
func (s *stream) awaitResult() error {
	for range 20 {
		_, data, err := s.next()
		if err != nil {
			return fmt.Errorf("waiting for the initialize result: %w", err)
		}
		if strings.Contains(data, `"id":1`) && strings.Contains(data, `"result"`) {
			return nil
		}
	}
	return errors.New("no initialize result in 20 events")
}
