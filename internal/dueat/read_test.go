package dueat

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// whenNow is the fixed clock of these tests: Sunday 29 November 2026, 11:30 UTC, which is
// 06:30 in New York, 20:30 in Tokyo, Monday 01:30 at Kiritimati (UTC+14) and Sunday
// 00:30 in Pago Pago (UTC-11), on either side of the date line.
var whenNow = time.Date(2026, 11, 29, 11, 30, 0, 0, time.UTC)

func TestReadDueAtResolvesInTheChannelsTimezone(t *testing.T) {
	tests := []struct {
		name     string
		input    string
		tz       string
		want     string // the instant, RFC 3339 UTC
		wantNote string // contained in the note; "" means no note
	}{
		// RFC 3339 with an offset is taken as it is, whatever the channel's timezone.
		{name: "RFC 3339 with offset", input: "2026-12-03T09:00:00-05:00", tz: "Asia/Tokyo", want: "2026-12-03T14:00:00Z"},
		{name: "RFC 3339 in UTC", input: "2026-12-03T09:00:00Z", tz: "America/New_York", want: "2026-12-03T09:00:00Z"},
		// A local date-time is read in the channel's timezone.
		{name: "local time, New York", input: "2026-12-01 09:00", tz: "America/New_York", want: "2026-12-01T14:00:00Z"},
		{name: "local time with T and seconds, Tokyo", input: "2026-12-01T09:00:30", tz: "Asia/Tokyo", want: "2026-12-01T00:00:30Z"},
		// The person's words, against now in the channel's timezone.
		{name: "tomorrow 9am, New York", input: "tomorrow 9am", tz: "America/New_York", want: "2026-11-30T14:00:00Z"},
		{name: "tomorrow at 9 (24-hour), New York", input: "tomorrow at 9", tz: "America/New_York", want: "2026-11-30T14:00:00Z",
			wantNote: `Read "at 9" as 09:00, on a 24-hour clock; for the evening, write 9pm.`},
		{name: "tomorrow 9am, Tokyo", input: "tomorrow 9am", tz: "Asia/Tokyo", want: "2026-11-30T00:00:00Z"},
		{name: "next Friday at 17:30, Berlin, says which Friday", input: "next Friday at 17:30", tz: "Europe/Berlin", want: "2026-12-04T16:30:00Z",
			wantNote: `Read "next Friday" as Friday 4 December, the first after today; for a later one, give the date.`},
		{name: "in 2 hours is an instant", input: "in 2 hours", tz: "Asia/Kathmandu", want: "2026-11-29T13:30:00Z"},
		{name: "Dec 3 noon, Los Angeles", input: "Dec 3 noon", tz: "America/Los_Angeles", want: "2026-12-03T20:00:00Z"},
		{name: "tonight at 8 is the evening", input: "tonight at 8", tz: "America/New_York", want: "2026-11-30T01:00:00Z"},
		{name: "a month's name, a comma and a year", input: "Dec 3, 2026 9:00", tz: "America/New_York", want: "2026-12-03T14:00:00Z", wantNote: "as 09:00, on a 24-hour clock"},
		{name: "the day before the month", input: "the 3rd of December at 9am", tz: "America/New_York", want: "2026-12-03T14:00:00Z"},
		{name: "a date without a year that has passed is next year's", input: "Jan 5 9am", tz: "America/New_York", want: "2027-01-05T14:00:00Z"},
		{name: "an ISO date with words for the time", input: "2026-12-03 at 9am", tz: "America/New_York", want: "2026-12-03T14:00:00Z"},
		{name: "a weekday and a date that agree", input: "Friday Dec 4 9am", tz: "America/New_York", want: "2026-12-04T14:00:00Z"},
		{name: "a weekday is the coming one", input: "Thursday 9am", tz: "America/New_York", want: "2026-12-03T14:00:00Z"},
		{name: "this weekday", input: "this Thursday at 9:00", tz: "America/New_York", want: "2026-12-03T14:00:00Z", wantNote: "as 09:00, on a 24-hour clock"},
		{name: "today's weekday, later today", input: "Sunday 9am", tz: "America/New_York", want: "2026-11-29T14:00:00Z"},
		{name: "today's weekday, already past, is next week", input: "Sunday 6am", tz: "America/New_York", want: "2026-12-06T11:00:00Z"},
		{name: "next with today's weekday is next week", input: "next Sunday 9am", tz: "America/New_York", want: "2026-12-06T14:00:00Z",
			wantNote: `Read "next Sunday" as Sunday 6 December`},
		{name: "a time alone, later today", input: "9am", tz: "America/New_York", want: "2026-11-29T14:00:00Z"},
		{name: "a time alone, already past, is tomorrow", input: "6am", tz: "America/New_York", want: "2026-11-30T11:00:00Z", wantNote: "06:00 has passed today in America/New_York; read as tomorrow."},
		{name: "noon alone", input: "noon", tz: "America/New_York", want: "2026-11-29T17:00:00Z"},
		{name: "a part of the day", input: "tomorrow morning", tz: "America/New_York", want: "2026-11-30T14:00:00Z", wantNote: `Read "morning" as 09:00`},
		{name: "evening makes 7 the evening", input: "tomorrow evening at 7", tz: "America/New_York", want: "2026-12-01T00:00:00Z"},
		{name: "tonight alone is 8pm", input: "tonight", tz: "America/New_York", want: "2026-11-30T01:00:00Z", wantNote: `Read "tonight" as 20:00`},
		{name: "in 30 minutes", input: "in 30 minutes", tz: "America/New_York", want: "2026-11-29T12:00:00Z"},
		{name: "in half an hour", input: "in half an hour", tz: "America/New_York", want: "2026-11-29T12:00:00Z"},
		{name: "in an hour and 30 minutes", input: "in an hour and 30 minutes", tz: "America/New_York", want: "2026-11-29T13:00:00Z"},
		{name: "in 2h", input: "in 2h", tz: "America/New_York", want: "2026-11-29T13:30:00Z"},
		{name: "the day after tomorrow", input: "the day after tomorrow 9:30am", tz: "America/New_York", want: "2026-12-01T14:30:00Z"},
		{name: "12am is the start of the day", input: "12am tomorrow", tz: "America/New_York", want: "2026-11-30T05:00:00Z"},
		{name: "12pm is noon", input: "12pm tomorrow", tz: "America/New_York", want: "2026-11-30T17:00:00Z"},
		{name: "a dot between hour and minutes with pm", input: "9.30pm tomorrow", tz: "America/New_York", want: "2026-12-01T02:30:00Z"},
		{name: "am as a word of its own", input: "tomorrow 9 am", tz: "America/New_York", want: "2026-11-30T14:00:00Z"},
		{name: "at 9 pm", input: "tomorrow at 9 pm", tz: "America/New_York", want: "2026-12-01T02:00:00Z"},
		{name: "this evening", input: "this evening at 7:30", tz: "America/New_York", want: "2026-11-30T00:30:00Z"},
		{name: "tomorrow night", input: "tomorrow night", tz: "America/New_York", want: "2026-12-01T01:00:00Z", wantNote: `Read "night" as 20:00`},
		{name: "afternoon makes 3 the afternoon", input: "tomorrow afternoon at 3", tz: "America/New_York", want: "2026-11-30T20:00:00Z"},
		{name: "a weekday with a comma and a date", input: "Monday, December 7 at 10am", tz: "America/New_York", want: "2026-12-07T15:00:00Z"},
		{name: "case and spaces do not matter", input: "  Tomorrow   9AM ", tz: "America/New_York", want: "2026-11-30T14:00:00Z"},
		// The date line: the same words on the same instant name different days.
		{name: "tomorrow 9am at Kiritimati (UTC+14, already Monday)", input: "tomorrow 9am", tz: "Pacific/Kiritimati", want: "2026-11-30T19:00:00Z",
			wantNote: `It is 01:30 in Pacific/Kiritimati, after midnight: "tomorrow" was read as Tuesday 1 December`},
		{name: "tomorrow 9am in Pago Pago (UTC-11, still Sunday)", input: "tomorrow 9am", tz: "Pacific/Pago_Pago", want: "2026-11-30T20:00:00Z", wantNote: "after midnight"},
		{name: "a day Samoa skipped when it crossed the date line", input: "2011-12-30 12:00", tz: "Pacific/Apia", want: "2011-12-30T22:00:00Z", wantNote: "does not exist"},
		// Clocks go forward: the missing time moves forward by the gap.
		{name: "spring forward, New York 02:30", input: "2027-03-14 02:30", tz: "America/New_York", want: "2027-03-14T07:30:00Z", wantNote: "does not exist in America/New_York (clocks go forward); read as 03:30 EDT"},
		{name: "spring forward, London 01:30", input: "2027-03-28 01:30", tz: "Europe/London", want: "2027-03-28T01:30:00Z", wantNote: "read as 02:30 BST"},
		{name: "spring forward, Lord Howe's half hour", input: "2027-10-03 02:15", tz: "Australia/Lord_Howe", want: "2027-10-02T15:45:00Z", wantNote: "read as 02:45"},
		// Clocks go back: a time that occurs twice is read as the first.
		{name: "fall back, New York 01:30", input: "2026-11-01 01:30", tz: "America/New_York", want: "2026-11-01T05:30:00Z", wantNote: "occurs twice in America/New_York (clocks go back); read as the first, 01:30 EDT (-04:00)"},
		{name: "fall back, Sydney 02:30", input: "2027-04-04 02:30", tz: "Australia/Sydney", want: "2027-04-03T15:30:00Z", wantNote: "read as the first, 02:30 AEDT (+11:00)"},
		{name: "fall back, Lord Howe 01:45", input: "2027-04-04 01:45", tz: "Australia/Lord_Howe", want: "2027-04-03T14:45:00Z", wantNote: "occurs twice"},
		{name: "an hour away from the edge is plain", input: "2026-11-01 03:30", tz: "America/New_York", want: "2026-11-01T08:30:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertReads(t, tt.input, whenNow, tt.tz, tt.want, tt.wantNote)
		})
	}
}

func TestReadDueAtRefusesWhatItCannotReadWithExamples(t *testing.T) {
	tests := []struct{ input, want string }{
		{"", "is empty"},
		{"friday", "no time of day"},
		{"2026-12-03", "no time of day"},
		{"12/03 9am", "ambiguous"},
		{"3.12 9am", "ambiguous"},
		{"Dec 3, 2026 9:00 or so", "could not read all"},
		{"tomorrow 9", "is 9 a time of day?"},
		{"midnight", "midnight could be the start or the end"},
		{"Friday Dec 5 9am", "Dec 5 2026 is a Saturday, not a Friday"},
		{"tomorrow friday 9am", "names two different days"},
		{"9am 10am", "names two times of day"},
		{"13pm", "not a valid time of day"},
		{"Feb 30 9am", "not a valid date"},
		{"in 2 fortnights", "could not read all"},
		{"in", "could not read all"},
		{"next week 9am", "could not read all"},
		{"tonight tomorrow", "names two different days"},
		{"tonight at 1", "which 1 o'clock, after midnight or in the afternoon?"},
		{"tonight at 12", "which 12 o'clock"},
		{"this week 9am", "could not read all"},
		{"tomorrow 9am or so", "could not read all"},
		{"2026-02-30 09:00", "not a valid date"},
		{"2026-12-03 25:00", "not a valid date and time"},
		{"0000-01-01T0:00:00+01:00", "tomorrow 9am"},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			_, _, err := readIn(tt.input, whenNow, "America/New_York")
			assertRefusedWithExamples(t, err, tt.want)
		})
	}
}

func TestCheckDueAtRefusesOnlyWhatNoTimezoneOrDayCouldRead(t *testing.T) {
	for _, ok := range []string{
		"tomorrow 9am", "next Friday at 17:30", "in 2 hours", "2026-12-03 09:00", "2026-12-03T09:00:00-05:00",
		// These depend on the day in the channel's timezone, so only the reading there decides.
		"the 31st at 9am", "Friday Dec 5 9am", "Feb 29 9am",
	} {
		assert.NoError(t, Check(ok), ok)
	}
	for input, want := range map[string]string{
		"tomorrow 9am or so":      "could not read all",
		"tonight at 1":            "after midnight or in the afternoon",
		"Friday at 5":             "5:00am or 5:00pm",
		"2026-02-30 09:00":        "not a valid date",
		"12/03 9am":               "ambiguous",
		"":                        "is empty",
		"tomorrow morning at 8pm": "not in the morning",
	} {
		t.Run(input, func(t *testing.T) { assertRefusedWithExamples(t, Check(input), want) })
	}
}

// assertReads checks that Read reads input, in tz at now, as the instant want (RFC 3339
// UTC), with a note containing wantNote, or no note when wantNote is "".
func assertReads(t *testing.T, input string, now time.Time, tz, want, wantNote string) {
	t.Helper()
	got, note, err := readIn(input, now, tz)
	require.NoError(t, err)
	assert.Equal(t, want, got.UTC().Format(time.RFC3339))
	if wantNote == "" {
		assert.Empty(t, note)
	} else {
		assert.Contains(t, note, wantNote)
	}
}

// readIn is Read in the timezone named tz, with the note beside the instant.
func readIn(input string, now time.Time, tz string) (time.Time, string, error) {
	r, err := Read(input, now, Location(tz))
	return r.Time, r.Note, err
}

// assertRefusedWithExamples checks that err is a refusal whose message contains want and
// shows the forms accepted, as every refusal of a dueAt does.
func assertRefusedWithExamples(t *testing.T, err error, want string) {
	t.Helper()
	var de *Error
	require.ErrorAs(t, err, &de)
	assert.Contains(t, de.Message, want)
	assert.Contains(t, de.Message, `"tomorrow 9am"`, "every refusal shows the forms accepted")
}
