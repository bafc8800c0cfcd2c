package tools

import (
	"errors"
	"fmt"
	"time"

	"github.com/buffer-mcp/buffer-mcp/internal/dueat"
)

// Times in arguments and results. Arguments are read here (dueAt through the dueat
// package); results give every instant in UTC, and single posts also in their channel's
// timezone, all RFC 3339.

// readDueAt reads a dueAt in the timezone tz at the instant now; a refusal is
// InvalidArguments for dueAt.
func readDueAt(dueAt string, now time.Time, tz string) (dueat.Reading, error) {
	r, err := dueat.Read(dueAt, now, dueat.Location(tz))
	return r, dueAtError(err)
}

// dueAtError turns the time reader's refusal into an argument error for dueAt.
func dueAtError(err error) error {
	var de *dueat.Error
	if errors.As(err, &de) {
		return invalidArg("dueAt", "%s", de.Message)
	}
	return err
}

// checkFuture refuses a dueAt that is not in the future, showing it in the channel's
// timezone so the person sees how it was read.
func checkFuture(dueAt, now time.Time, tz string) error {
	if dueAt.After(now) {
		return nil
	}
	return invalidArg("dueAt", "%s is in the past (it is now %s); give a future time, such as \"tomorrow 9am\" or \"in 2 hours\"",
		describeLocal(dueAt, tz), describeLocal(now, tz))
}

// parseTime reads an argument that must be an RFC 3339 time with an offset.
func parseTime(field, v string) (time.Time, error) {
	t, ok := dueat.ParseRFC3339(v)
	if !ok {
		return time.Time{}, invalidArg(field, "must be an RFC 3339 time with an offset between 1970 and 9999, like 2026-12-01T09:00:00-05:00; got %q", v)
	}
	return t, nil
}

// formatUTC and formatLocal format an instant for results.
func formatUTC(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func formatLocal(t time.Time, tz string) string { return t.In(dueat.Location(tz)).Format(time.RFC3339) }

// bufferUTC reformats a time Buffer answered (RFC 3339 with milliseconds) as formatUTC
// does; a value that is not a time passes as it is.
func bufferUTC(v string) string {
	if v == "" {
		return ""
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return v
	}
	return formatUTC(t)
}

// bufferLocal reformats a time Buffer answered in the timezone tz; "" when it is not a time.
func bufferLocal(v, tz string) string {
	if v == "" {
		return ""
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return ""
	}
	return formatLocal(t, tz)
}

// describeLocal shows a time the way a person reads it in a timezone, for messages.
func describeLocal(t time.Time, tz string) string {
	loc := dueat.Location(tz)
	return fmt.Sprintf("%s (%s)", t.In(loc).Format("Mon 2 Jan 2006 15:04 MST"), loc)
}
