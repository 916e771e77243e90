package entities

import (
	"unicode"
	"unicode/utf8"

	"github.com/khaldun/khaldun/perceptron"
)

// Features are 64-bit hashes, not strings, as in package pos: building
// "w-1=the" strings for every token would allocate and dominate the cost of
// tagging, and with a few million features a collision is practically
// impossible.

// feat3 is entities' own three-value key: it adds the third value where
// parse's f3 xors it, so the two cannot share one helper.
func feat3(t int, a, b, c uint64) uint64 {
	return perceptron.Mix(perceptron.Feat2(t, a, b) + c*0x9e3779b97f4a7c15)
}

// normalize appends the feature form of text to buf: lower case, digits as
// 0, curly apostrophes straight. Gazetteer phrases go through it too, so
// that a dictionary word and a token compare by hash.
func normalize(buf []byte, text string) []byte {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case '0' <= c && c <= '9':
				c = '0'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		switch {
		case r == '’' || r == '‘':
			buf = append(buf, '\'')
		case unicode.IsUpper(r):
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		case unicode.IsDigit(r):
			buf = append(buf, '0')
		default:
			buf = utf8.AppendRune(buf, r)
		}
	}
	return buf
}
