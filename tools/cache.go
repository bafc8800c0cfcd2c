package tools

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/Khan/genqlient/graphql"
	"github.com/buffer-mcp/buffer-mcp/client"
)

// CacheTTL is how long the account, its organizations and its channels are kept. Buffer
// allows about 100 requests per 15 minutes, and these change rarely; posts are never cached.
const CacheTTL = 5 * time.Minute

// cache keeps the account and channel lookups of one server. It is dropped whole after an
// Unauthenticated answer, or when Buffer says a cached organization or channel is gone
// (cachingClient, the one place that rule is applied).
type cache struct {
	now func() time.Time

	mu             sync.Mutex
	account        *client.GetAccountAccount
	accountExpires time.Time
	channelsByOrg  map[string]cached[[]client.ChannelFields]
	channelByID    map[string]cached[client.ChannelFields]
}

type cached[T any] struct {
	value   T
	expires time.Time
}

func newCache(now func() time.Time) *cache {
	c := &cache{now: now}
	c.clear()
	return c
}

func (c *cache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.account = nil
	c.channelsByOrg = map[string]cached[[]client.ChannelFields]{}
	c.channelByID = map[string]cached[client.ChannelFields]{}
}

func (c *cache) getAccount() (*client.GetAccountAccount, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.account == nil || !c.now().Before(c.accountExpires) {
		return nil, false
	}
	return c.account, true
}

func (c *cache) putAccount(a *client.GetAccountAccount) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.account, c.accountExpires = a, c.now().Add(CacheTTL)
}

func (c *cache) getChannels(orgID string) ([]client.ChannelFields, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.channelsByOrg[orgID]
	if !ok || !c.now().Before(e.expires) {
		return nil, false
	}
	return e.value, true
}

// putChannels keeps an organization's channel list and each of its channels by id.
func (c *cache) putChannels(orgID string, chs []client.ChannelFields) {
	c.mu.Lock()
	defer c.mu.Unlock()
	expires := c.now().Add(CacheTTL)
	c.channelsByOrg[orgID] = cached[[]client.ChannelFields]{chs, expires}
	for _, ch := range chs {
		c.channelByID[ch.Id] = cached[client.ChannelFields]{ch, expires}
	}
}

func (c *cache) getChannel(id string) (client.ChannelFields, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.channelByID[id]
	if !ok || !c.now().Before(e.expires) {
		return client.ChannelFields{}, false
	}
	return e.value, true
}

func (c *cache) putChannel(ch client.ChannelFields) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.channelByID[ch.Id] = cached[client.ChannelFields]{ch, c.now().Add(CacheTTL)}
}

// holdsAnyOf reports whether vars (a request's variables, as JSON) name an organization or
// a channel that the cache holds.
func (c *cache) holdsAnyOf(vars []byte) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	named := func(id string) bool { return bytes.Contains(vars, []byte(`"`+id+`"`)) }
	if c.account != nil {
		for _, o := range c.account.Organizations {
			if named(o.Id) {
				return true
			}
		}
	}
	for id := range c.channelByID {
		if named(id) {
			return true
		}
	}
	for id := range c.channelsByOrg {
		if named(id) {
			return true
		}
	}
	return false
}

// cachingClient is the graphql.Client every tool and resource uses: Buffer's own, plus the
// one rule for dropping the cache, applied to every answer so that no tool has to remember
// it. The cache is dropped when Buffer refuses the key (whichever operation was refused),
// or answers "not found" (a NOT_FOUND error, or a NotFoundError member of a mutation's
// payload) to a request that named a cached organization or channel. A post that is not
// found says nothing about the account, and writing a post changes neither.
type cachingClient struct {
	next  graphql.Client
	cache *cache
}

func (c *cachingClient) MakeRequest(ctx context.Context, req *graphql.Request, resp *graphql.Response) error {
	err := c.next.MakeRequest(ctx, req, resp)
	var ce *client.Error
	switch {
	case errors.As(err, &ce) && ce.Type == client.TypeUnauthenticated:
		c.cache.clear()
	case errors.As(err, &ce) && ce.Type == client.TypeNotFound, err == nil && answeredNotFoundError(req, resp):
		if vars, merr := json.Marshal(req.Variables); merr == nil && c.cache.holdsAnyOf(vars) {
			c.cache.clear()
		}
	}
	return err
}

// answeredNotFoundError reports whether a change was answered with the NotFoundError member
// of its payload union. Queries have no such members, and a change's answer is small, so
// only changes are looked at.
func answeredNotFoundError(req *graphql.Request, resp *graphql.Response) bool {
	if resp == nil || resp.Data == nil || !strings.HasPrefix(strings.TrimSpace(req.Query), "mutation") {
		return false
	}
	b, err := json.Marshal(resp.Data)
	if err != nil {
		return false
	}
	var roots map[string]json.RawMessage
	if json.Unmarshal(b, &roots) != nil {
		return false
	}
	for _, r := range roots {
		var member struct {
			Typename string `json:"__typename"`
		}
		if json.Unmarshal(r, &member) == nil && member.Typename == "NotFoundError" {
			return true
		}
	}
	return false
}
