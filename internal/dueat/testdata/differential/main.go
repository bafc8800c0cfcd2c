// Command differential reads the same values with the reader at an older commit and with
// the reader now, at several clocks and in several timezones, and reports every value the
// older one read that this one reads as another instant or refuses: issue 15 allows none.
// Run by ../differential.sh, which builds it against both readers; the values are the
// corpus's and phrases generated from the words both readers know (plus a few the old one
// did not), and dates and times around daylight-saving changes.
package main

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"time"

	"differential/now"
	"differential/old"
)

func main() {
	values := generated()
	if f, err := os.Open(os.Args[1]); err == nil { // the corpus
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if in, _, ok := strings.Cut(sc.Text(), " => "); ok {
				values[in] = true
			}
		}
		f.Close()
	}
	clocks := []time.Time{
		time.Date(2026, 11, 29, 11, 30, 0, 0, time.UTC), time.Date(2026, 7, 15, 15, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 5, 4, 30, 0, 0, time.UTC), time.Date(2027, 3, 13, 15, 0, 0, 0, time.UTC),
		time.Date(2026, 10, 31, 15, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 3, 0, 0, 0, time.UTC),
		time.Date(2026, 11, 29, 6, 50, 0, 0, time.UTC),
	}
	zones := []string{"UTC", "America/New_York", "America/Los_Angeles", "Europe/London", "Asia/Tokyo", "Asia/Kathmandu",
		"Australia/Sydney", "Pacific/Auckland", "Pacific/Kiritimati"}
	var sorted []string
	for v := range values {
		sorted = append(sorted, v)
	}
	sort.Strings(sorted)
	cases, oldRead, changed := 0, 0, 0
	for _, in := range sorted {
		for _, clock := range clocks {
			for _, z := range zones {
				cases++
				o, oerr := old.Read(in, clock, old.Location(z))
				if oerr != nil {
					continue
				}
				oldRead++
				n, nerr := now.Read(in, clock, now.Location(z))
				if nerr != nil || !n.Time.Equal(o.Time) {
					changed++
					fmt.Printf("CHANGED %q in %s at %s: was %s, now %v %v\n", in, z, clock.Format(time.RFC3339),
						o.Time.UTC().Format(time.RFC3339), n.Time.UTC().Format(time.RFC3339), nerr)
				}
				if o.Note != "" && !strings.Contains(n.Note, o.Note) {
					fmt.Printf("NOTE LOST %q in %s at %s: was %q, now %q\n", in, z, clock.Format(time.RFC3339), o.Note, n.Note)
				}
			}
		}
	}
	fmt.Printf("%d values, %d cases (values x clocks x zones), %d read by the older reader, %d of them read differently or refused now\n",
		len(sorted), cases, oldRead, changed)
	if changed > 0 {
		os.Exit(1)
	}
}

// generated are phrases made of the words both readers know, in every order that matters,
// and random runs of them; and ISO dates and times around daylight-saving changes.
func generated() map[string]bool {
	days := []string{"today", "tomorrow", "tonight", "monday", "fri", "friday", "next friday", "this friday", "next sunday",
		"this sunday", "sunday", "the 1st", "the 30th", "the 29th", "dec 3", "3 december", "december 3rd", "2026-12-03",
		"jan 5", "feb 29", "dec 3 2026", "the day after tomorrow", "on friday", "on the 2nd", "mon", "sat"}
	clocks := []string{"9", "9am", "9 am", "9:30", "9.30", "09:00", "17:30", "at 9", "at 17", "at 9.30", "noon", "12 noon",
		"midday", "5pm", "12am", "12pm", "0900", "1730", "12:00", "at 5", "at 05", "5:30", "at 7", "7", "at 12", "at 0",
		"9:05pm", "9 a.m.", "at 9 pm", "11pm", "21:05", "at 21", "2:30am", "1:30am", "at 2030", "2030", "8"}
	parts := []string{"morning", "afternoon", "evening", "night", "this morning", "this evening", "tonight"}
	misc := []string{"in 2 hours", "in 1h30", "in 2 days", "in 30 minutes", "in half an hour", "in an hour and 30 minutes",
		"in 2h", "at", "the", "on", "@", "!", ".", "pm", "am", "est", "utc", "+01:00", "z", "nine", "half past", "(", ")"}
	out := map[string]bool{}
	for _, d := range days {
		for _, c := range clocks {
			out[d+" "+c], out[c+" "+d], out[d+" at "+c] = true, true, true
			for _, p := range parts {
				out[d+" "+p+" "+c], out[d+" "+p+" at "+c] = true, true
			}
		}
	}
	for _, c := range clocks {
		for _, p := range parts {
			out[p+" "+c], out[p+" at "+c], out[c+" "+p] = true, true, true
		}
	}
	pool := append(append(append(append([]string{}, days...), clocks...), parts...), misc...)
	r := rand.New(rand.NewPCG(15, 7))
	for range 60000 {
		words := make([]string, 1+r.IntN(4))
		for i := range words {
			words[i] = pool[r.IntN(len(pool))]
		}
		out[strings.Join(words, " ")] = true
	}
	for _, y := range []string{"2026", "2027"} {
		for _, md := range []string{"03-14", "11-01", "12-03", "02-29", "10-04", "04-04"} {
			for _, t := range []string{"00:30", "01:30", "02:30", "09:00", "23:59"} {
				for _, suffix := range []string{"", ":00", ":30", "Z", "+01:00", ":00Z", ":00+05:30", ":00-05:00", ":00.5Z"} {
					for _, sep := range []string{"T", " ", "t"} {
						out[y+"-"+md+sep+t+suffix] = true
					}
				}
			}
		}
	}
	return out
}
