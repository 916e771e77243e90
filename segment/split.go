package segment

import (
	"strings"

	"github.com/khaldun/khaldun"
)

// terminal marks the bytes that may end a sentence: ".", "!", "?" and the
// lead byte of "…" (U+2026), checked in full when seen.
var terminal = [256]bool{'.': true, '!': true, '?': true, 0xE2: true}

// appendUnit splits body[start:end], a run of text in which line breaks are
// plain spaces, into sentences.
func appendUnit(dst []khaldun.Sentence, body string, start, end, para int) []khaldun.Sentence {
	from := start
	// The period of a "1. " list marker ends nothing.
	for i := start + bulletLen(body[start:end]); i < end; {
		if !terminal[body[i]] {
			i++
			continue
		}
		j, ok := sentenceEnd(body, from, i, end)
		if ok {
			dst = appendSentence(dst, body, from, j, para)
			from = j
		}
		i = j
	}
	return appendSentence(dst, body, from, end, para)
}

func appendSentence(dst []khaldun.Sentence, body string, i, j, para int) []khaldun.Sentence {
	i, j = trim(body, i, j)
	if i == j {
		return dst
	}
	return append(dst, khaldun.Sentence{Index: len(dst), Paragraph: para, Span: khaldun.Span{Start: i, End: j}})
}

// sentenceEnd looks at the punctuation starting at body[i] in the sentence
// begun at from. It returns the offset after the punctuation and any closing
// quotes and brackets, and whether the sentence ends there.
func sentenceEnd(body string, from, i, end int) (int, bool) {
	j := i
	periods, other := 0, false
	for j < end {
		switch c := body[j]; {
		case c == '.':
			periods++
			j++
			continue
		case c == '!' || c == '?':
			other = true
			j++
			continue
		case c == 0xE2 && strings.HasPrefix(body[j:end], "…"):
			other = true
			j += len("…")
			continue
		}
		break
	}
	if j == i {
		return i + 1, false // a lead byte 0xE2 that is not "…"
	}
	t := j
	for j < end {
		r, w := firstRune(body[j:end])
		if !closer(r) {
			break
		}
		j += w
	}
	if j == end {
		return j, false
	}
	if spaceAt(body, j) == 0 {
		// "3.5", "U.S.-led", "example.com", "?”," go on; "advocates.They",
		// where a scraper lost the space, ends.
		if !glued(body, from, i, t, j, end, other) {
			return j, false
		}
		if j == t+1 && body[t] == '"' {
			return t, true // with no space around it, `"` opens the next
		}
		return j, true
	}
	k := j
	for k < end {
		w := spaceAt(body, k)
		if w == 0 {
			break
		}
		k += w
	}
	next := skipOpeners(body[k:end])
	if strings.HasPrefix(next, "” ") {
		next = skipOpeners(strings.TrimLeft(next[len("” "):], " ")) // a stray closing quote
	}
	if isLink(next) || strings.HasPrefix(next, "pic.twitter.com/") {
		return j, true // an embedded post's text, then its link
	}
	r, _ := firstRune(next)
	if !startsSentence(r) {
		// "“Why?” he asked", "and then... they left", ". . ."
		return j, false
	}
	if other || periods != 1 {
		// "“Enough!” Trump tweeted." goes on.
		return j, !(other && j > i+1 && attribution(next))
	}
	return j, periodEnds(wordBefore(body, from, i), next)
}

// wordBefore returns the word that ends at body[i], without opening quotes
// and brackets.
func wordBefore(body string, from, i int) string {
	k := i
	for k > from {
		r, w := lastRune(body[from:k])
		if IsSpace(r) || opener(r) && r != '*' && r != '_' {
			break
		}
		k -= w
	}
	return body[k:i]
}

// periodEnds decides whether a single period after word ends the sentence
// when the next one, next, starts with a capital letter or a digit.
func periodEnds(word, next string) bool {
	switch abbrevClass(word) {
	case notAbbrev:
		return true
	case title:
		return false
	case clock:
		// "at 10 p.m. Police said" ends; "10 p.m. EST" does not.
		return !isDigit(next[0]) && !afterClock[leadingWord(next)]
	}
	// "U.S. officials" and "Oct. 7" go on; "in the U.S. The next day" ends.
	return starters[leadingWord(next)]
}

// leadingWord returns the letters at the start of s.
func leadingWord(s string) string {
	n := 0
	for n < len(s) && ('a' <= s[n] && s[n] <= 'z' || 'A' <= s[n] && s[n] <= 'Z') {
		n++
	}
	return s[:n]
}

// glued reports whether the punctuation body[i:t], closed up to j and
// followed by no space, ends a sentence whose next one starts right there:
// a lower-case letter, the punctuation, then a capitalised word.
func glued(body string, from, i, t, j, end int, other bool) bool {
	if i == from || !('a' <= body[i-1] && body[i-1] <= 'z') || t-i > 1 && !other {
		return false
	}
	next := body[j:end]
	if j == t+1 && body[t] == '"' {
		next = body[t+1 : end]
	}
	if len(next) < 2 || !('A' <= next[0] && next[0] <= 'Z') || !('a' <= next[1] && next[1] <= 'z') {
		return false
	}
	if other {
		return true
	}
	w := wordBefore(body, from, i)
	return abbrevClass(w) == notAbbrev && !strings.ContainsAny(w, "./@")
}

// speechVerbs follow a speaker's name after a quotation.
var speechVerbs = set(`said says asked asks tweeted tweets wrote writes added adds told
replied shouted yelled cried exclaimed posted insisted wondered continued declared`)

// attribution reports whether next, the text after a quotation ending in
// "?" or "!", is its attribution: a few capitalised words, not a sentence
// starter, then a verb of speech.
func attribution(next string) bool {
	for n := 0; n < 4; n++ {
		w := leadingWord(next)
		switch {
		case w == "":
			return false
		case speechVerbs[w]:
			return n > 0
		case n == 0 && starters[w], w[0] < 'A' || w[0] > 'Z':
			return false
		}
		next = strings.TrimLeft(next[len(w):], " ")
	}
	return false
}
