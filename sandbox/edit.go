package sandbox

import "time"

// editPost changes the fields present in the input and leaves the rest, as Buffer does:
// without a mode the schedule is untouched. The edited post must pass the same content
// rules as a new one, or nothing is stored.
func (s *store) editPost(in editPostInput, now time.Time) postOutcome {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.postIndex(in.ID)
	if i < 0 {
		return failed(notFound("Post not found"))
	}
	old := s.posts[i]
	if old.Status == statusSent || old.Status == statusSending {
		return failed(invalidInput("Sent posts cannot be edited"))
	}
	c := s.channelByID[old.ChannelID]
	if c.isLocked {
		return failed(unauthorized(msgLockedChannel))
	}

	next := old.clone()
	if in.Text.Set {
		next.Text = deref(in.Text.Value)
	}
	if in.Assets != nil {
		media, link, msg := convertAssets(*in.Assets)
		if msg != "" {
			return failed(invalidInput(msg))
		}
		next.Assets, next.Link = media, link
	}
	if in.SchedulingType != nil {
		next.SchedulingType = *in.SchedulingType
	}
	if in.IdeaID != nil {
		next.IdeaID = string(*in.IdeaID)
	}
	if msg := next.Metadata.apply(c.service, in.Metadata); msg != "" {
		return failed(invalidInput(msg))
	}
	if in.TagIDs != nil {
		if e := s.checkTags(c.organizationID, *in.TagIDs); e != nil {
			return failed(e)
		}
		next.TagIDs = tagIDs(*in.TagIDs)
	}
	if e := approvalChangeAllowed(c, old, in.ApprovalChange); e != nil {
		return failed(e)
	}
	if msg := checkContent(c, next); msg != "" {
		return failed(invalidInput(msg))
	}

	if r := replacement(old, in); r.mode != "" {
		if r.mode == modeShareNow && r.want == statusScheduled && c.isDisconnected {
			return failed(invalidInput(msgDisconnected))
		}
		counted := old.Status == statusScheduled
		if e := s.place(c, next, r.want, r.mode, r.dueAt, counted, now); e != nil {
			return failed(e)
		}
	} else if r.want == statusDraft || r.want == statusNeedsApproval {
		next.Status = r.want
		next.Error = nil
		if !next.IsCustomScheduled {
			next.DueAt = nil
		}
	}
	next.UpdatedAt = now
	s.posts[i] = next
	return postOutcome{post: next.clone()}
}

// placement is how an edit re-places a post; an empty mode leaves the schedule as it is.
type placement struct {
	want  string
	mode  string
	dueAt *time.Time
}

// replacement works out the status an edit asks for and the mode to place the post with.
// saveToDraft: true makes a draft; saveToDraft: false turns a draft into a scheduled post
// (at its custom time if it had one, otherwise in the queue); a mode on a failed post
// schedules it again; approvalChange request submits a draft for approval and revert makes
// it a draft again.
func replacement(old *Post, in editPostInput) placement {
	want := old.Status
	if want == statusError && in.Mode != nil {
		want = statusScheduled
	}
	if in.SaveToDraft != nil {
		switch {
		case *in.SaveToDraft:
			want = statusDraft
		case want == statusDraft:
			want = statusScheduled
		}
	}
	switch deref(in.ApprovalChange) {
	case "request":
		want = statusNeedsApproval
	case "revert":
		want = statusDraft
	}
	if in.Mode != nil {
		return placement{want: want, mode: *in.Mode, dueAt: timeOf(in.DueAt)}
	}
	if want == statusScheduled && old.Status != statusScheduled {
		if old.IsCustomScheduled && old.DueAt != nil {
			return placement{want: want, mode: modeCustomScheduled, dueAt: old.DueAt}
		}
		return placement{want: want, mode: modeAddToQueue}
	}
	return placement{want: want}
}

// approvalChangeAllowed checks an approvalChange as Buffer does: only on channels that
// require approval, request only for a draft, revert only for a post awaiting approval.
func approvalChangeAllowed(c *channel, old *Post, change *string) *mutationError {
	if change == nil {
		return nil
	}
	if !c.requiresApproval {
		return invalidInput(msgNoApproval)
	}
	switch {
	case *change == "request" && old.Status != statusDraft:
		return invalidInput("Only a draft can be submitted for approval.")
	case *change == "revert" && old.Status != statusNeedsApproval:
		return invalidInput("Only a post awaiting approval can go back to drafts.")
	}
	return nil
}
