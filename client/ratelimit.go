package client

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dunglas/httpsfv"
)

// Window is one of Buffer's rate-limit windows as its last answer described it.
type Window struct {
	Name      string        // e.g. 15m, 24h, 30d: from the window's length, not its (plan-dependent) policy name
	Quota     int           // requests allowed in the window; 0 when unknown
	Remaining int           // requests left
	Reset     time.Duration // until the window resets; unknownReset when the answer gave none that could be read
}

// unknownReset is the Reset of a window whose answer said nothing readable of its end. The
// budget gives such a window an end of its own (maxUnknownReset): nothing is sent while a
// window is spent, so a window that never ended would lock the client out for good.
const unknownReset = time.Duration(-1)

// low reports whether less than a tenth of the window's quota is left.
func (w Window) low() bool { return w.Quota > 0 && w.Remaining*10 < w.Quota }

// windowName names a window by its length in seconds, as Buffer's errors do.
func windowName(seconds int64) string {
	switch seconds {
	case 900:
		return "15m"
	case 86400:
		return "24h"
	case 2592000:
		return "30d"
	}
	return (time.Duration(seconds) * time.Second).String()
}

// parseRateLimit reads the windows an answer describes: the IETF RateLimit and
// RateLimit-Policy fields (draft 8, structured-field lists, parsed with httpsfv), joined by
// policy name but identified by their length `w`; else the legacy X-RateLimit-* fields. A
// malformed header is ignored, never an error: the answer itself matters more.
func parseRateLimit(h http.Header, now time.Time) []Window {
	if ws := parseDraftRateLimit(h); len(ws) > 0 {
		return ws
	}
	return parseLegacyRateLimit(h, now)
}

func parseDraftRateLimit(h http.Header) []Window {
	limits, err := httpsfv.UnmarshalList(h.Values("RateLimit"))
	if err != nil || len(limits) == 0 {
		return nil
	}
	type policy struct{ quota, window int64 }
	policies := map[string]policy{}
	if list, err := httpsfv.UnmarshalList(h.Values("RateLimit-Policy")); err == nil {
		for _, m := range list {
			if item, ok := m.(httpsfv.Item); ok {
				name, _ := item.Value.(string)
				policies[name] = policy{quota: intParam(item, "q"), window: intParam(item, "w")}
			}
		}
	}
	var out []Window
	for _, m := range limits {
		item, ok := m.(httpsfv.Item)
		if !ok {
			continue
		}
		name, _ := item.Value.(string)
		r, t := intParam(item, "r"), intParam(item, "t")
		if r < 0 {
			continue
		}
		w := Window{Name: name, Remaining: int(r), Reset: unknownReset}
		if p, ok := policies[name]; ok {
			w.Quota = int(max(p.quota, 0)) // absent (-1): unknown
			if p.window > 0 {
				w.Name = windowName(p.window)
				t = min(t, p.window) // a window resets within its own length
			}
		}
		if t >= 0 && t <= maxResetSeconds {
			w.Reset = time.Duration(t) * time.Second
		}
		out = append(out, w)
	}
	return out
}

// intParam is an integer parameter of a structured-field item; -1 when absent.
func intParam(item httpsfv.Item, key string) int64 {
	if item.Params == nil {
		return -1
	}
	v, ok := item.Params.Get(key)
	if !ok {
		return -1
	}
	n, ok := v.(int64)
	if !ok {
		return -1
	}
	return n
}

// parseLegacyRateLimit reads X-RateLimit-Limit, -Remaining and -Reset (epoch seconds, or
// seconds to go when small), which Buffer's older answers and its CLI use. An epoch time
// already past means the window has reset (Reset 0); none, or one that cannot be read,
// leaves the end unknown.
func parseLegacyRateLimit(h http.Header, now time.Time) []Window {
	remaining, err := strconv.Atoi(strings.TrimSpace(h.Get("X-RateLimit-Remaining")))
	if err != nil || remaining < 0 {
		return nil
	}
	w := Window{Name: "limit", Remaining: remaining, Reset: unknownReset}
	if q, err := strconv.Atoi(strings.TrimSpace(h.Get("X-RateLimit-Limit"))); err == nil && q > 0 {
		w.Quota = q
	}
	if reset, err := strconv.ParseInt(strings.TrimSpace(h.Get("X-RateLimit-Reset")), 10, 64); err == nil && reset >= 0 {
		switch {
		case reset > 1_000_000_000: // an epoch time
			if d := time.Unix(reset, 0).Sub(now); d <= maxResetSeconds*time.Second {
				w.Reset = max(d, 0)
			}
		case reset <= maxResetSeconds:
			w.Reset = time.Duration(reset) * time.Second
		}
	}
	return []Window{w}
}

// maxResetSeconds is the longest end a window can name: Buffer's longest window, 30 days.
// A longer one is read as unknown rather than believed.
const maxResetSeconds = 2592000

// binding is the window with the fewest requests left: the one that limits.
func binding(ws []Window) (Window, bool) {
	if len(ws) == 0 {
		return Window{}, false
	}
	b := ws[0]
	for _, w := range ws[1:] {
		if w.Remaining < b.Remaining {
			b = w
		}
	}
	return b, true
}

// note is the brief line results carry when the budget runs low.
func (w Window) note() string {
	return fmt.Sprintf("Note: Buffer's %s request budget is low: %d of %d left, resetting in %s. Prefer fewer calls.",
		w.Name, w.Remaining, w.Quota, w.Reset.Round(time.Second))
}
