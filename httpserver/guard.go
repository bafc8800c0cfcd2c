// Package httpserver serves buffer-mcp over HTTP (Streamable HTTP at /mcp, or the legacy
// HTTP+SSE endpoints) behind the guards SPEC §5 asks for: loopback by default, Host and
// Origin checks against DNS rebinding and cross-site requests, an optional bearer token,
// a request-body cap, and timeouts for slow clients.
package httpserver

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
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
}

func newGuard(token string, allowedOrigins []string, listenAddr string) *guard {
	g := &guard{
		requireToken: token != "",
		checkHost:    IsLoopback(listenAddr),
		trusted:      map[string]bool{},
		trustedHosts: map[string]bool{},
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
func (g *guard) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
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

func (g *guard) tokenOK(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return false
	}
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
	if err != nil {
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
