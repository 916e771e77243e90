// Package segment splits an article body into paragraphs and sentences.
//
// It works on byte offsets, like go/scanner: every span it returns indexes
// the body it was given, so later stages can point back into the original
// text. It never rewrites the body, allocates little and uses no regular
// expressions, because it runs on every article the engine sees.
package segment

import (
	"strings"

	"github.com/khaldun/khaldun"
)

// Paragraphs returns the paragraphs of body: runs of lines separated by
// blank lines, trimmed of surrounding whitespace. A blank line is one that
// holds only whitespace, so "\r\n" line ends and indented blank lines work.
func Paragraphs(body string) []khaldun.Span {
	return appendParagraphs(nil, body)
}

func appendParagraphs(dst []khaldun.Span, body string) []khaldun.Span {
	start, end := -1, 0
	for i := 0; i <= len(body); {
		j := strings.IndexByte(body[i:], '\n')
		if j < 0 {
			j = len(body)
		} else {
			j += i
		}
		ls, le := trim(body, i, j)
		if ls == le {
			if start >= 0 {
				dst = append(dst, khaldun.Span{Start: start, End: end})
				start = -1
			}
		} else {
			if start < 0 {
				start = ls
			}
			end = le
		}
		i = j + 1
	}
	if start >= 0 {
		dst = append(dst, khaldun.Span{Start: start, End: end})
	}
	return dst
}

// Sentences returns the sentences of body in order. Each has its Index, the
// index of its paragraph (as returned by Paragraphs) and a span trimmed of
// surrounding whitespace; Tokens is left nil for the tokenizer to fill.
func Sentences(body string) []khaldun.Sentence {
	// One sentence per ~120 bytes is typical of news; guessing avoids most
	// regrowth without overcommitting for short inputs.
	out := make([]khaldun.Sentence, 0, len(body)/120+1)
	var paras [64]khaldun.Span
	for p, ps := range appendParagraphs(paras[:0], body) {
		out = appendParagraph(out, body, ps, p)
	}
	return out
}

// appendParagraph cuts a paragraph into units at line breaks that end a
// unit (headlines, bullets, link lines) and each unit into sentences.
func appendParagraph(dst []khaldun.Sentence, body string, ps khaldun.Span, para int) []khaldun.Sentence {
	text := body[ps.Start:ps.End]
	if strings.IndexByte(text, '\n') < 0 {
		return appendUnit(dst, body, ps.Start, ps.End, para)
	}
	// The longest line tells wrapped prose (lines of similar length) from a
	// short headline or label line sitting on top of a long one.
	maxLen := 0
	for rest := text; rest != ""; {
		line, tail, _ := strings.Cut(rest, "\n")
		maxLen = max(maxLen, len(strings.TrimSpace(line)))
		rest = tail
	}
	unitStart := ps.Start
	for i := ps.Start; i < ps.End; {
		j := strings.IndexByte(body[i:ps.End], '\n')
		if j < 0 {
			break
		}
		j += i
		ls, le := trim(body, i, j)
		ns, ne := nextLine(body, j+1, ps.End)
		if ls < le && ns < ne && lineBreaks(body[ls:le], body[ns:ne], maxLen) {
			dst = appendUnit(dst, body, unitStart, le, para)
			unitStart = ns
		}
		i = j + 1
	}
	return appendUnit(dst, body, unitStart, ps.End, para)
}

// nextLine returns the trimmed span of the line starting at i.
func nextLine(body string, i, end int) (int, int) {
	j := strings.IndexByte(body[i:end], '\n')
	if j < 0 {
		j = end
	} else {
		j += i
	}
	return trim(body, i, j)
}

// lineBreaks reports whether a single line break between cur and next ends
// a unit. Inside a paragraph a line break is normally just wrapping.
func lineBreaks(cur, next string, maxLen int) bool {
	if isBullet(next) || isLink(next) || isLink(cur) {
		return true
	}
	r, _ := firstRune(skipOpeners(next))
	if isLower(r) {
		return false
	}
	last, _ := lastRune(cur)
	switch last {
	case '.', '!', '?', '…':
		// The sentence rules see the line break as a space and decide.
		return false
	case ',', ';', ':', '-', '–', '—', '(', '/', '&', '+':
		return false
	}
	if isBullet(cur) {
		return true
	}
	// Wrapped prose fills its lines; a line well short of the longest one,
	// or a paragraph of only short lines, is a headline, label or list.
	return len(cur)*10 < maxLen*7 || maxLen < 60
}

// isLink reports whether line starts with a web address, as the link lines
// of scraped pages do.
func isLink(line string) bool {
	return strings.HasPrefix(line, "http://") || strings.HasPrefix(line, "https://") ||
		strings.HasPrefix(line, "www.")
}

// isBullet reports whether line starts with a list marker.
func isBullet(line string) bool { return bulletLen(line) > 0 }

// bulletLen returns the length of the list marker line starts with, or 0.
func bulletLen(line string) int {
	if len(line) < 2 {
		return 0
	}
	for _, b := range [...]string{"- ", "* ", "+ ", "• ", "· ", "▪ ", "– ", "— "} {
		if strings.HasPrefix(line, b) {
			return len(b)
		}
	}
	// "1. " and "12) " but not "2006. It" which cannot start a line.
	n := 0
	for n < len(line) && n < 3 && isDigit(line[n]) {
		n++
	}
	if n > 0 && n+1 < len(line) && (line[n] == '.' || line[n] == ')') && line[n+1] == ' ' {
		return n + 2
	}
	return 0
}
