package sandbox

import (
	"encoding/json"
	"net/http"

	gqlerrors "github.com/graph-gophers/graphql-go/errors"
)

// How the sandbox writes answers that are not the engine's own: always JSON, always with
// Buffer's extensions.code.

type wireError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

// writeError answers with one error. withData adds "data": null, as Buffer does for an
// error that comes from executing (a wrong key) rather than from the request.
func writeError(w http.ResponseWriter, status int, message, code string, withData bool) {
	errs := []wireError{{Message: message, Extensions: map[string]any{"code": code}}}
	if withData {
		writeJSON(w, status, struct {
			Data   *struct{}   `json:"data"`
			Errors []wireError `json:"errors"`
		}{nil, errs})
		return
	}
	writeJSON(w, status, struct {
		Errors []wireError `json:"errors"`
	}{errs})
}

func writeQueryErrors(w http.ResponseWriter, status int, errs []*gqlerrors.QueryError, code string) {
	for _, e := range errs {
		e.Extensions = map[string]any{"code": code}
		// graphql-go locates a bad variable value in the schema, not in the query.
		if e.Rule == "VariablesOfCorrectType" {
			e.Locations = nil
		}
	}
	writeJSON(w, status, struct {
		Errors []*gqlerrors.QueryError `json:"errors"`
	}{errs})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"errors":[{"message":"the sandbox could not encode its answer","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
