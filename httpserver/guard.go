// Package httpserver serves buffer-mcp over HTTP (Streamable HTTP at /mcp, or the legacy
// HTTP+SSE endpoints) behind the guards SPEC §5 asks for: loopback by default, Host and
// Origin checks against DNS rebinding and cross-site requests, an optional bearer token,
// a request-body cap, and timeouts for slow clients.
package httpserver

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// MaxBodyBytes caps a request body; a larger one is answered 413.
const MaxBodyBytes = 1 << 20

// guard holds what the checks need.
type guard struct {
	tokenHash    [32]byte // sha256 of the bearer token; compared in constant time
	requireToken bool
	checkHost    bool            // only on loopback: elsewhere the token is the guard
	trusted      map[string]bool // extra trusted origins, as scheme://host[:port]
	trustedHosts map[string]bool // hosts (no port) that may appear in Host besides loopback
	bodyTimeout  time.Duration   // bodyTimeout; shorter in tests
}

func newGuard(token string, allowedOrigins []string, listenAddr string) *guard {
	g := &guard{
		requireToken: token != "",
		checkHost:    IsLoopback(listenAddr),
		trusted:      map[string]bool{},
		trustedHosts: map[string]bool{},
		bodyTimeout:  bodyTimeout,
	}
	if token != "" {
		g.tokenHash = sha256.Sum256([]byte(token))
	}
	for _, o := range allowedOrigins {
		if u, err := url.Parse(o); err == nil && u.Host != "" {
			g.trusted[strings.ToLower(u.Scheme+"://"+u.Host)] = true
			g.trustedHosts[strings.ToLower(u.Hostname())] = true
		}
	}
	return g
}

// wrap puts the checks in front of next, cheapest first: Host, Origin, token, body size.
// A request with a body gets bodyTimeout for it, before the checks: a refused request's
// body is still read (net/http drains it to reuse the connection), and a slow one must not
// hold the connection then either. The deadline is lifted once the body is read, since
// the answer may be a long event stream.
func (g *guard) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		hasBody := r.ContentLength != 0 && r.Body != nil && r.Body != http.NoBody
		if hasBody {
			_ = rc.SetReadDeadline(time.Now().Add(g.bodyTimeout)) // not supported by every ResponseWriter (tests)
		}
		if g.checkHost && !g.hostAllowed(r) {
			http.Error(w, "forbidden: Host "+r.Host+" is not this server's", http.StatusForbidden)
			return
		}
		if origin := r.Header.Get("Origin"); origin != "" && !g.originAllowed(origin, r.Host) {
			http.Error(w, "forbidden: Origin "+origin+" is not trusted (see --allowed-origin)", http.StatusForbidden)
			return
		}
		if g.requireToken && !g.tokenOK(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="buffer-mcp"`)
			http.Error(w, "unauthorized: send Authorization: Bearer <the server's token>", http.StatusUnauthorized)
			return
		}
		if r.Method == http.MethodPost && !capBody(w, r) {
			return
		}
		if hasBody && r.Method == http.MethodPost {
			_ = rc.SetReadDeadline(time.Time{})
		}
		next.ServeHTTP(w, r)
	})
}

// hostAllowed guards a loopback listener against DNS rebinding: it accepts loopback names
// and the hosts of trusted origins (a reverse proxy may pass its own public Host).
func (g *guard) hostAllowed(r *http.Request) bool {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.ToLower(strings.Trim(host, "[]"))
	if host == "localhost" || g.trustedHosts[host] {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// originAllowed accepts the server's own origin (same host as the request) and trusted ones.
func (g *guard) originAllowed(origin, requestHost string) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" {
		return false
	}
	if g.trusted[strings.ToLower(u.Scheme+"://"+u.Host)] {
		return true
	}
	return strings.EqualFold(u.Host, requestHost)
}

// tokenOK checks Authorization: Bearer <token>, the scheme in any case (RFC 7235: auth
// schemes are case-insensitive; some clients send "bearer").
func (g *guard) tokenOK(r *http.Request) bool {
	scheme, got, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	got = strings.TrimLeft(got, " ")
	sum := sha256.Sum256([]byte(got))
	return subtle.ConstantTimeCompare(sum[:], g.tokenHash[:]) == 1
}

// capBody reads at most MaxBodyBytes of the body, answering 413 beyond that. mcp-go reads
// bodies whole with no limit, so the cap has to be applied before it.
func capBody(w http.ResponseWriter, r *http.Request) bool {
	if r.ContentLength > MaxBodyBytes {
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return false
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxBodyBytes+1))
	var netErr net.Error
	switch {
	case errors.As(err, &netErr) && netErr.Timeout():
		w.Header().Set("Connection", "close")
		http.Error(w, "the request body did not arrive in time", http.StatusRequestTimeout)
		return false
	case err != nil:
		http.Error(w, "could not read the request body", http.StatusBadRequest)
		return false
	}
	if len(body) > MaxBodyBytes {
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return false
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return true
}

// IsLoopback reports whether a listen address (host:port) binds to loopback only.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
