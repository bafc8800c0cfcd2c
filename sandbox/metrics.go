package sandbox

import (
	"math"
	"slices"
	"time"
)

// Metrics of sent posts (Buffer: experimental). Buffer ingests them about once a day, so a
// post has none until then: in the sandbox only seeded sent posts have metrics (seeded in
// seed_metrics.go), and a post published during a session has none.

// metricDef is what Buffer says of each metric type, whatever the post.
type metricDef struct {
	typ, name, description, unit string
}

// metricDefs are the metric types, in the order the sandbox lists them.
var metricDefs = []metricDef{
	{"postCount", "Posts", "Posts sent in the period.", "count"},
	{"impressions", "Impressions", "Times the posts were shown.", "count"},
	{"reach", "Reach", "Accounts that saw the posts.", "count"},
	{"views", "Views", "Times the posts were viewed.", "count"},
	{"viewers", "Viewers", "People who viewed the posts.", "count"},
	{"totalTimeWatched", "Watch time", "Seconds the posts' videos were watched.", "count"},
	{"reactions", "Reactions", "Likes and other reactions.", "count"},
	{"likes", "Likes", "Likes.", "count"},
	{"comments", "Comments", "Comments and replies.", "count"},
	{"shares", "Shares", "Times the posts were shared.", "count"},
	{"reposts", "Reposts", "Times the posts were reposted.", "count"},
	{"quotes", "Quotes", "Times the posts were quoted.", "count"},
	{"saves", "Saves", "Times the posts were saved.", "count"},
	{"clicks", "Clicks", "Clicks on the posts' links.", "count"},
	{"follows", "Follows", "Follows that came from the posts.", "count"},
	{"engagementRate", "Engagement rate", "Engagements per impression, in percent.", "percentage"},
}

func metricDefOf(typ string) metricDef {
	for _, d := range metricDefs {
		if d.typ == typ {
			return d
		}
	}
	return metricDef{typ: typ, name: typ, unit: "count"}
}

// metricValue is one metric of a post.
type metricValue struct {
	typ   string
	value float64
}

// postMetrics are a sent post's metrics and when Buffer last updated them. They are set
// while seeding and never change, so they are read without the store's lock.
type postMetrics struct {
	values    []metricValue
	updatedAt time.Time
}

// maxMetricsDays is the longest window aggregatedPostMetrics takes.
const maxMetricsDays = 365

// aggregatedPostMetricsInput mirrors AggregatedPostMetricsInput.
type aggregatedPostMetricsInput struct {
	OrganizationID objectID
	StartDateTime  dateTime
	EndDateTime    dateTime
	ChannelIDs     *[]objectID
	Tags           *tagComparator
}

// tagComparator mirrors TagComparator.
type tagComparator struct {
	In      []objectID
	IsEmpty bool
}

// AggregatedPostMetrics totals the metrics of the organization's sent posts whose sentAt
// falls on the window's UTC days (Buffer is given UTC midnights and counts the end day in
// full; the time of day is ignored). Counts are summed, percentages averaged (to two
// decimals) over the posts that have them, and postCount counts the posts. A window over
// 365 days, or ending before it starts, is refused as BAD_USER_INPUT; an unknown
// organization is NOT_FOUND. Left out, channelIds means every channel. The sandbox's posts
// carry no tags, so a tags filter keeps no post unless it asks for isEmpty.
func (r *resolver) AggregatedPostMetrics(args struct{ Input aggregatedPostMetricsInput }) (*aggregatedMetricsResolver, error) {
	in := args.Input
	if r.store.org(in.OrganizationID) == nil {
		return nil, errNotFound("Organization")
	}
	first := utcDay(in.StartDateTime.Time)
	last := utcDay(in.EndDateTime.Time)
	switch {
	case last.Before(first):
		return nil, errBadInput("endDateTime must not be before startDateTime.")
	case last.Sub(first) >= maxMetricsDays*24*time.Hour:
		return nil, errBadInput("The date range must not exceed 365 days.")
	}
	end := last.AddDate(0, 0, 1)

	var posts []*Post
	for _, p := range r.store.snapshot() {
		switch {
		case p.OrganizationID != string(in.OrganizationID), p.Status != statusSent, p.SentAt == nil,
			p.SentAt.Before(first), !p.SentAt.Before(end):
		case in.ChannelIDs != nil && !slices.Contains(*in.ChannelIDs, objectID(p.ChannelID)):
		case in.Tags != nil && !in.Tags.IsEmpty:
		default:
			posts = append(posts, p)
		}
	}
	return r.store.aggregate(posts), nil
}

// utcDay is the UTC midnight that starts t's UTC day.
func utcDay(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// aggregate totals the metrics of posts.
func (s *store) aggregate(posts []*Post) *aggregatedMetricsResolver {
	sums := map[string]float64{}
	counts := map[string]int{}
	out := &aggregatedMetricsResolver{}
	for _, p := range posts {
		m := s.metrics[p.ID]
		if m == nil {
			continue
		}
		for _, v := range m.values {
			sums[v.typ] += v.value
			counts[v.typ]++
		}
		if out.updatedAt == nil || m.updatedAt.After(*out.updatedAt) {
			at := m.updatedAt
			out.updatedAt = &at
		}
	}
	out.metrics = append(out.metrics, &metricResolver{metricDefOf("postCount"), float64(len(posts))})
	for _, d := range metricDefs {
		n := counts[d.typ]
		if n == 0 {
			continue
		}
		v := sums[d.typ]
		if d.unit == "percentage" {
			v = math.Round(v/float64(n)*100) / 100
		}
		out.metrics = append(out.metrics, &metricResolver{d, v})
	}
	return out
}

type aggregatedMetricsResolver struct {
	metrics   []*metricResolver
	updatedAt *time.Time
}

func (r *aggregatedMetricsResolver) Metrics() []*metricResolver  { return r.metrics }
func (r *aggregatedMetricsResolver) MetricsUpdatedAt() *dateTime { return timePtr(r.updatedAt) }

// metricResolver serves a PostMetric.
type metricResolver struct {
	def   metricDef
	value float64
}

func (r *metricResolver) Type() string        { return r.def.typ }
func (r *metricResolver) Name() string        { return r.def.name }
func (r *metricResolver) Description() string { return r.def.description }
func (r *metricResolver) Value() float64      { return r.value }
func (r *metricResolver) Unit() string        { return r.def.unit }

// Metrics are null until Buffer has ingested a sent post's metrics.
func (r *postResolver) Metrics() *[]*metricResolver {
	m := r.s.metrics[r.p.ID]
	if m == nil || r.p.Status != statusSent {
		return nil
	}
	out := make([]*metricResolver, len(m.values))
	for i, v := range m.values {
		out[i] = &metricResolver{metricDefOf(v.typ), v.value}
	}
	return &out
}

func (r *postResolver) MetricsUpdatedAt() *dateTime {
	m := r.s.metrics[r.p.ID]
	if m == nil || r.p.Status != statusSent {
		return nil
	}
	return &dateTime{m.updatedAt}
}
