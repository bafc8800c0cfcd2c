// Placing a phrase the time reader has read (phrase.go) on a calendar: the time of
// day it names, and the day, in the channel's timezone against the current time.

package dueat

import (
	"fmt"
	"strings"
	"time"
)

// earlyHour is a clock time from 1:00 to 6:59 with nothing to say which side of noon it is:
// "Friday at 5" is 17:00 to most people who write it, 05:00 on a 24-hour clock.
func (p *phrase) earlyHour() bool {
	return p.twentyFour && !p.padded && p.part == "" && p.hour >= 1 && p.hour <= 6
}

// clock is the time of day the phrase names, on a 24-hour clock, or why it cannot say.
func (p *phrase) clock() (h, mi int, err error) {
	h, mi = p.hourOfDay()
	switch {
	case h == -2:
		return 0, 0, refuse("%q: which %d o'clock, after midnight or in the afternoon? Write %dam or %dpm with the day; %s",
			p.input, p.hour, p.hour, p.hour, Examples)
	case h < 0:
		return 0, 0, refuse("%q is not a valid time of day; %s", p.input, Examples)
	case p.earlyHour():
		return 0, 0, refuse("%q: is that %d:%02dam or %d:%02dpm? Write %d:%02dam, %d:%02dpm or %02d:%02d (24-hour); %s",
			p.input, h, mi, h, mi, h, mi, h, mi, h+12, mi, Examples)
	case p.hasClock && !partFits(p.part, h):
		return 0, 0, p.partMismatch(h, mi)
	}
	return h, mi, nil
}

// place puts the phrase, at h:mi, on the calendar where now is (the zone given with the
// time, or the channel's loc); loc is the channel's timezone.
func (p *phrase) place(h, mi int, now time.Time, loc *time.Location) (time.Time, string, error) {
	y, mo, d := now.Date()
	today := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC) // a calendar day, free of DST
	day := today
	var notes []string
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
			return time.Time{}, "", refuse("%q is not a valid date; %s", p.input, Examples)
		}
		if p.hasWeekday && day.Weekday() != p.weekday {
			return time.Time{}, "", refuse("%q: %s is a %s, not a %s; %s", p.input,
				day.Format("Jan 2 2006"), day.Weekday(), p.weekday, Examples)
		}
	case p.hasWeekday && p.nextWeek:
		// "Friday next week": weeks start on Monday for some and on Sunday for others,
		// which agree on which week is next unless today or the day named is a Sunday.
		if today.Weekday() == time.Sunday || p.weekday == time.Sunday {
			return time.Time{}, "", refuse("%q: which week is next depends on whether weeks start on Sunday or Monday; "+
				"give the date, or %s", p.input, Examples)
		}
		monday := today.AddDate(0, 0, 7-(int(today.Weekday())+6)%7)
		day = monday.AddDate(0, 0, (int(p.weekday)+6)%7)
		notes = append(notes, fmt.Sprintf("Read \"%s next week\" as %s.", p.weekday, day.Format("Monday 2 January")))
	case p.hasOffset:
		day = today.AddDate(0, 0, p.dayOffset)
		// The person's clock is taken to be the channel's: with a zone given, the day is
		// the same in both (sameDayAs), but not the hour.
		if said := now.In(loc); p.saidTomorow && said.Hour() < 5 {
			// At 01:50 many people mean the day after the night, which is already today's
			// date. The calendar's tomorrow is read, as before midnight, and the note shows
			// the other day so that the person can say which.
			word, other := "tomorrow", "today"
			if p.dayOffset == 2 {
				word, other = "the day after tomorrow", "tomorrow"
			}
			notes = append(notes, fmt.Sprintf("It is %s in %s, after midnight: %q was read as %s, counting from today, %s. "+
				"If you meant %s (after the night), say %q.", said.Format("15:04"), loc, word,
				day.Format("Monday 2 January"), today.Format("Monday 2 January"),
				day.AddDate(0, 0, -1).Format("Monday 2 January"), other))
		}
	case p.hasWeekday:
		ahead := (int(p.weekday) - int(today.Weekday()) + 7) % 7
		if ahead == 0 && (p.nextWeekday || !p.thisWeekday && !laterToday(now, h, mi)) {
			ahead = 7
		}
		day = today.AddDate(0, 0, ahead)
		if p.nextWeekday {
			// People mean either the coming one or the one a week later; say which was read.
			notes = append(notes, fmt.Sprintf("Read \"next %s\" as %s, the first after today; for a later one, give the date.",
				p.weekday, day.Format("Monday 2 January")))
		}
	default:
		// A time of day alone is the next time the clock shows it.
		if !laterToday(now, h, mi) {
			day = today.AddDate(0, 0, 1)
			notes = append(notes, fmt.Sprintf("%02d:%02d has passed today in %s; read as tomorrow.", h, mi, p.calendarName(loc)))
		}
	}
	if p.hasOffset && (p.hasDate() || p.hasWeekday) {
		if said := today.AddDate(0, 0, p.dayOffset); !said.Equal(day) || p.hasWeekday && said.Weekday() != p.weekday {
			return time.Time{}, "", refuse("%q names two different days (%s and %s); %s", p.input,
				said.Format("Monday 2 January"), p.otherDay(day), Examples)
		}
	}
	notes = append(notes, p.assumed(h, mi, loc))
	t, placed, err := placeWall(day.Year(), int(day.Month()), day.Day(), h, mi, p.second, 0, p.zone, loc, p.input)
	return t, joinNotes(append(notes, placed)...), err
}

// otherDay is the day a phrase names besides its "today" or "tomorrow", for messages.
func (p *phrase) otherDay(day time.Time) string {
	if p.hasDate() {
		return day.Format("Monday 2 January")
	}
	return p.weekday.String()
}

// assumed is the note for a time of day the reader chose: a part of the day ("morning"
// is 09:00), a clock time without am/pm from 7 to 12 (on a 24-hour clock: 07:00, not
// 19:00), or "this time".
func (p *phrase) assumed(h, mi int, loc *time.Location) string {
	switch {
	case p.sameTime:
		return fmt.Sprintf("Read \"this time\" as %02d:%02d, the time now in %s.", h, mi, p.calendarName(loc))
	case !p.hasClock && p.firstThing:
		return fmt.Sprintf("Read \"first thing\" as %02d:00; give a time to change it.", h)
	case !p.hasClock:
		return fmt.Sprintf("Read %q as %02d:00; give a time to change it.", p.part, h)
	case p.twentyFour && !p.padded && p.meridiem == "" && p.part == "" && p.hour >= 7 && p.hour <= 12:
		evening := fmt.Sprintf("%dpm", p.hour)
		if p.minute != 0 {
			evening = fmt.Sprintf("%d:%02dpm", p.hour, p.minute)
		}
		if p.hour == 12 {
			return fmt.Sprintf("Read %q as %02d:%02d, after noon, on a 24-hour clock; for after midnight, write 12:%02dam.", p.clockSaid, h, mi, mi)
		}
		return fmt.Sprintf("Read %q as %02d:%02d, on a 24-hour clock; for the evening, write %s.", p.clockSaid, h, mi, evening)
	}
	return ""
}

// calendarName is the timezone the phrase's days are counted in, for notes.
func (p *phrase) calendarName(loc *time.Location) string {
	if p.zone != nil {
		if p.zone.locSaid != "" {
			return p.zone.locSaid
		}
		return strings.ToUpper(p.zone.said)
	}
	return loc.String()
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
		return time.Time{}, refuse("%q: %s has no day %d; name the month, or %s", p.input, first.Format("January 2006"), p.day, Examples)
	}
	if p.hasWeekday && day.Weekday() != p.weekday {
		return time.Time{}, refuse("%q: %s is a %s, not a %s; %s", p.input,
			day.Format("Jan 2 2006"), day.Weekday(), p.weekday, Examples)
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
	return refuse("%q: %02d:%02d is not %s%s; %s", p.input, h, mi, where, hint, Examples)
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
