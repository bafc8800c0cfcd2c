package sandbox

import (
	"cmp"
	"slices"
	"time"
)

const (
	defaultFirst = 20
	maxFirst     = 100
)

// listPosts filters, sorts and pages an organization's posts.
func (s *store) listPosts(in postsInput, first *int32, after *string) (*page[*Post], error) {
	if s.org(in.OrganizationID) == nil {
		return nil, errNotFound("Organization")
	}
	size, err := pageSize(first)
	if err != nil {
		return nil, err
	}
	f := deref(in.Filter)
	if deref(f.DueAtPresence) == "absent" && f.DueAt != nil {
		return nil, errBadInput("dueAtPresence: absent cannot be combined with a dueAt filter.")
	}
	var all []*Post
	for _, p := range s.snapshot() {
		if p.OrganizationID == string(in.OrganizationID) && matches(p, f) {
			all = append(all, p)
		}
	}
	sortPosts(all, deref(in.Sort))

	return pageOf(all, in, size, after)
}

// matches applies a filter; its conditions are ANDed and time bounds are inclusive.
func matches(p *Post, f postsFiltersInput) bool {
	if f.ChannelIDs != nil && !slices.Contains(*f.ChannelIDs, objectID(p.ChannelID)) {
		return false
	}
	if f.Status != nil && !slices.Contains(*f.Status, p.Status) {
		return false
	}
	switch deref(f.DueAtPresence) {
	case "present":
		if p.DueAt == nil {
			return false
		}
	case "absent":
		if p.DueAt != nil {
			return false
		}
	}
	if f.DueAt != nil && (p.DueAt == nil || !within(*p.DueAt, f.DueAt)) {
		return false
	}
	return f.CreatedAt == nil || within(p.CreatedAt, f.CreatedAt)
}

func within(t time.Time, c *dateTimeComparator) bool {
	ms := t.UnixMilli()
	if c.Start != nil && ms < c.Start.UnixMilli() {
		return false
	}
	return c.End == nil || ms <= c.End.UnixMilli()
}

// sortPosts orders posts by the sort keys in turn (createdAt, newest first, when there are
// none), then by id so that pages are stable. Posts without a dueAt come last in either
// direction of a dueAt sort.
func sortPosts(posts []*Post, keys []postSortInput) {
	if len(keys) == 0 {
		keys = []postSortInput{{Field: "createdAt", Direction: "desc"}}
	}
	slices.SortStableFunc(posts, func(a, b *Post) int {
		for _, k := range keys {
			if c := compareBy(a, b, k); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

func compareBy(a, b *Post, k postSortInput) int {
	var c int
	if k.Field == "dueAt" {
		switch {
		case a.DueAt == nil && b.DueAt == nil:
			return 0
		case a.DueAt == nil:
			return 1
		case b.DueAt == nil:
			return -1
		}
		c = a.DueAt.Compare(*b.DueAt)
	} else {
		c = a.CreatedAt.Compare(b.CreatedAt)
	}
	if k.Direction == "desc" {
		return -c
	}
	return c
}
