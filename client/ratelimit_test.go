package client

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestParseRateLimitReadsDraftHeadersByWindowLength(t *testing.T) {
	h := http.Header{}
	h.Add("RateLimit", `"100-in-15min";r=98;t=897, "250-in-24h";r=240;t=60000`)
	h.Add("RateLimit", `"3000-in-30d";r=2900;t=100000`) // a second field line continues the list
	h.Add("RateLimit-Policy", `"100-in-15min";q=100;w=900, "250-in-24h";q=250;w=86400, "3000-in-30d";q=3000;w=2592000`)

	got := parseRateLimit(h, testNow)

	assert.Equal(t, []Window{
		{Name: "15m", Quota: 100, Remaining: 98, Reset: 897 * time.Second},
		{Name: "24h", Quota: 250, Remaining: 240, Reset: 60000 * time.Second},
		{Name: "30d", Quota: 3000, Remaining: 2900, Reset: 100000 * time.Second},
	}, got)
}

func TestParseRateLimitNamesAWindowByItsLengthWhateverItsPolicyName(t *testing.T) {
	h := http.Header{}
	h.Set("RateLimit", `"team-short";r=5;t=60`)
	h.Set("RateLimit-Policy", `"team-short";q=200;w=900`)
	assert.Equal(t, []Window{{Name: "15m", Quota: 200, Remaining: 5, Reset: 60 * time.Second}}, parseRateLimit(h, testNow))
}

func TestParseRateLimitFallsBackToLegacyHeaders(t *testing.T) {
	h := http.Header{}
	h.Set("X-RateLimit-Limit", "100")
	h.Set("X-RateLimit-Remaining", "7")
	h.Set("X-RateLimit-Reset", "120")
	assert.Equal(t, []Window{{Name: "limit", Quota: 100, Remaining: 7, Reset: 120 * time.Second}}, parseRateLimit(h, testNow))

	epoch := http.Header{}
	epoch.Set("X-RateLimit-Remaining", "3")
	epoch.Set("X-RateLimit-Reset", "1764979200") // 2025-12-06T00:00:00Z, an epoch time
	got := parseRateLimit(epoch, testNow)
	if assert.Len(t, got, 1) {
		assert.Equal(t, 5*24*time.Hour, got[0].Reset)
	}
}

// testNow is the clock of the parsing tests.
var testNow = time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)

func TestParseRateLimitIgnoresMalformedHeaders(t *testing.T) {
	for _, v := range []string{`not a list "`, `"x";r=abc`, `;;;`, `"x";r=-1`} {
		h := http.Header{}
		h.Set("RateLimit", v)
		assert.Empty(t, parseRateLimit(h, testNow), v)
	}
	h := http.Header{}
	h.Set("X-RateLimit-Remaining", "many")
	assert.Empty(t, parseRateLimit(h, testNow))
}

func TestBindingIsTheWindowWithFewestLeft(t *testing.T) {
	w, ok := binding([]Window{{Name: "15m", Remaining: 50}, {Name: "24h", Remaining: 3}, {Name: "30d", Remaining: 900}})
	assert.True(t, ok)
	assert.Equal(t, "24h", w.Name)
	_, ok = binding(nil)
	assert.False(t, ok)
}

func TestBudgetNoteOnlyWhenUnderATenthIsLeft(t *testing.T) {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	b := newBudget(func() time.Time { return now })
	assert.Empty(t, b.note(), "nothing known, nothing to say")

	b.update([]Window{{Name: "15m", Quota: 100, Remaining: 10, Reset: 5 * time.Minute}})
	assert.Empty(t, b.note(), "a tenth left is not yet low")

	b.update([]Window{{Name: "15m", Quota: 100, Remaining: 9, Reset: 5 * time.Minute}})
	assert.Equal(t, "Note: Buffer's 15m request budget is low: 9 of 100 left, resetting in 5m0s. Prefer fewer calls.", b.note())
}
