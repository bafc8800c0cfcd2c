package sandbox

import "time"

// The seeds' idea groups beyond those their ideas sit in, post templates, and the metrics
// of sent posts. They are seeded after everything else, so that the ids of the rest stay
// as they were before these existed.

func seedOneOrgMore(b *seeder) {
	const org = "North Bean Coffee Roasters"
	b.ideaGroup(org, "Launch") // an empty column, ready for the spring launch
	b.template(org, postTemplate{title: "New single origin", emoji: "☕",
		description: "Announce a coffee that just came out of the roaster.", visibility: "internal",
		body: "Just roasted: [origin], [process]. In the cup: [three tasting notes]. In the shop and in subscriptions from [day]."})
	b.template(org, postTemplate{title: "Event invite", emoji: "📅",
		description: "Invite people to a cupping, a class or an open day.", visibility: "internal",
		body: "Join us on [day] at [time] for [event]: [one line on what to expect]. Free, no experience needed. Reply to save a seat."})
	b.template(org, postTemplate{title: "Hiring", visibility: "private",
		body: "We're hiring a [role] ([hours]). [One line on the job.] Details and how to apply: [link]"})

	b.metrics("linkedin-sent", 7*time.Hour, m("impressions", 4210), m("reach", 3120), m("reactions", 186),
		m("comments", 23), m("shares", 12), m("clicks", 97), m("engagementRate", 7.3))
	b.metrics("twitter-sent", 7*time.Hour, m("impressions", 1830), m("likes", 64), m("reposts", 9),
		m("comments", 5), m("quotes", 2), m("clicks", 41), m("engagementRate", 6.5))
	b.metrics("mastodon-sent", 7*time.Hour, m("reactions", 48), m("reposts", 17), m("comments", 6))
}

func seedTwoOrgsMore(b *seeder) {
	const org = "Harbour Lane Bakery"
	b.ideaGroup(org, "Weekend specials")
	b.template(org, postTemplate{title: "Today's bake", emoji: "🥐", visibility: "internal",
		body: "Out of the oven this morning: [bake]. [Price], until they're gone."})
	b.metrics("bakery-sent", 7*time.Hour, m("views", 920), m("likes", 71), m("comments", 8),
		m("reposts", 4), m("quotes", 1))
}

// m is one metric value, for the seed data above.
func m(typ string, v float64) metricValue { return metricValue{typ, v} }

// metrics gives a seeded sent post its metrics, as last updated at the UTC midnight that
// began today plus after (or the one before, when that is still ahead): Buffer ingests
// metrics about once a day.
func (b *seeder) metrics(postKey string, after time.Duration, values ...metricValue) {
	p, ok := b.info.Posts[postKey]
	if !ok || b.err != nil {
		return
	}
	at := utcDay(b.now).Add(after)
	if at.After(b.now) {
		at = at.AddDate(0, 0, -1)
	}
	b.st.metrics[p.ID] = &postMetrics{values: values, updatedAt: at}
}

// template saves a template of the named organization, made a few days ago.
func (b *seeder) template(org string, t postTemplate) {
	o := b.org(org)
	if o == nil || b.err != nil {
		return
	}
	t.id, t.organizationID = b.st.newID(), o.id
	t.createdAt = b.now.Add(-time.Duration(20-len(b.st.templates)) * day).Truncate(time.Millisecond)
	t.updatedAt = t.createdAt
	b.st.templates = append(b.st.templates, &t)
}
