package tools_test

// Publishing now (SPEC §3) with a client that can ask the person: through mcp-go's
// in-process client with a real elicitation handler, in both protocol eras (2026-07-28
// multi round-trip requests; 2025-11-25 elicitation/create, which the handler sends on the
// session and waits for), and with raw retries that carry forged or stale answers.

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/client"
	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

const (
	modernEra = mcp.ProtocolVersion20260728
	legacyEra = "2025-11-25"
)

var eras = []string{modernEra, legacyEra}

// person answers every question the same way and remembers what they were asked.
type person struct {
	answer mcp.ElicitationResponse
	mu     sync.Mutex
	asked  []mcp.ElicitationParams
}

func (p *person) Elicit(_ context.Context, req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.asked = append(p.asked, req.Params)
	return &mcp.ElicitationResult{ElicitationResponse: p.answer}, nil
}

func (p *person) questions() []mcp.ElicitationParams {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]mcp.ElicitationParams(nil), p.asked...)
}

var (
	yes       = mcp.ElicitationResponse{Action: mcp.ElicitationResponseActionAccept, Content: map[string]any{"confirm": true}}
	unticked  = mcp.ElicitationResponse{Action: mcp.ElicitationResponseActionAccept, Content: map[string]any{"confirm": false}}
	emptyForm = mcp.ElicitationResponse{Action: mcp.ElicitationResponseActionAccept}
	declined  = mcp.ElicitationResponse{Action: mcp.ElicitationResponseActionDecline}
	cancelled = mcp.ElicitationResponse{Action: mcp.ElicitationResponseActionCancel}
)

// newAskingHarness is newHarness with a client of the given era that can ask p (none when p
// is nil: a client that cannot elicit).
func newAskingHarness(t *testing.T, era string, p *person, opts ...func(*tools.Deps)) *harness {
	t.Helper()
	h := &harness{fake: newFakeBuffer(t), clock: &clock{now: fixedNow}}
	deps := tools.Deps{
		GQL: client.New(client.Config{Endpoint: h.fake.URL(), APIKey: "test-key", Version: "test",
			Retry: client.RetryPolicy{MaxAttempts: 1}}),
		Now:            h.clock.Now,
		ConfirmPublish: true,
	}
	for _, o := range opts {
		o(&deps)
	}
	h.set = tools.New(deps)
	h.tools = h.set.Tools()

	var copts []mcpclient.ClientOption
	if p != nil {
		copts = append(copts, mcpclient.WithElicitationHandler(p))
	}
	if era == legacyEra {
		copts = append(copts, mcpclient.WithProtocolVersion(legacyEra))
	}
	c, err := mcpclient.NewInProcessClientWithOptions(mustServer(t, h.set, everyTool), copts...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	ctx, cancel := context.WithTimeout(t.Context(), callTimeout)
	defer cancel()
	require.NoError(t, c.Start(ctx))
	_, err = c.Initialize(ctx, mcp.InitializeRequest{})
	require.NoError(t, err)
	require.Equal(t, era, c.ProtocolVersion())
	h.mcp = c
	return h
}

var editPostNowOK = gql("EditPost", `{"editPost":{"__typename":"PostActionSuccess","post":`+
	postJSON("{post1}", "{ch1}", "America/New_York", "Hello")+`}}`)

func TestShareNowPublishesOnlyWhenThePersonSaysYes(t *testing.T) {
	for _, era := range eras {
		t.Run(era, func(t *testing.T) {
			p := &person{answer: yes}
			h := newAskingHarness(t, era, p)
			h.stub(getChannelOK(ch1JSON), createPostOK("{post1}", "{ch1}", "America/New_York", "Hello"))

			res := h.call(t, "create_post", `{"channelId":"{ch1}","text":"Hello","mode":"shareNow"}`)

			requireSuccess(t, res)
			h.assertVariables(t, "CreatePost", `{"input":{"channelId":"{ch1}","text":"Hello","mode":"shareNow","schedulingType":"automatic"}}`)
			asked := p.questions()
			require.Len(t, asked, 1, "one question")
			assert.Equal(t, "Publish this post now? It cannot be undone.\n\n"+
				"Channel: Ada Lovelace (adalovelace) on linkedin, where it is Mon 2 Mar 2026 10:04 EST (America/New_York)\n"+
				"Text:\nHello", asked[0].Message)
			schema, err := json.Marshal(asked[0].RequestedSchema)
			require.NoError(t, err)
			assert.JSONEq(t, `{"type":"object","required":["confirm"],"properties":{"confirm":{"type":"boolean",`+
				`"title":"Publish now","description":"Tick to publish now. It cannot be undone.","default":false}}}`, string(schema))
		})
	}
}

func TestShareNowSendsNothingWithoutAYes(t *testing.T) {
	answers := []struct {
		name   string
		answer mcp.ElicitationResponse
		why    string
	}{
		{"declined", declined, "they declined"},
		{"cancelled", cancelled, "they dismissed the question"},
		{"accepted unticked", unticked, "they answered without ticking confirm"},
		{"accepted with no form", emptyForm, "they answered without ticking confirm"},
		{"accepted with a string", mcp.ElicitationResponse{Action: mcp.ElicitationResponseActionAccept, Content: map[string]any{"confirm": "true"}}, "they answered without ticking confirm"},
	}
	calls := []struct {
		tool, args string
		stubs      []stub
	}{
		{"create_post", `{"channelId":"{ch1}","text":"Hello","mode":"shareNow"}`, []stub{getChannelOK(ch1JSON)}},
		{"create_post", `{"channelIds":["{ch1}","{ch2}"],"text":"Hello","mode":"shareNow","confirmPublishNow":true}`, []stub{getChannelOK(ch1JSON), getChannelOK(ch2JSON)}},
		{"edit_post", `{"postId":"{post1}","mode":"shareNow"}`, []stub{gql("GetPost", `{"post":`+postJSON("{post1}", "{ch1}", "America/New_York", "Hello")+`}`), getChannelOK(ch1JSON)}},
	}
	for _, era := range eras {
		for _, a := range answers {
			for _, c := range calls {
				t.Run(fmt.Sprintf("%s/%s/%s", era, a.name, c.args), func(t *testing.T) {
					p := &person{answer: a.answer}
					h := newAskingHarness(t, era, p)
					h.stub(c.stubs...)

					res := h.call(t, c.tool, c.args)

					got := testkit.ToolError(t, res)
					assert.Equal(t, tools.TypeNotConfirmed, got.Type)
					assert.False(t, got.Retryable)
					assert.Equal(t, "the person did not confirm publishing now ("+a.why+"); nothing was sent. "+
						"Do not call again unless they ask for it", got.Message)
					assert.True(t, strings.HasPrefix(text(t, res), "NotConfirmed: the person did not confirm publishing now"), text(t, res))
					assert.NoError(t, validate(outputSchemas(t, h.tools)[c.tool], res.RawStructuredContent), "the error fits the output schema")
					assert.Len(t, p.questions(), 1)
					assert.Zero(t, h.fake.count("CreatePost")+h.fake.count("EditPost"), "nothing sent")
				})
			}
		}
	}
}

func TestSeveralChannelsAreOneQuestion(t *testing.T) {
	for _, era := range eras {
		t.Run(era, func(t *testing.T) {
			p := &person{answer: yes}
			h := newAskingHarness(t, era, p)
			h.stub(getChannelOK(ch1JSON), getChannelOK(ch2JSON), getChannelOK(ch3JSON),
				createPostOK("{post1}", "{ch1}", "America/New_York", "Hello"),
				createPostOK("{post2}", "{ch2}", "Europe/Berlin", "Hello"),
				createPostOK("{post3}", "{ch3}", "Asia/Tokyo", "Hello"))

			res := h.call(t, "create_post", `{"channelIds":["{ch1}","{ch2}","{ch3}"],"text":"Hello","mode":"shareNow",`+
				`"assets":[{"type":"image","url":"https://e.com/a.png"},{"type":"image","url":"https://e.com/b.png"}]}`)

			requireSuccess(t, res)
			assert.Equal(t, 3, h.fake.count("CreatePost"))
			assert.Equal(t, 3, h.fake.count("GetChannel"), "the question and the posts share the channel cache")
			asked := p.questions()
			require.Len(t, asked, 1, "one question for all the channels")
			assert.Equal(t, "Publish this post now on 3 channels? It cannot be undone.\n\nChannels:\n"+
				"- Ada Lovelace (adalovelace) on linkedin, where it is Mon 2 Mar 2026 10:04 EST (America/New_York)\n"+
				"- ada.codes on facebook, where it is Mon 2 Mar 2026 16:04 CET (Europe/Berlin)\n"+
				"- Ada (ada@hachyderm.io) on mastodon, where it is Tue 3 Mar 2026 00:04 JST (Asia/Tokyo)\n"+
				"Text:\nHello\nWith 2 attachments.", asked[0].Message)
		})
	}
}

func TestEditPostAsksAboutTheTextThePostWillHave(t *testing.T) {
	getPost := gql("GetPost", `{"post":`+postJSON("{post1}", "{ch1}", "America/New_York", "Old words")+`}`)
	tests := []struct {
		name, args, wantText string
	}{
		{"the post's own text", `{"postId":"{post1}","mode":"shareNow"}`, "Text:\nOld words\nWith 1 attachment."},
		{"the new text", `{"postId":"{post1}","mode":"shareNow","text":"New words","assets":[]}`, "Text:\nNew words"},
	}
	for _, era := range eras {
		for _, tt := range tests {
			t.Run(era+"/"+tt.name, func(t *testing.T) {
				p := &person{answer: yes}
				h := newAskingHarness(t, era, p)
				h.stub(getPost, getChannelOK(ch1JSON), editPostNowOK)

				requireSuccess(t, h.call(t, "edit_post", tt.args))

				asked := p.questions()
				require.Len(t, asked, 1)
				assert.Equal(t, "Publish this post now? It cannot be undone.\n\n"+
					"Channel: Ada Lovelace (adalovelace) on linkedin, where it is Mon 2 Mar 2026 10:04 EST (America/New_York)\n"+
					tt.wantText, asked[0].Message)
				assert.Equal(t, []string{"GetPost", "GetChannel", "EditPost"}, h.fake.ops())
			})
		}
	}
}

func TestNoQuestionWhenNothingIsPublishedNow(t *testing.T) {
	tests := []struct {
		name string
		opts []func(*tools.Deps)
		tool string
		args string
		stub []stub
	}{
		{name: "a dry run", tool: "create_post", args: `{"channelId":"{ch1}","text":"Hello","mode":"shareNow","dryRun":true}`,
			stub: []stub{getChannelOK(ch1JSON)}},
		{name: "another mode", tool: "create_post", args: `{"channelId":"{ch1}","text":"Hello","mode":"shareNext"}`,
			stub: []stub{getChannelOK(ch1JSON), createPostOK("{post1}", "{ch1}", "America/New_York", "Hello")}},
		{name: "confirmation turned off", tool: "create_post", args: `{"channelId":"{ch1}","text":"Hello","mode":"shareNow"}`,
			opts: []func(*tools.Deps){func(d *tools.Deps) { d.ConfirmPublish = false }},
			stub: []stub{getChannelOK(ch1JSON), createPostOK("{post1}", "{ch1}", "America/New_York", "Hello")}},
		{name: "edit confirmation turned off", tool: "edit_post", args: `{"postId":"{post1}","mode":"shareNow"}`,
			opts: []func(*tools.Deps){func(d *tools.Deps) { d.ConfirmPublish = false }},
			stub: []stub{editPostNowOK}},
	}
	for _, era := range eras {
		for _, tt := range tests {
			t.Run(era+"/"+tt.name, func(t *testing.T) {
				p := &person{answer: declined}
				h := newAskingHarness(t, era, p, tt.opts...)
				h.stub(tt.stub...)

				requireSuccess(t, h.call(t, tt.tool, tt.args))

				assert.Empty(t, p.questions())
			})
		}
	}
}

func TestAClientThatCannotAskNeedsConfirmPublishNow(t *testing.T) {
	for _, era := range eras {
		t.Run(era, func(t *testing.T) {
			h := newAskingHarness(t, era, nil)
			h.stub(getChannelOK(ch1JSON), createPostOK("{post1}", "{ch1}", "America/New_York", "Hello"))

			got := testkit.ToolError(t, h.call(t, "create_post", `{"channelId":"{ch1}","text":"Hello","mode":"shareNow"}`))
			assert.Equal(t, tools.TypeInvalidArguments, got.Type)
			assert.Equal(t, "confirmPublishNow", got.Field)
			assert.Contains(t, got.Message, "cannot be undone")
			assert.Empty(t, h.fake.ops(), "refused before any request")

			requireSuccess(t, h.call(t, "create_post", `{"channelId":"{ch1}","text":"Hello","mode":"shareNow","confirmPublishNow":true}`))
			assert.Equal(t, 1, h.fake.count("CreatePost"))
		})
	}
}

func TestAChannelThatCannotBeShownIsNeverAskedAbout(t *testing.T) {
	for _, era := range eras {
		t.Run(era, func(t *testing.T) {
			p := &person{answer: yes}
			h := newAskingHarness(t, era, p)
			notFound := gqlErrors("GetChannel", `{"message":"Channel not found","extensions":{"code":"NOT_FOUND"}}`)
			h.stub(getChannelOK(ch1JSON), notFound)

			got := testkit.ToolError(t, h.call(t, "create_post", `{"channelIds":["{ch1}","{ch2}"],"text":"Hello","mode":"shareNow"}`))

			assert.Equal(t, "NotFound", got.Type)
			assert.Contains(t, got.Message, ch2)
			assert.Empty(t, p.questions())
			assert.Zero(t, h.fake.count("CreatePost"))
		})
	}
}

// rawCall sends one 2026-07-28 tools/call straight to the server, as any client could
// write it, and returns the result.
func rawCall(t *testing.T, srv *server.MCPServer, caps, args string, inputResponses any, requestState string) map[string]any {
	t.Helper()
	params := map[string]any{
		"name":      "create_post",
		"arguments": json.RawMessage(expand(args)),
		"_meta": map[string]any{
			mcp.MetaKeyProtocolVersion:    modernEra,
			mcp.MetaKeyClientCapabilities: json.RawMessage(caps),
		},
	}
	if inputResponses != nil {
		params["inputResponses"] = inputResponses
	}
	if requestState != "" {
		params["requestState"] = requestState
	}
	msg, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": params})
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(t.Context(), callTimeout)
	defer cancel()
	b, err := json.Marshal(srv.HandleMessage(ctx, msg))
	require.NoError(t, err)
	var resp struct {
		Result map[string]any `json:"result"`
		Error  any            `json:"error"`
	}
	require.NoError(t, json.Unmarshal(b, &resp), "%s", b)
	require.Nil(t, resp.Error, "a tool result, not a JSON-RPC error: %s", b)
	return resp.Result
}

var answerYes = map[string]any{"confirmPublishNow": map[string]any{"action": "accept", "content": map[string]any{"confirm": true}}}

// asksAgain asserts that res is the question, and returns its requestState.
func asksAgain(t *testing.T, res map[string]any) string {
	t.Helper()
	require.Equal(t, "input_required", res["resultType"], "%v", res)
	reqs, _ := res["inputRequests"].(map[string]any)
	q, _ := reqs["confirmPublishNow"].(map[string]any)
	require.Equal(t, "elicitation/create", q["method"], "%v", res)
	state, _ := res["requestState"].(string)
	require.NotEmpty(t, state)
	return state
}

func TestOnlyAnAnswerToThisServersOwnQuestionPublishes(t *testing.T) {
	const args = `{"channelId":"{ch1}","text":"Hello","mode":"shareNow"}`
	const elicit = `{"elicitation":{}}`
	h := newHarness(t)
	srv := mustServer(t, h.set, everyTool)
	h.stub(getChannelOK(ch1JSON), createPostOK("{post1}", "{ch1}", "America/New_York", "Hello"))

	state := asksAgain(t, rawCall(t, srv, elicit, args, nil, ""))
	otherText := asksAgain(t, rawCall(t, srv, elicit, `{"channelId":"{ch1}","text":"Other","mode":"shareNow"}`, nil, ""))
	parts := strings.Split(state, ".")
	require.Len(t, parts, 4)

	forged := []struct{ name, state string }{
		{"no state", ""},
		{"a state of another form", "yes"},
		{"a forged signature", strings.Join(parts[:3], ".") + ".AAAA"},
		{"a later expiry", parts[0] + "." + parts[1] + ".99999999999." + parts[3]},
		{"the state of a question about another text", otherText},
	}
	for _, f := range forged {
		asksAgain(t, rawCall(t, srv, elicit, args, answerYes, f.state))
	}
	assert.Zero(t, h.fake.count("CreatePost"), "no forged answer publishes")

	asksAgain(t, rawCall(t, srv, elicit, args, nil, state)) // the state without an answer

	res := rawCall(t, srv, elicit, args, answerYes, state)
	assert.Equal(t, "complete", res["resultType"])
	assert.Nil(t, res["isError"], "%v", res)
	assert.Equal(t, 1, h.fake.count("CreatePost"))

	asksAgain(t, rawCall(t, srv, elicit, args, answerYes, state))
	assert.Equal(t, 1, h.fake.count("CreatePost"), "one yes publishes once")

	// A client that did not declare elicitation gets today's rule, whatever it sends.
	res = rawCall(t, srv, `{}`, args, answerYes, state)
	assert.Equal(t, true, res["isError"])
	assert.Contains(t, fmt.Sprint(res["structuredContent"]), "confirmPublishNow")
	assert.Equal(t, 1, h.fake.count("CreatePost"))
}

func TestAnAnswerComingTooLateGetsTheQuestionAgain(t *testing.T) {
	const args = `{"channelId":"{ch1}","text":"Hello","mode":"shareNow"}`
	h := newHarness(t)
	srv := mustServer(t, h.set, everyTool)
	h.stub(getChannelOK(ch1JSON), getChannelOK(ch1JSON)) // the channel cache expires too

	state := asksAgain(t, rawCall(t, srv, `{"elicitation":{}}`, args, nil, ""))
	h.clock.Add(16 * time.Minute)

	asksAgain(t, rawCall(t, srv, `{"elicitation":{}}`, args, answerYes, state))
	assert.Zero(t, h.fake.count("CreatePost"))
}

func TestAURLOnlyClientCannotBeAskedAForm(t *testing.T) {
	h := newHarness(t)
	srv := mustServer(t, h.set, everyTool)

	res := rawCall(t, srv, `{"elicitation":{"url":{}}}`, `{"channelId":"{ch1}","text":"Hello","mode":"shareNow"}`, nil, "")

	assert.Equal(t, true, res["isError"])
	assert.Contains(t, fmt.Sprint(res["structuredContent"]), "confirmPublishNow")
	h.fake.assertNoRequest(t)
}
