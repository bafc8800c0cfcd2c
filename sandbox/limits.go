package sandbox

import (
	"time"
)

// Daily posting limits: how many posts a channel may publish in one of its local days.
// Buffer does not publish its numbers, so these are the sandbox's own, one per network;
// a network that is not listed has no daily limit (limit null). Options.DailyLimit
// replaces every listed one. The sandbox reports the limits; it does not refuse posts
// past them.
var networkDailyLimits = map[string]int{
	"instagram": 25, "facebook": 25, "linkedin": 25, "twitter": 50, "tiktok": 15,
	"threads": 50, "pinterest": 25, "youtube": 10, "googlebusiness": 10,
}

type dailyPostingLimitsInput struct {
	ChannelIDs []objectID
	Date       *dateTime
}

// DailyPostingLimits counts, for each channel in the order given, its posts sent (or being
// sent) and scheduled on one day: the UTC date of date (its time is ignored) read as a day
// in the channel's timezone, or the channel's own today. Every channel must exist
// (NOT_FOUND) and belong to one organization (BAD_USER_INPUT), as Buffer requires.
func (r *resolver) DailyPostingLimits(args struct{ Input dailyPostingLimitsInput }) ([]*dailyLimitResolver, error) {
	var chs []*channel
	for _, id := range args.Input.ChannelIDs {
		c := r.store.channel(id)
		if c == nil {
			return nil, errNotFound("Channel")
		}
		if len(chs) > 0 && c.organizationID != chs[0].organizationID {
			return nil, errBadInput("All channels must belong to the same organization.")
		}
		chs = append(chs, c)
	}
	now := r.now()
	posts := r.store.snapshot()
	out := make([]*dailyLimitResolver, 0, len(chs))
	for _, c := range chs {
		y, m, d := now.In(c.loc).Date()
		if args.Input.Date != nil {
			y, m, d = args.Input.Date.UTC().Date()
		}
		start := time.Date(y, m, d, 0, 0, 0, 0, c.loc)
		end := time.Date(y, m, d+1, 0, 0, 0, 0, c.loc)
		in := func(t *time.Time) bool { return t != nil && !t.Before(start) && t.Before(end) }
		st := &dailyLimitResolver{channelID: c.id}
		for _, p := range posts {
			switch {
			case p.ChannelID != c.id:
			case p.Status == statusSent && in(p.SentAt), p.Status == statusSending && in(p.DueAt):
				st.sent++
			case p.Status == statusScheduled && in(p.DueAt):
				st.scheduled++
			}
		}
		if limit, ok := networkDailyLimits[c.service]; ok {
			if r.store.dailyLimit > 0 {
				limit = r.store.dailyLimit
			}
			st.limit = &limit
		}
		out = append(out, st)
	}
	return out, nil
}

type dailyLimitResolver struct {
	channelID       string
	sent, scheduled int
	limit           *int
}

func (r *dailyLimitResolver) ChannelID() objectID { return objectID(r.channelID) }
func (r *dailyLimitResolver) Sent() int32         { return int32(r.sent) }
func (r *dailyLimitResolver) Scheduled() int32    { return int32(r.scheduled) }

func (r *dailyLimitResolver) Limit() *int32 {
	if r.limit == nil {
		return nil
	}
	l := int32(*r.limit)
	return &l
}

func (r *dailyLimitResolver) IsAtLimit() bool {
	return r.limit != nil && r.sent+r.scheduled >= *r.limit
}
