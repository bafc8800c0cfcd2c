package tools

import "github.com/buffer-mcp/buffer-mcp/internal/dueat"

var (
	shareModes      = []string{"addToQueue", "shareNext", "shareNow", "customScheduled"}
	schedulingTypes = []string{"automatic", "notification"}
)

// schedule is how and when a post goes out, as create_post and edit_post take it.
type schedule struct {
	mode  string // "" only in edit_post: keep the post's schedule
	dueAt string // the time as given, set only with customScheduled; readDueAt reads it in each channel's timezone
}

// resolveSchedule applies SPEC §3's time rules to mode and dueAt (either may be empty): a
// dueAt without a mode means customScheduled, customScheduled needs a dueAt, and a dueAt
// with another mode is refused, since Buffer's handling of it is undocumented.
func resolveSchedule(mode, dueAt string) (schedule, error) {
	if mode != "" {
		if err := checkEnum("mode", mode, shareModes...); err != nil {
			return schedule{}, err
		}
	}
	if dueAt == "" {
		if mode == "customScheduled" {
			return schedule{}, invalidArg("dueAt", "is required with mode customScheduled")
		}
		return schedule{mode: mode}, nil
	}
	if mode != "" && mode != "customScheduled" {
		return schedule{}, invalidArg("dueAt", "only goes with mode customScheduled (or no mode); mode %s picks its own time", mode)
	}
	// Words it cannot read are refused before any request; the reading happens later, in
	// each channel's timezone, where what depends on the day is checked too.
	if err := dueat.Check(dueAt); err != nil {
		return schedule{}, dueAtError(err)
	}
	return schedule{mode: "customScheduled", dueAt: dueAt}, nil
}
