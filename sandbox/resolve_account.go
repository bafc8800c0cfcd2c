package sandbox

import (
	"slices"

	"github.com/graph-gophers/graphql-go"
)

// Resolvers for Account, Organization, Channel and ScheduleV2: all read-only.

type accountResolver struct{ s *store }

func (r *accountResolver) ID() graphql.ID       { return graphql.ID(r.s.account.id) }
func (r *accountResolver) Email() string        { return r.s.account.email }
func (r *accountResolver) Avatar() string       { return r.s.account.avatar }
func (r *accountResolver) CreatedAt() *dateTime { return &dateTime{r.s.account.createdAt} }
func (r *accountResolver) Timezone() *string    { return &r.s.account.timezone }
func (r *accountResolver) Name() *string        { return &r.s.account.name }

func (r *accountResolver) Organizations(args struct{ Filter *organizationFilterInput }) []*organizationResolver {
	var out []*organizationResolver
	for _, o := range r.s.orgs {
		if args.Filter == nil || args.Filter.OrganizationID == o.id {
			out = append(out, &organizationResolver{r.s, o})
		}
	}
	return out
}

type organizationResolver struct {
	s *store
	o *organization
}

func (r *organizationResolver) ID() objectID       { return objectID(r.o.id) }
func (r *organizationResolver) Name() string       { return r.o.name }
func (r *organizationResolver) OwnerEmail() string { return r.s.account.email }
func (r *organizationResolver) ChannelCount() int32 {
	return int32(len(r.s.channelsOf(r.o.id)))
}

type channelResolver struct{ c *channel }

func (r *channelResolver) ID() objectID             { return objectID(r.c.id) }
func (r *channelResolver) Avatar() string           { return r.c.avatar }
func (r *channelResolver) CreatedAt() dateTime      { return dateTime{r.c.createdAt} }
func (r *channelResolver) UpdatedAt() dateTime      { return dateTime{r.c.createdAt} }
func (r *channelResolver) Descriptor() string       { return r.c.descriptor }
func (r *channelResolver) DisplayName() *string     { return &r.c.displayName }
func (r *channelResolver) IsDisconnected() bool     { return r.c.isDisconnected }
func (r *channelResolver) IsLocked() bool           { return r.c.isLocked }
func (r *channelResolver) IsNew() bool              { return false }
func (r *channelResolver) IsQueuePaused() bool      { return r.c.isQueuePaused }
func (r *channelResolver) Name() string             { return r.c.name }
func (r *channelResolver) OrganizationID() objectID { return objectID(r.c.organizationID) }
func (r *channelResolver) Service() string          { return r.c.service }
func (r *channelResolver) ServiceID() string        { return r.c.serviceID }
func (r *channelResolver) Timezone() string         { return r.c.timezone }
func (r *channelResolver) ExternalLink() *string    { return &r.c.externalLink }

// channelProducts are the Buffer products of every sandbox channel: it only publishes.
var channelProducts = []string{"publish"}

func (r *channelResolver) Products() *[]string {
	p := slices.Clone(channelProducts)
	return &p
}

func (c *channel) offers(product string) bool { return slices.Contains(channelProducts, product) }

func (r *channelResolver) PostingSchedule() []*scheduleResolver {
	out := make([]*scheduleResolver, len(r.c.schedule))
	for i := range r.c.schedule {
		out[i] = &scheduleResolver{&r.c.schedule[i]}
	}
	return out
}

type scheduleResolver struct{ d *scheduleDay }

func (r *scheduleResolver) Day() string     { return r.d.day }
func (r *scheduleResolver) Times() []string { return r.d.times }
func (r *scheduleResolver) Paused() bool    { return r.d.paused }
