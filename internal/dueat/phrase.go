package dueat

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Examples is what every unreadable dueAt is told it may be.
const Examples = `use a time such as "tomorrow 9am", "next Friday at 17:30", "in 2 hours", "Dec 3 noon", ` +
	`"2026-12-03 09:00" (the channel's local time) or "2026-12-03T09:00:00-05:00"`

// The reader below understands the shapes people use to schedule a post, and the whole
// phrase or nothing: a word it does not know is refused, never skipped. It is our own
// rather than a library because the general-purpose parsers we tried either compiled
// regular expressions for several languages at start-up (olebedev/when: a large share of
// the start-up time, see BENCHMARKS.md) or read "Dec 3 noon" and "tonight at 8"
// wrongly (tj/go-naturaldate). It does no work until it is called.
//
//	phrase   = relative | [day] clock [zone] | clock [day] [zone] | day part
//	relative = ("in" amounts | amounts "from now") | ("in" days | days "from" (now|today|tomorrow)) day-less phrase
//	amounts  = amount unit ["and" amount unit]: 2 hours, 2.5 hours, an hour and a half, 1h30, two days
//	day      = today | tomorrow (tmrw, tmr) | [the] day after tomorrow | [this|next] weekday |
//	           month day [year] | day month [year] | [the] 1st | yyyy-mm-dd
//	clock    = 9am | 9 a.m. | 9:30 | 9.30pm | 17:30 | 17:30:00 | at 9 | at 9.30 | 8 o'clock | 0900 |
//	           noon | 12 noon | midday | this time | same time
//	           (without am/pm a 24-hour clock, but 1:00 to 6:59 is refused: 5am or 5pm?)
//	part     = [this] morning | afternoon | evening | night | tonight | in the morning | first thing
//	           ("at 8" after afternoon, evening, night or tonight is pm; "tonight at 1" is refused,
//	           and so is a clock time outside the part named: "tomorrow morning at 8pm")
//	zone     = +01:00 | UTC | GMT-8 | PST | CEST | ET | Europe/Paris | London time | (Pacific Standard Time)

// phrase is what the words said, before it is placed on a calendar.
type phrase struct {
	input string // as given, for messages

	relative time.Duration // "in 2 hours": an instant, nothing else may be given
	isRel    bool

	dayOffset   int // today 0, tomorrow 1, …
	hasOffset   bool
	saidTomorow bool // the offset is "tomorrow" (or the day after): said after midnight, a note says which day
	weekday     time.Weekday
	hasWeekday  bool
	nextWeekday bool       // "next Friday": strictly after today
	thisWeekday bool       // "this Friday" said on a Friday: today, even if that time has passed
	nextWeek    bool       // "this time next week"
	month       time.Month // 0 with a day: "the 1st", the next such day of a month
	day, year   int        // day 0: no date

	hour, minute, second int
	hasClock             bool
	sameTime             bool   // "this time tomorrow": the clock is now's
	twentyFour           bool   // "at 9", "17:30": no am/pm to add
	padded               bool   // "at 05", "05:30", "0900", "09:00:00": surely a 24-hour clock
	clockSaid            string // the clock time as written, for notes
	bareHour             int    // "9" alone: a time of day only with a part of the day
	meridiem             string // "am", "pm" or ""
	part                 string // morning, afternoon, evening, tonight
	firstThing           bool   // "first thing": the morning

	zone *zone // a timezone given with the time
}

// readNatural reads the person's words in loc against now. It refuses what it cannot
// read whole and what leaves room for doubt: a date without a time of day, 12/03.
func readNatural(input string, now time.Time, loc *time.Location) (time.Time, string, error) {
	p, err := parsePhrase(input)
	if err != nil {
		return time.Time{}, "", err
	}
	if p.isRel {
		return now.Add(p.relative), "", nil
	}
	cal := loc
	if p.zone != nil {
		cal = p.zone.calendar()
		if err := p.sameDayAs(now, cal, loc); err != nil {
			return time.Time{}, "", err
		}
	}
	local := now.In(cal)
	if p.sameTime {
		p.hour, p.minute = local.Hour(), local.Minute()
	}
	h, mi, err := p.clock()
	if err != nil {
		return time.Time{}, "", err
	}
	return p.place(h, mi, local, loc)
}

// checkNatural refuses what readNatural would refuse in every timezone and on every day:
// words it cannot read, or a time of day it cannot be sure of. What depends on the day
// (the 31st of a month without one, a weekday that does not match a date) is left to
// the reading in each channel's timezone.
func checkNatural(input string) error {
	p, err := parsePhrase(input)
	if err != nil || p.isRel || p.sameTime {
		return err
	}
	_, _, err = p.clock()
	return err
}

// parsePhrase reads the words of input into a phrase.
func parsePhrase(input string) (*phrase, error) {
	words := wordsOf(input)
	p := &phrase{input: strings.TrimSpace(input)}
	if len(words) == 0 {
		return nil, refuse("is empty; %s", Examples)
	}
	if err := p.read(words); err != nil {
		return nil, err
	}
	return p, nil
}

// sameDayAs refuses "tomorrow 9am JST" when Tokyo's today is not the channel's: whose
// tomorrow is meant is then anyone's guess. A date, or a clock time alone (the next time
// that clock shows it), leaves no doubt.
func (p *phrase) sameDayAs(now time.Time, cal, loc *time.Location) error {
	dependsOnToday := p.hasOffset || p.hasWeekday && !p.hasDate() || p.hasDate() && p.month == 0
	a, b := now.In(cal), now.In(loc)
	if !dependsOnToday || a.YearDay() == b.YearDay() && a.Year() == b.Year() {
		return nil
	}
	return refuse("%q: it is %s in %s but %s in the channel's timezone (%s), so which day is meant is unclear; "+
		"give the date, as in %q, or %s", p.input, a.Format("Monday 2 January"), p.zone.said, b.Format("Monday 2 January"),
		loc, a.AddDate(0, 0, 1).Format("Jan 2")+" 9am "+p.zone.said, Examples)
}

// wordsOf splits the person's words, in lower case, with commas and semicolons as spaces,
// "@" as "at", parentheses as words of their own, and the usual shorthands spelt out.
func wordsOf(input string) []string {
	s := strings.NewReplacer(",", " ", ";", " ", "@", " at ", "(", " ( ", ")", " ) ", "’", "'", "‘", "'").
		Replace(strings.ToLower(input))
	return cleanWords(strings.Fields(s))
}

// cleanWords drops the punctuation people end a phrase or an abbreviation with ("9am.",
// "Dec.") and writes a.m./p.m. as am/pm and tmrw as tomorrow, so that every other rule
// sees one spelling.
func cleanWords(words []string) []string {
	out := words[:0]
	for _, w := range words {
		for _, m := range []string{"a.m.", "p.m.", "a.m", "p.m"} {
			if strings.HasSuffix(w, m) {
				w = strings.TrimSuffix(w, m) + m[:1] + "m"
				break
			}
		}
		if u, ok := strings.CutSuffix(w, "'s"); ok && units[u] != 0 { // "in an hour's time"
			w = u
		} else if u, ok := strings.CutSuffix(w, "'"); ok && units[u] != 0 { // "in 2 days' time"
			w = u
		}
		if w = strings.TrimRight(w, ".!"); w != "" {
			if long, ok := shorthands[w]; ok {
				w = long
			}
			out = append(out, w)
		}
	}
	return out
}

// read fills p from the words, refusing any it does not understand.
func (p *phrase) read(words []string) error {
	if words[0] == "in" && (len(words) < 2 || words[1] != "the") {
		rest, err := p.readIn(words[1:])
		if err != nil || p.isRel {
			return err
		}
		words = rest
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		next, after := "", ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		if i+2 < len(words) {
			after = words[i+2]
		}
		switch {
		case fillers[w]:
		case w == "at" && onesWords[next] >= 1 && onesWords[next] <= 12:
			words[i+1] = strconv.Itoa(onesWords[next]) // "at nine" is "at 9"
			i--
		case w == "at":
			// "at 9" and "at 9.30" are a 24-hour clock, unless am/pm or a part of the day
			// says otherwise; after "at", 9.30 cannot be a date, and 2030 is 20:30.
			h, mi, ok := atClock(next)
			if !ok {
				h, mi, ok = military(next)
			}
			if ok {
				if err := p.setClock(h, mi, ""); err != nil {
					return err
				}
				_, _, isMilitary := military(next)
				p.twentyFour, p.padded, p.clockSaid = true, strings.HasPrefix(next, "0") || isMilitary, "at "+next
				i++
				if isOclock(after) && !isMilitary || isMilitary && militaryUnits[after] {
					i++
				}
			}
		case w == "today" || w == "tonight":
			if err := p.setOffset(0); err != nil {
				return err
			}
			if w == "tonight" {
				p.part = w // as before issue 15, whatever part was named before it
			}
		case w == "tomorrow":
			if err := p.setOffset(1); err != nil {
				return err
			}
			p.saidTomorow = true
		case w == "day" && next == "after" && after == "tomorrow":
			if err := p.setOffset(2); err != nil {
				return err
			}
			p.saidTomorow = true
			i += 2
		case (w == "this" || w == "same") && next == "time":
			if err := p.setSameTime(); err != nil {
				return err
			}
			i++
		case w == "this" && dayParts[next] != 0: // "this evening": today
			if err := p.setOffset(0); err != nil {
				return err
			}
			p.part = next // as before issue 15: "night this evening" is the evening
			i++
		case w == "next" && next == "week" && !p.nextWeek:
			// "this time next week", "Friday next week"; "next week 9am" does not say
			// which day (checked at the end of read).
			p.nextWeek = true
			i++
		case w == "coming" && isWeekday(next):
			// "coming Friday": the coming one, as "Friday"
		case (w == "this" || w == "next") && (next == "coming" || next == "upcoming"):
			words[i+1] = w // "this coming Friday" is "this Friday"
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
		case w == "in" && next == "the" && dayParts[after] != 0 && after != "tonight":
			// "tomorrow at 6 in the evening"
			if err := p.setPart(after); err != nil {
				return err
			}
			i += 2
		case w == "first" && next == "thing":
			if err := p.setPart("morning"); err != nil {
				return err
			}
			p.firstThing = true
			i++
		case dayParts[w] != 0:
			if err := p.setPart(w); err != nil {
				return err
			}
		case (w == "half" || w == "quarter") && (next == "past" || next == "to") && hourWord(strings.TrimRight(after, "apm")) >= 0:
			// "half past 9", "quarter to ten": a clock time on the same terms as "at 9:30"
			hw := strings.TrimRight(after, "apm")
			if mer := after[len(hw):]; mer != "" {
				if mer != "am" && mer != "pm" {
					return p.unreadable(after)
				}
				// "half past 5pm": pm is read as the word after the hour
				words = append(words[:i+2], append([]string{hw, mer}, words[i+3:]...)...)
				after = hw
			}
			h, mi := hourWord(hw), 30
			switch {
			case w == "quarter" && next == "past":
				mi = 15
			case w == "quarter" && h > 1:
				h, mi = h-1, 45
			case next == "to":
				return p.unreadable(w + " to " + after)
			}
			if err := p.setClock(h, mi, ""); err != nil {
				return err
			}
			p.twentyFour, p.clockSaid = true, w+" "+next+" "+hw
			i += 2
		case onesWords[w] >= 1 && onesWords[w] <= 12 && (hourAfter[next] || words[max(i-1, 0)] == "at" && i > 0) && !p.hasClock:
			// "nine am", "at nine", "nine o'clock", "nine in the morning": an hour in words
			words[i] = strconv.Itoa(onesWords[w])
			i--
		case w == "noon" || w == "midday":
			if err := p.setClock(12, 0, "pm"); err != nil {
				return err
			}
		case w == "midnight":
			return refuse("%q: midnight could be the start or the end of that day; give the date with 00:00 or 23:59, or %s", p.input, Examples)
		case w == "eod" || w == "cob" || w == "end" && next == "of" || w == "close" && next == "of":
			return refuse("%q: the end of the day could be 17:00 or 23:59; give the time, as in \"today 5pm\", or %s", p.input, Examples)
		case w == "now":
			return refuse("%q: to publish now, use mode shareNow instead of dueAt; for a later time, %s", p.input, Examples)
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
			if z, used, err := readZoneAt(words, i, p.input); err != nil {
				return err
			} else if z != nil {
				if err := p.setZone(z); err != nil {
					return err
				}
				i += used - 1
				continue
			}
			if w == "(" || w == ")" {
				continue // "tomorrow (Monday) at 9am": the words inside are read as the others
			}
			if used, ok, err := p.readAmountFrom(words, i); err != nil {
				return err
			} else if ok {
				i += used - 1
				continue
			}
			used, err := p.readNumberWord(w, words[i+1:])
			if err != nil {
				return err
			}
			i += used
		}
	}
	if p.isRel {
		return nil
	}
	if err := p.zone.complete(p.input); err != nil {
		return err
	}
	if p.bareHour != 0 {
		if p.part == "" || p.hasClock {
			return refuse("%q: is %d a time of day? Write %dam, %dpm or \"at %d\" (24-hour); %s",
				p.input, p.bareHour, p.bareHour, p.bareHour, p.bareHour, Examples)
		}
		if err := p.setClock(p.bareHour, 0, ""); err != nil {
			return err
		}
		p.twentyFour = true
	}
	if p.nextWeek {
		switch {
		case p.hasWeekday && !p.nextWeekday && !p.thisWeekday && !p.hasOffset && !p.hasDate():
			// "Friday next week": placed in the week after this one (place.go)
		case p.sameTime && !p.hasWeekday:
			if err := p.setOffset(7); err != nil {
				return err
			}
		default:
			return p.unreadable("next week")
		}
	}
	if p.sameTime && !p.hasOffset && !p.hasWeekday && !p.hasDate() {
		return refuse("%q: this time on which day? Say \"this time tomorrow\", or %s", p.input, Examples)
	}
	if !p.hasClock && p.part == "" {
		return refuse("%q has no time of day; %s", p.input, Examples)
	}
	return nil
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

func (p *phrase) hasDate() bool { return p.day != 0 }

// A phrase names one day, but may name it twice if both agree ("tomorrow, Dec 1", "Friday
// Dec 4"): place checks that they do.

func (p *phrase) setOffset(days int) error {
	if p.hasOffset {
		return p.twoDays()
	}
	p.dayOffset, p.hasOffset = days, true
	return nil
}

func (p *phrase) setWeekday(wd time.Weekday, next bool) error {
	if p.hasWeekday {
		return p.twoDays()
	}
	p.weekday, p.hasWeekday, p.nextWeekday = wd, true, next
	return nil
}

func (p *phrase) setDate(year int, m time.Month, d int) error {
	if p.hasDate() {
		return p.twoDays()
	}
	p.year, p.month, p.day = year, m, d
	return nil
}

func (p *phrase) setClock(h, mi int, meridiem string) error {
	if p.hasClock {
		return refuse("%q names two times of day; %s", p.input, Examples)
	}
	p.hour, p.minute, p.meridiem, p.hasClock = h, mi, meridiem, true
	return nil
}

func (p *phrase) setSameTime() error {
	if err := p.setClock(0, 0, ""); err != nil {
		return err
	}
	p.sameTime = true
	return nil
}

func (p *phrase) setPart(part string) error {
	if p.part != "" && p.part != part {
		return p.unreadable(part)
	}
	p.part = part
	return nil
}

func (p *phrase) setZone(z *zone) error {
	if p.zone == nil {
		p.zone = z
		return nil
	}
	return p.zone.add(z, p.input)
}

func (p *phrase) twoDays() error {
	return refuse("%q names two different days; %s", p.input, Examples)
}

func (p *phrase) unreadable(part string) error {
	return refuse("could not read all of %q (not %q); %s", p.input, part, Examples)
}

// String shows a phrase in tests' failure messages.
func (p *phrase) String() string { return fmt.Sprintf("%+v", *p) }
