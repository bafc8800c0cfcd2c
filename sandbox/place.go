package sandbox

import (
	"fmt"
	"time"
)

const msgNoSchedule = "This channel has no posting schedule to queue into: set times in Buffer, or give a time with mode customScheduled."

// place gives p its status and time, for the status wanted (draft, needs_approval or
// scheduled) and the share mode. counted says that p already counts against the channel's
// queue limit (an edit of a post that was scheduled). Every check comes before anything in
// the store changes, since shareNext moves other posts; p itself is a new post or an
// edited copy, dropped by the caller on failure. The caller holds mu.
func (s *store) place(c *channel, p *Post, want, mode string, dueAt *time.Time, counted bool, now time.Time) *mutationError {
	if mode == modeCustomScheduled {
		if dueAt == nil {
			return invalidInput("dueAt is required when mode is customScheduled.")
		}
		if dueAt.Before(now) {
			return invalidInput(fmt.Sprintf("dueAt %s is in the past: choose a time in the future.", formatTime(*dueAt)))
		}
	}
	p.ShareMode = mode
	p.SharedNow = false
	p.Error = nil
	p.IsCustomScheduled = mode == modeCustomScheduled
	p.DueAt = nil
	if p.IsCustomScheduled {
		p.DueAt = copyTime(dueAt)
	}

	// Drafts and posts awaiting approval are never queued or published, so they keep a
	// time only when one was given, and do not count against the queue.
	if want != statusScheduled {
		p.Status = want
		return nil
	}
	if mode == modeShareNow {
		publish(c, p, now)
		return nil
	}
	queued := mode == modeAddToQueue || mode == modeShareNext
	if queued && !c.hasSlots() {
		return invalidInput(msgNoSchedule)
	}
	if n := len(s.scheduledOn(c.id, p.ID)); !counted && n >= s.queueLimit {
		return limitReached(n)
	}
	p.Status = statusScheduled
	switch mode {
	case modeAddToQueue:
		s.addToQueue(c, p, now)
	case modeShareNext:
		s.shareNext(c, p, now)
	}
	return nil
}

// publish marks p as sent now. The sandbox has no network to fail, so sharing now
// always succeeds.
func publish(c *channel, p *Post, now time.Time) {
	p.Status = statusSent
	p.DueAt = &now
	sent := now
	p.SentAt = &sent
	p.SharedNow = true
	p.IsCustomScheduled = false
	p.ExternalLink = externalLink(c, p.ID)
}

// usable checks that posts can be made on c at all.
func (c *channel) usable() *mutationError {
	switch {
	case c.isLocked:
		return unauthorized(msgLockedChannel)
	case c.isDisconnected:
		return invalidInput(msgDisconnected)
	}
	return nil
}

func timeOf(t *dateTime) *time.Time {
	if t == nil {
		return nil
	}
	return &t.Time
}
