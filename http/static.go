package http

import (
	"context"
	"errors"
	"net"
	nethttp "net/http"
	"strings"
)

// WithPage returns a handler that answers /api/ and its paths with the API
// and every other path with page (the dashboard of package web). The API
// keeps its JSON errors, token checks and parameter checks; the page never
// sees an /api/ request.
func (s *Server) WithPage(page nethttp.Handler) nethttp.Handler {
	api := s.Handler()
	return nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		if r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, "/api/") {
			api.ServeHTTP(w, r)
			return
		}
		page.ServeHTTP(w, r)
	})
}

// ServeWith is Serve with h in place of the API's handler, for a caller
// that mounts more than the API (khaldun serve mounts the dashboard with
// WithPage). Timeouts and the graceful shutdown are Serve's.
func (s *Server) ServeWith(ctx context.Context, l net.Listener, h nethttp.Handler) error {
	srv := &nethttp.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		ErrorLog:          s.ErrorLog,
		// Requests outlive ctx: cancelling it starts the shutdown, which
		// must let them finish.
		BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; !errors.Is(serr, nethttp.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	return err
}
