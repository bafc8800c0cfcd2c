package tools_test

// Buffer's answers for the tools beyond posts and ideas: metrics, daily limits, queue moves,
// idea groups, templates and execute_query. Their toolCases rows are in tools_test.go.

const (
	group1    = "64f00000000000000000a001"
	group2    = "64f00000000000000000a002"
	template1 = "64f00000000000000000b001"
)

const metricsData = `{"aggregatedPostMetrics":{"metrics":[` +
	`{"type":"postCount","name":"Posts","value":3,"unit":"count"},` +
	`{"type":"impressions","name":"Impressions","value":6040,"unit":"count"},` +
	`{"type":"engagementRate","name":"Engagement rate","value":6.9,"unit":"percentage"}],` +
	`"metricsUpdatedAt":"2026-03-02T07:00:00.000Z"}}`

const metricsResultJSON = `{"metrics":[` +
	`{"type":"postCount","name":"Posts","value":3,"unit":"count"},` +
	`{"type":"impressions","name":"Impressions","value":6040,"unit":"count"},` +
	`{"type":"engagementRate","name":"Engagement rate","value":6.9,"unit":"percentage"}],` +
	`"metricsUpdatedAt":"2026-03-02T07:00:00Z","window":{"start":"2026-02-01","end":"2026-02-28"}}`

const limitsData = `{"dailyPostingLimits":[` +
	`{"channelId":"{ch1}","sent":2,"scheduled":3,"limit":25,"isAtLimit":false},` +
	`{"channelId":"{ch3}","sent":4,"scheduled":1,"limit":null,"isAtLimit":false}]}`

const ideaGroupsData = `{"ideaGroups":[{"id":"` + group1 + `","name":"Series"},{"id":"` + group2 + `","name":"Launch"}]}`

// templateJSON is a template as PostTemplateFields selects it.
const templateJSON = `{"id":"` + template1 + `","title":"Event invite","body":"Join us on [day]",` +
	`"description":"For cuppings and classes","emoji":"📅","visibility":"internal","updatedAt":"2026-02-20T10:00:00.000Z"}`

const templateResultJSON = `{"id":"` + template1 + `","title":"Event invite","body":"Join us on [day]",` +
	`"description":"For cuppings and classes","emoji":"📅","visibility":"internal","updatedAt":"2026-02-20T10:00:00Z"}`

const executeQueryArgs = `{"query":"query Recent($id: PostId!) { post(input: {id: $id}) { id text sentAt } }","variables":{"id":"{post1}"}}`
