package dueat

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// whenNow is Sunday 29 November 2026: 06:30 in New York, 22:30 in Sydney, and already
// Monday 30 November, 00:30, in Auckland.
func TestReadSpanReadsDatesAndWindowsOfDays(t *testing.T) {
	tests := []struct {
		input, tz  string
		start, end string // dates, both included
		wantNote   string
	}{
		{"2026-11-01", "America/New_York", "2026-11-01", "2026-11-01", ""},
		{"Nov 1", "America/New_York", "2026-11-01", "2026-11-01", ""},
		{"1 November", "America/New_York", "2026-11-01", "2026-11-01", ""},
		{"the 1st of November 2026", "America/New_York", "2026-11-01", "2026-11-01", ""},
		{"November 1st, 2026", "America/New_York", "2026-11-01", "2026-11-01", ""},
		{"Dec 5", "America/New_York", "2025-12-05", "2025-12-05", "Read December 5 as 2025, the last one."},
		{"2026-11-01T23:30:00-05:00", "Asia/Tokyo", "2026-11-02", "2026-11-02", ""}, // its day in the channel's zone
		{"2026-11-01 09:00", "Asia/Tokyo", "2026-11-01", "2026-11-01", ""},
		{"today", "America/New_York", "2026-11-29", "2026-11-29", ""},
		{"today", "Pacific/Auckland", "2026-11-30", "2026-11-30", ""},
		{"yesterday", "America/New_York", "2026-11-28", "2026-11-28", ""},
		{"yesterday", "Pacific/Auckland", "2026-11-29", "2026-11-29", ""},
		{"Monday", "America/New_York", "2026-11-23", "2026-11-23", "Read Monday as Monday 23 November 2026, the last one."},
		{"Sunday", "America/New_York", "2026-11-29", "2026-11-29", "the last one"},
		// Weeks start on Monday; "this" periods end today, "last" ones are whole.
		{"this week", "America/New_York", "2026-11-23", "2026-11-29", "Monday to today"},
		{"this week", "Pacific/Auckland", "2026-11-30", "2026-11-30", ""},
		{"last week", "America/New_York", "2026-11-16", "2026-11-22", "Monday to Sunday"},
		{"last week", "Australia/Sydney", "2026-11-16", "2026-11-22", ""},
		{"last week", "Pacific/Auckland", "2026-11-23", "2026-11-29", ""},
		{"this month", "America/New_York", "2026-11-01", "2026-11-29", "the 1st to today"},
		{"last month", "America/New_York", "2026-10-01", "2026-10-31", ""},
		{"this year", "America/New_York", "2026-01-01", "2026-11-29", ""},
		{"last year", "America/New_York", "2025-01-01", "2025-12-31", ""},
		{"November 2026", "America/New_York", "2026-11-01", "2026-11-29", "as the 1st to today"},
		{"October", "America/New_York", "2026-10-01", "2026-10-31", ""},
		{"December", "America/New_York", "2025-12-01", "2025-12-31", "the last one"},
		{"Feb 2028", "America/New_York", "", "", "refused"},
		// Windows ending today, today included.
		{"last 7 days", "America/New_York", "2026-11-23", "2026-11-29", "7 days ending today, today included"},
		{"the past 30 days", "America/New_York", "2026-10-31", "2026-11-29", ""},
		{"last seven days", "America/New_York", "2026-11-23", "2026-11-29", ""},
		{"last 2 weeks", "America/New_York", "2026-11-16", "2026-11-29", "14 days"},
		{"last 7 days", "Pacific/Auckland", "2026-11-24", "2026-11-30", ""},
		{"since Monday", "America/New_York", "2026-11-23", "2026-11-29", ""},
		{"since Nov 1", "America/New_York", "2026-11-01", "2026-11-29", ""},
		{"since 2026-10-15", "America/New_York", "2026-10-15", "2026-11-29", ""},
		{"since yesterday", "America/New_York", "2026-11-28", "2026-11-29", ""},
		{"since last week", "America/New_York", "2026-11-16", "2026-11-29", "from its Monday"},
		{"since last month", "America/New_York", "2026-10-01", "2026-11-29", ""},
	}
	for _, tt := range tests {
		t.Run(tt.input+" "+tt.tz, func(t *testing.T) {
			got, err := ReadSpan(tt.input, whenNow, Location(tt.tz))
			if tt.wantNote == "refused" {
				var de *Error
				require.ErrorAs(t, err, &de)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.start+"T00:00:00Z", got.Start.Format(time.RFC3339))
			assert.Equal(t, tt.end+"T00:00:00Z", got.End.Format(time.RFC3339))
			if tt.wantNote == "" {
				return
			}
			assert.Contains(t, got.Note, tt.wantNote)
		})
	}
}

func TestReadSpanRefusesWhatItCannotReadWithExamples(t *testing.T) {
	for input, want := range map[string]string{
		"":                     "is empty",
		"last Monday":          "could be this week's or the week before's",
		"last 500 days":        "up to a year",
		"since next week":      "could not read",
		"next month":           "could not read",
		"tomorrow":             "could not read",
		"12/03":                "could not read",
		"Feb 30":               "not a valid date",
		"since Dec 25":         "", // the last Dec 25 is 2025: read
		"since 2027-01-01":     "starts after today",
		"2026-11-01T25:00:00Z": "not a valid date and time",
	} {
		t.Run(input, func(t *testing.T) {
			_, err := ReadSpan(input, whenNow, Location("America/New_York"))
			if want == "" {
				assert.NoError(t, err)
				return
			}
			var de *Error
			require.ErrorAs(t, err, &de)
			assert.Contains(t, de.Message, want)
			assert.Contains(t, de.Message, `"last week"`, "every refusal shows the forms accepted")
		})
	}
}
