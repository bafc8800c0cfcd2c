package httpserver

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// DefaultMaxSessions is the default cap on live 2025-era sessions, and on open event
// streams: a person's server has a handful of each, and a thousand of each take tens of
// MiB and as many open files (BENCHMARKS.md measures them).
const DefaultMaxSessions = 1000

// sessionLimit bounds what a 2025-era client can hold open (SPEC §7.3): the sessions that
// initialize creates on the Streamable HTTP transport, which mcp-go keeps until DELETE or
// sessionIdleTTL, and the event streams (GET) of both HTTP transports, each a connection
// and goroutines for as long as the client keeps it. Past max, a new session or stream
// is answered 503. Stateless 2026-07-28 requests hold nothing and are not counted.
//
// The sessions are counted where mcp-go makes and ends them, through the SessionIdManager
// that the Streamable HTTP server is given (sessions below): Generate when initialize
// makes one, Terminate when DELETE or the idle sweeper ends it. An initialize request
// reserves its place before it reaches mcp-go, so that concurrent ones cannot overshoot.
type sessionLimit struct {
	max int
	log *slog.Logger

	mu       sync.Mutex
	live     map[string]bool // session ids made by initialize and not ended
	reserved int             // initialize requests in flight

	streams    atomic.Int64
	lastWarned atomic.Int64 // unix seconds: the cap is logged at most once a minute
}

func newSessionLimit(max int, log *slog.Logger) *sessionLimit {
	if max <= 0 {
		max = DefaultMaxSessions
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &sessionLimit{max: max, log: log, live: map[string]bool{}}
}

// reserve takes a place for a session about to be made; false when there is none.
func (l *sessionLimit) reserve() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.live)+l.reserved >= l.max {
		return false
	}
	l.reserved++
	return true
}

func (l *sessionLimit) unreserve() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reserved--
}

func (l *sessionLimit) start(id string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.live[id] = true
}

func (l *sessionLimit) end(id string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.live, id)
}

func (l *sessionLimit) known(id string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.live[id]
}

// openStream counts a stream about to open; false, counting nothing, when max are open.
func (l *sessionLimit) openStream() bool {
	if l.streams.Add(1) > int64(l.max) {
		l.streams.Add(-1)
		return false
	}
	return true
}

func (l *sessionLimit) closeStream() { l.streams.Add(-1) }

// refuse answers 503: the cap is reached.
func (l *sessionLimit) refuse(w http.ResponseWriter, what string) {
	now := time.Now().Unix()
	if last := l.lastWarned.Load(); now-last >= 60 && l.lastWarned.CompareAndSwap(last, now) {
		l.log.Warn("refusing new "+what+": the cap is reached (--max-sessions)", "max", l.max)
	}
	w.Header().Set("Retry-After", "60")
	http.Error(w, "too many open "+what+" on this server (its cap is "+strconv.Itoa(l.max)+"); close some or try again later", http.StatusServiceUnavailable)
}

// sessions is the SessionIdManager of the Streamable HTTP transport: mcp-go's default,
// which makes ids and checks their form, plus the bookkeeping of which are live. An id
// this server did not make, or has ended, is answered 404 by mcp-go ("session
// terminated"), which tells a 2025-era client to initialize again, as the spec has it.
type sessions struct {
	server.StatelessGeneratingSessionIdManager
	limit *sessionLimit
}

func (s *sessions) Generate() string {
	id := s.StatelessGeneratingSessionIdManager.Generate()
	s.limit.start(id)
	return id
}

func (s *sessions) Validate(id string) (bool, error) {
	if terminated, err := s.StatelessGeneratingSessionIdManager.Validate(id); err != nil || terminated {
		return terminated, err
	}
	return !s.limit.known(id), nil
}

func (s *sessions) Terminate(id string) (bool, error) {
	s.limit.end(id)
	return false, nil
}

// streamable puts the limit in front of the Streamable HTTP handler next: a 2025-era
// initialize needs a place for its session, and a GET stream a place among the streams and
// a session this server made (a stream for a made-up id would be a session of its own).
func (l *sessionLimit) streamable(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPost && isInitialize(r):
			if !l.reserve() {
				l.refuse(w, "sessions")
				return
			}
			defer l.unreserve() // Generate has counted the session, if mcp-go made one
			next.ServeHTTP(w, r)
		case r.Method == http.MethodGet && !mcp.IsModernProtocol(r.Header.Get(mcp.HeaderProtocolVersion)):
			id := r.Header.Get(server.HeaderKeySessionID)
			if id == "" {
				http.Error(w, "an event stream needs the Mcp-Session-Id that initialize gave", http.StatusBadRequest)
				return
			}
			if !l.known(id) {
				http.Error(w, "no such session: it ended, or this server never made it; initialize again", http.StatusNotFound)
				return
			}
			l.stream(next, w, r)
		default:
			next.ServeHTTP(w, r) // stateless requests, calls in a session, DELETE, a 2026 GET (405)
		}
	})
}

// stream serves a request that opens an event stream, if there is a place for it.
func (l *sessionLimit) stream(next http.Handler, w http.ResponseWriter, r *http.Request) {
	if !l.openStream() {
		l.refuse(w, "event streams")
		return
	}
	defer l.closeStream()
	next.ServeHTTP(w, r)
}

// sse puts the limit in front of the legacy HTTP+SSE handler next, whose every GET stream
// is a session.
func (l *sessionLimit) sse(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			l.stream(next, w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// isInitialize reports whether a POST's body (already read into memory by the guard) is
// an initialize request, and leaves the body to be read again.
func isInitialize(r *http.Request) bool {
	body, err := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	if err != nil || !bytes.Contains(body, []byte(`"initialize"`)) && bytes.IndexByte(body, '\\') < 0 {
		return false // most POSTs, read no further (an escape could spell the method otherwise)
	}
	var msg struct {
		Method string `json:"method"`
	}
	return json.Unmarshal(body, &msg) == nil && msg.Method == string(mcp.MethodInitialize)
}
