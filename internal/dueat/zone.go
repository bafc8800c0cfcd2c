// A timezone given with the time ("9am PST", "…+09:00[Asia/Tokyo]", "London time"): how it
// is read from the words (the tables are in zones.go), and how a wall-clock time is placed
// in it. A zone given in the value wins over the channel's, and the note says so.

package dueat

import (
	"fmt"
	"strings"
	"time"
)

// zone is the timezone a value names: a numeric offset, a place, an abbreviation, or an
// offset with a name that must agree with it ("+0100 CET", "+09:00[Asia/Tokyo]").
type zone struct {
	said      string // as written, for messages
	offset    int    // seconds east of UTC, with hasOffset
	hasOffset bool   // Z, +01:00, UTC, GMT-8: the offset fixes the instant
	fromZ     bool   // the offset is "Z": RFC 9557 reads Z[Asia/Tokyo] as an instant seen from Tokyo
	named     bool   // given by a name, not digits alone: the note says which zone was used
	loc       *time.Location
	locSaid   string  // how the place was named: "Europe/Paris", "London time", "ET"
	bracket   bool    // the place came in brackets (RFC 9557)
	abbr      *abbrev // an abbreviation or a long name such as "Pacific Standard Time"
	described bool    // a name in parentheses we do not know, after an offset (JavaScript's Date.toString)
	ambiguous string  // an abbreviation of several zones (IST), read only with an offset: its key in ambiguousAbbrevs
}

// add joins a second mention of a zone to z: an offset and a name may go together if they
// agree (checked when the time is placed); two offsets must be equal; two names are refused.
func (z *zone) add(o *zone, input string) error {
	twoZones := refuse("%q names two timezones (%s and %s); give one, as in \"tomorrow 9am Europe/London\"; %s", input, z.said, o.said, Examples)
	if o.hasOffset {
		if z.hasOffset && (z.offset != o.offset) {
			return twoZones
		}
		if !z.hasOffset {
			z.offset, z.hasOffset, z.fromZ = o.offset, true, o.fromZ
		}
	}
	if o.isName() {
		if z.isName() {
			// A place and its abbreviation, as in "Europe/Paris (CET)", may go together,
			// and so may two names of one zone: "Eastern Time (ET)", "PST (Pacific
			// Standard Time)".
			switch {
			case z.loc != nil && o.loc != nil && z.abbr == nil && o.abbr == nil && z.locSaid == o.locSaid:
			case z.abbr != nil && o.abbr != nil && z.loc == nil && o.loc == nil && z.abbr.name == o.abbr.name:
			case z.loc != nil && z.abbr == nil && o.abbr != nil && o.loc == nil:
				z.abbr = o.abbr
			case z.abbr != nil && z.loc == nil && o.loc != nil && o.abbr == nil:
				z.loc, z.locSaid, z.bracket = o.loc, o.locSaid, o.bracket
			default:
				return twoZones
			}
			z.said += " " + o.said
			return nil
		}
		z.loc, z.locSaid, z.bracket, z.abbr, z.described, z.ambiguous = o.loc, o.locSaid, o.bracket, o.abbr, o.described, o.ambiguous
	}
	z.named = z.named || o.named
	z.said = strings.TrimSpace(z.said + " " + o.said)
	return nil
}

// isName is whether the zone was given by a name, not (or not only) by an offset.
func (z *zone) isName() bool {
	return z.loc != nil || z.abbr != nil || z.described || z.ambiguous != ""
}

// complete refuses a zone that cannot be read without an offset, once all of the value
// is read: an abbreviation of several zones, or a name in parentheses we do not know.
func (z *zone) complete(input string) error {
	switch {
	case z == nil || z.hasOffset:
		return nil
	case z.ambiguous != "":
		return refuse("%q: %s could be %s; write the zone's name (such as Asia/Kolkata) or an offset (such as +05:30), or %s",
			input, strings.ToUpper(z.ambiguous), zoneIndexOnce().ambiguous[z.ambiguous].choices, Examples)
	case z.described:
		return refuse("could not read all of %q (not %q); %s", input, z.said, Examples)
	}
	return nil
}

// calendar is where "today" and "tomorrow" are counted for a time given in this zone.
func (z *zone) calendar() *time.Location {
	switch {
	case z.loc != nil:
		return z.loc
	case z.abbr != nil && z.abbr.region != "":
		return Location(z.abbr.region)
	default:
		return time.FixedZone(formatOffset(z.offset), z.offset)
	}
}

// readZoneAt reads the zone named by words[i:], if any: used is how many words it takes.
// An abbreviation that means several zones is refused with the choices.
func readZoneAt(words []string, i int, input string) (z *zone, used int, err error) {
	w := words[i]
	if w == "" || w[0] >= '0' && w[0] <= '9' {
		return nil, 0, nil // a number: no zone starts with a digit
	}
	if off, name, ok := offsetWord(w); ok {
		// "UTC +8": the offset as a word of its own
		if (w == "utc" || w == "gmt") && i+1 < len(words) {
			if off, ok := signedOffset(strings.ReplaceAll(words[i+1], "−", "-"), 1); ok {
				return &zone{said: w + words[i+1], offset: off, hasOffset: true, named: true}, 2, nil
			}
		}
		return &zone{said: w, offset: off, hasOffset: true, named: name}, 1, nil
	}
	ix := zoneIndexOnce()
	if a, b, ok := strings.Cut(w, "/"); ok {
		// "CET/CEST", "PST/PDT": both abbreviations of one region, which is its clocks
		x, okA := ix.abbrevs[a]
		y, okB := ix.abbrevs[b]
		_, regionA := ix.regions[a]
		_, regionB := ix.regions[b]
		switch {
		case okA && okB && x.region != "" && y.region == x.region:
			return &zone{said: strings.ToUpper(w), named: true, loc: Location(x.region), locSaid: x.region}, 1, nil
		case (okA || regionA) && (okB || regionB):
			return nil, 0, refuse("%q names two timezones (%s); give one, as in \"tomorrow 9am Europe/London\"; %s",
				input, strings.ToUpper(w), Examples)
		}
	}
	if strings.Contains(w, "/") && w[0] >= 'a' && w[0] <= 'z' {
		z, err := ianaZone(w, input)
		return z, 1, err
	}
	if w == "in" && i+1 < len(words) && words[i+1] != "the" {
		// "9am in London": a city, as "London time"
		if z, used, err := readZoneAt(words, i+1, input); err != nil || z != nil && z.loc != nil && ix.byCity[strings.Join(words[i+1:i+1+used], " ")] != "" {
			return z, used + 1, err
		}
		return nil, 0, nil
	}
	for n := min(4, len(words)-i); n >= 1; n-- {
		phrase := strings.Join(words[i:i+n], " ")
		if a, ok := ix.longNames[phrase]; ok {
			return abbrevZone(a, phrase), n, nil
		}
		if n >= 2 && words[i+n-1] == "time" {
			place := strings.Join(words[i:i+n-1], " ")
			if name, ok := ix.byCity[place]; ok {
				return &zone{said: phrase, named: true, loc: Location(name), locSaid: name}, n, nil
			}
			if name, ok := ix.regions[place]; ok {
				return &zone{said: phrase, named: true, loc: Location(name), locSaid: name}, n, nil
			}
		}
	}
	for n := min(3, len(words)-i); n >= 1; n-- {
		// a city alone: "9am London", "9am in New York"
		if name, ok := ix.byCity[strings.Join(words[i:i+n], " ")]; ok {
			return &zone{said: strings.Join(words[i:i+n], " "), named: true, loc: Location(name), locSaid: name}, n, nil
		}
	}
	if name, ok := ix.regions[w]; ok {
		return &zone{said: w, named: true, loc: Location(name), locSaid: name}, 1, nil
	}
	if a, ok := ix.abbrevs[w]; ok {
		return abbrevZone(a, w), 1, nil
	}
	if _, ok := ix.ambiguous[w]; ok {
		return &zone{said: strings.ToUpper(w), named: true, ambiguous: w}, 1, nil
	}
	if w == "(" {
		return parenZone(words[i+1:], input)
	}
	return nil, 0, nil
}

// parenZone reads a zone in parentheses, as JavaScript's Date.toString() writes it
// ("(Pacific Standard Time)") and people do ("9am (UK time)"); words follow the "(", and
// used counts them with the "(" and the ")". A name we do not know, such as "(Line Islands
// Time)", is taken only with an offset that decides the instant (zone.complete).
func parenZone(words []string, input string) (z *zone, used int, err error) {
	end := -1
	for i, w := range words {
		if w == ")" {
			end = i
			break
		}
	}
	if end < 1 {
		return nil, 0, nil
	}
	inner := words[:end]
	if z, n, err := readZoneAt(inner, 0, input); err != nil || z != nil && n == len(inner) {
		return z, end + 2, err
	}
	if inner[len(inner)-1] != "time" {
		return nil, 0, nil
	}
	for _, w := range inner {
		if strings.Trim(w, "abcdefghijklmnopqrstuvwxyzéüöçã-'.") != "" {
			return nil, 0, nil
		}
	}
	return &zone{said: strings.Join(inner, " "), named: true, described: true}, end + 2, nil
}

// readZones reads words that must all name the zone of a value (what follows a date and
// time such as 2026-12-10 09:00), joining them into z.
func readZones(z *zone, words []string, input string) (*zone, error) {
	for i := 0; i < len(words); {
		wz, used, err := readZoneAt(words, i, input)
		if err != nil {
			return nil, err
		}
		if wz == nil {
			return nil, refuse("could not read all of %q (not %q); %s", input, strings.Join(words[i:], " "), Examples)
		}
		if z == nil {
			z = wz
		} else if err := z.add(wz, input); err != nil {
			return nil, err
		}
		i += used
	}
	return z, nil
}

// abbrevZone is the zone of an abbreviation or long name; UTC and GMT are offsets only.
func abbrevZone(a abbrev, said string) *zone {
	if !strings.Contains(said, " ") {
		said = a.name // "PST", as people write it, in messages
	}
	if a.region == "" {
		return &zone{said: said, hasOffset: true, named: true}
	}
	return &zone{said: said, named: true, abbr: &a}
}

// ianaZone reads a tz database name such as Europe/Paris, whatever its case. Etc/GMT+5
// is refused: in the tz database it means five hours behind UTC, the opposite of what
// most people read in it.
func ianaZone(w, input string) (*zone, error) {
	name, ok := zoneIndexOnce().byName[strings.ToLower(w)]
	if !ok {
		return nil, refuse("%q: %s is not a timezone of the tz database; write one such as Europe/London, or %s", input, w, Examples)
	}
	if l := strings.ToLower(name); strings.HasPrefix(l, "etc/gmt") && len(l) > len("etc/gmt") && l != "etc/gmt0" &&
		l != "etc/gmt+0" && l != "etc/gmt-0" {
		return nil, refuse("%q: %s is %s in the tz database (its sign is the reverse of UTC%s); write the offset, as in %s, or %s",
			input, name, describeEtc(name), name[len("Etc/GMT"):], "2026-12-03T09:00:00-05:00", Examples)
	}
	return &zone{said: name, named: true, loc: Location(name), locSaid: name}, nil
}

func describeEtc(name string) string {
	loc := Location(name)
	_, off := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).In(loc).Zone()
	return formatOffset(off)
}

// offsetWord reads an offset: Z is not one here (only after a date-time), but +01:00,
// +0100, +01, −05:00 (a minus sign), and UTC, GMT or UT alone or with an offset of one or
// two digits of hours (UTC+1, GMT-0800, UTC+05:30). name is whether it was said with UTC or
// GMT.
func offsetWord(w string) (off int, name, ok bool) {
	w = strings.ReplaceAll(w, "−", "-")
	for _, prefix := range []string{"utc", "gmt", "ut"} {
		if rest, found := strings.CutPrefix(w, prefix); found {
			if rest == "" {
				return 0, true, true
			}
			off, ok := signedOffset(rest, 1)
			return off, true, ok
		}
	}
	off, ok = signedOffset(w, 2)
	return off, false, ok
}

// signedOffset reads ±HH, ±HHMM or ±HH:MM; with minDigits 1 also ±H, ±HMM and ±H:MM.
func signedOffset(w string, minDigits int) (int, bool) {
	if len(w) < 2 || (w[0] != '+' && w[0] != '-') {
		return 0, false
	}
	sign, body := 1, w[1:]
	if w[0] == '-' {
		sign = -1
	}
	hs, ms, colon := strings.Cut(body, ":")
	if !colon {
		switch {
		case len(body) == 4:
			hs, ms = body[:2], body[2:]
		case len(body) == 3 && minDigits == 1:
			hs, ms = body[:1], body[1:]
		case len(body) <= 2:
			hs, ms = body, "00"
		default:
			return 0, false
		}
	}
	if len(hs) < minDigits || len(ms) != 2 {
		return 0, false
	}
	h, ok := smallNumber(hs, 0, 23)
	if !ok {
		return 0, false
	}
	m, ok := smallNumber(ms, 0, 59)
	if !ok {
		return 0, false
	}
	return sign * (h*3600 + m*60), true
}

func formatOffset(off int) string {
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%c%02d:%02d", sign, off/3600, off/60%60)
}

// cityOf is the city of a tz name, as people write it: America/Los_Angeles → Los Angeles.
func cityOf(name string) string {
	return strings.ReplaceAll(name[strings.LastIndex(name, "/")+1:], "_", " ")
}

func joinNotes(notes ...string) string {
	var out []string
	for _, n := range notes {
		if n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, " ")
}
