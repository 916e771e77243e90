// Package http serves a khaldun.Store as a JSON API: events with their
// evidence, articles, actors, time series, networks, quotes and counts, and
// coding of posted articles. The API is described by openapi.json, served
// at /api/openapi.json and checked against the handlers by the tests.
package http

import (
	"cmp"
	"context"
	"crypto/subtle"
	"log"
	"net"
	nethttp "net/http"
	"strings"
	"sync"
	"time"

	"github.com/khaldun/khaldun"
)

// Pipeline codes one article; *pipeline.Pipeline satisfies it.
type Pipeline interface {
	Process(ctx context.Context, in khaldun.Input) (*khaldun.Document, error)
}

// Store is what the server reads and writes; *sqlite.Store and *postgres.Store satisfy it.
type Store interface {
	khaldun.Store
	khaldun.Explorer
}

// Server is the HTTP API over a store. Set its fields, then call Serve or
// use Handler.
type Server struct {
	Store Store
	// Pipeline codes posted articles with Pipeline.WithText set, so that
	// the stored body is the analysed one. Writes are disabled unless both
	// Pipeline and Token are set: an open write endpoint would let anyone
	// who reaches the port fill the store.
	Pipeline   Pipeline
	Dictionary string // stored with posted articles, as ingest does
	Version    string
	Token      string
	// RequireTokenForReads makes reads need the token too, for a server
	// reachable from other machines.
	RequireTokenForReads bool
	// MaxBody bounds a request body; 1 MiB when 0.
	MaxBody int64
	// CacheBytes bounds the answers of read routes kept until the store
	// changes (for a store that implements Versioned); 32 MiB when 0, none
	// when negative.
	CacheBytes int64
	// ErrorLog receives internal errors, which clients see only as
	// "internal"; nil logs to standard error.
	ErrorLog *log.Logger

	exportSlots chan struct{} // see maxExports
	exportOnce  sync.Once
}

// Timeouts bound a slow or stalled client. Write covers coding a posted
// article, the slowest handler.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 2 * time.Minute
	shutdownTimeout   = 30 * time.Second
)

// Serve answers requests on l until ctx is done, then stops accepting and
// waits for the requests in flight (at most shutdownTimeout). Closing the
// store is left to the caller, after Serve returns.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	return s.ServeWith(ctx, l, s.Handler())
}

// Handler returns the API's handler.
func (s *Server) Handler() nethttp.Handler {
	mux := nethttp.NewServeMux()
	byPath := map[string][]route{}
	var paths []string
	var cache *answerCache
	if s.CacheBytes >= 0 {
		cache = newAnswerCache(cmp.Or(s.CacheBytes, defaultCacheBytes))
	}
	for _, r := range s.routes() {
		if !r.write && !r.stream {
			r.cache = cache
		}
		if byPath[r.path] == nil {
			paths = append(paths, r.path)
		}
		byPath[r.path] = append(byPath[r.path], r)
	}
	for _, p := range paths {
		mux.Handle(p, s.dispatch(byPath[p]))
	}
	mux.Handle("/", s.wrap(route{}, func(nethttp.ResponseWriter, *nethttp.Request) error {
		return errorf(nethttp.StatusNotFound, "not_found", "no such endpoint; see /api/openapi.json")
	}))
	return mux
}

// dispatch chooses the route of a path by method. The mux could do it with
// "GET /path" patterns, but its 405 answers are plain text, not the API's
// JSON errors.
func (s *Server) dispatch(rs []route) nethttp.Handler {
	handlers := map[string]nethttp.Handler{}
	var allow []string
	for _, r := range rs {
		handlers[r.method] = s.wrap(r, r.handle)
		allow = append(allow, r.method)
	}
	if h, ok := handlers["GET"]; ok {
		handlers["HEAD"] = h
		allow = append(allow, "HEAD")
	}
	notAllowed := s.wrap(route{}, func(w nethttp.ResponseWriter, _ *nethttp.Request) error {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		return errorf(nethttp.StatusMethodNotAllowed, "method_not_allowed", "allowed: %s", strings.Join(allow, ", "))
	})
	return nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		if h, ok := handlers[r.Method]; ok {
			h.ServeHTTP(w, r)
			return
		}
		notAllowed.ServeHTTP(w, r)
	})
}

// wrap applies what every route needs: authorisation, the body limit, the
// check of query parameters against the documented ones, and errors as
// JSON.
func (s *Server) wrap(rt route, h func(nethttp.ResponseWriter, *nethttp.Request) error) nethttp.Handler {
	return nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		err := s.authorize(rt, r)
		if err == nil && rt.path != "" {
			err = checkParams(r, rt.params)
		}
		if err == nil {
			max := s.MaxBody
			if max <= 0 {
				max = 1 << 20
			}
			r.Body = nethttp.MaxBytesReader(w, r.Body, max)
			err = s.cached(rt.cache, w, r, h)
		}
		if err != nil {
			s.writeError(w, r, err)
		}
	})
}

func (s *Server) writesEnabled() bool { return s.Token != "" && s.Pipeline != nil }

func (s *Server) authorize(rt route, r *nethttp.Request) error {
	switch {
	case rt.write && !s.writesEnabled():
		return errorf(nethttp.StatusForbidden, "writes_disabled", "this server is read-only; start it with --token to accept articles")
	case !rt.write && !s.RequireTokenForReads:
		return nil
	case rt.path == "/api/openapi.json":
		return nil // the description says how to authenticate
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || s.Token == "" || subtle.ConstantTimeCompare([]byte(got), []byte(s.Token)) != 1 {
		return errorf(nethttp.StatusUnauthorized, "unauthorized", "a bearer token is required (Authorization: Bearer TOKEN)")
	}
	return nil
}

// Loopback reports whether addr (host:port) only accepts connections from
// this machine; an empty host listens everywhere.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
