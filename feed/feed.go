// Package feed reads news feeds — RSS 0.9x and 2.0, RSS 1.0 (RDF), Atom
// and JSON Feed, through github.com/mmcdole/gofeed — and polls them
// politely: the pages their items link to are fetched once each, with
// conditional requests, per-host rate limits, robots.txt and retries with
// backoff (Client), and extracted into articles for the pipeline (Poller).
//
// Bad input is an error value naming the URL: a page served where a feed
// was expected, a feed in an undeclared legacy encoding, a malformed
// document. Nothing in this package panics on what a server sends.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// Feed is a parsed feed, reduced to what khaldun uses.
type Feed struct {
	Title string
	Items []Item
}

// Item is one entry of a feed.
type Item struct {
	GUID  string
	Link  string // absolute http(s) URL of the item's page, "" when none
	Title string
	// Published is the item's date, YYYY-MM-DD in UTC, "" when it has none
	// or none that parses; the updated date stands in for a missing one.
	Published string
	// Summary is the text of the item's content, or of its description
	// when it has no content, with markup removed.
	Summary string
}

// Keys identify the item for deduplication: its page URL and its GUID.
// Either seen before means the item was: feeds rewrite links (tracking
// parameters, http to https) under a stable GUID, and list one article
// under different GUIDs in different feeds.
func (it Item) Keys() []string {
	var k []string
	if it.Link != "" {
		k = append(k, it.Link)
	}
	if it.GUID != "" && it.GUID != it.Link {
		k = append(k, "guid:"+it.GUID)
	}
	return k
}

// ErrNotFeed is wrapped by Parse's error for a document that is no feed,
// typically an HTML page served at a feed's address.
var ErrNotFeed = errors.New("not a feed")

// Parse reads a feed. contentType is the HTTP Content-Type header ("" when
// unknown): its charset is used for a feed that declares none and is not
// UTF-8. base is the feed's URL, against which relative item links are
// resolved.
func Parse(body []byte, contentType, base string) (f *Feed, err error) {
	// gofeed has had panics on hostile input; a feed must never take the
	// poller down with it.
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("feed parser failed: %v", r)
		}
	}()
	if isHTML(body) {
		return nil, fmt.Errorf("%w: an HTML page", ErrNotFeed)
	}
	body = toUTF8(body, contentType)
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return nil, fmt.Errorf("%w: no RSS, Atom or JSON Feed root", ErrNotFeed)
	}
	if err != nil {
		return nil, fmt.Errorf("malformed feed: %w", err)
	}
	baseURL, _ := url.Parse(base)
	f = &Feed{Title: clean(gf.Title)}
	for _, gi := range gf.Items {
		if gi == nil {
			continue
		}
		it := Item{GUID: strings.TrimSpace(gi.GUID), Title: clean(textOf(gi.Title))}
		it.Link = absolute(baseURL, gi.Link)
		if it.Link == "" {
			// RSS GUIDs are permalinks unless marked otherwise, and Atom
			// entries often carry their page only as an alternate link.
			for _, l := range append([]string{it.GUID}, gi.Links...) {
				if it.Link = absolute(baseURL, l); it.Link != "" {
					break
				}
			}
		}
		it.Published = date(gi.PublishedParsed, gi.UpdatedParsed)
		it.Summary = textOf(gi.Content)
		if strings.TrimSpace(it.Summary) == "" {
			it.Summary = textOf(gi.Description)
		}
		if it.Link == "" && it.GUID == "" && it.Summary == "" {
			continue // nothing to fetch, dedup or read
		}
		f.Items = append(f.Items, it)
	}
	return f, nil
}

// isHTML reports whether body starts like a web page rather than XML or
// JSON. gofeed would call it an undetected type; saying "HTML page" tells
// the user the feed URL points at a site's front page or a login wall.
func isHTML(body []byte) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	head = head[:min(len(head), 512)]
	lower := bytes.ToLower(head)
	return bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) ||
		(bytes.HasPrefix(lower, []byte("<?xml")) && bytes.Contains(lower, []byte("<html")))
}

var xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']`)

// toUTF8 transcodes a feed that is not UTF-8 and does not say what it is.
// A feed that declares its encoding in the XML prolog is left to the XML
// decoder, which honours the declaration; one that declares none (or
// wrongly declares UTF-8) is read in the HTTP charset, and failing that in
// Windows-1252, the superset of Latin-1 such feeds are nearly always in.
func toUTF8(body []byte, contentType string) []byte {
	if utf8.Valid(body) {
		return body
	}
	head := body[:min(len(body), 256)]
	if m := xmlEncoding.FindSubmatch(head); m != nil {
		if label := strings.ToLower(string(m[1])); label != "utf-8" && label != "utf8" {
			return body
		}
	}
	enc := charmap.Windows1252.NewDecoder()
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if e, name := charset.Lookup(params["charset"]); e != nil && name != "utf-8" {
			enc = e.NewDecoder()
		}
	}
	out, err := enc.Bytes(body)
	if err != nil {
		return body
	}
	// The prolog may still claim UTF-8; the bytes now are.
	return out
}

// absolute resolves a link against the feed's URL and keeps it only if it
// is a web address: feeds carry mailto:, tag: URIs and javascript: links.
func absolute(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

// date is the first parsed time as a UTC date. Years out of range are
// feeds' placeholder dates (0001-01-01, 1970-01-01) or typos.
func date(ts ...*time.Time) string {
	for _, t := range ts {
		if t == nil || t.IsZero() {
			continue
		}
		if y := t.UTC().Year(); y < 1990 || y > 2200 {
			continue
		}
		return t.UTC().Format(time.DateOnly)
	}
	return ""
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
