package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

const (
	// testKey is distinctive so that a leak into any text is easy to find.
	testKey     = "bmcp-test-key-7f3a9c1e5d20b46a"
	testVersion = "1.2.3-test"
	channelID   = "5f0c1b2a3d4e5f6a7b8c9d0e"
	postID      = "6a1b2c3d4e5f6a7b8c9d0e1f"
)

// testContext bounds every request of a test: the failure to fear is a hang.
func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// newClient makes a client that tries each request once, so that a test sees exactly how
// one answer is classified; retry_test.go covers retries.
func newClient(endpoint string, opts ...func(*client.Config)) *client.Client {
	cfg := client.Config{Endpoint: endpoint, APIKey: testKey, Version: testVersion, Timeout: 5 * time.Second,
		Retry: client.RetryPolicy{MaxAttempts: 1}}
	for _, o := range opts {
		o(&cfg)
	}
	return client.New(cfg)
}

// reply is one canned answer of a fake Buffer.
type reply struct {
	status int
	header http.Header
	body   string
}

// serve starts a fake Buffer that reads each request in full and answers r.
func serve(t *testing.T, r reply) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		_, _ = io.Copy(io.Discard, req.Body)
		for k, vs := range r.header {
			w.Header()[k] = vs
		}
		w.WriteHeader(r.status)
		_, _ = io.WriteString(w, r.body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// operation is a generated operation reduced to what a failure test needs.
type operation struct {
	name     string
	mutation bool
	call     func(context.Context, *client.Client) error
}

var (
	getAccount = operation{name: "GetAccount", call: func(ctx context.Context, c *client.Client) error {
		_, err := client.GetAccount(ctx, c)
		return err
	}}
	createPost = operation{name: "CreatePost", mutation: true, call: func(ctx context.Context, c *client.Client) error {
		_, err := client.CreatePost(ctx, c, newPostInput())
		return err
	}}
	// queryAndMutation is what every failure is tried with: a query may be retried, a
	// mutation may not.
	queryAndMutation = []operation{getAccount, createPost}
)

func newPostInput() client.CreatePostInput {
	return client.CreatePostInput{
		ChannelId:      channelID,
		Text:           "hello",
		Mode:           client.ShareModeAddtoqueue,
		SchedulingType: client.SchedulingTypeAutomatic,
	}
}

// want is the part of an *client.Error a test pins down; Message lists substrings.
type want struct {
	Type              string
	Retryable         bool
	RetryAfterSeconds int
	Window            string
	Message           []string
	MessageLacks      []string
}

// requireClientError asserts that err is an *client.Error as w describes, with
// RetryAfterSeconds within slack of w's.
func requireClientError(t *testing.T, w want, slack int, err error) *client.Error {
	t.Helper()
	var got *client.Error
	require.ErrorAs(t, err, &got)
	assert.Equal(t, w.Type, got.Type)
	assert.Equal(t, w.Retryable, got.Retryable, "Retryable")
	assert.InDelta(t, w.RetryAfterSeconds, got.RetryAfterSeconds, float64(slack), "RetryAfterSeconds")
	assert.Equal(t, w.Window, got.Window, "Window")
	for _, s := range w.Message {
		assert.Contains(t, got.Message, s)
	}
	for _, s := range w.MessageLacks {
		assert.NotContains(t, got.Message, s)
	}
	assert.Equal(t, got.Type+": "+got.Message, got.Error())
	return got
}

// captured is what a fake Buffer saw of one request.
type captured struct {
	method, path string
	header       http.Header
	body         []byte
}

func TestRequestHeadersAndBody(t *testing.T) {
	tests := []struct {
		name          string
		call          func(context.Context, *client.Client) error
		wantQuery     string
		wantOperation string
		wantVariables string
	}{
		{
			name: "query",
			call: func(ctx context.Context, c *client.Client) error {
				_, err := client.GetChannel(ctx, c, channelID)
				return err
			},
			wantQuery:     client.GetChannel_Operation,
			wantOperation: "GetChannel",
			wantVariables: `{"id":"` + channelID + `"}`,
		},
		{
			name: "mutation",
			call: func(ctx context.Context, c *client.Client) error {
				_, err := client.CreatePost(ctx, c, newPostInput())
				return err
			},
			wantQuery:     client.CreatePost_Operation,
			wantOperation: "CreatePost",
			// Optional fields left unset are left out, not sent as zero values.
			wantVariables: `{"input":{"channelId":"` + channelID + `","text":"hello","mode":"addToQueue","schedulingType":"automatic"}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seen := make(chan captured, 1)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				body, _ := io.ReadAll(r.Body)
				seen <- captured{method: r.Method, path: r.URL.Path, header: r.Header.Clone(), body: body}
				w.WriteHeader(http.StatusServiceUnavailable) // the answer is not what this test is about
			}))
			t.Cleanup(srv.Close)

			_ = tt.call(testContext(t), newClient(srv.URL+"/graphql"))

			var got captured
			select {
			case got = <-seen:
			default:
				require.FailNow(t, "the server saw no request")
			}
			assert.Equal(t, http.MethodPost, got.method)
			assert.Equal(t, "/graphql", got.path, "the endpoint is used as is")
			assert.Equal(t, "Bearer "+testKey, got.header.Get("Authorization"))
			assert.Equal(t, "buffer-mcp/"+testVersion, got.header.Get("User-Agent"))
			assert.Equal(t, "buffer-mcp/"+testVersion, got.header.Get("x-buffer-client-version"))
			assert.Equal(t, "application/json", got.header.Get("Content-Type"))

			var body map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(got.body, &body))
			keys := make([]string, 0, len(body))
			for k := range body {
				keys = append(keys, k)
			}
			assert.ElementsMatch(t, []string{"query", "variables", "operationName"}, keys)
			var gotQuery, gotOperation string
			require.NoError(t, json.Unmarshal(body["query"], &gotQuery))
			require.NoError(t, json.Unmarshal(body["operationName"], &gotOperation))
			assert.Equal(t, tt.wantQuery, gotQuery)
			assert.Equal(t, tt.wantOperation, gotOperation)
			assert.JSONEq(t, tt.wantVariables, string(body["variables"]))
		})
	}
}

func TestQueryDecodesData(t *testing.T) {
	srv := serve(t, reply{status: http.StatusOK, body: `{"data":{"account":{"id":"a1","email":"ada@example.com","name":"Ada",` +
		`"timezone":"Europe/Paris","organizations":[{"id":"o1","name":"Acme","channelCount":3}]}}}`})

	got, err := client.GetAccount(testContext(t), newClient(srv.URL))

	require.NoError(t, err)
	want := client.GetAccountAccount{
		Id: "a1", Email: "ada@example.com", Name: "Ada", Timezone: "Europe/Paris",
		Organizations: []client.GetAccountAccountOrganizationsOrganization{{Id: "o1", Name: "Acme", ChannelCount: 3}},
	}
	assert.Equal(t, want, got.GetAccount())
}

func TestMutationDecodesSuccessMember(t *testing.T) {
	srv := serve(t, reply{status: http.StatusOK, body: postActionSuccess("createPost")})

	got, err := client.CreatePost(testContext(t), newClient(srv.URL), newPostInput())

	require.NoError(t, err)
	success, ok := got.GetCreatePost().(*client.CreatePostCreatePostPostActionSuccess)
	require.Truef(t, ok, "member is %T", got.GetCreatePost())
	post := success.GetPost()
	assert.Equal(t, postID, post.GetId())
	assert.Equal(t, channelID, post.GetChannelId())
	assert.Equal(t, client.PostStatusScheduled, post.GetStatus())
	assert.Equal(t, "2026-12-01T09:00:00.000Z", post.GetDueAt())
	assert.Equal(t, "Europe/London", post.GetChannel().Timezone)
	_, isMutationError := got.GetCreatePost().(client.MutationError)
	assert.False(t, isMutationError, "a success member must not read as an error member")
}

// postActionSuccess is a PostActionSuccess answer to the mutation field.
func postActionSuccess(field string) string {
	return `{"data":{"` + field + `":{"__typename":"PostActionSuccess","post":{"id":"` + postID + `","channelId":"` + channelID +
		`","channelService":"linkedin","status":"scheduled","text":"hello","dueAt":"2026-12-01T09:00:00.000Z","sentAt":null,` +
		`"createdAt":"2026-11-29T10:00:00.000Z","externalLink":null,"error":null,"tags":[],"schedulingType":"automatic",` +
		`"shareMode":"addToQueue","assets":[],"channel":{"timezone":"Europe/London"}}}}}`
}

func TestErrorUnwrapsItsCause(t *testing.T) {
	cause := errors.New("cause")
	err := &client.Error{Type: client.TypeUpstreamUnavailable, Message: "m", Err: cause}
	assert.ErrorIs(t, err, cause)
	assert.Equal(t, "UpstreamUnavailable: m", err.Error())
}
