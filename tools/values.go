package tools

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// checkID checks that v is a Buffer id: 24 hexadecimal characters.
func checkID(field, v string) error {
	if len(v) != 24 {
		return invalidArg(field, "must be a Buffer id of 24 hexadecimal characters, got %s", quoteShort(v))
	}
	for _, r := range v {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F') {
			return invalidArg(field, "must be a Buffer id of 24 hexadecimal characters, got %s", quoteShort(v))
		}
	}
	return nil
}

// pageSize reads an optional first: the default page size when absent, else 1 to 100. It
// is a pointer so that an explicit 0 is refused rather than read as "not given".
func pageSize(first *int) (int, error) {
	if first == nil {
		return defaultPageSize, nil
	}
	if *first < 1 || *first > 100 {
		return 0, invalidArg("first", "must be between 1 and 100, got %d", *first)
	}
	return *first, nil
}

// checkEnum checks that v is one of allowed.
func checkEnum(field, v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return invalidArg(field, "must be one of %v, got %s", allowed, quoteShort(v))
}

// quoteShort quotes a value given in the arguments for an error message, cut to 64
// characters: a message repeats what was wrong, not megabytes of it.
func quoteShort(v string) string {
	if utf8.RuneCountInString(v) <= 64 {
		return fmt.Sprintf("%q", v)
	}
	r := []rune(v)
	return fmt.Sprintf("%q… (%d characters)", string(r[:64]), len(r))
}

// maxTextChars caps a post's text: more than any network takes (the longest, LinkedIn
// articles aside, is a few thousand characters), yet far below what would cost the
// request, the model and the logs (SPEC §7.3).
const maxTextChars = 100_000

// checkText checks a post's text: at most maxTextChars characters, and not empty (nor only
// white space, which Buffer would publish as a blank post) unless assets make the post.
func checkText(field, text string, hasAssets bool) error {
	if len(text) > maxTextChars {
		if n := utf8.RuneCountInString(text); n > maxTextChars {
			return invalidArg(field, "is %d characters long; the most is %d, more than any network takes", n, maxTextChars)
		}
	}
	if !hasAssets && strings.TrimSpace(text) == "" {
		if text == "" {
			return invalidArg(field, "is empty and there are no assets: a post needs one or the other")
		}
		return invalidArg(field, "is only white space and there are no assets: a post needs text or assets")
	}
	return nil
}

var locations sync.Map // IANA name → *time.Location; LoadLocation reads the tz database each time

// location loads a channel's or account's IANA timezone; UTC when empty or unknown.
func location(name string) *time.Location {
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

// rfc3339 is the strict form of an RFC 3339 time with an offset; time.Parse alone also
// takes one-digit hours and the like, which Buffer may not.
var rfc3339 = lazyRegexp(`^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$`)

// parseTime reads an RFC 3339 time with an offset, between 1970 and 9999 in UTC (outside
// that, the time could not be sent to Buffer as RFC 3339).
func parseTime(field, v string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, v)
	if err != nil || !rfc3339().MatchString(v) {
		return time.Time{}, invalidArg(field, "must be an RFC 3339 time with an offset, like 2026-12-01T09:00:00-05:00; got %q", v)
	}
	if y := t.UTC().Year(); y < 1970 || y > 9999 {
		return time.Time{}, invalidArg(field, "is out of range: %q", v)
	}
	return t, nil
}

// utc formats a time from Buffer in RFC 3339 UTC; a value that is not a time passes as is.
func utc(v string) string {
	if v == "" {
		return ""
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return v
	}
	return t.UTC().Format(time.RFC3339)
}

// local formats a time from Buffer in the given timezone, with its offset.
func local(v, tz string) string {
	if v == "" {
		return ""
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return ""
	}
	return t.In(location(tz)).Format(time.RFC3339)
}

// describeLocal shows a time the way a person reads it in a timezone, for messages.
func describeLocal(t time.Time, tz string) string {
	loc := location(tz)
	return fmt.Sprintf("%s (%s)", t.In(loc).Format("Mon 2 Jan 2006 15:04 MST"), loc)
}

// lazyRegexp compiles expr the first time it is used, not when the package initialises:
// every start of the binary would pay for it, most never read a time.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
