package tools

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// account reads the account and its organizations, from the cache when it can.
func (d *shared) account(ctx context.Context) (*client.GetAccountAccount, error) {
	if a, ok := d.cache.getAccount(); ok {
		return a, nil
	}
	resp, err := client.GetAccount(ctx, d.gql)
	if err != nil {
		return nil, err
	}
	d.cache.putAccount(&resp.Account)
	return &resp.Account, nil
}

// organizationID resolves an omitted organizationId to the account's only organization.
// With several, the model has to choose: the error lists them all.
func (d *shared) organizationID(ctx context.Context, given string) (string, error) {
	if given != "" {
		return given, nil
	}
	a, err := d.account(ctx)
	if err != nil {
		return "", err
	}
	switch len(a.Organizations) {
	case 0:
		return "", &client.Error{Type: client.TypeNotFound, Message: "this Buffer account belongs to no organization"}
	case 1:
		return a.Organizations[0].Id, nil
	}
	names := make([]string, 0, len(a.Organizations))
	for _, o := range a.Organizations {
		names = append(names, fmt.Sprintf("%s (%s)", o.Id, o.Name))
	}
	return "", invalidArg("organizationId", "the account has %d organizations; pass one of: %s",
		len(a.Organizations), strings.Join(names, ", "))
}

// channels lists an organization's channels, from the cache when it can.
func (d *shared) channels(ctx context.Context, orgID string) ([]client.ChannelFields, error) {
	if chs, ok := d.cache.getChannels(orgID); ok {
		return chs, nil
	}
	resp, err := client.ListChannels(ctx, d.gql, orgID)
	if err != nil {
		return nil, err
	}
	chs := make([]client.ChannelFields, len(resp.Channels))
	for i, ch := range resp.Channels {
		chs[i] = ch.ChannelFields
	}
	d.cache.putChannels(orgID, chs)
	return chs, nil
}

// channel reads one channel, from the cache when it can.
func (d *shared) channel(ctx context.Context, id string) (client.ChannelFields, error) {
	if ch, ok := d.cache.getChannel(id); ok {
		return ch, nil
	}
	resp, err := client.GetChannel(ctx, d.gql, id)
	if err != nil {
		var ce *client.Error
		if errors.As(err, &ce) && ce.Type == client.TypeNotFound {
			ce.Message = fmt.Sprintf("no channel %s in this Buffer account (%s); list_channels gives the ids", id, ce.Message)
		}
		return client.ChannelFields{}, err
	}
	d.cache.putChannel(resp.Channel.ChannelFields)
	return resp.Channel.ChannelFields, nil
}
