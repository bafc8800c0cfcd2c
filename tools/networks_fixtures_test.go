package tools_test

import (
	"encoding/json"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/internal/testkit"
	"github.com/buffer-mcp/buffer-mcp/tools"
)

// A channel on each network that needs more than text, or has options of its own, for the
// tests of SPEC §7.1's options. ch1 (LinkedIn), ch2 (Facebook), ch3 (Mastodon) and ch4
// (Bluesky) are in harness_test.go.
const (
	ch5    = "64c0000000000000000000c5" // Instagram, Europe/Berlin, org1
	ch6    = "64c0000000000000000000c6" // Pinterest with three boards, America/Denver, org1
	ch7    = "64c0000000000000000000c7" // YouTube, Europe/Madrid, org1
	ch8    = "64c0000000000000000000c8" // Google Business, America/Toronto, org1
	ch9    = "64c0000000000000000000c9" // X, Europe/London, org1
	chA    = "64c0000000000000000000ca" // Threads, Europe/Lisbon, org1
	chB    = "64c0000000000000000000cb" // TikTok, America/Chicago, org1
	tag1   = "64e0000000000000000000e1" // "Launch"
	tag2   = "64e0000000000000000000e2" // "Behind the scenes"
	board1 = "64f0000000000000000000f1" // "Coffee recipes", Pinterest's 1001
	board2 = "64f0000000000000000000f2" // "Brewing guides", Pinterest's 1002
	board3 = "64f0000000000000000000f3" // "BREWING GUIDES", Pinterest's 1003
)

var networkPlaceholders = []string{
	"{ch5}", ch5, "{ch6}", ch6, "{ch7}", ch7, "{ch8}", ch8, "{ch9}", ch9, "{chA}", chA, "{chB}", chB,
	"{tag1}", tag1, "{tag2}", tag2, "{board1}", board1, "{board2}", board2, "{board3}", board3,
}

// netChannelJSON is a channel as ChannelFields selects it; metadata is its JSON or "null".
func netChannelJSON(id, service, tz, metadata string) string {
	return `{"id":"` + id + `","name":"ada","displayName":"Ada","service":"` + service + `","timezone":"` + tz + `",` +
		`"isQueuePaused":false,"isDisconnected":false,"isLocked":false,"organizationId":"{org1}",` +
		`"postingSchedule":[],"metadata":` + metadata + `}`
}

var (
	ch5JSON = netChannelJSON("{ch5}", "instagram", "Europe/Berlin", "null")
	ch6JSON = netChannelJSON("{ch6}", "pinterest", "America/Denver", `{"__typename":"PinterestMetadata","boards":[`+
		`{"id":"{board1}","serviceId":"1001","name":"Coffee recipes"},`+
		`{"id":"{board2}","serviceId":"1002","name":"Brewing guides"},`+
		`{"id":"{board3}","serviceId":"1003","name":"BREWING GUIDES"}]}`)
	ch7JSON = netChannelJSON("{ch7}", "youtube", "Europe/Madrid", "null")
	ch8JSON = netChannelJSON("{ch8}", "googlebusiness", "America/Toronto", "null")
	ch9JSON = netChannelJSON("{ch9}", "twitter", "Europe/London", "null")
	chAJSON = netChannelJSON("{chA}", "threads", "Europe/Lisbon", "null")
	chBJSON = netChannelJSON("{chB}", "tiktok", "America/Chicago", "null")
)

// listTagsOK answers tagsV2 with the organization's two tags, on one page.
var listTagsOK = gql("ListTags", `{"tagsV2":{"edges":[`+
	`{"node":{"id":"{tag2}","name":"Behind the scenes","color":"#00838F"}},`+
	`{"node":{"id":"{tag1}","name":"Launch","color":"#C62828"}}],`+
	`"pageInfo":{"hasNextPage":false,"endCursor":"c2"}}}`)

// netPostJSON is a post as PostDetail selects it, with its network metadata (as Buffer
// answers both metadata and its alias options, the full selection) and tags (JSON).
func netPostJSON(id, ch, service, tz, text, assets, metadata, tags string) string {
	return `{"id":"` + id + `","channelId":"` + ch + `","channelService":"` + service + `","status":"scheduled",` +
		`"text":"` + text + `","dueAt":"2026-03-10T14:00:00.000Z","sentAt":null,"createdAt":"2026-03-01T10:00:00.000Z",` +
		`"externalLink":null,"error":null,"metadata":` + metadata + `,"options":` + metadata + `,"tags":` + tags + `,` +
		`"schedulingType":"automatic","shareMode":"addToQueue","assets":` + assets + `,"channel":{"timezone":"` + tz + `"}}`
}

const (
	oneImage = `[{"__typename":"ImageAsset","type":"image","source":"https://e.com/a.jpg","thumbnail":"https://e.com/a.jpg"}]`
	oneVideo = `[{"__typename":"VideoAsset","type":"video","source":"https://e.com/v.mp4","thumbnail":"https://e.com/v.mp4"}]`
	noAssets = `[]`
)

// createPostWith answers createPost with a post that has this metadata and these tags.
func createPostWith(id, ch, service, tz, text, assets, metadata, tags string) stub {
	return gql("CreatePost", `{"createPost":{"__typename":"PostActionSuccess","post":`+
		netPostJSON(id, ch, service, tz, text, assets, metadata, tags)+`}}`)
}

// editPostWith answers editPost likewise.
func editPostWith(id, ch, service, tz, text, assets, metadata, tags string) stub {
	return gql("EditPost", `{"editPost":{"__typename":"PostActionSuccess","post":`+
		netPostJSON(id, ch, service, tz, text, assets, metadata, tags)+`}}`)
}

// conforms checks a result, success or error, against its tool's output schema, as
// schema_test.go does for every other result (SPEC §4).
func conforms(t *testing.T, h *harness, tool string, res *mcp.CallToolResult) {
	t.Helper()
	schemas := outputSchemas(t, h.tools)
	require.NoError(t, validate(schemas[tool], []byte(structured(t, res))), "%s result %s", tool, res.RawStructuredContent)
}

// refused asserts an InvalidArguments result for field on channel (none: ""), valid against
// the output schema, and returns its message.
func refused(t *testing.T, h *harness, tool string, res *mcp.CallToolResult, field, channel string) string {
	t.Helper()
	got := testkit.ToolError(t, res)
	conforms(t, h, tool, res)
	require.Equal(t, tools.TypeInvalidArguments, got.Type, got.Message)
	require.Equal(t, field, got.Field, got.Message)
	require.Equal(t, expand(channel), got.ChannelID, got.Message)
	return got.Message
}

// decode reads a result's structuredContent into v.
func decode(t *testing.T, res *mcp.CallToolResult, v any) {
	t.Helper()
	require.NoError(t, json.Unmarshal([]byte(structured(t, res)), v))
}

// decodeJSON reads JSON text into v.
func decodeJSON(t *testing.T, s string, v any) {
	t.Helper()
	require.NoError(t, json.Unmarshal([]byte(s), v), s)
}
