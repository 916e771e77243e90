package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/khaldun/khaldun"
)

// piece is the content of a pair of quotation marks. A quotation running
// over several paragraphs is several pieces sharing a group, one per
// paragraph, so that each piece's text is clean prose without the paragraph
// break and the re-opening mark in the middle.
type piece struct {
	span  khaldun.Span // inside the marks
	para  int          // index into the paragraph spans
	group int          // pieces of one quotation share it
}

// paragraphs returns the byte span of each paragraph, from the sentences,
// because the segmenter is the authority on where paragraphs break.
func paragraphs(t *khaldun.Text) []khaldun.Span {
	var out []khaldun.Span
	last := -1
	for _, s := range t.Sentences {
		if s.Span.Start < 0 || s.Span.End > len(t.Body) || s.Span.Start > s.Span.End {
			continue
		}
		if len(out) > 0 && s.Paragraph == last {
			out[len(out)-1].End = max(out[len(out)-1].End, s.Span.End)
			continue
		}
		out = append(out, s.Span)
		last = s.Paragraph
	}
	return out
}

// markKind classifies the rune at i as an opening (1) or closing (-1)
// quotation mark or neither (0). Straight marks have no direction, so the
// neighbours decide: a mark after a space and before a word opens. Single
// marks count only where asked (headlines), because elsewhere the same
// characters are apostrophes far more often than quotation marks.
func markKind(body string, i, size int, r rune, single bool) (kind int, double bool) {
	prev, _ := utf8.DecodeLastRuneInString(body[:i])
	next, _ := utf8.DecodeRuneInString(body[i+size:])
	if i == 0 {
		prev = ' '
	}
	if i+size >= len(body) {
		next = ' '
	}
	before := unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–' || prev == '-' || prev == ':'
	after := unicode.IsSpace(next)
	switch r {
	case '“':
		return 1, true
	case '”':
		return -1, true
	case '"':
		switch {
		case before && !after:
			return 1, true
		case !before:
			return -1, true
		}
	case '‘', '\'', '’':
		if !single {
			return 0, false
		}
		switch {
		case before && r != '’' && (unicode.IsLetter(next) || unicode.IsDigit(next)):
			return 1, false
		case !before && r != '‘' && !unicode.IsLetter(next) && !unicode.IsDigit(next):
			return -1, false
		}
	}
	return 0, false
}

// scanQuotes finds the quotations of the body, paragraph by paragraph.
func scanQuotes(body string, paras []khaldun.Span) []piece {
	var out []piece
	group := 0
	// Content start of the open double and single quotation, -1 when none.
	// A continued quotation closes its paragraph's piece and waits, open
	// no longer, for the next paragraph's mark; group is only advanced
	// when a quotation ends, so the pieces keep theirs.
	dbl, sgl := -1, -1
	// A straight quotation may hold curly ones ("He read: “…” aloud"),
	// which are nested, not a new quotation; nest counts those open.
	straight, nest := false, 0
	for pi, p := range paras {
		headline := pi == 0
		for i := p.Start; i < p.End; {
			r, n := utf8.DecodeRuneInString(body[i:])
			kind, double := markKind(body, i, n, r, headline && dbl < 0)
			open := &sgl
			if double {
				open = &dbl
			}
			switch {
			case double && dbl >= 0 && straight && r == '“':
				nest++
			case double && nest > 0 && r == '”':
				nest--
			case kind > 0:
				if double {
					straight, nest = r == '"', 0
				}
				// An opener while open means the earlier mark was never
				// closed (a typo, a stray mark): start again here.
				*open = i + n
			case kind < 0 && *open >= 0:
				if s, ok := content(body, *open, i); ok {
					out = append(out, piece{span: s, para: pi, group: group})
				}
				group++
				*open = -1
			}
			i += n
		}
		// Newspaper convention: a quoted paragraph left open continues
		// into the next paragraph when that one opens with a mark.
		if dbl >= 0 {
			if pi+1 < len(paras) && opensWithMark(body, paras[pi+1]) {
				if s, ok := content(body, dbl, p.End); ok {
					out = append(out, piece{span: s, para: pi, group: group})
				}
			} else {
				group++
			}
			dbl = -1
		}
		sgl = -1
	}
	return out
}

// content trims the space inside the marks and keeps only text with a
// letter or digit in it, so that `" "` and ditto marks are not quotations.
func content(body string, start, end int) (khaldun.Span, bool) {
	for start < end {
		r, n := utf8.DecodeRuneInString(body[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(body[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	for _, r := range body[start:end] {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return khaldun.Span{Start: start, End: end}, true
		}
	}
	return khaldun.Span{}, false
}

func opensWithMark(body string, p khaldun.Span) bool {
	for i := p.Start; i < p.End; {
		r, n := utf8.DecodeRuneInString(body[i:])
		if !unicode.IsSpace(r) {
			return r == '“' || r == '"'
		}
		i += n
	}
	return false
}
