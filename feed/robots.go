package feed

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
	"golang.org/x/time/rate"
)

// robots.txt is read again after robotsTTL, as crawlers commonly do; a
// host whose robots.txt could not be fetched is asked again after
// robotsRetry, so that an outage neither blocks it for a day nor costs a
// robots.txt request per page.
const (
	robotsTTL   = 24 * time.Hour
	robotsRetry = time.Minute
	// maxCrawlDelay caps a Crawl-delay: beyond it a feed's items would
	// not be fetched before the next poll lists new ones.
	maxCrawlDelay = 30 * time.Second
)

type robotsEntry struct {
	mu      sync.Mutex // held while fetching, so a host's robots.txt is fetched once
	group   *robotstxt.Group
	all     *robotstxt.RobotsData
	err     error
	expires time.Time
}

// allowed reports whether robots.txt lets this client fetch u. A missing
// robots.txt (4xx) allows everything and a failing one (5xx) nothing, as
// Google does; one that does not parse is treated as missing. The fetch
// of robots.txt itself is rate-limited like any other request.
func (c *Client) allowed(ctx context.Context, h *host, u *url.URL) (bool, error) {
	r := &h.robots
	r.mu.Lock()
	defer r.mu.Unlock()
	if time.Now().After(r.expires) {
		if err := c.fetchRobots(ctx, h, u); err != nil {
			return false, err
		}
	}
	if r.err != nil {
		return false, &Error{URL: u.String(), Temporary: true, Err: r.err}
	}
	if r.group == nil {
		return r.all.TestAgent(u.RequestURI(), c.opt.UserAgent), nil
	}
	return r.group.Test(u.RequestURI()), nil
}

// parseRobots reads a robots.txt answer: all its rules, and the group
// for agent when the answer was a robots.txt that parsed (nil otherwise).
// A file that does not parse, or makes the parser panic, is treated as
// missing: a host's bad robots.txt must not stop the crawler.
func parseRobots(status int, body []byte, agent string) (all *robotstxt.RobotsData, group *robotstxt.Group) {
	missing := func() *robotstxt.RobotsData {
		d, _ := robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
		return d
	}
	defer func() {
		if recover() != nil {
			all, group = missing(), nil
		}
	}()
	data, err := robotstxt.FromStatusAndBytes(status, body)
	if err != nil || data == nil {
		return missing(), nil
	}
	if status >= 200 && status < 300 {
		group = data.FindGroup(agent)
	}
	return data, group
}

func (c *Client) fetchRobots(ctx context.Context, h *host, u *url.URL) error {
	r := &h.robots
	ru := url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	resp, err := c.once(ctx, h, Request{URL: ru.String()})
	if ctx.Err() != nil {
		return ctx.Err() // not the host's fault: ask again next time
	}
	r.group, r.all, r.err = nil, nil, nil
	r.expires = time.Now().Add(robotsTTL)
	status := 0
	var fe *Error
	switch {
	case err == nil:
		status = resp.Status
	case errors.As(err, &fe) && fe.Status != 0:
		status = fe.Status
	default:
		r.err, r.expires = errors.Join(errors.New("robots.txt unreachable"), err), time.Now().Add(robotsRetry)
		return nil
	}
	var body []byte
	if resp != nil {
		body = resp.Body
	}
	r.all, r.group = parseRobots(status, body, c.opt.UserAgent)
	if r.group != nil {
		if d := r.group.CrawlDelay; d > 0 {
			d = min(d, maxCrawlDelay)
			if every := rate.Every(d); every < h.lim.Limit() {
				h.lim.SetLimit(every)
			}
		}
	}
	if status >= 500 {
		r.expires = time.Now().Add(robotsRetry)
	}
	return nil
}
