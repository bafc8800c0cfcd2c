package tools

import (
	"context"
	"fmt"
	"time"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/internal/dueat"
)

// Metrics of sent posts: totals over a window (get_aggregated_post_metrics) and, on
// request, each post's own (list_posts includeMetrics). Buffer marks both experimental and
// updates them about once a day.

type metricsArgs struct {
	OrganizationID string   `json:"organizationId,omitempty" jsonschema_description:"From get_account; optional with one."`
	ChannelIDs     []string `json:"channelIds,omitempty" jsonschema_description:"From list_channels; default all."`
	Start          string   `json:"start" jsonschema:"required" jsonschema_description:"First day: a date or words (last week, since Monday...)."`
	End            string   `json:"end,omitempty" jsonschema_description:"Included; default start. At most 365 days."`
	Tags           []string `json:"tags,omitempty" jsonschema_description:"Tag ids, from list_tags."`
}

func (a *metricsArgs) validate() error {
	if a.OrganizationID != "" {
		if err := checkID("organizationId", a.OrganizationID); err != nil {
			return err
		}
	}
	for i, id := range a.ChannelIDs {
		if err := checkID(fmt.Sprintf("channelIds[%d]", i), id); err != nil {
			return err
		}
	}
	for i, id := range a.Tags {
		if err := checkID(fmt.Sprintf("tags[%d]", i), id); err != nil {
			return err
		}
	}
	if a.Start == "" {
		return invalidArg("start", "is required: a date such as 2026-11-30, or words such as \"last week\"")
	}
	// Words the reader does not know are refused before anything is sent; the handler
	// reads them again, in the account's timezone, and checks the window they make.
	if _, err := readSpan("start", a.Start, time.Now(), time.UTC); err != nil {
		return err
	}
	if a.End != "" {
		if _, err := readSpan("end", a.End, time.Now(), time.UTC); err != nil {
			return err
		}
	}
	return nil
}

type metricsResult struct {
	Metrics          []metricOut `json:"metrics"`
	MetricsUpdatedAt string      `json:"metricsUpdatedAt,omitempty"`
	Window           *windowOut  `json:"window,omitempty"`
	Note             string      `json:"note,omitempty"` // what the window's words were read as, when the reader assumed something
}

type metricOut struct {
	Type  string  `json:"type" jsonschema:"required"`
	Name  string  `json:"name" jsonschema:"required"`
	Value float64 `json:"value" jsonschema:"required"`
	Unit  string  `json:"unit" jsonschema:"required"`
}

// windowOut is the window as read: its first and last day, both included.
type windowOut struct {
	Start string `json:"start" jsonschema:"required"`
	End   string `json:"end" jsonschema:"required"`
}

// getAggregatedPostMetrics is get_aggregated_post_metrics: how an organization's sent
// posts did over some days.
func getAggregatedPostMetrics(d *shared) Tool {
	return newTool(spec[metricsArgs, metricsResult]{
		name:        "get_aggregated_post_metrics",
		title:       "Get aggregated post metrics",
		description: "Totals of sent posts' metrics over days: how did last week do? Experimental; updated daily.",
		hints:       readHints,
		handle: func(ctx context.Context, args *metricsArgs) (*metricsResult, error) {
			orgID, err := d.postsOrganization(ctx, args.OrganizationID, args.ChannelIDs)
			if err != nil {
				return nil, err
			}
			loc := time.UTC
			if needsClock(args.Start) || needsClock(args.End) {
				if loc, err = d.accountLocation(ctx); err != nil {
					return nil, err
				}
			}
			w, err := readWindow(args.Start, args.End, d.now(), loc)
			if err != nil {
				return nil, err
			}
			input := client.AggregatedPostMetricsInput{
				OrganizationId: orgID,
				StartDateTime:  w.first.Format(time.RFC3339),
				EndDateTime:    w.last.Format(time.RFC3339),
				ChannelIds:     args.ChannelIDs,
			}
			if len(args.Tags) > 0 {
				input.Tags = &client.TagComparator{In: args.Tags}
			}
			resp, err := client.AggregatedPostMetrics(ctx, d.gql, input)
			if err != nil {
				return nil, err
			}
			out := &metricsResult{
				Metrics:          make([]metricOut, 0, len(resp.AggregatedPostMetrics.Metrics)),
				MetricsUpdatedAt: bufferUTC(resp.AggregatedPostMetrics.MetricsUpdatedAt),
				Window:           &windowOut{Start: w.first.Format(time.DateOnly), End: w.last.Format(time.DateOnly)},
				Note:             w.note,
			}
			for _, m := range resp.AggregatedPostMetrics.Metrics {
				out.Metrics = append(out.Metrics, metricOut{Type: string(m.Type), Name: m.Name, Value: m.Value, Unit: string(m.Unit)})
			}
			return out, nil
		},
	}, d)
}

// accountLocation is the account's timezone (get_account's), UTC when Buffer has none.
func (d *shared) accountLocation(ctx context.Context) (*time.Location, error) {
	a, err := d.account(ctx)
	if err != nil {
		return nil, err
	}
	return dueat.Location(a.Timezone), nil
}

// listedPost is a post as list_posts shows it: with its metrics when they were asked for
// and Buffer has them (sent posts, once ingested).
type listedPost struct {
	postOut
	Metrics map[string]float64 `json:"metrics,omitempty"`
}

func toListedPost(e client.ListPostsPostsPostsResultsEdgesPostsEdge) listedPost {
	out := listedPost{postOut: toPostOut(e.Node)}
	if ms := e.Measured.Metrics; len(ms) > 0 {
		out.Metrics = make(map[string]float64, len(ms))
		for _, m := range ms {
			out.Metrics[string(m.Type)] = m.Value
		}
	}
	return out
}
