package dueat

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Other clocks for the review below, each given with the channel's local time.
var (
	fridayLate = time.Date(2026, 12, 5, 4, 30, 0, 0, time.UTC)  // Friday 4 Dec 23:30 in New York
	newYearEve = time.Date(2027, 1, 1, 3, 0, 0, 0, time.UTC)    // Thursday 31 Dec 22:00 in New York
	leapEve    = time.Date(2028, 2, 28, 15, 0, 0, 0, time.UTC)  // Monday 28 Feb 2028 10:00 in New York
	springEve  = time.Date(2027, 3, 13, 15, 0, 0, 0, time.UTC)  // Saturday 13 Mar 2027 10:00 EST, clocks go forward tomorrow
	fallEve    = time.Date(2026, 10, 31, 15, 0, 0, 0, time.UTC) // Saturday 31 Oct 2026 11:00 EDT, clocks go back tomorrow
)

// TestReadNaturalReviewReadsWhatPeopleWrite is phrasings people use to schedule a post, each
// with what a reasonable person means by it. "fixed" marks a phrase that was misread or
// refused before this review.
func TestReadNaturalReviewReadsWhatPeopleWrite(t *testing.T) {
	tests := []struct {
		input    string
		now      time.Time // zero: whenNow, Sunday 29 Nov 2026 06:30 in New York
		tz       string    // "": America/New_York
		want     string
		wantNote string
	}{
		{input: "tomorrow at 9am", want: "2026-11-30T14:00:00Z"},
		{input: "next Tuesday 14:00", want: "2026-12-01T19:00:00Z", wantNote: `Read "next Tuesday" as Tuesday 1 December, the first after today`},
		{input: "Friday 5pm", want: "2026-12-04T22:00:00Z"},
		{input: "on Dec 24 at 8:30pm", want: "2026-12-25T01:30:00Z"},
		{input: "December 24, 2026 at 8:30 PM", want: "2026-12-25T01:30:00Z"},
		{input: "24th December 2026 at 20:30", want: "2026-12-25T01:30:00Z"},
		{input: "3pm today", want: "2026-11-29T20:00:00Z"},
		{input: "today at noon", want: "2026-11-29T17:00:00Z"},
		{input: "noon on Friday", want: "2026-12-04T17:00:00Z"},
		{input: "midday Monday", want: "2026-11-30T17:00:00Z"},
		{input: "in 45 minutes", want: "2026-11-29T12:15:00Z"},
		{input: "in 2 days", want: "2026-12-01T11:30:00Z"},
		{input: "Jan 1 2027 00:00", want: "2027-01-01T05:00:00Z"},
		{input: "Jan 1 00:00", want: "2027-01-01T05:00:00Z"},
		{input: "Feb 29 2028 9am", want: "2028-02-29T14:00:00Z"},
		{input: "tomorrow 9:30 a.m.", want: "2026-11-30T14:30:00Z"},
		{input: "9 a.m. tomorrow", want: "2026-11-30T14:00:00Z"},
		{input: "Sat 10:00", want: "2026-12-05T15:00:00Z", wantNote: `Read "10:00" as 10:00, on a 24-hour clock; for the evening, write 10pm.`},
		{input: "tues 9am", want: "2026-12-01T14:00:00Z"},
		{input: "Thurs at 8", want: "2026-12-03T13:00:00Z", wantNote: `Read "at 8" as 08:00, on a 24-hour clock`}, // README: "at 8" is a 24-hour clock
		{input: "9AM", want: "2026-11-29T14:00:00Z"},
		{input: "9 AM", want: "2026-11-29T14:00:00Z"},
		{input: "9:05pm", want: "2026-11-30T02:05:00Z"},
		{input: "21:05", want: "2026-11-30T02:05:00Z"},
		{input: "at 21", want: "2026-11-30T02:00:00Z"},
		{input: "at 9:30", want: "2026-11-29T14:30:00Z", wantNote: "as 09:30, on a 24-hour clock; for the evening, write 9:30pm."},
		{input: "friday at 05", want: "2026-12-04T10:00:00Z"}, // a leading zero: surely 24-hour
		{input: "friday 05:30", want: "2026-12-04T10:30:00Z"},
		{input: "at 0", want: "2026-11-30T05:00:00Z", wantNote: "read as tomorrow"},
		{input: "tonight at 11pm", want: "2026-11-30T04:00:00Z"},
		{input: "tomorrow morning at 5", want: "2026-11-30T10:00:00Z"},
		{input: "saturday afternoon at 2", want: "2026-12-05T19:00:00Z"},
		{input: "this sunday 9am", want: "2026-11-29T14:00:00Z"},
		{input: "sunday 6am", want: "2026-12-06T11:00:00Z"}, // README: today's weekday, already past, is next week
		// fixed: refused as unreadable before.
		{input: "in 1h30", want: "2026-11-29T13:00:00Z"},
		{input: "in 1h30m", want: "2026-11-29T13:00:00Z"},
		{input: "in 2h05min", want: "2026-11-29T13:35:00Z"},
		{input: "tomorrow, 9am.", want: "2026-11-30T14:00:00Z"},
		{input: "tomorrow 9pm!", want: "2026-12-01T02:00:00Z"},
		{input: "tomorrow @ 9am", want: "2026-11-30T14:00:00Z"},
		{input: "tomorrow @9am", want: "2026-11-30T14:00:00Z"},
		{input: "Dec. 24 8pm", want: "2026-12-25T01:00:00Z"},
		{input: "tomorrow 9 a.m", want: "2026-11-30T14:00:00Z"},
		{input: "tomorrow at 9.30", want: "2026-11-30T14:30:00Z", wantNote: "as 09:30, on a 24-hour clock"},
		{input: "at 17.30", want: "2026-11-29T22:30:00Z"},
		{input: "tomorrow 12 noon", want: "2026-11-30T17:00:00Z"},
		{input: "the 1st at 10am", want: "2026-12-01T15:00:00Z"},
		{input: "on the 2nd at 17:00", want: "2026-12-02T22:00:00Z"},
		{input: "the 29th 11pm", want: "2026-11-30T04:00:00Z"}, // today is the 29th
		{input: "Monday the 30th at 9am", want: "2026-11-30T14:00:00Z"},
		// issue 15: refused before (as ambiguous), read now: only one order makes a date of these.
		{input: "12/24/2026 9am", want: "2026-12-24T14:00:00Z"},
		{input: "24.12.2026 9am", want: "2026-12-24T14:00:00Z"},
		// issue 15: refused before (as "could not read all"), read now.
		{input: "in 1.5 hours", want: "2026-11-29T13:00:00Z"},
		{input: "tomorrow 9am EST", want: "2026-11-30T14:00:00Z", wantNote: "Read as 09:00 EST (-05:00), the timezone given with the time."},
		{input: "in 3 days at 9am", want: "2026-12-02T14:00:00Z"},
		{input: "tmrw 9am", want: "2026-11-30T14:00:00Z"},
		// Late on a Friday.
		{input: "next Friday 9am", now: fridayLate, want: "2026-12-11T14:00:00Z", wantNote: `Read "next Friday" as Friday 11 December`},
		{input: "Friday 9am", now: fridayLate, want: "2026-12-11T14:00:00Z"},
		{input: "Friday 11:45pm", now: fridayLate, want: "2026-12-05T04:45:00Z"},
		{input: "tomorrow 9am", now: fridayLate, want: "2026-12-05T14:00:00Z"},
		// fixed: "this Friday" said on a Friday was next week's; it is today (and then refused as past).
		{input: "this Friday 9am", now: fridayLate, want: "2026-12-04T14:00:00Z"},
		// The year turns.
		{input: "tomorrow 9am", now: newYearEve, want: "2027-01-01T14:00:00Z"},
		{input: "Jan 1 9am", now: newYearEve, want: "2027-01-01T14:00:00Z"},
		{input: "the 1st at 9am", now: newYearEve, want: "2027-01-01T14:00:00Z"},
		{input: "Friday 9am", now: newYearEve, want: "2027-01-01T14:00:00Z"},
		{input: "in 3 hours", now: newYearEve, want: "2027-01-01T06:00:00Z"},
		// A leap day.
		{input: "Feb 29 9am", now: leapEve, want: "2028-02-29T14:00:00Z"},
		{input: "the 29th at 9am", now: leapEve, want: "2028-02-29T14:00:00Z"},
		// Daylight saving, by words.
		{input: "tomorrow 2:30am", now: springEve, want: "2027-03-14T07:30:00Z", wantNote: "does not exist"},
		{input: "Sunday 9am", now: springEve, want: "2027-03-14T13:00:00Z"},
		{input: "tomorrow 1:30am", now: fallEve, want: "2026-11-01T05:30:00Z", wantNote: "occurs twice"},
		{input: "tomorrow 9am", now: fallEve, want: "2026-11-01T14:00:00Z"},
		// Other timezones.
		{input: "tomorrow at 9.30", tz: "Europe/London", want: "2026-11-30T09:30:00Z", wantNote: "as 09:30, on a 24-hour clock"},
		{input: "the 1st at 10am", tz: "Europe/London", want: "2026-12-01T10:00:00Z"},
		{input: "tonight at 11pm", tz: "Asia/Tokyo", want: "2026-11-29T14:00:00Z"},
		{input: "8pm", tz: "Asia/Tokyo", want: "2026-11-30T11:00:00Z", wantNote: "read as tomorrow"},
		{input: "this evening at 7:30", tz: "Asia/Kolkata", want: "2026-11-29T14:00:00Z"},
		{input: "the 30th at 9am", tz: "Pacific/Kiritimati", want: "2026-11-29T19:00:00Z"}, // already the 30th there
		{input: "the 29th at 9am", tz: "Pacific/Kiritimati", want: "2026-12-28T19:00:00Z"}, // the 29th is over there
	}
	for _, tt := range tests {
		now, tz := tt.now, tt.tz
		if now.IsZero() {
			now = whenNow
		}
		if tz == "" {
			tz = "America/New_York"
		}
		t.Run(tt.input+" "+tz+" "+now.Format(time.RFC3339), func(t *testing.T) {
			assertReads(t, tt.input, now, tz, tt.want, tt.wantNote)
		})
	}
}

// TestReadNaturalReviewRefusesWhatIsInDoubt is phrasings that leave room for doubt or that
// the reader does not know: each refused with the question, and the forms accepted.
func TestReadNaturalReviewRefusesWhatIsInDoubt(t *testing.T) {
	tests := []struct{ input, want string }{
		{"12/03", "ambiguous (day/month or month/day?)"},
		{"03/12/2026 9am", "ambiguous"},
		{"12.03.2026 9am", "ambiguous"},
		{"12/24", "no time of day"},                           // issue 15: was "ambiguous"; only one order makes 12/24 a date
		{"tomorrow 9.30", "is 9.30 a date or a time of day?"}, // fixed: was asked day/month or month/day
		// fixed: these were read as 05:00, 05:30, 02:30 on a 24-hour clock.
		{"friday at 5", "is that 5:00am or 5:00pm?"},
		{"friday 5:30", "is that 5:30am or 5:30pm?"},
		{"at 5.30", "or 17:30 (24-hour)"},
		{"tomorrow at 2:30", "is that 2:30am or 2:30pm?"},
		// fixed: a clock time against the part of the day was read as the clock time.
		{"tomorrow morning at 8pm", "20:00 is not in the morning"},
		{"tomorrow evening at 8am", "08:00 is not in the evening"},
		{"tonight 8am", "08:00 is not tonight"},
		{"tonight at 1am", `01:00 is not tonight (after midnight it is the next day: name that day, as in "tomorrow 1am")`},
		{"tomorrow afternoon at 9pm", "21:00 is not in the afternoon"},
		{"tomorrow morning at 20:00", "20:00 is not in the morning"},
		// fixed: "the 1st" is new; a month without the day is refused, not moved on.
		{"the 31st 9am", "November 2026 has no day 31"},
		{"Tuesday the 30th at 9am", "Nov 30 2026 is a Monday, not a Tuesday"},
		{"the 1st", "no time of day"},
		{"12 midnight", "midnight could be the start or the end"}, // fixed: was asked "is 12 a time of day?"
		{"Feb 29 9am", "not a valid date"},                        // the next Feb is 2027's
		{"Feb 29 2027 9am", "not a valid date"},
		// fixed: "in 9999 weeks" was read as 2218, and four of them overflowed the sum and
		// wrapped around to a wrong but future time.
		{"in 9999 weeks", "too far ahead"},
		{"in 9999w 9999w 9999w 9999w", "too far ahead"},
		{"in 1h90", "could not read all"},
		{"next friday next", `(not "next")`}, // fixed: the message quoted "next "
		{"9am or 10am", "could not read all"},
		{"tomorrow 9-10am", "could not read all"},
		{"now", "use mode shareNow"}, // issue 15: was "could not read all"
		{".", "is empty"},            // fixed: was `could not read all of "." (not ".")`
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			_, _, err := readIn(tt.input, whenNow, "America/New_York")
			assertRefusedWithExamples(t, err, tt.want)
		})
	}
}

// "this Friday 9am" said late on a Friday is this morning, already past (which the tools
// refuse as such), not moved silently to next week.
func TestReadNaturalReviewThisWeekdayTodayIsNotNextWeek(t *testing.T) {
	got, _, err := readIn("this Friday 9am", fridayLate, "America/New_York")
	require.NoError(t, err)
	assert.Equal(t, "2026-12-04T14:00:00Z", got.UTC().Format(time.RFC3339))
	assert.True(t, got.Before(fridayLate), "read as this morning, before now")
}
