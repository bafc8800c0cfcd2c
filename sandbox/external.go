package sandbox

import (
	"fmt"
	"strconv"
)

// externalLink makes a plausible address for a post published on a channel, in the form
// each network uses, with a number derived from the post id so that it is stable.
func externalLink(c *channel, postID string) string {
	n, _ := strconv.ParseUint(postID[len(postID)-15:], 16, 64)
	switch c.service {
	case "twitter":
		return fmt.Sprintf("https://x.com/%s/status/18%017d", c.serviceID, n%1e17)
	case "linkedin":
		return fmt.Sprintf("https://www.linkedin.com/feed/update/urn:li:share:73%017d", n%1e17)
	case "instagram":
		return fmt.Sprintf("https://www.instagram.com/p/C%s/", postID[:10])
	case "facebook":
		return fmt.Sprintf("https://www.facebook.com/%s/posts/%d", c.serviceID, n%1e15)
	case "mastodon":
		return fmt.Sprintf("%s/%d", c.externalLink, n%1e17)
	case "bluesky":
		return fmt.Sprintf("https://bsky.app/profile/%s/post/3l%s", c.serviceID, postID[:11])
	case "tiktok":
		return fmt.Sprintf("https://www.tiktok.com/@%s/video/73%017d", c.serviceID, n%1e17)
	case "pinterest":
		return fmt.Sprintf("https://www.pinterest.com/pin/10%015d/", n%1e15)
	case "youtube":
		return "https://www.youtube.com/watch?v=" + postID[:11]
	case "threads":
		return fmt.Sprintf("https://www.threads.net/@%s/post/C%s", c.serviceID, postID[:10])
	default:
		return "https://buffer.com/p/" + postID
	}
}
