package client_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
)

func jsonHeader() http.Header { return http.Header{"Content-Type": {"application/json"}} }

func htmlHeader() http.Header { return http.Header{"Content-Type": {"text/html; charset=UTF-8"}} }

const (
	cloudflarePage = `<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head>` +
		`<body><h1>Sorry, you have been blocked</h1></body></html>`
	accountData = `{"data":{"account":{"id":"a1","email":"ada@example.com","name":"Ada","timezone":null,"organizations":[]}}}`
)

// byKind is what an answer becomes for a query and for a mutation; nil is no error.
type byKind struct{ query, mutation *want }

func same(w want) byKind { return byKind{query: &w, mutation: &w} }

// unavailable: a query may be retried; a mutation that Buffer may have applied may not.
func unavailable(what string) byKind {
	return byKind{
		query:    &want{Type: client.TypeUpstreamUnavailable, Retryable: true, Message: []string{what, "try again"}, MessageLacks: []string{"<"}},
		mutation: &want{Type: client.TypeOutcomeUnknown, Message: []string{what, "list_posts"}, MessageLacks: []string{"<"}},
	}
}

// TestClassification sends each answer Buffer is known to give to a query and to a mutation
// and checks the SPEC §4 type it becomes.
func TestClassification(t *testing.T) {
	// An HTTP date has whole seconds and the request goes out a moment after the table is
	// built, so that case allows a few seconds of slack.
	retryAt := time.Now().Add(120 * time.Second).UTC().Format(http.TimeFormat)

	tests := []struct {
		name         string
		reply        reply
		mutationBody string // when the mutation needs its own body
		slack        int    // tolerance on RetryAfterSeconds
		want         byKind
	}{
		{
			name:         "200 with data",
			reply:        reply{status: http.StatusOK, header: jsonHeader(), body: accountData},
			mutationBody: postActionSuccess("createPost"),
			want:         byKind{},
		},
		{
			name: "200 UNAUTHORIZED with null data",
			reply: reply{status: http.StatusOK, header: jsonHeader(),
				body: `{"data":null,"errors":[{"message":"Not authorized","extensions":{"code":"UNAUTHORIZED"}}]}`},
			want: same(want{Type: client.TypeUnauthenticated, Message: []string{"Not authorized", "BUFFER_API_KEY"}}),
		},
		{
			name: "401 UNAUTHENTICATED",
			reply: reply{status: http.StatusUnauthorized, header: jsonHeader(),
				body: `{"errors":[{"message":"An authentication JWT or Access Token is required","extensions":{"code":"UNAUTHENTICATED"}}]}`},
			want: same(want{Type: client.TypeUnauthenticated, Message: []string{"Access Token is required", "BUFFER_API_KEY"}}),
		},
		{
			name: "403 JSON FORBIDDEN",
			reply: reply{status: http.StatusForbidden, header: jsonHeader(),
				body: `{"errors":[{"message":"You do not have permission to do this","extensions":{"code":"FORBIDDEN"}}]}`},
			want: same(want{Type: client.TypeForbidden, Message: []string{"You do not have permission to do this"}}),
		},
		{
			name:  "403 HTML page from the edge",
			reply: reply{status: http.StatusForbidden, header: htmlHeader(), body: cloudflarePage},
			want:  same(want{Type: client.TypeForbidden, Message: []string{"before it reached Buffer's API"}, MessageLacks: []string{"<", "Cloudflare"}}),
		},
		{
			name: "200 FORBIDDEN",
			reply: reply{status: http.StatusOK, header: jsonHeader(),
				body: `{"data":null,"errors":[{"message":"You do not have permission to do this","extensions":{"code":"FORBIDDEN"}}]}`},
			want: same(want{Type: client.TypeForbidden, Message: []string{"You do not have permission to do this"}}),
		},
		{
			name: "200 NOT_FOUND",
			reply: reply{status: http.StatusOK, header: jsonHeader(),
				body: `{"data":null,"errors":[{"message":"Post not found","path":["post"],"extensions":{"code":"NOT_FOUND"}}]}`},
			want: same(want{Type: client.TypeNotFound, Message: []string{"Post not found"}}),
		},
		{
			name: "429 Retry-After in seconds",
			reply: reply{status: http.StatusTooManyRequests, header: http.Header{"Content-Type": {"application/json"}, "Retry-After": {"120"}},
				body: `{"errors":[{"message":"Too many requests from this client. Please try again later.","extensions":{"code":"RATE_LIMIT_EXCEEDED","window":"15m"}}]}`},
			want: same(want{Type: client.TypeRateLimited, Retryable: true, RetryAfterSeconds: 120, Window: "15m", Message: []string{"15m", "120 seconds"}}),
		},
		{
			name: "429 Retry-After as an HTTP date, 24h window",
			reply: reply{status: http.StatusTooManyRequests, header: http.Header{"Content-Type": {"application/json"}, "Retry-After": {retryAt}},
				body: `{"errors":[{"message":"Too many requests from this client. Please try again later.","extensions":{"code":"RATE_LIMIT_EXCEEDED","window":"24h"}}]}`},
			slack: 5,
			want:  same(want{Type: client.TypeRateLimited, Retryable: true, RetryAfterSeconds: 120, Window: "24h", Message: []string{"24h"}}),
		},
		{
			name: "429 older body with extensions.retryAfter and no header",
			reply: reply{status: http.StatusTooManyRequests, header: jsonHeader(),
				body: `{"errors":[{"message":"Too many requests","extensions":{"code":"RATE_LIMIT_EXCEEDED","limitType":"CLIENT_ACCOUNT","retryAfter":900}}]}`},
			want: same(want{Type: client.TypeRateLimited, Retryable: true, RetryAfterSeconds: 900, Message: []string{"900 seconds"}}),
		},
		{
			name: "200 RATE_LIMIT_EXCEEDED without a wait",
			reply: reply{status: http.StatusOK, header: jsonHeader(),
				body: `{"errors":[{"message":"Too many requests","extensions":{"code":"RATE_LIMIT_EXCEEDED","window":"30d"}}]}`},
			want: same(want{Type: client.TypeRateLimited, Retryable: true, Window: "30d", Message: []string{"30d", "try again later"}}),
		},
		{
			name: "400 GRAPHQL_VALIDATION_FAILED",
			reply: reply{status: http.StatusBadRequest, header: jsonHeader(),
				body: `{"errors":[{"message":"Value \"soon\" does not exist in \"ShareMode\" enum.","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}`},
			want: same(want{Type: client.TypeUpstreamError, Message: []string{`Value "soon" does not exist in "ShareMode" enum.`}}),
		},
		{
			name: "200 UNEXPECTED",
			reply: reply{status: http.StatusOK, header: jsonHeader(),
				body: `{"data":null,"errors":[{"message":"Something went wrong","extensions":{"code":"UNEXPECTED"}}]}`},
			want: same(want{Type: client.TypeUpstreamError, Message: []string{"Something went wrong"}}),
		},
		{
			name:  "500 HTML",
			reply: reply{status: http.StatusInternalServerError, header: htmlHeader(), body: "<html><body>Internal Server Error</body></html>"},
			want:  unavailable("HTTP 500"),
		},
		{
			name:  "502 HTML",
			reply: reply{status: http.StatusBadGateway, header: htmlHeader(), body: cloudflarePage},
			want:  unavailable("HTTP 502"),
		},
		{
			name:  "503 HTML",
			reply: reply{status: http.StatusServiceUnavailable, header: htmlHeader(), body: "<html><body>Service Unavailable</body></html>"},
			want:  unavailable("HTTP 503"),
		},
		{
			name:  "200 not JSON",
			reply: reply{status: http.StatusOK, header: htmlHeader(), body: "<html><body>maintenance</body></html>"},
			want:  unavailable("not a GraphQL response"),
		},
		{
			name:  "200 truncated JSON",
			reply: reply{status: http.StatusOK, header: jsonHeader(), body: accountData[:len(accountData)/2]},
			want:  unavailable("not a GraphQL response"),
		},
		{
			name:  "200 empty object",
			reply: reply{status: http.StatusOK, header: jsonHeader(), body: `{}`},
			want:  unavailable("not a GraphQL response"),
		},
		{
			name:         "200 data of the wrong shape",
			reply:        reply{status: http.StatusOK, header: jsonHeader(), body: `{"data":{"account":["not","an","object"]}}`},
			mutationBody: `{"data":{"createPost":["not","an","object"]}}`,
			want:         unavailable("did not have the expected shape"),
		},
	}
	for _, tt := range tests {
		for _, op := range queryAndMutation {
			t.Run(tt.name+"/"+op.name, func(t *testing.T) {
				r, w := tt.reply, tt.want.query
				if op.mutation {
					w = tt.want.mutation
					if tt.mutationBody != "" {
						r.body = tt.mutationBody
					}
				}
				srv := serve(t, r)

				err := op.call(testContext(t), newClient(srv.URL))

				if w == nil {
					require.NoError(t, err)
					return
				}
				requireClientError(t, *w, tt.slack, err)
			})
		}
	}
}

// TestUnknownUnionMember: a member Buffer added after this build still reports its own
// typename and message, for every mutation.
func TestUnknownUnionMember(t *testing.T) {
	mutations := []struct {
		field string
		call  func(*client.Client, *testing.T) error
	}{
		{field: "createPost", call: func(c *client.Client, t *testing.T) error {
			_, err := client.CreatePost(testContext(t), c, newPostInput())
			return err
		}},
		{field: "editPost", call: func(c *client.Client, t *testing.T) error {
			text := "edited"
			_, err := client.EditPost(testContext(t), c, client.EditPostInput{Id: postID, Text: &text})
			return err
		}},
		{field: "deletePost", call: func(c *client.Client, t *testing.T) error {
			_, err := client.DeletePost(testContext(t), c, postID)
			return err
		}},
	}
	members := []struct {
		name   string
		member string
		want   *client.Error
	}{
		{
			name:   "with a message",
			member: `{"__typename":"QuotaExceededError","message":"Monthly quota exceeded"}`,
			want:   &client.Error{Type: "QuotaExceededError", Message: "Monthly quota exceeded"},
		},
		{
			name:   "without a message",
			member: `{"__typename":"QuotaExceededError"}`,
			want: &client.Error{Type: "QuotaExceededError",
				Message: "Buffer answered QuotaExceededError, which this version of buffer-mcp does not know"},
		},
	}
	for _, m := range mutations {
		for _, tt := range members {
			t.Run(m.field+"/"+tt.name, func(t *testing.T) {
				srv := serve(t, reply{status: http.StatusOK, header: jsonHeader(), body: `{"data":{"` + m.field + `":` + tt.member + `}}`})

				err := m.call(newClient(srv.URL), t)

				var got *client.Error
				require.ErrorAs(t, err, &got)
				assert.Equal(t, tt.want, got)
			})
		}
	}
}

// TestKnownErrorMember: a member this build knows decodes without error, and the caller
// turns it into an Error through client.MutationError.
func TestKnownErrorMember(t *testing.T) {
	tests := []struct {
		typename string
		message  string
		wantType any
	}{
		{typename: "InvalidInputError", message: "Text is required", wantType: &client.CreatePostCreatePostInvalidInputError{}},
		{typename: "LimitReachedError", message: "Queue limit reached", wantType: &client.CreatePostCreatePostLimitReachedError{}},
		{typename: "NotFoundError", message: "Channel not found", wantType: &client.CreatePostCreatePostNotFoundError{}},
		{typename: "UnauthorizedError", message: "Not your channel", wantType: &client.CreatePostCreatePostUnauthorizedError{}},
		{typename: "UnexpectedError", message: "Something broke", wantType: &client.CreatePostCreatePostUnexpectedError{}},
		{typename: "RestProxyError", message: "Legacy failure", wantType: &client.CreatePostCreatePostRestProxyError{}},
	}
	for _, tt := range tests {
		t.Run(tt.typename, func(t *testing.T) {
			srv := serve(t, reply{status: http.StatusOK, header: jsonHeader(),
				body: `{"data":{"createPost":{"__typename":"` + tt.typename + `","message":"` + tt.message + `"}}}`})

			got, err := client.CreatePost(testContext(t), newClient(srv.URL), newPostInput())

			require.NoError(t, err)
			assert.IsType(t, tt.wantType, got.GetCreatePost())
			member, ok := got.GetCreatePost().(client.MutationError)
			require.Truef(t, ok, "%T is not a client.MutationError", got.GetCreatePost())
			assert.Equal(t, tt.typename, member.GetTypename())
			assert.Equal(t, tt.message, member.GetMessage())
			assert.Equal(t, &client.Error{Type: tt.typename, Message: tt.message}, client.FromMutationError(member))
		})
	}
}

// TestErrorsBesideData: Buffer may answer data and errors together (buffer-api.md §9.5);
// the errors win.
func TestErrorsBesideData(t *testing.T) {
	body := strings.TrimSuffix(accountData, "}") + `,"errors":[{"message":"Channel not found","extensions":{"code":"NOT_FOUND"}}]}`
	srv := serve(t, reply{status: http.StatusOK, header: jsonHeader(), body: body})

	err := getAccount.call(testContext(t), newClient(srv.URL))

	requireClientError(t, want{Type: client.TypeNotFound, Message: []string{"Channel not found"}}, 0, err)
}
