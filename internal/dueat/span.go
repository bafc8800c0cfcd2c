// Windows of days for a metrics tool ("last week", "since Monday", "Nov 1"), read in the
// same words as a due time.

package dueat

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Span is a window of whole calendar days: Start is its first day and End its last, both
// included, each given as midnight UTC of that date, which is how Buffer's
// aggregatedPostMetrics takes a window (startDateTime, endDateTime, the end day
// included). The days are counted in the timezone the span was read in; a week starts on
// Monday (ISO 8601). Note says what was assumed, "" if nothing.
type Span struct {
	Start, End time.Time
	Note       string
}

// SpanExamples is what every unreadable window is told it may be.
const SpanExamples = `use a date such as "2026-11-01" or "Nov 1", or a window such as "yesterday", "last week", ` +
	`"this month", "last 7 days" or "since Monday"`

// ReadSpan reads a window of days in loc at now: a date ("2026-11-01", "Nov 1", "1
// November 2026", or a date and time, for its day); a month ("November 2026"); "today",
// "yesterday", a weekday (the last one, today included); "this week", "this month",
// "this year" (up to today), "last week", "last month", "last year" (the whole one
// before this one); "last 7 days" or "past 2 weeks" (ending today, today included);
// "since Monday" or "since Nov 1" (up to today). A metrics tool takes a start from one
// value's Start and an end from another's End. A refusal is an *Error.
func ReadSpan(input string, now time.Time, loc *time.Location) (Span, error) {
	s := trimValue(input)
	local := now.In(loc)
	y, m, d := local.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	words := wordsOf(s)
	if len(words) == 0 {
		return Span{}, refuseSpan("is empty")
	}
	if words[0] == "the" {
		words = words[1:]
	}
	if len(words) > 1 && words[0] == "since" {
		from, note, err := spanDay(words[1:], s, today, loc)
		if err != nil {
			return Span{}, err
		}
		if from.After(today) {
			return Span{}, refuseSpan("%q starts after today (%s)", s, today.Format("2006-01-02"))
		}
		return Span{Start: from, End: today, Note: note}, nil
	}
	if span, ok, err := namedSpan(words, s, today); ok || err != nil {
		return span, err
	}
	if mo, ok := months[words[0]]; ok {
		if _, isYear := year4(words[len(words)-1]); len(words) == 1 || len(words) == 2 && isYear {
			return monthSpan(mo, words[1:], s, today) // "November", "November 2026"
		}
	}
	day, note, err := spanDay(words, s, today, loc)
	if err != nil {
		return Span{}, err
	}
	return Span{Start: day, End: day, Note: note}, nil
}

// namedSpan reads today, yesterday, this/last week, month or year, and last N days or weeks.
func namedSpan(words []string, input string, today time.Time) (Span, bool, error) {
	monday := today.AddDate(0, 0, -(int(today.Weekday())+6)%7)
	first := today.AddDate(0, 0, 1-today.Day())
	jan1 := time.Date(today.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	switch strings.Join(words, " ") {
	case "today":
		return Span{Start: today, End: today}, true, nil
	case "yesterday":
		y := today.AddDate(0, 0, -1)
		return Span{Start: y, End: y}, true, nil
	case "this week":
		return Span{Start: monday, End: today, Note: "Read \"this week\" as Monday to today."}, true, nil
	case "last week", "previous week":
		return Span{Start: monday.AddDate(0, 0, -7), End: monday.AddDate(0, 0, -1), Note: "Read \"last week\" as Monday to Sunday of the week before this one."}, true, nil
	case "this month":
		return Span{Start: first, End: today, Note: "Read \"this month\" as the 1st to today."}, true, nil
	case "last month", "previous month":
		return Span{Start: first.AddDate(0, -1, 0), End: first.AddDate(0, 0, -1)}, true, nil
	case "this year":
		return Span{Start: jan1, End: today, Note: "Read \"this year\" as 1 January to today."}, true, nil
	case "last year", "previous year":
		return Span{Start: jan1.AddDate(-1, 0, 0), End: jan1.AddDate(0, 0, -1)}, true, nil
	}
	// "last 7 days", "past 2 weeks", "last seven days"
	if len(words) == 3 && (words[0] == "last" || words[0] == "past") {
		n, err := strconv.Atoi(words[1])
		if err != nil {
			if v, ok := onesWords[words[1]]; ok {
				n, err = v, nil
			}
		}
		days := map[string]int{"day": 1, "days": 1, "week": 7, "weeks": 7}[words[2]]
		if err != nil || days == 0 || n < 1 || n*days > 366 {
			return Span{}, false, refuseSpan("%q: give a number of days or weeks up to a year, as in \"last 7 days\"", input)
		}
		start := today.AddDate(0, 0, 1-n*days)
		return Span{Start: start, End: today, Note: fmt.Sprintf("Read %q as %d days ending today, today included.", strings.Join(words, " "), n*days)}, true, nil
	}
	if len(words) == 2 && words[0] == "last" {
		if _, ok := weekdays[words[1]]; ok {
			return Span{}, false, refuseSpan("%q: last %s could be this week's or the week before's; give the date, or \"since %s\"", input, words[1], words[1])
		}
	}
	return Span{}, false, nil
}

// monthSpan reads a month, with or without a year: the whole month, up to today. Without
// a year it is the last such month that has begun.
func monthSpan(mo time.Month, rest []string, input string, today time.Time) (Span, error) {
	year, note := today.Year(), ""
	if len(rest) == 1 {
		year, _ = year4(rest[0])
	} else if mo > today.Month() {
		year--
		note = fmt.Sprintf("Read %s as %s %d, the last one.", mo, mo, year)
	}
	start := time.Date(year, mo, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, 1, -1)
	if start.After(today) {
		return Span{}, refuseSpan("%q starts after today (%s)", input, today.Format("2006-01-02"))
	}
	if end.After(today) {
		end = today
		note = strings.TrimSpace(note + fmt.Sprintf(" Read %s %d as the 1st to today.", mo, year))
	}
	return Span{Start: start, End: end, Note: note}, nil
}

// spanDay reads one day: a date (the last such date, today included, when it has no
// year), a weekday (the last one, today included), today, yesterday, or a date and time
// Read reads (its day in loc).
func spanDay(words []string, input string, today time.Time, loc *time.Location) (time.Time, string, error) {
	switch strings.Join(words, " ") {
	case "today":
		return today, "", nil
	case "yesterday":
		return today.AddDate(0, 0, -1), "", nil
	case "last week":
		return today.AddDate(0, 0, -(int(today.Weekday())+6)%7-7), "Read \"last week\" as from its Monday.", nil
	case "last month":
		return today.AddDate(0, -1, 1-today.Day()), "", nil
	}
	if len(words) == 1 {
		if wd, ok := weekdays[words[0]]; ok {
			back := (int(today.Weekday()) - int(wd) + 7) % 7
			day := today.AddDate(0, 0, -back)
			return day, fmt.Sprintf("Read %s as %s, the last one.", wd, day.Format("Monday 2 January 2006")), nil
		}
		if y, mo, d, ok := isoDate(words[0]); ok {
			return spanDate(y, mo, d, input)
		}
	}
	var y, d int
	var mo time.Month
	switch {
	case len(words) >= 2 && months[words[0]] != 0: // Nov 1, Nov 1 2026
		mo = months[words[0]]
		d, _ = ordinal(words[1])
		if len(words) == 3 {
			y, _ = year4(words[2])
		}
		if d == 0 || len(words) > 3 || len(words) == 3 && y == 0 {
			return time.Time{}, "", refuseSpan("could not read all of %q", input)
		}
	case len(words) >= 2: // 1 Nov, 1st of November 2026
		d, _ = ordinal(words[0])
		i := 1
		if words[i] == "of" && len(words) > 2 {
			i++
		}
		mo = months[words[i]]
		if i+1 < len(words) {
			y, _ = year4(words[i+1])
			if y == 0 || i+2 < len(words) {
				return time.Time{}, "", refuseSpan("could not read all of %q", input)
			}
		}
		if d == 0 || mo == 0 {
			return spanInstant(input, today, loc)
		}
	default:
		return spanInstant(input, today, loc)
	}
	if y != 0 {
		return spanDate(y, mo, d, input)
	}
	// Without a year: the last such date, today included.
	y, note := today.Year(), ""
	if time.Date(y, mo, d, 0, 0, 0, 0, time.UTC).After(today) {
		y--
		note = fmt.Sprintf("Read %s %d as %d, the last one.", mo, d, y)
	}
	day, _, err := spanDate(y, mo, d, input)
	return day, note, err
}

// spanInstant reads a date and time, for its day in loc ("2026-11-01T00:00:00Z").
func spanInstant(input string, today time.Time, loc *time.Location) (time.Time, string, error) {
	st, ok, err := readStamp(strings.TrimSpace(input))
	if !ok {
		if t, rfc := ParseRFC3339(strings.TrimSpace(input)); rfc {
			y, mo, d := t.In(loc).Date()
			return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC), "", nil
		}
		return time.Time{}, "", refuseSpan("could not read %q", input)
	}
	if err != nil {
		return time.Time{}, "", &Error{Message: strings.Replace(err.Error(), Examples, SpanExamples, 1)}
	}
	t, _, err := st.place(loc, input)
	if err != nil {
		return time.Time{}, "", &Error{Message: strings.Replace(err.Error(), Examples, SpanExamples, 1)}
	}
	y, mo, d := t.In(loc).Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC), "", nil
}

func spanDate(y int, mo time.Month, d int, input string) (time.Time, string, error) {
	day := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	if day.Day() != d || y < 1970 {
		return time.Time{}, "", refuseSpan("%q is not a valid date", input)
	}
	return day, "", nil
}

func refuseSpan(format string, a ...any) *Error {
	return &Error{Message: fmt.Sprintf(format, a...) + "; " + SpanExamples}
}
