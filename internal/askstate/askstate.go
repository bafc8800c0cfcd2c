// Package askstate mints and checks the requestState of a question the server asks a
// person (MCP elicitation), so that an answer counts only for the question this process
// asked, about the same arguments, once, and before it expires.
//
// A state is "v1.<nonce>.<expiry>.<mac>": an HMAC under a per-process key binds the nonce
// and the expiry to a digest of the arguments, so that a client can neither forge a state
// nor carry a "yes" over to other arguments. Redeemed nonces are remembered until they
// expire, so that one "yes" is used once. A state minted by another process (after a
// restart, or by another replica) fails the check, and the person is simply asked again.
package askstate

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Store mints and checks states. It is safe for concurrent use.
type Store struct {
	ttl time.Duration
	now func() time.Time
	key func() []byte // made at the first question: crypto/rand's first read costs a start time

	mu   sync.Mutex
	used map[string]time.Time // nonce → expiry
}

// New returns a Store whose states expire ttl after they are minted, on the clock now.
func New(ttl time.Duration, now func() time.Time) *Store {
	key := sync.OnceValue(func() []byte {
		k := make([]byte, 32)
		_, _ = rand.Read(k) // never fails (crypto/rand)
		return k
	})
	return &Store{ttl: ttl, now: now, key: key, used: map[string]time.Time{}}
}

// Mint returns a new state for a question about the arguments whose digest is given.
func (s *Store) Mint(digest string) string {
	n := make([]byte, 16)
	_, _ = rand.Read(n)
	nonce := base64.RawURLEncoding.EncodeToString(n)
	exp := strconv.FormatInt(s.now().Add(s.ttl).Unix(), 10)
	return "v1." + nonce + "." + exp + "." + s.mac(nonce, exp, digest)
}

func (s *Store) mac(nonce, exp, digest string) string {
	m := hmac.New(sha256.New, s.key())
	m.Write([]byte("v1\x00" + nonce + "\x00" + exp + "\x00" + digest))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// Valid reports whether state is one this Store minted for digest, not yet expired.
func (s *Store) Valid(state, digest string) bool {
	parts := strings.Split(state, ".")
	if len(parts) != 4 || parts[0] != "v1" {
		return false
	}
	nonce, exp, sig := parts[1], parts[2], parts[3]
	if !hmac.Equal([]byte(sig), []byte(s.mac(nonce, exp, digest))) {
		return false
	}
	unix, err := strconv.ParseInt(exp, 10, 64)
	return err == nil && s.now().Before(time.Unix(unix, 0))
}

// Redeem marks a valid state used; false when it was used already. Call it only with a
// state Valid accepted.
func (s *Store) Redeem(state string) bool {
	parts := strings.Split(state, ".")
	if len(parts) != 4 {
		return false
	}
	nonce := parts[1]
	unix, _ := strconv.ParseInt(parts[2], 10, 64)
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	for n, exp := range s.used {
		if now.After(exp) {
			delete(s.used, n)
		}
	}
	if _, ok := s.used[nonce]; ok {
		return false
	}
	s.used[nonce] = time.Unix(unix, 0)
	return true
}
