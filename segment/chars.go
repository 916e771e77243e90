package segment

import (
	"unicode"
	"unicode/utf8"
)

// spaceAt returns the width of the whitespace rune at s[i], or 0. Besides
// Unicode spaces it counts the zero-width space and byte-order mark, which
// scraped pages scatter through text and which must not start a sentence.
func spaceAt(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
			return 1
		}
		return 0
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	if IsSpace(r) {
		return w
	}
	return 0
}

// IsSpace reports whether r separates words: Unicode white space plus the
// invisible zero-width space and byte-order mark.
func IsSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// trim returns [i, j) without leading and trailing whitespace.
func trim(s string, i, j int) (int, int) {
	for i < j {
		w := spaceAt(s, i)
		if w == 0 {
			break
		}
		i += w
	}
	for j > i {
		r, w := utf8.DecodeLastRuneInString(s[i:j])
		if !IsSpace(r) || r == utf8.RuneError && w <= 1 {
			break
		}
		j -= w
	}
	return i, j
}

func firstRune(s string) (rune, int) {
	if s == "" {
		return utf8.RuneError, 0
	}
	if s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
}

func lastRune(s string) (rune, int) {
	if s == "" {
		return utf8.RuneError, 0
	}
	if c := s[len(s)-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

// opener reports whether r may precede the first word of a sentence.
func opener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '“', '‘', '«', '‹', '„', '¿', '¡', '*', '_':
		return true
	}
	return false
}

// closer reports whether r may follow the final punctuation of a sentence.
func closer(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '»', '›', '*', '_':
		return true
	}
	return false
}

// skipOpeners drops opening quotes and brackets from the start of s.
func skipOpeners(s string) string {
	for s != "" {
		r, w := firstRune(s)
		if !opener(r) {
			break
		}
		s = s[w:]
	}
	return s
}

// startsSentence reports whether r can be the first letter of a sentence:
// an upper-case or uncased letter, a digit or a currency sign.
func startsSentence(r rune) bool {
	switch {
	case 'A' <= r && r <= 'Z', '0' <= r && r <= '9', r == '$':
		return true
	case r < utf8.RuneSelf:
		return false
	case r == '£' || r == '€' || r == '¥':
		return true
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsDigit(r) ||
		unicode.IsLetter(r) && !unicode.IsLower(r)
}
