package http

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	nethttp "net/http"

	"github.com/khaldun/khaldun"
)

// apiError is an error the client can act on, with its HTTP status and a
// stable code for programs.
type apiError struct {
	status  int
	code    string
	message string
}

func (e *apiError) Error() string { return e.message }

func errorf(status int, code, format string, a ...any) error {
	return &apiError{status, code, fmt.Sprintf(format, a...)}
}

func badRequest(format string, a ...any) error {
	return errorf(nethttp.StatusBadRequest, "bad_request", format, a...)
}

type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// writeError answers with the error as JSON. Store errors are mapped by
// kind; anything else is logged and reported as "internal" without its
// text, which may name files or SQL.
func (s *Server) writeError(w nethttp.ResponseWriter, r *nethttp.Request, err error) {
	var ae *apiError
	var tooBig *nethttp.MaxBytesError
	switch {
	case errors.As(err, &ae):
	case errors.As(err, &tooBig):
		ae = &apiError{nethttp.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("request body over %d bytes", tooBig.Limit)}
	case errors.Is(err, khaldun.ErrNotFound):
		ae = &apiError{nethttp.StatusNotFound, "not_found", "not found"}
	case errors.Is(err, khaldun.ErrInvalid):
		ae = &apiError{nethttp.StatusBadRequest, "bad_request", err.Error()}
	case errors.Is(err, khaldun.ErrUnsupported):
		ae = &apiError{nethttp.StatusNotImplemented, "unsupported", err.Error()}
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		return // the client left; nobody reads an answer
	default:
		s.logf("khaldun: %s %s: %v", r.Method, r.URL.Path, err)
		ae = &apiError{nethttp.StatusInternalServerError, "internal", "internal error"}
	}
	var b errorBody
	b.Error.Code, b.Error.Message = ae.code, ae.message
	writeJSON(w, ae.status, b)
}

// logf reports an internal error to the operator.
func (s *Server) logf(format string, a ...any) {
	logger := s.ErrorLog
	if logger == nil {
		logger = log.Default()
	}
	logger.Printf(format, a...)
}

func writeJSON(w nethttp.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	// An encoding error here means the client went away mid-answer; there
	// is no one left to tell.
	_ = json.NewEncoder(w).Encode(v)
}
