package feed

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Options tune a Client. Zero values take the defaults.
type Options struct {
	UserAgent string        // default "khaldun (+https://github.com/khaldun/khaldun)"
	Rate      float64       // requests per second to one host, default 1
	PerHost   int           // requests in flight to one host, default 2
	Timeout   time.Duration // one attempt, headers and body, default 30s
	Retries   int           // further attempts after a 5xx or a timeout, default 3; <0 for none
	Backoff   time.Duration // wait before the first retry, doubled each time, default 1s
	MaxBytes  int64         // largest body read, default 16 MiB
	Redirects int           // redirects followed, default 5
	// Transport replaces http.DefaultTransport's clone; for tests.
	Transport http.RoundTripper
}

func (o *Options) defaults() {
	if o.UserAgent == "" {
		o.UserAgent = "khaldun (+https://github.com/khaldun/khaldun)"
	}
	if o.Rate <= 0 {
		o.Rate = 1
	}
	if o.PerHost <= 0 {
		o.PerHost = 2
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.Retries == 0 {
		o.Retries = 3
	}
	if o.Backoff <= 0 {
		o.Backoff = time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 16 << 20
	}
	if o.Redirects <= 0 {
		o.Redirects = 5
	}
}

// Client fetches feeds and pages as a polite crawler. It is safe for
// concurrent use; the limits hold across all of its callers.
type Client struct {
	opt   Options
	http  *http.Client
	mu    sync.Mutex
	hosts map[string]*host
}

// host is the per-host politeness state. Redirect hops are not limited
// separately: they are part of the one request the limiter admitted.
type host struct {
	lim    *rate.Limiter
	slots  chan struct{}
	robots robotsEntry
}

// NewClient makes a client.
func NewClient(opt Options) *Client {
	opt.defaults()
	tr := opt.Transport
	if tr == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.DialContext = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext
		t.TLSHandshakeTimeout = 10 * time.Second
		t.ResponseHeaderTimeout = opt.Timeout
		t.MaxIdleConnsPerHost = opt.PerHost
		tr = t
	}
	c := &Client{opt: opt, hosts: map[string]*host{}}
	c.http = &http.Client{Transport: tr, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) > opt.Redirects {
			return fmt.Errorf("%w after %d redirects (last to %s)", ErrRedirects, len(via), req.URL)
		}
		return nil
	}}
	return c
}

// Request is one GET; ETag and LastModified make it conditional.
type Request struct {
	URL          string
	ETag         string
	LastModified string
}

// Response is a successful (2xx or 304) response.
type Response struct {
	URL          string // after redirects
	Status       int
	NotModified  bool // 304: the validators still hold, Body is empty
	Body         []byte
	ContentType  string
	ETag         string
	LastModified string
}

var (
	// ErrDisallowed is wrapped by the error for a URL robots.txt forbids.
	ErrDisallowed = errors.New("disallowed by robots.txt")
	// ErrRedirects is wrapped by the error for a redirect loop or chain
	// too long to follow.
	ErrRedirects = errors.New("too many redirects")
)

// Error is a failed fetch. Temporary errors (5xx, 429, timeouts, network
// errors) are worth trying again at the next poll; others are final.
type Error struct {
	URL       string
	Status    int // 0 when no response came
	Temporary bool
	Err       error
}

func (e *Error) Error() string {
	switch {
	case e.Status >= 200 && e.Status <= 299 && e.Err != nil:
		// The answer was fine, what it held was not (no text, too
		// large): the reason is the news, not the status.
		return fmt.Sprintf("GET %s: HTTP %d: %v", e.URL, e.Status, e.Err)
	case e.Status != 0:
		return fmt.Sprintf("GET %s: HTTP %d", e.URL, e.Status)
	}
	return fmt.Sprintf("GET %s: %v", e.URL, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Get fetches a URL if robots.txt allows it, waiting for the host's rate
// limit and a free slot, retrying 5xx answers and timeouts with
// exponential backoff and jitter. A 4xx is not retried: asking again will
// not change the answer. Errors are *Error values, or ctx's error.
func (c *Client) Get(ctx context.Context, req Request) (*Response, error) {
	u, err := url.Parse(req.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &Error{URL: req.URL, Err: fmt.Errorf("not an http(s) URL")}
	}
	h := c.host(u)
	ok, err := c.allowed(ctx, h, u)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &Error{URL: req.URL, Err: ErrDisallowed}
	}
	for attempt := 0; ; attempt++ {
		resp, err := c.once(ctx, h, req)
		var fe *Error
		if err == nil || ctx.Err() != nil || !errors.As(err, &fe) || !fe.retry() || attempt >= c.opt.Retries {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return resp, err
		}
		if err := sleep(ctx, backoff(c.opt.Backoff, attempt)); err != nil {
			return nil, err
		}
	}
}

// retry reports whether another attempt within this poll may help: a
// server error or a timeout, not a 429 (the server asked to slow down) or
// a redirect loop.
func (e *Error) retry() bool {
	return e.Temporary && e.Status != http.StatusTooManyRequests
}

// backoff is base·2^attempt with "equal jitter": at least half of it, so
// retries do back off, and a random rest, so many clients hit by the same
// outage do not come back in lockstep.
func backoff(base time.Duration, attempt int) time.Duration {
	d := base << min(attempt, 10)
	return d/2 + rand.N(d/2+1)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *Client) host(u *url.URL) *host {
	key := strings.ToLower(u.Scheme + "://" + u.Host)
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[key]
	if h == nil {
		h = &host{lim: rate.NewLimiter(rate.Limit(c.opt.Rate), 1), slots: make(chan struct{}, c.opt.PerHost)}
		c.hosts[key] = h
	}
	return h
}

// once is one attempt: a slot and a token from the host, then the request.
func (c *Client) once(ctx context.Context, h *host, req Request) (*Response, error) {
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-h.slots }()
	if err := h.lim.Wait(ctx); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, req.URL, nil)
	if err != nil {
		return nil, &Error{URL: req.URL, Err: err}
	}
	hreq.Header.Set("User-Agent", c.opt.UserAgent)
	hreq.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, */*;q=0.8")
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	resp, err := c.http.Do(hreq)
	if err != nil {
		return nil, &Error{URL: req.URL, Temporary: !errors.Is(err, ErrRedirects), Err: err}
	}
	defer resp.Body.Close()
	out := &Response{
		URL: resp.Request.URL.String(), Status: resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"),
		ETag:        resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		// A 304 may omit validators it did not change.
		out.ETag = cmp.Or(out.ETag, req.ETag)
		out.LastModified = cmp.Or(out.LastModified, req.LastModified)
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // lets the connection be reused
		temp := resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests
		return nil, &Error{URL: req.URL, Status: resp.StatusCode, Temporary: temp, Err: errors.New(resp.Status)}
	}
	out.Body, err = io.ReadAll(io.LimitReader(resp.Body, c.opt.MaxBytes+1))
	if err != nil {
		return nil, &Error{URL: req.URL, Status: resp.StatusCode, Temporary: true, Err: fmt.Errorf("reading body: %w", err)}
	}
	if int64(len(out.Body)) > c.opt.MaxBytes {
		return nil, &Error{URL: req.URL, Status: resp.StatusCode, Err: fmt.Errorf("body larger than %d bytes", c.opt.MaxBytes)}
	}
	return out, nil
}
