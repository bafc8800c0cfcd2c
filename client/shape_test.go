package client

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestShapesFindWhatABlankAnswerLacks: each generated shape names the first place where an
// answer without errors lacks what its operation asked for, and finds nothing to say of a
// complete one (SPEC §7.3).
func TestShapesFindWhatABlankAnswerLacks(t *testing.T) {
	const account = `"id":"a1","email":"ada@example.com","name":null,"timezone":"Europe/London"`
	const post = `"id":"p1","channelId":"c1","channelService":"linkedin","status":"scheduled","text":"hi",` +
		`"dueAt":null,"sentAt":null,"createdAt":"2026-12-01T09:00:00Z","externalLink":null,"error":null,"tags":[]`
	const detail = post + `,"schedulingType":null,"shareMode":"addToQueue","assets":[],"channel":{"timezone":"UTC"}`
	tests := []struct {
		op, data, want string
	}{
		{"GetAccount", `{"account":{` + account + `,"organizations":[{"id":"o1","name":"Org","channelCount":2}]}}`, ""},
		{"GetAccount", `{}`, "account is missing"},
		{"GetAccount", `{"account":null}`, "account is null"},
		{"GetAccount", `{"account":[]}`, "account is not an object"},
		{"GetAccount", `{"account":{}}`, "account.id is missing"},
		{"GetAccount", `{"account":{"id":"a1","email":"e"}}`, "account.organizations is missing"},
		{"GetAccount", `{"account":{` + account + `,"organizations":[null]}}`, "account.organizations[0] is null"},
		{"GetAccount", `{"account":{` + account + `,"organizations":[{"id":"o1","name":"Org"}]}}`, "account.organizations[0].channelCount is missing"},
		{"GetAccount", `{"account":{` + account + `,"organizations":{}}}`, "account.organizations is not a list"},
		{"ListPosts", `{"posts":{"edges":[{"node":{` + post + `}}],"pageInfo":{"hasNextPage":false,"endCursor":null}}}`, ""},
		{"ListPosts", `{"posts":{}}`, "posts.pageInfo is missing"},
		// measured (a post's metrics) is asked for only with includeMetrics: @include.
		{"ListPosts", `{"posts":{"edges":[{"node":{` + post + `},"measured":{"metrics":null}}],"pageInfo":{"hasNextPage":false}}}`, ""},
		{"ListPosts", `{"posts":{"edges":[{"node":{` + post + `}},{"node":{"id":null}}],"pageInfo":{"hasNextPage":false}}}`, "posts.edges[1].node.id is null"},
		{"CreatePost", `{"createPost":{"__typename":"PostActionSuccess","post":{` + detail + `}}}`, ""},
		{"CreatePost", `{}`, "createPost is missing"},
		{"CreatePost", `{"createPost":null}`, "createPost is null"},
		{"CreatePost", `{"createPost":{"__typename":"PostActionSuccess"}}`, "createPost.post is missing"},
		{"CreatePost", `{"createPost":{"__typename":"PostActionSuccess","post":{"id":"p1"}}}`, "createPost.post.channelId is missing"},
		{"CreatePost", `{"createPost":{"__typename":"InvalidInputError","message":"Text is required"}}`, ""},
		{"CreatePost", `{"createPost":{"__typename":"InvalidInputError"}}`, "createPost.message is missing"},
		{"CreatePost", `{"createPost":{"__typename":"SomeNewError","message":"m"}}`, ""}, // an unknown member: the client reports it by name
		{"DeletePost", `{"deletePost":{"__typename":"DeletePostSuccess","id":"p1"}}`, ""},
		{"DeletePost", `{"deletePost":{"__typename":"DeletePostSuccess"}}`, "deletePost.id is missing"},
		{"CreateIdea", `{"createIdea":{"__typename":"IdeaResponse","idea":null}}`, ""}, // idea is nullable: the tool reports it
	}
	for _, tt := range tests {
		t.Run(tt.op+" "+tt.data, func(t *testing.T) {
			s := shapeOf(tt.op)
			if assert.NotNil(t, s) {
				assert.Equal(t, tt.want, s.missing([]byte(`{"data":`+tt.data+`}`)))
			}
		})
	}
}

// TestANullableFieldMayBeNullOrLeftOut, at the root too: the next issues bring a nullable
// root field (postTemplate), whose null is an answer ("no such template"), not a blank.
func TestANullableFieldMayBeNullOrLeftOut(t *testing.T) {
	s := shape{{key: "postTemplate", nullable: true, sub: shape{{key: "id"}, {key: "name", nullable: true}}}}
	assert.Empty(t, s.missing([]byte(`{"data":{"postTemplate":null}}`)))
	assert.Empty(t, s.missing([]byte(`{"data":{}}`)))
	assert.Empty(t, s.missing([]byte(`{"data":{"postTemplate":{"id":"t1"}}}`)))
	assert.Equal(t, "postTemplate.id is missing", s.missing([]byte(`{"data":{"postTemplate":{"name":"x"}}}`)))
}

// TestEveryOperationHasAShape: the generated list covers every operation the client
// sends, so that no operation goes unchecked.
func TestEveryOperationHasAShape(t *testing.T) {
	for _, op := range []string{"GetAccount", "ListChannels", "GetChannel", "ListPosts", "GetPost",
		"CreatePost", "EditPost", "DeletePost", "ListIdeas", "CreateIdea"} {
		assert.NotNil(t, shapeOf(op), op)
	}
	assert.Nil(t, shapeOf("NoSuchOperation"))
}

// FuzzShapeMissing: the walker reads only JSON that genqlient's decoding accepted, but it
// must not panic or loop on anything else either.
func FuzzShapeMissing(f *testing.F) {
	for _, s := range []string{
		`{"data":{"createPost":{"__typename":"PostActionSuccess","post":{"id":"p\"1","text":"a\\"}}}}`,
		`{"data":{"createPost":null}}`, `{"data":[]}`, `{"data":{"createPost":{"__typename":1}}}`,
		`{"data":{"createPost":}`, `{"data"`, `[}]`, `{"a":[}`, `"`, `{"data":{"createPost":{"post":[1,}]}}}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, op := range []string{"CreatePost", "ListPosts", "GetAccount"} {
			shapeOf(op).missing([]byte(raw))
		}
	})
}

// BenchmarkShapeListPosts is the check of one ListPosts answer of 20 posts: what a
// complete answer costs on top of its decoding.
func BenchmarkShapeListPosts(b *testing.B) {
	const post = `{"node":{"id":"6a1b2c3d4e5f6a7b8c9d0e01","channelId":"5f0c1b2a3d4e5f6a7b8c9d0e","channelService":"linkedin","status":"scheduled","text":"a word a word a word a word a word a word a word a word a word a word a word a word a word a word a word a word","dueAt":"2026-12-01T09:30:00.000Z","sentAt":null,"createdAt":"2026-11-01T10:00:00.000Z","externalLink":null,"error":null,"tags":[]}}`
	raw := []byte(`{"data":{"posts":{"edges":[` + strings.Repeat(post+",", 19) + post + `],"pageInfo":{"hasNextPage":true,"endCursor":"abc"}}}}`)
	s := shapeOf("ListPosts")
	b.ReportAllocs()
	for b.Loop() {
		if p := s.missing(raw); p != "" {
			b.Fatal(p)
		}
	}
}
