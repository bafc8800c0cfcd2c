package sandbox

import (
	"testing"

	"github.com/Khan/genqlient/graphql"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// ideaKeys maps idea ids back to their seed keys; an idea made during the test is "new".
func ideaKeys(s *Server, edges []client.ListIdeasIdeasIdeasConnectionEdgesIdeaEdge) []string {
	byID := map[string]string{}
	for k, i := range s.Seed().Ideas {
		byID[i.ID] = k
	}
	out := []string{}
	for _, e := range edges {
		k, ok := byID[e.Node.Id]
		if !ok {
			k = "new"
		}
		out = append(out, k)
	}
	return out
}

// ideaResult is what a createIdea came to, whatever the union member.
type ideaResult struct {
	typename string
	message  string
	idea     client.IdeaFields
}

func createIdea(t *testing.T, c graphql.Client, in client.CreateIdeaInput) ideaResult {
	t.Helper()
	resp, err := client.CreateIdea(ctx(t), c, in)
	require.NoError(t, err)
	r := ideaResult{typename: resp.CreateIdea.GetTypename()}
	switch p := resp.CreateIdea.(type) {
	case *client.CreateIdeaCreateIdea:
		r.idea = p.IdeaFields
	case *client.CreateIdeaCreateIdeaIdeaResponse:
		r.idea = p.Idea.IdeaFields
	case interface{ GetMessage() string }:
		r.message = p.GetMessage()
	}
	return r
}

func TestListIdeasNewestFirstPerOrganization(t *testing.T) {
	s := newSandbox(t, Options{Seed: "two-orgs"})
	c := newClient(s)
	tests := []struct {
		org  int
		want []string
	}{
		{org: 0, want: []string{"roast-levels", "gift-guide", "cold-brew-carousel", "latte-art-fridays", "origin-stories"}},
		{org: 1, want: []string{"starter-name", "bake-along"}},
	}
	for _, tt := range tests {
		org := s.Seed().Organizations[tt.org]
		t.Run(org.Name, func(t *testing.T) {
			resp, err := client.ListIdeas(ctx(t), c, org.ID, 20, "")
			require.NoError(t, err)
			assert.Equal(t, tt.want, ideaKeys(s, resp.Ideas.Edges))
			assert.False(t, resp.Ideas.PageInfo.HasNextPage)
		})
	}
}

func TestListIdeasGivesEveryField(t *testing.T) {
	s := newSandbox(t, Options{})
	seed := s.Seed()
	resp, err := client.ListIdeas(ctx(t), newClient(s), seed.Organizations[0].ID, 20, "")
	require.NoError(t, err)
	byKey := map[string]client.IdeaFields{}
	for i, k := range ideaKeys(s, resp.Ideas.Edges) {
		byKey[k] = resp.Ideas.Edges[i].Node.IdeaFields
	}

	latte := byKey["latte-art-fridays"]
	assert.Equal(t, client.IdeaFields{
		Id:        seed.Ideas["latte-art-fridays"].ID,
		GroupId:   seed.Ideas["latte-art-fridays"].GroupID,
		CreatedAt: int(fixedNow.Add(-5 * day).Unix()), // Unix seconds, not a DateTime
		Content: client.IdeaFieldsContentIdeaContent{
			Title:    "Latte art Fridays",
			Text:     "A short weekly clip of one barista's pour; followers vote for the best one in the comments.",
			Services: []client.Service{client.ServiceInstagram, client.ServiceTiktok},
			Media: []client.IdeaFieldsContentIdeaContentMediaIdeaMedia{{Type: client.MediaTypeImage,
				Url: "https://cdn.example.com/northbean/latte-art-tulip.jpg", Alt: "A tulip poured in a flat white"}},
		},
	}, latte)
	assert.NotEmpty(t, latte.GroupId)
	assert.Equal(t, latte.GroupId, byKey["origin-stories"].GroupId, "a series shares its board column")

	carousel := byKey["cold-brew-carousel"]
	assert.Empty(t, carousel.Content.Title)
	assert.Empty(t, carousel.GroupId)
	assert.Empty(t, carousel.Content.Media)
	assert.Equal(t, "2026-03-21T00:00:00.000Z", carousel.Content.Date, "a planned date, as a DateTime")

	gift := byKey["gift-guide"]
	assert.Empty(t, gift.Content.Text)
	assert.Equal(t, []client.Service{}, gift.Content.Services, "services is a list, never null")
}

func TestListIdeasPagesForward(t *testing.T) {
	s := newSandbox(t, Options{})
	c := newClient(s)
	org := s.Seed().Organizations[0].ID

	var got []string
	after := ""
	for range 3 {
		resp, err := client.ListIdeas(ctx(t), c, org, 2, after)
		require.NoError(t, err)
		got = append(got, ideaKeys(s, resp.Ideas.Edges)...)
		if !resp.Ideas.PageInfo.HasNextPage {
			break
		}
		after = resp.Ideas.PageInfo.EndCursor
		require.NotEmpty(t, after)
	}
	assert.Equal(t, []string{"roast-levels", "gift-guide", "cold-brew-carousel", "latte-art-fridays", "origin-stories"}, got)
}

func TestListIdeasRefusals(t *testing.T) {
	s := newSandbox(t, Options{Seed: "two-orgs"})
	c := newClient(s)
	org, bakery := s.Seed().Organizations[0].ID, s.Seed().Organizations[1].ID
	page, err := client.ListIdeas(ctx(t), c, org, 2, "")
	require.NoError(t, err)
	cursor := page.Ideas.PageInfo.EndCursor

	tests := []struct {
		name        string
		org         string
		first       int
		after       string
		wantCode    string
		wantMessage string
	}{
		{name: "unknown organization", org: "aaaaaaaaaaaaaaaaaaaaaaaa", first: 20, wantCode: "NOT_FOUND", wantMessage: "Organization not found"},
		{name: "organization id that is not an ObjectId", org: "north-bean", first: 20, wantCode: "NOT_FOUND", wantMessage: "Organization not found"},
		{name: "first 0", org: org, first: 0, wantCode: "BAD_USER_INPUT", wantMessage: "first must be between 1 and 100."},
		{name: "first 101", org: org, first: 101, wantCode: "BAD_USER_INPUT", wantMessage: "first must be between 1 and 100."},
		{name: "cursor from another organization", org: bakery, first: 2, after: cursor, wantCode: "BAD_USER_INPUT", wantMessage: errCursor},
		{name: "cursor never issued", org: org, first: 2, after: "bm90IGEgY3Vyc29y", wantCode: "BAD_USER_INPUT",
			wantMessage: "Invalid cursor: it is not one the API returned."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := client.ListIdeas(ctx(t), c, tt.org, tt.first, tt.after)
			var list gqlerror.List
			require.ErrorAs(t, err, &list)
			require.Len(t, list, 1)
			assert.Equal(t, tt.wantMessage, list[0].Message)
			assert.Equal(t, tt.wantCode, list[0].Extensions["code"])
		})
	}
}

func TestCreateIdea(t *testing.T) {
	s := newSandbox(t, Options{})
	c := newClient(s)
	org := s.Seed().Organizations[0].ID

	got := createIdea(t, c, client.CreateIdeaInput{OrganizationId: org, Content: client.IdeaContentInput{
		Title: "Barista of the month", Text: "A short profile of one of our baristas each month.",
		Services: []client.Service{client.ServiceLinkedin, client.ServiceInstagram}, Date: "2026-04-01T09:00:00+02:00",
	}})

	require.Equal(t, "Idea", got.typename, "Buffer answers with the Idea itself; message %q", got.message)
	assert.Regexp(t, `^[0-9a-f]{24}$`, got.idea.Id)
	assert.Equal(t, client.IdeaFieldsContentIdeaContent{
		Title: "Barista of the month", Text: "A short profile of one of our baristas each month.",
		Services: []client.Service{client.ServiceLinkedin, client.ServiceInstagram}, Date: "2026-04-01T07:00:00.000Z",
	}, got.idea.Content)
	assert.Equal(t, int(fixedNow.Unix()), got.idea.CreatedAt)
	assert.Empty(t, got.idea.GroupId)

	ideas := s.Ideas()
	stored := ideas[len(ideas)-1]
	assert.Equal(t, got.idea.Id, stored.ID)
	assert.Equal(t, org, stored.OrganizationID)

	resp, err := client.ListIdeas(ctx(t), c, org, 1, "")
	require.NoError(t, err)
	require.Len(t, resp.Ideas.Edges, 1)
	assert.Equal(t, got.idea.Id, resp.Ideas.Edges[0].Node.Id, "the newest idea comes first")
}

func TestCreateIdeaWithTitleOrTextAlone(t *testing.T) {
	s := newSandbox(t, Options{})
	c := newClient(s)
	org := s.Seed().Organizations[0].ID
	for _, content := range []client.IdeaContentInput{{Title: "Only a title"}, {Text: "Only a text"}} {
		got := createIdea(t, c, client.CreateIdeaInput{OrganizationId: org, Content: content})
		require.Equal(t, "Idea", got.typename, got.message)
		assert.Equal(t, content.Title, got.idea.Content.Title)
		assert.Equal(t, content.Text, got.idea.Content.Text)
		assert.Equal(t, []client.Service{}, got.idea.Content.Services)
		assert.Empty(t, got.idea.Content.Date)
	}
}

func TestCreateIdeaRefusals(t *testing.T) {
	s := newSandbox(t, Options{Seed: "two-orgs", IdeaLimit: 5}) // the roaster has 5 ideas, the bakery 2
	org := s.Seed().Organizations[0].ID
	tests := []struct {
		name         string
		in           client.CreateIdeaInput
		wantTypename string
		wantMessage  string
	}{
		{name: "no title and no text", in: client.CreateIdeaInput{OrganizationId: s.Seed().Organizations[1].ID,
			Content: client.IdeaContentInput{Services: []client.Service{client.ServiceInstagram}}},
			wantTypename: "InvalidInputError", wantMessage: "An idea needs a title or text."},
		{name: "blank title and text", in: client.CreateIdeaInput{OrganizationId: s.Seed().Organizations[1].ID,
			Content: client.IdeaContentInput{Title: " ", Text: "\n\t"}},
			wantTypename: "InvalidInputError", wantMessage: "An idea needs a title or text."},
		{name: "unknown organization", in: client.CreateIdeaInput{OrganizationId: "aaaaaaaaaaaaaaaaaaaaaaaa",
			Content: client.IdeaContentInput{Text: "hi"}},
			wantTypename: "UnauthorizedError", wantMessage: "You do not have access to this organization."},
		{name: "organization id that is not an ObjectId", in: client.CreateIdeaInput{OrganizationId: "north-bean",
			Content: client.IdeaContentInput{Text: "hi"}},
			wantTypename: "UnauthorizedError", wantMessage: "You do not have access to this organization."},
		{name: "the plan's limit", in: client.CreateIdeaInput{OrganizationId: org, Content: client.IdeaContentInput{Text: "one more"}},
			wantTypename: "LimitReachedError",
			wantMessage:  "Ideas limit reached: this organization already has 5 ideas. Delete some, or upgrade your plan."},
	}
	c := newClient(s)
	before := len(s.Ideas())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := createIdea(t, c, tt.in)
			assert.Equal(t, tt.wantTypename, got.typename)
			assert.Equal(t, tt.wantMessage, got.message)
		})
	}
	assert.Len(t, s.Ideas(), before, "no refused idea is stored")

	// The limit is per organization: the bakery still has room.
	got := createIdea(t, c, client.CreateIdeaInput{OrganizationId: s.Seed().Organizations[1].ID, Content: client.IdeaContentInput{Text: "Rye week"}})
	assert.Equal(t, "Idea", got.typename, got.message)
}

func TestIdeaLimitMustNotBeNegative(t *testing.T) {
	_, err := New(Options{IdeaLimit: -1})
	assert.ErrorContains(t, err, "idea limit")
}

func TestIdeasReturnsACopy(t *testing.T) {
	s := newSandbox(t, Options{})
	ideas := s.Ideas()
	require.NotEmpty(t, ideas)
	ideas[0].Title = "changed"
	ideas[0].Services[0] = "changed"
	assert.NotEqual(t, "changed", s.Ideas()[0].Title)
	assert.NotEqual(t, "changed", s.Ideas()[0].Services[0])
	assert.Len(t, s.Seed().Ideas, len(ideas))
}
