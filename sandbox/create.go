package sandbox

import "time"

// createPost makes one post on one channel, checking what Buffer checks, in Buffer's
// order: the channel, the assets, the content, then the mode, its time and the queue.
func (s *store) createPost(in createPostInput, now time.Time) postOutcome {
	c := s.channel(in.ChannelID)
	if c == nil {
		return failed(notFound("Channel not found"))
	}
	if e := c.usable(); e != nil {
		return failed(e)
	}
	media, link, msg := convertAssets(in.Assets)
	if msg != "" {
		return failed(invalidInput(msg))
	}
	p := &Post{
		OrganizationID: c.organizationID,
		ChannelID:      c.id,
		ChannelService: c.service,
		Text:           deref(in.Text),
		Assets:         media,
		Link:           link,
		SchedulingType: in.SchedulingType,
		IdeaID:         string(deref(in.IdeaID)),
		CreatedAt:      now,
		UpdatedAt:      now,
		Via:            "api",
	}
	if msg := checkContent(c, p); msg != "" {
		return failed(invalidInput(msg))
	}
	want := statusScheduled
	switch {
	case deref(in.SaveToDraft):
		want = statusDraft
	case in.NeedsApproval:
		want = statusNeedsApproval
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	p.ID = s.newID()
	if e := s.place(c, p, want, in.Mode, timeOf(in.DueAt), false, now); e != nil {
		return failed(e)
	}
	s.posts = append(s.posts, p)
	return postOutcome{post: p.clone()}
}
