package tools_test

import (
	"testing"
)

func TestListPostsDefaultSortIsQueueOrderOnlyForUnpublishedStatuses(t *testing.T) {
	tests := []struct {
		name     string
		args     string
		wantVars string
	}{
		{
			name:     "no status: newest first",
			args:     `{"organizationId":"{org1}"}`,
			wantVars: `{"input":{"organizationId":"{org1}","sort":[{"field":"createdAt","direction":"desc"}]},"first":20}`,
		},
		{
			name: "scheduled: queue order",
			args: `{"organizationId":"{org1}","status":["scheduled"]}`,
			wantVars: `{"input":{"organizationId":"{org1}","filter":{"status":["scheduled"]},` +
				`"sort":[{"field":"dueAt","direction":"asc"}]},"first":20}`,
		},
		{
			name: "every unpublished status: queue order",
			args: `{"organizationId":"{org1}","status":["draft","needs_approval","scheduled","sending"]}`,
			wantVars: `{"input":{"organizationId":"{org1}","filter":{"status":["draft","needs_approval","scheduled","sending"]},` +
				`"sort":[{"field":"dueAt","direction":"asc"}]},"first":20}`,
		},
		{
			name: "scheduled and sent: newest first",
			args: `{"organizationId":"{org1}","status":["scheduled","sent"]}`,
			wantVars: `{"input":{"organizationId":"{org1}","filter":{"status":["scheduled","sent"]},` +
				`"sort":[{"field":"createdAt","direction":"desc"}]},"first":20}`,
		},
		{
			name: "error: newest first",
			args: `{"organizationId":"{org1}","status":["error"]}`,
			wantVars: `{"input":{"organizationId":"{org1}","filter":{"status":["error"]},` +
				`"sort":[{"field":"createdAt","direction":"desc"}]},"first":20}`,
		},
		{
			name: "sort given for sent posts wins",
			args: `{"organizationId":"{org1}","status":["sent"],"sort":"dueAt_desc"}`,
			wantVars: `{"input":{"organizationId":"{org1}","filter":{"status":["sent"]},` +
				`"sort":[{"field":"dueAt","direction":"desc"}]},"first":20}`,
		},
		{
			name: "sort given for scheduled posts wins",
			args: `{"organizationId":"{org1}","status":["scheduled"],"sort":"createdAt_asc"}`,
			wantVars: `{"input":{"organizationId":"{org1}","filter":{"status":["scheduled"]},` +
				`"sort":[{"field":"createdAt","direction":"asc"}]},"first":20}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(gql("ListPosts", listPostsData))

			requireSuccess(t, h.call(t, "list_posts", tt.args))

			h.assertVariables(t, "ListPosts", tt.wantVars)
		})
	}
}

func TestListPostsSendsFiltersAndPagingAsGivenAndNothingElse(t *testing.T) {
	tests := []struct {
		name     string
		args     string
		wantVars string
	}{
		{
			name: "every filter, times in UTC",
			args: `{"organizationId":"{org1}","channelIds":["{ch1}","{ch2}"],"status":["scheduled"],` +
				`"dueAfter":"2026-03-02T00:00:00+01:00","dueBefore":"2026-03-09T00:00:00+01:00","first":50,"after":"cursor-1"}`,
			wantVars: `{"input":{"organizationId":"{org1}","filter":{"channelIds":["{ch1}","{ch2}"],"status":["scheduled"],` +
				`"dueAt":{"start":"2026-03-01T23:00:00Z","end":"2026-03-08T23:00:00Z"}},` +
				`"sort":[{"field":"dueAt","direction":"asc"}]},"first":50,"after":"cursor-1"}`,
		},
		{
			name: "dueAfter alone has no end",
			args: `{"organizationId":"{org1}","dueAfter":"2026-03-02T00:00:00Z"}`,
			wantVars: `{"input":{"organizationId":"{org1}","filter":{"dueAt":{"start":"2026-03-02T00:00:00Z"}},` +
				`"sort":[{"field":"createdAt","direction":"desc"}]},"first":20}`,
		},
		{
			name: "dueBefore alone has no start",
			args: `{"organizationId":"{org1}","dueBefore":"2026-03-09T09:30:00-05:00"}`,
			wantVars: `{"input":{"organizationId":"{org1}","filter":{"dueAt":{"end":"2026-03-09T14:30:00Z"}},` +
				`"sort":[{"field":"createdAt","direction":"desc"}]},"first":20}`,
		},
		{
			name:     "first 1 and 100 are allowed",
			args:     `{"organizationId":"{org1}","first":100}`,
			wantVars: `{"input":{"organizationId":"{org1}","sort":[{"field":"createdAt","direction":"desc"}]},"first":100}`,
		},
		{
			name:     "empty after is not sent",
			args:     `{"organizationId":"{org1}","first":1,"after":""}`,
			wantVars: `{"input":{"organizationId":"{org1}","sort":[{"field":"createdAt","direction":"desc"}]},"first":1}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(gql("ListPosts", listPostsData))

			requireSuccess(t, h.call(t, "list_posts", tt.args))

			h.assertVariables(t, "ListPosts", tt.wantVars)
		})
	}
}

func TestListPostsWithoutPostsAnswersAnEmptyList(t *testing.T) {
	h := newHarness(t)
	h.stub(gql("ListPosts", `{"posts":{"edges":[],"pageInfo":{"hasNextPage":false,"endCursor":null}}}`))

	res := h.call(t, "list_posts", `{"organizationId":"{org1}"}`)

	requireSuccess(t, res)
	assertStructured(t, `{"posts":[],"pageInfo":{"hasNextPage":false}}`, res)
}

// Buffer adds enum values over time (a new network, a new status). A value this build does
// not know is passed through as it is: failing the whole list for one new value would hide
// every other post, and the output schema does not restrict these strings.
func TestListPostsPassesUnknownEnumValuesThrough(t *testing.T) {
	h := newHarness(t)
	h.stub(gql("ListPosts", `{"posts":{"edges":[{"node":{"id":"{post1}","channelId":"{ch1}","channelService":"nostr",`+
		`"status":"archived","text":"hi","dueAt":null,"sentAt":null,"createdAt":"2026-03-01T10:00:00.000Z",`+
		`"externalLink":null,"error":null,"tags":[]}}],"pageInfo":{"hasNextPage":false,"endCursor":null}}}`))

	res := h.call(t, "list_posts", `{"organizationId":"{org1}"}`)

	requireSuccess(t, res)
	assertStructured(t, `{"posts":[{"id":"{post1}","channelId":"{ch1}","channelService":"nostr","status":"archived",`+
		`"text":"hi","createdAt":"2026-03-01T10:00:00Z"}],"pageInfo":{"hasNextPage":false}}`, res)
}
