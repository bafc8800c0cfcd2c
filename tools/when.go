package tools

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/olebedev/when"
	"github.com/olebedev/when/rules/common"
	"github.com/olebedev/when/rules/en"
)

// dueAtExamples is what every unreadable dueAt is told it may be.
const dueAtExamples = `use a time such as "tomorrow 9am", "next Friday at 17:30", "in 2 hours", "Dec 3 noon", ` +
	`"2026-12-03 09:00" (the channel's local time) or "2026-12-03T09:00:00-05:00"`

// naturalTimes reads English phrases like "tomorrow 9am" with olebedev/when, a well-kept
// rule-based parser. It is built once: its rules are immutable and safe to share.
var naturalTimes = func() *when.Parser {
	p := when.New(nil)
	p.Add(en.All...)
	p.Add(common.All...)
	return p
}()

var (
	localDateTime = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2}))?$`)
	numericDate   = regexp.MustCompile(`\b\d{1,2}[/.]\d{1,2}\b`)
	atHour        = regexp.MustCompile(`\bat (\d{1,2})(:\d{2}|\s*(?:am|pm|a\.m\.|p\.m\.))?\b`)
	hasClock      = regexp.MustCompile(`\d{1,2}:\d{2}|\d\s*(am|pm|a\.m\.|p\.m\.)|\bat \d{1,2}\b|\b(noon|midday|midnight|morning|afternoon|evening|tonight)\b`)
	relative      = regexp.MustCompile(`^in (\d+|an?|one|two|three|four|five|six|ten|fifteen|twenty|thirty|half an) `)
	fillerWords   = regexp.MustCompile(`\b(on|at|the|of)\b|[,.]`)
)

// readDueAt resolves a dueAt in the timezone tz, at the instant now: an RFC 3339 time with
// an offset as it is; a local date-time without an offset ("2026-12-03 09:00") in tz; or
// the person's own words ("tomorrow 9am") against now in tz. note explains any
// daylight-saving adjustment; it is "" otherwise.
func readDueAt(input string, now time.Time, tz string) (t time.Time, note string, err error) {
	s := strings.TrimSpace(input)
	loc := location(tz)
	if rfc3339.MatchString(s) {
		t, err := parseTime("dueAt", s)
		return t, "", err
	}
	if m := localDateTime.FindStringSubmatch(s); m != nil {
		return wallTime(atoi(m[1]), atoi(m[2]), atoi(m[3]), atoi(m[4]), atoi(m[5]), atoi(m[6]), loc, s)
	}
	return readNatural(s, now, loc)
}

// readNatural reads the person's words with olebedev/when, refusing what it cannot read
// whole or what leaves room for doubt: a date without a time of day, or 12/03.
func readNatural(s string, now time.Time, loc *time.Location) (time.Time, string, error) {
	text := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	switch {
	case text == "":
		return time.Time{}, "", invalidArg("dueAt", "is empty; %s", dueAtExamples)
	case numericDate.MatchString(text):
		return time.Time{}, "", invalidArg("dueAt", "%q is ambiguous (day/month or month/day?): write the month's name, or %s", s, dueAtExamples)
	case !hasClock.MatchString(text) && !relative.MatchString(text):
		return time.Time{}, "", invalidArg("dueAt", "%q has no time of day; %s", s, dueAtExamples)
	}
	// "at 9" is 09:00 on a 24-hour clock; "tonight at 8" is 20:00.
	text = atHour.ReplaceAllStringFunc(text, func(m string) string {
		sub := atHour.FindStringSubmatch(m)
		if sub[2] != "" {
			return m // minutes or am/pm given
		}
		h := atoi(sub[1])
		if strings.Contains(text, "tonight") && h < 12 {
			h += 12
		}
		return fmt.Sprintf("at %d:00", h)
	})

	// Read the wall clock in a zone without daylight saving (the channel's offset now), so
	// that the parser cannot shift a time that does not exist or occurs twice; wallTime
	// then applies the channel's real rules. A relative time ("in 2 hours") is an instant.
	_, offset := now.In(loc).Zone()
	fixed := time.FixedZone("fixed", offset)
	r, err := naturalTimes.Parse(text, now.In(fixed))
	if err != nil || r == nil {
		return time.Time{}, "", invalidArg("dueAt", "could not read %q; %s", s, dueAtExamples)
	}
	if rest := strings.TrimSpace(fillerWords.ReplaceAllString(strings.Replace(text, r.Text, "", 1), "")); rest != "" {
		return time.Time{}, "", invalidArg("dueAt", "could not read all of %q (only %q); %s", s, r.Text, dueAtExamples)
	}
	if relative.MatchString(text) {
		return r.Time, "", nil
	}
	w := r.Time
	return wallTime(w.Year(), int(w.Month()), w.Day(), w.Hour(), w.Minute(), w.Second(), loc, s)
}

// wallTime is the instant at which a wall clock in loc shows the given time, with a defined
// answer on daylight-saving days: a time that occurs twice (clocks go back) is read as the
// first; a time that does not exist (clocks go forward) is moved forward by the gap, as a
// clock would show it. note says which, so the person sees it.
func wallTime(y, mo, d, h, mi, sec int, loc *time.Location, input string) (time.Time, string, error) {
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, "", invalidArg("dueAt", "%q is not a valid date and time; %s", input, dueAtExamples)
	}
	naive := time.Date(y, time.Month(mo), d, h, mi, sec, 0, time.UTC)
	if naive.Day() != d {
		return time.Time{}, "", invalidArg("dueAt", "%q is not a valid date; %s", input, dueAtExamples)
	}
	// The offsets in force around that day: before and after any transition.
	_, before := naive.Add(-24 * time.Hour).In(loc).Zone()
	_, after := naive.Add(24 * time.Hour).In(loc).Zone()
	var found []time.Time
	for _, off := range []int{before, after} {
		t := naive.Add(-time.Duration(off) * time.Second)
		if sameWall(t.In(loc), naive) && (len(found) == 0 || !found[0].Equal(t)) {
			found = append(found, t)
		}
	}
	var t time.Time
	note := ""
	switch {
	case len(found) == 2:
		t = found[0]
		if found[1].Before(t) {
			t = found[1]
		}
		note = fmt.Sprintf("%s occurs twice in %s (clocks go back); read as the first, %s. Give an offset for the second.",
			naive.Format("2006-01-02 15:04"), loc, t.In(loc).Format("15:04 MST (-07:00)"))
	case len(found) == 1:
		t = found[0]
	default:
		t = naive.Add(-time.Duration(before) * time.Second)
		note = fmt.Sprintf("%s does not exist in %s (clocks go forward); read as %s.",
			naive.Format("2006-01-02 15:04"), loc, t.In(loc).Format("15:04 MST (-07:00)"))
	}
	if yr := t.UTC().Year(); yr < 1970 || yr > 9999 {
		return time.Time{}, "", invalidArg("dueAt", "is out of range: %q", input)
	}
	return t, note, nil
}

func sameWall(t, naive time.Time) bool {
	return t.Year() == naive.Year() && t.Month() == naive.Month() && t.Day() == naive.Day() &&
		t.Hour() == naive.Hour() && t.Minute() == naive.Minute() && t.Second() == naive.Second()
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
