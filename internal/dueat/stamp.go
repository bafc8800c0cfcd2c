// Dates and times as software writes them: ISO 8601 and its profiles, RFC 3339 and
// RFC 9557. Assistants copy these from get_account's currentTime or from their own code,
// in the forms of Go, Python, JavaScript, Java, C# and databases:
//
//	2026-12-10T09:00:00.000          no offset: the channel's local time
//	2026-12-10T09:00Z                Z or an offset: +01:00, +0100, +01, −05:00
//	2026-12-10 09:00:00+01:00        a space for the T (Python's str(datetime))
//	2026-12-10 09:00:00 +01:00       a space before the offset (Rust, Go's String)
//	2026-12-10 09:00:00 +0100 CET    an offset and its abbreviation (Go's time.Time.String)
//	2026-12-10T09:00+09:00[Asia/Tokyo]  a zone in brackets (RFC 9557, Java, Temporal)
//	2026-12-10 09:00 Europe/Paris    a zone after the time: a tz name, UTC, PST, London time
//	20261210T090000Z                 ISO 8601's basic form (iCalendar)
//
// The RFC 2822 and Date.toString() forms, with month names, are read with the person's
// words (phrase.go).

package dueat

import (
	"strings"
	"time"
)

// stamp is a date and a time of day as software writes them, with the zone given.
type stamp struct {
	y, mo, d, h, mi, sec, nsec int
	z                          *zone
}

// readStamp reads s if it starts with an ISO 8601 date and time; ok is false if it does
// not (the person's words may still read it). From the date and time on, it reads the
// rest whole or refuses it.
func readStamp(s string) (st stamp, ok bool, err error) {
	rest, ok := st.dateTime(s)
	if !ok {
		return st, false, nil
	}
	z, err := stampZone(rest, s)
	st.z = z
	return st, true, err
}

// dateTime reads the date and time at the start of s: 2026-12-10T09:00[:00[.000]] (T, t or
// a space between them) or 20261210T0900[00[.000]].
func (st *stamp) dateTime(s string) (rest string, ok bool) {
	var i int
	switch {
	case len(s) >= 11 && digitsAt(s, 0, 4) && s[4] == '-' && digitsAt(s, 5, 2) && s[7] == '-' && digitsAt(s, 8, 2):
		st.y, st.mo, st.d = atoi(s[:4]), atoi(s[5:7]), atoi(s[8:10])
		i = 10
		if s[i] != 'T' && s[i] != 't' && s[i] != ' ' {
			return "", false
		}
		for i++; i < len(s) && s[i] == ' '; i++ {
		}
		if !digitsAt(s, i, 2) || i+5 > len(s) || s[i+2] != ':' || !digitsAt(s, i+3, 2) {
			return "", false
		}
		st.h, st.mi = atoi(s[i:i+2]), atoi(s[i+3:i+5])
		i += 5
		if i+2 < len(s) && s[i] == ':' && digitsAt(s, i+1, 2) {
			st.sec = atoi(s[i+1 : i+3])
			i += 3
			i = st.fraction(s, i)
		}
	case len(s) >= 13 && digitsAt(s, 0, 8) && (s[8] == 'T' || s[8] == 't') && digitsAt(s, 9, 4):
		st.y, st.mo, st.d = atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8])
		st.h, st.mi = atoi(s[9:11]), atoi(s[11:13])
		i = 13
		if digitsAt(s, i, 2) {
			st.sec = atoi(s[i : i+2])
			i = st.fraction(s, i+2)
		}
	default:
		return "", false
	}
	if i < len(s) && s[i] >= '0' && s[i] <= '9' {
		return "", false
	}
	return s[i:], true
}

// fraction reads the fraction of a second at s[i:] (".123" or ",123", up to nanoseconds).
func (st *stamp) fraction(s string, i int) int {
	if i >= len(s) || (s[i] != '.' && s[i] != ',') {
		return i
	}
	j := i + 1
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if n := j - i - 1; n == 0 || n > 9 {
		return i
	}
	st.nsec = atoi((s[i+1:j] + "000000000")[:9])
	return j
}

// stampZone reads what follows the time: nothing, Z or an offset, names of zones,
// and zones in brackets. input is the whole value, for messages.
func stampZone(rest, input string) (*zone, error) {
	var z *zone
	add := func(o *zone) error {
		if z == nil {
			z = o
			return nil
		}
		return z.add(o, input)
	}
	// Brackets close the value: [Asia/Tokyo], [!Europe/Paris], [u-ca=iso8601].
	if open := strings.IndexByte(rest, '['); open >= 0 {
		tags := rest[open:]
		rest = rest[:open]
		for tags != "" {
			end := strings.IndexByte(tags, ']')
			if tags[0] != '[' || end < 0 {
				return nil, refuse("could not read all of %q (not %q); %s", input, tags, Examples)
			}
			tag := strings.TrimPrefix(tags[1:end], "!")
			tags = tags[end+1:]
			if k, v, isKey := strings.Cut(tag, "="); isKey {
				if k == "u-ca" && (v == "iso8601" || v == "gregory") {
					continue
				}
				return nil, refuse("%q: [%s] is not a calendar this reader knows; leave it out, or %s", input, tag, Examples)
			}
			bz, err := bracketZone(tag, input)
			if err != nil {
				return nil, err
			}
			if err := add(bz); err != nil {
				return nil, err
			}
		}
	}
	words := strings.Fields(rest)
	if len(words) > 0 && rest[0] != ' ' {
		// Only Z or an offset may follow the time without a space.
		if w := words[0]; w == "Z" || w == "z" {
			words = words[1:]
			if err := add(&zone{said: "Z", hasOffset: true, fromZ: true}); err != nil {
				return nil, err
			}
		} else if off, ok := signedOffset(strings.ReplaceAll(w, "−", "-"), 2); ok {
			words = words[1:]
			if err := add(&zone{said: w, offset: off, hasOffset: true}); err != nil {
				return nil, err
			}
		} else {
			return nil, refuse("could not read all of %q (not %q); %s", input, w, Examples)
		}
	}
	lower := make([]string, 0, len(words))
	for _, w := range words {
		lower = append(lower, strings.Fields(strings.NewReplacer("(", " ( ", ")", " ) ").Replace(strings.ToLower(w)))...)
	}
	if len(lower) > 0 && lower[0] == "z" && z == nil {
		z, lower = &zone{said: "Z", hasOffset: true, fromZ: true}, lower[1:]
	}
	z, err := readZones(z, lower, input)
	if err != nil {
		return nil, err
	}
	return z, z.complete(input)
}

// bracketZone reads the zone of an RFC 9557 suffix: a tz name, UTC, or an offset.
func bracketZone(tag, input string) (*zone, error) {
	if off, ok := signedOffset(tag, 2); ok {
		return &zone{said: "[" + tag + "]", offset: off, hasOffset: true}, nil
	}
	if strings.EqualFold(tag, "UTC") {
		return &zone{said: "[UTC]", hasOffset: true, named: true}, nil
	}
	z, err := ianaZone(tag, input)
	if err != nil {
		return nil, err
	}
	z.bracket = true
	return z, nil
}

// place puts a stamp on the calendar: in the zone it names, or in loc.
func (st stamp) place(loc *time.Location, input string) (time.Time, string, error) {
	return placeWall(st.y, st.mo, st.d, st.h, st.mi, st.sec, st.nsec, st.z, loc, input)
}

func digitsAt(s string, i, n int) bool {
	if i < 0 || i+n > len(s) {
		return false
	}
	for _, c := range []byte(s[i : i+n]) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
