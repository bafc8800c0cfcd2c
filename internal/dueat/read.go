// Package dueat reads the time a post is due the way people and assistants write it: an
// ISO 8601 / RFC 3339 / RFC 9557 / RFC 2822 date and time, with or without its zone
// ("2026-12-03T09:00:00-05:00", "2026-12-03 09:00", "…+09:00[Asia/Tokyo]"), or words
// ("tomorrow 9am", "next Friday at 17:30", "in 2 hours", "9am London time"), each placed in
// a timezone (the one the value names, else the channel's) against the current time. It
// reads a whole phrase or nothing, never skipping a word it does not know, and refuses what
// leaves room for doubt ("12/03", "Friday at 5", "9am IST") with the forms it accepts.
// Whatever it chose on the person's behalf (a part of the day, a 24-hour clock, which
// "next Friday", a daylight-saving edge, the zone given) is said in a note. ReadSpan reads a
// window of days ("last week") in the same words.
package dueat

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Reading is a time as read: the instant, and a note for the person when the reader chose
// something on their behalf (which "next Friday", a daylight-saving edge, tomorrow for a
// time already past today, 09:00 for "morning", the zone named in the value); "" otherwise.
type Reading struct {
	Time time.Time
	Note string
}

// Error is a time the reader refuses. Its message says why and shows the forms accepted.
type Error struct {
	Message string
}

func (e *Error) Error() string { return e.Message }

func refuse(format string, a ...any) *Error {
	return &Error{Message: fmt.Sprintf(format, a...)}
}

// localDateTime is a date and a wall-clock time without an offset: 2026-12-03 09:00.
var localDateTime = lazyRegexp(`^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2}))?$`)

// rfc3339 is the strict form of an RFC 3339 time with an offset; time.Parse alone also
// takes one-digit hours and the like, which Buffer may not.
var rfc3339 = lazyRegexp(`^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$`)

// Read reads input in the timezone loc at the instant now: a date-time with an offset as
// it is; one that names its zone (a tz name, a city, an abbreviation) in that zone; a local
// date-time ("2026-12-03 09:00") in loc; or the person's own words ("tomorrow 9am") against
// now in loc, or in the zone they name. A refusal is an *Error.
func Read(input string, now time.Time, loc *time.Location) (Reading, error) {
	s := trimValue(input)
	if rfc3339().MatchString(s) {
		t, ok := ParseRFC3339(s)
		if !ok {
			return Reading{}, refuse("%q is not a valid date and time; %s", s, Examples)
		}
		return Reading{Time: t}, nil
	}
	if m := localDateTime().FindStringSubmatch(s); m != nil {
		t, note, err := wallTime(atoi(m[1]), atoi(m[2]), atoi(m[3]), atoi(m[4]), atoi(m[5]), atoi(m[6]), loc, s)
		return Reading{Time: t, Note: note}, err
	}
	if st, ok, err := readStamp(s); ok {
		if err == nil {
			t, note, err := st.place(loc, s)
			return Reading{Time: t, Note: note}, err
		}
		// What follows the date and time is not a zone: the person's words may still read
		// it all, as they did before issue 15 ("2026-12-03 09:00 the": a filler).
		if t, note, nerr := readNatural(s, now, loc); nerr == nil {
			return Reading{Time: t, Note: note}, nil
		}
		return Reading{}, err
	}
	t, note, err := readNatural(s, now, loc)
	return Reading{Time: t, Note: note}, err
}

// Check refuses, before any timezone or day is known, what Read would refuse whatever the
// timezone and whatever the day: unreadable words, an impossible date or time. What
// depends on the day there ("the 31st", a weekday against a date, the past) is left to Read.
func Check(input string) error {
	s := trimValue(input)
	if rfc3339().MatchString(s) {
		if _, ok := ParseRFC3339(s); !ok {
			return refuse("%q is not a valid date and time; %s", s, Examples)
		}
		return nil
	}
	if m := localDateTime().FindStringSubmatch(s); m != nil {
		_, _, err := wallTime(atoi(m[1]), atoi(m[2]), atoi(m[3]), atoi(m[4]), atoi(m[5]), atoi(m[6]), time.UTC, s)
		return err
	}
	if st, ok, err := readStamp(s); ok {
		if err != nil {
			if checkNatural(s) == nil {
				return nil
			}
			return err
		}
		// A date and time with its zone depends on no channel; without one, only its date
		// and time can be checked here.
		_, _, err := st.place(time.UTC, s)
		return err
	}
	return checkNatural(s)
}

// trimValue is the value without the spaces around it, or the quotes an assistant may
// leave around it ("\"tomorrow 9am\"").
func trimValue(input string) string {
	s := strings.TrimSpace(input)
	for _, q := range [][2]string{{`"`, `"`}, {"'", "'"}, {"`", "`"}, {"“", "”"}} {
		if len(s) > len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
			return strings.TrimSpace(s[len(q[0]) : len(s)-len(q[1])])
		}
	}
	return s
}

// ParseRFC3339 reads a strict RFC 3339 time with an offset, between 1970 and 9999 in UTC
// (outside that range a time could not be sent to Buffer as RFC 3339).
func ParseRFC3339(v string) (time.Time, bool) {
	if !rfc3339().MatchString(v) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339, strings.ToUpper(v)) // RFC 3339 allows t and z
	if err != nil {
		return time.Time{}, false
	}
	if y := t.UTC().Year(); y < 1970 || y > 9999 {
		return time.Time{}, false
	}
	return t, true
}

var locations sync.Map // IANA name → *time.Location; LoadLocation reads the tz database each time

// Location loads an IANA timezone, such as a channel's; UTC when the name is empty or
// unknown (Buffer always names a zone; an unknown one is shown as UTC rather than refused).
func Location(name string) *time.Location {
	if name == "" {
		return time.UTC
	}
	if loc, ok := locations.Load(name); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.UTC
	}
	locations.Store(name, loc)
	return loc
}

// lazyRegexp compiles expr the first time it is used, not when the package initialises:
// every start of the binary would pay for it, and most never read a time.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
