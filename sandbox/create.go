package sandbox

import "time"

// createPost makes one post on one channel, checking what Buffer checks, in Buffer's
// order: the channel, the assets, the tags and approval, the content (with what its network
// requires), then the mode, its time and the queue.
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
	if msg := p.Metadata.apply(c.service, in.Metadata); msg != "" {
		return failed(invalidInput(msg))
	}
	if in.TagIDs != nil {
		if e := s.checkTags(c.organizationID, *in.TagIDs); e != nil {
			return failed(e)
		}
		p.TagIDs = tagIDs(*in.TagIDs)
	}
	if in.NeedsApproval {
		if e := approvalAllowed(c, in.SaveToDraft); e != nil {
			return failed(e)
		}
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

const msgNoApproval = "This channel does not require approval: post without needsApproval, or ask an admin to turn approvals on."

// approvalAllowed says whether a post may be submitted for approval on c: only channels
// whose policy requires approval take it, and never with saveToDraft: false.
func approvalAllowed(c *channel, saveToDraft *bool) *mutationError {
	if !c.requiresApproval {
		return invalidInput(msgNoApproval)
	}
	if saveToDraft != nil && !*saveToDraft {
		return invalidInput("needsApproval cannot be combined with saveToDraft: false.")
	}
	return nil
}
