package source

import (
	"bytes"
	"errors"
	"io"
	"regexp"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/feed"
)

// feedFile reads an RSS or Atom file offline: each item whose content or
// description holds text is an article, with the item's title, link and
// date. No page is fetched — reading a file never touches the network —
// so an item carrying only a link is reported as an error pointing at
// `khaldun watch`, which fetches pages. A JSON Feed file is read as JSON
// Lines would be and is not supported here.
type feedFile struct{}

// feedRoot finds a feed's root element after the prolog, comments and
// processing instructions.
var feedRoot = regexp.MustCompile(`^(?:\s*(?:<\?[^>]*\?>|<!--(?:[^-]|-[^-])*-->))*\s*<(?:rss|feed|rdf:RDF)[\s>]`)

func (feedFile) claims(name string, head []byte, byName bool) bool {
	if byName {
		e := ext(name)
		return e == ".rss" || e == ".atom"
	}
	return feedRoot.Match(bytes.TrimPrefix(head, bom))
}

var errNoItemText = errors.New("feed item without content or description (its page is fetched by `khaldun watch`, not read from a file)")

func (feedFile) read(s *stream, yield func(khaldun.Input, error) bool) bool {
	pos := khaldun.Position{File: s.name}
	body, err := io.ReadAll(io.LimitReader(s.in, s.max+1))
	s.off += int64(len(body))
	if err != nil {
		return s.fail(pos, s.readErr(err))
	}
	if int64(len(body)) > s.max {
		return s.fail(pos, &tooLong{size: int64(len(body)), max: s.max})
	}
	f, err := feed.Parse(body, "", s.opt.URL)
	if err != nil {
		return s.fail(pos, err)
	}
	for i, it := range f.Items {
		// Line numbers the item: a feed's items are its records.
		ipos := khaldun.Position{File: s.name, Line: i + 1}
		if it.Summary == "" {
			if !s.fail(ipos, errNoItemText) {
				return false
			}
			continue
		}
		in := khaldun.Input{Origin: ipos, Body: []byte(it.Summary + "\n")}
		in.Meta.Title, in.Meta.URL, in.Meta.Published, in.Meta.Source = it.Title, it.Link, it.Published, s.opt.Source
		if s.date != "" {
			in.Meta.Published = s.date
		}
		if !yield(in, nil) {
			return false
		}
	}
	return true
}
