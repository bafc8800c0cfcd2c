package dueat

import (
	"strings"
	"time"
)

// Examples is what every unreadable dueAt is told it may be.
const Examples = `use a time such as "tomorrow 9am", "next Friday at 17:30", "in 2 hours", "Dec 3 noon", ` +
	`"2026-12-03 09:00" (the channel's local time) or "2026-12-03T09:00:00-05:00"`

// The reader below understands the few shapes people use to schedule a post, and the whole
// phrase or nothing: a word it does not know is refused, never skipped. It is our own
// rather than a library because the general-purpose parsers we tried either compiled
// regular expressions for several languages at start-up (olebedev/when: a large share of
// the start-up time, see BENCHMARKS.md) or read "Dec 3 noon" and "tonight at 8"
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
	words := wordsOf(input)
	if len(words) == 0 {
		return time.Time{}, "", refuse("is empty; %s", Examples)
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
	words := wordsOf(input)
	if len(words) == 0 {
		return refuse("is empty; %s", Examples)
	}
	p := phrase{input: strings.TrimSpace(input)}
	if err := p.read(words); err != nil || p.isRel {
		return err
	}
	_, _, err := p.clock()
	return err
}

// wordsOf splits the person's words, in lower case, with commas and semicolons as spaces and
// "@" as "at".
func wordsOf(input string) []string {
	return cleanWords(strings.Fields(strings.ToLower(strings.NewReplacer(",", " ", ";", " ", "@", " at ").Replace(input))))
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
			return refuse("%q: midnight could be the start or the end of that day; give the date with 00:00 or 23:59, or %s", p.input, Examples)
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
		return refuse("%q has no time of day; %s", p.input, Examples)
	}
	return nil
}

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
			return refuse("%q is too far ahead; %s", p.input, Examples)
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
			return 0, refuse("%q is ambiguous: is %s a date or a time of day? For a time write it with a colon, "+
				"such as 9:30am or 21:30; for a date, the month's name; %s", p.input, w, Examples)
		}
		return 0, refuse("%q is ambiguous (day/month or month/day?): write the month's name, or %s", p.input, Examples)
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
		return 0, refuse("%q: is %d a time of day? Write %dam, %dpm or \"at %d\" (24-hour); %s",
			p.input, h, h, h, h, Examples)
	}
	return 0, p.unreadable(w)
}

func (p *phrase) hasDate() bool { return p.day != 0 }

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
		return refuse("%q names two times of day; %s", p.input, Examples)
	}
	p.hour, p.minute, p.meridiem, p.hasClock = h, mi, meridiem, true
	return nil
}

func (p *phrase) twoDays() error {
	return refuse("%q names two different days; %s", p.input, Examples)
}

func (p *phrase) unreadable(part string) error {
	return refuse("could not read all of %q (not %q); %s", p.input, part, Examples)
}
