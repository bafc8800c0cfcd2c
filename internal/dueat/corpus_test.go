package dueat

// The corpus (testdata/corpus.txt) run against Read. This file uses nothing but Read,
// Location and the standard library, so that testdata/figures.sh can run it against the
// reader as it was before issue 15 too.

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// corpusZones are the channels' timezones of a case marked [tz *].
var corpusZones = []string{"America/New_York", "Australia/Sydney", "Pacific/Auckland", "Pacific/Tongatapu"}

// corpusCase is one value read in one timezone at one instant, with what it must give.
type corpusCase struct {
	line        int
	class       string
	now         time.Time
	tz          string
	input       string
	want        string // as written after =>
	wantNote    string // contained in the note
	wantNoNote  bool
	wantRefusal string // with refused: contained in the message
	refused     bool
}

func (c corpusCase) String() string {
	return fmt.Sprintf("line %d: %q in %s at %s", c.line, c.input, c.tz, c.now.Format(time.RFC3339))
}

// loadCorpus reads testdata/corpus.txt into cases, one per value and timezone.
func loadCorpus(t *testing.T) []corpusCase {
	t.Helper()
	f, err := os.Open("testdata/corpus.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []corpusCase
	class, zones, now := "", corpusZones, time.Time{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "":
			continue
		case strings.HasPrefix(line, "[class "):
			class = strings.TrimSuffix(strings.TrimPrefix(line, "[class "), "]")
			continue
		case strings.HasPrefix(line, "[now "):
			if now, err = time.Parse(time.RFC3339, strings.TrimSuffix(strings.TrimPrefix(line, "[now "), "]")); err != nil {
				t.Fatalf("line %d: %v", n, err)
			}
			continue
		case strings.HasPrefix(line, "[tz "):
			zones = strings.Fields(strings.TrimSuffix(strings.TrimPrefix(line, "[tz "), "]"))
			if len(zones) == 1 && zones[0] == "*" {
				zones = corpusZones
			}
			continue
		}
		input, rest, ok := strings.Cut(line, " => ")
		if !ok {
			if input, rest, ok = strings.Cut(line, "=> "); !ok || input != "" {
				t.Fatalf("line %d: no =>: %q", n, line)
			}
		}
		c := corpusCase{line: n, class: class, now: now, input: input}
		want, annotation, _ := strings.Cut(rest, " ; ")
		c.want = strings.TrimSpace(want)
		switch {
		case annotation == "no note":
			c.wantNoNote = true
		case strings.HasPrefix(annotation, "note: "):
			c.wantNote = strings.TrimPrefix(annotation, "note: ")
		case annotation != "":
			t.Fatalf("line %d: unknown annotation %q", n, annotation)
		}
		if r, ok := strings.CutPrefix(c.want, "refused"); ok {
			c.refused, c.wantRefusal = true, strings.TrimPrefix(r, ": ")
		}
		if class == "" || now.IsZero() {
			t.Fatalf("line %d: no [class] or [now] before it", n)
		}
		for _, tz := range zones {
			c.tz = tz
			cases = append(cases, c)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// instant is what a case must be read as, in its timezone at its clock.
func (c corpusCase) instant() (time.Time, error) {
	loc, err := time.LoadLocation(c.tz)
	if err != nil {
		return time.Time{}, err
	}
	w := c.want
	if d, ok := strings.CutPrefix(w, "now+"); ok {
		dur, err := time.ParseDuration(d)
		return c.now.Add(dur), err
	}
	if strings.HasPrefix(w, "+") { // "+1 09:00"
		days, clock, _ := strings.Cut(w[1:], " ")
		n, err := strconv.Atoi(days)
		if err != nil {
			return time.Time{}, err
		}
		local := c.now.In(loc)
		w = local.AddDate(0, 0, n).Format("2006-01-02") + " " + clock
	}
	if t, err := time.Parse(time.RFC3339Nano, w); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02 15:04:05.999999999"} {
		if t, err := time.ParseInLocation(layout, w, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot read want %q", c.want)
}

// outcome is what Read made of a case.
type outcome int

const (
	readRight    outcome = iota // read as the instant wanted
	refusedRight                // refused, as wanted
	readWrong                   // read as another instant, or read when it should be refused
	refusedWrong                // refused a value that should be read
)

// run reads the case and says how it went, and what went wrong if anything.
func (c corpusCase) run() (outcome, string) {
	r, err := Read(c.input, c.now, Location(c.tz))
	if c.refused {
		if err == nil {
			return readWrong, fmt.Sprintf("read as %s, want a refusal", r.Time.UTC().Format(time.RFC3339Nano))
		}
		var de *Error
		if !errors.As(err, &de) {
			return readWrong, fmt.Sprintf("refused with %T %v, want *Error", err, err)
		}
		if !strings.Contains(de.Message, c.wantRefusal) || !strings.Contains(de.Message, `"tomorrow 9am"`) {
			return refusedRight, fmt.Sprintf("refused with %q, want it to contain %q and the examples", de.Message, c.wantRefusal)
		}
		return refusedRight, ""
	}
	want, werr := c.instant()
	if werr != nil {
		return readWrong, werr.Error()
	}
	if err != nil {
		return refusedWrong, "refused: " + err.Error()
	}
	if !r.Time.Equal(want) {
		return readWrong, fmt.Sprintf("read as %s, want %s", r.Time.UTC().Format(time.RFC3339Nano), want.UTC().Format(time.RFC3339Nano))
	}
	switch {
	case c.wantNoNote && r.Note != "":
		return readRight, fmt.Sprintf("note %q, want none", r.Note)
	case !strings.Contains(r.Note, c.wantNote):
		return readRight, fmt.Sprintf("note %q, want it to contain %q", r.Note, c.wantNote)
	}
	return readRight, ""
}

// TestCorpus holds the reader to every case of the corpus: the instant or the refusal,
// and the note or the message.
func TestCorpus(t *testing.T) {
	for _, c := range loadCorpus(t) {
		if _, problem := c.run(); problem != "" {
			t.Errorf("%s: %s", c, problem)
		}
	}
}

// TestCorpusFigures prints, by class, how many cases the reader reads or refuses as it
// should, and how many it gets wrong (go test -run TestCorpusFigures -v). It never fails.
func TestCorpusFigures(t *testing.T) {
	counts := map[string]*[4]int{}
	values := map[string]map[string]bool{}
	for _, c := range loadCorpus(t) {
		if counts[c.class] == nil {
			counts[c.class], values[c.class] = new([4]int), map[string]bool{}
		}
		o, _ := c.run()
		counts[c.class][o]++
		values[c.class][c.input] = true
	}
	var classes []string
	for k := range counts {
		classes = append(classes, k)
	}
	sort.Strings(classes)
	var total [4]int
	var totalValues int
	t.Logf("%-10s %6s %6s %8s %6s %8s %8s %16s", "class", "values", "cases", "to read", "read", "refused", "misread", "wrongly refused")
	for _, k := range classes {
		c := counts[k]
		t.Logf("%-10s %6d %6d %8d %6d %8d %8d %16d", k, len(values[k]), c[0]+c[1]+c[2]+c[3], c[readRight]+c[refusedWrong],
			c[readRight], c[refusedRight]+c[refusedWrong], c[readWrong], c[refusedWrong])
		for i := range total {
			total[i] += c[i]
		}
		totalValues += len(values[k])
	}
	t.Logf("%-10s %6d %6d %8d %6d %8d %8d %16d", "all", totalValues, total[0]+total[1]+total[2]+total[3], total[readRight]+total[refusedWrong],
		total[readRight], total[refusedRight]+total[refusedWrong], total[readWrong], total[refusedWrong])
}
