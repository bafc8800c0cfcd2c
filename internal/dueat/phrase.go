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
//	phrase   = relative | [day] clock [zone] | clock [day] [zone] | day part [zone]
//	relative = "in" amounts | amounts "from now"      an instant: now plus the amounts
//	         | ("in" days | days "from" (now|today|tomorrow)) day-less phrase
//	amounts  = amount unit [["and"] amount unit]: 2 hours, 2.5 hours, an hour and a half, 1h30,
//	           twenty minutes, a quarter of an hour
//	day      = today | tomorrow (tmrw, tmr) | [the] day after tomorrow | [this|next|coming] weekday |
//	           weekday next week | month day [year] | day month [year] | [the] 1st | yyyy-mm-dd |
//	           12/25, 25.12.2026 (only when one order makes a date); a day said twice must agree
//	clock    = 9am | 9 a.m. | 9:30 | 9.30pm | 17:30 | 17:30:00 | at 9 | at 9.30 | at nine | 8 o'clock |
//	           0900 | half past 9 | quarter to ten | noon | 12 noon | midday | this time | same time
//	           (without am/pm a 24-hour clock, but 1:00 to 6:59 is refused: 5am or 5pm?)
//	part     = [this] morning | afternoon | evening | night | tonight | in the morning | first thing
//	           ("at 8" after afternoon, evening, night or tonight is pm; "tonight at 1" is refused,
//	           and so is a clock time outside the part named: "tomorrow morning at 8pm")
//	zone     = +01:00 | UTC | GMT-8 | UTC +8 | PST | CEST | CET/CEST | ET | Europe/Paris |
//	           [in] London [time] | (Pacific Standard Time)      (zone.go)

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
		case w == "local" && next == "time":
			i++ // "9am local time": the channel's, as without it
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
