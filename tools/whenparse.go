package tools

import (
	"fmt"
	"sort"
	"time"

	"github.com/olebedev/when/rules"
	"github.com/olebedev/when/rules/common"
	"github.com/olebedev/when/rules/en"
)

// englishTimes is olebedev/when's Parser (v1.1.0, MIT licence) with its English and
// common rules, and its Parse copied below. Package when itself is not imported: its init
// compiles the Russian, Brazilian Portuguese and Dutch rules too, which this server never
// uses, on every start (about 6 ms of a cold start; issue 6, BENCHMARKS.md).
type englishTimes struct {
	rules   []rules.Rule
	options *rules.Options
}

// whenResult is what when.Result holds that readNatural uses.
type whenResult struct {
	Text string    // the part of the input the rules read
	Time time.Time // what they read it as
}

func newEnglishTimes() *englishTimes {
	p := &englishTimes{options: &rules.Options{Distance: 5, MatchByOrder: true}} // when's defaults
	p.rules = append(p.rules, en.All...)
	p.rules = append(p.rules, common.All...)
	return p
}

// Parse is when.(*Parser).Parse without middleware: nil, nil when nothing was read.
func (p *englishTimes) Parse(text string, base time.Time) (*whenResult, error) {
	var matches []*rules.Match
	c := float64(0)
	for _, rule := range p.rules {
		if r := rule.Find(text); r != nil {
			r.Order = c
			c++
			matches = append(matches, r)
		}
	}
	if len(matches) == 0 {
		return nil, nil
	}
	// The first cluster of matches, each starting within Distance of the one before.
	sort.Sort(rules.MatchByIndex(matches))
	end, start := matches[0].Right, matches[0].Left
	for i, m := range matches {
		if m.Left <= end+p.options.Distance {
			end = m.Right
		} else {
			matches = matches[:i]
			break
		}
	}
	res := &whenResult{Text: text[start:end], Time: base}
	if p.options.MatchByOrder {
		sort.Sort(rules.MatchByOrder(matches))
	}
	ctx := &rules.Context{Text: res.Text}
	applied := false
	for _, m := range matches {
		ok, err := m.Apply(ctx, p.options, res.Time)
		if err != nil {
			return nil, err
		}
		applied = ok || applied
	}
	if !applied {
		return nil, nil
	}
	t, err := ctx.Time(res.Time)
	if err != nil {
		return nil, fmt.Errorf("bind context: %w", err)
	}
	res.Time = t
	return res, nil
}
