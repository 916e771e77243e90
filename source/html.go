package source

import (
	"bytes"
	"io"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/extract"
)

// htmlFile reads a web page as one article: its main text and metadata as
// package extract finds them. The body is the extracted text before
// boilerplate removal, paragraphs separated by blank lines, so that the
// pipeline drops and reports boilerplate lines as it does for plain text;
// dropped lines are numbered in that text (BodyLine 0), not in the page.
type htmlFile struct{}

func (htmlFile) claims(name string, head []byte, byName bool) bool {
	if byName {
		e := ext(name)
		return e == ".html" || e == ".htm" || e == ".xhtml"
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n\f")
	return hasPrefixFold(head, "<!doctype html") || hasPrefixFold(head, "<html")
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && bytes.EqualFold(b[:len(prefix)], []byte(prefix))
}

func (htmlFile) read(s *stream, yield func(khaldun.Input, error) bool) bool {
	pos := khaldun.Position{File: s.name}
	// Reading stops one byte over the limit, so that a 50 MB page costs
	// what a page at the limit does.
	max := s.opt.MaxHTMLBytes
	page, err := io.ReadAll(io.LimitReader(s.in, max+1))
	s.off += int64(len(page))
	if err != nil {
		return s.fail(pos, s.readErr(err))
	}
	if int64(len(page)) > max {
		return s.fail(pos, &tooLong{size: int64(len(page)), max: max})
	}
	p, err := extract.Extract(page, s.extractOptions(s.opt.URL, ""))
	if err != nil {
		return s.fail(pos, err)
	}
	in := khaldun.Input{Origin: pos, Meta: p.Article, Body: []byte(p.Raw)}
	in.Meta.Text, in.Meta.Dropped, in.Meta.Stats = "", nil, khaldun.Stats{}
	// What the caller says about the page overrides what the page says
	// about itself: a --date on the command line is meant.
	for _, o := range []struct {
		dst *string
		v   string
	}{
		{&in.Meta.Title, s.opt.Title}, {&in.Meta.URL, s.opt.URL},
		{&in.Meta.Source, s.opt.Source}, {&in.Meta.Published, s.date},
	} {
		if o.v != "" {
			*o.dst = o.v
		}
	}
	return yield(in, nil)
}
