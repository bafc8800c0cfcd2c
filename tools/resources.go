package tools

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime/debug"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// The resources: what get_account and list_channels give, for clients that let a person
// attach context or a model read it without a tool call. They read through the tools' own
// cache, so a resource and its tool cost Buffer one request between them.
const (
	AccountURI  = "buffer://account"
	ChannelsURI = "buffer://channels"
)

// channelsByOrganization is buffer://channels for an account with several organizations.
type channelsByOrganization struct {
	Organizations []organizationChannels `json:"organizations"`
}

type organizationChannels struct {
	ID       string       `json:"id"`
	Name     string       `json:"name"`
	Channels []channelOut `json:"channels"`
}

// resources are buffer://account and buffer://channels over d's cache.
func resources(d *shared) []server.ServerResource {
	return []server.ServerResource{
		newResource(d, mcp.NewResource(AccountURI, "account",
			mcp.WithResourceTitle("Buffer account"),
			mcp.WithResourceDescription("The Buffer account as get_account gives it: email, timezone, the current "+
				"time there, and its organizations."),
			mcp.WithMIMEType("application/json"),
		), func(ctx context.Context) (any, error) { return d.accountResult(ctx) }),
		newResource(d, mcp.NewResource(ChannelsURI, "channels",
			mcp.WithResourceTitle("Buffer channels"),
			mcp.WithResourceDescription("The connected channels as list_channels gives them: ids, services, "+
				"timezones, paused, disconnected or locked. With several organizations: "+
				"{organizations: [{id, name, channels}]}."),
			mcp.WithMIMEType("application/json"),
		), d.channelsResource),
	}
}

// newResource wraps read as a resource handler. A resource has no isError: a failure is a
// JSON-RPC error whose message is the same line a tool's error result starts with.
func newResource(d *shared, def mcp.Resource, read func(context.Context) (any, error)) server.ServerResource {
	log := d.log.With("resource", def.URI)
	handler := func(ctx context.Context, _ mcp.ReadResourceRequest) (contents []mcp.ResourceContents, err error) {
		defer func() {
			if p := recover(); p != nil {
				log.Error("panic in resource handler", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				contents, err = nil, fmt.Errorf("reading %s: buffer-mcp hit an internal error; the details are in its log", def.URI)
			}
		}()
		out, err := read(ctx)
		if err != nil {
			info := errorInfo(err, log)
			return nil, fmt.Errorf("reading %s: %s: %s", def.URI, info.Type, info.Message)
		}
		body, err := json.Marshal(out)
		if err != nil {
			return nil, fmt.Errorf("reading %s: encode: %w", def.URI, err)
		}
		return []mcp.ResourceContents{mcp.TextResourceContents{URI: def.URI, MIMEType: def.MIMEType, Text: string(body)}}, nil
	}
	return server.ServerResource{Resource: def, Handler: handler}
}

// channelsResource is list_channels' answer when the account has one organization (and
// its error when it has none); with several, every organization's channels, grouped.
func (d *shared) channelsResource(ctx context.Context) (any, error) {
	a, err := d.account(ctx)
	if err != nil {
		return nil, err
	}
	if len(a.Organizations) < 2 {
		orgID, err := d.organizationID(ctx, "")
		if err != nil {
			return nil, err
		}
		chs, err := d.channels(ctx, orgID)
		if err != nil {
			return nil, err
		}
		return &listChannelsResult{Channels: toChannelsOut(chs)}, nil
	}
	out := &channelsByOrganization{Organizations: make([]organizationChannels, 0, len(a.Organizations))}
	for _, o := range a.Organizations {
		chs, err := d.channels(ctx, o.Id)
		if err != nil {
			return nil, err
		}
		out.Organizations = append(out.Organizations, organizationChannels{ID: o.Id, Name: o.Name, Channels: toChannelsOut(chs)})
	}
	return out, nil
}

func toChannelsOut(chs []client.ChannelFields) []channelOut {
	out := make([]channelOut, 0, len(chs))
	for _, ch := range chs {
		out = append(out, toChannelOut(ch))
	}
	return out
}
