package tools

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dueAtExamples is what every unreadable dueAt is told it may be.
const dueAtExamples = `use a time such as "tomorrow 9am", "next Friday at 17:30", "in 2 hours", "Dec 3 noon", ` +
	`"2026-12-03 09:00" (the channel's local time) or "2026-12-03T09:00:00-05:00"`

// The reader below understands the few shapes people use to schedule a post, and the whole
// phrase or nothing: a word it does not know is refused, never skipped. It is our own
// rather than a library because the general-purpose parsers we tried either compiled
// regular expressions for several languages at start-up (olebedev/when: about 9 ms of a
// 15 ms start-up budget, see BENCHMARKS.md) or read "Dec 3 noon" and "tonight at 8"
// wrongly (tj/go-naturaldate). It does no work until it is called.
//
//	phrase   = relative | [day] clock | clock [day] | day part
//	relative = "in" amount unit ["and" amount unit] | "in" 1h30
//	day      = today | tomorrow | [the] day after tomorrow | [this|next] weekday |
//	           month day [year] | day month [year] | [the] 1st | yyyy-mm-dd
//	clock    = 9am | 9 a.m. | 9:30 | 9.30pm | 17:30 | at 9 | at 9.30 | noon | 12 noon | midday
//	           (without am/pm a 24-hour clock, but 1:00 to 6:59 is refused: 5am or 5pm?)
//	part     = [this] morning | afternoon | evening | night | tonight ("at 8" after
//	           afternoon, evening, night or tonight is pm; "tonight at 1" is refused, and
//	           so is a clock time outside the part named: "tomorrow morning at 8pm")

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

var amounts = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "ninety": 90,
}

var units = map[string]time.Duration{
	"m": time.Minute, "min": time.Minute, "mins": time.Minute, "minute": time.Minute, "minutes": time.Minute,
	"h": time.Hour, "hr": time.Hour, "hrs": time.Hour, "hour": time.Hour, "hours": time.Hour,
	"d": 24 * time.Hour, "day": 24 * time.Hour, "days": 24 * time.Hour,
	"w": 7 * 24 * time.Hour, "week": 7 * 24 * time.Hour, "weeks": 7 * 24 * time.Hour,
}

// fillers carry no meaning of their own here ("on Friday", "the 3rd of December").
var fillers = map[string]bool{"on": true, "the": true, "of": true}

// phrase is what the words said, before it is placed on a calendar.
type phrase struct {
	input string // as given, for messages

	relative time.Duration // "in 2 hours": an instant, nothing else may be given
	isRel    bool

	dayOffset   int // today 0, tomorrow 1, …
	hasOffset   bool
	weekday     time.Weekday
	hasWeekday  bool
	nextWeekday bool       // "next Friday": strictly after today
	thisWeekday bool       // "this Friday" said on a Friday: today, even if that time has passed
	month       time.Month // 0 with a day: "the 1st", the next such day of a month
	day, year   int        // day 0: no date

	hour, minute int
	hasClock     bool
	twentyFour   bool   // "at 9", "17:30": no am/pm to add
	padded       bool   // "at 05", "05:30": a leading zero, so surely a 24-hour clock
	meridiem     string // "am", "pm" or ""
	part         string // morning, afternoon, evening, tonight
}

// readNatural reads the person's words in loc against now. It refuses what it cannot
// read whole and what leaves room for doubt: a date without a time of day, 12/03.
func readNatural(input string, now time.Time, loc *time.Location) (time.Time, string, error) {
	words := cleanWords(strings.Fields(strings.ToLower(strings.NewReplacer(",", " ", ";", " ", "@", " at ").Replace(input))))
	if len(words) == 0 {
		return time.Time{}, "", invalidArg("dueAt", "is empty; %s", dueAtExamples)
	}
	p := phrase{input: strings.TrimSpace(input)}
	if err := p.read(words); err != nil {
		return time.Time{}, "", err
	}
	if p.isRel {
		return now.Add(p.relative), "", nil
	}
	h, mi, err := p.clock()
	if err != nil {
		return time.Time{}, "", err
	}
	return p.place(h, mi, now.In(loc), loc)
}

// checkNatural refuses what readNatural would refuse in every timezone and on every day:
// words it cannot read, or a time of day it cannot be sure of. What depends on the day
// (the 31st of a month without one, a weekday that does not match a date) is left to
// the reading in each channel's timezone.
func checkNatural(input string) error {
	words := cleanWords(strings.Fields(strings.ToLower(strings.NewReplacer(",", " ", ";", " ", "@", " at ").Replace(input))))
	if len(words) == 0 {
		return invalidArg("dueAt", "is empty; %s", dueAtExamples)
	}
	p := phrase{input: strings.TrimSpace(input)}
	if err := p.read(words); err != nil || p.isRel {
		return err
	}
	_, _, err := p.clock()
	return err
}

// cleanWords drops the punctuation people end a phrase or an abbreviation with ("9am.",
// "Dec.") and writes a.m./p.m. as am/pm, so that every other rule sees one spelling.
func cleanWords(words []string) []string {
	out := words[:0]
	for _, w := range words {
		for _, m := range []string{"a.m.", "p.m.", "a.m", "p.m"} {
			if strings.HasSuffix(w, m) {
				w = strings.TrimSuffix(w, m) + m[:1] + "m"
				break
			}
		}
		if w = strings.TrimRight(w, ".!"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// read fills p from the words, refusing any it does not understand.
func (p *phrase) read(words []string) error {
	if words[0] == "in" {
		return p.readRelative(words[1:])
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch {
		case fillers[w]:
		case w == "at":
			// "at 9" and "at 9.30" are a 24-hour clock, unless am/pm or a part of the day
			// says otherwise; after "at", 9.30 cannot be a date.
			h, mi, ok := atClock(next)
			if ok {
				if err := p.setClock(h, mi, ""); err != nil {
					return err
				}
				p.twentyFour, p.padded = true, strings.HasPrefix(next, "0")
				i++
			}
		case w == "today" || w == "tonight":
			if err := p.setOffset(0); err != nil {
				return err
			}
			if w == "tonight" {
				p.part = w
			}
		case w == "tomorrow":
			if err := p.setOffset(1); err != nil {
				return err
			}
		case w == "day" && next == "after" && i+2 < len(words) && words[i+2] == "tomorrow":
			if err := p.setOffset(2); err != nil {
				return err
			}
			i += 2
		case w == "this" && dayParts[next] != 0: // "this evening": today
			if err := p.setOffset(0); err != nil {
				return err
			}
			p.part = next
			i++
		case w == "this" || w == "next":
			wd, ok := weekdays[next]
			if !ok {
				return p.unreadable(strings.TrimSpace(w + " " + next))
			}
			if err := p.setWeekday(wd, w == "next"); err != nil {
				return err
			}
			p.thisWeekday = w == "this"
			i++
		case dayParts[w] != 0:
			if p.part != "" && p.part != w {
				return p.unreadable(w)
			}
			p.part = w
		case w == "noon" || w == "midday":
			if err := p.setClock(12, 0, "pm"); err != nil {
				return err
			}
		case w == "midnight":
			return invalidArg("dueAt", "%q: midnight could be the start or the end of that day; give the date with 00:00 or 23:59, or %s", p.input, dueAtExamples)
		case w == "am" || w == "pm":
			if !p.hasClock || p.meridiem != "" || p.twentyFour && p.hour > 12 {
				return p.unreadable(w)
			}
			p.meridiem = w
			p.twentyFour = false
		default:
			if wd, ok := weekdays[w]; ok {
				if err := p.setWeekday(wd, false); err != nil {
					return err
				}
				continue
			}
			if m, ok := months[w]; ok {
				used, err := p.readMonthDate(m, words[i+1:])
				if err != nil {
					return err
				}
				i += used
				continue
			}
			used, err := p.readNumberWord(w, words[i+1:])
			if err != nil {
				return err
			}
			i += used
		}
	}
	if !p.hasClock && p.part == "" {
		return invalidArg("dueAt", "%q has no time of day; %s", p.input, dueAtExamples)
	}
	return nil
}

// atClock reads the clock after "at": 9, 17, 9.30 or 9:30 without am/pm.
func atClock(w string) (h, mi int, ok bool) {
	if h, ok = smallNumber(w, 0, 24); ok {
		return h, 0, true
	}
	if strings.Count(w, ".") != 1 {
		return 0, 0, false
	}
	h, mi, mer, ok := clockWord(strings.Replace(w, ".", ":", 1))
	return h, mi, ok && mer == ""
}

// maxAhead is the furthest "in …" may reach; no post is scheduled a century ahead.
const maxAhead = 100 * 365 * 24 * time.Hour

// readRelative reads "2 hours", "an hour and 30 minutes", "half an hour", "90 mins", "2h".
func (p *phrase) readRelative(words []string) error {
	p.isRel = true
	if len(words) == 3 && words[0] == "half" && (words[1] == "an" || words[1] == "a") && words[2] == "hour" {
		p.relative = 30 * time.Minute
		return nil
	}
	for len(words) > 0 {
		n, unit, used := amountAndUnit(words)
		if used == 0 {
			return p.unreadable(strings.Join(words, " "))
		}
		// Checked before adding: a few "9999 weeks" would overflow the sum and wrap around.
		if step := time.Duration(n) * unit; step <= maxAhead-p.relative {
			p.relative += step
		} else {
			return invalidArg("dueAt", "%q is too far ahead; %s", p.input, dueAtExamples)
		}
		words = words[used:]
		if len(words) > 1 && words[0] == "and" {
			words = words[1:]
		}
	}
	if p.relative <= 0 {
		return p.unreadable("in")
	}
	return nil
}

// amountAndUnit reads "2 hours", "a day" or "2h" at the start of words; used is 0 if not.
func amountAndUnit(words []string) (n int, unit time.Duration, used int) {
	w := words[0]
	digits := len(w) - len(strings.TrimLeft(w, "0123456789"))
	if digits > 0 && digits < len(w) { // "2h", "30min", "1h30"
		n, _ = strconv.Atoi(w[:digits])
		if u, ok := units[w[digits:]]; ok && digits <= 4 {
			return n, u, 1
		}
		if mi, ok := hoursAndMinutes(w[digits:]); ok && digits <= 4 {
			return 1, time.Duration(n)*time.Hour + time.Duration(mi)*time.Minute, 1
		}
		return 0, 0, 0
	}
	if len(words) < 2 {
		return 0, 0, 0
	}
	if v, ok := amounts[w]; ok {
		n = v
	} else if digits > 0 && digits <= 4 {
		n, _ = strconv.Atoi(w)
	} else {
		return 0, 0, 0
	}
	if u, ok := units[words[1]]; ok && len(words[1]) > 1 {
		return n, u, 2
	}
	return 0, 0, 0
}

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

// readNumberWord reads a word that starts with a digit: a clock time ("9am", "17:30"), a
// day before a month ("3 December", "3rd of Dec"), a date (2026-12-03), or an hour
// followed by am/pm ("9 am").
func (p *phrase) readNumberWord(w string, rest []string) (used int, err error) {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return 0, p.unreadable(w)
	}
	if looksNumericDate(w) {
		if _, _, ok := atClock(w); ok {
			return 0, invalidArg("dueAt", "%q is ambiguous: is %s a date or a time of day? For a time write it with a colon, "+
				"such as 9:30am or 21:30; for a date, the month's name; %s", p.input, w, dueAtExamples)
		}
		return 0, invalidArg("dueAt", "%q is ambiguous (day/month or month/day?): write the month's name, or %s", p.input, dueAtExamples)
	}
	if y, mo, d, ok := isoDate(w); ok {
		return 0, p.setDate(y, mo, d)
	}
	if h, mi, mer, ok := clockWord(w); ok {
		if err := p.setClock(h, mi, mer); err != nil {
			return 0, err
		}
		p.twentyFour = mer == "" // "17:30", "9:30": read on a 24-hour clock
		p.padded = strings.HasPrefix(w, "0")
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
		// "12 noon", "12 midnight": the next word says which 12.
		if w == "12" && len(rest) > 0 && (rest[0] == "noon" || rest[0] == "midday" || rest[0] == "midnight") {
			return 0, nil
		}
		// "the 1st", "Monday 30th": a day of the month, which is never a time of day.
		if w != strings.TrimRight(w, "stndrh") {
			return 0, p.setDate(0, 0, d)
		}
	}
	if h, ok := smallNumber(w, 0, 23); ok {
		return 0, invalidArg("dueAt", "%q: is %d a time of day? Write %dam, %dpm or \"at %d\" (24-hour); %s",
			p.input, h, h, h, h, dueAtExamples)
	}
	return 0, p.unreadable(w)
}

func (p *phrase) hasDate() bool { return p.day != 0 }

// earlyHour is a clock time from 1:00 to 6:59 with nothing to say which side of noon it is:
// "Friday at 5" is 17:00 to most people who write it, 05:00 on a 24-hour clock.
func (p *phrase) earlyHour() bool {
	return p.twentyFour && !p.padded && p.part == "" && p.hour >= 1 && p.hour <= 6
}

func (p *phrase) setOffset(days int) error {
	if p.hasOffset || p.hasDate() || p.hasWeekday {
		return p.twoDays()
	}
	p.dayOffset, p.hasOffset = days, true
	return nil
}

func (p *phrase) setWeekday(wd time.Weekday, next bool) error {
	if p.hasOffset || p.hasWeekday {
		return p.twoDays()
	}
	p.weekday, p.hasWeekday, p.nextWeekday = wd, true, next
	return nil
}

func (p *phrase) setDate(year int, m time.Month, d int) error {
	if p.hasOffset || p.hasDate() {
		return p.twoDays()
	}
	p.year, p.month, p.day = year, m, d
	return nil
}

func (p *phrase) setClock(h, mi int, meridiem string) error {
	if p.hasClock {
		return invalidArg("dueAt", "%q names two times of day; %s", p.input, dueAtExamples)
	}
	p.hour, p.minute, p.meridiem, p.hasClock = h, mi, meridiem, true
	return nil
}

func (p *phrase) twoDays() error {
	return invalidArg("dueAt", "%q names two different days; %s", p.input, dueAtExamples)
}

func (p *phrase) unreadable(part string) error {
	return invalidArg("dueAt", "could not read all of %q (not %q); %s", p.input, part, dueAtExamples)
}

// clock is the time of day the phrase names, on a 24-hour clock, or why it cannot say.
func (p *phrase) clock() (h, mi int, err error) {
	h, mi = p.hourOfDay()
	switch {
	case h == -2:
		return 0, 0, invalidArg("dueAt", "%q: which %d o'clock, after midnight or in the afternoon? Write %dam or %dpm with the day; %s",
			p.input, p.hour, p.hour, p.hour, dueAtExamples)
	case h < 0:
		return 0, 0, invalidArg("dueAt", "%q is not a valid time of day; %s", p.input, dueAtExamples)
	case p.earlyHour():
		return 0, 0, invalidArg("dueAt", "%q: is that %d:%02dam or %d:%02dpm? Write %d:%02dam, %d:%02dpm or %02d:%02d (24-hour); %s",
			p.input, h, mi, h, mi, h, mi, h, mi, h+12, mi, dueAtExamples)
	case p.hasClock && !partFits(p.part, h):
		return 0, 0, p.partMismatch(h, mi)
	}
	return h, mi, nil
}

// place puts the phrase, at h:mi, on the calendar of loc, where today is now's date.
func (p *phrase) place(h, mi int, now time.Time, loc *time.Location) (time.Time, string, error) {
	y, mo, d := now.Date()
	today := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC) // a calendar day, free of DST
	day := today
	note := ""
	switch {
	case p.hasDate() && p.month == 0:
		var err error
		if day, err = p.dayOfMonth(today); err != nil {
			return time.Time{}, "", err
		}
	case p.hasDate():
		year := p.year
		if year == 0 {
			year = y
			if time.Date(year, p.month, p.day, 0, 0, 0, 0, time.UTC).Before(today) {
				year++ // "Jan 5" in November is next January
			}
		}
		day = time.Date(year, p.month, p.day, 0, 0, 0, 0, time.UTC)
		if day.Day() != p.day || p.day > 31 {
			return time.Time{}, "", invalidArg("dueAt", "%q is not a valid date; %s", p.input, dueAtExamples)
		}
		if p.hasWeekday && day.Weekday() != p.weekday {
			return time.Time{}, "", invalidArg("dueAt", "%q: %s is a %s, not a %s; %s", p.input,
				day.Format("Jan 2 2006"), day.Weekday(), p.weekday, dueAtExamples)
		}
	case p.hasOffset:
		day = today.AddDate(0, 0, p.dayOffset)
	case p.hasWeekday:
		ahead := (int(p.weekday) - int(today.Weekday()) + 7) % 7
		if ahead == 0 && (p.nextWeekday || !p.thisWeekday && !laterToday(now, h, mi)) {
			ahead = 7
		}
		day = today.AddDate(0, 0, ahead)
		if p.nextWeekday {
			// People mean either the coming one or the one a week later; say which was read.
			note = fmt.Sprintf("Read \"next %s\" as %s, the first after today; for a later one, give the date.",
				p.weekday, day.Format("Monday 2 January"))
		}
	default:
		// A time of day alone is the next time the clock shows it.
		if !laterToday(now, h, mi) {
			day = today.AddDate(0, 0, 1)
			note = fmt.Sprintf("%02d:%02d has passed today in %s; read as tomorrow.", h, mi, loc)
		}
	}
	t, dstNote, err := wallTime(day.Year(), int(day.Month()), day.Day(), h, mi, 0, loc, p.input)
	if dstNote != "" {
		note = strings.TrimSpace(note + " " + dstNote)
	}
	return t, note, err
}

// dayOfMonth places "the 1st": this month's if that day is not yet over, else next month's.
// A month without that day ("the 31st" in November) is refused, not moved.
func (p *phrase) dayOfMonth(today time.Time) (time.Time, error) {
	first := today.AddDate(0, 0, 1-today.Day())
	if p.day < today.Day() {
		first = first.AddDate(0, 1, 0)
	}
	day := first.AddDate(0, 0, p.day-1)
	if day.Month() != first.Month() {
		return time.Time{}, invalidArg("dueAt", "%q: %s has no day %d; name the month, or %s", p.input, first.Format("January 2006"), p.day, dueAtExamples)
	}
	if p.hasWeekday && day.Weekday() != p.weekday {
		return time.Time{}, invalidArg("dueAt", "%q: %s is a %s, not a %s; %s", p.input,
			day.Format("Jan 2 2006"), day.Weekday(), p.weekday, dueAtExamples)
	}
	return day, nil
}

// partMismatch refuses a clock time outside the part of the day named with it.
func (p *phrase) partMismatch(h, mi int) error {
	where := "in the " + p.part
	if p.part == "tonight" {
		where = "tonight"
	}
	hint := ""
	if h < 5 && p.part != "morning" {
		hint = " (after midnight it is the next day: name that day, as in \"tomorrow 1am\")"
	}
	return invalidArg("dueAt", "%q: %02d:%02d is not %s%s; %s", p.input, h, mi, where, hint, dueAtExamples)
}

// partFits is whether an hour (0–23) lies in the part of the day named with it, so that
// "tomorrow morning at 8pm" or "tonight at 1am" is refused rather than half read.
func partFits(part string, h int) bool {
	switch part {
	case "morning":
		return h < 12
	case "afternoon":
		return h >= 12 && h < 19
	case "evening", "night", "tonight":
		return h >= 15
	}
	return true
}

// hourOfDay is the clock time the phrase names on a 24-hour clock: -1 if impossible, -2 if
// the hour could be either side of midnight ("tonight at 1").
func (p *phrase) hourOfDay() (h, mi int) {
	if !p.hasClock {
		return dayParts[p.part], 0
	}
	h, mi = p.hour, p.minute
	switch {
	case p.meridiem != "":
		if h < 1 || h > 12 {
			return -1, 0
		}
		h %= 12
		if p.meridiem == "pm" {
			h += 12
		}
	case p.part == "afternoon" && h >= 1 && h < 12:
		h += 12 // "tomorrow afternoon at 3"
	case p.part != "" && p.part != "morning" && p.part != "afternoon" && h <= 12:
		if h < 5 || h == 12 {
			return -2, 0 // "tonight at 1": 01:00 after midnight, or 13:00?
		}
		h += 12 // "tonight at 8", "Friday evening at 7:30"
	}
	if h > 23 || mi > 59 {
		return -1, 0
	}
	return h, mi
}

func laterToday(now time.Time, h, mi int) bool {
	return h*60+mi > now.Hour()*60+now.Minute()
}

// clockWord reads "9am", "9:30", "9:30pm", "9.30am", "17:30"; meridiem is "am", "pm" or "".
func clockWord(w string) (h, mi int, meridiem string, ok bool) {
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
		return 0, 0, "", false
	}
	if h, ok = smallNumber(hs, 0, 23); !ok {
		return 0, 0, "", false
	}
	if hasMinutes {
		if len(ms) != 2 {
			return 0, 0, "", false
		}
		if mi, ok = smallNumber(ms, 0, 59); !ok {
			return 0, 0, "", false
		}
	}
	return h, mi, meridiem, true
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
