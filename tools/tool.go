package tools

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Tool is one MCP tool: its definition and its handler, built together.
type Tool struct {
	Definition mcp.Tool
	Handler    server.ToolHandlerFunc

	toolset string // from the catalog
}

// ReadOnly reports whether the tool only reads.
func (t Tool) ReadOnly() bool {
	return t.Definition.Annotations.ReadOnlyHint != nil && *t.Definition.Annotations.ReadOnlyHint
}

// hints are the four MCP annotations, all set explicitly (SPEC §3).
type hints struct {
	readOnly, destructive, idempotent, openWorld bool
}

var (
	readHints   = hints{readOnly: true, destructive: false, idempotent: true, openWorld: false}
	writeHints  = hints{readOnly: false, destructive: false, idempotent: false, openWorld: true}
	deleteHints = hints{readOnly: false, destructive: true, idempotent: true, openWorld: false}
)

// validator is implemented by argument types that check themselves after decoding.
type validator interface {
	validate() error
}

// summarizer is implemented by results whose text content starts with a one-line summary,
// and that decide for themselves whether they are an error (create_post across channels).
type summarizer interface {
	summary() (line string, isError bool)
}

// spec describes a tool whose arguments decode into A and whose result is R.
type spec[A, R any] struct {
	name, title, description string
	hints                    hints
	handle                   func(ctx context.Context, args *A) (*R, error)

	// confirm, when set, runs on valid arguments before handle, and may answer in its place:
	// with a result that asks the client for input (the person's confirmation, a 2026-07-28
	// "input_required" result, which mcp-go turns into elicitation/create for older
	// clients), or with an error. nil, nil lets handle go ahead.
	confirm func(ctx context.Context, req mcp.CallToolRequest, args *A) (*mcp.CallToolResult, error)
}

// newTool builds the definition (schemas from A and R) and a handler that decodes and
// validates the arguments before anything reaches Buffer, and turns every failure into
// SPEC §4's error result.
func newTool[A, R any](s spec[A, R], d *shared) Tool {
	in := inputSchema(new(A))
	// Read at the first call, not at start: parsing ten schemas is most of what building
	// the tools costs a fresh process.
	names := sync.OnceValue(func() *argNames { return namesOf(in) })
	def := mcp.NewToolWithRawSchema(s.name, s.description, in)
	def.Title = s.title
	def.RawOutputSchema = outputSchema(new(R))
	def.Annotations = mcp.ToolAnnotation{
		Title:           s.title,
		ReadOnlyHint:    mcp.ToBoolPtr(s.hints.readOnly),
		DestructiveHint: mcp.ToBoolPtr(s.hints.destructive),
		IdempotentHint:  mcp.ToBoolPtr(s.hints.idempotent),
		OpenWorldHint:   mcp.ToBoolPtr(s.hints.openWorld),
	}
	log := d.log.With("tool", s.name)

	handler := func(ctx context.Context, req mcp.CallToolRequest) (res *mcp.CallToolResult, err error) {
		defer func() {
			if p := recover(); p != nil {
				log.Error("panic in tool handler", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				res, err = errorResult(&ErrorInfo{Type: TypeInternalError, Message: "buffer-mcp hit an internal error; the details are in its log"}), nil
			}
		}()
		args, err := decodeArgs[A](names(), req.GetRawArguments())
		if err != nil {
			return errorResult(errorInfo(err, log)), nil
		}
		if s.confirm != nil {
			ask, err := s.confirm(ctx, req, args)
			if err != nil {
				return errorResult(errorInfo(err, log)), nil
			}
			if ask != nil {
				return ask, nil // as it is: an input_required result carries no content
			}
		}
		out, err := s.handle(ctx, args)
		if err != nil {
			return errorResult(errorInfo(err, log)), nil
		}
		res, err = successResult(out)
		if res != nil {
			if note := d.budgetNote(); note != "" {
				res.Content = append(res.Content, mcp.NewTextContent(note))
			}
		}
		return res, err
	}
	return Tool{Definition: def, Handler: handler}
}

// successResult carries the result as structured content and, for clients that read only
// text, as JSON text (after the summary line, when there is one).
func successResult(out any) (*mcp.CallToolResult, error) {
	body, err := json.Marshal(out)
	if err != nil {
		return nil, fmt.Errorf("encode result: %w", err)
	}
	text, isError := string(body), false
	if s, ok := out.(summarizer); ok {
		var line string
		line, isError = s.summary()
		text = line + "\n" + text
	}
	return &mcp.CallToolResult{
		IsError:           isError,
		Content:           []mcp.Content{mcp.NewTextContent(text)},
		StructuredContent: json.RawMessage(body),
	}, nil
}

// decodeArgs decodes the arguments strictly (an unknown or miscased argument is an error,
// so that a misspelt one is not silently ignored) and validates them. Every failure names
// the field.
func decodeArgs[A any](names *argNames, raw any) (*A, error) {
	args := new(A)
	if raw != nil {
		// raw is a decoded map from a transport, or JSON text from an in-process client.
		b, err := json.Marshal(raw)
		if err != nil {
			return nil, invalidArg("arguments", "could not be read")
		}
		var generic any
		if err := json.Unmarshal(b, &generic); err != nil {
			return nil, invalidArg("arguments", "must be a JSON object")
		}
		if err := names.check("", generic); err != nil {
			return nil, err
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(args); err != nil {
			return nil, decodeError(err)
		}
	}
	if v, ok := any(args).(validator); ok {
		if err := v.validate(); err != nil {
			return nil, err
		}
	}
	return args, nil
}

// decodeError names the argument that encoding/json could not decode.
func decodeError(err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		field := typeErr.Field
		if field == "" {
			field = "arguments"
		}
		return invalidArg(field, "must be %s, not a JSON %s", jsonKind(typeErr.Type.Kind().String()), typeErr.Value)
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		name = strings.Trim(name, `"`)
		return invalidArg(name, "is not an argument of this tool")
	}
	return invalidArg("arguments", "must be a JSON object")
}

// jsonKind names a Go kind the way a JSON Schema would.
func jsonKind(goKind string) string {
	switch goKind {
	case "string":
		return "a string"
	case "bool":
		return "a boolean"
	case "slice", "array":
		return "an array"
	case "struct", "map", "ptr":
		return "an object"
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64":
		return "an integer"
	case "float32", "float64":
		return "a number"
	}
	return "of another type"
}
