package dueat

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// FuzzRead reads arbitrary values in several timezones and at several clocks: a value is
// either an instant Buffer can take (1970 to 9999) or a refusal that shows the forms
// accepted, never a panic; Check, which runs before any timezone is known, never refuses a
// value that Read reads somewhere; and ReadSpan gives a window that ends after it starts, or
// a refusal.
func FuzzRead(f *testing.F) {
	for _, seed := range []string{
		"tomorrow 9am", "2026-12-10T09:00:00.000", "2026-12-10T09:00+09:00[Asia/Tokyo]", "2026-12-10 09:00 Europe/Paris",
		"Mon, 07 Dec 2026 09:00:00 -0800", "Mon Dec 07 2026 09:00:00 GMT-0800 (Pacific Standard Time)", "9am PST",
		"tomorrow 9am London time", "in 2.5 hours", "in an hour and a half", "a week from today at 10am", "this time tomorrow",
		"8 o'clock tomorrow morning", "tomorrow 0900", "2026-12-10 09:00:00 +0100 CET", "20261210T090000Z", "9am IST",
		"Thu Dec 10 09:00:00 CET 2026", "first thing monday", "9 in the morning", "2026-07-10 09:00 MST", "(",
		"last week", "since Monday", "last 7 days", "Nov 1", "November 2026", "half past 9", "12/25/2026 9am",
	} {
		f.Add(seed)
	}
	zones := []*time.Location{Location("America/New_York"), Location("Australia/Sydney"), Location("Pacific/Tongatapu"), Location("Pacific/Kiritimati")}
	clocks := []time.Time{time.Date(2026, 11, 29, 11, 30, 0, 0, time.UTC), time.Date(2026, 7, 15, 15, 0, 0, 0, time.UTC)}
	f.Fuzz(func(t *testing.T, input string) {
		readSomewhere := false
		for _, now := range clocks {
			for _, loc := range zones {
				r, err := Read(input, now, loc)
				if err != nil {
					var de *Error
					if !errors.As(err, &de) || !strings.Contains(de.Message, `"tomorrow 9am"`) {
						t.Fatalf("Read(%q) in %s: %T %v, want a refusal with the examples", input, loc, err, err)
					}
					continue
				}
				readSomewhere = true
				if y := r.Time.UTC().Year(); y < 1970 || y > 9999 {
					t.Fatalf("Read(%q) in %s: %v, out of range", input, loc, r.Time)
				}
			}
		}
		if err := Check(input); err != nil && readSomewhere {
			t.Fatalf("Check(%q) refuses what Read reads: %v", input, err)
		}
		if s, err := ReadSpan(input, clocks[0], zones[0]); err != nil {
			var de *Error
			if !errors.As(err, &de) || !strings.Contains(de.Message, `"last week"`) {
				t.Fatalf("ReadSpan(%q): %T %v, want a refusal with the examples", input, err, err)
			}
		} else if s.End.Before(s.Start) || s.Start.Year() < 1970 {
			t.Fatalf("ReadSpan(%q) = %v to %v", input, s.Start, s.End)
		}
	})
}
