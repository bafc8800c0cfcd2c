package sandbox

import (
	"testing"

	"github.com/Khan/genqlient/graphql"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/buffer-mcp/buffer-mcp/client"
)

func TestGetAccount(t *testing.T) {
	tests := []struct {
		seed     string
		wantOrgs []client.GetAccountAccountOrganizationsOrganization
	}{
		{seed: "one-org", wantOrgs: []client.GetAccountAccountOrganizationsOrganization{
			{Name: "North Bean Coffee Roasters", ChannelCount: 10}}},
		{seed: "two-orgs", wantOrgs: []client.GetAccountAccountOrganizationsOrganization{
			{Name: "North Bean Coffee Roasters", ChannelCount: 10}, {Name: "Harbour Lane Bakery", ChannelCount: 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			s := newSandbox(t, Options{Seed: tt.seed})
			resp, err := client.GetAccount(ctx(t), newClient(s))
			require.NoError(t, err)
			got := resp.Account
			assert.Equal(t, s.Seed().AccountID, got.Id)
			assert.Equal(t, "maya@northbeancoffee.example", got.Email)
			assert.Equal(t, "America/New_York", got.Timezone)
			for i := range tt.wantOrgs {
				tt.wantOrgs[i].Id = s.Seed().Organizations[i].ID
			}
			assert.Equal(t, tt.wantOrgs, got.Organizations)
		})
	}
}

func TestAccountOrganizationsFilter(t *testing.T) {
	s := newSandbox(t, Options{Seed: "two-orgs"})
	bakery := s.Seed().Organizations[1].ID
	got := post(t, s, "POST", `{"query":"{ account { organizations(filter: {organizationId: \"`+bakery+`\"}) { name ownerEmail } } }"}`, "Bearer "+DefaultKey)
	assert.JSONEq(t, `{"data":{"account":{"organizations":[{"name":"Harbour Lane Bakery","ownerEmail":"maya@northbeancoffee.example"}]}}}`, got.body)
}

func TestListChannels(t *testing.T) {
	s := newSandbox(t, Options{Seed: "two-orgs"})
	c := newClient(s)
	for _, org := range s.Seed().Organizations {
		t.Run(org.Name, func(t *testing.T) {
			resp, err := client.ListChannels(ctx(t), c, org.ID)
			require.NoError(t, err)
			var got []string
			for _, ch := range resp.Channels {
				got = append(got, ch.Id)
				assert.Equal(t, org.ID, ch.OrganizationId)
			}
			var want []string
			for _, key := range org.Channels {
				want = append(want, s.Seed().Channels[key].ID)
			}
			assert.Equal(t, want, got)
		})
	}
}

func TestListChannelsFilter(t *testing.T) {
	s := newSandbox(t, Options{})
	org := s.Seed().Organizations[0].ID
	query := func(filter string) string {
		return `{"query":"{ channels(input: {organizationId: \"` + org + `\", filter: ` + filter + `}) { service } }"}`
	}
	got := post(t, s, "POST", query(`{isLocked: true}`), "Bearer "+DefaultKey)
	assert.JSONEq(t, `{"data":{"channels":[{"service":"tiktok"}]}}`, got.body)
	got = post(t, s, "POST", query(`{product: engage}`), "Bearer "+DefaultKey)
	assert.JSONEq(t, `{"data":{"channels":[]}}`, got.body)
}

func TestGetChannel(t *testing.T) {
	s := newSandbox(t, Options{})
	seeded := s.Seed().Channels["mastodon"]
	resp, err := client.GetChannel(ctx(t), newClient(s), seeded.ID)
	require.NoError(t, err)
	got := resp.Channel.ChannelFields
	assert.Equal(t, client.ServiceMastodon, got.Service)
	assert.Equal(t, "Asia/Tokyo", got.Timezone)
	assert.Equal(t, s.Seed().Organizations[0].ID, got.OrganizationId)
	require.Len(t, got.PostingSchedule, 7)
	assert.Equal(t, client.ChannelFieldsPostingScheduleScheduleV2{
		Day: client.DayOfWeekSun, Times: []string{"07:30", "12:00", "20:00"}, Paused: true,
	}, got.PostingSchedule[6])

	flags := map[string][3]bool{} // paused, disconnected, locked
	for key, ch := range s.Seed().Channels {
		resp, err := client.GetChannel(ctx(t), newClient(s), ch.ID)
		require.NoError(t, err)
		flags[key] = [3]bool{resp.Channel.IsQueuePaused, resp.Channel.IsDisconnected, resp.Channel.IsLocked}
	}
	assert.Equal(t, [3]bool{true, false, false}, flags["facebook"])
	assert.Equal(t, [3]bool{false, true, false}, flags["bluesky"])
	assert.Equal(t, [3]bool{false, false, true}, flags["tiktok"])
	assert.Equal(t, [3]bool{false, false, false}, flags["linkedin"])
}

// notFound checks a top-level NOT_FOUND error, which genqlient returns as a gqlerror.List.
func assertNotFound(t *testing.T, err error, wantMessage string) {
	t.Helper()
	var list gqlerror.List
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 1)
	assert.Equal(t, wantMessage, list[0].Message)
	assert.Equal(t, "NOT_FOUND", list[0].Extensions["code"])
}

func TestNotFoundQueries(t *testing.T) {
	s := newSandbox(t, Options{})
	c := newClient(s)
	unknown := "aaaaaaaaaaaaaaaaaaaaaaaa"
	tests := []struct {
		name        string
		call        func(c graphql.Client, id string) error
		wantMessage string
	}{
		{"channels of an unknown organization", func(c graphql.Client, id string) error {
			_, err := client.ListChannels(ctx(t), c, id)
			return err
		}, "Organization not found"},
		{"unknown channel", func(c graphql.Client, id string) error {
			_, err := client.GetChannel(ctx(t), c, id)
			return err
		}, "Channel not found"},
		{"unknown post", func(c graphql.Client, id string) error {
			_, err := client.GetPost(ctx(t), c, id)
			return err
		}, "Post not found"},
		{"posts of an unknown organization", func(c graphql.Client, id string) error {
			_, err := client.ListPosts(ctx(t), c, client.PostsInput{OrganizationId: id}, 20, "", false)
			return err
		}, "Organization not found"},
	}
	for _, tt := range tests {
		for _, id := range []string{unknown, "not-an-object-id", s.Seed().AccountID} {
			t.Run(tt.name+" "+id, func(t *testing.T) {
				assertNotFound(t, tt.call(c, id), tt.wantMessage)
			})
		}
	}

	got := post(t, s, "POST", `{"query":"{ channel(input: {id: \"nope\"}) { id } }"}`, "Bearer "+DefaultKey)
	assert.Equal(t, 200, got.status)
	assert.JSONEq(t, `{"data":null,"errors":[{"message":"Channel not found","path":["channel"],"extensions":{"code":"NOT_FOUND"}}]}`, got.body)
}
