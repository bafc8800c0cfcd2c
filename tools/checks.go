package tools

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The argument checks every tool shares. Each failure is an argError naming the field.

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

// maxTextChars caps a post's text: more than any network takes, yet far below what would
// cost the request, the model and the logs (SPEC §7.3).
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
