package askstate

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) advance(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.t = c.t.Add(d) }

func TestAStateIsValidForItsOwnDigestUntilItExpires(t *testing.T) {
	c := &clock{t: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)}
	s := New(15*time.Minute, c.now)
	state := s.Mint("digest-a")

	assert.True(t, s.Valid(state, "digest-a"))
	assert.False(t, s.Valid(state, "digest-b"), "a state cannot be carried over to other arguments")
	c.advance(15 * time.Minute)
	assert.False(t, s.Valid(state, "digest-a"), "expired")
}

func TestAStateIsRedeemedOnce(t *testing.T) {
	c := &clock{t: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)}
	s := New(time.Minute, c.now)
	state := s.Mint("d")

	assert.True(t, s.Redeem(state))
	assert.False(t, s.Redeem(state), "a second redemption of the same state")
	assert.True(t, s.Redeem(s.Mint("d")), "a new question's state is its own")
}

func TestAForgedOrForeignStateIsNotValid(t *testing.T) {
	now := func() time.Time { return time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC) }
	s, other := New(time.Minute, now), New(time.Minute, now)
	state := s.Mint("d")
	parts := strings.Split(state, ".")

	for name, forged := range map[string]string{
		"another process's state": other.Mint("d"),
		"a later expiry":          strings.Join([]string{parts[0], parts[1], "99999999999", parts[3]}, "."),
		"another nonce":           strings.Join([]string{parts[0], "AAAA", parts[2], parts[3]}, "."),
		"another version":         "v2" + strings.TrimPrefix(state, "v1"),
		"not a state":             "hello",
		"empty":                   "",
	} {
		assert.False(t, s.Valid(forged, "d"), name)
	}
	assert.False(t, s.Redeem("hello"), "Redeem does not panic on a malformed state")
}
