package sandbox

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

func TestSeedCoversEveryStatus(t *testing.T) {
	s := newSandbox(t, Options{})
	statuses := map[string]int{}
	for _, p := range s.Seed().Posts {
		statuses[p.Status]++
	}
	assert.Equal(t, map[string]int{"draft": 6, "needs_approval": 1, "scheduled": 14, "sending": 1, "sent": 4, "error": 2}, statuses)
	assert.Len(t, s.Seed().Channels, 10)
	assert.Len(t, s.Posts(), len(s.Seed().Posts))
}

// TestSeedTimes holds for any start time, since the seed is laid out relative to it.
func TestSeedTimes(t *testing.T) {
	for _, start := range []time.Time{fixedNow, time.Now(), time.Date(2027, 12, 31, 23, 59, 59, 0, time.UTC)} {
		t.Run(start.String(), func(t *testing.T) {
			s := newSandbox(t, Options{Seed: "two-orgs", Now: func() time.Time { return start }})
			for _, p := range s.Posts() {
				assert.False(t, p.CreatedAt.After(start), p.ID)
				assert.Equal(t, "UTC", p.CreatedAt.Location().String())
				switch p.Status {
				case statusScheduled:
					require.NotNil(t, p.DueAt)
					assert.True(t, p.DueAt.After(start), "scheduled posts are in the future")
				case statusSent, statusSending, statusError:
					require.NotNil(t, p.DueAt)
					assert.True(t, p.DueAt.Before(start), "published posts are in the past")
				}
				assert.Equal(t, p.Status == statusSent, p.SentAt != nil)
				assert.Equal(t, p.Status == statusSent, p.ExternalLink != "")
				assert.Equal(t, p.Status == statusError, p.Error != nil)
			}
		})
	}
}

func TestSeedIsDeterministic(t *testing.T) {
	a, b := newSandbox(t, Options{}), newSandbox(t, Options{})
	assert.Equal(t, a.Seed(), b.Seed())
	assert.Equal(t, a.Posts(), b.Posts())

	two := newSandbox(t, Options{Seed: "two-orgs"})
	assert.Equal(t, a.Seed().Organizations[0], two.Seed().Organizations[0], "two-orgs extends one-org")
	assert.Equal(t, a.Seed().Channels["linkedin"], two.Seed().Channels["linkedin"])
}

func TestSeedTwoOrgs(t *testing.T) {
	s := newSandbox(t, Options{Seed: "two-orgs"})
	seed := s.Seed()
	require.Len(t, seed.Organizations, 2)
	bakery := seed.Organizations[1]
	assert.Equal(t, "Harbour Lane Bakery", bakery.Name)
	assert.Equal(t, []string{"bakery-instagram", "bakery-threads"}, bakery.Channels)

	resp, err := client.ListPosts(ctx(t), newClient(s), client.PostsInput{OrganizationId: bakery.ID}, 20, "", false)
	require.NoError(t, err)
	assert.Equal(t, []string{"bakery-thread", "bakery-draft", "bakery-queued", "bakery-sent"}, keys(s, resp.Posts.Edges))
	for _, e := range resp.Posts.Edges {
		assert.Contains(t, []string{seed.Channels["bakery-instagram"].ID, seed.Channels["bakery-threads"].ID}, e.Node.ChannelId)
	}
}

func TestSeedReturnsACopy(t *testing.T) {
	s := newSandbox(t, Options{})
	info := s.Seed()
	info.Channels["linkedin"] = SeedChannel{}
	info.Organizations[0].Name = "changed"
	assert.NotEmpty(t, s.Seed().Channels["linkedin"].ID)
	assert.Equal(t, "North Bean Coffee Roasters", s.Seed().Organizations[0].Name)

	posts := s.Posts()
	posts[0].Text = "changed"
	posts[0].DueAt = nil
	assert.NotEqual(t, "changed", s.Posts()[0].Text)
}
