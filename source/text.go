package source

import (
	"bytes"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/khaldun/khaldun"
)

// plainText reads the whole input as one article. It claims anything not
// claimed by a more specific format, so it must be the last one asked.
type plainText struct{}

func (plainText) claims(name string, _ []byte, byName bool) bool {
	if byName {
		e := ext(name)
		return e == ".txt" || e == ".text"
	}
	return true
}

func (plainText) read(s *stream, yield func(khaldun.Input, error) bool) bool {
	pos := khaldun.Position{File: s.name, Line: 1}
	// One byte more than allowed tells an exactly-full body from a long one
	// without reading the rest of a huge file.
	body, err := io.ReadAll(io.LimitReader(s.in, s.max+1))
	s.off += int64(len(body))
	if err != nil {
		return s.fail(khaldun.Position{File: s.name}, s.readErr(err))
	}
	if int64(len(body)) > s.max {
		return s.fail(khaldun.Position{File: s.name}, &tooLong{size: int64(len(body)), max: s.max})
	}
	body = bytes.TrimPrefix(body, bom)
	if len(bytes.TrimSpace(body)) == 0 {
		return s.fail(khaldun.Position{File: s.name}, errors.New("no text, only white space"))
	}
	in := khaldun.Input{Origin: pos, Body: body, BodyLine: 1}
	in.Meta.URL, in.Meta.Source, in.Meta.Published = s.opt.URL, s.opt.Source, s.date
	in.Meta.Title = s.opt.Title
	if in.Meta.Title == "" {
		if title, rest, ok := splitTitle(body); ok {
			in.Meta.Title, in.Body = title, rest
			in.BodyLine = 1 + bytes.Count(body[:len(body)-len(rest)], []byte("\n"))
		}
	}
	return yield(in, nil)
}

// maxTitle bounds a headline; longer first lines are lead paragraphs.
const maxTitle = 200

// splitTitle takes a headline off the top of a body: the first non-empty
// line when it is short, does not end a sentence and is followed by a blank
// line and more text. rest starts at the next non-blank line. A body of a
// single paragraph keeps its first line, which is then the article itself.
func splitTitle(body []byte) (title string, rest []byte, ok bool) {
	b := skipBlank(body)
	nl := bytes.IndexByte(b, '\n')
	if nl < 0 {
		return "", nil, false
	}
	line := bytes.TrimSpace(b[:nl])
	after := b[nl+1:]
	// The next line must be blank.
	nl2 := bytes.IndexByte(after, '\n')
	if nl2 < 0 || len(bytes.TrimSpace(after[:nl2])) != 0 {
		return "", nil, false
	}
	rest = skipBlank(after)
	if len(rest) == 0 || !headline(line) {
		return "", nil, false
	}
	return string(line), rest, true
}

// headline reports whether a line reads as a title rather than a sentence:
// short, and not ending in a full stop (a question or exclamation mark is
// fine: headlines use them) or in a comma or colon (a line that goes on).
func headline(line []byte) bool {
	if len(line) == 0 || len(line) > maxTitle {
		return false
	}
	last, _ := utf8.DecodeLastRune(bytes.TrimRight(line, `"')]’”»`))
	switch last {
	case '.', ',', ':', ';', '…':
		return false
	}
	return true
}

// skipBlank drops leading blank lines but keeps the indentation of the
// first line with text.
func skipBlank(b []byte) []byte {
	for {
		nl := bytes.IndexByte(b, '\n')
		if nl < 0 || len(bytes.TrimSpace(b[:nl])) != 0 {
			if len(bytes.TrimSpace(b)) == 0 {
				return nil
			}
			return b
		}
		b = b[nl+1:]
	}
}
