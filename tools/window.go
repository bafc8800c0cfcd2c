package tools

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/buffer-mcp/buffer-mcp/internal/dueat"
)

// The window of days that get_aggregated_post_metrics reads from its start and end. Its
// one reader of words, readSpan, stands in for the time reader's own (dueat.ReadSpan)
// until that exists: same arguments and the same contract, so that its body can become a
// call to it.

// span is a window of whole days in a timezone: Start is the first day's midnight and End
// the last instant of the last day, both included.
type span struct{ Start, End time.Time }

// readSpan reads input as whole days in loc, at the instant now:
//
//   - a date, 2026-11-30, or an RFC 3339 time (its date as written, in its own offset):
//     that day;
//   - today, yesterday;
//   - this week, last week (weeks start on Monday), this month, last month: the whole
//     period, days still ahead included;
//   - last N days (or past N days): the N days that end today, today included;
//   - since Monday (any weekday, the latest on or before today), since 2026-11-01: from
//     that day to today.
//
// Words are read without regard to case or extra spaces. Anything else is an error that
// lists what is accepted.
func readSpan(input string, now time.Time, loc *time.Location) (span, error) {
	phrase := strings.Join(strings.Fields(strings.ToLower(input)), " ")
	if d, ok := readDate(phrase); ok {
		return wholeDays(d, d, loc), nil
	}
	today := midnight(now.In(loc))
	switch phrase {
	case "today":
		return wholeDays(today, today, loc), nil
	case "yesterday":
		y := today.AddDate(0, 0, -1)
		return wholeDays(y, y, loc), nil
	case "this week", "last week":
		monday := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
		if phrase == "last week" {
			monday = monday.AddDate(0, 0, -7)
		}
		return wholeDays(monday, monday.AddDate(0, 0, 6), loc), nil
	case "this month", "last month":
		first := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, loc)
		if phrase == "last month" {
			first = first.AddDate(0, -1, 0)
		}
		return wholeDays(first, first.AddDate(0, 1, -1), loc), nil
	}
	if f := strings.Fields(phrase); len(f) == 3 && (f[0] == "last" || f[0] == "past") && (f[2] == "days" || f[2] == "day") {
		n, err := strconv.Atoi(f[1])
		if err != nil || n < 1 || n > maxWindowDays {
			return span{}, fmt.Errorf("%q: the number of days must be 1 to %d", input, maxWindowDays)
		}
		return wholeDays(today.AddDate(0, 0, 1-n), today, loc), nil
	}
	if rest, ok := strings.CutPrefix(phrase, "since "); ok {
		if d, ok := readDate(rest); ok {
			return wholeDays(d, today, loc), nil
		}
		for i, name := range weekdayNames {
			if rest == name || rest == name[:3] {
				back := (int(today.Weekday()) - i + 7) % 7
				return wholeDays(today.AddDate(0, 0, -back), today, loc), nil
			}
		}
	}
	return span{}, fmt.Errorf("%q is not a day or a period read here: give a date (2026-11-30) or one of today, "+
		"yesterday, this week, last week, this month, last month, last 7 days, since Monday, since 2026-11-01", input)
}

var weekdayNames = []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// maxWindowDays is the longest window Buffer aggregates metrics over.
const maxWindowDays = 365

// readDate reads a date or an RFC 3339 time as the calendar day it names, at UTC midnight.
func readDate(s string) (time.Time, bool) {
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d, true
	}
	if t, ok := dueat.ParseRFC3339(strings.ToUpper(s)); ok {
		return midnight(t), true
	}
	return time.Time{}, false
}

// midnight is the start of t's calendar day, as a UTC time of the same date: dates are
// compared and moved as dates, whatever the timezone's daylight-saving days.
func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// wholeDays is the span from the first day's midnight to the last day's end, in loc.
func wholeDays(first, last time.Time, loc *time.Location) span {
	start := time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, loc)
	end := time.Date(last.Year(), last.Month(), last.Day()+1, 0, 0, 0, 0, loc).Add(-time.Nanosecond)
	return span{Start: start, End: end}
}

// window is the days a metrics request covers: the dates of its first and last day.
type window struct{ first, last time.Time }

// days counts the window's days, both ends included.
func (w window) days() int { return int(w.last.Sub(w.first).Hours()/24) + 1 }

// readWindow reads get_aggregated_post_metrics's start and end: from the first day of
// start's span to the last day of end's (of start's own when end is empty), as dates in
// loc. Buffer aggregates over whole UTC days, so the same dates go to it as UTC midnights
// (metricsInput); words are read in loc, the account's timezone, since that is the
// calendar the person means by "last week". A window that ends before it starts, or
// covers more than 365 days, is refused.
func readWindow(start, end string, now time.Time, loc *time.Location) (window, error) {
	s, err := readSpan(start, now, loc)
	if err != nil {
		return window{}, invalidArg("start", "%v", err)
	}
	e := s
	if end != "" {
		if e, err = readSpan(end, now, loc); err != nil {
			return window{}, invalidArg("end", "%v", err)
		}
	}
	w := window{first: midnight(s.Start), last: midnight(e.End)}
	switch {
	case w.last.Before(w.first):
		return window{}, invalidArg("end", "%s is before the start, %s", w.last.Format(time.DateOnly), w.first.Format(time.DateOnly))
	case w.days() > maxWindowDays:
		return window{}, invalidArg("end", "the window %s to %s is %d days; Buffer takes at most %d",
			w.first.Format(time.DateOnly), w.last.Format(time.DateOnly), w.days(), maxWindowDays)
	}
	return w, nil
}

// needsClock reports whether reading v takes the current day: only words do.
func needsClock(v string) bool {
	_, isDate := readDate(strings.TrimSpace(v))
	return v != "" && !isDate
}
