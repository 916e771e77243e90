package token

import (
	"strings"
	"unicode/utf8"

	"github.com/khaldun/khaldun/segment"
)

// word returns the length of the word at the start of s: letters and
// digits joined by the marks that hold a word together ("Fatah-led",
// "34,500", "3.5", "U.S.", "AT&T", "O'Brien"), stopping before a clitic.
func word(s string) int {
	n := 0
	for n < len(s) {
		r, w := rune(s[n]), 1
		if r < utf8.RuneSelf {
			if asciiWord[r] {
				n++
				continue
			}
		} else if r, w = utf8.DecodeRuneInString(s[n:]); wordRune(r) {
			n += w
			continue
		}
		switch r {
		case '-', '‐', '&', '/', '@':
			if wordAt(s, n+w) {
				n += w
				continue
			}
		case '.':
			if wordAt(s, n+1) {
				n++ // "3.5", "U.S", "example.com"
				continue
			}
			if segment.Abbreviation(s[:n]) {
				n++ // and go on for "U.S.-led"
				continue
			}
		case ',':
			// "34,500" but not "in 2006,12 people" or "5,3".
			if n > 0 && isDigit(s[n-1]) && digits3(s[n+1:]) {
				n++
				continue
			}
		case '\'', '’':
			if n > 1 && (s[n-1] == 'n' || s[n-1] == 'N') && cliticLen(s[n-1:]) > 0 {
				return n - 1 // "do" + "n't"
			}
			if cliticLen(s[n:]) == 0 && wordAt(s, n+w) {
				n += w // "O'Brien"
				continue
			}
		}
		break
	}
	return number(s[:n])
}

// asciiWord marks the ASCII bytes that wordRune accepts.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = wordRune(rune(c))
	}
	return t
}()

// wordAt reports whether a word rune starts at s[i].
func wordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return wordRune(r)
}

// digits3 reports whether s starts with exactly three digits.
func digits3(s string) bool {
	return len(s) >= 3 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) && (len(s) == 3 || !isDigit(s[3]))
}

// units may follow a number without a space; taggers expect "1.2" (CD)
// and "bn" (NN) apart, as newswire treebanks split them.
var units = map[string]bool{
	"bn": true, "m": true, "mn": true, "k": true, "tn": true, "trn": true,
	"km": true, "kg": true, "mm": true, "cm": true, "mph": true, "kph": true,
	"ft": true, "lb": true, "lbs": true, "pc": true, "am": true, "pm": true,
	"GB": true, "MB": true, "TB": true, "GW": true, "MW": true, "kW": true,
}

// number returns the length of the number in w when w is a number glued to
// a unit ("1.2bn", "10am"), else len(w).
func number(w string) int {
	k := 0
	for k < len(w) && (isDigit(w[k]) || k > 0 && (w[k] == '.' || w[k] == ',')) {
		k++
	}
	if k > 0 && k < len(w) && isDigit(w[k-1]) && units[w[k:]] {
		return k
	}
	return len(w)
}

// clitic returns the length of the clitic at body[i] when it follows a
// word of the same sentence: "'s", "n't", "’ll".
func clitic(body string, from, i, end int) int {
	if i == from {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(body[from:i])
	if !wordRune(r) {
		return 0
	}
	return cliticLen(body[i:end])
}

// cliticLen returns the length of the clitic s starts with, or 0.
func cliticLen(s string) int {
	n := 0
	if len(s) > 0 && (s[0] == 'n' || s[0] == 'N') {
		n = 1 // "n't"
	}
	var apos string
	switch {
	case strings.HasPrefix(s[n:], "'"):
		apos = "'"
	case strings.HasPrefix(s[n:], "’"):
		apos = "’"
	default:
		return 0
	}
	n += len(apos)
	tail := s[n:]
	for _, c := range [...]string{"s", "m", "d", "ll", "re", "ve", "t"} {
		if hasPrefixFold(tail, c) && !wordAt(tail, len(c)) && (c == "t") == (n > len(apos)) {
			return n + len(c)
		}
	}
	return 0
}
