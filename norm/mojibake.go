package norm

import (
	"strings"
	"unicode/utf8"
)

// Mojibake: UTF-8 text that some scraper read as Windows-1252 and wrote out
// again, so that a curly quote (E2 80 9C) reads "â€œ" and a no-break space
// "Â ". Scraped news is full of it, and it is not only unsightly: the
// tokenizer glues "â€œtwo" into one word, so the number, the quote and the
// speaker after it are lost. Each such run is turned back into the bytes
// Windows-1252 gave it and decoded again when those bytes are one valid
// UTF-8 character. Real text almost never has a Latin-1 lead letter
// followed by the right number of continuation-range symbols.

// cp1252 maps the characters Windows-1252 puts at bytes 0x80–0x9F back to
// their bytes; U+00A0–U+00FF are their own bytes.
var cp1252 = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88,
	'‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91, '’': 0x92, '“': 0x93,
	'”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B,
	'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// cont is the byte a character stood for when it is a UTF-8 continuation
// byte (0x80–0xBF) read as Windows-1252.
func cont(r rune) (byte, bool) {
	if r >= 0xA0 && r <= 0xBF {
		return byte(r), true
	}
	b, ok := cp1252[r]
	return b, ok
}

// leadLen is how many bytes a UTF-8 sequence starting with lead byte r
// has, or 0 when r is no lead byte of a character above U+007F.
func leadLen(r rune) int {
	switch {
	case r >= 0xC2 && r <= 0xDF:
		return 2
	case r >= 0xE0 && r <= 0xEF:
		return 3
	case r >= 0xF0 && r <= 0xF4:
		return 4
	}
	return 0
}

// suspect reports whether s may hold mojibake: a lead letter (U+00C2–
// U+00F4, encoded C3 82–C3 B4) right before a character that Windows-1252
// gives a continuation byte (C2 xx, C5 xx, C6 92, CB xx, E2 xx), or "Â"
// before a space. Text with accents but no mojibake ("Montréal") leaves
// by this scan without being decoded.
func suspect(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] != 0xC3 || s[i+1] < 0x82 || s[i+1] > 0xB4 {
			continue
		}
		switch s[i+2] {
		case 0xC2, 0xC5, 0xC6, 0xCB, 0xE2:
			return true
		case ' ':
			if s[i+1] == 0x82 {
				return true
			}
		}
	}
	return false
}

// repairMojibake decodes every mojibake run of s once and reports how many
// it repaired.
func repairMojibake(s string) (string, int) {
	if !suspect(s) {
		return s, 0
	}
	rs := []rune(s)
	var sb strings.Builder
	sb.Grow(len(s))
	n := 0
	for i := 0; i < len(rs); i++ {
		if k := leadLen(rs[i]); k > 0 && i+k <= len(rs) {
			if r, ok := decodeRun(rs[i : i+k]); ok {
				writeRune(&sb, r) // as Normalize writes any character
				i += k - 1
				n++
				continue
			}
		}
		if rs[i] == 'Â' && i+1 < len(rs) && rs[i+1] == ' ' {
			// A no-break space (C2 A0) whose second half Normalize has
			// already made a space: "Â" before a space is never a word.
			n++
			continue
		}
		if rs[i] == 'â' && i+2 < len(rs) && rs[i+1] == '€' && rs[i+2] == utf8.RuneError {
			// Byte 0x9D has no Windows-1252 character; the scraper
			// wrote U+FFFD for it, and E2 80 9D is the closing quote.
			sb.WriteRune('”')
			i += 2
			n++
			continue
		}
		sb.WriteRune(rs[i])
	}
	return sb.String(), n
}

// decodeRun turns a lead letter and its continuation symbols back into the
// one character their bytes encode, if they do.
func decodeRun(run []rune) (rune, bool) {
	b := make([]byte, 0, 4)
	b = append(b, byte(run[0]))
	for _, r := range run[1:] {
		c, ok := cont(r)
		if !ok {
			return 0, false
		}
		b = append(b, c)
	}
	r, size := utf8.DecodeRune(b)
	if r == utf8.RuneError || size != len(b) || r < 0xA0 {
		// U+0080–U+009F are controls no text means
		return 0, false
	}
	return r, true
}
