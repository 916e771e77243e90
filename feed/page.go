package feed

import (
	"context"
	"fmt"
	"mime"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/extract"
)

// Page is a new item's page, fetched and extracted, ready for the
// pipeline. Its Input is what package source would make of the page as a
// file, with Origin.File the item's link.
type Page struct {
	Feed   string
	Item   Item
	Keys   []string // Item.Keys, recorded as seen by Poller.Done
	Status int      // of the page's response
	Input  khaldun.Input
}

// fetchPage fetches and extracts an item's page. The page's own title and
// date win, being the article's; the item's stand in when the page lacks
// them, which is common for pages whose metadata is set by script.
func (p *Poller) fetchPage(ctx context.Context, feedURL string, it Item, keys []string) (*Page, error) {
	resp, err := p.Client.Get(ctx, Request{URL: it.Link})
	if err != nil {
		return nil, err
	}
	if !htmlType(resp.ContentType) {
		return nil, &Error{URL: it.Link, Status: resp.Status, Err: fmt.Errorf("not an HTML page (%s)", resp.ContentType)}
	}
	// Not interrupted by ctx: the page is fetched, and what is fetched is
	// kept.
	p.slots <- struct{}{}
	defer func() { <-p.slots }()
	ex, err := extract.Extract(resp.Body, extract.Options{URL: resp.URL, ContentType: resp.ContentType, Fast: p.Fast,
		MaxBytes: p.MaxPageBytes, Timeout: p.ExtractTimeout})
	if err != nil {
		return nil, &Error{URL: it.Link, Status: resp.Status, Err: err}
	}
	in := khaldun.Input{Origin: khaldun.Position{File: it.Link}, Meta: ex.Article, Body: []byte(ex.Raw)}
	// The pipeline analyses Body itself and reports its own counts, as
	// source does for HTML files.
	in.Meta.Text, in.Meta.Dropped, in.Meta.Stats = "", nil, khaldun.Stats{}
	if in.Meta.Title == "" {
		in.Meta.Title = it.Title
	}
	if in.Meta.Published == "" {
		in.Meta.Published = it.Published
	}
	if in.Meta.URL == "" {
		in.Meta.URL = resp.URL
	}
	return &Page{Feed: feedURL, Item: it, Keys: keys, Status: resp.Status, Input: in}, nil
}

// htmlType reports whether a Content-Type may hold a web page; a missing
// or unparsable one is given the benefit of the doubt, extract judges.
func htmlType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return true
	}
	return strings.Contains(mt, "html") || mt == "text/plain" || mt == "application/octet-stream"
}
