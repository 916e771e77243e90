package coder

import (
	"strings"
	"unicode"

	"github.com/khaldun/khaldun/dict"
)

// matchName is the longest dictionary actor at token i that does not end
// in an adverb of the sentence: in "Russia today condemned …" the channel
// "Russia Today" does not match, "Russia" does. Only a lower-case time
// word or adverb is refused — descriptive names stay lower case in news
// ("the UN refugee agency") — and only in a text in ordinary case (a
// capitalised first word).
func (c *Coder) matchName(s *sentence, i int) ([]*dict.Actor, int) {
	seq := s.seq
	for {
		as, n := c.d.MatchActor(seq, i)
		if n < 2 || !upperInitial(s.toks[i].Text) || as[0].CodeOn(s.date) == noCountry || !lowerWordIn(s, i+1, i+n) {
			return as, n
		}
		// retry without the last word: the next-longest entry
		seq = dict.Seq{Words: seq.Words[:i+n-1], Lemmas: seq.Lemmas[:i+n-1]}
	}
}

func upperInitial(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// timeWords are nouns used as adverbs of time.
var timeWords = map[string]bool{
	"today": true, "tonight": true, "yesterday": true, "tomorrow": true, "now": true,
}

// lowerWordIn reports a word of tokens [i, j) written without capitals
// that is an adverb or a time word ("today" in "Russia today").
func lowerWordIn(s *sentence, i, j int) bool {
	for k := i; k < j; k++ {
		w := s.toks[k].Text
		if strings.IndexFunc(w, unicode.IsUpper) < 0 && (timeWords[w] || strings.HasPrefix(s.pos(k), "RB")) {
			return true
		}
	}
	return false
}
