package sandbox

import "time"

// The seeds' content: a small coffee roaster (and, for two-orgs, a bakery) using Buffer
// the way a real customer does. Businesses and people are fictional, and every address is
// under a reserved domain (example.com, example), so nothing here points anywhere real.

const (
	hour = time.Hour
	day  = 24 * time.Hour
)

func seedImage(url, alt string) Asset {
	return Asset{Type: "image", URL: url, AltText: alt, Width: 1080, Height: 1350}
}

// seedOneOrg: one organization with seven channels, one per situation worth testing:
// timezones from Sydney to Los Angeles, a paused queue, a disconnected and a locked channel.
func seedOneOrg(b *seeder) {
	b.account("Maya Lindqvist", "maya@northbeancoffee.example", "America/New_York", 400*day)
	o := b.organization("North Bean Coffee Roasters")

	b.channel(o, channelSpec{key: "linkedin", service: "linkedin", name: "North Bean Coffee Roasters",
		displayName: "North Bean Coffee Roasters", serviceID: "81234567", timezone: "America/New_York",
		link:     "https://www.linkedin.com/company/northbeancoffee",
		schedule: weekly([]string{"09:00", "12:30", "17:00"}, "sat", "sun")})
	b.channel(o, channelSpec{key: "instagram", service: "instagram", name: "northbeancoffee",
		displayName: "North Bean Coffee", serviceID: "northbeancoffee", timezone: "Europe/Berlin",
		link:     "https://www.instagram.com/northbeancoffee",
		schedule: weekly([]string{"08:30", "13:00", "19:30"}, "mon")})
	b.channel(o, channelSpec{key: "twitter", service: "twitter", name: "northbean",
		displayName: "North Bean Coffee", serviceID: "northbean", timezone: "Europe/London",
		link:     "https://x.com/northbean",
		schedule: weekly([]string{"08:00", "11:00", "15:00", "19:00"})})
	b.channel(o, channelSpec{key: "mastodon", service: "mastodon", name: "northbean@mastodon.example",
		displayName: "North Bean Coffee", serviceID: "northbean", timezone: "Asia/Tokyo",
		link:     "https://mastodon.example/@northbean",
		schedule: weekly([]string{"07:30", "12:00", "20:00"}, "sun")})
	b.channel(o, channelSpec{key: "facebook", service: "facebook", name: "North Bean Coffee",
		displayName: "North Bean Coffee", serviceID: "104857600123456", timezone: "Australia/Sydney",
		link:     "https://www.facebook.com/northbeancoffee",
		schedule: weekly([]string{"10:00", "16:00"}), paused: true})
	b.channel(o, channelSpec{key: "bluesky", service: "bluesky", name: "northbean.bsky.social",
		displayName: "North Bean Coffee", serviceID: "northbean.bsky.social", timezone: "America/Los_Angeles",
		link:     "https://bsky.app/profile/northbean.bsky.social",
		schedule: weekly([]string{"09:30", "18:00"}), disconnected: true})
	b.channel(o, channelSpec{key: "tiktok", service: "tiktok", name: "northbeancoffee",
		displayName: "North Bean Coffee", serviceID: "northbeancoffee", timezone: "America/Chicago",
		link:     "https://www.tiktok.com/@northbeancoffee",
		schedule: weekly([]string{"12:00", "18:30"}), locked: true})

	seedOneOrgPosts(b)
}

func seedOneOrgPosts(b *seeder) {
	b.post(postSpec{key: "linkedin-sent", channel: "linkedin", status: statusSent, created: 6 * day, ago: 4 * day,
		text: "Thank you to everyone who came to our open roastery day! 214 of you tasted, asked and stayed for a second cup. Photos are up on our site."})
	b.post(postSpec{key: "linkedin-queued-1", channel: "linkedin", status: statusScheduled, created: 26 * hour,
		text: "Our first batch of Ethiopia Guji natural is out of the roaster: blueberry, jasmine and dark chocolate. In the shop and in subscriptions from Thursday."})
	b.post(postSpec{key: "linkedin-queued-2", channel: "linkedin", status: statusScheduled, created: 20 * hour,
		text: "We're hiring a part-time roaster's assistant. No experience needed, just curiosity and an early alarm. Details and how to apply on our careers page."})
	b.post(postSpec{key: "linkedin-queued-3", channel: "linkedin", status: statusScheduled, created: 5 * hour,
		assets: []Asset{seedImage("https://cdn.example.com/northbean/compostable-bags.jpg", "Coffee bags in a compost bin, half broken down")},
		text:   "Three years ago we moved every bag we sell to home-compostable packaging. What it cost, what broke, and what we'd do differently: a short write-up from our ops lead."})
	b.post(postSpec{key: "linkedin-custom", channel: "linkedin", status: statusScheduled, created: 3 * hour,
		at:   &localTime{days: 3, hour: 15, minute: 45},
		text: "Free public cupping this Saturday at 10am: six single origins, one table, no experience needed. Reply here to save a seat."})
	b.post(postSpec{key: "linkedin-draft", channel: "linkedin", status: statusDraft, created: 2 * day,
		text: "Sourcing trip recap: two weeks in Huila, Colombia, with the Rodríguez family farm. (Add Ana's photos before this goes out.)"})

	b.post(postSpec{key: "instagram-error", channel: "instagram", status: statusError, created: 3 * day, ago: day,
		assets:     []Asset{seedImage("https://cdn.example.com/northbean/roastery-panorama.jpg", "A wide view of the roastery floor")},
		text:       "Roast day panorama 🔥 Every bag you ordered this week, in one picture.",
		errMsg:     "Instagram could not publish this image: its aspect ratio (3:1) is outside the range Instagram accepts (4:5 to 1.91:1).",
		supportURL: "https://support.example.com/articles/instagram-aspect-ratios"})
	b.post(postSpec{key: "instagram-queued", channel: "instagram", status: statusScheduled, created: 30 * hour,
		assets: []Asset{seedImage("https://cdn.example.com/northbean/harbor-blend-pourover.jpg", "A pour-over of Harbor blend on a wooden counter")},
		text:   "Slow mornings call for the Harbor blend ☕️ Milk chocolate, toasted almond, a little orange. #specialtycoffee #pourover"})
	b.post(postSpec{key: "instagram-approval", channel: "instagram", status: statusNeedsApproval, created: 6 * hour,
		at:             &localTime{days: 2, hour: 11, minute: 15},
		schedulingType: "notification",
		assets:         []Asset{seedImage("https://cdn.example.com/northbean/giveaway-bags.jpg", "Twelve bags of coffee stacked in a pyramid")},
		text:           "GIVEAWAY 🎉 Win a year of coffee! Follow us, tag a friend who needs better mornings, and share this post to your story. Winner drawn Friday."})

	b.post(postSpec{key: "twitter-sent", channel: "twitter", status: statusSent, created: 50 * hour, ago: day,
		text: "Shop's open late tonight for the Harbour Street night market. Cold brew on tap until 10pm."})
	b.post(postSpec{key: "twitter-sending", channel: "twitter", status: statusSending, created: 2 * hour, ago: time.Minute,
		text: "Fresh Kenya Nyeri on the shelf this morning: blackcurrant and grapefruit. Limited to 60 bags."})
	b.post(postSpec{key: "twitter-queued-1", channel: "twitter", status: statusScheduled, created: 10 * hour,
		text: "Grind size matters more than you think. Too fine: bitter. Too coarse: sour. Our 30-second guide to dialling in at home 👇"})
	b.post(postSpec{key: "twitter-queued-2", channel: "twitter", status: statusScheduled, created: 9 * hour,
		text: "Reminder: subscription orders for next week close Sunday at midnight."})

	b.post(postSpec{key: "mastodon-sent", channel: "mastodon", status: statusSent, created: 8 * day, ago: 7 * day,
		text: "We publish what we pay our farmers, per kilo, for every coffee we sell. This year's transparency report is up."})
	b.post(postSpec{key: "mastodon-queued", channel: "mastodon", status: statusScheduled, created: 4 * hour,
		text: "Question for the home roasters here: what's your go-to first-crack cue, sound or smell?"})

	b.post(postSpec{key: "facebook-queued", channel: "facebook", status: statusScheduled, created: 12 * hour,
		text: "Our Sydney friends: North Bean beans are now stocked at three cafés in Surry Hills. List on our website."})
	b.post(postSpec{key: "facebook-draft", channel: "facebook", status: statusDraft, created: day,
		text: "Holiday gift boxes: ideas for what to include?"})

	b.post(postSpec{key: "bluesky-error", channel: "bluesky", status: statusError, created: 4 * day, ago: 2 * day,
		text:       "Hello Bluesky 👋 Coffee roasters from the north, posting about beans, brewing and the people who grow them.",
		errMsg:     "Bluesky rejected the post: the channel's session has expired. Reconnect the channel in Buffer.",
		supportURL: "https://support.example.com/articles/reconnect-a-channel"})
}

// seedTwoOrgs adds a second organization, a bakery that Maya also manages, so that the
// rules for accounts with several organizations can be exercised.
func seedTwoOrgs(b *seeder) {
	seedOneOrg(b)
	o := b.organization("Harbour Lane Bakery")
	b.channel(o, channelSpec{key: "bakery-instagram", service: "instagram", name: "harbourlanebakery",
		displayName: "Harbour Lane Bakery", serviceID: "harbourlanebakery", timezone: "Europe/Dublin",
		link:     "https://www.instagram.com/harbourlanebakery",
		schedule: weekly([]string{"07:00", "15:30"}, "sun")})
	b.channel(o, channelSpec{key: "bakery-threads", service: "threads", name: "harbourlanebakery",
		displayName: "Harbour Lane Bakery", serviceID: "harbourlanebakery", timezone: "Europe/Lisbon",
		link:     "https://www.threads.net/@harbourlanebakery",
		schedule: weekly([]string{"08:00", "17:00"})})

	b.post(postSpec{key: "bakery-sent", channel: "bakery-threads", status: statusSent, created: 3 * day, ago: 2 * day,
		text: "Sourdough is back on Saturdays. Pre-order by Thursday noon."})
	b.post(postSpec{key: "bakery-queued", channel: "bakery-instagram", status: statusScheduled, created: 7 * hour,
		assets: []Asset{seedImage("https://cdn.example.com/harbourlane/cardamom-buns.jpg", "A tray of cardamom buns fresh from the oven")},
		text:   "Cardamom buns, still warm. First tray at 7am, gone by 9 most days 🥐"})
	b.post(postSpec{key: "bakery-draft", channel: "bakery-threads", status: statusDraft, created: 5 * hour,
		text: "Our new rye starter needs a name. Suggestions?"})
}

// seedOneOrgIdeas gives the roaster ideas in two board columns and outside them, with and
// without a title, networks, media and a planned date. Ideas are seeded after everything
// else, so that the ids of the rest stay as they were before ideas existed.
func seedOneOrgIdeas(b *seeder) {
	const org = "North Bean Coffee Roasters"
	series, seasonal := b.ideaGroup(org, "Series"), b.ideaGroup(org, "Seasonal")
	b.idea(ideaSpec{key: "origin-stories", org: org, group: series, created: 10 * day,
		title:    "Origin stories",
		text:     "A series on the farms behind each single origin: one post per farm, with photos from the sourcing trips.",
		services: []string{"instagram", "linkedin"}})
	b.idea(ideaSpec{key: "latte-art-fridays", org: org, group: series, created: 5 * day,
		title:    "Latte art Fridays",
		text:     "A short weekly clip of one barista's pour; followers vote for the best one in the comments.",
		services: []string{"instagram", "tiktok"},
		media: []IdeaMedia{{Type: "image", URL: "https://cdn.example.com/northbean/latte-art-tulip.jpg",
			Alt: "A tulip poured in a flat white"}}})
	b.idea(ideaSpec{key: "cold-brew-carousel", org: org, created: 2 * day, days: 14,
		text:     "Cold brew at home in five steps, as a carousel, for the first warm week of the year.",
		services: []string{"instagram"}})
	b.idea(ideaSpec{key: "gift-guide", org: org, group: seasonal, created: day, days: 30,
		title: "Holiday gift guide"})
	b.idea(ideaSpec{key: "roast-levels", org: org, created: 3 * hour,
		title:    "Light vs dark roast, explained",
		text:     "What roast level really changes in the cup (and what it doesn't), in plain words.",
		services: []string{"twitter", "mastodon", "bluesky"},
		media:    []IdeaMedia{{Type: "link", URL: "https://northbeancoffee.example/blog/roast-levels"}}})
}

// seedTwoOrgsIdeas gives the bakery ideas of its own.
func seedTwoOrgsIdeas(b *seeder) {
	const org = "Harbour Lane Bakery"
	b.idea(ideaSpec{key: "bake-along", org: org, created: 4 * day,
		title: "Bake-along livestream", text: "Saturday morning cardamom buns, live from the kitchen.",
		services: []string{"instagram"}})
	b.idea(ideaSpec{key: "starter-name", org: org, created: 6 * hour,
		text: "Announce the winning name for the rye starter, with the runners-up."})
}
