package dueat

import (
	"fmt"
	"strconv"
	"time"
)

// wallTime is the instant at which a wall clock in loc shows the given time, with a defined
// answer on daylight-saving days: a time that occurs twice (clocks go back) is read as the
// first; a time that does not exist (clocks go forward) is moved forward by the gap, as a
// clock would show it. note says which, so the person sees it.
func wallTime(y, mo, d, h, mi, sec int, loc *time.Location, input string) (time.Time, string, error) {
	if err := validWall(y, mo, d, h, mi, sec, input); err != nil {
		return time.Time{}, "", err
	}
	naive := time.Date(y, time.Month(mo), d, h, mi, sec, 0, time.UTC)
	// The offsets in force around that day: before and after any transition.
	_, before := naive.Add(-24 * time.Hour).In(loc).Zone()
	_, after := naive.Add(24 * time.Hour).In(loc).Zone()
	var found []time.Time
	for _, off := range []int{before, after} {
		t := naive.Add(-time.Duration(off) * time.Second)
		if sameWall(t.In(loc), naive) && (len(found) == 0 || !found[0].Equal(t)) {
			found = append(found, t)
		}
	}
	var t time.Time
	note := ""
	switch {
	case len(found) == 2:
		t = found[0]
		if found[1].Before(t) {
			t = found[1]
		}
		note = fmt.Sprintf("%s occurs twice in %s (clocks go back); read as the first, %s. Give an offset for the second.",
			naive.Format("2006-01-02 15:04"), loc, t.In(loc).Format("15:04 MST (-07:00)"))
	case len(found) == 1:
		t = found[0]
	default:
		t = naive.Add(-time.Duration(before) * time.Second)
		note = fmt.Sprintf("%s does not exist in %s (clocks go forward); read as %s.",
			naive.Format("2006-01-02 15:04"), loc, t.In(loc).Format("15:04 MST (-07:00)"))
	}
	if err := inRange(t, input); err != nil {
		return time.Time{}, "", err
	}
	return t, note, nil
}

// validWall refuses a date or a time of day that does not exist on any calendar.
func validWall(y, mo, d, h, mi, sec int, input string) error {
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 {
		return refuse("%q is not a valid date and time; %s", input, Examples)
	}
	if time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC).Day() != d {
		return refuse("%q is not a valid date; %s", input, Examples)
	}
	return nil
}

// inRange refuses an instant that could not be sent to Buffer as RFC 3339.
func inRange(t time.Time, input string) error {
	if yr := t.UTC().Year(); yr < 1970 || yr > 9999 {
		return refuse("%q is out of range (1970 to 9999); %s", input, Examples)
	}
	return nil
}

func sameWall(t, naive time.Time) bool {
	return t.Year() == naive.Year() && t.Month() == naive.Month() && t.Day() == naive.Day() &&
		t.Hour() == naive.Hour() && t.Minute() == naive.Minute() && t.Second() == naive.Second()
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
