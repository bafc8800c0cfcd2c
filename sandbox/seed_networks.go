package sandbox

import "time"

// The networks whose posts need more than text — Pinterest (boards), YouTube, Google
// Business — and what each network's posts can be given (types, first comments, link
// previews, threads, tags, approval). Seeded after everything else, so that the ids of the
// rest stay what they were before these existed.

// SeedTag is a seeded tag, keyed in SeedInfo.Tags by a name such as "hiring".
type SeedTag struct {
	ID, OrganizationID, Name string
}

func seedOneOrgNetworks(b *seeder) {
	o := b.st.orgs[0]
	b.channel(o, channelSpec{key: "pinterest", service: "pinterest", name: "northbeancoffee",
		displayName: "North Bean Coffee", serviceID: "1123581321345589", timezone: "America/Denver",
		link:     "https://www.pinterest.com/northbeancoffee",
		schedule: weekly([]string{"11:00", "20:00"})})
	b.boards("pinterest", "Coffee recipes", "Brewing guides", "Inside the roastery")
	b.channel(o, channelSpec{key: "youtube", service: "youtube", name: "North Bean Coffee",
		displayName: "North Bean Coffee", serviceID: "UCnorthbeancoffee0000001", timezone: "Europe/Madrid",
		link:     "https://www.youtube.com/@northbeancoffee",
		schedule: weekly([]string{"18:00"}, "sat", "sun")})
	b.channel(o, channelSpec{key: "googlebusiness", service: "googlebusiness", name: "North Bean Coffee Roasters",
		displayName: "North Bean Coffee Roasters", serviceID: "accounts/1029384756/locations/5647382910",
		timezone: "America/Toronto", link: "https://maps.example.com/northbeancoffee",
		schedule: weekly([]string{"08:00", "14:00"})})
	// Posts on Instagram go through approval: the seed already has one awaiting it.
	b.st.channelByID[b.info.Channels["instagram"].ID].requiresApproval = true

	b.tag(o, "behind-the-scenes", "Behind the scenes")
	b.tag(o, "events", "Events")
	b.tag(o, "hiring", "Hiring")
	b.tag(o, "new-roast", "New roast")
	b.tag(o, "sustainability", "Sustainability")

	// What the posts seeded before these networks existed were given.
	for _, key := range []string{"instagram-error", "instagram-queued", "instagram-approval"} {
		b.meta(key, Metadata{Type: "post", ShouldShareToFeed: ptrTo(true)})
	}
	b.meta("linkedin-queued-1", Metadata{}, "new-roast")
	b.meta("linkedin-queued-2", Metadata{}, "hiring")
	b.meta("linkedin-queued-3", Metadata{FirstComment: "The full write-up: https://northbeancoffee.example/blog/compostable"}, "sustainability")
	b.meta("linkedin-custom", Metadata{}, "events")

	video := func(url string) []Asset { return []Asset{{Type: "video", URL: url}} }
	// On the channels seeded before, new posts are drafts or at custom times, so that the
	// queue slots the earlier posts took stay theirs.
	b.post(postSpec{key: "instagram-reel", channel: "instagram", status: statusScheduled, created: 8 * hour,
		at:     &localTime{days: 4, hour: 12, minute: 15},
		assets: video("https://cdn.example.com/northbean/latte-art-reel.mp4"),
		text:   "60 seconds of latte art, start to finish 🎨 Which pour is your favourite?"})
	b.meta("instagram-reel", Metadata{Type: "reel", ShouldShareToFeed: ptrTo(true),
		FirstComment: "#latteart #baristalife #specialtycoffee"}, "behind-the-scenes")

	b.post(postSpec{key: "facebook-link", channel: "facebook", status: statusDraft, created: 5 * hour,
		text: "Our brew guide for the AeroPress is up, with a recipe for every roast we sell."})
	b.meta("facebook-link", Metadata{Type: "post", Link: "https://northbeancoffee.example/guides/aeropress",
		FirstComment: "Which recipe should we add next?"})

	thread := []ThreadItem{
		{Text: "How we pick a new coffee, in three steps 🧵"},
		{Text: "1. We cup every sample blind, twice, a week apart."},
		{Text: "2. If it scores 86+ both times, we call the farm and talk price before anything else."},
	}
	b.post(postSpec{key: "twitter-thread", channel: "twitter", status: statusScheduled, created: 7 * hour,
		at: &localTime{days: 5, hour: 10, minute: 30}, text: thread[0].Text})
	b.meta("twitter-thread", Metadata{Thread: thread}, "behind-the-scenes")

	cw := []ThreadItem{
		{Text: "Price update for subscribers, and why."},
		{Text: "Green coffee costs us 18% more than last year. From next month a 250 g bag is €1 more; the farmers' share stays what it was."},
	}
	b.post(postSpec{key: "mastodon-thread", channel: "mastodon", status: statusDraft, created: 9 * hour, text: cw[0].Text})
	b.meta("mastodon-thread", Metadata{Thread: cw, SpoilerText: "Prices"})

	b.post(postSpec{key: "bluesky-link", channel: "bluesky", status: statusDraft, created: 2 * hour,
		text: "We wrote down what we pay each farm, per kilo."})
	b.meta("bluesky-link", Metadata{Link: "https://northbeancoffee.example/transparency"}, "sustainability")

	b.post(postSpec{key: "tiktok-sent", channel: "tiktok", status: statusSent, created: 12 * day, ago: 10 * day,
		assets: video("https://cdn.example.com/northbean/first-crack.mp4"),
		text:   "What first crack sounds like 🔊 #coffeeroasting"})
	b.meta("tiktok-sent", Metadata{Title: "First crack, up close"})

	b.post(postSpec{key: "pinterest-pin", channel: "pinterest", status: statusScheduled, created: 6 * hour,
		assets: []Asset{seedImage("https://cdn.example.com/northbean/iced-latte-recipe.jpg", "An iced oat latte in a tall glass")},
		text:   "Iced oat latte with our Harbor blend: the recipe, in four steps."})
	b.meta("pinterest-pin", Metadata{Title: "Iced oat latte", Link: "https://northbeancoffee.example/recipes/iced-oat-latte",
		BoardServiceID: b.boardServiceID("pinterest", "Coffee recipes")})

	b.post(postSpec{key: "youtube-video", channel: "youtube", status: statusScheduled, created: 30 * hour,
		assets: video("https://cdn.example.com/northbean/roastery-tour.mp4"),
		text:   "A tour of the roastery, from green coffee to the bag on your doorstep."})
	b.meta("youtube-video", Metadata{Title: "Inside North Bean: a roastery tour",
		YouTube: YouTubeOptions{CategoryID: "26", Privacy: "public", NotifySubscribers: ptrTo(true), MadeForKids: ptrTo(false)}},
		"behind-the-scenes")

	b.post(postSpec{key: "google-offer", channel: "googlebusiness", status: statusScheduled, created: 4 * hour,
		text: "10% off every bag of beans this week in the shop on Mill Street."})
	start, end := b.now.AddDate(0, 0, 2).Truncate(time.Hour), b.now.AddDate(0, 0, 9).Truncate(time.Hour)
	b.meta("google-offer", Metadata{Type: "offer", Title: "10% off beans",
		Google: GoogleDetails{Start: &start, End: &end, Code: "BEANS10", Terms: "In the shop only; one bag per customer."}})

	b.post(postSpec{key: "google-event", channel: "googlebusiness", status: statusDraft, created: 3 * hour,
		text: "Public cupping at the roastery: six coffees, one table, no experience needed."})
	day1, day2 := b.now.AddDate(0, 0, 12).Truncate(24*time.Hour), b.now.AddDate(0, 0, 12).Truncate(24*time.Hour)
	b.meta("google-event", Metadata{Type: "event", Title: "Public cupping",
		Google: GoogleDetails{Start: &day1, End: &day2, IsFullDayEvent: true, Button: "book",
			Link: "https://northbeancoffee.example/events/cupping"}}, "events")
}

func seedTwoOrgsNetworks(b *seeder) {
	o := b.st.orgs[1]
	b.tag(o, "bakery-seasonal", "Seasonal")
	b.tag(o, "bakery-recipes", "Recipes")
	b.meta("bakery-queued", Metadata{Type: "post", ShouldShareToFeed: ptrTo(true)}, "bakery-seasonal")

	thread := []ThreadItem{
		{Text: "Three things we learned keeping a rye starter alive 🧵"},
		{Text: "Feed it at the same time every day: it likes a routine more than a recipe."},
	}
	b.post(postSpec{key: "bakery-thread", channel: "bakery-threads", status: statusDraft, created: 2 * hour, text: thread[0].Text})
	b.meta("bakery-thread", Metadata{Thread: thread}, "bakery-recipes")
}

// boards gives a seeded Pinterest channel its boards.
func (b *seeder) boards(channelKey string, names ...string) {
	c, ok := b.st.channelByID[b.info.Channels[channelKey].ID]
	if !ok {
		return
	}
	for i, name := range names {
		c.boards = append(c.boards, board{id: b.st.newID(), serviceID: "98765432101234567" + string(rune('0'+i)), name: name})
	}
}

func (b *seeder) boardServiceID(channelKey, name string) string {
	if c, ok := b.st.channelByID[b.info.Channels[channelKey].ID]; ok {
		for _, bd := range c.boards {
			if bd.name == name {
				return bd.serviceID
			}
		}
	}
	return ""
}

func (b *seeder) tag(o *organization, key, name string) {
	t := &tag{id: b.st.newID(), organizationID: o.id, name: name, color: tagColors[len(b.st.tags)%len(tagColors)]}
	b.st.tags = append(b.st.tags, t)
	b.info.Tags[key] = SeedTag{ID: t.id, OrganizationID: o.id, Name: name}
}

var tagColors = []string{"#2E7D32", "#1565C0", "#C62828", "#6A1B9A", "#EF6C00", "#00838F"}

// meta gives a seeded post its metadata and tags (keys into SeedInfo.Tags).
func (b *seeder) meta(postKey string, m Metadata, tagKeys ...string) {
	id := b.info.Posts[postKey].ID
	for _, p := range b.st.posts {
		if p.ID != id {
			continue
		}
		p.Metadata = m
		for _, k := range tagKeys {
			p.TagIDs = append(p.TagIDs, b.info.Tags[k].ID)
		}
	}
}

func ptrTo[T any](v T) *T { return &v }
