// Amounts of time: "in 2 hours", "in an hour and a half", "2.5 hours from now", "in 3
// days at 9am", "a week from today at 10am".

package dueat

import (
	"strconv"
	"strings"
	"time"
)

// amounts is a sum of amounts of time, as read: "2 hours and 30 minutes".
type amounts struct {
	total   time.Duration
	days    int  // the same in calendar days, when allDays
	allDays bool // only days and weeks, in whole days: "in 3 days at 9am" is a day, then a time
	used    int  // words read
}

// readIn reads what follows a leading "in": amounts alone are an instant ("in 2 hours");
// whole days followed by more words are a day ("in 3 days at 9am"), and rest is the more.
func (p *phrase) readIn(words []string) (rest []string, err error) {
	a, err := p.readAmounts(words)
	if err != nil {
		return nil, err
	}
	if a.used > 0 && a.used < len(words) && words[a.used] == "time" {
		words = append(words[:a.used:a.used], words[a.used+1:]...) // "in 2 hours' time"
	}
	if a.used == 0 {
		if len(words) == 0 {
			return nil, p.unreadable("in")
		}
		return nil, p.unreadable("in " + words[0])
	}
	if a.used == len(words) {
		p.relative, p.isRel = a.total, true
		return nil, nil
	}
	if !a.allDays {
		return nil, p.unreadable(strings.Join(words[a.used:], " "))
	}
	return words[a.used:], p.setOffset(a.days)
}

// readAmountFrom reads "2 hours from now", "a week from today", "3 days from tomorrow" at
// words[i:]; ok is false if the words there are not that. From now, amounts alone are an
// instant; whole days followed by a time of day are a day, as from today and tomorrow.
func (p *phrase) readAmountFrom(words []string, i int) (used int, ok bool, err error) {
	if !startsAmount(words[i]) {
		return 0, false, nil
	}
	a, err := p.readAmounts(words[i:])
	if err != nil || a.used == 0 || i+a.used+1 >= len(words) || words[i+a.used] != "from" {
		return 0, false, err
	}
	anchor := words[i+a.used+1]
	used = a.used + 2
	switch anchor {
	case "now":
		if i == 0 && used == len(words) {
			p.relative, p.isRel = a.total, true
			return used, true, nil
		}
		if !a.allDays {
			return 0, false, p.unreadable(strings.Join(words[i:i+used], " "))
		}
		return used, true, p.setOffset(a.days)
	case "today", "tomorrow", "tonight":
		if !a.allDays {
			return 0, false, refuse("%q: %s from %s is not a whole number of days; write the day and the time, or %s",
				p.input, strings.Join(words[i:i+a.used], " "), anchor, Examples)
		}
		days := a.days
		if anchor == "tomorrow" {
			days++
			p.saidTomorow = true
		}
		if err := p.setOffset(days); err != nil {
			return 0, false, err
		}
		if anchor == "tonight" {
			return used, true, p.setPart("tonight")
		}
		return used, true, nil
	}
	return 0, false, nil
}

// readAmounts reads amounts of time at the start of words, as many as there are.
func (p *phrase) readAmounts(words []string) (amounts, error) {
	a := amounts{allDays: true}
	for a.used < len(words) {
		rest := words[a.used:]
		if a.used > 0 && rest[0] == "and" && len(rest) > 1 {
			rest = rest[1:] // "2 hours and 30 minutes"; "2 hours 30 minutes" too
		}
		step, unit, n, err := p.amountAndUnit(rest)
		if err != nil {
			return a, err
		}
		if n == 0 {
			break
		}
		// Checked before adding: a few "9999 weeks" would overflow the sum and wrap around.
		if step > maxAhead-a.total {
			return a, refuse("%q is too far ahead; %s", p.input, Examples)
		}
		a.total += step
		if unit < 24*time.Hour || step%(24*time.Hour) != 0 {
			a.allDays = false
		} else {
			a.days += int(step / (24 * time.Hour))
		}
		a.used = len(words) - len(rest) + n
	}
	if a.used > 0 && a.total <= 0 {
		return a, p.unreadable(strings.Join(words[:a.used], " "))
	}
	if a.used == 0 {
		a.allDays = false
	}
	return a, nil
}

// amountAndUnit reads one amount and its unit at the start of words: "2 hours", "2.5
// hours", "an hour and a half", "two and a half days", "half an hour", "a quarter of an
// hour", "twenty-five minutes", "2h", "1h30"; used is 0 if the words are not one.
func (p *phrase) amountAndUnit(words []string) (step, unit time.Duration, used int, err error) {
	w := words[0]
	if vague[w] || (w == "a" || w == "an") && len(words) > 1 && vague[words[1]] {
		return 0, 0, 0, refuse("%q: how many? Give a number, as in \"in 2 hours\", or %s", p.input, Examples)
	}
	// "2h", "30min", "2.5h", "1h30"
	if digits := len(w) - len(strings.TrimLeft(w, "0123456789.")); digits > 0 && digits < len(w) {
		if u, ok := units[w[digits:]]; ok {
			num, den, ok := decimal(w[:digits])
			if !ok {
				return 0, 0, 0, nil
			}
			return scaled(u, num, den), u, 1, nil
		}
		if mi, ok := hoursAndMinutes(w[digits:]); ok && !strings.Contains(w[:digits], ".") {
			h, _ := strconv.Atoi(w[:digits])
			if len(w[:digits]) > 4 {
				return 0, 0, 0, nil
			}
			return time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute, time.Hour, 1, nil
		}
		return 0, 0, 0, nil
	}
	num, den, i := amountWords(words)
	if i == 0 || i >= len(words) {
		return 0, 0, 0, nil
	}
	u, ok := units[words[i]]
	if !ok || len(words[i]) < 2 {
		return 0, 0, 0, nil
	}
	i++
	// "an hour and a half": half the unit more
	if i+2 < len(words) && words[i] == "and" && (words[i+1] == "a" || words[i+1] == "an") && words[i+2] == "half" {
		num, den, i = 2*num+den, 2*den, i+3
	}
	return scaled(u, num, den), u, i, nil
}

// amountWords reads an amount at the start of words, as the fraction num/den: "2", "2.5",
// "two", "twenty five", "twenty-five", "a", "two and a half", "half a", "a quarter of
// an", "three quarters of an". used is 0 if there is none.
func amountWords(words []string) (num, den int64, used int) {
	at := func(i int) string {
		if i < len(words) {
			return words[i]
		}
		return ""
	}
	article := func(i int) int { // skips "a" or "an"
		if at(i) == "a" || at(i) == "an" {
			return i + 1
		}
		return i
	}
	switch w := at(0); {
	case w == "half": // "half an hour"
		return 1, 2, article(1)
	case w == "quarter" || (w == "a" && at(1) == "quarter"): // "a quarter of an hour"
		i := 1
		if w == "a" {
			i = 2
		}
		if at(i) == "of" {
			i++
		}
		return 1, 4, article(i)
	case (w == "a" || w == "an") && at(1) == "half": // "a half hour"
		return 1, 2, 2
	}
	n, i := numberWords(words)
	if i == 0 {
		if num, den, ok := decimal(at(0)); ok {
			n, i = num, 1
			if den != 1 {
				return num, den, 1
			}
		} else if at(0) == "a" || at(0) == "an" {
			n, i = 1, 1
		} else {
			return 0, 0, 0
		}
	}
	// "three quarters of an hour"
	if at(i) == "quarters" {
		j := i + 1
		if at(j) == "of" {
			j++
		}
		return n, 4, article(j)
	}
	// "two and a half hours"
	if at(i) == "and" && at(i+1) == "a" && at(i+2) == "half" && units[at(i+3)] != 0 {
		return 2*n + 1, 2, i + 3
	}
	return n, 1, i
}

// numberWords reads a number written in words, from one to ninety-nine: "two", "twenty
// five", "twenty-five".
func numberWords(words []string) (int64, int) {
	if len(words) == 0 {
		return 0, 0
	}
	w := words[0]
	if tens, ones, ok := strings.Cut(w, "-"); ok {
		t, ok1 := tensWords[tens]
		o, ok2 := onesWords[ones]
		if ok1 && ok2 && o < 10 {
			return int64(t + o), 1
		}
		return 0, 0
	}
	if t, ok := tensWords[w]; ok {
		if len(words) > 1 {
			if o, ok := onesWords[words[1]]; ok && o < 10 {
				return int64(t + o), 2
			}
		}
		return int64(t), 1
	}
	if o, ok := onesWords[w]; ok {
		return int64(o), 1
	}
	return 0, 0
}

// decimal reads "2", "2.5" or ".5" as num/den: up to four digits, and three after the point.
func decimal(w string) (num, den int64, ok bool) {
	ints, frac, hasPoint := strings.Cut(w, ".")
	if len(ints) > 4 || len(frac) > 3 || hasPoint && frac == "" || ints == "" && frac == "" {
		return 0, 0, false
	}
	den = 1
	for range frac {
		den *= 10
	}
	for _, c := range ints + frac {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		num = num*10 + int64(c-'0')
	}
	return num, den, true
}

// scaled is unit × num/den. num/den is at most 9999.999 and den at most 1000, and unit at
// most a week: the products fit in a Duration.
func scaled(unit time.Duration, num, den int64) time.Duration {
	return unit*time.Duration(num/den) + unit*time.Duration(num%den)/time.Duration(den)
}

// startsAmount is whether w may begin an amount of time.
func startsAmount(w string) bool {
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' || w[0] == '.' {
		return true
	}
	switch w {
	case "a", "an", "half", "quarter":
		return true
	}
	n, _ := numberWords([]string{w})
	return n > 0
}
