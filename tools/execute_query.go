package tools

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/Khan/genqlient/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// execute_query: one read-only GraphQL query, for what no other tool covers. The document
// is parsed (by gqlparser, the parser genqlient itself uses) rather than guessed at from
// its text, so that a mutation or a subscription is refused for what it is, whatever
// comments or fragments come before it. It is not validated against a schema: Buffer's is
// larger than the part this build carries, and Buffer validates it anyway.

// maxQueryData is the largest answer execute_query hands a model: about 16,000 tokens, near
// what MCP clients let a tool result take.
const maxQueryData = 64 << 10

type executeQueryArgs struct {
	Query     string         `json:"query" jsonschema:"required" jsonschema_description:"One GraphQL query operation (fragments allowed)."`
	Variables map[string]any `json:"variables,omitempty" jsonschema_description:"Its variables."`

	opName string // the operation's name, if it has one; set by validate
}

func (a *executeQueryArgs) validate() error {
	if strings.TrimSpace(a.Query) == "" {
		return invalidArg("query", "is empty: give one GraphQL query, such as { account { id } }")
	}
	doc, err := parser.ParseQuery(&ast.Source{Name: "query", Input: a.Query})
	if err != nil {
		return invalidArg("query", "is not a GraphQL document: %s", parseMessage(err))
	}
	switch {
	case len(doc.Operations) == 0:
		return invalidArg("query", "has no operation: give one query { ... }")
	case len(doc.Operations) > 1:
		return invalidArg("query", "has %d operations: give exactly one query", len(doc.Operations))
	}
	op := doc.Operations[0]
	if op.Operation != ast.Query {
		return invalidArg("query", "is a %s: execute_query only reads; use the tool made for the change (create_post, edit_post, ...)", op.Operation)
	}
	a.opName = op.Name
	return nil
}

// parseMessage is gqlparser's message with its position, without the source name.
func parseMessage(err error) string {
	var ge *gqlerror.Error
	if !errors.As(err, &ge) {
		return err.Error()
	}
	if len(ge.Locations) > 0 {
		return fmt.Sprintf("%s (line %d, column %d)", ge.Message, ge.Locations[0].Line, ge.Locations[0].Column)
	}
	return ge.Message
}

type executeQueryResult struct {
	Data queryData `json:"data,omitempty"`
}

// queryData is the data Buffer answered, passed on as it came. Its schema admits any
// object (queryData.JSONSchema, built with the schema generator).
type queryData json.RawMessage

func (q queryData) MarshalJSON() ([]byte, error) { return json.RawMessage(q).MarshalJSON() }

// executeQuery is execute_query, in the graphql toolset, which is off by default.
func executeQuery(d *shared) Tool {
	return newTool(spec[executeQueryArgs, executeQueryResult]{
		name:  "execute_query",
		title: "Execute GraphQL query",
		description: "Run one read-only GraphQL query on Buffer's API, for what no other tool gives; answers its " +
			"data. Mutations are refused, and answers over 64 KB (select less, page with first).",
		hints: readHints,
		handle: func(ctx context.Context, args *executeQueryArgs) (*executeQueryResult, error) {
			var data json.RawMessage
			req := &graphql.Request{Query: args.Query, Variables: args.Variables, OpName: args.opName}
			if err := d.gql.MakeRequest(ctx, req, &graphql.Response{Data: &data}); err != nil {
				return nil, err
			}
			if len(bytes.TrimSpace(data)) == 0 || bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
				return nil, incomplete("sent no data")
			}
			if len(data) > maxQueryData {
				return nil, &tooLarge{size: len(data)}
			}
			return &executeQueryResult{Data: queryData(data)}, nil
		},
	}, d)
}

// tooLarge is an answer from Buffer larger than maxQueryData.
type tooLarge struct{ size int }

func (e *tooLarge) Error() string {
	return fmt.Sprintf("Buffer's answer is %d KB, more than the %d KB a tool result may hand a model: "+
		"select fewer fields, or fewer items (first: 10)", (e.size+1023)>>10, maxQueryData>>10)
}
