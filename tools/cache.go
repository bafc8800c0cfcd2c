package tools

import (
	"sync"
	"time"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// CacheTTL is how long the account, its organizations and its channels are kept. Buffer
// allows about 100 requests per 15 minutes, and these change rarely; posts are never cached.
const CacheTTL = 5 * time.Minute

// cache keeps the account and channel lookups of one server. It is dropped whole after an
// Unauthenticated answer, or when Buffer says a cached organization or channel is gone.
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
