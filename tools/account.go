package tools

import (
	"context"
)

type getAccountArgs struct{}

type getAccountResult struct {
	Account       *accountOut       `json:"account,omitempty"`
	Organizations []organizationOut `json:"organizations,omitempty"`
}

type accountOut struct {
	ID          string `json:"id" jsonschema:"required"`
	Email       string `json:"email" jsonschema:"required"`
	Name        string `json:"name,omitempty"`
	Timezone    string `json:"timezone" jsonschema:"required"`
	CurrentTime string `json:"currentTime" jsonschema:"required"`
}

type organizationOut struct {
	ID           string `json:"id" jsonschema:"required"`
	Name         string `json:"name" jsonschema:"required"`
	ChannelCount int    `json:"channelCount" jsonschema:"required"`
}

// getAccount is get_account: who the key belongs to, the time now where they are, and
// their organizations.
func getAccount(d *shared) Tool {
	return newTool(spec[getAccountArgs, getAccountResult]{
		name:        "get_account",
		title:       "Get account",
		description: "The account: email, timezone, current time there, organizations.",
		hints:       readHints,
		handle: func(ctx context.Context, _ *getAccountArgs) (*getAccountResult, error) {
			return d.accountResult(ctx)
		},
	}, d)
}

// accountResult is get_account's answer; the buffer://account resource gives the same.
func (d *shared) accountResult(ctx context.Context) (*getAccountResult, error) {
	a, err := d.account(ctx)
	if err != nil {
		return nil, err
	}
	tz := a.Timezone
	if tz == "" {
		tz = "UTC"
	}
	out := &getAccountResult{Account: &accountOut{
		ID:          a.Id,
		Email:       a.Email,
		Name:        a.Name,
		Timezone:    tz,
		CurrentTime: formatLocal(d.now(), tz),
	}}
	for _, o := range a.Organizations {
		out.Organizations = append(out.Organizations, organizationOut{ID: o.Id, Name: o.Name, ChannelCount: o.ChannelCount})
	}
	return out, nil
}
