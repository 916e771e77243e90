package entities

import (
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes, not strings, as in package pos: building
// "w-1=the" strings for every token would allocate and dominate the cost of
// tagging, and with a few million features a collision is practically
// impossible.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString[T string | []byte](s T) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix is the splitmix64 finaliser; it spreads combined hashes so that keys
// of different templates do not cluster in the weight table.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func feat1(t int, a uint64) uint64       { return mix(a + uint64(t)*0x9e3779b97f4a7c15) }
func feat2(t int, a, b uint64) uint64    { return mix(feat1(t, a) ^ b) }
func feat3(t int, a, b, c uint64) uint64 { return mix(feat2(t, a, b) + c*0x9e3779b97f4a7c15) }

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

// suffix returns the last n runes of s.
func suffix(s []byte, n int) []byte {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		i--
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
	}
	return s[i:]
}

// prefix returns the first n runes of s.
func prefix(s []byte, n int) []byte {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRune(s[i:])
		i += size
	}
	return s[:i]
}
