package tools

import (
	"errors"
	"strings"
	"time"

	"github.com/buffer-mcp/buffer-mcp/internal/dueat"
)

// The window of days that get_aggregated_post_metrics reads from its start and end, in the
// same words as a due time: the time reader's own spans (dueat.ReadSpan).

// maxWindowDays is the longest window Buffer aggregates metrics over.
const maxWindowDays = 365

// window is the days a metrics request covers: the dates of its first and last day (UTC
// midnights), and what the reader assumed.
type window struct {
	first, last time.Time
	note        string
}

// days counts the window's days, both ends included.
func (w window) days() int { return int(w.last.Sub(w.first).Hours()/24) + 1 }

// readWindow reads get_aggregated_post_metrics's start and end: from the first day of
// start's span to the last day of end's (of start's own when end is empty), as dates in
// loc. Buffer aggregates over whole UTC days, so the same dates go to it as UTC midnights
// (metricsInput); words are read in loc, the account's timezone, since that is the
// calendar the person means by "last week". A window that ends before it starts, or
// covers more than 365 days, is refused.
func readWindow(start, end string, now time.Time, loc *time.Location) (window, error) {
	s, err := readSpan("start", start, now, loc)
	if err != nil {
		return window{}, err
	}
	e := s
	if end != "" {
		if e, err = readSpan("end", end, now, loc); err != nil {
			return window{}, err
		}
	}
	w := window{first: s.Start, last: e.End, note: s.Note}
	if end != "" && e.Note != "" && e.Note != s.Note {
		w.note = strings.TrimSpace(w.note + " " + e.Note)
	}
	switch {
	case w.last.Before(w.first):
		return window{}, invalidArg("end", "%s is before the start, %s", w.last.Format(time.DateOnly), w.first.Format(time.DateOnly))
	case w.days() > maxWindowDays:
		return window{}, invalidArg("end", "the window %s to %s is %d days; Buffer takes at most %d",
			w.first.Format(time.DateOnly), w.last.Format(time.DateOnly), w.days(), maxWindowDays)
	}
	return w, nil
}

// readSpan reads one end of the window; a refusal is InvalidArguments for field.
func readSpan(field, v string, now time.Time, loc *time.Location) (dueat.Span, error) {
	sp, err := dueat.ReadSpan(v, now, loc)
	var de *dueat.Error
	if errors.As(err, &de) {
		return dueat.Span{}, invalidArg(field, "%s", de.Message)
	}
	return sp, err
}

// needsClock reports whether reading v takes the current day in a timezone: everything
// but a full date (2026-11-30) or an RFC 3339 time does.
func needsClock(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" {
		return false
	}
	if _, err := time.Parse(time.DateOnly, v); err == nil {
		return false
	}
	_, isTime := dueat.ParseRFC3339(strings.ToUpper(v))
	return !isTime
}
