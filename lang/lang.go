// Package lang tells which language an article is written in.
//
// It uses whatlanggo's trigram profiles (the fork go-trafilatura already
// links, so detection costs the binary nothing and ~1 ms an article).
// lingua-go is more accurate on a sentence or two but adds ~120 MB to the
// binary and 140 MB (low-accuracy mode) to 1.7 GB of memory; on articles,
// where khaldun needs "English or not", both were right on every one of
// 300 English news openings and never took a non-English sentence for
// English. Close pairs (Swedish/Norwegian, Russian/Bulgarian on one short
// sentence) are where whatlanggo errs.
package lang

import (
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"
)

// Sure is the confidence from which Detect's answer can be acted on, such
// as skipping an article that is not in English.
const Sure = 0.5

// sample bounds the text looked at: an article's language shows in its
// first paragraphs, and trigram counting costs time per character.
const sample = 2000

// minLetters is the fewest letters worth a guess; below it Detect says "".
const minLetters = 12

// Detect returns the ISO 639-1 code of text's language and a confidence in
// [0, 1]; "" and 0 when the text is too short or in no language it knows.
func Detect(text string) (string, float64) {
	text = head(text)
	if letters(text) < minLetters {
		return "", 0
	}
	info := whatlanggo.Detect(text)
	code := info.Lang.Iso6391()
	if code == "" {
		return "", 0
	}
	return code, info.Confidence
}

// head cuts text to about sample bytes at a rune boundary.
func head(text string) string {
	if len(text) <= sample {
		return text
	}
	i := sample
	for i > 0 && !runeStart(text[i]) {
		i--
	}
	return text[:i]
}

func runeStart(b byte) bool { return b&0xc0 != 0x80 }

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
