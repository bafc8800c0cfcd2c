package tools

import (
	"errors"
	"fmt"
	"log/slog"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/buffer-mcp/buffer-mcp/client"
)

// Error types that only the tools produce (the others come from package client).
const (
	TypeInvalidArguments = "InvalidArguments"
	TypeNotAttempted     = "NotAttempted"
	TypeNotConfirmed     = "NotConfirmed"   // the person did not confirm publishing now
	TypeResultTooLarge   = "ResultTooLarge" // an answer too large to hand a model (execute_query)
	TypeInternalError    = "InternalError"
)

// ErrorInfo is the `error` object of every failed tool call (SPEC §4).
type ErrorInfo struct {
	Type              string `json:"type" jsonschema:"required"`
	Message           string `json:"message" jsonschema:"required"`
	Retryable         bool   `json:"retryable" jsonschema:"required"`
	RetryAfterSeconds int    `json:"retryAfterSeconds,omitempty"`
	Window            string `json:"window,omitempty"`
	Field             string `json:"field,omitempty"`
	ChannelID         string `json:"channelId,omitempty"`
}

// argError is an argument that failed validation; nothing was sent to Buffer. channelID
// names the channel it failed for, when it holds for one channel only (a network's rule).
type argError struct {
	field     string
	message   string
	channelID string
}

func (e *argError) Error() string { return e.field + ": " + e.message }

func invalidArg(field, format string, a ...any) *argError {
	return &argError{field: field, message: fmt.Sprintf(format, a...)}
}

// incomplete is a read answered without what it should hold: reported (like a blank
// answer, which the client catches before, SPEC §7.3), never shown as an empty result.
func incomplete(what string) *client.Error {
	return &client.Error{Type: client.TypeUpstreamUnavailable, Retryable: true,
		Message: "Buffer's answer was incomplete: it " + what + "; try again shortly"}
}

// errorInfo is the one place that turns any failure into SPEC §4's error object. A failure
// that is neither an argument error nor a classified Buffer error is a bug: its details go
// to the log, and the caller gets a generic message.
func errorInfo(err error, log *slog.Logger) *ErrorInfo {
	var ae *argError
	if errors.As(err, &ae) {
		return &ErrorInfo{Type: TypeInvalidArguments, Message: ae.field + ": " + ae.message, Field: ae.field, ChannelID: ae.channelID}
	}
	var nc *notConfirmed
	if errors.As(err, &nc) {
		return &ErrorInfo{Type: TypeNotConfirmed, Message: nc.Error()}
	}
	var tl *tooLarge
	if errors.As(err, &tl) {
		return &ErrorInfo{Type: TypeResultTooLarge, Message: tl.Error()}
	}
	var ce *client.Error
	if errors.As(err, &ce) {
		if ce.Err != nil {
			log.Debug("buffer request failed", "type", ce.Type, "cause", client.ClipMessage(ce.Err.Error()))
		}
		return &ErrorInfo{
			Type:              ce.Type,
			Message:           client.ClipMessage(ce.Message), // the client clips Buffer's; this is the last line of defence
			Retryable:         ce.Retryable,
			RetryAfterSeconds: ce.RetryAfterSeconds,
			Window:            ce.Window,
		}
	}
	log.Error("internal error in a tool", "error", client.ClipMessage(err.Error()))
	return &ErrorInfo{Type: TypeInternalError, Message: "buffer-mcp hit an internal error; the details are in its log"}
}

// errorResult is a tool result for a failure: isError, a one-line text a person can act
// on, and the error object as structured content.
func errorResult(info *ErrorInfo) *mcp.CallToolResult {
	return &mcp.CallToolResult{
		IsError:           true,
		Content:           []mcp.Content{mcp.NewTextContent(info.Type + ": " + info.Message)},
		StructuredContent: map[string]any{"error": info},
	}
}
