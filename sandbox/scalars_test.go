package sandbox

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestObjectIDValidIsTwentyFourLowercaseHexDigits(t *testing.T) {
	for id, want := range map[objectID]bool{
		"64a0000000000000000000a1":  true,
		"0123456789abcdef01234567":  true,
		"64A0000000000000000000a1":  false, // Buffer's ids are lowercase
		"64a0000000000000000000a":   false,
		"64a0000000000000000000a1f": false,
		"64a0000000000000000000g1":  false,
		"":                          false,
	} {
		if got := id.valid(); got != want {
			t.Errorf("objectID(%q).valid() = %v, want %v", id, got, want)
		}
	}
}

// A DateTime is written as the JSON string of Buffer's format, in UTC to the millisecond,
// whatever the time's zone.
func TestDateTimeMarshalsAsBufferWritesTimes(t *testing.T) {
	zone := time.FixedZone("UTC-5", -5*3600)
	for _, tm := range []time.Time{
		time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 1, 4, 0, 0, 123456789, zone),
		{},
	} {
		got, err := json.Marshal(dateTime{tm})
		require.NoError(t, err)
		want, err := json.Marshal(tm.UTC().Format("2006-01-02T15:04:05.000Z"))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got))
	}
}
