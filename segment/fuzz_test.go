package segment

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzSentences(f *testing.F) {
	bodies, _ := readCases(f)
	for _, b := range bodies {
		f.Add(b)
	}
	for _, s := range []string{"", ".", "\xe2", "\xe2\x80", "a.\xe2\x80\xa6 B", "\xff. \xfe", "1. ", "- \n- ", "…\u00a0Á", "“?” ”"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		last := 0
		for i, s := range Sentences(body) {
			sp := s.Span
			if s.Index != i || sp.Start < last || sp.Start >= sp.End || sp.End > len(body) {
				t.Fatalf("sentence %d %+v out of order or range (last end %d, len %d)", i, s, last, len(body))
			}
			text := body[sp.Start:sp.End]
			if strings.TrimFunc(text, IsSpace) != text {
				t.Fatalf("sentence %d %q not trimmed", i, text)
			}
			if utf8.ValidString(body) && !utf8.ValidString(text) {
				t.Fatalf("sentence %d %q cuts a character", i, text)
			}
			last = sp.End
		}
		last = 0
		for _, p := range Paragraphs(body) {
			if p.Start < last || p.Start >= p.End || p.End > len(body) {
				t.Fatalf("paragraph %+v out of order or range", p)
			}
			last = p.End
		}
	})
}
