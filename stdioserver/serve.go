// Package stdioserver is the stdio transport (SPEC §5): newline-delimited JSON-RPC on stdin
// and stdout.
//
// It is this program's own rather than mcp-go's StdioServer, which runs tools/call on a
// pool of five workers fed by a queue of 100. A handler that asks the person (the
// "publish now?" question, elicitation/create for a 2025-era client) holds its worker
// until the answer comes: five unanswered questions held every worker, and with the queue
// full the read loop ran the next call itself, so that once it asked too, no line was read
// again: not the answers, not even ping. Here:
//
//   - the read loop never runs a request: every request gets a goroutine;
//   - calls that reach Buffer (tools/call, resources/read) work in one of Workers
//     slots, and a call gives its slot back while it waits for the person;
//   - the questions waiting at once are bounded (MaxPendingQuestions), and each wait ends
//     with the call (its deadline, a cancellation, the end of stdin);
//   - the read loop waits only when Queue calls are admitted, and those finish
//     without it (none of them holds a slot while waiting for an answer it would read).
//
// It exits when stdin closes, once the calls it has read are answered (drainTimeout at
// most); anything else (ping, lists, a subscriptions/listen stream) is cancelled at once.
// A message that is not a request it can answer (an id that is null or not a string or an
// integer, a request that is also a response) gets a JSON-RPC error at once, so that
// nothing waits for an answer that would never come.
package stdioserver

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

const (
	// drainTimeout bounds how long the server keeps answering after stdin closes: as long
	// as one Buffer request may take, so that a create_post piped in from a shell is not
	// cancelled mid-flight (a cancelled mutation is OutcomeUnknown). Clients that close
	// stdin on exit have nothing in flight, so for them the server exits at once.
	drainTimeout = 35 * time.Second
	// Workers is how many calls may work (reach Buffer) at once, as mcp-go's pool.
	Workers = 5
	// Queue is how many calls may be admitted (working, waiting for a slot or for the
	// person) before the read loop waits for one to finish.
	Queue = 100
	// MaxPendingQuestions bounds the questions waiting for the person at once; one more is
	// answered at once as not confirmed.
	MaxPendingQuestions = 16
)

// JSON-RPC error codes.
const (
	codeParseError     = -32700
	codeInvalidRequest = -32600
	codeInternalError  = -32603
)

var (
	errInputClosed      = errors.New("the client closed its input, so no answer can come")
	errTooManyQuestions = fmt.Errorf("%d questions are already waiting for the person", MaxPendingQuestions)
)

// Serve serves srv on stdin and stdout until stdin closes (once every call read has
// its answer) or ctx ends. Nothing but MCP is written to stdout: logs go to stderr.
func Serve(ctx context.Context, srv *server.MCPServer, stdin io.Reader, stdout io.Writer, log *slog.Logger) error {
	t := newStdio(srv, stdout, log)
	err := t.serve(ctx, stdin)
	switch {
	case ctx.Err() != nil:
		log.Info("stopping on signal")
		return nil
	case err == nil:
		log.Info("stdin closed; exiting")
		return nil
	default:
		return err
	}
}

// stdio is one run of the transport: one client, one session.
type stdio struct {
	srv     *server.MCPServer
	out     *lineWriter
	log     *slog.Logger
	session *session

	slots    chan struct{} // a token per working call
	admitted chan struct{} // a token per admitted call

	mu       sync.Mutex
	inflight map[string]*stdioRequest // by canonical id

	calls  sync.WaitGroup // tools/call and resources/read in flight
	others sync.WaitGroup // every other request in flight
}

// stdioRequest is a request in flight.
type stdioRequest struct {
	cancelled atomic.Bool // by the client: its answer is not written (MCP cancellation)
}

func newStdio(srv *server.MCPServer, stdout io.Writer, log *slog.Logger) *stdio {
	out := &lineWriter{w: stdout}
	return &stdio{
		srv:      srv,
		out:      out,
		log:      log,
		session:  newSession(out),
		slots:    make(chan struct{}, Workers),
		admitted: make(chan struct{}, Queue),
		inflight: map[string]*stdioRequest{},
	}
}

// serve reads stdin to its end and dispatches every message; see the top of this file.
func (t *stdio) serve(ctx context.Context, stdin io.Reader) error {
	if err := t.srv.RegisterSession(ctx, t.session); err != nil {
		return fmt.Errorf("register the stdio session: %w", err)
	}
	defer t.srv.UnregisterSession(context.WithoutCancel(ctx), t.session.SessionID())
	base := t.srv.WithContext(ctx, t.session)
	// Calls are cancelled after the drain; everything else as soon as stdin closes.
	callsCtx, cancelCalls := context.WithCancel(base)
	defer cancelCalls()
	othersCtx, cancelOthers := context.WithCancel(base)
	defer cancelOthers()

	notesDone := make(chan struct{})
	go t.forwardNotifications(othersCtx, notesDone)

	err := t.read(ctx, stdin, callsCtx, othersCtx)

	t.session.closeInput() // the questions waiting end: no answer can come now
	cancelOthers()
	if !waitTimeout(&t.calls, ctx.Done(), drainTimeout) && ctx.Err() == nil {
		t.log.Warn("stdin closed; giving up on requests still in flight")
	}
	cancelCalls()
	waitTimeout(&t.calls, nil, time.Second) // their answers, cancelled, are not awaited long
	waitTimeout(&t.others, nil, time.Second)
	<-notesDone
	return err
}

// read dispatches each line of stdin until its end (nil) or a read error. It stops early,
// returning nil, when ctx ends.
func (t *stdio) read(ctx context.Context, stdin io.Reader, callsCtx, othersCtx context.Context) error {
	type line struct {
		b   []byte
		err error
	}
	lines := make(chan line)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		r := bufio.NewReader(stdin)
		for {
			b, err := r.ReadBytes('\n')
			select {
			case lines <- line{b, err}:
			case <-stop:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case l := <-lines:
			if msg := bytes.TrimSpace(l.b); len(msg) > 0 {
				t.dispatch(ctx, msg, callsCtx, othersCtx)
			}
			if errors.Is(l.err, io.EOF) {
				return nil
			}
			if l.err != nil {
				return fmt.Errorf("read stdin: %w", l.err)
			}
		}
	}
}

// envelope is what dispatching needs of a JSON-RPC message.
type envelope struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Method  string          `json:"method"`
	Result  json.RawMessage `json:"result"`
	Error   json.RawMessage `json:"error"`
	Params  struct {
		RequestID json.RawMessage `json:"requestId"` // of notifications/cancelled
	} `json:"params"`
}

// dispatch handles one message: a request gets its goroutine, a notification is handled
// here (they are quick), an answer goes to the question waiting for it, and anything else
// gets a JSON-RPC error at once.
func (t *stdio) dispatch(ctx context.Context, msg []byte, callsCtx, othersCtx context.Context) {
	var m envelope
	if msg[0] != '{' || json.Unmarshal(msg, &m) != nil {
		if json.Valid(msg) {
			t.reply(nil, codeInvalidRequest, "Invalid Request: a message is one JSON object (batches are not supported)")
			return
		}
		t.reply(nil, codeParseError, "Parse error")
		return
	}
	hasID, id := len(m.ID) > 0, canonicalID(m.ID)
	isAnswer := m.Result != nil || m.Error != nil
	switch {
	case m.Method != "" && isAnswer:
		t.reply(id, codeInvalidRequest, "Invalid Request: a message cannot be both a request (method) and a response (result or error)")
	case m.Method != "" && hasID && id == nil:
		t.reply(nil, codeInvalidRequest, "Invalid Request: the id must be a string or an integer")
	case m.Method != "" && hasID:
		t.request(ctx, id, m.Method, msg, callsCtx, othersCtx)
	case m.Method != "":
		t.notification(othersCtx, m, msg)
	case isAnswer && id != nil:
		if !t.session.deliver(id, m.Result, m.Error) {
			t.log.Debug("stdio: an answer to no question of this server", "id", string(id))
		}
	default:
		t.reply(id, codeInvalidRequest, "Invalid Request: neither a request, a notification nor a response")
	}
}

// canonicalID is a valid JSON-RPC id (a string or an integer) in one spelling, so that
// the id of a request and of its cancellation compare equal; nil for any other value,
// null included.
func canonicalID(raw json.RawMessage) json.RawMessage {
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if len(raw) == 0 || dec.Decode(&v) != nil {
		return nil
	}
	switch x := v.(type) {
	case string:
		b, _ := json.Marshal(x)
		return b
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return json.RawMessage(fmt.Sprint(n))
		}
	}
	return nil
}

// request runs one request on its goroutine. A call (tools/call, resources/read) is first
// admitted, which the read loop waits for when Queue calls are in flight.
func (t *stdio) request(ctx context.Context, id json.RawMessage, method string, msg []byte, callsCtx, othersCtx context.Context) {
	req := &stdioRequest{}
	key := string(id)
	t.mu.Lock()
	t.inflight[key] = req
	t.mu.Unlock()
	done := func() {
		t.mu.Lock()
		if t.inflight[key] == req {
			delete(t.inflight, key)
		}
		t.mu.Unlock()
	}

	if method == string(mcp.MethodInitialize) {
		// Here, on the read loop (it is quick): what follows it, notifications/initialized
		// and the first calls, must find the session initialized, with the capabilities
		// (elicitation) the client declared.
		t.others.Add(1)
		defer t.others.Done()
		defer done()
		t.answer(othersCtx, id, msg, req)
		return
	}
	if method != string(mcp.MethodToolsCall) && method != string(mcp.MethodResourcesRead) {
		t.others.Go(func() {
			defer done()
			t.answer(othersCtx, id, msg, req)
		})
		return
	}
	select {
	case t.admitted <- struct{}{}:
	case <-ctx.Done():
		done()
		return
	}
	t.calls.Go(func() {
		defer func() { <-t.admitted }()
		defer done()
		s := &slot{sem: t.slots}
		if !s.acquire(callsCtx) {
			return // stopping: no answer
		}
		defer s.release()
		t.answer(context.WithValue(callsCtx, slotKey{}, s), id, msg, req)
	})
}

// answer handles a request and writes its answer, unless the client cancelled it.
func (t *stdio) answer(ctx context.Context, id json.RawMessage, msg []byte, req *stdioRequest) {
	var resp mcp.JSONRPCMessage
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.log.Error("panic serving a stdio request", "panic", fmt.Sprint(p))
				resp = nil
				t.reply(id, codeInternalError, "internal error; the details are in the server's log")
			}
		}()
		resp = t.srv.HandleMessage(ctx, msg)
	}()
	if resp == nil || req.cancelled.Load() {
		return
	}
	if err := t.out.write(resp); err != nil {
		t.log.Error("write an answer to stdout", "err", err)
	}
}

// notification handles a notification. A cancellation also marks the request, so that
// its answer is not written.
func (t *stdio) notification(ctx context.Context, m envelope, msg []byte) {
	if m.Method == string(mcp.MethodNotificationCancelled) {
		if id := canonicalID(m.Params.RequestID); id != nil {
			t.mu.Lock()
			if req := t.inflight[string(id)]; req != nil {
				req.cancelled.Store(true)
			}
			t.mu.Unlock()
		}
	}
	t.srv.HandleMessage(ctx, msg) // mcp-go cancels the request's context, or runs a handler
}

// reply writes a JSON-RPC error answer; id nil is null.
func (t *stdio) reply(id json.RawMessage, code int, message string) {
	if id == nil {
		id = json.RawMessage("null")
	}
	err := t.out.write(struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Error   struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}{JSONRPC: mcp.JSONRPC_VERSION, ID: id, Error: struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}{code, message}})
	if err != nil {
		t.log.Error("write an error to stdout", "err", err)
	}
}

// forwardNotifications writes the notifications the server sends the session (log
// messages, list changes) until ctx ends.
func (t *stdio) forwardNotifications(ctx context.Context, done chan<- struct{}) {
	defer close(done)
	for {
		select {
		case n := <-t.session.notifications:
			if err := t.out.write(n); err != nil {
				t.log.Error("write a notification to stdout", "err", err)
			}
		case <-ctx.Done():
			return
		}
	}
}

// waitTimeout waits for wg, at most d, or until stop closes; it reports whether wg is done.
func waitTimeout(wg *sync.WaitGroup, stop <-chan struct{}, d time.Duration) bool {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-done:
		return true
	case <-stop:
	case <-timer.C:
	}
	return false
}

// lineWriter writes one JSON message per line, whole, whoever writes.
type lineWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lineWriter) write(msg any) error {
	b, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	_, err = l.w.Write(append(b, '\n'))
	return err
}

// slotKey carries a call's *slot in its context, for the session to give it back while
// the call waits for the person.
type slotKey struct{}

// slot is a call's hold on one of the working slots.
type slot struct {
	sem  chan struct{}
	mu   sync.Mutex
	held bool
}

// acquire takes a slot, unless ctx ends first; it reports whether the call holds one.
func (s *slot) acquire(ctx context.Context) bool {
	select {
	case s.sem <- struct{}{}:
		s.mu.Lock()
		s.held = true
		s.mu.Unlock()
		return true
	case <-ctx.Done():
		return false
	}
}

// release gives the slot back, if the call holds one.
func (s *slot) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.held {
		s.held = false
		<-s.sem
	}
}
