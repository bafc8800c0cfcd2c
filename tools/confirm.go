package tools

// Publishing now (SPEC §3). mode shareNow publishes at once and cannot be undone, so with
// confirmation on (the default) nothing goes out on the model's word alone:
//
//   - a client that can ask the person (it declared form elicitation) gets a question
//     naming the text and every channel, and the post is sent only on an explicit "yes";
//   - any other client must pass confirmPublishNow: true, so that the model asks first.
//
// A 2026-07-28 client gets an "input_required" result carrying the question and a signed
// requestState; it asks the person and calls again with the answer and the state. A
// 2025-era client is asked here, with elicitation/create on its session (askNow), and the
// call waits for the answer, at most until its deadline; a question that fails or goes
// unanswered is NotConfirmed, an isError result like any other "no".

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/buffer-mcp/buffer-mcp/client"
)

const (
	// confirmInputID keys the question among a result's inputRequests.
	confirmInputID = "confirmPublishNow"
	// confirmTTL is how long a question can be answered. A later answer gets the question
	// again: the person may no longer mean it.
	confirmTTL = 15 * time.Minute
)

// confirmSchema is the form the person answers: one box to tick, unticked by default.
var confirmSchema = map[string]any{
	"type": "object",
	"properties": map[string]any{
		"confirm": map[string]any{
			"type":        "boolean",
			"title":       "Publish now",
			"description": "Tick to publish now. It cannot be undone.",
			"default":     false,
		},
	},
	"required": []string{"confirm"},
}

// notConfirmed is the person's answer other than "yes" to publishing now: nothing was sent.
type notConfirmed struct {
	why string // "they declined", …
}

func (e *notConfirmed) Error() string {
	return "the person did not confirm publishing now (" + e.why + "); nothing was sent. " +
		"Do not call again unless they ask for it"
}

// confirmCreatePost guards create_post: see the top of this file. A dry run sends nothing
// and is never asked about.
func (d *shared) confirmCreatePost(ctx context.Context, req mcp.CallToolRequest, args *createPostArgs) (*mcp.CallToolResult, error) {
	if args.sched.mode != "shareNow" || !d.confirmPublish || args.DryRun {
		return nil, nil
	}
	if !canElicit(ctx) {
		return nil, d.confirmPublishNow(args.sched.mode, args.ConfirmPublishNow)
	}
	return d.askToPublishNow(ctx, req, "create_post", args, func() (publishNow, error) {
		q := publishNow{text: args.Text, media: len(args.Assets)}
		for _, id := range args.channelIDs() {
			// A channel that cannot be looked up stops the call before the question: the
			// person is never asked to confirm a channel that cannot be shown to them.
			ch, err := d.channel(ctx, id)
			if err != nil {
				return publishNow{}, err
			}
			q.channels = append(q.channels, ch)
		}
		return q, nil
	})
}

// confirmEditPost guards edit_post. The question shows the text the post will have (the new
// one when given) and its channel, which costs a read of the post.
func (d *shared) confirmEditPost(ctx context.Context, req mcp.CallToolRequest, args *editPostArgs) (*mcp.CallToolResult, error) {
	if args.sched.mode != "shareNow" || !d.confirmPublish {
		return nil, nil
	}
	if !canElicit(ctx) {
		return nil, d.confirmPublishNow(args.sched.mode, args.ConfirmPublishNow)
	}
	return d.askToPublishNow(ctx, req, "edit_post", args, func() (publishNow, error) {
		resp, err := client.GetPost(ctx, d.gql, args.PostID)
		if err != nil {
			return publishNow{}, postNotFound(err, args.PostID)
		}
		p := resp.Post
		if p.Id == "" {
			return publishNow{}, incomplete("sent no post for that id")
		}
		ch, err := d.channel(ctx, p.ChannelId)
		if err != nil { // the post exists: show what it says of its channel
			ch = client.ChannelFields{Id: p.ChannelId, Service: p.ChannelService, Timezone: p.Channel.Timezone}
		}
		q := publishNow{channels: []client.ChannelFields{ch}, text: p.Text, media: len(p.Assets)}
		if args.Text != nil {
			q.text = *args.Text
		}
		if args.Assets != nil {
			q.media = len(*args.Assets)
		}
		return q, nil
	})
}

// confirmPublishNow is SPEC §3's rule for clients that cannot ask the person: shareNow
// needs confirmPublishNow, so that the model has to ask first.
func (d *shared) confirmPublishNow(mode string, confirmed bool) error {
	if mode != "shareNow" || !d.confirmPublish || confirmed {
		return nil
	}
	return invalidArg("confirmPublishNow", "mode shareNow publishes at once and cannot be undone: "+
		"show the person the text and the channel, ask them to confirm, then call again with confirmPublishNow: true")
}

// canElicit reports whether the client of this request can show the person a form: a
// 2026-07-28 client says so in the request's _meta, a 2025-era client said so in
// initialize, on a session that can carry elicitation/create (legacy SSE sessions cannot).
func canElicit(ctx context.Context) bool {
	if info := server.RequestProtocolInfoFromContext(ctx); info != nil && info.Modern {
		return info.ClientCapabilities != nil && formElicitation(info.ClientCapabilities.Elicitation)
	}
	session := server.ClientSessionFromContext(ctx)
	if _, ok := session.(server.SessionWithElicitation); !ok {
		return false
	}
	withInfo, ok := session.(server.SessionWithClientInfo)
	return ok && formElicitation(withInfo.GetClientCapabilities().Elicitation)
}

// formElicitation reads the elicitation capability: {} means form mode (as before modes
// existed); {url: {}} alone means URL mode only.
func formElicitation(c *mcp.ElicitationCapability) bool {
	return c != nil && (c.Form != nil || c.URL == nil)
}

// askToPublishNow lets the call go ahead (nil, nil) only when it carries the person's "yes"
// to this server's own, unexpired, unused question about these very arguments. A "no" is
// notConfirmed. Anything else — a first call, an answer without the state, a state forged,
// expired, used already or minted for other arguments — gets the question (again).
// question is built only when it is to be asked.
func (d *shared) askToPublishNow(ctx context.Context, req mcp.CallToolRequest, tool string, args any,
	question func() (publishNow, error)) (*mcp.CallToolResult, error) {
	digest, err := argsDigest(tool, args)
	if err != nil {
		return nil, err
	}
	state := req.Params.RequestState
	switch answer := server.ElicitationResponse(req.Params.InputResponses, confirmInputID); {
	case state != "" && d.asks.Valid(state, digest):
		if answer == nil {
			break
		}
		if yes, why := readAnswer(answer); !yes {
			return nil, &notConfirmed{why: why}
		}
		if d.asks.Redeem(state) {
			return nil, nil
		}
		d.log.Warn("an answer to publishing now was used already; asking again", "tool", tool)
	case state != "" || answer != nil:
		d.log.Warn("an answer to publishing now did not come with this server's question; asking again", "tool", tool)
	}

	q, err := question()
	if err != nil {
		return nil, err
	}
	params := mcp.ElicitationParams{Message: q.message(d.now()), RequestedSchema: confirmSchema}
	if info := server.RequestProtocolInfoFromContext(ctx); info == nil || !info.Modern {
		return nil, d.askNow(ctx, params)
	}
	return server.NewInputRequestBuilder(d.asks.Mint(digest)).Elicit(confirmInputID, params).ToolResult(), nil
}

// askNow asks a 2025-era client the question itself (elicitation/create on its session)
// and waits for the answer here, rather than answering input_required for mcp-go to ask:
// mcp-go's bridge turns a question that fails (an error from the client, the transport
// stopping, the wait timing out) into a JSON-RPC error, which the model never sees. The
// wait ends with the call: its deadline, its cancellation, or confirmTTL, whichever comes
// first. Anything but "yes" is notConfirmed: nothing is sent.
func (d *shared) askNow(ctx context.Context, params mcp.ElicitationParams) error {
	srv := server.ServerFromContext(ctx)
	if srv == nil {
		return &notConfirmed{why: "the question could not be asked"}
	}
	ctx, cancel := context.WithTimeout(ctx, confirmTTL)
	defer cancel()
	res, err := srv.RequestElicitation(ctx, mcp.ElicitationRequest{
		Request: mcp.Request{Method: string(mcp.MethodElicitationCreate)},
		Params:  params,
	})
	switch {
	case err == nil && res != nil:
		if yes, why := readAnswer(res); !yes {
			return &notConfirmed{why: why}
		}
		return nil
	case errors.Is(err, context.DeadlineExceeded):
		return &notConfirmed{why: "no answer came before the call's deadline"}
	case errors.Is(err, context.Canceled):
		return &notConfirmed{why: "the call was cancelled before they answered"}
	}
	d.log.Info("asking to publish now failed", "err", client.ClipMessage(fmt.Sprint(err)))
	return &notConfirmed{why: "the question could not be asked or answered: " + client.ClipMessage(fmt.Sprint(err))}
}

// readAnswer is true only for accept with confirm: true; otherwise it says why not.
func readAnswer(res *mcp.ElicitationResult) (bool, string) {
	switch res.Action {
	case mcp.ElicitationResponseActionAccept:
		var form struct {
			Confirm *bool `json:"confirm"`
		}
		b, err := json.Marshal(res.Content)
		if err == nil && json.Unmarshal(b, &form) == nil && form.Confirm != nil && *form.Confirm {
			return true, ""
		}
		return false, "they answered without ticking confirm"
	case mcp.ElicitationResponseActionDecline:
		return false, "they declined"
	case mcp.ElicitationResponseActionCancel:
		return false, "they dismissed the question"
	}
	return false, fmt.Sprintf("their client answered %q", res.Action)
}

// publishNow is what the person is asked to confirm.
type publishNow struct {
	channels []client.ChannelFields
	text     string
	media    int // attachments
}

// message is the question: the channels (with the local time there, since "now" at 3 am is
// worth a second look) and the text in full, since that is what the person confirms.
func (q publishNow) message(now time.Time) string {
	var b strings.Builder
	if len(q.channels) == 1 {
		b.WriteString("Publish this post now? It cannot be undone.\n\n")
		fmt.Fprintf(&b, "Channel: %s\n", channelLine(q.channels[0], now))
	} else {
		fmt.Fprintf(&b, "Publish this post now on %d channels? It cannot be undone.\n\nChannels:\n", len(q.channels))
		for _, ch := range q.channels {
			fmt.Fprintf(&b, "- %s\n", channelLine(ch, now))
		}
	}
	if q.text == "" {
		b.WriteString("Text: (none)")
	} else {
		b.WriteString("Text:\n" + q.text)
	}
	switch {
	case q.media == 1:
		b.WriteString("\nWith 1 attachment.")
	case q.media > 1:
		fmt.Fprintf(&b, "\nWith %d attachments.", q.media)
	}
	return b.String()
}

// channelLine names a channel as the person knows it: "Ada Lovelace (adalovelace) on
// linkedin, where it is Mon 2 Mar 2026 10:04 EST (America/New_York)".
func channelLine(ch client.ChannelFields, now time.Time) string {
	name := ch.Name
	switch {
	case name == "":
		name = "channel " + ch.Id
	case ch.DisplayName != "" && ch.DisplayName != ch.Name:
		name = ch.DisplayName + " (" + ch.Name + ")"
	}
	return fmt.Sprintf("%s on %s, where it is %s", name, ch.Service, describeLocal(now, ch.Timezone))
}

// argsDigest identifies one call's arguments, so that a "yes" to one text and set of
// channels cannot publish another.
func argsDigest(tool string, args any) (string, error) {
	b, err := json.Marshal(args)
	if err != nil {
		return "", fmt.Errorf("digest the arguments: %w", err)
	}
	sum := sha256.Sum256(append([]byte(tool+"\x00"), b...))
	return string(sum[:]), nil
}
