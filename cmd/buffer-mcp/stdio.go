package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/mark3labs/mcp-go/server"
)

// drainTimeout bounds how long the server keeps answering after stdin closes: as long as
// one Buffer request may take, so that a create_post piped in from a shell is not cancelled
// mid-flight (a cancelled mutation is OutcomeUnknown). Clients that close stdin on exit
// have nothing in flight, so for them the server exits at once.
const drainTimeout = 35 * time.Second

// serveStdio speaks newline-delimited JSON-RPC on stdin and stdout, and returns when stdin
// closes (once every request read has its answer) or ctx ends. Nothing but MCP is written to
// stdout: logs go to stderr.
func serveStdio(ctx context.Context, srv *server.MCPServer, stdin io.Reader, stdout io.Writer, log *slog.Logger) error {
	s := server.NewStdioServer(srv)
	s.SetErrorLogger(slog.NewLogLogger(log.Handler(), slog.LevelError))
	t := newInflight()
	in := &drainingReader{r: bufio.NewReader(stdin), t: t, ctx: ctx, log: log}
	out := &answerWriter{w: stdout, t: t}
	err := s.Listen(ctx, in, out)
	switch {
	case ctx.Err() != nil:
		log.Info("stopping on signal")
		return nil
	case err == nil || errors.Is(err, io.EOF):
		log.Info("stdin closed; exiting")
		return nil
	default:
		return err
	}
}

// inflight is the set of request ids read from stdin and not yet answered on stdout.
type inflight struct {
	mu      sync.Mutex
	pending map[string]bool
	idle    chan struct{} // closed while nothing is pending; replaced when something is
}

func newInflight() *inflight {
	idle := make(chan struct{})
	close(idle)
	return &inflight{pending: map[string]bool{}, idle: idle}
}

func (t *inflight) add(id string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.pending) == 0 {
		t.idle = make(chan struct{})
	}
	t.pending[id] = true
}

func (t *inflight) done(id string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.pending[id] {
		return
	}
	delete(t.pending, id)
	if len(t.pending) == 0 {
		close(t.idle)
	}
}

func (t *inflight) whenIdle() <-chan struct{} {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.idle
}

// envelope is what the tracking needs of a JSON-RPC message.
type envelope struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Result json.RawMessage `json:"result"`
	Error  json.RawMessage `json:"error"`
	Params struct {
		RequestID json.RawMessage `json:"requestId"` // of notifications/cancelled
	} `json:"params"`
}

// idKey is a JSON-RPC id in one canonical form, so that the id of a request and that of its
// answer compare equal however each was spelt.
func idKey(raw json.RawMessage) string {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return string(raw)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// drainingReader passes stdin through line by line, noting each request, and holds back
// EOF until every request read so far has been answered (or drainTimeout, or ctx ends).
type drainingReader struct {
	r   *bufio.Reader
	t   *inflight
	ctx context.Context
	log *slog.Logger
	buf []byte
	eof bool
}

func (d *drainingReader) Read(p []byte) (int, error) {
	if len(d.buf) == 0 && !d.eof {
		line, err := d.r.ReadBytes('\n')
		var m envelope
		if len(line) > 0 && json.Unmarshal(line, &m) == nil {
			switch {
			case m.Method == "notifications/cancelled" && len(m.Params.RequestID) > 0:
				d.t.done(idKey(m.Params.RequestID)) // a cancelled request gets no answer
			case m.Method != "" && len(m.ID) > 0:
				d.t.add(idKey(m.ID))
			}
		}
		d.buf = line
		if err != nil {
			d.eof = true
			if !errors.Is(err, io.EOF) {
				return d.copy(p), err
			}
		}
	}
	if len(d.buf) > 0 {
		return d.copy(p), nil
	}
	select {
	case <-d.t.whenIdle():
	case <-d.ctx.Done():
	case <-time.After(drainTimeout):
		d.log.Warn("stdin closed; giving up on requests still in flight")
	}
	return 0, io.EOF
}

func (d *drainingReader) copy(p []byte) int {
	n := copy(p, d.buf)
	d.buf = d.buf[n:]
	return n
}

// answerWriter passes stdout through and notes each answer. mcp-go writes one whole
// message per Write.
type answerWriter struct {
	w io.Writer
	t *inflight
}

func (a *answerWriter) Write(p []byte) (int, error) {
	n, err := a.w.Write(p)
	if id, ok := answerID(p); ok {
		a.t.done(idKey(id))
	}
	return n, err
}

// answerID returns the id of a JSON-RPC answer: a message with an id and a result or an
// error, and no method. It reads the message's keys in order and stops at the first
// result or error once it has the id: mcp-go writes the id first, so a long result is
// not read through (the whole answer used to be decoded here, for its id alone).
func answerID(p []byte) (json.RawMessage, bool) {
	dec := json.NewDecoder(bytes.NewReader(p))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, false
	}
	var id json.RawMessage
	answer := false
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, false
		}
		if (key == "result" || key == "error") && len(id) > 0 {
			return id, true // the value is not read
		}
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil, false
		}
		switch key {
		case "id":
			id = value
		case "method":
			return nil, false
		case "result", "error":
			answer = true
		}
	}
	return id, answer && len(id) > 0
}
