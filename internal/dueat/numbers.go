// Words that start with a digit, in a phrase (phrase.go): clock times, days of the month,
// dates, years, and an hour before am/pm or o'clock.

package dueat

import (
	"strings"
	"time"
)

// readMonthDate reads what follows a month's name: "3", "3rd", "3 2027", "3rd 9am".
func (p *phrase) readMonthDate(m time.Month, rest []string) (used int, err error) {
	if len(rest) == 0 {
		return 0, p.unreadable(m.String())
	}
	d, ok := ordinal(rest[0])
	if !ok {
		return 0, p.unreadable(m.String() + " " + rest[0])
	}
	used = 1
	year := 0
	if len(rest) > 1 {
		if y, ok := year4(rest[1]); ok {
			year, used = y, 2
		}
	}
	return used, p.setDate(year, m, d)
}

// readNumberWord reads a word that starts with a digit: a clock time ("9am", "17:30",
// "0900"), a day before a month ("3 December", "3rd of Dec"), a date (2026-12-03), a year
// after a date and time (Unix's date: "Mon Dec 7 09:00:00 PST 2026"), or an hour followed
// by am/pm or o'clock ("9 am", "8 o'clock").
func (p *phrase) readNumberWord(w string, rest []string) (used int, err error) {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return 0, p.unreadable(w)
	}
	if clock, ok := strings.CutSuffix(w, "z"); ok {
		// "09:00Z", "0900z": a clock time in UTC, as pilots and the military write it
		_, _, _, mer, isClock := clockWord(clock)
		if _, _, isMilitary := military(clock); isClock && mer == "" || isMilitary {
			if err := p.setZone(&zone{said: "Z", hasOffset: true, named: true}); err != nil {
				return 0, err
			}
			w = clock
		}
	}
	if y, mo, d, isDate := numericDate(w); looksNumericDate(w) || isDate {
		if _, _, ok := atClock(w); ok {
			return 0, refuse("%q is ambiguous: is %s a date or a time of day? For a time write it with a colon, "+
				"such as 9:30am or 21:30; for a date, the month's name; %s", p.input, w, Examples)
		}
		if isDate {
			return 0, p.setDate(y, mo, d)
		}
		return 0, refuse("%q is ambiguous (day/month or month/day?): write the month's name, or %s", p.input, Examples)
	}
	if y, mo, d, ok := isoDate(w); ok {
		return 0, p.setDate(y, mo, d)
	}
	if h, mi, sec, mer, ok := clockWord(w); ok {
		if err := p.setClock(h, mi, mer); err != nil {
			return 0, err
		}
		p.second, p.clockSaid = sec, w
		p.twentyFour = mer == "" // "17:30", "9:30": read on a 24-hour clock
		p.padded = strings.HasPrefix(w, "0") || strings.Count(w, ":") == 2
		return 0, nil
	}
	if y, ok := year4(w); ok && p.hasDate() && p.month != 0 && p.year == 0 && p.hasClock {
		p.year = y
		return 0, nil
	}
	if h, mi, ok := military(w); ok {
		unit := len(rest) > 0 && militaryUnits[rest[0]]
		if h >= 20 && !unit {
			return 0, refuse("%q: is %s a year or the time %02d:%02d? Write %02d:%02d for the time; %s", p.input, w, h, mi, h, mi, Examples)
		}
		if err := p.setClock(h, mi, ""); err != nil {
			return 0, err
		}
		p.twentyFour, p.padded = true, true
		if unit {
			return 1, nil
		}
		return 0, nil
	}
	if d, ok := ordinal(w); ok {
		// "3 December", "3rd of December 2027"
		i := 0
		if i < len(rest) && rest[i] == "of" {
			i++
		}
		if i < len(rest) {
			if m, ok := months[rest[i]]; ok {
				used = i + 1
				year := 0
				if used < len(rest) {
					if y, ok := year4(rest[used]); ok {
						year = y
						used++
					}
				}
				return used, p.setDate(year, m, d)
			}
		}
		// "9 am": an hour, then am/pm as the next word.
		if len(rest) > 0 && (rest[0] == "am" || rest[0] == "pm") {
			if n, ok := smallNumber(w, 1, 12); ok {
				return 1, p.setClock(n, 0, rest[0])
			}
		}
		// "8 o'clock": an hour, on the same terms as "at 8".
		if len(rest) > 0 && isOclock(rest[0]) {
			if n, ok := smallNumber(w, 0, 12); ok {
				if err := p.setClock(n, 0, ""); err != nil {
					return 0, err
				}
				p.twentyFour, p.padded, p.clockSaid = true, strings.HasPrefix(w, "0"), w+" o'clock"
				return 1, nil
			}
		}
		// "12 noon", "12 midnight": the next word says which 12.
		if w == "12" && len(rest) > 0 && (rest[0] == "noon" || rest[0] == "midday" || rest[0] == "midnight") {
			return 0, nil
		}
		// "the 1st", "Monday 30th": a day of the month, which is never a time of day.
		if w != strings.TrimRight(w, "stndrh") {
			return 0, p.setDate(0, 0, d)
		}
	}
	if h, ok := smallNumber(w, 0, 99); ok && len(rest) > 0 && (units[rest[0]] != 0 || rest[0] == "and") {
		return 0, refuse("%q: %d %s from when? Write \"in %d %s\", or %s", p.input, h, rest[0], h, rest[0], Examples)
	}
	if h, ok := smallNumber(w, 1, 12); ok && !p.hasClock && p.bareHour == 0 {
		// "9 in the morning", "8 tomorrow evening", "7 tonight": an hour that the part of
		// the day named with it places (checked at the end of read).
		p.bareHour, p.clockSaid = h, w
		return 0, nil
	}
	if h, ok := smallNumber(w, 0, 23); ok {
		return 0, refuse("%q: is %d a time of day? Write %dam, %dpm or \"at %d\" (24-hour); %s",
			p.input, h, h, h, h, Examples)
	}
	return 0, p.unreadable(w)
}
