package feed

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fastOptions keep tests quick; every server is httptest's, on loopback.
func fastOptions() Options {
	return Options{UserAgent: "khaldun/test (+https://github.com/khaldun/khaldun)", Rate: 1000, PerHost: 2,
		Timeout: 300 * time.Millisecond, Retries: 2, Backoff: 10 * time.Millisecond}
}

func TestConditionalGet(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Tue, 10 Jun 2025 07:00:00 GMT")
		w.Write([]byte("body"))
	}))
	defer srv.Close()
	c := NewClient(fastOptions())
	r1, err := c.Get(t.Context(), Request{URL: srv.URL + "/feed"})
	if err != nil || string(r1.Body) != "body" || r1.ETag != `"v1"` {
		t.Fatalf("%+v %v", r1, err)
	}
	r2, err := c.Get(t.Context(), Request{URL: srv.URL + "/feed", ETag: r1.ETag, LastModified: r1.LastModified})
	if err != nil || !r2.NotModified || r2.ETag != `"v1"` || r2.LastModified != r1.LastModified {
		t.Fatalf("%+v %v", r2, err)
	}
}

func TestRetries(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/flaky": // 500, 503, then success
			if k := n.Add(1); k < 3 {
				w.WriteHeader(500 + int(k-1)*3)
				return
			}
			w.Write([]byte("ok"))
		case "/gone":
			n.Add(1)
			w.WriteHeader(http.StatusGone)
		case "/down":
			n.Add(1)
			w.WriteHeader(http.StatusBadGateway)
		}
	}))
	defer srv.Close()
	c := NewClient(fastOptions())
	if r, err := c.Get(t.Context(), Request{URL: srv.URL + "/flaky"}); err != nil || string(r.Body) != "ok" || n.Load() != 3 {
		t.Errorf("flaky: %v after %d requests", err, n.Load())
	}
	n.Store(0)
	_, err := c.Get(t.Context(), Request{URL: srv.URL + "/gone"})
	var fe *Error
	if !errors.As(err, &fe) || fe.Status != 410 || fe.Temporary || n.Load() != 1 {
		t.Errorf("gone: %v after %d requests (4xx must not be retried)", err, n.Load())
	}
	n.Store(0)
	_, err = c.Get(t.Context(), Request{URL: srv.URL + "/down"})
	if !errors.As(err, &fe) || fe.Status != 502 || !fe.Temporary || n.Load() != 3 {
		t.Errorf("down: %v after %d requests, want 3", err, n.Load())
	}
}

func TestTimeout(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			return
		}
		n.Add(1)
		select { // a server that never answers
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	}))
	defer srv.Close()
	start := time.Now()
	_, err := NewClient(fastOptions()).Get(t.Context(), Request{URL: srv.URL + "/slow"})
	var fe *Error
	if !errors.As(err, &fe) || !fe.Temporary || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v", err)
	}
	if n.Load() != 3 || time.Since(start) > 3*time.Second {
		t.Errorf("%d attempts in %s", n.Load(), time.Since(start))
	}
}

func TestRedirectLoop(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/a":
			http.Redirect(w, r, "/b", http.StatusFound)
		case "/b":
			http.Redirect(w, r, "/a", http.StatusMovedPermanently)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	_, err := NewClient(fastOptions()).Get(t.Context(), Request{URL: srv.URL + "/a"})
	var fe *Error
	if !errors.Is(err, ErrRedirects) || !errors.As(err, &fe) || fe.Temporary {
		t.Errorf("got %v", err)
	}
}

func TestRobots(t *testing.T) {
	var robots, private, ua atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") == fastOptions().UserAgent {
			ua.Add(1)
		}
		switch r.URL.Path {
		case "/robots.txt":
			robots.Add(1)
			w.Write([]byte("User-agent: *\nDisallow: /\n\nUser-agent: khaldun\nDisallow: /private/\nAllow: /\n"))
		case "/private/a":
			private.Add(1)
		default:
			w.Write([]byte("ok"))
		}
	}))
	defer srv.Close()
	c := NewClient(fastOptions())
	for range 3 {
		if _, err := c.Get(t.Context(), Request{URL: srv.URL + "/public"}); err != nil {
			t.Fatal(err)
		}
	}
	_, err := c.Get(t.Context(), Request{URL: srv.URL + "/private/a"})
	if !errors.Is(err, ErrDisallowed) || private.Load() != 0 {
		t.Errorf("private: %v, %d requests", err, private.Load())
	}
	if robots.Load() != 1 || ua.Load() != 4 {
		t.Errorf("robots.txt fetched %d times, %d requests with our User-Agent", robots.Load(), ua.Load())
	}
}

func TestPoliteness(t *testing.T) {
	var inFlight, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k := inFlight.Add(1)
		defer inFlight.Add(-1)
		for p := peak.Load(); k > p && !peak.CompareAndSwap(p, k); p = peak.Load() {
		}
		time.Sleep(30 * time.Millisecond)
	}))
	defer srv.Close()
	opt := fastOptions()
	opt.Rate = 20
	c := NewClient(opt)
	start := time.Now()
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() { c.Get(t.Context(), Request{URL: srv.URL + "/x"}) })
	}
	wg.Wait()
	// 11 requests (robots.txt included) at 20/s with a burst of 1.
	if d := time.Since(start); d < 450*time.Millisecond {
		t.Errorf("11 requests in %s, faster than 20/s", d)
	}
	if peak.Load() > 2 {
		t.Errorf("%d requests in flight to one host, want ≤ 2", peak.Load())
	}
}
