package sandbox

import "testing"

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
