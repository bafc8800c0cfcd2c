package tools_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
)

// get_aggregated_post_metrics reads its window in the account's timezone (Europe/Berlin in
// the fixture) and sends Buffer the same dates as UTC midnights, the end day included.
func TestMetricsWindowIsReadInTheAccountsTimezoneAndSentAsUTCDays(t *testing.T) {
	tests := []struct {
		name       string
		shift      time.Duration // from fixedNow, Monday 2 March 2026 15:04:05 UTC
		start, end string
		want       [2]string // the first and last day sent
		note       string    // in the result's note, when the reader assumed something
	}{
		{name: "today", start: "today", want: [2]string{"2026-03-02", "2026-03-02"}},
		{name: "yesterday", start: "yesterday", want: [2]string{"2026-03-01", "2026-03-01"}},
		{name: "last week, Monday to Sunday", start: "last week", want: [2]string{"2026-02-23", "2026-03-01"}},
		{name: "this week, Monday to today", start: "This  Week", want: [2]string{"2026-03-02", "2026-03-02"},
			note: `Read \"this week\" as Monday to today.`},
		{name: "this month, the 1st to today", start: "this month", want: [2]string{"2026-03-01", "2026-03-02"},
			note: `Read \"this month\" as the 1st to today.`},
		{name: "last month", start: "last month", want: [2]string{"2026-02-01", "2026-02-28"}},
		{name: "last month across the year", shift: -46 * 24 * time.Hour, start: "last month", want: [2]string{"2025-12-01", "2025-12-31"}},
		{name: "last 7 days, today included", start: "last 7 days", want: [2]string{"2026-02-24", "2026-03-02"}},
		{name: "past 1 day", start: "past 1 day", want: [2]string{"2026-03-02", "2026-03-02"}},
		{name: "since a weekday's short name", start: "since sun", want: [2]string{"2026-03-01", "2026-03-02"}},
		{name: "since a weekday", start: "since Friday", want: [2]string{"2026-02-27", "2026-03-02"}},
		{name: "since today's weekday is today", start: "since monday", want: [2]string{"2026-03-02", "2026-03-02"}},
		{name: "since a date", start: "since 2026-01-15", want: [2]string{"2026-01-15", "2026-03-02"}},
		{name: "words for both ends", start: "last month", end: "yesterday", want: [2]string{"2026-02-01", "2026-03-01"}},
		{name: "a date and a word", start: "2026-02-14", end: "today", want: [2]string{"2026-02-14", "2026-03-02"}},
		// 23:30 UTC on Sunday is already Monday in Berlin: "yesterday" is Sunday there.
		{name: "the account's day, not UTC's", shift: -(15*time.Hour + 34*time.Minute + 5*time.Second),
			start: "yesterday", want: [2]string{"2026-03-01", "2026-03-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.clock.Add(tt.shift)
			h.stub(getAccountOK(accountData), gql("AggregatedPostMetrics", metricsData))
			args := `{"organizationId":"{org1}","start":"` + tt.start + `"`
			if tt.end != "" {
				args += `,"end":"` + tt.end + `"`
			}

			res := h.call(t, "get_aggregated_post_metrics", args+`}`)

			requireSuccess(t, res)
			h.assertVariables(t, "AggregatedPostMetrics", `{"input":{"organizationId":"{org1}",`+
				`"startDateTime":"`+tt.want[0]+`T00:00:00Z","endDateTime":"`+tt.want[1]+`T00:00:00Z"}}`)
			assert.Contains(t, structured(t, res), `"window":{"start":"`+tt.want[0]+`","end":"`+tt.want[1]+`"}`)
			if tt.note != "" {
				assert.Contains(t, structured(t, res), tt.note)
			}
		})
	}
}

func TestMetricsWithDatesOnlyNeedNoAccount(t *testing.T) {
	h := newHarness(t)
	h.stub(gql("AggregatedPostMetrics", metricsData))

	requireSuccess(t, h.call(t, "get_aggregated_post_metrics",
		`{"organizationId":"{org1}","start":"2026-02-01T00:00:00-08:00","end":"2026-02-28"}`))

	assert.Equal(t, []string{"AggregatedPostMetrics"}, h.fake.ops(), "an RFC 3339 time counts as its own date")
	h.assertVariables(t, "AggregatedPostMetrics",
		`{"input":{"organizationId":"{org1}","startDateTime":"2026-02-01T00:00:00Z","endDateTime":"2026-02-28T00:00:00Z"}}`)
}

func TestMetricsPassChannelsAndTagIdsAsBufferTakesThem(t *testing.T) {
	h := newHarness(t)
	// The organization comes from the channels, as in list_posts.
	h.stub(getChannelOK(ch1JSON), gql("AggregatedPostMetrics", metricsData))

	requireSuccess(t, h.call(t, "get_aggregated_post_metrics",
		`{"channelIds":["{ch1}"],"start":"2026-02-01","end":"2026-02-28","tags":["{post3}"]}`))

	h.assertVariables(t, "AggregatedPostMetrics", `{"input":{"organizationId":"{org1}",`+
		`"startDateTime":"2026-02-01T00:00:00Z","endDateTime":"2026-02-28T00:00:00Z",`+
		`"channelIds":["{ch1}"],"tags":{"in":["{post3}"]}}}`)
}

func TestMetricsRefuseAWindowBufferWouldNot(t *testing.T) {
	tests := []struct {
		name, args, field, msg string
	}{
		{"no start", `{"organizationId":"{org1}"}`, "start", "required"},
		{"words it does not read", `{"organizationId":"{org1}","start":"the week before Easter"}`, "start", "last week"},
		{"end before start", `{"organizationId":"{org1}","start":"2026-02-10","end":"2026-02-01"}`, "end", "before the start"},
		{"over 365 days", `{"organizationId":"{org1}","start":"2025-01-01","end":"2026-01-01"}`, "end", "366 days"},
		{"last 400 days", `{"organizationId":"{org1}","start":"last 400 days"}`, "start", "up to a year"},
		{"a tag that is not an id", `{"organizationId":"{org1}","start":"2026-02-01","tags":["launch"]}`, "tags[0]", "24 hexadecimal"},
		{"a channel that is not an id", `{"channelIds":["linkedin"],"start":"2026-02-01"}`, "channelIds[0]", "24 hexadecimal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)

			e := testkit.ToolError(t, h.call(t, "get_aggregated_post_metrics", tt.args))

			assert.Equal(t, "InvalidArguments", e.Type)
			assert.Equal(t, tt.field, e.Field)
			assert.Contains(t, e.Message, tt.msg)
			h.fake.assertNoRequest(t)
		})
	}
}

func TestAYearOf365DaysIsAccepted(t *testing.T) {
	h := newHarness(t)
	h.stub(gql("AggregatedPostMetrics", metricsData))

	requireSuccess(t, h.call(t, "get_aggregated_post_metrics", `{"organizationId":"{org1}","start":"2025-01-01","end":"2025-12-31"}`))
}

func TestListPostsAsksForMetricsOnlyWhenTold(t *testing.T) {
	h := newHarness(t)
	measured := `{"posts":{"edges":[` +
		`{"node":{"id":"{post1}","channelId":"{ch1}","channelService":"linkedin","status":"sent","text":"Out now",` +
		`"dueAt":"2026-02-27T14:00:00.000Z","sentAt":"2026-02-27T14:00:03.000Z","createdAt":"2026-02-20T08:00:00.000Z",` +
		`"externalLink":null,"error":null,"tags":[]},"measured":{"metrics":[{"type":"impressions","value":4210},` +
		`{"type":"engagementRate","value":7.3}]}},` +
		`{"node":{"id":"{post2}","channelId":"{ch1}","channelService":"linkedin","status":"scheduled","text":"Soon",` +
		`"dueAt":"2026-03-09T14:00:00.000Z","sentAt":null,"createdAt":"2026-02-21T08:00:00.000Z",` +
		`"externalLink":null,"error":null,"tags":[]},"measured":{"metrics":null}}],` +
		`"pageInfo":{"hasNextPage":false,"endCursor":"c"}}}`
	h.stub(gql("ListPosts", listPostsData), gql("ListPosts", measured))

	plain := h.call(t, "list_posts", `{"organizationId":"{org1}"}`)
	withMetrics := h.call(t, "list_posts", `{"organizationId":"{org1}","includeMetrics":true}`)

	requireSuccess(t, plain)
	assert.NotContains(t, structured(t, plain), "metrics")
	requireSuccess(t, withMetrics)
	assertStructured(t, `{"posts":[`+
		`{"id":"{post1}","channelId":"{ch1}","channelService":"linkedin","status":"sent","text":"Out now",`+
		`"dueAt":"2026-02-27T14:00:00Z","sentAt":"2026-02-27T14:00:03Z","createdAt":"2026-02-20T08:00:00Z",`+
		`"metrics":{"impressions":4210,"engagementRate":7.3}},`+
		`{"id":"{post2}","channelId":"{ch1}","channelService":"linkedin","status":"scheduled","text":"Soon",`+
		`"dueAt":"2026-03-09T14:00:00Z","createdAt":"2026-02-21T08:00:00Z"}],`+
		`"pageInfo":{"hasNextPage":false,"endCursor":"c"}}`, withMetrics)
	h.assertVariables(t, "ListPosts",
		`{"input":{"organizationId":"{org1}","sort":[{"field":"createdAt","direction":"desc"}]},"first":20}`,
		`{"input":{"organizationId":"{org1}","sort":[{"field":"createdAt","direction":"desc"}]},"first":20,"includeMetrics":true}`)
}
