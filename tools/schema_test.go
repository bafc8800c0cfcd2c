package tools_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/tools"
)

// outputSchemas compiles every tool's output schema, by tool name.
func outputSchemas(t *testing.T, ts []tools.Tool) map[string]*jsonschema.Schema {
	t.Helper()
	out := map[string]*jsonschema.Schema{}
	c := jsonschema.NewCompiler()
	for _, tool := range ts {
		name := tool.Definition.Name
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(tool.Definition.RawOutputSchema))
		require.NoError(t, err, "%s output schema", name)
		url := "mem:///" + name + ".output.json"
		require.NoError(t, c.AddResource(url, doc))
		s, err := c.Compile(url)
		require.NoError(t, err, "%s output schema", name)
		out[name] = s
	}
	return out
}

// validate checks a structuredContent against a compiled schema.
func validate(s *jsonschema.Schema, structuredContent []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(structuredContent))
	if err != nil {
		return err
	}
	return s.Validate(inst)
}

// scenario is one call whose result is checked against the tool's output schema.
type scenario struct {
	name    string
	tool    string
	args    string
	stubs   []stub
	isError bool // the result is an error result
	fanOut  bool // create_post across channels: posts and failures beside any error
}

// scenarios is, for every tool, its success and one result of each kind of error it can
// answer: every failure of the table, every member of its union, InvalidArguments, and
// for create_post the partial results of several channels.
func scenarios() []scenario {
	var out []scenario
	for _, tc := range toolCases {
		out = append(out, scenario{name: "success", tool: tc.tool, args: tc.args, stubs: append(append([]stub{}, tc.setup...), gql(tc.op, tc.success))})
		out = append(out, scenario{name: "InvalidArguments", tool: tc.tool, args: tc.bad, isError: true})
		for _, f := range failures {
			if tc.mutation && !f.writes || !tc.mutation && !f.reads {
				continue
			}
			out = append(out, scenario{name: f.name, tool: tc.tool, args: tc.args, isError: true,
				stubs: append(append([]stub{}, tc.setup...), f.answer(tc))})
		}
		for _, m := range tc.members {
			out = append(out, scenario{name: m, tool: tc.tool, args: tc.args, isError: true,
				stubs: append(append([]stub{}, tc.setup...), mutationError(tc.op, tc.root, m, "no"))})
		}
	}
	severalChannels := `{"channelIds":["{ch1}","{ch2}","{ch3}"],"text":"Hello"}`
	lookups := []stub{getChannelOK(ch1JSON), getChannelOK(ch2JSON), getChannelOK(ch3JSON)}
	return append(out,
		scenario{name: "dry run", tool: "create_post", args: `{"channelId":"{ch1}","text":"Hello","dryRun":true}`,
			stubs: lookups[:1]},
		scenario{name: "one of several channels failed", tool: "create_post", args: severalChannels, fanOut: true,
			stubs: append(append([]stub{}, lookups...),
				createPostOK("{post1}", "{ch1}", "America/New_York", "Hello"),
				mutationError("CreatePost", "createPost", "LimitReachedError", "full"),
				createPostOK("{post3}", "{ch3}", "Asia/Tokyo", "Hello"))},
		scenario{name: "OutcomeUnknown and NotAttempted", tool: "create_post", args: severalChannels, fanOut: true,
			stubs: append(append([]stub{}, lookups...),
				createPostOK("{post1}", "{ch1}", "America/New_York", "Hello"),
				stub{op: "CreatePost", status: 502, body: htmlPage})},
		scenario{name: "every channel failed", tool: "create_post", args: severalChannels, isError: true, fanOut: true,
			stubs: append(append([]stub{}, lookups...),
				mutationError("CreatePost", "createPost", "LimitReachedError", "full"),
				mutationError("CreatePost", "createPost", "LimitReachedError", "full"),
				mutationError("CreatePost", "createPost", "LimitReachedError", "full"))},
		scenario{name: "dry run on unknown channels", tool: "create_post", isError: true, fanOut: true,
			args: `{"channelIds":["{ch1}","{ch2}"],"text":"Hello","dryRun":true}`,
			stubs: []stub{
				gqlErrors("GetChannel", `{"message":"Channel not found","extensions":{"code":"NOT_FOUND"}}`),
				gqlErrors("GetChannel", `{"message":"Channel not found","extensions":{"code":"NOT_FOUND"}}`),
			}},
		scenario{name: "past dueAt", tool: "create_post", args: `{"channelId":"{ch1}","text":"x","dueAt":"2026-01-01T00:00:00Z"}`, isError: true,
			stubs: lookups[:1]},
	)
}

func TestEveryResultOfEveryToolValidatesAgainstItsOutputSchema(t *testing.T) {
	// SPEC §4: some clients check structuredContent against outputSchema even when isError
	// is true, and mcp-go checks success results only.
	for _, sc := range scenarios() {
		t.Run(sc.tool+"/"+sc.name, func(t *testing.T) {
			h := newHarness(t)
			schemas := outputSchemas(t, h.tools)
			h.stub(sc.stubs...)

			res := h.call(t, sc.tool, sc.args)

			require.Equal(t, sc.isError, res.IsError, "isError; content %v", res.Content)
			assert.NoError(t, validate(schemas[sc.tool], []byte(structured(t, res))),
				"isError %v, structuredContent %s", res.IsError, res.RawStructuredContent)
		})
	}
}

func TestConformanceCoversEverySuccessOfEveryTool(t *testing.T) {
	// The program runs without mcp-go's output validation (tools.WithoutOutputValidation):
	// the test above is what keeps every tool's results to its schema.
	succeeds := map[string]bool{}
	for _, sc := range scenarios() {
		if !sc.isError {
			succeeds[sc.tool] = true
		}
	}
	for _, tool := range allTools() {
		assert.True(t, succeeds[tool.Definition.Name], "no success scenario for %s", tool.Definition.Name)
	}
}

func TestOutputSchemasRejectAMalformedErrorObject(t *testing.T) {
	// Proves that the conformance test above can fail.
	schemas := outputSchemas(t, allTools())
	bad := []string{
		`{"error":{"type":"NotFound","message":"gone"}}`,                         // retryable missing
		`{"error":{"type":"NotFound","message":"gone","retryable":"no"}}`,        // wrong type
		`{"error":{"type":"NotFound","message":"gone","retryable":false,"x":1}}`, // unknown property
		`{"error":"NotFound"}`,
	}
	for name, s := range schemas {
		for i, b := range bad {
			t.Run(fmt.Sprintf("%s/%d", name, i), func(t *testing.T) {
				assert.Error(t, validate(s, []byte(b)))
			})
		}
	}
}

func TestErrorResultsCarryTheErrorObjectAndNothingElse(t *testing.T) {
	// Lean results: an error result is {"error": {...}}, except create_post across
	// channels, which also lists the posts created and the channels that failed.
	for _, sc := range scenarios() {
		if !sc.isError || sc.fanOut {
			continue
		}
		t.Run(sc.tool+"/"+sc.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(sc.stubs...)

			res := h.call(t, sc.tool, sc.args)

			require.True(t, res.IsError, "isError")
			var got map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(res.RawStructuredContent, &got))
			assert.Len(t, got, 1, "structuredContent %s", res.RawStructuredContent)
			assert.Contains(t, got, "error")
		})
	}
}

func TestNoResultOfAnyToolCarriesANull(t *testing.T) {
	// SPEC §3, lean results: an absent optional field is left out, never null. Except in
	// the data execute_query hands on as Buffer answered it.
	for _, sc := range scenarios() {
		if sc.tool == "execute_query" && !sc.isError {
			continue
		}
		t.Run(sc.tool+"/"+sc.name, func(t *testing.T) {
			h := newHarness(t)
			h.stub(sc.stubs...)

			res := h.call(t, sc.tool, sc.args)

			var v any
			require.NoError(t, json.Unmarshal([]byte(structured(t, res)), &v))
			assert.Empty(t, nullPaths("", v), "structuredContent %s", res.RawStructuredContent)
		})
	}
}

// nullPaths lists where v holds a JSON null.
func nullPaths(path string, v any) []string {
	switch v := v.(type) {
	case nil:
		return []string{path}
	case map[string]any:
		var out []string
		for k, e := range v {
			out = append(out, nullPaths(path+"."+k, e)...)
		}
		return out
	case []any:
		var out []string
		for i, e := range v {
			out = append(out, nullPaths(fmt.Sprintf("%s[%d]", path, i), e)...)
		}
		return out
	}
	return nil
}
