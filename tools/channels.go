package tools

import (
	"context"

	"github.com/buffer-mcp/buffer-mcp/client"
)

type listChannelsArgs struct {
	OrganizationID string `json:"organizationId,omitempty" jsonschema_description:"From get_account; optional with one."`
}

func (a *listChannelsArgs) validate() error {
	if a.OrganizationID != "" {
		return checkID("organizationId", a.OrganizationID)
	}
	return nil
}

type listChannelsResult struct {
	Channels []channelOut `json:"channels"`
}

type channelOut struct {
	ID             string `json:"id" jsonschema:"required"`
	Name           string `json:"name" jsonschema:"required"`
	DisplayName    string `json:"displayName,omitempty"`
	Service        string `json:"service" jsonschema:"required"`
	Timezone       string `json:"timezone" jsonschema:"required"`
	IsQueuePaused  bool   `json:"isQueuePaused" jsonschema:"required"`
	IsDisconnected bool   `json:"isDisconnected" jsonschema:"required"`
	IsLocked       bool   `json:"isLocked" jsonschema:"required"`
}

func toChannelOut(ch client.ChannelFields) channelOut {
	return channelOut{
		ID:             ch.Id,
		Name:           ch.Name,
		DisplayName:    ch.DisplayName,
		Service:        string(ch.Service),
		Timezone:       ch.Timezone,
		IsQueuePaused:  ch.IsQueuePaused,
		IsDisconnected: ch.IsDisconnected,
		IsLocked:       ch.IsLocked,
	}
}

// listChannels is list_channels: the social accounts posts can go to.
func listChannels(d *shared) Tool {
	return newTool(spec[listChannelsArgs, listChannelsResult]{
		name:        "list_channels",
		title:       "List channels",
		description: "Channels (connected social accounts): the ids and timezones posting needs.",
		hints:       readHints,
		handle: func(ctx context.Context, args *listChannelsArgs) (*listChannelsResult, error) {
			orgID, err := d.organizationID(ctx, args.OrganizationID)
			if err != nil {
				return nil, err
			}
			chs, err := d.channels(ctx, orgID)
			if err != nil {
				return nil, err
			}
			out := &listChannelsResult{Channels: make([]channelOut, 0, len(chs))}
			for _, ch := range chs {
				out.Channels = append(out.Channels, toChannelOut(ch))
			}
			return out, nil
		},
	}, d)
}

type getChannelArgs struct {
	ChannelID string `json:"channelId" jsonschema:"required" jsonschema_description:"From list_channels."`
}

func (a *getChannelArgs) validate() error { return checkID("channelId", a.ChannelID) }

type getChannelResult struct {
	Channel *channelDetail `json:"channel,omitempty"`
}

type channelDetail struct {
	channelOut
	OrganizationID  string        `json:"organizationId" jsonschema:"required"`
	PostingSchedule []scheduleDay `json:"postingSchedule" jsonschema:"required"`
	Boards          []boardOut    `json:"boards,omitempty"` // Pinterest's: a pin's board
}

type boardOut struct {
	ID   string `json:"id" jsonschema:"required"`
	Name string `json:"name" jsonschema:"required"`
}

type scheduleDay struct {
	Day    string   `json:"day" jsonschema:"required"`
	Times  []string `json:"times" jsonschema:"required"`
	Paused bool     `json:"paused" jsonschema:"required"`
}

// getChannel is get_channel: one channel with its posting schedule (the queue's slots).
func getChannel(d *shared) Tool {
	return newTool(spec[getChannelArgs, getChannelResult]{
		name:        "get_channel",
		title:       "Get channel",
		description: "One channel: organization, posting schedule (when queued posts go out), Pinterest boards.",
		hints:       readHints,
		handle: func(ctx context.Context, args *getChannelArgs) (*getChannelResult, error) {
			ch, err := d.channel(ctx, args.ChannelID)
			if err != nil {
				return nil, err
			}
			out := &channelDetail{channelOut: toChannelOut(ch), OrganizationID: ch.OrganizationId,
				PostingSchedule: make([]scheduleDay, 0, len(ch.PostingSchedule))}
			for _, s := range ch.PostingSchedule {
				out.PostingSchedule = append(out.PostingSchedule, scheduleDay{Day: string(s.Day), Times: s.Times, Paused: s.Paused})
			}
			for _, b := range ch.Metadata.Boards {
				out.Boards = append(out.Boards, boardOut{ID: b.ID, Name: b.Name})
			}
			return &getChannelResult{Channel: out}, nil
		},
	}, d)
}
