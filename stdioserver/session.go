package stdioserver

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// session is the one client of the stdio transport, as mcp-go sees it: its client
// info, capabilities and log level, its notifications, and the questions asked of it.
type session struct {
	out           *lineWriter
	notifications chan mcp.JSONRPCNotification
	initialized   atomic.Bool
	logLevel      atomic.Value // mcp.LoggingLevel
	info          atomic.Value // mcp.Implementation
	caps          atomic.Value // mcp.ClientCapabilities
	version       atomic.Value // string: the protocol version initialize negotiated

	nextID    atomic.Int64
	questions chan struct{} // a token per question waiting
	closed    chan struct{} // closed when stdin has closed
	closeOnce sync.Once
	mu        sync.Mutex
	waiting   map[string]chan questionAnswer // by canonical id
}

type questionAnswer struct {
	result, err json.RawMessage
}

var (
	_ server.SessionWithClientInfo  = (*session)(nil)
	_ server.SessionWithLogging     = (*session)(nil)
	_ server.SessionWithElicitation = (*session)(nil)
)

func newSession(out *lineWriter) *session {
	return &session{
		out:           out,
		notifications: make(chan mcp.JSONRPCNotification, 100),
		questions:     make(chan struct{}, MaxPendingQuestions),
		closed:        make(chan struct{}),
		waiting:       map[string]chan questionAnswer{},
	}
}

func (s *session) SessionID() string { return "stdio" }
func (s *session) NotificationChannel() chan<- mcp.JSONRPCNotification {
	return s.notifications
}
func (s *session) Initialize()       { s.initialized.Store(true) }
func (s *session) Initialized() bool { return s.initialized.Load() }

func (s *session) SetLogLevel(level mcp.LoggingLevel) { s.logLevel.Store(level) }
func (s *session) GetLogLevel() mcp.LoggingLevel {
	if l, ok := s.logLevel.Load().(mcp.LoggingLevel); ok {
		return l
	}
	return mcp.LoggingLevelError
}

func (s *session) SetClientInfo(info mcp.Implementation) { s.info.Store(info) }
func (s *session) GetClientInfo() mcp.Implementation {
	info, _ := s.info.Load().(mcp.Implementation)
	return info
}
func (s *session) SetClientCapabilities(caps mcp.ClientCapabilities) { s.caps.Store(caps) }
func (s *session) GetClientCapabilities() mcp.ClientCapabilities {
	caps, _ := s.caps.Load().(mcp.ClientCapabilities)
	return caps
}
func (s *session) SetProtocolVersion(v string) { s.version.Store(v) }
func (s *session) ProtocolVersion() string {
	v, _ := s.version.Load().(string)
	return v
}

// closeInput ends every question waiting, and refuses new ones: no answer can come.
func (s *session) closeInput() { s.closeOnce.Do(func() { close(s.closed) }) }

// RequestElicitation asks the client (elicitation/create) and waits for its answer, the
// end of ctx, or the end of stdin. While it waits, the call gives its working slot back,
// and takes one again (unless ctx has ended) once the wait is over.
func (s *session) RequestElicitation(ctx context.Context, request mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
	if sl, ok := ctx.Value(slotKey{}).(*slot); ok {
		sl.release()
		defer sl.acquire(ctx)
	}
	select {
	case <-s.closed:
		return nil, errInputClosed
	case s.questions <- struct{}{}:
		defer func() { <-s.questions }()
	default:
		return nil, errTooManyQuestions
	}
	id := json.RawMessage(fmt.Sprint(s.nextID.Add(1)))
	answer := make(chan questionAnswer, 1)
	s.mu.Lock()
	s.waiting[string(id)] = answer
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.waiting, string(id))
		s.mu.Unlock()
	}()

	err := s.out.write(struct {
		JSONRPC string                `json:"jsonrpc"`
		ID      json.RawMessage       `json:"id"`
		Method  string                `json:"method"`
		Params  mcp.ElicitationParams `json:"params"`
	}{mcp.JSONRPC_VERSION, id, string(mcp.MethodElicitationCreate), request.Params})
	if err != nil {
		return nil, fmt.Errorf("write elicitation/create: %w", err)
	}

	select {
	case a := <-answer:
		if a.err != nil {
			var e struct {
				Message string `json:"message"`
			}
			_ = json.Unmarshal(a.err, &e)
			return nil, fmt.Errorf("the client answered elicitation/create with an error: %s", strings.TrimSpace(e.Message))
		}
		var res mcp.ElicitationResult
		if err := json.Unmarshal(a.result, &res); err != nil {
			return nil, fmt.Errorf("read the answer to elicitation/create: %w", err)
		}
		return &res, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-s.closed:
		return nil, errInputClosed
	}
}

// deliver hands an answer from the client to the question with its id; false when no
// question waits for it.
func (s *session) deliver(id, result, errObj json.RawMessage) bool {
	s.mu.Lock()
	answer, ok := s.waiting[string(id)]
	s.mu.Unlock()
	if !ok {
		return false
	}
	select {
	case answer <- questionAnswer{result: result, err: errObj}:
	default: // answered already
	}
	return true
}
