package petrarch

import (
	"io"
	"strings"

	"github.com/khaldun/khaldun/dict"
)

// LoadDiscards reads a discard list: one phrase a line, "+PHRASE" for a
// phrase that discards the whole story rather than the sentence.
func LoadDiscards(d *dict.Dictionary, r io.Reader, name string) error {
	c := &collector{file: name}
	for _, ln := range readLines(r, c) {
		t := ln.text
		story := strings.HasPrefix(t, "+")
		if story {
			t = t[1:]
		}
		if strings.ContainsAny(t, "[]{}") {
			c.add(ln.no, "unexpected code or brackets in discard %q", ln.text)
			continue
		}
		p := dict.Phrase(t)
		if len(p) == 0 {
			c.add(ln.no, "empty discard")
			continue
		}
		d.AddDiscard(&dict.Discard{Phrase: p, Story: story, Source: dict.Source{File: name, Line: ln.no}})
	}
	return c.err()
}
