package sandbox

import (
	"sort"
	"time"
)

// Queue slots: Buffer places a queued post at the next time of its channel's posting
// schedule that no other scheduled post of the channel holds. Times are wall-clock times
// in the channel's timezone, so a slot follows the channel's daylight-saving changes.

var weekdays = [...]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// hasSlots reports whether the schedule has any time on a day that is not paused.
func (c *channel) hasSlots() bool {
	for _, d := range c.schedule {
		if !d.paused && len(d.minutes) > 0 {
			return true
		}
	}
	return false
}

func (c *channel) scheduleFor(day time.Weekday) *scheduleDay {
	for i := range c.schedule {
		if c.schedule[i].day == weekdays[day] {
			return &c.schedule[i]
		}
	}
	return nil
}

// nextSlot returns the first slot strictly after after whose time is not in taken (keyed by
// millis). It reports false only when the schedule has no usable slot at all.
func (c *channel) nextSlot(after time.Time, taken map[int64]bool) (time.Time, bool) {
	if !c.hasSlots() {
		return time.Time{}, false
	}
	local := after.In(c.loc)
	// Each week has at least one slot, so a week per taken slot, and one more, is enough.
	days := 7 * (len(taken) + 2)
	for i := 0; i <= days; i++ {
		date := time.Date(local.Year(), local.Month(), local.Day()+i, 0, 0, 0, 0, c.loc)
		d := c.scheduleFor(date.Weekday())
		if d == nil || d.paused {
			continue
		}
		for _, m := range d.minutes {
			slot := time.Date(date.Year(), date.Month(), date.Day(), m/60, m%60, 0, 0, c.loc).UTC()
			if slot.After(after) && !taken[millis(slot)] {
				return slot, true
			}
		}
	}
	return time.Time{}, false
}

// addToQueue gives p the channel's next free slot after now; the caller holds mu.
func (s *store) addToQueue(c *channel, p *Post, now time.Time) bool {
	taken := map[int64]bool{}
	for _, q := range s.scheduledOn(c.id, p.ID) {
		if q.DueAt != nil {
			taken[millis(*q.DueAt)] = true
		}
	}
	slot, ok := c.nextSlot(now, taken)
	if ok {
		p.DueAt = &slot
	}
	return ok
}

// shareNext gives p the first upcoming slot and moves each of the channel's queued posts
// one slot later. Custom-scheduled posts keep their times, and queued posts step over
// them. The caller holds mu and has checked that the channel has slots.
func (s *store) shareNext(c *channel, p *Post, now time.Time) {
	custom := map[int64]bool{}
	var queued []*Post
	for _, q := range s.scheduledOn(c.id, p.ID) {
		switch {
		case q.DueAt == nil:
		case q.IsCustomScheduled:
			custom[millis(*q.DueAt)] = true
		case q.DueAt.After(now):
			queued = append(queued, q)
		}
	}
	sort.Slice(queued, func(i, j int) bool { return queued[i].DueAt.Before(*queued[j].DueAt) })
	for _, q := range queued {
		if slot, ok := c.nextSlot(*q.DueAt, custom); ok {
			q.DueAt = &slot
			q.UpdatedAt = now
		}
	}
	slot, _ := c.nextSlot(now, custom)
	p.DueAt = &slot
}
