package sandbox

import (
	"fmt"
	"time"

	// Channels live in timezones across the world; embedding the timezone database lets
	// the sandbox run where the host has none (containers, Windows), as --sandbox promises.
	_ "time/tzdata"
)

// SeedInfo names what a seed created, so that tests need not hard-code ids. It describes
// the data as seeded; later mutations do not change it.
type SeedInfo struct {
	Name          string             // the seed: one-org or two-orgs
	AccountID     string             // the account's id
	AccountEmail  string             // the account's email
	Organizations []SeedOrganization // in the order the account lists them
	Channels      map[string]SeedChannel
	Posts         map[string]SeedPost
	Ideas         map[string]SeedIdea
	Tags          map[string]SeedTag
}

// SeedOrganization is a seeded organization.
type SeedOrganization struct {
	ID, Name string
	Channels []string // keys into SeedInfo.Channels, in the order channels lists them
}

// SeedChannel is a seeded channel, keyed in SeedInfo.Channels by a name such as
// "linkedin" or "mastodon".
type SeedChannel struct {
	ID, OrganizationID, Service, Timezone string
	IsQueuePaused, IsDisconnected         bool
	IsLocked                              bool
}

// SeedPost is a seeded post, keyed in SeedInfo.Posts by a name such as "linkedin-draft".
type SeedPost struct {
	ID, ChannelID, Status string
}

// SeedIdea is a seeded idea, keyed in SeedInfo.Ideas by a name such as "coffee-origins".
type SeedIdea struct {
	ID, OrganizationID, GroupID string
}

// seeds are the data sets Options.Seed can name.
var seeds = map[string]func(*seeder){
	"one-org": func(b *seeder) { seedOneOrg(b); seedOneOrgIdeas(b); seedOneOrgNetworks(b); seedOneOrgMore(b) },
	"two-orgs": func(b *seeder) {
		seedTwoOrgs(b)
		seedOneOrgIdeas(b)
		seedTwoOrgsIdeas(b)
		seedOneOrgNetworks(b)
		seedTwoOrgsNetworks(b)
		seedOneOrgMore(b)
		seedTwoOrgsMore(b)
	},
}

// seed builds the store for a named seed, with times relative to now so that scheduled
// posts are in the future whenever the sandbox starts.
func seed(name string, queueLimit int, now time.Time) (*store, SeedInfo, error) {
	fill, ok := seeds[name]
	if !ok {
		return nil, SeedInfo{}, fmt.Errorf("unknown sandbox seed %q: use one-org or two-orgs", name)
	}
	b := &seeder{st: newStore(queueLimit), now: now, info: SeedInfo{
		Name:     name,
		Channels: map[string]SeedChannel{},
		Posts:    map[string]SeedPost{},
		Ideas:    map[string]SeedIdea{},
		Tags:     map[string]SeedTag{},
	}}
	fill(b)
	if b.err != nil {
		return nil, SeedInfo{}, b.err
	}
	return b.st, b.info, nil
}

// seeder builds a seed. It keeps the first error (an unknown timezone) and reports it at
// the end, so that the seed data reads as a plain list.
type seeder struct {
	st   *store
	now  time.Time
	info SeedInfo
	err  error
}

func (b *seeder) account(name, email, timezone string, age time.Duration) {
	id := b.st.newID()
	b.st.account = account{id: id, name: name, email: email, timezone: timezone,
		avatar: "https://cdn.example.com/avatars/" + id + ".png", createdAt: b.now.Add(-age)}
	b.info.AccountID, b.info.AccountEmail = b.st.account.id, email
}

func (b *seeder) organization(name string) *organization {
	o := &organization{id: b.st.newID(), name: name}
	b.st.orgs = append(b.st.orgs, o)
	b.info.Organizations = append(b.info.Organizations, SeedOrganization{ID: o.id, Name: name})
	return o
}

// channelSpec describes a seeded channel; key names it in SeedInfo.
type channelSpec struct {
	key, service, name, displayName, serviceID, timezone, link string
	schedule                                                   []scheduleDay
	paused, disconnected, locked                               bool
}

func (b *seeder) channel(o *organization, s channelSpec) {
	loc, err := time.LoadLocation(s.timezone)
	if err != nil {
		if b.err == nil {
			b.err = fmt.Errorf("seed channel %s: %w", s.key, err)
		}
		return
	}
	c := &channel{
		id: b.st.newID(), organizationID: o.id, name: s.name, displayName: s.displayName,
		descriptor: s.service, service: s.service, serviceID: s.serviceID,
		avatar:   "https://cdn.example.com/avatars/" + s.key + ".png",
		timezone: s.timezone, loc: loc, schedule: s.schedule, externalLink: s.link,
		isQueuePaused: s.paused, isDisconnected: s.disconnected, isLocked: s.locked,
		createdAt: b.now.AddDate(-1, 0, 0),
	}
	b.st.channels = append(b.st.channels, c)
	b.st.channelByID[c.id] = c
	b.info.Channels[s.key] = SeedChannel{ID: c.id, OrganizationID: o.id, Service: s.service,
		Timezone: s.timezone, IsQueuePaused: s.paused, IsDisconnected: s.disconnected, IsLocked: s.locked}
	for i := range b.info.Organizations {
		if b.info.Organizations[i].ID == o.id {
			b.info.Organizations[i].Channels = append(b.info.Organizations[i].Channels, s.key)
		}
	}
}

// weekly is a posting schedule with the same times every day, except the paused days.
func weekly(times []string, paused ...string) []scheduleDay {
	days := make([]scheduleDay, 0, 7)
	for _, d := range []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"} {
		sd := scheduleDay{day: d, times: times}
		for _, t := range times {
			var h, m int
			fmt.Sscanf(t, "%d:%d", &h, &m)
			sd.minutes = append(sd.minutes, h*60+m)
		}
		for _, p := range paused {
			sd.paused = sd.paused || p == d
		}
		days = append(days, sd)
	}
	return days
}

// postSpec describes a seeded post. Its status decides how its time is set: scheduled
// posts take the next queue slot unless at is set (custom-scheduled), sent, sending and
// failed posts are due ago in the past.
type postSpec struct {
	key, channel, status, text string
	assets                     []Asset
	created                    time.Duration // how long ago it was created
	ago                        time.Duration // sent, sending, error: how long ago it was due
	at                         *localTime    // a custom time, in the channel's timezone
	errMsg, supportURL         string
	schedulingType             string
}

// localTime is a wall-clock time some days from now in a channel's timezone.
type localTime struct{ days, hour, minute int }

func (b *seeder) post(s postSpec) {
	key, ok := b.info.Channels[s.channel]
	if !ok || b.err != nil {
		return
	}
	c := b.st.channelByID[key.ID]
	p := &Post{
		ID: b.st.newID(), OrganizationID: c.organizationID, ChannelID: c.id,
		ChannelService: c.service, Status: s.status, Text: s.text, SchedulingType: "automatic",
		ShareMode: modeAddToQueue, CreatedAt: b.now.Add(-s.created), Via: "buffer",
	}
	p.UpdatedAt = p.CreatedAt
	if s.schedulingType != "" {
		p.SchedulingType = s.schedulingType
	}
	p.Assets = s.assets
	switch {
	case s.at != nil:
		local := b.now.In(c.loc)
		due := time.Date(local.Year(), local.Month(), local.Day()+s.at.days, s.at.hour, s.at.minute, 0, 0, c.loc).UTC()
		p.DueAt, p.IsCustomScheduled, p.ShareMode = &due, true, modeCustomScheduled
	case s.status == statusScheduled:
		b.st.addToQueue(c, p, b.now)
	case s.status == statusSent:
		publish(c, p, b.now.Add(-s.ago))
		p.SharedNow = false
	case s.status == statusSending || s.status == statusError:
		due := b.now.Add(-s.ago)
		p.DueAt = &due
	}
	if s.status == statusError {
		p.Error = &PublishingError{Message: s.errMsg, SupportURL: s.supportURL}
	}
	b.st.posts = append(b.st.posts, p)
	b.info.Posts[s.key] = SeedPost{ID: p.ID, ChannelID: c.id, Status: p.Status}
}

// ideaSpec describes a seeded idea of the organization named org.
type ideaSpec struct {
	key, org, group, title, text string
	services                     []string
	media                        []IdeaMedia
	created                      time.Duration // how long ago it was created
	days                         int           // a planned date this many days from now, if not 0
}

// ideaGroup makes a column of the named organization's ideas board and returns its id.
func (b *seeder) ideaGroup(org, name string) string {
	o := b.org(org)
	if o == nil {
		return ""
	}
	g := &ideaGroup{id: b.st.newID(), organizationID: o.id, name: name}
	b.st.ideaGroups = append(b.st.ideaGroups, g)
	return g.id
}

// org finds a seeded organization by name.
func (b *seeder) org(name string) *organization {
	for _, o := range b.st.orgs {
		if o.name == name {
			return o
		}
	}
	return nil
}

func (b *seeder) idea(s ideaSpec) {
	org := b.org(s.org)
	if org == nil || b.err != nil {
		return
	}
	i := &Idea{
		ID: b.st.newID(), OrganizationID: org.id, GroupID: s.group, Title: s.title, Text: s.text,
		Services: s.services, Media: s.media, CreatedAt: b.now.Add(-s.created).Truncate(time.Second),
	}
	if s.days != 0 {
		d := b.now.AddDate(0, 0, s.days).Truncate(24 * time.Hour)
		i.Date = &d
	}
	b.st.ideas = append(b.st.ideas, i)
	b.info.Ideas[s.key] = SeedIdea{ID: i.ID, OrganizationID: org.id, GroupID: s.group}
}
