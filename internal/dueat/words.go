// The words the time reader knows (phrase.go), and the readers of single words:
// clock times, days of the month, years, amounts of time. Plain maps and functions: no
// pattern to compile when the program starts.

package dueat

import (
	"strconv"
	"strings"
	"time"
)

// dayParts are the hours a part of the day stands for when no clock time is given.
var dayParts = map[string]int{"morning": 9, "afternoon": 15, "evening": 18, "night": 20, "tonight": 20}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "sun": time.Sunday,
	"monday": time.Monday, "mon": time.Monday,
	"tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday,
	"wednesday": time.Wednesday, "wed": time.Wednesday,
	"thursday": time.Thursday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
	"friday": time.Friday, "fri": time.Friday,
	"saturday": time.Saturday, "sat": time.Saturday,
}

var months = map[string]time.Month{
	"january": time.January, "jan": time.January, "february": time.February, "feb": time.February,
	"march": time.March, "mar": time.March, "april": time.April, "apr": time.April, "may": time.May,
	"june": time.June, "jun": time.June, "july": time.July, "jul": time.July,
	"august": time.August, "aug": time.August, "september": time.September, "sep": time.September,
	"sept": time.September, "october": time.October, "oct": time.October,
	"november": time.November, "nov": time.November, "december": time.December, "dec": time.December,
}

// onesWords and tensWords are the numbers people write in words in an amount of time.
var onesWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19,
}

var tensWords = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

// vague are the amounts that do not say how many: refused, with a question.
var vague = map[string]bool{"few": true, "couple": true, "several": true, "some": true}

// shorthands are spellings of a word that people type in a hurry.
var shorthands = map[string]string{
	"tmrw": "tomorrow", "tmr": "tomorrow", "tmw": "tomorrow", "tmrrw": "tomorrow", "tomorow": "tomorrow",
	"tommorow": "tomorrow", "tommorrow": "tomorrow", "2morrow": "tomorrow", "2moro": "tomorrow",
	"tonite": "tonight", "2nite": "tonight", "o'clock": "oclock", "o’clock": "oclock",
}

// militaryUnits may follow a four-digit clock time: "0900 hours", "0900h".
var militaryUnits = map[string]bool{"h": true, "hrs": true, "hours": true}

func isOclock(w string) bool { return w == "oclock" }

func isWeekday(w string) bool {
	_, ok := weekdays[w]
	return ok
}

// hourAfter are the words after which a number in words is an hour: "nine am".
var hourAfter = map[string]bool{"am": true, "pm": true, "oclock": true, "in": true, "tonight": true}

// hourWord reads an hour of "half past 9" or "quarter to ten": 1 to 12, in digits or
// words; -1 if w is not one.
func hourWord(w string) int {
	if n, ok := onesWords[w]; ok && n <= 12 {
		return n
	}
	if n, ok := smallNumber(w, 1, 12); ok {
		return n
	}
	return -1
}

var units = map[string]time.Duration{
	"m": time.Minute, "min": time.Minute, "mins": time.Minute, "minute": time.Minute, "minutes": time.Minute,
	"h": time.Hour, "hr": time.Hour, "hrs": time.Hour, "hour": time.Hour, "hours": time.Hour,
	"d": 24 * time.Hour, "day": 24 * time.Hour, "days": 24 * time.Hour,
	"w": 7 * 24 * time.Hour, "week": 7 * 24 * time.Hour, "weeks": 7 * 24 * time.Hour,
}

// fillers carry no meaning of their own here ("on Friday", "the 3rd of December").
var fillers = map[string]bool{"on": true, "the": true, "of": true}

// atClock reads the clock after "at": 9, 17, 9.30 or 9:30 without am/pm.
func atClock(w string) (h, mi int, ok bool) {
	if h, ok = smallNumber(w, 0, 24); ok {
		return h, 0, true
	}
	if strings.Count(w, ".") != 1 {
		return 0, 0, false
	}
	h, mi, _, mer, ok := clockWord(strings.Replace(w, ".", ":", 1))
	return h, mi, ok && mer == ""
}

// maxAhead is the furthest "in …" may reach; no post is scheduled a century ahead.
const maxAhead = 100 * 365 * 24 * time.Hour

// hoursAndMinutes reads the rest of "1h30", "1h30m" or "1h05min" after the hours: the minutes.
func hoursAndMinutes(w string) (int, bool) {
	m, ok := strings.CutPrefix(w, "h")
	if !ok {
		return 0, false
	}
	digits := len(m) - len(strings.TrimLeft(m, "0123456789"))
	if u := m[digits:]; u != "" && units[u] != time.Minute {
		return 0, false
	}
	return smallNumber(m[:digits], 0, 59)
}

// clockWord reads "9am", "9:30", "9:30pm", "9.30am", "17:30", "17:30:00"; meridiem is
// "am", "pm" or "".
func clockWord(w string) (h, mi, sec int, meridiem string, ok bool) {
	for _, suffix := range []string{"am", "pm"} {
		if strings.HasSuffix(w, suffix) {
			meridiem = suffix
			w = strings.TrimSuffix(w, suffix)
			break
		}
	}
	hs, ms, hasMinutes := strings.Cut(w, ":")
	if !hasMinutes && meridiem != "" {
		hs, ms, hasMinutes = strings.Cut(w, ".")
	}
	if !hasMinutes && meridiem == "" {
		return 0, 0, 0, "", false
	}
	if h, ok = smallNumber(hs, 0, 23); !ok {
		return 0, 0, 0, "", false
	}
	if hasMinutes {
		ms, ss, hasSeconds := strings.Cut(ms, ":")
		if len(ms) != 2 {
			return 0, 0, 0, "", false
		}
		if mi, ok = smallNumber(ms, 0, 59); !ok {
			return 0, 0, 0, "", false
		}
		if hasSeconds {
			if sec, ok = smallNumber(ss, 0, 59); !ok || len(ss) != 2 {
				return 0, 0, 0, "", false
			}
		}
	}
	return h, mi, sec, meridiem, true
}

// military reads a four-digit clock time: 0900, 1730.
func military(w string) (h, mi int, ok bool) {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "hrs"), "h")
	if len(w) != 4 || !digitsAt(w, 0, 4) {
		return 0, 0, false
	}
	h, ok1 := smallNumber(w[:2], 0, 23)
	mi, ok2 := smallNumber(w[2:], 0, 59)
	return h, mi, ok1 && ok2
}

// ordinal reads a day of the month: "3", "03", "3rd", "21st".
func ordinal(w string) (int, bool) {
	for _, suffix := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suffix)
	}
	return smallNumber(w, 1, 31)
}

// smallNumber reads one or two digits within [lo, hi].
func smallNumber(w string, lo, hi int) (int, bool) {
	if len(w) == 0 || len(w) > 2 {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	if err != nil || n < lo || n > hi || w[0] == '+' || w[0] == '-' {
		return 0, false
	}
	return n, true
}

func year4(w string) (int, bool) {
	if len(w) != 4 {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	return n, err == nil && n >= 1970 && n <= 9999
}

// isoDate reads 2026-12-03.
func isoDate(w string) (y int, m time.Month, d int, ok bool) {
	if len(w) != 10 || w[4] != '-' || w[7] != '-' {
		return 0, 0, 0, false
	}
	y, ok = year4(w[:4])
	mo, ok2 := smallNumber(w[5:7], 1, 12)
	d, ok3 := smallNumber(w[8:10], 1, 31)
	return y, time.Month(mo), d, ok && ok2 && ok3
}

// numericDate reads a day and month written in digits, when only one order makes a date:
// 12/25 and 25/12 (25 cannot be a month), 25.12.2026, 5/5; a year, if any, has four digits.
// ok is false for 12/03, which is the 12th of March to some and December 3rd to others.
func numericDate(w string) (y int, m time.Month, d int, ok bool) {
	for _, sep := range []string{"/", "."} {
		parts := strings.Split(w, sep)
		if len(parts) != 2 && len(parts) != 3 {
			continue
		}
		if y, ok := year4(parts[0]); ok && len(parts) == 3 { // 2026/12/24: year first, then month
			mo, ok1 := smallNumber(parts[1], 1, 12)
			d, ok2 := smallNumber(parts[2], 1, 31)
			return y, time.Month(mo), d, ok1 && ok2
		}
		a, ok1 := smallNumber(parts[0], 1, 31)
		b, ok2 := smallNumber(parts[1], 1, 31)
		if !ok1 || !ok2 {
			return 0, 0, 0, false
		}
		if len(parts) == 3 {
			if y, ok = year4(parts[2]); !ok {
				return 0, 0, 0, false
			}
		}
		switch {
		case a == b || b > 12 && a <= 12:
			return y, time.Month(a), b, true
		case a > 12 && b <= 12:
			return y, time.Month(b), a, true
		}
		return 0, 0, 0, false
	}
	return 0, 0, 0, false
}

// looksNumericDate is 12/03 or 3.12: day and month in an order we cannot know.
func looksNumericDate(w string) bool {
	for _, sep := range []string{"/", "."} {
		a, b, found := strings.Cut(w, sep)
		if !found {
			continue
		}
		b, _, _ = strings.Cut(b, sep) // 12/03/2026
		if _, ok := smallNumber(a, 0, 99); ok {
			if _, ok := smallNumber(b, 0, 99); ok {
				return true
			}
		}
	}
	return false
}
