// Package token splits sentences into Penn-Treebank-style tokens that keep
// their byte offsets into the article body.
//
// Tokens are never rewritten: Text is always the exact body text under
// Span, so curly quotes stay curly and "can't" becomes "ca" + "n't". A
// period after an abbreviation stays with it ("U.S.", "Mr."), even at the
// end of a sentence, because a token cannot be split into two that share
// its one period.
package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/segment"
)

// Tokenize returns the tokens of body[s.Start:s.End]. POS and Lemma are left
// empty for the tagger. A span outside body is clipped to it.
func Tokenize(body string, s khaldun.Span) []khaldun.Token {
	n := min(s.End, len(body)) - max(s.Start, 0)
	if n <= 0 {
		return nil
	}
	return AppendTokens(make([]khaldun.Token, 0, n/5+1), body, s)
}

// AppendTokens appends the tokens of body[s.Start:s.End] to dst and returns
// the extended slice, so a caller can reuse one buffer across sentences.
func AppendTokens(dst []khaldun.Token, body string, s khaldun.Span) []khaldun.Token {
	start, end := max(s.Start, 0), min(s.End, len(body))
	for i := start; i < end; {
		if w := spaceAt(body, i, end); w > 0 {
			i += w
			continue
		}
		j := next(body, start, i, end)
		dst = append(dst, khaldun.Token{Text: body[i:j], Span: khaldun.Span{Start: i, End: j}})
		i = j
	}
	return dst
}

// next returns the end of the token starting at body[i], i > from when the
// token follows another one in the same sentence.
func next(body string, from, i, end int) int {
	rest := body[i:end]
	switch rest[0] {
	case '\'', 0xE2, 'n', 'N':
		if n := clitic(body, from, i, end); n > 0 {
			return i + n
		}
	case 'h', 'H', 'w', 'W':
		if hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.") {
			return i + link(rest)
		}
	}
	r, w := utf8.DecodeRuneInString(rest)
	switch {
	case r == '@' || r == '#':
		if n := handle(rest[1:]); n > 0 {
			return i + 1 + n
		}
	case r == '.' && strings.HasPrefix(rest, ".."):
		return i + len(rest) - len(strings.TrimLeft(rest, "."))
	case r == '-' && strings.HasPrefix(rest, "--"):
		return i + len(rest) - len(strings.TrimLeft(rest, "-"))
	case wordRune(r):
		return i + word(rest)
	}
	return i + w
}

// spaceAt returns the width of the white space at body[i], or 0.
func spaceAt(body string, i, end int) int {
	c := body[i]
	if c < utf8.RuneSelf {
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
			return 1
		}
		return 0
	}
	r, w := utf8.DecodeRuneInString(body[i:end])
	if segment.IsSpace(r) {
		return w
	}
	return 0
}

func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// link returns the length of the web address at the start of s: up to the
// next space or quote, without trailing punctuation that ends the sentence.
func link(s string) int {
	n := strings.IndexFunc(s, func(r rune) bool {
		return segment.IsSpace(r) || r == '"' || r == '<' || r == '>' || r == '“' || r == '”'
	})
	if n < 0 {
		n = len(s)
	}
	for n > 0 {
		switch s[n-1] {
		case '.', ',', ';', ':', '!', '?', '\'':
			n--
			continue
		case ')':
			// Keep the ")" of "wiki/Fatah_(party)" but not of "(see x.org)".
			if strings.Count(s[:n], "(") >= strings.Count(s[:n], ")") {
				return n
			}
			n--
			continue
		}
		break
	}
	return n
}

// handle returns the length of the name of an @handle or #hashtag.
func handle(s string) int {
	n := 0
	for n < len(s) {
		r, w := utf8.DecodeRuneInString(s[n:])
		if !wordRune(r) {
			break
		}
		n += w
	}
	return n
}
