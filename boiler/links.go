package boiler

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// trailingLinks marks the run of headline links some sites glue to the end
// of an article ("Taylor Swifts New Album Release Health issues from using
// ACs Boston Marathon 2024 …"). It walks back from the last line over blank
// lines, lines other rules dropped and link-like lines, and stops at the
// first line of prose. Under a "Read more:" heading the bar is lower: any
// headline-shaped line counts, since the heading says what follows. It
// never takes the first line of the body, and takes nothing unless a line
// of prose or a heading stands before the run.
func trailingLinks(lines, reasons []string, first int) {
	var run []int
	strong := 0 // run[:strong] are link-like; the rest only headline-shaped
	mark := func(n int) {
		for _, j := range run[:n] {
			reasons[j] = "trailing-links"
		}
	}
	for i := len(lines) - 1; i > first; i-- {
		t := strings.TrimSpace(lines[i])
		switch {
		case t == "":
		case reasons[i] == "related" && !strings.Contains(strings.TrimSuffix(t, ":"), ":"):
			mark(len(run))
			return
		case reasons[i] != "":
		case linkLike(t) && strong == len(run):
			run = append(run, i)
			strong++
		case headlineShaped(t):
			run = append(run, i)
		default:
			mark(strong)
			return
		}
	}
	// Reached the first line: no prose to tell the run from the article.
}

// headlineShaped is a line that could be a link title: short, with no
// full stop inside or at its end.
func headlineShaped(t string) bool {
	last, _ := utf8.DecodeLastRuneInString(t)
	return len(t) <= 150 && !strings.ContainsRune(".:;,…", last) && !strings.Contains(t, ". ")
}

// sentenceWords are lower-case words that make a line a sentence rather
// than a string of titles: finite verbs and pronouns that headlines in
// title case would capitalise.
var sentenceWords = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true,
	"had": true, "said": true, "says": true, "will": true, "would": true, "could": true,
	"should": true, "can": true, "did": true, "does": true, "he": true, "she": true,
	"they": true, "we": true, "it": true, "i": true, "you": true, "who": true,
	"which": true, "that": true,
}

// linkLike reports a line made of title-case fragments: at least four
// words, most of them capitalised or numbers, no sentence punctuation at
// the end or inside, no quotation, and none of the lower-case words a
// sentence needs. "The talks continue on Friday." fails on its full stop,
// an author's bio on "is".
func linkLike(t string) bool {
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".!?:;,\"“”'’)…", last) {
		return false
	}
	if strings.Contains(t, ". ") || strings.Contains(t, ", ") || strings.ContainsAny(t, "\"“”") {
		return false
	}
	words := strings.Fields(t)
	if len(words) < 4 {
		return false
	}
	capital := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			capital++
		case sentenceWords[w]:
			return false
		}
	}
	return capital*4 >= len(words)*3
}
