package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/khaldun/khaldun"
)

// jsonLines reads one article per line: a JSON object with text and
// optional id, url, title, date (or published) and source. Other fields
// are ignored, so corpus dumps with extra columns read as they are.
type jsonLines struct{}

var bom = []byte("\xef\xbb\xbf")

func (jsonLines) claims(name string, head []byte, byName bool) bool {
	if byName {
		e := ext(name)
		return e == ".jsonl" || e == ".ndjson"
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	return len(head) > 0 && head[0] == '{'
}

func (jsonLines) read(s *stream, yield func(khaldun.Input, error) bool) bool {
	for {
		line, err := s.next()
		pos := khaldun.Position{File: s.name, Line: s.lineNo}
		var tl *tooLong
		switch {
		case err == io.EOF:
			return true
		case errors.As(err, &tl):
			if !s.fail(pos, err) {
				return false
			}
			continue
		case err != nil:
			// The stream itself is broken; nothing after this point is
			// trustworthy, so the file ends here.
			return s.fail(pos, err)
		}
		if s.lineNo == 1 {
			line = bytes.TrimPrefix(line, bom)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		in, err := parseLine(line)
		if err != nil {
			if !s.fail(pos, err) {
				return false
			}
			continue
		}
		in.Origin = pos
		if !yield(in, nil) {
			return false
		}
	}
}

type record struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Date      string          `json:"date"`
	Published string          `json:"published"`
	Source    string          `json:"source"`
	Text      json.RawMessage `json:"text"`
}

// parseLine decodes one JSON Lines record. Origin is left to the caller.
// An unparseable date is not an error: the article is still worth coding,
// it only loses its anchor for relative dates.
func parseLine(line []byte) (khaldun.Input, error) {
	var in khaldun.Input
	trimmed := bytes.TrimSpace(line)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return in, errors.New("not a JSON object")
	}
	var rec record
	if err := json.Unmarshal(trimmed, &rec); err != nil {
		return in, fmt.Errorf("invalid JSON: %w", err)
	}
	if len(rec.Text) == 0 || string(rec.Text) == "null" {
		return in, errors.New(`no "text" field`)
	}
	if rec.Text[0] != '"' {
		return in, errors.New(`"text" is not a string`)
	}
	body, err := unquote(rec.Text)
	if err != nil {
		return in, fmt.Errorf(`"text": %w`, err)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return in, errors.New(`empty "text"`)
	}
	date := rec.Date
	if date == "" {
		date = rec.Published
	}
	if date != "" {
		in.Meta.Published, _ = NormalizeDate(date)
	}
	in.Meta.ID = scalar(rec.ID)
	in.Meta.URL, in.Meta.Title, in.Meta.Source = rec.URL, rec.Title, rec.Source
	in.Body = body
	return in, nil
}

// scalar renders an id that may be a string or a number.
func scalar(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// unquote decodes a JSON string token that encoding/json has already
// validated. It exists because encoding/json replaces invalid UTF-8 with
// U+FFFD silently, and the normaliser downstream must see and count it.
func unquote(raw []byte) ([]byte, error) {
	if utf8.Valid(raw) {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		return []byte(s), nil
	}
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return nil, errors.New("not a JSON string")
	}
	raw = raw[1 : len(raw)-1]
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i >= len(raw) {
			return nil, errors.New("string ends in a backslash")
		}
		switch raw[i] {
		case '"', '\\', '/':
			out = append(out, raw[i])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, n, ok := hex4Pair(raw[i+1:])
			if !ok {
				return nil, fmt.Errorf("bad \\u escape at byte %d", i)
			}
			out = utf8.AppendRune(out, r)
			i += n
		default:
			return nil, fmt.Errorf("bad escape \\%c", raw[i])
		}
	}
	return out, nil
}

// hex4Pair decodes the digits after \u, joining a UTF-16 surrogate pair
// when one follows; a lone surrogate becomes U+FFFD as encoding/json does.
// n is how many bytes after the 'u' were used.
func hex4Pair(b []byte) (r rune, n int, ok bool) {
	r, ok = hex4(b)
	if !ok {
		return 0, 0, false
	}
	if r < 0xd800 || r >= 0xe000 {
		return r, 4, true
	}
	if r < 0xdc00 && len(b) >= 10 && b[4] == '\\' && b[5] == 'u' {
		if lo, ok := hex4(b[6:]); ok && lo >= 0xdc00 && lo < 0xe000 {
			return 0x10000 + (r-0xd800)<<10 + (lo - 0xdc00), 10, true
		}
	}
	return utf8.RuneError, 4, true
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
