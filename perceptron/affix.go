package perceptron

import "unicode/utf8"

// Suffix returns the last n runes of s: suffix features ("-ed", "-stan")
// are the strongest word-internal cue both taggers have, and counting
// runes keeps them meaningful for non-ASCII words.
func Suffix(s []byte, n int) []byte {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		i--
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
	}
	return s[i:]
}

// Prefix returns the first n runes of s.
func Prefix(s []byte, n int) []byte {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRune(s[i:])
		i += size
	}
	return s[:i]
}
